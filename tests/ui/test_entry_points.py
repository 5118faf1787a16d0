"""The window's entry points as CI, the installer smoke test and the benchmarks use them."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from redpair_desktop.paths import DATABASE_FILE

SCRIPT = Path(sys.executable).parent / "redpair-desktop"


def desktop(*args: str, module: bool = False) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "redpair_desktop"] if module else [str(SCRIPT)]
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run(
        command + list(args), capture_output=True, text=True, env=env, timeout=120, check=False
    )


def test_quit_when_loaded_on_the_demo(demo_data_dir):
    result = desktop("--data-dir", str(demo_data_dir), "--quit-when-loaded")
    assert result.returncode == 0, result.stderr


def test_quit_after_first_paint_with_python_m(data_dir):
    result = desktop("--data-dir", str(data_dir), "--quit-after-first-paint", module=True)
    assert result.returncode == 0, result.stderr
    assert (data_dir / DATABASE_FILE).exists() or data_dir.exists()


def test_quit_when_loaded_on_an_empty_database_reaches_the_first_run_page(data_dir):
    result = desktop("--data-dir", str(data_dir), "--quit-when-loaded")
    assert result.returncode == 0, result.stderr
    assert (data_dir / DATABASE_FILE).is_file()


def test_a_damaged_database_makes_the_probe_fail_without_a_traceback(demo_data_dir):
    (demo_data_dir / DATABASE_FILE).write_bytes(b"broken" * 1000)
    result = desktop("--data-dir", str(demo_data_dir), "--quit-when-loaded")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr


def test_qt_speaks_chinese_once_the_window_has_painted(demo_data_dir):
    code = (
        "import sys; from PySide6.QtCore import QCoreApplication, QLocale; "
        "from redpair_desktop.ui.app import main; "
        f"assert main(['--data-dir', {str(demo_data_dir)!r}, '--quit-when-loaded']) == 0; "
        "print(QCoreApplication.translate('QFileDialog', 'Look in:'), QLocale().name())"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120,
        check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["查找范围：", "zh_CN"]
