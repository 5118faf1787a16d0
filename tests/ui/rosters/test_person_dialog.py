"""The person editor on its own: a form built from the field specification, whole messages."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QComboBox, QDialogButtonBox, QLineEdit

from redpair_desktop.domain.rosters.fields import ROSTER_FIELDS, FieldKind
from redpair_desktop.i18n import set_language
from tests.ui.conftest import type_chinese

SEAL = "中共国网通城县供电公司大坪供电所支部委员会"
WIDGETS = {FieldKind.TEXT: QLineEdit, FieldKind.DATE: QLineEdit, FieldKind.CHOICE: QComboBox,
           FieldKind.FLAG: QCheckBox}  # fmt: skip


def make_dialog(qtbot, values=None):
    from redpair_desktop.ui.rosters.person_dialog import PersonDialog

    failures: list[BaseException] = []
    dialog = PersonDialog(None, failures.append, [SEAL], values)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_every_field_gets_the_widget_of_its_kind(qtbot):
    dialog = make_dialog(qtbot)
    for roster_field in ROSTER_FIELDS:
        if roster_field.key != "id_number":
            assert isinstance(dialog.inputs[roster_field.key], WIDGETS[roster_field.kind])
    assert dialog.inputs["education"].isEditable()
    assert not dialog.inputs["category"].isEditable()


def test_the_first_messages_are_shown_whole(qtbot):
    dialog = make_dialog(qtbot)
    type_chinese(dialog.inputs["name"], "孙八")
    qtbot.keyClicks(dialog.id_edit, "421281199001011239")  # a wrong check character
    qtbot.keyClicks(dialog.inputs["joined_on"], "2999-01-01")
    save = dialog.buttons.button(QDialogButtonBox.StandardButton.Save)
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    for key in ("id_number", "joined_on", "category", "branch"):
        label = dialog.errors[key]
        qtbot.waitUntil(label.isVisible)
        assert label.text()
        # a word-wrapped label's sizeHint is for a narrower guess of its width; the height it
        # needs at the width it has is heightForWidth
        assert label.height() >= label.heightForWidth(label.width()) > 0, key


def test_education_is_stored_in_chinese_and_shown_translated(qtbot):
    set_language("en")
    dialog = make_dialog(qtbot, {"education": "大学本科", "name": "孙八"})
    combo = dialog.inputs["education"]
    assert combo.currentText() == "Bachelor's degree"
    assert dialog.values()["education"] == "大学本科"
    assert combo.findText("研究生") == -1 and combo.findText("Postgraduate") > 0
