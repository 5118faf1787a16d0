"""Take the README's screenshots: the main window on the demo database, section by section.

Usage: QT_QPA_PLATFORM=offscreen python scripts/take_screenshots.py OUT_DIR [--language en]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QEventLoop, Qt, QTimer
from PySide6.QtWidgets import QApplication

from redpair_desktop.cli.main import main as cli_main
from redpair_desktop.i18n import set_language
from redpair_desktop.settings import Settings, save_settings
from redpair_desktop.ui.app import Application, install_qt_translations
from redpair_desktop.ui.appearance import apply_appearance, register_fallback_font


def wait(app: QApplication, ms: int) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--language", default="zh_CN")
    args = parser.parse_args()
    args.out_dir.mkdir(parents=True, exist_ok=True)
    data_dir = Path(tempfile.mkdtemp(prefix="redpair-shots-"))
    save_settings(data_dir, Settings(language=args.language))
    cli_main(["--data-dir", str(data_dir), "demo"])
    set_language(args.language)
    app = QApplication(sys.argv[:1])
    install_qt_translations(app, args.language)
    apply_appearance(app)
    register_fallback_font()
    application = Application(app, data_dir)
    window = application.window
    window.resize(1200, 760)
    shown: list[bool] = []
    window.tree_shown.connect(lambda: shown.append(True))
    application.start()
    while not shown:
        wait(app, 50)
    tree = window.org_page.tree
    model = tree.model()
    exact_anywhere = Qt.MatchFlag.MatchExactly | Qt.MatchFlag.MatchRecursive
    for match in model.findItems("大坪供电所党支部", exact_anywhere):
        tree.setCurrentIndex(match.index())
        tree.scrollTo(match.index())
    wait(app, 400)
    suffix = "" if args.language == "zh_CN" else f"-{args.language}"
    window.grab().save(str(args.out_dir / f"main-window{suffix}.png"))
    page = window.org_page
    loaded: list[bool] = []
    page.roster.loaded.connect(lambda: loaded.append(True))
    page.show_roster()
    while not loaded:
        wait(app, 50)
    wait(app, 200)
    window.grab().save(str(args.out_dir / f"roster{suffix}.png"))
    page.roster.table.selectRow(0)
    page.roster.edit_selected()
    wait(app, 600)
    page.roster.dialog.grab().save(str(args.out_dir / f"person-editor{suffix}.png"))
    page.roster.dialog.reject()
    window.select_section("pairings")
    wait(app, 400)
    window.grab().save(str(args.out_dir / f"pairings{suffix}.png"))
    window.select_section("settings")
    wait(app, 100)
    window.grab().save(str(args.out_dir / f"settings{suffix}.png"))
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
