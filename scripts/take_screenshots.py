"""Take the README's screenshots: the main window on the demo database, section by section, and
the roster's dialogs (person editor, removal, transfer, import check), the branch form, the
pairing editor and the agreement preview, the field work (inspections, their run window and
dialogs, checklist templates, line patrols) and the findings and measures.

Usage: QT_QPA_PLATFORM=offscreen python scripts/take_screenshots.py OUT_DIR
           [--language en] [--size 1024x768] [--suffix -1024]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
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
    os.environ["TZ"] = "Asia/Shanghai"  # times as a PC in China shows them, whatever this one's
    time.tzset()
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
    field_work_shots(app, window, shots)
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


def fit(widget: QWidget, bound: QWidget) -> None:
    """A separate window no larger than the main one (a small screen shrinks both)."""
    size = widget.size().boundedTo(bound.size())
    widget.resize(size)


def field_work_shots(app: QApplication, window: QWidget, shots: Shots) -> None:
    """检查与巡视: a new draft with a failed item, the demo's completed inspection, sign-off,
    the templates and their editor, the 内冲线 patrol and a defect; then 问题与帮扶."""
    window.select_section("inspections")
    page = window.pages.currentWidget()
    tab = page.tabs.widget(0)
    wait_until(app, lambda: tab.loaded and tab.model.rowCount() > 0)
    shots.save(window, "inspections")
    inspection_shots(app, window, shots, tab)
    completed = tab.open_run(result_of(app, tab.backend, reference_inspection))
    fit(completed, window)
    wait_until(app, lambda: completed.view is not None and completed.signatures.isVisible())
    failed = next(s for s in completed.view.items if s.failed)
    completed.items.select_key(failed.item.key)
    wait_until(app, lambda: completed.pane.photos.count() == len(failed.photos))
    shots.save(completed, "inspection-completed")
    completed.close()
    template_shots(app, window, shots, page.tabs.widget(2))
    page.tabs.setCurrentIndex(1)
    patrol_shots(app, window, shots, page.tabs.widget(1))
    measure_shots(app, window, shots)


def result_of(app: QApplication, backend, operation: Callable) -> object:
    """``operation(workspace)`` run on the application's worker; its result."""
    results: list = []
    backend.call(operation, results.append, lambda error: results.append(error))
    wait_until(app, lambda: bool(results))
    if isinstance(results[0], BaseException):
        raise results[0]
    return results[0]


def reference_inspection(workspace) -> object:
    """The demo's “党建+安全” inspection of 大坪 (``redpair inspection pdf demo``)."""
    from redpair_desktop.services.inspections.sheets import find_inspection

    with workspace.db.read() as session:
        return find_inspection(session, "demo")


def inspection_shots(app: QApplication, window: QWidget, shots: Shots, tab) -> None:
    """新建检查 of 大坪 on 日常管理 following the last visit, its first item 不符合, sign-off."""
    from redpair_desktop.ui.inspections.signoff_dialog import SignoffDialog

    tab.new_inspection()
    dialog = tab.dialog
    wait_until(app, lambda: dialog.isVisible() and dialog.start_button.isEnabled())
    dialog.inspectors.setText("王检查")
    dialog.template_boxes["daily"].setChecked(True)
    dialog.from_last.setChecked(True)
    shots.save(dialog, "inspection-new")
    dialog.start_button.click()
    wait_until(app, lambda: any(w.view is not None for w in tab.windows.values()))
    run = next(w for w in tab.windows.values() if w.view is not None)
    fit(run, window)
    key = run.items.current_key()
    failing = next(r for r in run.responses_of(key) if r.fails)
    run.answer(failing.key)
    wait_until(app, lambda: run.state(key).response is not None and run.pane.needs.isVisible())
    shots.save(run, "inspection-run")
    signoff = SignoffDialog(tab.backend, tab.report_error, run.run, run)
    signoff.open()
    wait_until(app, signoff.isVisible)
    shots.save(signoff, "inspection-signoff")
    signoff.reject()
    run.close()


def template_shots(app: QApplication, window: QWidget, shots: Shots, tab) -> None:
    window.pages.currentWidget().tabs.setCurrentWidget(tab)
    wait_until(app, lambda: tab.loaded and tab.version_table.rowCount() > 0)
    shots.save(window, "templates")
    office = next(n for n, row in enumerate(tab.rows) if row.key == "office")
    tab.table.selectRow(office)
    tab.edit_selected()
    editor = tab.editor
    wait_until(app, lambda: editor.isVisible() and editor.loaded is not None)
    shots.save(editor, "template-editor")
    editor.reject()


def patrol_shots(app: QApplication, window: QWidget, shots: Shots, tab) -> None:
    """The demo's 10 kV 内冲线 patrol at pole 37 (a defect), and the defect form."""
    from redpair_desktop.ui.assets.defect_dialog import DefectDialog

    wait_until(app, lambda: tab.loaded and tab.patrols_model.rowCount() > 0)
    settle(app)
    shots.save(window, "patrols")
    tab.open_selected()
    patrol = tab.window_
    fit(patrol, window)
    wait_until(app, lambda: patrol.loaded)
    patrol.jump.setText("37")
    patrol.jump_to_typed()
    wait_until(app, lambda: patrol.pane.history.topLevelItemCount() > 0)
    shots.save(patrol, "patrol-window")
    asset = patrol.current_asset()
    defect = DefectDialog(asset.number, asset.name, asset.kind, parent=patrol)
    defect.open()
    wait_until(app, defect.isVisible)
    shots.save(defect, "patrol-defect")
    defect.reject()
    patrol.close()


def measure_shots(app: QApplication, window: QWidget, shots: Shots) -> None:
    """帮扶措施 with its first measure and that measure's log, then 问题清单."""
    window.select_section("assistance")
    page = window.pages.currentWidget()
    wait_until(app, lambda: page.loaded and page.measures.rowCount() > 0)
    page.tabs.setCurrentIndex(1)
    page.measure_table.selectRow(0)
    wait_until(app, lambda: page.log.rowCount() > 0)
    shots.save(window, "measures")
    page.tabs.setCurrentIndex(0)
    page.finding_table.selectRow(0)
    shots.save(window, "findings")


if __name__ == "__main__":
    sys.exit(main())
