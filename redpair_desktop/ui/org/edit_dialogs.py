"""The small forms behind the organisation tree's edit bar: a unit, a branch, where to move.

Plain Qt and domain labels only: the services (and SQLAlchemy) load on the worker, later.
"""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

from redpair_desktop.domain.enums import BranchKind, UnitKind
from redpair_desktop.domain.labels import label
from redpair_desktop.i18n import _
from redpair_desktop.ui.widgets.org_picker import OrgPicker, unit_entries

if TYPE_CHECKING:  # services import SQLAlchemy, which loads after the first paint
    from redpair_desktop.services.org.branch_info import BranchInfo
    from redpair_desktop.services.org.tree import OrgTree

# Long names of the kind users type, to size the fields so that a whole name shows.
LONG_UNIT_NAME = "国网咸宁市咸安区供电公司向阳湖供电所"
LONG_SEAL_NAME = "中共国网通城县供电公司大坪供电所党支部委员会"
FIELD_PADDING = 24  # frame, text margins and the cursor, in pixels

UNIT_KINDS = (
    UnitKind.HQ_DEPARTMENT,
    UnitKind.URBAN_UNIT,
    UnitKind.COUNTY_COMPANY,
    UnitKind.SUPPLY_STATION,
)


class _FormDialog(QDialog):
    """A title, a form and 确定/取消; 确定 is enabled only while the required fields are filled."""

    def __init__(self, title: str, object_name: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setObjectName(object_name)
        self.setWindowTitle(title)
        self.form = QFormLayout(self)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.setObjectName("dialogButtons")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self._required: list[QLineEdit] = []

    def finish_form(self) -> None:
        self.form.addRow(self.buttons)
        self._update_ok()

    def require(self, edit: QLineEdit) -> None:
        self._required.append(edit)
        edit.textChanged.connect(self._update_ok)

    @property
    def ok_button(self) -> QPushButton:
        return self.buttons.button(QDialogButtonBox.StandardButton.Ok)

    def _update_ok(self) -> None:
        self.ok_button.setEnabled(all(edit.text().strip() for edit in self._required))


def fit_to_text(edit: QLineEdit, *samples: str) -> None:
    """Make the field wide enough for the longest sample (and its placeholder)."""
    metrics = edit.fontMetrics()
    texts = (*samples, edit.placeholderText())
    edit.setMinimumWidth(max(metrics.horizontalAdvance(t) for t in texts) + FIELD_PADDING)


def _kind_combo(object_name: str, kinds, selected) -> QComboBox:
    combo = QComboBox(objectName=object_name)
    for kind in kinds:
        combo.addItem(label(kind), kind)
    if selected is not None:
        combo.setCurrentIndex(max(combo.findData(selected), 0))
    return combo


class UnitDialog(_FormDialog):
    """A unit's name and, when it is new, its kind."""

    def __init__(
        self,
        title: str,
        *,
        name: str = "",
        kind: UnitKind | None = None,
        with_kind: bool = True,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(title, "unitDialog", parent)
        self.name_edit = QLineEdit(name, objectName="unitNameEdit")
        self.name_edit.setMaxLength(128)
        self.name_edit.setPlaceholderText(_("例如：国网通城县供电公司大坪供电所"))
        fit_to_text(self.name_edit, LONG_UNIT_NAME)
        self.require(self.name_edit)
        self.form.addRow(_("单位名称"), self.name_edit)
        self.kind_combo: QComboBox | None = None
        if with_kind:
            self.kind_combo = _kind_combo("unitKindCombo", UNIT_KINDS, kind)
            self.form.addRow(_("单位类型"), self.kind_combo)
        self.finish_form()

    def name(self) -> str:
        return self.name_edit.text().strip()

    def kind(self) -> UnitKind:
        return UnitKind(self.kind_combo.currentData()) if self.kind_combo else UnitKind.URBAN_UNIT


class BranchDialog(_FormDialog):
    """A branch's seal name (中共……支部委员会), short name and, when it is new, its kind."""

    def __init__(
        self,
        title: str,
        *,
        seal_name: str = "",
        short_name: str = "",
        kind: BranchKind | None = None,
        with_kind: bool = True,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(title, "branchDialog", parent)
        self.seal_edit = QLineEdit(seal_name, objectName="sealNameEdit")
        self.seal_edit.setMaxLength(128)
        self.seal_edit.setPlaceholderText(_("中共……支部委员会"))
        self.short_edit = QLineEdit(short_name, objectName="shortNameEdit")
        self.short_edit.setMaxLength(64)
        self.short_edit.setPlaceholderText(_("例如：大坪供电所党支部"))
        fit_to_text(self.seal_edit, LONG_SEAL_NAME)
        for edit in (self.seal_edit, self.short_edit):
            self.require(edit)
        self.form.addRow(_("全称（印章名称）"), self.seal_edit)
        self.form.addRow(_("简称"), self.short_edit)
        self.kind_combo: QComboBox | None = None
        if with_kind:
            self.kind_combo = _kind_combo("branchKindCombo", list(BranchKind), kind)
            self.form.addRow(_("党支部类型"), self.kind_combo)
        hint = QLabel(_("全称以“中共”开头，以“委员会”“支部委员会”或“总支部委员会”结尾。"))
        hint.setObjectName("sealNameHint")
        hint.setWordWrap(True)
        self.form.addRow(hint)
        self.finish_form()

    def seal_name(self) -> str:
        return self.seal_edit.text().strip()

    def short_name(self) -> str:
        return self.short_edit.text().strip()

    def kind(self) -> BranchKind:
        return (
            BranchKind(self.kind_combo.currentData())
            if self.kind_combo
            else BranchKind.SUPPLY_STATION
        )


class BranchInfoDialog(_FormDialog):
    """支部书记 (from the branch's current roster), 单位职责 (its unit's) and 支部目标."""

    def __init__(self, info: BranchInfo, parent: QWidget | None = None) -> None:
        super().__init__(
            _("编辑支部信息：{name}", name=info.short_name), "branchInfoDialog", parent
        )
        self.secretary_combo = QComboBox(objectName="secretaryCombo")
        self.secretary_combo.addItem(_("（未指定）"), None)
        for member in info.members:
            self.secretary_combo.addItem(member.name, member.person_id)
        ids = [member.person_id for member in info.members]
        if info.secretary_id in ids:  # findData cannot compare Python uuids
            self.secretary_combo.setCurrentIndex(ids.index(info.secretary_id) + 1)
        self.description_edit = _text_edit("unitDescriptionEdit", info.description)
        self.goal_edit = _text_edit("branchGoalEdit", info.goal)
        self.form.addRow(_("支部书记"), self.secretary_combo)
        self.form.addRow(_("单位职责"), self.description_edit)
        shared = QLabel(_("单位职责属于“{unit}”，该单位的各党支部共用。", unit=info.unit_name))
        shared.setObjectName("descriptionHint")
        shared.setWordWrap(True)
        self.form.addRow("", shared)
        self.form.addRow(_("支部目标"), self.goal_edit)
        if not info.members:
            empty = QLabel(_("花名册上还没有人，支部书记暂不能选择。"))
            empty.setWordWrap(True)
            self.form.addRow("", empty)
        self.finish_form()
        self.resize(560, self.sizeHint().height())

    def secretary_id(self) -> uuid.UUID | None:
        return self.secretary_combo.currentData()

    def description(self) -> str:
        return self.description_edit.toPlainText().strip()

    def goal(self) -> str:
        return self.goal_edit.toPlainText().strip()


def _text_edit(object_name: str, text: str | None) -> QPlainTextEdit:
    edit = QPlainTextEdit(text or "", objectName=object_name)
    edit.setTabChangesFocus(True)
    edit.setMinimumHeight(4 * edit.fontMetrics().lineSpacing())
    return edit


class MoveDialog(_FormDialog):
    """Pick the unit to move a unit or a branch under; a unit's own subtree is not offered."""

    def __init__(
        self,
        tree: OrgTree,
        node_id: uuid.UUID,
        name: str,
        *,
        current_unit_id: uuid.UUID | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(_("移动“{name}”", name=name), "moveDialog", parent)
        self.picker = OrgPicker(_("输入单位名称或拼音首字母筛选"))
        self.picker.setObjectName("moveTargetPicker")
        self.picker.set_entries(unit_entries(tree, subtree_ids(tree, node_id)))
        self.picker.set_current(current_unit_id)
        self.picker.current_changed.connect(lambda _value: self._update_ok())
        self.picker.picked.connect(lambda _value: self.accept())
        self.form.addRow(QLabel(_("移动到")))
        self.form.addRow(self.picker)
        self.finish_form()
        self.resize(self.sizeHint().width(), 480)

    def target_id(self) -> uuid.UUID | None:
        value = self.picker.current_value()
        return value if isinstance(value, uuid.UUID) else None

    def target_ids(self) -> list[uuid.UUID]:
        return self.picker.pickable_ids()

    def select_target(self, unit_id: uuid.UUID | None) -> None:
        self.picker.set_current(unit_id)

    def _update_ok(self) -> None:
        self.ok_button.setEnabled(self.target_id() is not None)


def subtree_ids(tree: OrgTree, unit_id: uuid.UUID) -> set[uuid.UUID]:
    """The unit and every unit below it (empty when ``unit_id`` is not a unit, e.g. a branch)."""
    if not any(unit.id == unit_id for unit in tree.units):
        return set()
    found = {unit_id}
    for unit in tree.units:  # parents come before children
        if unit.parent_id in found:
            found.add(unit.id)
    return found
