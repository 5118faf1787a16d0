"""The agreement's words as a structured form: the preamble, then each clause's heading name
and its items (an optional run-in subheading name and the text). The numerals 一、 and （一）
come from places, so adding, removing or moving renumbers them; the user types names only.
The keys are those of every nested form (``ui/widgets/nested_form``): Ctrl+Enter an item,
Ctrl+Shift+Enter a clause, Ctrl+Up / Ctrl+Down move, Ctrl+Delete removes after asking."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from redpair_desktop.domain.agreements.document import Clause, ClauseItem
from redpair_desktop.domain.agreements.numbering import (
    heading_name,
    numbered,
    numeral,
    subheading_name,
)
from redpair_desktop.i18n import _
from redpair_desktop.ui.widgets.confirm import confirm
from redpair_desktop.ui.widgets.form_keys import FormLineEdit, is_form_key
from redpair_desktop.ui.widgets.nested_form import NestedForm, part_buttons

Words = tuple[str, tuple[Clause, ...]]


class ParagraphEdit(QPlainTextEdit):
    """One paragraph of text (Enter and pasted line breaks never split it), as tall as its
    wrapped lines; leaves the form's keys to the form."""

    def __init__(self, name: str) -> None:
        super().__init__(objectName=name, tabChangesFocus=True)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.document().documentLayout().documentSizeChanged.connect(self._fit_height)
        self._fit_height()

    def event(self, event: QEvent) -> bool:
        return False if is_form_key(event) else super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            event.accept()
            return
        super().keyPressEvent(event)

    def insertFromMimeData(self, source) -> None:
        self.insertPlainText("".join(source.text().splitlines()))

    def text(self) -> str:
        return self.toPlainText()

    def _fit_height(self) -> None:
        lines = max(2, round(self.document().documentLayout().documentSize().height()))
        margins = self.contentsMargins()
        frame = margins.top() + margins.bottom() + 2 * round(self.document().documentMargin())
        self.setFixedHeight(lines * self.fontMetrics().lineSpacing() + frame)


class _Part(QFrame):
    """An item or a clause: its own ↑ ↓ ✕ buttons, which ask the form to act on it."""

    def __init__(self, form: AgreementEditor, name: str) -> None:
        super().__init__(objectName=name)
        self.form = form
        self.numeral = QLabel(objectName="numeral")
        self.name = FormLineEdit(objectName="name")
        self.name.textChanged.connect(form.on_words_changed)
        self.buttons = part_buttons(form, self)

    def header(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.numeral)
        row.addWidget(self.name, 1)
        for button in self.buttons:
            row.addWidget(button)
        return row

    def set_read_only(self, read_only: bool) -> None:
        self.name.setReadOnly(read_only)
        for button in self.buttons:
            button.setVisible(not read_only)


class ItemEditor(_Part):
    def __init__(self, form: AgreementEditor, item: ClauseItem) -> None:
        super().__init__(form, "clauseItem")
        self.name.setPlaceholderText(_("小标题（可不填），如“组织联建”"))
        self.name.setText(subheading_name(item.subheading))
        self.text = ParagraphEdit("itemText")
        self.text.setPlaceholderText(_("这一项的正文"))
        self.text.setPlainText(item.text)
        self.text.textChanged.connect(form.on_words_changed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 2, 0, 2)
        layout.addLayout(self.header())
        layout.addWidget(self.text)

    def words(self) -> tuple[str, str]:
        return self.name.text().strip(), self.text.text()

    def set_read_only(self, read_only: bool) -> None:
        super().set_read_only(read_only)
        self.text.setReadOnly(read_only)


class ClauseEditor(_Part):
    def __init__(self, form: AgreementEditor, clause: Clause) -> None:
        super().__init__(form, "clause")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.name.setPlaceholderText(_("条款标题，如“共建原则”"))
        self.name.setText(heading_name(clause.heading))
        self.items: list[ItemEditor] = []
        self.column = QVBoxLayout()
        self.add_item = QPushButton(_("添加一项"), objectName="addItem", autoDefault=False)
        self.add_item.setToolTip("Ctrl+Enter")
        self.add_item.clicked.connect(lambda: form.add_entry(self, len(self.items)))
        layout = QVBoxLayout(self)
        layout.addLayout(self.header())
        layout.addLayout(self.column)
        layout.addWidget(self.add_item, 0, Qt.AlignmentFlag.AlignLeft)
        for item in clause.items:
            self.insert(len(self.items), ItemEditor(form, item))

    def insert(self, index: int, item: ItemEditor) -> None:
        self.items.insert(index, item)
        self.column.insertWidget(index, item)

    def words(self) -> tuple[str, list[tuple[str, str]]]:
        return self.name.text().strip(), [item.words() for item in self.items]

    def set_read_only(self, read_only: bool) -> None:
        super().set_read_only(read_only)
        self.add_item.setVisible(not read_only)
        for item in self.items:
            item.set_read_only(read_only)


class AgreementEditor(NestedForm):
    """The form: the preamble above the clauses."""

    group_type, entry_type = ClauseEditor, ItemEditor

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("agreementEditor", parent)
        self.preamble = ParagraphEdit("preamble")
        self.preamble.textChanged.connect(self.on_words_changed)
        self.add_clause_button = QPushButton(_("添加条款"), objectName="addClause")
        self.add_clause_button.setAutoDefault(False)
        self.add_clause_button.setToolTip("Ctrl+Shift+Enter")
        self.add_clause_button.clicked.connect(lambda: self.add_group(len(self.groups)))
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(_("引言")))
        layout.addWidget(self.preamble)
        layout.addLayout(self.column)
        layout.addWidget(self.add_clause_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addStretch(1)

    @property
    def clauses(self) -> list[ClauseEditor]:
        return self.groups

    # --- the words ----------------------------------------------------------------------

    def set_words(self, preamble: str, clauses: tuple[Clause, ...]) -> None:
        self.blockSignals(True)
        for clause in self.groups:
            clause.deleteLater()
        self.groups = []
        self.preamble.setPlainText(preamble)
        for clause in clauses:
            self.insert_group(len(self.groups), ClauseEditor(self, clause))
        self.set_read_only(self.read_only)
        self.blockSignals(False)
        self.on_words_changed()

    def words(self) -> Words:
        """The preamble and the numbered clauses, as they would be saved."""
        return self.preamble.text(), numbered([clause.words() for clause in self.groups])

    def set_read_only(self, read_only: bool) -> None:
        self.read_only = read_only
        self.preamble.setReadOnly(read_only)
        self.add_clause_button.setVisible(not read_only)
        for clause in self.groups:
            clause.set_read_only(read_only)

    def on_words_changed(self) -> None:
        self._renumber()
        self.changed.emit()

    reshaped = on_words_changed

    def _renumber(self) -> None:
        for index, clause in enumerate(self.groups, start=1):
            clause.numeral.setText(f"{numeral(index)}、")
            counted = 0
            for item in clause.items:
                counted += bool(item.name.text().strip())
                item.numeral.setText(f"（{numeral(counted)}）" if item.name.text().strip() else "")

    # --- adding and removing ------------------------------------------------------------

    def add_group(self, index: int) -> None:
        if self.read_only:
            return
        clause = ClauseEditor(self, Clause("", (ClauseItem(""),)))
        self.insert_group(index, clause)
        self.on_words_changed()
        clause.name.setFocus()

    def add_entry(self, group: ClauseEditor, index: int) -> None:
        if self.read_only:
            return
        item = ItemEditor(self, ClauseItem(""))
        group.insert(index, item)
        self.on_words_changed()
        item.text.setFocus()

    def ask_remove(self, part: QWidget) -> None:
        if self.read_only:
            return
        assert isinstance(part, _Part)
        is_clause = isinstance(part, ClauseEditor)
        what = part.numeral.text() + part.name.text() or _("这一项")
        confirm(
            self,
            name="removeClausePart",
            title=_("删除条款") if is_clause else _("删除一项"),
            text=_("删除“{what}”？", what=what),
            details=_("保存前都可以用“恢复默认条款”或重新打开版本找回。"),
            action=_("删除该条款") if is_clause else _("删除这一项"),
            on_confirmed=lambda: self.remove(part),
        )
