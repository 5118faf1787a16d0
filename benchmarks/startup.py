"""Start-up speed, measured as whole processes (issue 2).

Prints the medians of:
  bare      a bare PySide6 QMainWindow that shows, paints once and quits (the yardstick);
  paint     `redpair-desktop --quit-after-first-paint` on the demo database;
  loaded    `redpair-desktop --quit-when-loaded` (the organisation tree shows the demo data);
  sqla      `python -c "import sqlalchemy"` (the CLI's yardstick);
  info      `redpair info --json` on the demo database;
and the ratios the issues set limits for (paint ≤ 1.4× bare, loaded ≤ 2.5× bare, info ≤ 2× sqla).

    python benchmarks/startup.py [--runs 15]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BARE_WINDOW = """
import sys
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv[:1])
window = QMainWindow()
class Probe(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            QTimer.singleShot(0, app.quit)
        return False
probe = Probe()
window.installEventFilter(probe)
window.show()
app.exec()
"""

LIMITS = {"paint / bare": 1.4, "loaded / bare": 2.5, "info / sqla": 2.0}


def timed(command: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(
        command, env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    python = sys.executable
    data_dir = Path(tempfile.mkdtemp(prefix="redpair-bench-"))
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    subprocess.run(
        [python, "-m", "redpair_desktop.cli.main", "--data-dir", str(data_dir), "demo"],
        env=env,
        check=True,
        stdout=subprocess.DEVNULL,
    )
    desktop = [python, "-m", "redpair_desktop", "--data-dir", str(data_dir)]
    commands = {
        "bare": [python, "-c", BARE_WINDOW],
        "paint": [*desktop, "--quit-after-first-paint"],
        "loaded": [*desktop, "--quit-when-loaded"],
        "sqla": [python, "-c", "import sqlalchemy"],
        "info": [
            python,
            "-m",
            "redpair_desktop.cli.main",
            "--data-dir",
            str(data_dir),
            "info",
            "--json",
        ],
    }
    for command in commands.values():  # warm the file cache and the .pyc files
        timed(command, env)
    samples: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(args.runs):  # interleaved, so that machine noise hits every command alike
        for name, command in commands.items():
            samples[name].append(timed(command, env))
    medians = {name: statistics.median(values) for name, values in samples.items()}
    print(f"runs: {args.runs} each, interleaved; QT_QPA_PLATFORM={env['QT_QPA_PLATFORM']}")
    for name, value in medians.items():
        print(f"{name:>7}: median {value * 1000:7.1f} ms  (min {min(samples[name]) * 1000:.1f} ms)")
    failed = False
    for ratio, limit in LIMITS.items():
        top, bottom = ratio.split(" / ")
        value = medians[top] / medians[bottom]
        verdict = "ok" if value <= limit else "OVER"
        failed |= value > limit
        print(f"{ratio:>14}: {value:.2f}  (limit {limit})  {verdict}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
