"""The registry page driven as a user drives it, with "today" fixed to the demo's day."""

from __future__ import annotations

import hashlib
import io
import sqlite3
import uuid
from datetime import date

import pypdf
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

from redpair_desktop.paths import DATABASE_FILE
from redpair_desktop.ui.pairings.table_model import FLAG_COLOURS, Column, PairingTableModel

DAY = date(2025, 12, 31)
MAISHI = "麦市供电所党支部"


def open_pairings(qtbot, application, day: date = DAY):
    application.window.select_section("pairings")
    page = application.window.page("pairings")
    page.today = lambda: day
    page.reload()
    qtbot.waitUntil(lambda: page.shown_day == day and page.model.rowCount() > 0, timeout=15000)
    return page


def cells(page, column: Column) -> list[str]:
    return [page.model.index(r, column).data() for r in range(page.model.rowCount())]


def row_with(page, station: str) -> int:
    return cells(page, Column.STATION).index(station)


def test_expired_demo_pairings_show_as_expired_never_in_progress(qtbot, open_app, demo_data_dir):
    page = open_pairings(qtbot, open_app(demo_data_dir))
    assert page.model.rowCount() == 46
    assert page.summary.text().startswith("共 46 次结对：本部部门 18、城区支部单位 28")
    model = page.model
    for r, row in enumerate(model.shown_rows()):
        status = model.index(r, Column.STATUS).data()
        if row.ended_on < DAY and row.stored_status.value == "signed":
            assert status in ("到期", "到期未续签"), (row, status)
        if status == "到期未续签":
            colour = model.index(r, Column.LEAD).data(Qt.ItemDataRole.ForegroundRole)
            assert colour == FLAG_COLOURS[row.flags[0]]
    statuses = cells(page, Column.STATUS)
    assert "到期" in statuses and "到期未续签" in statuses
    assert "进行中 · 临近到期" in statuses
    assert statuses[row_with(page, "大坪供电所党支部")] == "进行中"


def test_filtering_by_status_partner_type_and_text(qtbot, open_app, demo_data_dir):
    page = open_pairings(qtbot, open_app(demo_data_dir))
    status = page.filters.status
    status.setCurrentIndex(status.findText("到期未续签"))
    qtbot.waitUntil(lambda: 0 < page.model.rowCount() < 46)
    assert set(cells(page, Column.STATUS)) == {"到期未续签"}
    assert f"共 {page.model.rowCount()} 次结对" in page.summary.text()
    status.setCurrentIndex(status.findText("到期"))
    # 到期 keeps every expired pairing, renewed or not.
    qtbot.waitUntil(lambda: set(cells(page, Column.STATUS)) == {"到期", "到期未续签"})
    status.setCurrentIndex(0)
    page.filters.partner.setCurrentIndex(page.filters.partner.findText("本部部门"))
    qtbot.waitUntil(lambda: page.model.rowCount() == 18)
    page.filters.partner.setCurrentIndex(0)
    qtbot.keyClicks(page.filters.search, "daping")
    qtbot.waitUntil(lambda: cells(page, Column.STATION) == ["大坪供电所党支部"])


def test_create_by_keyboard_then_edit_the_end_date(qtbot, open_app, demo_data_dir):
    page = open_pairings(qtbot, open_app(demo_data_dir))
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: page.dialog is not None and page.dialog.isVisible())
    dialog = page.dialog
    qtbot.waitUntil(lambda: bool(dialog.station.pickable_ids()), timeout=10000)
    qtbot.keyClicks(dialog.lead.filter_edit, "zhfwzx")
    qtbot.keyClick(dialog.lead.filter_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.station.filter_edit.hasFocus())
    qtbot.keyClicks(dialog.station.filter_edit, "maishi")
    qtbot.keyClick(dialog.station.filter_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.started_on.hasFocus())
    qtbot.waitUntil(lambda: dialog.lead_liaison.count() > 1, timeout=10000)
    qtbot.keyClicks(dialog.started_on, "20251001")
    dialog.ended_on.setFocus()
    qtbot.keyClicks(dialog.ended_on, "20260215")
    assert dialog.ended_on.date().toPython() == date(2026, 2, 15)
    qtbot.keyClick(dialog.ended_on, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=10000)
    qtbot.waitUntil(lambda: MAISHI in cells(page, Column.STATION) and page.model.rowCount() == 47)
    row = row_with(page, MAISHI)
    assert page.model.index(row, Column.LEAD).data() == "综合服务中心党支部"
    assert page.model.index(row, Column.STATUS).data() == "进行中 · 临近到期"

    page.window().activateWindow()  # back from the dialog
    qtbot.waitUntil(page.isActiveWindow)
    page.table.setFocus()
    page.table.selectRow(row)
    qtbot.keyClick(page.table, Qt.Key.Key_F2)
    qtbot.waitUntil(lambda: page.dialog is not dialog and page.dialog.isVisible())
    editor = page.dialog
    qtbot.waitUntil(lambda: editor.station.current_value() is not None, timeout=10000)
    assert editor.started_on.date().toPython() == date(2025, 10, 1)
    editor.ended_on.setFocus()
    qtbot.keyClicks(editor.ended_on, "20281001")
    qtbot.keyClick(editor.ended_on, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not editor.isVisible(), timeout=10000)
    qtbot.waitUntil(lambda: status_of(page, MAISHI) == "进行中")
    assert cells(page, Column.END)[row_with(page, MAISHI)] == "2028-10-01"


def status_of(page, station: str) -> str | None:
    stations = cells(page, Column.STATION)
    return cells(page, Column.STATUS)[stations.index(station)] if station in stations else None


def test_a_refused_pairing_keeps_the_dialog_open_with_the_reason(qtbot, open_app, demo_data_dir):
    page = open_pairings(qtbot, open_app(demo_data_dir))
    page.actions["new"].trigger()
    qtbot.waitUntil(lambda: page.dialog is not None and page.dialog.isVisible())
    dialog = page.dialog
    qtbot.waitUntil(lambda: bool(dialog.station.pickable_ids()), timeout=10000)
    qtbot.keyClicks(dialog.lead.filter_edit, "zhfwzx")
    qtbot.keyClicks(dialog.station.filter_edit, "daping")
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save).click()
    qtbot.waitUntil(lambda: "日期与之重叠" in dialog.error.text(), timeout=10000)
    assert dialog.isVisible()
    assert page.model.rowCount() == 46


def test_terminating_asks_first_then_shows_the_day(qtbot, open_app, demo_data_dir):
    page = open_pairings(qtbot, open_app(demo_data_dir))
    page.table.selectRow(row_with(page, "大坪供电所党支部"))
    page.actions["terminate"].trigger()
    box = page.findChild(QMessageBox, "terminatePairing")
    qtbot.waitUntil(lambda: box is not None and box.isVisible())
    assert box.defaultButton() is not box.findChild(object, "terminatePairingButton")
    box.findChild(object, "terminatePairingButton").click()
    qtbot.waitUntil(lambda: status_of(page, "大坪供电所党支部") == "终止（2025-12-31）")
    assert not page.actions["terminate"].isEnabled()


def test_enter_on_a_row_edits_it(qtbot, open_app, demo_data_dir):
    page = open_pairings(qtbot, open_app(demo_data_dir))
    page.table.setFocus()
    page.table.selectRow(row_with(page, "大坪供电所党支部"))
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.dialog is not None and page.dialog.isVisible())
    dialog = page.dialog
    qtbot.waitUntil(lambda: dialog.station_liaison.currentText() == "陈振波", timeout=10000)
    assert dialog.windowTitle() == "编辑结对"
    assert dialog.station.text_of(dialog.station.current_entry().id) == "大坪供电所党支部"
    assert dialog.started_on.date().toPython() == date(2024, 3, 26)
    dialog.reject()


@pytest.mark.qt_log_ignore("This plugin does not support (grabbing the keyboard|raise)")
def test_the_row_menu_holds_the_actions(qtbot, open_app, demo_data_dir):
    page = open_pairings(qtbot, open_app(demo_data_dir))
    page.table.setFocus()
    page.table.selectRow(0)
    qtbot.keyClick(page.table, Qt.Key.Key_F10, Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(
        lambda: getattr(page, "row_menu", None) is not None and page.row_menu.isVisible()
    )
    texts = [action.text() for action in page.row_menu.actions()]
    assert texts == [
        "编辑", "新建结对", "起草协议书…", "预览协议书…", "屏幕签字…", "导入签字扫描件…", "",
        "终止结对…",
    ]  # fmt: skip
    page.row_menu.close()


def test_ctrl_p_previews_the_reference_agreement(qtbot, open_app, demo_data_dir):
    page = open_pairings(qtbot, open_app(demo_data_dir))
    assert not page.actions["preview"].isEnabled()
    page.table.setFocus()
    page.table.selectRow(row_with(page, "大坪供电所党支部"))
    assert cells(page, Column.LEAD)[row_with(page, "大坪供电所党支部")] == "综合服务中心党支部"
    qtbot.keyClick(page.table, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: page.preview is not None and page.preview.isVisible(), timeout=15000)
    preview = page.preview
    qtbot.waitUntil(lambda: len(preview.sizes) >= 2, timeout=10000)
    qtbot.waitUntil(lambda: preview.shown_page_count() == len(preview.sizes), timeout=10000)
    subject = pypdf.PdfReader(io.BytesIO(preview.data)).metadata.subject
    assert _pairing_of_record(demo_data_dir, subject) == page.selected_row().id
    preview.reject()


def _pairing_of_record(data_dir, subject: str) -> uuid.UUID | None:
    """The pairing whose recorded agreement version the PDF's subject names."""
    record_id = uuid.UUID(subject.split("id=")[1].split(";")[0])
    with sqlite3.connect(data_dir / DATABASE_FILE) as connection:
        row = connection.execute(
            "SELECT pairing_id FROM agreement_version WHERE id = ?", (record_id.hex,)
        ).fetchone()
    return uuid.UUID(row[0]) if row else None


def test_a_branch_without_a_secretary_is_reported_and_no_preview_opens(
    qtbot, open_app, demo_data_dir
):
    with_no_secretary(demo_data_dir, "大坪供电所党支部")
    application = open_app(demo_data_dir)
    page = open_pairings(qtbot, application)
    page.table.selectRow(row_with(page, "大坪供电所党支部"))
    page.actions["preview"].trigger()
    qtbot.waitUntil(lambda: application.reporter.last_dialog is not None, timeout=15000)
    assert "还没有书记" in application.reporter.last_dialog.text()
    assert application.reporter.last_dialog.icon() == QMessageBox.Icon.Warning
    assert page.preview is None
    application.reporter.last_dialog.close()


def with_no_secretary(data_dir, branch_name: str) -> None:
    from sqlalchemy import select

    from redpair_desktop.db.org.models import Branch
    from redpair_desktop.services.workspace import open_workspace

    workspace = open_workspace(data_dir)
    try:
        with workspace.db.write() as session:
            branch = session.scalars(select(Branch).where(Branch.short_name == branch_name)).one()
            branch.secretary_id = None
    finally:
        workspace.close()


def with_agreement_printed(data_dir) -> None:
    """The reference pairing's agreement recorded as version 1, as printing it does."""
    from redpair_desktop.services.agreements.builder import agreement_document
    from redpair_desktop.services.workspace import open_workspace

    workspace = open_workspace(data_dir)
    try:
        agreement_document(workspace.db, "demo")
    finally:
        workspace.close()


def _choose_file(monkeypatch, path) -> None:
    from redpair_desktop.ui.widgets import file_dialogs

    monkeypatch.setattr(file_dialogs, "ask_open_path", lambda *_args: path)


def _scan_rows(data_dir) -> list[tuple[str, int, str]]:
    with sqlite3.connect(data_dir / DATABASE_FILE) as connection:
        return connection.execute(
            "SELECT s.sha256, s.page_count, v.status FROM agreement_scan s"
            " JOIN agreement_version v ON v.id = s.agreement_version_id"
        ).fetchall()


def test_ctrl_i_imports_the_signed_scan_of_the_printed_agreement(
    qtbot, open_app, demo_data_dir, tmp_path, monkeypatch
):
    from PIL import Image

    scan = tmp_path / "signed.png"
    Image.new("RGB", (60, 80), "white").save(scan)
    with_agreement_printed(demo_data_dir)
    page = open_pairings(qtbot, open_app(demo_data_dir))
    page.table.setFocus()
    page.table.selectRow(row_with(page, "大坪供电所党支部"))
    _choose_file(monkeypatch, scan)
    qtbot.keyClick(page.table, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: page.scan_result is not None and page.scan_result.isVisible())
    digest = hashlib.sha256(scan.read_bytes()).hexdigest()
    assert page.scan_result.text() == "第 1 版协议已签署（纸质原件存档）。"
    assert f"SHA-256：{digest}" in page.scan_result.informativeText()
    assert "页数：1" in page.scan_result.informativeText()
    assert _scan_rows(demo_data_dir) == [(digest, 1, "signed_paper")]
    page.scan_result.accept()


def test_a_file_that_is_no_scan_is_refused_and_nothing_is_stored(
    qtbot, open_app, demo_data_dir, tmp_path, monkeypatch
):
    with_agreement_printed(demo_data_dir)
    application = open_app(demo_data_dir)
    page = open_pairings(qtbot, application)
    page.table.selectRow(row_with(page, "大坪供电所党支部"))
    not_a_scan = tmp_path / "notes.pdf"
    not_a_scan.write_text("会议记录", encoding="utf-8")
    _choose_file(monkeypatch, not_a_scan)
    page.actions["scan"].trigger()
    qtbot.waitUntil(lambda: application.reporter.last_dialog is not None, timeout=15000)
    assert application.reporter.last_dialog.icon() == QMessageBox.Icon.Warning
    assert page.scan_result is None
    assert _scan_rows(demo_data_dir) == []
    application.reporter.last_dialog.close()


def test_the_table_model_passes_qt_model_tester(qtmodeltester, demo_workspace):
    from redpair_desktop.services.pairings.registry import list_pairings

    model = PairingTableModel()
    model.set_rows(list_pairings(demo_workspace.db, DAY))
    qtmodeltester.check(model)
    model.sort(Column.STATION, Qt.SortOrder.AscendingOrder)
    qtmodeltester.check(model)
