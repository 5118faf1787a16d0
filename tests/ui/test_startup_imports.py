"""Start-up paints first: the libraries the data need load only after the window's first paint.

The window is built by ``ui/app.py:main`` itself, in a fresh interpreter; an application-wide
event filter (installed before ``main`` runs) notes ``sys.modules`` when the main window gets
its first paint event.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

# Each costs tens to hundreds of milliseconds to import; none is needed to paint the window.
LOADED_AFTER_THE_FIRST_PAINT = ("sqlalchemy", "openpyxl", "reportlab", "alembic", "pypinyin", "PIL")

AT_FIRST_PAINT = r"""
import json, sys
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication

{preload}
app = QApplication(sys.argv[:1])

class FirstPaint(QObject):
    seen = False

    def eventFilter(self, watched, event):
        if (
            not self.seen
            and event.type() == QEvent.Type.Paint
            and watched.objectName() == "mainWindow"
        ):
            self.seen = True
            print("MODULES " + json.dumps(sorted(sys.modules)), flush=True)
        return False

first_paint = FirstPaint()
app.installEventFilter(first_paint)
from redpair_desktop.ui.app import main
sys.exit(main(["--data-dir", sys.argv[1], "--quit-after-first-paint"]))
"""


def modules_at_first_paint(data_dir, preload: str = "") -> list[str]:
    result = subprocess.run(
        [sys.executable, "-c", AT_FIRST_PAINT.format(preload=preload), str(data_dir)],
        capture_output=True,
        text=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    lines = [line for line in result.stdout.splitlines() if line.startswith("MODULES ")]
    assert len(lines) == 1, result.stdout + result.stderr
    return json.loads(lines[0].removeprefix("MODULES "))


def offenders(modules: list[str]) -> list[str]:
    return [name for name in modules if name.split(".")[0] in LOADED_AFTER_THE_FIRST_PAINT]


def test_the_first_paint_comes_before_the_data_libraries(demo_data_dir):
    modules = modules_at_first_paint(demo_data_dir)
    assert "redpair_desktop.ui.main_window" in modules  # it really was the window's paint
    assert "redpair_desktop.ui.org.page" in modules
    found = sorted({name.split(".")[0] for name in offenders(modules)})
    assert not found, f"loaded before the first paint: {found}"


def test_a_library_loaded_before_the_first_paint_is_caught(demo_data_dir):
    modules = modules_at_first_paint(demo_data_dir, preload="import sqlalchemy")
    assert "sqlalchemy" in offenders(modules)
