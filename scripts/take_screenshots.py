"""Take the README's screenshots: the main window on the demo database, section by section, and
the roster's dialogs (person editor, removal, transfer, import check), the branch form, the
pairing editor and the agreement preview.

Usage: QT_QPA_PLATFORM=offscreen python scripts/take_screenshots.py OUT_DIR
           [--language en] [--size 1024x768] [--suffix -1024]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEventLoop, Qt, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from redpair_desktop.cli.main import main as cli_main
from redpair_desktop.i18n import set_language
from redpair_desktop.settings import Settings, save_settings
from redpair_desktop.ui.app import Application, install_qt_translations
from redpair_desktop.ui.appearance import apply_appearance, register_fallback_font

BRANCH = "大坪供电所党支部"
BAD_ROWS = [  # an import file with a problem in several kinds of cell
    ["姓名", "性别", "出生日期", "公民身份号码", "人员类别", "所在党支部", "联系电话"],
    ["周九", "男", "1990-02-30", None, "群众", BRANCH, "13900000000"],
    ["吴十", "女", "1988-05-01", "420000198805010000", "中共党员", "大坪所", None],
    ["郑一", "X", "1979-13-01", None, "预备党员", BRANCH, "abc"],
    ["王二", "男", "1990-01-01", None, "群众", BRANCH, None],
]


def wait_until(app: QApplication, done: Callable[[], bool], limit_ms: int = 20000) -> None:
    waited = 0
    while not done() and waited < limit_ms:
        loop = QEventLoop()
        QTimer.singleShot(50, loop.quit)
        loop.exec()
        waited += 50


def settle(app: QApplication, ms: int = 300) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


class Shots:
    def __init__(self, app: QApplication, out_dir: Path, suffix: str) -> None:
        self.app, self.out_dir, self.suffix = app, out_dir, suffix

    def save(self, widget: QWidget, name: str) -> None:
        settle(self.app)
        widget.grab().save(str(self.out_dir / f"{name}{self.suffix}.png"))

    def dialog(self, panel, open_it: Callable[[], None], name: str) -> None:
        before = panel.dialog
        open_it()
        wait_until(self.app, lambda: panel.dialog is not before and panel.dialog.isVisible())
        settle(self.app, 600)
        self.save(panel.dialog, name)
        panel.dialog.reject()


def bad_import_file(folder: Path) -> Path:
    from openpyxl import Workbook

    workbook = Workbook()
    for row in BAD_ROWS:
        workbook.active.append(row)
    path = folder / "花名册（待检查）.xlsx"
    workbook.save(path)
    return path


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--language", default="zh_CN")
    parser.add_argument("--size", default="1200x760")
    parser.add_argument("--suffix", default="")
    args = parser.parse_args()
    args.out_dir.mkdir(parents=True, exist_ok=True)
    width, height = (int(n) for n in args.size.split("x"))
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
    window.resize(width, height)
    shown: list[bool] = []
    window.tree_shown.connect(lambda: shown.append(True))
    application.start()
    wait_until(app, lambda: bool(shown))
    suffix = ("" if args.language == "zh_CN" else f"-{args.language}") + args.suffix
    shots = Shots(app, args.out_dir, suffix)
    page = window.org_page
    tree, model = page.tree, page.tree.model()
    for match in model.findItems(BRANCH, Qt.MatchFlag.MatchExactly | Qt.MatchFlag.MatchRecursive):
        tree.setCurrentIndex(match.index())
        tree.scrollTo(match.index())
    settle(app, 600)
    shots.save(window, "main-window")
    page.edit_bar.edit_branch_info()
    wait_until(app, lambda: page.edit_bar.dialog is not None and page.edit_bar.dialog.isVisible())
    shots.save(page.edit_bar.dialog, "branch-info")
    page.edit_bar.dialog.reject()

    roster = page.roster
    loaded: list[bool] = []
    roster.loaded.connect(lambda: loaded.append(True))
    page.show_roster()
    wait_until(app, lambda: bool(loaded))
    shots.save(window, "roster")
    roster.table.selectRow(0)
    shots.dialog(roster, roster.edit_selected, "person-editor")
    shots.dialog(roster, roster.transfer_selected, "transfer")
    shots.dialog(roster, roster.remove_selected, "remove")
    roster.import_excel()
    wizard = roster.dialog
    wizard.file_page.path.setText(str(bad_import_file(data_dir)))
    checked: list[bool] = []
    wizard.check_page.checked.connect(lambda: checked.append(True))
    wizard.next()
    wait_until(app, lambda: bool(checked))
    shots.save(wizard, "import-check")
    wizard.reject()

    window.select_section("pairings")
    settle(app, 600)
    shots.save(window, "pairings")
    pairings = window.pages.currentWidget()
    pairings.table.selectRow(0)
    shots.dialog(pairings, pairings.edit_selected, "pairing-editor")
    shown = pairings.model.shown_rows()
    reference = next(row for row, pairing in enumerate(shown) if pairing.station_branch == BRANCH)
    pairings.table.selectRow(reference)
    pairings.preview_selected()
    wait_until(
        app,
        lambda: (
            pairings.preview is not None
            and pairings.preview.page_labels
            and pairings.preview.shown_page_count() == len(pairings.preview.page_labels)
        ),
    )
    shots.save(pairings.preview, "agreement-preview")
    saved_pdf = data_dir / "agreement.pdf"
    saved_pdf.write_bytes(pairings.preview.data)
    pairings.preview.reject()
    pairings.draft_selected()
    drafting = pairings.drafting
    wait_until(app, lambda: drafting.isVisible() and drafting.preview.page_count() > 0)
    settle(app, 600)
    shots.save(drafting, "agreement-drafting")
    drafting.reject()
    pairings.sign_selected()
    wait_until(app, lambda: pairings.signing.record_id is not None)
    settle(app)
    shots.save(pairings.signing, "screen-signing")
    pairings.signing.reject()
    pairings.verify_file()
    verifying = pairings.verify_dialog
    verifying.check(saved_pdf)
    wait_until(app, lambda: verifying.checked is not None)
    settle(app)
    shots.save(verifying, "verify")
    verifying.reject()
    window.select_section("settings")
    shots.save(window, "settings")
    activity_shots(app, window, shots)
    window.close()
    return 0


def activity_shots(app: QApplication, window: QWidget, shots: Shots) -> None:
    """The 活动与承诺 page on the reference ceremony, its tabs and its dialogs."""
    from redpair_desktop.ui.activities.ops import Printout

    window.select_section("activities")
    page = window.pages.currentWidget()
    wait_until(app, lambda: page.loaded and page.model.rowCount() > 0)
    page.select(page.model.row_at(0).id)
    panel = page.attendance
    wait_until(app, lambda: panel.model.rowCount() > 0)
    panel.box.setText("zy")
    panel.check_in_typed()
    wait_until(app, lambda: bool(panel.message.text()))
    shots.save(window, "activities")
    for index, name in ((1, "activity-run-sheet"), (2, "activity-photos"), (3, "activity-brief")):
        page.tabs.setCurrentIndex(index)
        shots.save(window, name)
    page.tabs.setCurrentIndex(0)
    shots.dialog(page, page.edit_selected, "activity-editor")
    panel.backfill()
    wait_until(app, lambda: panel.backfill_dialog.isVisible())
    shots.save(panel.backfill_dialog, "activity-backfill")
    panel.backfill_dialog.reject()
    panel.add_guest()
    wait_until(app, lambda: panel.guest_dialog.isVisible())
    shots.save(panel.guest_dialog, "activity-guest")
    panel.guest_dialog.reject()
    page.preview_printout(Printout.ROLL)
    wait_until(
        app,
        lambda: (
            page.preview is not None
            and page.preview.page_labels
            and page.preview.shown_page_count() == len(page.preview.page_labels)
        ),
    )
    shots.save(page.preview, "pledge-roll-preview")
    page.preview.reject()
    page.open_projector()
    projector = page.projector
    wait_until(app, lambda: projector.counts["present"].text() not in ("", "–"))
    wait_until(app, lambda: bool(projector.pledge_text.text()))
    settle(app)
    shots.save(projector, "projector")
    projector.close()
    page.open_kiosk()
    kiosk = page.kiosk
    wait_until(app, lambda: kiosk.search.isEnabled())
    settle(app)
    shots.save(kiosk, "kiosk")
    kiosk.release()


if __name__ == "__main__":
    sys.exit(main())
