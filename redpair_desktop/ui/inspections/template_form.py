"""A checklist's sections and their items as a structured form: each section's title, each
item's text, whether it must be answered (必查), its weight and the category of the finding a
failed answer raises. Items and sections keep their keys through edits and moves; new ones get
fresh keys (``part_keys``). The keys are those of every nested form (``ui/widgets/nested_form``):
Ctrl+Enter an item, Ctrl+Shift+Enter a section, Ctrl+Up / Ctrl+Down move, Ctrl+Delete removes
after asking."""

from __future__ import annotations

from itertools import pairwise

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from redpair_desktop.domain.inspections.template import MAX_TEXT, MAX_WEIGHT, Item, Section
from redpair_desktop.domain.labels import label
from redpair_desktop.domain.measures.codes import FindingCategory
from redpair_desktop.i18n import _
from redpair_desktop.ui.inspections.part_keys import fresh_key
from redpair_desktop.ui.widgets.confirm import confirm
from redpair_desktop.ui.widgets.form_keys import FormLineEdit
from redpair_desktop.ui.widgets.nested_form import NestedForm, part_buttons


class ItemRow(QFrame):
    """One item on one line: number, text, 必查, weight, finding category, ↑ ↓ ✕."""

    def __init__(self, form: TemplateForm, item: Item) -> None:
        super().__init__(objectName="templateItem")
        self.key, self.guidance = item.key, item.guidance
        self.numeral = QLabel(objectName="numeral")
        self.text = FormLineEdit(item.text, objectName="itemText", maxLength=MAX_TEXT)
        self.text.setPlaceholderText(_("检查内容，如“灭火器在有效期内”"))
        self.mandatory = QCheckBox(_("必查"), objectName="itemMandatory", checked=item.mandatory)
        self.mandatory.setToolTip(_("必查项未作答不能完成检查"))
        self.weight = QSpinBox(objectName="itemWeight", minimum=1, maximum=MAX_WEIGHT)
        self.weight.setValue(item.weight)
        self.weight.setPrefix(_("权重 "))
        self.category = QComboBox(objectName="itemCategory")
        self.category.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.category.setToolTip(_("不合格时列入问题清单的类别"))
        for category in FindingCategory:
            self.category.addItem(label(category), category)
        self.category.setCurrentIndex(list(FindingCategory).index(item.category))
        self.buttons = part_buttons(form, self)
        for signal in (self.text.textChanged, self.mandatory.toggled,
                       self.weight.valueChanged, self.category.currentIndexChanged):  # fmt: skip
            signal.connect(form.on_changed)
        row = QHBoxLayout(self)
        row.setContentsMargins(16, 0, 0, 0)
        for widget in (self.numeral, self.text, self.mandatory, self.weight, self.category,
                       *self.buttons):  # fmt: skip
            row.addWidget(widget, 1 if widget is self.text else 0)

    def item(self) -> Item:
        category = FindingCategory(self.category.currentData())
        return Item(self.key, self.text.text().strip(), self.mandatory.isChecked(),
                    self.weight.value(), category, self.guidance)  # fmt: skip

    def set_read_only(self, read_only: bool) -> None:
        self.text.setReadOnly(read_only)
        self.weight.setReadOnly(read_only)
        for widget in (self.mandatory, self.category):
            widget.setEnabled(not read_only)
        for button in self.buttons:
            button.setVisible(not read_only)


class SectionBox(QFrame):
    """A section: its title and ↑ ↓ ✕, its items, 添加检查项."""

    def __init__(self, form: TemplateForm, section: Section) -> None:
        super().__init__(objectName="templateSection")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.key = section.key
        self.numeral = QLabel(objectName="numeral")
        self.title = FormLineEdit(section.title, objectName="sectionTitle", maxLength=MAX_TEXT)
        self.title.setPlaceholderText(_("分项名称，如“消防与用电”"))
        self.title.textChanged.connect(form.on_changed)
        self.buttons = part_buttons(form, self)
        self.items: list[ItemRow] = []
        self.column = QVBoxLayout()
        self.column.setSpacing(2)
        self.add_item = QPushButton(_("添加检查项"), objectName="addItem", autoDefault=False)
        self.add_item.setToolTip("Ctrl+Enter")
        self.add_item.clicked.connect(lambda: form.add_entry(self, len(self.items)))
        header = QHBoxLayout()
        for widget in (self.numeral, self.title, *self.buttons):
            header.addWidget(widget, 1 if widget is self.title else 0)
        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addLayout(self.column)
        layout.addWidget(self.add_item, 0, Qt.AlignmentFlag.AlignLeft)
        for item in section.items:
            self.insert(len(self.items), ItemRow(form, item))

    def insert(self, index: int, item: ItemRow) -> None:
        self.items.insert(index, item)
        self.column.insertWidget(index, item)

    def section(self) -> Section:
        return Section(self.key, self.title.text().strip(), tuple(i.item() for i in self.items))

    def set_read_only(self, read_only: bool) -> None:
        self.title.setReadOnly(read_only)
        self.add_item.setVisible(not read_only)
        for button in self.buttons:
            button.setVisible(not read_only)
        for item in self.items:
            item.set_read_only(read_only)


class TemplateForm(NestedForm):
    """The sections and their items."""

    group_type, entry_type = SectionBox, ItemRow
    first_group_by_default = False

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("templateForm", parent)
        self.template_key = ""
        self.add_section_button = QPushButton(_("添加分项"), objectName="addSection")
        self.add_section_button.setAutoDefault(False)
        self.add_section_button.setToolTip("Ctrl+Shift+Enter")
        self.add_section_button.clicked.connect(lambda: self.add_group(len(self.groups)))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self.column)
        layout.addWidget(self.add_section_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addStretch(1)

    @property
    def sections(self) -> list[SectionBox]:
        return self.groups

    # --- the words ----------------------------------------------------------------------

    def set_sections(self, template_key: str, sections: tuple[Section, ...]) -> None:
        self.template_key = template_key
        for box in self.groups:
            self.column.removeWidget(box)
            box.deleteLater()
        self.groups = []
        for section in sections:
            self.insert_group(len(self.groups), SectionBox(self, section))
        self.set_read_only(self.read_only)
        self.reshaped()

    def words(self) -> tuple[Section, ...]:
        return tuple(box.section() for box in self.groups)

    def set_read_only(self, read_only: bool) -> None:
        self.read_only = read_only
        self.add_section_button.setVisible(not read_only)
        for box in self.groups:
            box.set_read_only(read_only)

    def on_changed(self) -> None:
        self._renumber()
        self.changed.emit()

    def reshaped(self) -> None:
        """After an add, a removal or a move: numbers, and Tab in the order shown."""
        chain = [self.add_section_button]
        for box in self.groups:
            chain[-1:-1] = [box.title, *box.buttons]
            for item in box.items:
                chain[-1:-1] = [item.text, item.mandatory, item.weight, item.category,
                                *item.buttons]  # fmt: skip
            chain.insert(-1, box.add_item)
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)
        self.on_changed()

    def _renumber(self) -> None:
        for s_number, box in enumerate(self.groups, start=1):
            box.numeral.setText(f"{s_number}")
            for i_number, item in enumerate(box.items, start=1):
                item.numeral.setText(f"{s_number}.{i_number}")

    # --- adding and removing ------------------------------------------------------------

    def add_group(self, index: int) -> None:
        if self.read_only:
            return
        empty = Item(fresh_key(self.template_key), "")
        box = SectionBox(self, Section(fresh_key(self.template_key), "", (empty,)))
        self.insert_group(index, box)
        self.reshaped()
        box.title.setFocus()

    def add_entry(self, group: SectionBox, index: int) -> None:
        if self.read_only:
            return
        item = ItemRow(self, Item(fresh_key(self.template_key), ""))
        group.insert(index, item)
        self.reshaped()
        item.text.setFocus()

    def ask_remove(self, part: QWidget) -> None:
        if self.read_only:
            return
        if isinstance(part, SectionBox):
            title, action = _("删除分项"), _("删除该分项")
            name, count = part.title.text() or part.numeral.text(), len(part.items)
            text = _("删除分项“{title}”和它的 {count} 个检查项？", title=name, count=count)
        else:
            assert isinstance(part, ItemRow)
            title, action = _("删除检查项"), _("删除该检查项")
            text = _("删除检查项“{text}”？", text=part.text.text() or part.numeral.text())
        confirm(self, name="removeTemplatePart", title=title, text=text, action=action,
                details=_("保存前关闭并放弃修改即可找回；已有检查不受影响。"),
                on_confirmed=lambda: self.remove(part))  # fmt: skip
