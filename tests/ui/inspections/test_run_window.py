"""The run window driven like an inspector on site: one key per answer and on to the next item,
a failed answer demanding its comment and photo before anything can be completed, the sign-off
of both parties with mouse strokes, the draft resumed after the database is reopened, and a
completed inspection read-only with its correction."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QImage, QTextCursor
from PySide6.QtWidgets import QPushButton

from redpair_desktop.ui.inspections.missing_dialog import MissingDialog
from redpair_desktop.ui.inspections.signoff_dialog import SignoffDialog
from tests.ui.conftest import type_chinese
from tests.ui.inspections.driving import (
    answers_of,
    draw,
    inspections_tab,
    new_draft,
    open_run,
    press,
    run,
    settled,
    view_of,
)

pytestmark = pytest.mark.gui


def photo_file(tmp_path, name="photo.jpg", colour="#7a8a99"):
    image = QImage(640, 480, QImage.Format.Format_RGB32)
    image.fill(QColor(colour))
    path = tmp_path / name
    assert image.save(str(path), "JPEG")
    return path


def comment_stored(window) -> bool:
    return window.pending_comment is None and not window.comment_timer.isActive()


def test_keys_answer_and_move_on(qtbot, demo_app):
    inspection_id = new_draft(qtbot, demo_app)
    window = open_run(qtbot, demo_app, inspection_id)
    keys = [s.item.key for s in window.view.items]
    assert window.items.current_key() == keys[0] and window.items.hasFocus()
    press(qtbot, window, Qt.Key.Key_1)
    press(qtbot, window, Qt.Key.Key_2)
    press(qtbot, window, Qt.Key.Key_0)
    assert window.items.current_key() == keys[3]
    settled(qtbot, demo_app)
    assert answers_of(qtbot, demo_app, inspection_id) == {
        keys[0]: "pass", keys[1]: "partial", keys[2]: "na"
    }  # fmt: skip
    assert window.totals.text().startswith("总分") and "已答 3/10" in window.totals.text()
    press(qtbot, window, Qt.Key.Key_Up)
    assert window.items.current_key() == keys[2]
    press(qtbot, window, Qt.Key.Key_Backspace)
    settled(qtbot, demo_app)
    assert keys[2] not in answers_of(qtbot, demo_app, inspection_id)
    assert "已答 2/10" in window.totals.text()
    assert window.pane.buttons[0].text() == "1  符合"


def test_the_cursor_skips_the_section_headings(qtbot, demo_app):
    inspection_id = new_draft(qtbot, demo_app)
    window = open_run(qtbot, demo_app, inspection_id)
    keys = [s.item.key for s in window.view.items]
    first_of_second = next(
        s.item.key for s in window.view.items if s.section != window.view.items[0].section
    )
    window.items.select_key(keys[keys.index(first_of_second) - 1])
    press(qtbot, window, Qt.Key.Key_Down)
    assert window.items.current_key() == first_of_second


def test_a_failed_item_demands_comment_and_photo_then_signs_off(
    qtbot, demo_app, tmp_path, monkeypatch
):
    inspection_id = new_draft(qtbot, demo_app)
    window = open_run(qtbot, demo_app, inspection_id)
    failed_key = window.items.current_key()
    press(qtbot, window, Qt.Key.Key_3)  # 不符合: stays on the item
    assert window.items.current_key() == failed_key
    qtbot.waitUntil(lambda: window.pane.needs.isVisible())
    assert "必须填写说明并添加照片" in window.pane.needs.text()
    assert "⚠" in window.items.currentItem().text()
    press(qtbot, window, Qt.Key.Key_Down)
    press(qtbot, window, Qt.Key.Key_1, times=9)  # every other item 符合
    settled(qtbot, demo_app)
    qtbot.keyClick(window.items, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: isinstance(window.dialog, MissingDialog))
    missing = window.dialog
    assert isinstance(missing, MissingDialog) and missing.list.count() == 1
    assert "必须填写说明并添加照片" in missing.list.item(0).text()
    window.items.select_key(window.view.items[1].item.key)
    qtbot.keyClick(missing.list, Qt.Key.Key_Return)  # goes to the item
    assert window.items.current_key() == failed_key
    qtbot.waitUntil(window.isActiveWindow)  # back from the dialog, where its keys work

    qtbot.keyClick(window.items, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    assert window.pane.comment.hasFocus()
    type_chinese(window.pane.comment, "考核细则未细化到台区经理")
    qtbot.waitUntil(lambda: comment_stored(window), timeout=5000)
    settled(qtbot, demo_app)
    assert "还需添加照片" in window.pane.needs.text()
    qtbot.keyClick(window.pane.comment, Qt.Key.Key_Escape)
    assert window.items.hasFocus()

    image = QImage(320, 240, QImage.Format.Format_RGB32)
    image.fill(QColor("#336699"))
    QGuiApplication.clipboard().setImage(image)
    qtbot.keyClick(window.items, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.pane.photos.count() == 1, timeout=15000)
    picked = photo_file(tmp_path)
    monkeypatch.setattr("redpair_desktop.ui.inspections.run_window.ask_photo", lambda *a: picked)
    qtbot.keyClick(
        window.items, Qt.Key.Key_I,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )  # fmt: skip
    qtbot.waitUntil(lambda: window.pane.photos.count() == 2, timeout=15000)
    assert not window.pane.needs.isVisible() and "✗" in window.items.currentItem().text()
    assert not window.pane.photos.item(0).icon().isNull()

    qtbot.keyClick(window.items, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.dialog is not missing, timeout=15000)
    signoff = window.dialog
    assert isinstance(signoff, SignoffDialog)
    inspector, inspected = signoff.sections
    assert inspector.name.text() == "王检查" and inspector.pad.isEnabled()
    assert not inspected.pad.isEnabled()
    draw(qtbot, inspector.pad)
    qtbot.mouseClick(inspector.confirm_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: inspector.is_signed, timeout=15000)
    assert "王检查 已签字" in inspector.stored.text()
    qtbot.mouseClick(inspected.confirm_button, Qt.MouseButton.LeftButton)
    assert "请先填写签字人姓名" in inspected.message.text()  # nothing stored
    type_chinese(inspected.name, "陈振波")
    draw(qtbot, inspected.pad)
    qtbot.mouseClick(inspected.confirm_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: signoff.complete_button.isEnabled(), timeout=15000)
    qtbot.mouseClick(signoff.complete_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "已生成 1 条问题" in window.banner.text(), timeout=15000)

    view = view_of(qtbot, demo_app, inspection_id)
    assert view.status.value == "completed" and len(view.signoffs) == 2

    def findings(workspace):
        from sqlalchemy import select

        from redpair_desktop.db.measures.models import Finding

        with workspace.db.read() as session:
            query = select(Finding).where(Finding.inspection_id == inspection_id)
            return [(f.item_key, f.description) for f in session.scalars(query)]

    assert run(qtbot, demo_app, findings) == [
        (failed_key, f"{view.items[0].item.text}：考核细则未细化到台区经理")
    ]
    assert not window.pane.buttons[0].isEnabled() and window.pane.comment.isReadOnly()


def test_ctrl_enter_at_once_after_the_last_answer_goes_to_the_sign_off(qtbot, demo_app):
    window = open_run(qtbot, demo_app, new_draft(qtbot, demo_app))
    press(qtbot, window, Qt.Key.Key_Down)
    press(qtbot, window, Qt.Key.Key_1, times=9)
    window.items.select_key(window.view.items[0].item.key)  # a mandatory item left
    settled(qtbot, demo_app)
    press(qtbot, window, Qt.Key.Key_1)  # its answer still on its way to the database
    qtbot.keyClick(window.items, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.dialog is not None and window.dialog.isVisible(), timeout=15000)
    assert isinstance(window.dialog, SignoffDialog)  # not "unanswered" for the item just answered


def test_ctrl_enter_from_the_comment_just_typed_goes_to_the_sign_off(qtbot, demo_app):
    window = open_run(qtbot, demo_app, new_draft(qtbot, demo_app))
    image = QImage(320, 240, QImage.Format.Format_RGB32)
    image.fill(QColor("#336699"))
    QGuiApplication.clipboard().setImage(image)
    press(qtbot, window, Qt.Key.Key_3)  # 不符合
    qtbot.keyClick(window.items, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.pane.photos.count() == 1, timeout=15000)
    press(qtbot, window, Qt.Key.Key_Down)
    press(qtbot, window, Qt.Key.Key_1, times=9)
    window.items.select_key(window.view.items[0].item.key)
    settled(qtbot, demo_app)
    qtbot.keyClick(window.items, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    type_chinese(window.pane.comment, "灭火器过期")
    qtbot.keyClick(window.pane.comment, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.dialog is not None and window.dialog.isVisible(), timeout=15000)
    assert isinstance(window.dialog, SignoffDialog)  # the comment counted, though just typed


def test_ctrl_v_in_the_comment_pastes_the_picture_on_the_clipboard(qtbot, demo_app):
    inspection_id = new_draft(qtbot, demo_app)
    window = open_run(qtbot, demo_app, inspection_id)
    press(qtbot, window, Qt.Key.Key_3)  # 不符合: a comment and a photo wanted
    qtbot.waitUntil(lambda: window.pane.needs.isVisible())
    qtbot.keyClick(window.items, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    type_chinese(window.pane.comment, "消防通道堆放杂物")
    image = QImage(320, 240, QImage.Format.Format_RGB32)
    image.fill(QColor("#663399"))
    QGuiApplication.clipboard().setImage(image)
    qtbot.keyClick(window.pane.comment, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.pane.photos.count() == 1, timeout=15000)
    assert window.pane.comment.toPlainText() == "消防通道堆放杂物"
    settled(qtbot, demo_app)
    assert len(view_of(qtbot, demo_app, inspection_id).items[0].photos) == 1
    QGuiApplication.clipboard().setText("，限期清理")  # text still pastes as text
    window.pane.comment.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClick(window.pane.comment, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert window.pane.comment.toPlainText() == "消防通道堆放杂物，限期清理"
    assert window.pane.photos.count() == 1


def test_a_draft_resumes_after_the_database_is_reopened(qtbot, open_app, demo_data_dir, tmp_path):
    application = open_app(demo_data_dir)
    inspection_id = new_draft(qtbot, application)
    window = open_run(qtbot, application, inspection_id)
    keys = [s.item.key for s in window.view.items]
    press(qtbot, window, Qt.Key.Key_1, times=2)
    press(qtbot, window, Qt.Key.Key_3)
    settled(qtbot, application)
    type_chinese(window.pane.comment, "工作票未按月装订")
    window.close()  # stores the comment typed, without waiting for the pause
    settled(qtbot, application)
    application.window.close()
    application.backend.close()

    reopened = open_app(demo_data_dir)
    window = open_run(qtbot, reopened, inspection_id)
    assert window.items.current_key() == keys[2]  # the first item still needing something
    assert window.pane.comment.toPlainText() == "工作票未按月装订"
    answers = {s.item.key: s.response.key for s in window.view.items if s.response}
    assert answers == {keys[0]: "pass", keys[1]: "pass", keys[2]: "fail"}
    assert "还需添加照片" in window.pane.needs.text()


def test_closing_the_main_window_at_once_keeps_the_comment_just_typed(
    qtbot, open_app, demo_data_dir
):
    application = open_app(demo_data_dir)
    inspection_id = new_draft(qtbot, application)
    window = open_run(qtbot, application, inspection_id)
    key = window.items.current_key()
    press(qtbot, window, Qt.Key.Key_3)  # a failed answer stays on its item
    settled(qtbot, application)
    type_chinese(window.pane.comment, "灭火器压力不足")
    assert window.pending_comment is not None  # still waiting for the pause
    application.window.close()  # closes the run window first; the worker then finishes it
    assert not window.isVisible()

    reopened = open_app(demo_data_dir)
    items = {s.item.key: s for s in view_of(qtbot, reopened, inspection_id).items}
    assert items[key].comment == "灭火器压力不足"


def test_a_photo_that_is_not_an_image_is_refused(qtbot, demo_app, tmp_path, monkeypatch):
    inspection_id = new_draft(qtbot, demo_app)
    window = open_run(qtbot, demo_app, inspection_id)
    press(qtbot, window, Qt.Key.Key_3)
    fake = tmp_path / "minutes.jpg"
    fake.write_text("not a photo", encoding="utf-8")
    monkeypatch.setattr("redpair_desktop.ui.inspections.run_window.ask_photo", lambda *a: fake)
    window.photo_actions["import"].trigger()
    qtbot.waitUntil(lambda: "照片" in window.message.text() and "正在" not in window.message.text(),
                    timeout=15000)  # fmt: skip
    assert window.pane.photos.count() == 0
    assert view_of(qtbot, demo_app, inspection_id).items[0].photos == ()


def test_paste_without_an_image_says_so(qtbot, demo_app):
    window = open_run(qtbot, demo_app, new_draft(qtbot, demo_app))
    QGuiApplication.clipboard().setText("只有文字")
    qtbot.keyClick(window.items, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert "剪贴板里没有图片" in window.message.text()


def completed_demo_id(qtbot, application):
    from redpair_desktop.services.inspections.sheets import find_inspection

    def find(workspace):
        with workspace.db.read() as session:
            return find_inspection(session, "demo")

    return run(qtbot, application, find)


def test_a_completed_inspection_is_read_only_and_corrected_as_a_new_version(qtbot, demo_app):
    inspection_id = completed_demo_id(qtbot, demo_app)
    window = open_run(qtbot, demo_app, inspection_id)
    assert "只能查看" in window.banner.text()
    assert window.signatures.isVisible() and window.signatures_row.count() == 4
    assert not any(b.isEnabled() for b in window.pane.buttons)
    assert not window.photo_actions["import"].isEnabled()
    before = answers_of(qtbot, demo_app, inspection_id)
    press(qtbot, window, Qt.Key.Key_3)
    press(qtbot, window, Qt.Key.Key_Delete)
    settled(qtbot, demo_app)
    assert answers_of(qtbot, demo_app, inspection_id) == before
    assert "总分 " in window.totals.text()

    tab = inspections_tab(qtbot, demo_app)
    qtbot.keyClick(window.items, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: len(tab.windows) == 1 and inspection_id not in tab.windows,
                    timeout=15000)  # fmt: skip
    ((new_id, draft),) = tab.windows.items()
    qtbot.waitUntil(lambda: draft.view is not None, timeout=15000)
    assert draft.view.version == 2 and draft.view.corrects_id == inspection_id
    assert draft.editable and draft.pane.buttons[0].isEnabled()
    assert answers_of(qtbot, demo_app, new_id) == before
    assert view_of(qtbot, demo_app, inspection_id).status.value == "completed"


def test_the_run_window_has_no_clashing_shortcuts(qtbot, demo_app):
    window = open_run(qtbot, demo_app, new_draft(qtbot, demo_app))
    seen: dict[str, str] = {}
    for action in window.findChildren(type(window.actions["complete"])):
        for key in action.shortcuts():
            text = key.toString()
            assert text not in seen, f"{text}: {seen.get(text)} and {action.objectName()}"
            seen[text] = action.objectName()
    assert {"Ctrl+Return", "F8", "Ctrl+M", "Ctrl+Shift+I", "Ctrl+V", "Ctrl+P"} <= seen.keys()


def test_delete_in_the_photos_removes_one_after_asking(qtbot, demo_app):
    inspection_id = new_draft(qtbot, demo_app)
    window = open_run(qtbot, demo_app, inspection_id)
    image = QImage(200, 150, QImage.Format.Format_RGB32)
    image.fill(QColor("#993333"))
    QGuiApplication.clipboard().setImage(image)
    qtbot.keyClick(window.items, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.pane.photos.count() == 1, timeout=15000)
    window.pane.photos.setFocus()
    window.pane.photos.setCurrentRow(0)
    qtbot.keyClick(window.pane.photos, Qt.Key.Key_Delete)
    question = window.dialog
    assert question.objectName() == "removeItemPhoto" and question.isVisible()
    assert view_of(qtbot, demo_app, inspection_id).items[0].photos  # asked, not yet removed
    qtbot.mouseClick(question.findChild(QPushButton, "removeItemPhotoButton"),
                     Qt.MouseButton.LeftButton)  # fmt: skip
    qtbot.waitUntil(lambda: window.pane.photos.count() == 0, timeout=15000)
    assert view_of(qtbot, demo_app, inspection_id).items[0].photos == ()
