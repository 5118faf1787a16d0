"""A checklist's sections and their items as a structured form: each section's title, each
item's text, whether it must be answered (必查), its weight and the category of the finding a
failed answer raises. Items and sections keep their keys through edits and moves; new ones get
fresh keys (``part_keys``).

Keys (anywhere in the form): Ctrl+Enter adds an item after the current one, Ctrl+Shift+Enter
adds a section after the current one, Ctrl+Up / Ctrl+Down move the current item (the section
when the cursor is in its title), Ctrl+Delete removes it after asking."""

from __future__ import annotations

from collections.abc import Callable
from itertools import pairwise

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QToolButton,
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


def _tool_button(text: str, tip: str, name: str, slot: Callable[[], None]) -> QToolButton:
    button = QToolButton(text=text, toolTip=tip, objectName=name, autoRaise=True)
    button.clicked.connect(slot)
    return button


def _move_buttons(form: TemplateForm, part: QWidget) -> list[QToolButton]:
    return [
        _tool_button("↑", _("上移（Ctrl+↑）"), "up", lambda: form.move(part, -1)),
        _tool_button("↓", _("下移（Ctrl+↓）"), "down", lambda: form.move(part, 1)),
        _tool_button("✕", _("删除（Ctrl+Delete）"), "remove", lambda: form.ask_remove(part)),
    ]


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
        self.buttons = _move_buttons(form, self)
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
        self.buttons = _move_buttons(form, self)
        self.items: list[ItemRow] = []
        self.column = QVBoxLayout()
        self.column.setSpacing(2)
        self.add_item = QPushButton(_("添加检查项"), objectName="addItem", autoDefault=False)
        self.add_item.setToolTip("Ctrl+Enter")
        self.add_item.clicked.connect(lambda: form.add_item(self, len(self.items)))
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


class TemplateForm(QWidget):
    """The sections and items; ``changed`` fires on every edit, add, removal and move."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="templateForm")
        self.template_key = ""
        self.read_only = False
        self.sections: list[SectionBox] = []
        self.column = QVBoxLayout()
        self.add_section_button = QPushButton(_("添加分项"), objectName="addSection")
        self.add_section_button.setAutoDefault(False)
        self.add_section_button.setToolTip("Ctrl+Shift+Enter")
        self.add_section_button.clicked.connect(lambda: self.add_section(len(self.sections)))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self.column)
        layout.addWidget(self.add_section_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addStretch(1)
        self._keys()

    def _keys(self) -> None:
        for keys, slot in (
            (("Ctrl+Return", "Ctrl+Enter"), self._on_add_item_key),
            (("Ctrl+Shift+Return", "Ctrl+Shift+Enter"), self._on_add_section_key),
            (("Ctrl+Up",), lambda: self._on_move_key(-1)),
            (("Ctrl+Down",), lambda: self._on_move_key(1)),
            (("Ctrl+Del",), self._on_remove_key),
        ):
            for key in keys:
                shortcut = QShortcut(QKeySequence(key), self, slot)
                shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)

    # --- the words ----------------------------------------------------------------------

    def set_sections(self, template_key: str, sections: tuple[Section, ...]) -> None:
        self.template_key = template_key
        for box in self.sections:
            self.column.removeWidget(box)
            box.deleteLater()
        self.sections = []
        for section in sections:
            self._insert_section(len(self.sections), SectionBox(self, section))
        self.set_read_only(self.read_only)
        self._on_reshaped()

    def words(self) -> tuple[Section, ...]:
        return tuple(box.section() for box in self.sections)

    def set_read_only(self, read_only: bool) -> None:
        self.read_only = read_only
        self.add_section_button.setVisible(not read_only)
        for box in self.sections:
            box.set_read_only(read_only)

    def on_changed(self) -> None:
        self._renumber()
        self.changed.emit()

    def _on_reshaped(self) -> None:
        """After an add, a removal or a move: numbers, and Tab in the order shown."""
        chain = [self.add_section_button]
        for box in self.sections:
            chain[-1:-1] = [box.title, *box.buttons]
            for item in box.items:
                chain[-1:-1] = [item.text, item.mandatory, item.weight, item.category,
                                *item.buttons]  # fmt: skip
            chain.insert(-1, box.add_item)
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)
        self.on_changed()

    def _renumber(self) -> None:
        for s_number, box in enumerate(self.sections, start=1):
            box.numeral.setText(f"{s_number}")
            for i_number, item in enumerate(box.items, start=1):
                item.numeral.setText(f"{s_number}.{i_number}")

    # --- adding, moving, removing -----------------------------------------------------

    def add_section(self, index: int) -> None:
        if self.read_only:
            return
        empty = Item(fresh_key(self.template_key), "")
        box = SectionBox(self, Section(fresh_key(self.template_key), "", (empty,)))
        self._insert_section(index, box)
        self._on_reshaped()
        box.title.setFocus()

    def add_item(self, box: SectionBox, index: int) -> None:
        if self.read_only:
            return
        item = ItemRow(self, Item(fresh_key(self.template_key), ""))
        box.insert(index, item)
        self._on_reshaped()
        item.text.setFocus()

    def _insert_section(self, index: int, box: SectionBox) -> None:
        self.sections.insert(index, box)
        self.column.insertWidget(index, box)

    def move(self, part: QWidget, step: int) -> None:
        siblings, column = self._place(part)
        index = siblings.index(part)
        target = index + step
        if self.read_only or not 0 <= target < len(siblings):
            return
        siblings.insert(target, siblings.pop(index))
        column.removeWidget(part)
        column.insertWidget(target, part)
        self._on_reshaped()

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

    def remove(self, part: QWidget) -> None:
        siblings, column = self._place(part)
        siblings.remove(part)
        column.removeWidget(part)
        part.deleteLater()
        self._on_reshaped()

    def _place(self, part: QWidget) -> tuple[list, QVBoxLayout]:
        if isinstance(part, SectionBox):
            return self.sections, self.column
        owner = next(box for box in self.sections if part in box.items)
        return owner.items, owner.column

    # --- keys ---------------------------------------------------------------------------

    def current(self) -> tuple[SectionBox | None, ItemRow | None]:
        """The section and the item the keyboard focus is in (the item None in a title)."""
        widget = QApplication.focusWidget()
        item = None
        while widget is not None and widget is not self:
            if isinstance(widget, ItemRow):
                item = widget
            if isinstance(widget, SectionBox):
                return widget, item
            widget = widget.parentWidget()
        return None, None

    def _on_add_item_key(self) -> None:
        box, item = self.current()
        if box is None and self.sections:
            box = self.sections[-1]
        if box is not None:
            self.add_item(box, box.items.index(item) + 1 if item else len(box.items))

    def _on_add_section_key(self) -> None:
        box, _item = self.current()
        self.add_section(self.sections.index(box) + 1 if box else len(self.sections))

    def _on_move_key(self, step: int) -> None:
        box, item = self.current()
        part = item or box
        if part is not None:
            self.move(part, step)

    def _on_remove_key(self) -> None:
        box, item = self.current()
        part = item or box
        if part is not None:
            self.ask_remove(part)
