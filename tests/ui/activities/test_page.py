"""The 活动与承诺 page driven as the desk operator drives it, on the demo database: the reference
ceremony, a new activity for its pairing where 17 members check in by typing their names, the
refusals beside the box, pinyin initials that fit two people, a badge, 请假, 补录, the brief on
the clipboard, the 承诺签名册 preview; both table models pass Qt's model tester."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from redpair_desktop.domain.activities.codes import AttendanceStatus
from redpair_desktop.domain.pinyin_keys import name_keys
from redpair_desktop.services.demo import facts
from redpair_desktop.ui.activities.attendee_model import Column
from redpair_desktop.ui.activities.ops import Printout
from tests.ui.conftest import type_chinese

LEAD = "综合服务中心党支部"


def open_activities(qtbot, application):
    application.window.select_section("activities")
    page = application.window.page("activities")
    qtbot.waitUntil(lambda: page.loaded and page.model.rowCount() > 0, timeout=15000)
    return page


def select_reference(qtbot, page):
    row = next(r for r in page.model.all_rows() if r.title == facts.CEREMONY_TITLE)
    page.select(row.id)
    qtbot.waitUntil(lambda: page.attendance.model.rowCount() > 0, timeout=15000)
    return row


def new_activity_for_reference(qtbot, page, title: str = "主题党日：安全生产月"):
    select_reference(qtbot, page)
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: page.dialog is not None and page.dialog.isVisible())
    dialog = page.dialog
    qtbot.waitUntil(lambda: dialog.pairing.count() > 0 and dialog.pledge.count() > 0)
    assert dialog.pairing.currentText() == f"{LEAD}—大坪供电所党支部"
    dialog.type.setCurrentIndex(dialog.type.findText("主题党日"))
    type_chinese(dialog.title, title)
    type_chinese(dialog.place, "综合服务中心会议室")
    qtbot.keyClick(dialog.title, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    panel = page.attendance
    qtbot.waitUntil(lambda: page.selected_row() is not None and page.selected_row().title == title)
    qtbot.waitUntil(lambda: panel.counts is not None and panel.model.rowCount() > 0)
    focus_check_in_box(qtbot, page)
    return panel


def focus_check_in_box(qtbot, page) -> None:
    """In the active window, Ctrl+L from the list puts the cursor in the check-in box."""
    window = page.window()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    page.table.setFocus()
    qtbot.waitUntil(page.table.hasFocus)
    qtbot.keyClick(page.table, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(page.attendance.box.hasFocus)


def check_in_by_typing(qtbot, panel, text: str) -> None:
    type_chinese(panel.box, text)
    qtbot.keyClick(panel.box, Qt.Key.Key_Return)


def row_named(panel, name: str):
    return next(r for r in panel.model.rows() if r.name == name)


def test_the_reference_ceremony_shows_its_counts_and_signed_roll(qtbot, open_app, demo_data_dir):
    page = open_activities(qtbot, open_app(demo_data_dir))
    select_reference(qtbot, page)
    panel = page.attendance
    qtbot.waitUntil(lambda: panel.counter.text() == "应到 22 · 实到 21 · 请假 1 · 缺席 0")
    signed = [r for r in panel.model.rows() if r.signed]
    assert len(signed) == 17 and {r.unit for r in signed} == {LEAD}
    at = panel.model.row_of(signed[0].id)
    assert panel.model.index(at, Column.SIGNED).data() == "✓"
    assert "签名终端" in page.actions["kiosk"].text()


def test_seventeen_members_check_in_by_typing_their_names(qtbot, open_app, demo_data_dir):
    page = open_activities(qtbot, open_app(demo_data_dir))
    panel = new_activity_for_reference(qtbot, page)
    assert panel.counter.text() == "应到 22 · 实到 0 · 请假 0 · 缺席 0"
    members = [r.name for r in panel.model.rows() if r.unit == LEAD]
    assert len(members) == 17
    for count, name in enumerate(members, start=1):
        check_in_by_typing(qtbot, panel, name)
        qtbot.waitUntil(lambda n=name: row_named(panel, n).status is AttendanceStatus.PRESENT)
        qtbot.waitUntil(lambda c=count: f"实到 {c} ·" in panel.counter.text())
        assert panel.box.text() == "" and panel.box.hasFocus()
    assert panel.counter.text() == "应到 22 · 实到 17 · 请假 0 · 缺席 0"
    at = panel.model.row_of(row_named(panel, members[0]).id)
    assert panel.model.index(at, Column.STATUS).data() == "实到"
    assert panel.model.index(at, Column.TIME).data()
    # The activity list follows the check-ins.
    qtbot.waitUntil(lambda: page.selected_row() is not None and page.selected_row().present == 17)

    # A second check-in of the same person is refused politely, and the text stays in the box.
    check_in_by_typing(qtbot, panel, members[3])
    qtbot.waitUntil(lambda: "不必重复签到" in panel.message.text())
    assert panel.message.text().startswith(f"{members[3]} 已于 ")
    assert panel.box.text() == members[3]
    assert panel.counter.text() == "应到 22 · 实到 17 · 请假 0 · 缺席 0"


def test_initials_that_fit_two_people_list_both_to_pick_from(qtbot, open_app, demo_data_dir):
    page = open_activities(qtbot, open_app(demo_data_dir))
    panel = new_activity_for_reference(qtbot, page)
    member = next(r for r in panel.model.rows() if r.unit == LEAD)
    initials = name_keys(member.name)[0]
    twin = "程" + member.name[1:] if not member.name.startswith("程") else "陈" + member.name[1:]
    assert name_keys(twin)[0] == initials
    panel.add_guest()
    guest = panel.guest_dialog
    qtbot.waitUntil(guest.isVisible)
    type_chinese(guest.name, twin)
    type_chinese(guest.unit, "国网通城县供电公司党建部")
    qtbot.keyClick(guest.name, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: any(r.name == twin for r in panel.model.rows()))
    page.window().activateWindow()
    qtbot.waitUntil(panel.box.hasFocus)  # back in the box for the next arrival

    qtbot.keyClicks(panel.box, initials)
    qtbot.keyClick(panel.box, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: panel.choices.isVisible() and panel.choices.count() >= 2)
    listed = [panel.choices.item(i).text() for i in range(panel.choices.count())]
    assert f"{member.name}（{LEAD}）" in listed and any(t.startswith(twin) for t in listed)
    assert f"对应 {len(listed)} 人" in panel.message.text()
    assert all(r.status is AttendanceStatus.EXPECTED for r in panel.model.rows())
    # ↓ moves through the people while the cursor stays in the box; Enter checks that one in.
    wanted = next(i for i, t in enumerate(listed) if t.startswith(twin))
    for _step in range(wanted):
        qtbot.keyClick(panel.box, Qt.Key.Key_Down)
    assert panel.box.hasFocus() and panel.choices.currentRow() == wanted
    qtbot.keyClick(panel.box, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: row_named(panel, twin).status is AttendanceStatus.PRESENT)
    assert row_named(panel, member.name).status is AttendanceStatus.EXPECTED
    assert not panel.choices.isVisible() and panel.box.text() == ""


def test_a_badge_checks_in_and_a_reason_excuses(qtbot, open_app, demo_data_dir):
    page = open_activities(qtbot, open_app(demo_data_dir))
    panel = new_activity_for_reference(qtbot, page)
    first, second = panel.model.rows()[:2]
    qtbot.keyClicks(panel.box, first.badge_code)  # what a USB scanner types
    qtbot.keyClick(panel.box, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: row_named(panel, first.name).status is AttendanceStatus.PRESENT)
    qtbot.waitUntil(lambda: "实到 1 ·" in panel.counter.text())

    qtbot.keyClicks(panel.box, "RP1-NOBODY")
    qtbot.keyClick(panel.box, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "胸牌码" in panel.message.text())
    assert panel.box.text() == "RP1-NOBODY"

    panel.table.selectRow(panel.model.row_of(second.id))
    panel.table.setFocus()
    qtbot.keyClick(
        panel.table,
        Qt.Key.Key_E,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    qtbot.waitUntil(lambda: panel.reason_dialog is not None and panel.reason_dialog.isVisible())
    panel.reason_dialog.setTextValue("出差")
    panel.reason_dialog.accept()
    qtbot.waitUntil(lambda: panel.counter.text() == "应到 22 · 实到 1 · 请假 1 · 缺席 0")
    at = panel.model.row_of(second.id)
    assert panel.model.index(at, Column.STATUS).data() == "请假（出差）"

    # 撤销 takes it back; the counter follows.
    panel.table.selectRow(at)
    panel.actions["undo"].trigger()
    qtbot.waitUntil(lambda: panel.counter.text() == "应到 22 · 实到 1 · 请假 0 · 缺席 0")


def test_backfill_marks_the_rows_from_the_paper_list(qtbot, open_app, demo_data_dir):
    page = open_activities(qtbot, open_app(demo_data_dir))
    panel = new_activity_for_reference(qtbot, page)
    person = panel.model.rows()[4]
    panel.backfill()
    dialog = panel.backfill_dialog
    qtbot.waitUntil(dialog.isVisible)
    qtbot.keyClicks(dialog.search, name_keys(person.name)[0])
    shown = [dialog.people.item(i) for i in range(dialog.people.count())]
    visible = [item for item in shown if not item.isHidden()]
    assert any(item.text().startswith(person.name) for item in visible)
    assert len(visible) < len(shown)
    item = next(item for item in visible if item.text().startswith(person.name))
    item.setCheckState(Qt.CheckState.Checked)
    qtbot.keyClick(dialog.reason, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: row_named(panel, person.name).backfilled)
    at = panel.model.row_of(person.id)
    assert panel.model.index(at, Column.BACKFILLED).data() == "补录"
    assert "补录：" in panel.model.index(at, Column.BACKFILLED).data(Qt.ItemDataRole.ToolTipRole)
    assert panel.model.index(at, Column.STATUS).data() == "实到"
    qtbot.waitUntil(lambda: "实到 1 ·" in panel.counter.text())


def test_the_brief_copies_to_the_clipboard(qtbot, open_app, demo_data_dir):
    page = open_activities(qtbot, open_app(demo_data_dir))
    select_reference(qtbot, page)
    page.tabs.setCurrentWidget(page.brief)
    qtbot.waitUntil(lambda: page.brief.text.toPlainText().startswith(facts.CEREMONY_TITLE))
    QApplication.clipboard().clear()
    page.brief.text.setFocus()
    qtbot.keyClick(
        page.brief.text,
        Qt.Key.Key_C,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    qtbot.waitUntil(lambda: QApplication.clipboard().text() == page.brief.text.toPlainText())
    assert "应到22人，实到21人，请假1人，缺席0人" in QApplication.clipboard().text()
    assert page.brief.status.text()


def test_the_pledge_roll_preview_opens_with_its_pages(qtbot, open_app, demo_data_dir):
    page = open_activities(qtbot, open_app(demo_data_dir))
    select_reference(qtbot, page)
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: page.preview is not None and page.preview.isVisible(), timeout=15000)
    preview = page.preview
    qtbot.waitUntil(
        lambda: 0 < preview.shown_page_count() == len(preview.page_labels),
        timeout=15000,
    )
    assert preview.windowTitle() == "承诺签名册"
    assert preview.data.startswith(b"%PDF")
    preview.reject()
    page.preview_printout(Printout.SIGN_IN_BLANK)
    qtbot.waitUntil(lambda: page.preview is not preview and page.preview.isVisible())
    assert page.preview.windowTitle() == "签到表（空白）"


def test_the_list_filters_by_type_and_pairing(qtbot, open_app, demo_data_dir):
    page = open_activities(qtbot, open_app(demo_data_dir))
    new_activity_for_reference(qtbot, page)
    qtbot.waitUntil(lambda: page.model.rowCount() == 2)
    types = page.filters.type
    types.setCurrentIndex(types.findText("主题党日"))
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    assert page.model.row_at(0).title == "主题党日：安全生产月"
    types.setCurrentIndex(0)
    pairings = page.filters.pairing
    pairings.setCurrentIndex(pairings.findText(f"{LEAD}—大坪供电所党支部"))
    qtbot.waitUntil(lambda: page.model.rowCount() == 2)
    qtbot.keyClicks(page.filters.search, "qdys")  # 启动仪式's pinyin initials
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)


def test_the_models_pass_qt_model_tester(qtbot, qtmodeltester, open_app, demo_data_dir):
    page = open_activities(qtbot, open_app(demo_data_dir))
    select_reference(qtbot, page)
    qtmodeltester.check(page.model)
    qtmodeltester.check(page.attendance.model)


def test_ctrl_k_opens_the_kiosk_and_ctrl_shift_p_the_projector_for_the_activity(
    qtbot, open_app, demo_data_dir
):
    page = open_activities(qtbot, open_app(demo_data_dir))
    select_reference(qtbot, page)
    focus_check_in_box(qtbot, page)
    page.table.setFocus()
    modifiers = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(page.table, Qt.Key.Key_P, modifiers)
    qtbot.waitUntil(lambda: page.projector is not None and page.projector.isVisible())
    projector = page.projector
    qtbot.waitUntil(lambda: projector.counts["present"].text() == "21", timeout=10000)
    projector.close()
    focus_check_in_box(qtbot, page)
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: page.kiosk is not None and page.kiosk.isVisible())
    kiosk = page.kiosk
    qtbot.waitUntil(lambda: kiosk.search.isEnabled())
    kiosk.release()
    qtbot.waitUntil(lambda: not kiosk.isVisible())
