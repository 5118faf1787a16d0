"""The person editor: every roster field, checked as you save, each problem next to its field.

It validates with the same rules as the Excel import (``domain.roster_record``) before anything
is sent to the database; what only the database knows (a duplicate ID number, an unknown
branch) comes back from the service and is shown the same way.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence
from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from redpair_desktop.domain.errors import RecordInvalid
from redpair_desktop.domain.rosters.fields import BRANCH, ROSTER_FIELDS, FieldKind, RosterField
from redpair_desktop.domain.rosters.person_rules import mask_id_number
from redpair_desktop.domain.rosters.record import validate_record
from redpair_desktop.i18n import _
from redpair_desktop.ui.appearance import error_label
from redpair_desktop.ui.backend import Backend
from redpair_desktop.ui.rosters import ops

MINIMUM_WIDTH = 520  # messages under the fields wrap to two lines, not five


class PersonDialog(QDialog):
    saved = Signal(object)  # the membership id

    def __init__(
        self,
        backend: Backend,
        report_error: Callable[[BaseException], None],
        branch_names: Sequence[str],
        values: dict[str, object] | None = None,
        membership_id: uuid.UUID | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("personDialog")
        self.setMinimumWidth(MINIMUM_WIDTH)
        self.setWindowTitle(_("编辑人员") if membership_id else _("新增人员"))
        self.backend = backend
        self._report_error = report_error
        self.membership_id = membership_id
        self.inputs: dict[str, QWidget] = {}
        self.errors: dict[str, QLabel] = {}
        self._id_number = (values or {}).get("id_number")
        form = QFormLayout()
        for roster_field in ROSTER_FIELDS:
            editor = self._editor_for(roster_field, branch_names)
            error = error_label(f"error_{roster_field.key}")
            error.hide()
            column = QVBoxLayout()
            column.setSpacing(2)
            column.addWidget(editor)
            column.addWidget(error)
            title = _(roster_field.header) + (" *" if roster_field.required else "")
            form.addRow(title, column)
            self.inputs[roster_field.key] = editor
            self.errors[roster_field.key] = error
        self._fill(values or {})
        if membership_id is not None:
            self.inputs["branch"].setEnabled(False)  # moving someone is a transfer
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self._on_save_clicked)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)

    # --- building -----------------------------------------------------------------------

    def _editor_for(self, roster_field: RosterField, branch_names: Sequence[str]) -> QWidget:
        """The field's kind chooses the widget: a line, a drop-down, a check box."""
        key = roster_field.key
        if key == "id_number":
            return self._id_editor()
        if roster_field.kind == FieldKind.FLAG:
            return QCheckBox(_(roster_field.flag_text), objectName=f"input_{key}")
        if roster_field.kind == FieldKind.CHOICE:
            return _choice_editor(roster_field, branch_names)
        editor = QLineEdit(objectName=f"input_{key}")
        if roster_field.kind == FieldKind.DATE:
            editor.setPlaceholderText(_("如 2019-07-01"))
        return editor

    def _id_editor(self) -> QWidget:
        box = QWidget()
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        self.id_edit = QLineEdit(objectName="input_id_number")
        self.id_edit.setPlaceholderText(_("18 位，末位可为 X"))
        self.show_id = QCheckBox(_("显示"), objectName="showIdNumber")
        self.show_id.toggled.connect(self._on_show_id_toggled)
        row.addWidget(self.id_edit, 1)
        row.addWidget(self.show_id)
        return box

    def _fill(self, values: dict[str, object]) -> None:
        for key, editor in self.inputs.items():
            value = values.get(key)
            if key == "id_number":
                self._show_id_masked(bool(value))
            elif isinstance(editor, QCheckBox):
                editor.setChecked(bool(value))
            elif isinstance(editor, QComboBox):
                position = editor.findData(value)
                if position >= 0:
                    editor.setCurrentIndex(position)
                elif value:
                    editor.setEditText(str(value))
            elif value is not None:
                editor.setText(value.isoformat() if isinstance(value, date) else str(value))

    def _show_id_masked(self, masked: bool) -> None:
        """A stored number is shown masked and read-only until the user asks to see it."""
        if masked and self._id_number:
            self.id_edit.setText(mask_id_number(self._id_number))
            self.id_edit.setReadOnly(True)
        else:
            self.id_edit.setText(self._id_number or self.id_edit.text())
            self.id_edit.setReadOnly(False)

    def _on_show_id_toggled(self, shown: bool) -> None:
        if not shown and not self.id_edit.isReadOnly():
            self._id_number = self.id_edit.text().strip() or None
        self._show_id_masked(not shown)

    # --- saving -------------------------------------------------------------------------

    def values(self) -> dict[str, object]:
        values: dict[str, object] = {}
        for key, editor in self.inputs.items():
            if key == "id_number":
                values[key] = self._id_number if self.id_edit.isReadOnly() else self.id_edit.text()
            elif isinstance(editor, QCheckBox):
                values[key] = editor.isChecked()
            elif isinstance(editor, QComboBox):
                values[key] = _combo_value(editor)
            else:
                values[key] = editor.text()
        return values

    def show_errors(self, errors: dict[str, str]) -> None:
        for key, label in self.errors.items():
            message = errors.get(key)
            label.setText(message or "")
            label.setVisible(bool(message))
        self._fit_height()

    def _fit_height(self) -> None:
        """Grow to show every message whole: a shown dialog does not grow by itself for a
        word-wrapped label that appears, and would squeeze the label to one clipped line."""
        layout = self.layout()
        layout.activate()
        width = self.width()
        needed = (
            layout.totalHeightForWidth(width)
            if layout.hasHeightForWidth()
            else layout.totalSizeHint().height()
        )
        if needed > self.height():
            self.resize(width, needed)

    def _on_save_clicked(self) -> None:
        values = self.values()
        _record, errors = validate_record(values)
        self.show_errors(errors)
        if errors:
            return
        self.buttons.setEnabled(False)
        membership_id = self.membership_id
        self.backend.call(
            lambda ws: ops.save_person(ws, values, membership_id),
            self._on_saved,
            self._on_save_failed,
        )

    def _on_saved(self, membership_id: uuid.UUID) -> None:
        self.buttons.setEnabled(True)
        self.saved.emit(membership_id)
        self.accept()

    def _on_save_failed(self, error: BaseException) -> None:
        self.buttons.setEnabled(True)
        if isinstance(error, RecordInvalid):
            self.show_errors(error.errors)
        else:
            self._report_error(error)


def _choice_editor(roster_field: RosterField, branch_names: Sequence[str]) -> QComboBox:
    """Stored values as item data, shown translated (branch names are shown as they are)."""
    combo = QComboBox(objectName=f"input_{roster_field.key}")
    combo.addItem("", None)
    if roster_field.source == BRANCH:
        for name in branch_names:
            combo.addItem(name, name)
    else:
        for choice in roster_field.choices:
            combo.addItem(_(choice), choice)
    combo.setEditable(roster_field.free_text)
    return combo


def _combo_value(combo: QComboBox) -> object:
    """The chosen item's value, or what was typed into an editable combo."""
    text = combo.currentText().strip()
    if combo.currentData() is not None and combo.itemText(combo.currentIndex()) == text:
        return combo.currentData()
    return text
