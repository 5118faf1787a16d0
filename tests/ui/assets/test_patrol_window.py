"""The patrol window driven by the keyboard: jumping to a pole by its number, marking defects
(type key, note, Enter), each stored on the worker at once (the database reopened shows them),
an unknown number refused, photos imported and pasted, a file that is not a photo refused with
nothing stored, 只看缺陷, the asset's history, taking a defect back, raising a finding and
completing the patrol."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QImage
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qt_compat import qt_api

from redpair_desktop.domain.assets.codes import AssetState, DefectType, PatrolStatus
from redpair_desktop.ui.assets import defect_dialog
from redpair_desktop.ui.assets.defect_dialog import DefectDialog
from redpair_desktop.ui.assets.finding_dialog import FindingDialog
from redpair_desktop.ui.assets.table_models import DEFECT_COLOUR, AssetColumn
from tests.ui.assets.conftest import reopened_view
from tests.ui.conftest import type_chinese


def current_number(window):
    asset = window.current_asset()
    return asset.number if asset else None


def jump(qtbot, window, number):
    """Type the number in the table (it goes to the 杆号 box) and Enter."""
    active(qtbot, window)  # back from a dialog, as the window manager does
    window.table.setFocus()
    qtbot.keyClicks(window.table, number[0])
    qtbot.keyClicks(window.jump, number[1:])
    qtbot.keyClick(window.jump, Qt.Key.Key_Return)


def open_defect_form(qtbot, window, key=Qt.Key.Key_D) -> DefectDialog:
    window.dialog = None
    qtbot.keyClick(window.table, key)
    qtbot.waitUntil(lambda: isinstance(window.dialog, DefectDialog) and window.dialog.isVisible())
    return window.dialog


def active(qtbot, widget):
    """The widget's window as the one with the focus, where its shortcuts work."""
    widget.activateWindow()
    qtbot.waitUntil(widget.isActiveWindow)
    return widget


def defects_of(window, number):
    asset = next(a for a in window.model.all_assets() if a.number == number)
    return asset.defects


def test_two_pole_defects_marked_by_keyboard_only(qtbot, window, demo_data_dir, demo_patrol_id):
    assert window.model.rowCount() == 136
    jump(qtbot, window, "52")
    assert current_number(window) == "52" and window.focusWidget() is window.table
    form = open_defect_form(qtbot, window)
    assert form.types.item(1).text().endswith("裂纹")
    qtbot.keyClick(form.types, Qt.Key.Key_2)  # 裂纹; the note box next
    assert form.focusWidget() is form.note
    type_chinese(form.note, "杆身横向裂纹")
    qtbot.keyClick(form.note, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(defects_of(window, "52")) and not form.isVisible())

    jump(qtbot, window, "103")
    form = open_defect_form(qtbot, window, Qt.Key.Key_Return)  # Enter opens the form too
    qtbot.keyClick(form.types, Qt.Key.Key_3)  # 鸟窝
    type_chinese(form.note, "横担鸟窝")
    qtbot.keyClick(form.note, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(defects_of(window, "103")))

    row = window.model.row_of(defects_of(window, "103")[0].asset_id)
    state = window.model.index(row, AssetColumn.STATE)
    assert state.data() == "缺陷" and state.data(Qt.ItemDataRole.ForegroundRole) == DEFECT_COLOUR
    assert window.model.index(row, AssetColumn.DEFECTS).data() == "鸟窝：横担鸟窝"
    assert "缺陷 4 处" in window.heading.text()
    view = reopened_view(demo_data_dir, demo_patrol_id)
    marked = {a.number: (a.defects[0].type, a.defects[0].note) for a in view.assets if a.defects}
    assert marked["52"] == (DefectType.CRACK, "杆身横向裂纹")
    assert marked["103"] == (DefectType.BIRD_NEST, "横担鸟窝")
    assert set(marked) == {"37", "52", "86", "103"}


def test_a_pole_number_that_does_not_exist_changes_nothing(qtbot, window):
    jump(qtbot, window, "40")
    jump(qtbot, window, "129")
    assert "没有编号为“129”的杆塔或变压器" in window.message.text()
    assert current_number(window) == "40" and window.jump.text() == "129"
    qtbot.keyClick(window.jump, Qt.Key.Key_Backspace)
    qtbot.keyClick(window.jump, Qt.Key.Key_Backspace)
    qtbot.keyClick(window.jump, Qt.Key.Key_Backspace)
    qtbot.keyClicks(window.jump, "G3")
    qtbot.keyClick(window.jump, Qt.Key.Key_Return)
    assert current_number(window) == "G3" and window.message.text() == ""


def test_a_file_that_is_not_a_photo_is_refused_and_nothing_stored(
    qtbot, window, monkeypatch, tmp_path, demo_data_dir, demo_patrol_id
):
    not_a_photo = tmp_path / "巡视.jpg"
    not_a_photo.write_text("这不是照片", encoding="utf-8")
    monkeypatch.setattr(defect_dialog, "ask_photo", lambda parent, title: not_a_photo)
    jump(qtbot, window, "12")
    form = active(qtbot, open_defect_form(qtbot, window))
    qtbot.keyClick(form, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier
                   | Qt.KeyboardModifier.ShiftModifier)  # fmt: skip
    assert form.photo_text.text() == "巡视.jpg"
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "不是 JPEG 或 PNG 照片" in form.message.text())
    assert form.isVisible() and form.save_button.isEnabled()
    assert defects_of(window, "12") == ()
    view = reopened_view(demo_data_dir, demo_patrol_id)
    assert view.defect_count == 2


def test_escape_while_the_defect_is_being_stored_keeps_the_form_for_its_answer(
    qtbot, window, monkeypatch, tmp_path
):
    not_a_photo = tmp_path / "鸟窝.jpg"
    not_a_photo.write_text("这不是照片", encoding="utf-8")
    monkeypatch.setattr(defect_dialog, "ask_photo", lambda parent, title: not_a_photo)
    jump(qtbot, window, "15")
    form = active(qtbot, open_defect_form(qtbot, window))
    type_chinese(form.note, "横担鸟窝")
    form.import_photo()
    qtbot.keyClick(form.note, Qt.Key.Key_Return)  # stored on the worker…
    qtbot.keyClick(form.note, Qt.Key.Key_Escape)  # …and Esc before the answer is back
    qtbot.waitUntil(lambda: "不是 JPEG 或 PNG 照片" in form.message.text(), timeout=15000)
    assert form.isVisible() and form.note.text() == "横担鸟窝"  # the refusal seen, nothing lost
    assert defects_of(window, "15") == ()
    qtbot.keyClick(form.note, Qt.Key.Key_Escape)  # once answered, Esc closes it as ever
    qtbot.waitUntil(lambda: not form.isVisible())


def test_photos_imported_and_pasted_show_as_thumbnails(
    qtbot, window, monkeypatch, tmp_path, demo_data_dir
):
    image = QImage(640, 480, QImage.Format.Format_RGB32)
    image.fill(QColor("darkgreen"))
    picked = tmp_path / "杆塔.png"
    image.save(str(picked), "PNG")
    monkeypatch.setattr(defect_dialog, "ask_photo", lambda parent, title: picked)
    jump(qtbot, window, "20")
    form = open_defect_form(qtbot, window)
    qtbot.mouseClick(form.findChild(qt_api.QtWidgets.QPushButton, "defectImport"),
                     Qt.MouseButton.LeftButton)  # fmt: skip
    qtbot.keyClick(form.note, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.pane.photos.count() == 1)

    image.fill(QColor("darkred"))
    QGuiApplication.clipboard().setImage(image)
    jump(qtbot, window, "21")
    form = open_defect_form(qtbot, window)
    qtbot.keyClick(form.types, Qt.Key.Key_1)
    qtbot.keyClick(form.note, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert form.photo_text.text() == "粘贴的图片" and form.note.text() == ""
    qtbot.keyClick(form.note, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(defects_of(window, "21")) and window.pane.photos.count() == 1)
    (defect,) = defects_of(window, "21")
    assert defect.type is DefectType.TILT
    assert (demo_data_dir / defect.photo_path).is_file()
    assert not list((demo_data_dir / "pasted").iterdir())  # the pasted file is gone
    QApplication.clipboard().clear()


def test_only_defects_and_the_history_of_an_asset(qtbot, window):
    qtbot.keyClick(window, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier
                   | Qt.KeyboardModifier.ShiftModifier)  # fmt: skip
    assert window.model.rowCount() == 2
    assert [window.model.row_at(n).number for n in range(2)] == ["37", "86"]
    window.table.setFocus()
    qtbot.keyClick(window.table, Qt.Key.Key_Down)
    assert current_number(window) == "86"
    qtbot.waitUntil(lambda: window.pane.history.topLevelItemCount() == 1)
    entry = window.pane.history.topLevelItem(0)
    assert (entry.text(0), entry.text(2)) == ("2024-03-26", "缺陷")
    assert "拉线松弛" in entry.text(3)
    jump(qtbot, window, "5")  # not a defect: the filter lifts to show it
    assert current_number(window) == "5" and window.model.rowCount() == 136
    assert not window.actions["defectsOnly"].isChecked()


def test_a_defect_is_taken_back_after_asking(qtbot, window):
    jump(qtbot, window, "37")
    qtbot.keyClick(window.table, Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: isinstance(window.question, QMessageBox))
    assert "鸟窝" in window.question.text()
    window.question.findChild(qt_api.QtWidgets.QPushButton, "removeDefectButton").click()
    qtbot.waitUntil(lambda: defects_of(window, "37") == ())
    assert window.current_asset().state is AssetState.NORMAL


def test_a_defect_raised_as_a_finding(qtbot, window, backend):
    jump(qtbot, window, "86")
    qtbot.keyClick(window.table, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier
                   | Qt.KeyboardModifier.ShiftModifier)  # fmt: skip
    qtbot.waitUntil(lambda: isinstance(window.dialog, FindingDialog))
    dialog = active(qtbot, window.dialog)
    assert dialog.text.toPlainText() == "内冲线86号杆：拉线松弛，拉线松弛，UT 型线夹需紧固"
    assert dialog.category.currentText() == "安全隐患"
    qtbot.keyClick(dialog.text, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: "已列入问题清单" in window.message.text())

    found: list = []

    def findings(workspace):
        from redpair_desktop.services.measures.findings import list_findings

        return list_findings(workspace.db)

    backend.call(findings, found.append)
    qtbot.waitUntil(lambda: bool(found))
    assert any(f.description.startswith("内冲线86号杆：拉线松弛") for f in found[0])


def test_escape_while_a_finding_is_stored_keeps_the_form_for_its_answer(qtbot, window):
    def raise_finding():
        jump(qtbot, window, "86")
        window.dialog = None
        qtbot.keyClick(window.table, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier
                       | Qt.KeyboardModifier.ShiftModifier)  # fmt: skip
        qtbot.waitUntil(lambda: isinstance(window.dialog, FindingDialog))
        dialog = active(qtbot, window.dialog)
        qtbot.keyClick(dialog.text, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
        return dialog

    raise_finding()
    qtbot.waitUntil(lambda: "已列入问题清单" in window.message.text())
    dialog = raise_finding()  # the same defect again: refused…
    qtbot.keyClick(dialog.text, Qt.Key.Key_Escape)  # …and Esc before the refusal is back
    qtbot.waitUntil(lambda: "这条缺陷已列入问题清单" in dialog.message.text(), timeout=15000)
    assert dialog.isVisible()  # the refusal seen
    qtbot.keyClick(dialog.text, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible())


def test_completing_the_patrol_closes_its_defects(qtbot, window, demo_data_dir, demo_patrol_id):
    qtbot.keyClick(window.table, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: isinstance(window.question, QMessageBox))
    assert "共记录缺陷 2 处" in window.question.text()
    window.question.findChild(qt_api.QtWidgets.QPushButton, "completePatrolButton").click()
    qtbot.waitUntil(lambda: window.view.status is PatrolStatus.COMPLETED)
    assert not window.actions["defect"].isEnabled() and not window.actions["remove"].isEnabled()
    assert "已结束" in window.heading.text()
    assert reopened_view(demo_data_dir, demo_patrol_id).status is PatrolStatus.COMPLETED
