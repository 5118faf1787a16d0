"""The signature kiosk and the projector on the demo database (offscreen Qt, the app's worker).

Prints the medians of:
  kiosk ready     from the 确认签名 click to the pad empty, the search box focused and nobody
                  chosen (the signature stored on the worker, as the app does);
  projector sign  from that click to the projector showing the signer first;
  projector count from a check-in stored (its success callback announces it) to the projector's
                  实到 showing it;
and the limits issue 8 sets: ready in ≤ 150 ms, the projector within 200 ms.

Signers are guests added to the demo's reference ceremony (found by badge code, as a scanner
types it); check-ins are a member's check-in and undo, alternately.

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/kiosk.py [--runs 25]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

LIMITS_MS = {"kiosk ready": 150.0, "projector sign": 200.0, "projector count": 200.0}
STROKE = [QPoint(80 + 14 * i, 60 + (70 if i % 2 else 0)) for i in range(30)]


def until(condition: Callable[[], bool], limit_s: float = 10.0) -> float:
    """Process events until ``condition`` holds; the moment it did (perf_counter)."""
    end = time.perf_counter() + limit_s
    while not condition():
        if time.perf_counter() > end:
            raise TimeoutError("the condition never held")
        QApplication.processEvents()
        time.sleep(0.0002)
    return time.perf_counter()


def prepare(data_dir: Path, guests: int) -> tuple[uuid.UUID, list[str], uuid.UUID]:
    """The demo, ``guests`` guests on its ceremony's list (their badge codes), and one member
    present but unsigned for the check-in rounds (left expected)."""
    from redpair_desktop.domain.activities.codes import AttendanceStatus
    from redpair_desktop.services.activities import attendance
    from redpair_desktop.services.activities.sheets import activity_id
    from redpair_desktop.services.workspace import open_workspace

    command = [sys.executable, "-m", "redpair_desktop.cli.main", "--data-dir", str(data_dir)]
    subprocess.run([*command, "demo"], check=True, stdout=subprocess.DEVNULL)
    workspace = open_workspace(data_dir)
    try:
        ceremony = activity_id(workspace.db, "demo")
        codes = [
            attendance.add_guest(workspace.db, ceremony, f"来宾{n:03d}", "党建部").badge_code
            for n in range(guests)
        ]
        rows = attendance.expected_list(workspace.db, ceremony)
        member = next(r for r in rows if r.status is AttendanceStatus.PRESENT and not r.signed)
        attendance.undo(workspace.db, ceremony, member.id)
        return ceremony, codes, member.id
    finally:
        workspace.close()


def sign_one(kiosk, projector, code: str) -> tuple[float, float]:
    kiosk.search.setText(code)
    kiosk.find()
    until(lambda: kiosk.signer is not None)
    name = kiosk.signer.name
    QTest.mousePress(kiosk.pad, Qt.MouseButton.LeftButton, pos=STROKE[0])
    for point in STROKE[1:]:
        QTest.mouseMove(kiosk.pad, point)
    QTest.mouseRelease(kiosk.pad, Qt.MouseButton.LeftButton, pos=STROKE[-1])
    start = time.perf_counter()
    QTest.mouseClick(kiosk.confirm_button, Qt.MouseButton.LeftButton)
    ready = until(
        lambda: (
            kiosk.signer is None
            and kiosk.pad.is_empty
            and kiosk.focusWidget() is kiosk.search
            and kiosk.search.isEnabled()
            and "谢谢" in kiosk.message.text()
        )
    )
    shown = until(lambda: projector.latest.text().startswith(name))
    return (ready - start) * 1000, (shown - start) * 1000


def count_once(backend, projector, ceremony: uuid.UUID, member: uuid.UUID, undo: bool) -> float:
    from redpair_desktop.ui.activities import live

    def change(workspace):
        from redpair_desktop.services.activities import attendance

        if undo:
            return attendance.undo(workspace.db, ceremony, member)
        return attendance.check_in_attendee(workspace.db, ceremony, member)

    before = projector.counts["present"].text()
    stored: list[float] = []

    def on_stored(_row: object) -> None:
        stored.append(time.perf_counter())
        live.announce(ceremony)

    backend.call(change, on_stored)
    shown = until(lambda: projector.counts["present"].text() != before)
    return (shown - stored[0]) * 1000


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=25)
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = QApplication(sys.argv[:1])
    from redpair_desktop.ui.activities.kiosk import open_kiosk
    from redpair_desktop.ui.activities.projector import open_projector
    from redpair_desktop.ui.backend import Backend
    from redpair_desktop.ui.operations import DbRunner

    with tempfile.TemporaryDirectory() as directory:
        data_dir = Path(directory)
        ceremony, codes, member = prepare(data_dir, args.runs + 1)
        backend = Backend(DbRunner(lambda error: print("ERROR", error)), data_dir)
        projector = open_projector(backend, print, ceremony, fullscreen=False)
        kiosk = open_kiosk(backend, print, ceremony, fullscreen=False)
        for window in (kiosk, projector):
            window.resize(1920, 1080)
        until(lambda: kiosk.pledge_sha256 is not None and projector.latest.text() != "")
        sign_one(kiosk, projector, codes[0])  # warm: the first store loads the code paths
        times: dict[str, list[float]] = {name: [] for name in LIMITS_MS}
        for run, code in enumerate(codes[1:]):
            ready, shown = sign_one(kiosk, projector, code)
            times["kiosk ready"].append(ready)
            times["projector sign"].append(shown)
            times["projector count"].append(
                count_once(backend, projector, ceremony, member, undo=bool(run % 2))
            )
        kiosk.release()
        projector.close()
        backend.close()
    app.processEvents()
    print(f"{args.runs} runs, medians (max):")
    failed = False
    for name, limit in LIMITS_MS.items():
        median = statistics.median(times[name])
        met = median <= limit
        failed |= not met
        verdict = "met" if met else "NOT MET"
        worst = max(times[name])
        print(f"  {name:16s} {median:7.1f} ms  ({worst:6.1f})  ≤ {limit:.0f} ms: {verdict}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
