"""The agreement's words as a structured form: the preamble, then each clause's heading name
and its items (an optional run-in subheading name and the text). The numerals 一、 and （一）
come from places, so adding, removing or moving renumbers them; the user types names only.

Keys (anywhere in the form): Ctrl+Enter adds an item after the current one, Ctrl+Shift+Enter
adds a clause after the current one, Ctrl+Up / Ctrl+Down move the current item (the clause
when the cursor is in its heading), Ctrl+Delete removes it after asking."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QToolButton,
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


def _tool_button(text: str, tip: str, name: str, slot: Callable[[], None]) -> QToolButton:
    button = QToolButton(text=text, toolTip=tip, objectName=name, autoRaise=True)
    button.clicked.connect(slot)
    return button


class _Part(QFrame):
    """An item or a clause: its own ↑ ↓ ✕ buttons, which ask the form to act on it."""

    def __init__(self, form: AgreementEditor, name: str) -> None:
        super().__init__(objectName=name)
        self.form = form
        self.numeral = QLabel(objectName="numeral")
        self.name = FormLineEdit(objectName="name")
        self.name.textChanged.connect(form.on_words_changed)
        self.buttons = [
            _tool_button("↑", _("上移（Ctrl+↑）"), "up", lambda: form.move(self, -1)),
            _tool_button("↓", _("下移（Ctrl+↓）"), "down", lambda: form.move(self, 1)),
            _tool_button("✕", _("删除（Ctrl+Delete）"), "remove", lambda: form.ask_remove(self)),
        ]

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
        self.add_item.clicked.connect(lambda: form.add_item(self, len(self.items)))
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


class AgreementEditor(QWidget):
    """The form; ``changed`` fires on every edit, add, removal and move."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="agreementEditor")
        self.read_only = False
        self.clauses: list[ClauseEditor] = []
        self.preamble = ParagraphEdit("preamble")
        self.preamble.textChanged.connect(self.on_words_changed)
        self.column = QVBoxLayout()
        self.add_clause_button = QPushButton(_("添加条款"), objectName="addClause")
        self.add_clause_button.setAutoDefault(False)
        self.add_clause_button.setToolTip("Ctrl+Shift+Enter")
        self.add_clause_button.clicked.connect(lambda: self.add_clause(len(self.clauses)))
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(_("引言")))
        layout.addWidget(self.preamble)
        layout.addLayout(self.column)
        layout.addWidget(self.add_clause_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addStretch(1)
        self._keys()

    def _keys(self) -> None:
        for keys, slot in (
            (("Ctrl+Return", "Ctrl+Enter"), self._on_add_item_key),
            (("Ctrl+Shift+Return", "Ctrl+Shift+Enter"), self._on_add_clause_key),
            (("Ctrl+Up",), lambda: self._on_move_key(-1)),
            (("Ctrl+Down",), lambda: self._on_move_key(1)),
            (("Ctrl+Del",), self._on_remove_key),
        ):
            for key in keys:
                shortcut = QShortcut(QKeySequence(key), self, slot)
                shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)

    # --- the words ----------------------------------------------------------------------

    def set_words(self, preamble: str, clauses: tuple[Clause, ...]) -> None:
        self.blockSignals(True)
        for clause in self.clauses:
            clause.deleteLater()
        self.clauses = []
        self.preamble.setPlainText(preamble)
        for clause in clauses:
            self._insert_clause(len(self.clauses), ClauseEditor(self, clause))
        self.set_read_only(self.read_only)
        self.blockSignals(False)
        self.on_words_changed()

    def words(self) -> Words:
        """The preamble and the numbered clauses, as they would be saved."""
        return self.preamble.text(), numbered([clause.words() for clause in self.clauses])

    def set_read_only(self, read_only: bool) -> None:
        self.read_only = read_only
        self.preamble.setReadOnly(read_only)
        self.add_clause_button.setVisible(not read_only)
        for clause in self.clauses:
            clause.set_read_only(read_only)

    def on_words_changed(self) -> None:
        self._renumber()
        self.changed.emit()

    def _renumber(self) -> None:
        for index, clause in enumerate(self.clauses, start=1):
            clause.numeral.setText(f"{numeral(index)}、")
            counted = 0
            for item in clause.items:
                counted += bool(item.name.text().strip())
                item.numeral.setText(f"（{numeral(counted)}）" if item.name.text().strip() else "")

    # --- adding, moving, removing -----------------------------------------------------

    def add_clause(self, index: int) -> None:
        if self.read_only:
            return
        clause = ClauseEditor(self, Clause("", (ClauseItem(""),)))
        self._insert_clause(index, clause)
        self.on_words_changed()
        clause.name.setFocus()

    def add_item(self, clause: ClauseEditor, index: int) -> None:
        if self.read_only:
            return
        item = ItemEditor(self, ClauseItem(""))
        clause.insert(index, item)
        self.on_words_changed()
        item.text.setFocus()

    def _insert_clause(self, index: int, clause: ClauseEditor) -> None:
        self.clauses.insert(index, clause)
        self.column.insertWidget(index, clause)

    def move(self, part: _Part, step: int) -> None:
        siblings, column = self._place(part)
        index = siblings.index(part)
        target = index + step
        if self.read_only or not 0 <= target < len(siblings):
            return
        siblings.insert(target, siblings.pop(index))
        column.removeWidget(part)
        column.insertWidget(target, part)
        self.on_words_changed()

    def ask_remove(self, part: _Part) -> None:
        if self.read_only:
            return
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

    def remove(self, part: _Part) -> None:
        siblings, _column = self._place(part)
        siblings.remove(part)
        part.deleteLater()
        self.on_words_changed()

    def _place(self, part: _Part) -> tuple[list, QVBoxLayout]:
        if isinstance(part, ClauseEditor):
            return self.clauses, self.column
        owner = next(clause for clause in self.clauses if part in clause.items)
        return owner.items, owner.column

    # --- keys ---------------------------------------------------------------------------

    def current(self) -> tuple[ClauseEditor | None, ItemEditor | None]:
        """The clause and the item the keyboard focus is in (the item None in a heading)."""
        widget = QApplication.focusWidget()
        item = clause = None
        while widget is not None and widget is not self:
            if isinstance(widget, ItemEditor) and item is None:
                item = widget
            if isinstance(widget, ClauseEditor):
                clause = widget
                break
            widget = widget.parentWidget()
        return clause, item

    def _on_add_item_key(self) -> None:
        clause, item = self.current()
        if clause is None and self.clauses:
            clause = self.clauses[0]
        if clause is not None:
            self.add_item(clause, clause.items.index(item) + 1 if item else len(clause.items))

    def _on_add_clause_key(self) -> None:
        clause, _item = self.current()
        self.add_clause(self.clauses.index(clause) + 1 if clause else len(self.clauses))

    def _on_move_key(self, step: int) -> None:
        clause, item = self.current()
        part = item or clause
        if part is not None:
            self.move(part, step)

    def _on_remove_key(self) -> None:
        clause, item = self.current()
        part = item or clause
        if part is not None:
            self.ask_remove(part)
