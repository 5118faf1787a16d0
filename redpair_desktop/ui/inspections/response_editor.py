"""The answers a checklist offers (its response set): each with its label, the share of the
item's weight it scores (不计分 takes the item out of the score, like 不适用), its colour and
whether it fails the item (a failed item needs a comment and a photo and raises a finding).
The key that gives the answer in the run is kept with it; a new answer gets the next free digit."""

from __future__ import annotations

from collections.abc import Callable
from itertools import pairwise

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QColorDialog,
    QGridLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from redpair_desktop.domain.inspections.template import Response, ResponseSet
from redpair_desktop.i18n import N_, _
from redpair_desktop.ui.inspections.part_keys import fresh_key
from redpair_desktop.ui.widgets.confirm import confirm

NOT_SCORED = -1  # the spin box's value for 不计分
RUN_KEYS = "1234567890"
SWATCH = 14  # px
COLOURS = (
    ("#2e7d32", N_("绿")),
    ("#f9a825", N_("黄")),
    ("#c62828", N_("红")),
    ("#9e9e9e", N_("灰")),
    ("#1565c0", N_("蓝")),
)
HEADERS = (N_("选项"), N_("得分"), N_("颜色"), N_("不合格"), N_("按键"))


def _swatch(colour: str) -> QIcon:
    pixmap = QPixmap(SWATCH, SWATCH)
    pixmap.fill(QColor(colour))
    return QIcon(pixmap)


def _tool_button(text: str, tip: str, name: str, slot: Callable[[], None]) -> QToolButton:
    button = QToolButton(text=text, toolTip=tip, objectName=name, autoRaise=True)
    button.clicked.connect(slot)
    return button


class ColourButton(QToolButton):
    """A colour chosen from a few named ones or from the colour dialog."""

    changed = Signal()

    def __init__(self, colour: str) -> None:
        super().__init__(objectName="responseColour")
        self.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        menu = QMenu(self)
        for value, name in COLOURS:
            menu.addAction(_swatch(value), _(name), lambda value=value: self.set_colour(value))
        menu.addAction(_("其他颜色…"), self._ask_colour)
        self.setMenu(menu)
        self.set_colour(colour)

    def set_colour(self, colour: str) -> None:
        self.colour = colour
        self.setIcon(_swatch(colour))
        self.setToolTip(colour)
        self.changed.emit()

    def _ask_colour(self) -> None:
        chosen = QColorDialog.getColor(QColor(self.colour), self, _("选项颜色"))
        if chosen.isValid():
            self.set_colour(chosen.name())


class ResponseRow:
    """The widgets of one answer, placed in the editor's grid."""

    def __init__(self, editor: ResponseEditor, response: Response) -> None:
        self.key, self.shortcut = response.key, response.shortcut
        self.label = QLineEdit(response.label, objectName="responseLabel")
        self.label.setPlaceholderText(_("如“符合”"))
        self.score = QSpinBox(objectName="responseScore", minimum=NOT_SCORED, maximum=100)
        self.score.setSpecialValueText(_("不计分"))
        self.score.setSuffix(" %")
        self.score.setValue(NOT_SCORED if response.value is None else response.value)
        self.score.setToolTip(
            _("选这一项时得到检查项权重的百分之几；不计分：不计入得分（如“不适用”）")
        )
        self.colour = ColourButton(response.colour)
        self.fails = QCheckBox(objectName="responseFails", checked=response.fails)
        self.fails.setToolTip(_("判为不合格：须填写说明并拍照，完成检查时列入问题清单"))
        self.key_label = QLabel(response.shortcut, objectName="responseKey")
        self.key_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.buttons = [
            _tool_button("↑", _("上移"), "up", lambda: editor.move(self, -1)),
            _tool_button("↓", _("下移"), "down", lambda: editor.move(self, 1)),
            _tool_button("✕", _("删除这个选项"), "remove", lambda: editor.ask_remove(self)),
        ]
        self.label.textChanged.connect(editor.changed)
        self.score.valueChanged.connect(editor.changed)
        self.colour.changed.connect(editor.changed)
        self.fails.toggled.connect(editor.changed)

    def widgets(self) -> list[QWidget]:
        return [self.label, self.score, self.colour, self.fails, self.key_label, *self.buttons]

    def response(self) -> Response:
        value = None if self.score.value() == NOT_SCORED else self.score.value()
        return Response(self.key, self.label.text().strip(), value, self.colour.colour,
                        self.fails.isChecked(), self.shortcut)  # fmt: skip

    def set_read_only(self, read_only: bool) -> None:
        self.label.setReadOnly(read_only)
        self.score.setReadOnly(read_only)
        for widget in (self.colour, self.fails):
            widget.setEnabled(not read_only)
        for button in self.buttons:
            button.setVisible(not read_only)


class ResponseEditor(QWidget):
    """The response set; ``changed`` fires on every edit, add, removal and move."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="responseEditor")
        self.template_key = ""
        self.set_key, self.set_name = "", ""
        self.rows: list[ResponseRow] = []
        self.read_only = False
        self.grid = QGridLayout()
        self.grid.setColumnStretch(0, 1)
        self.headers = [QLabel(_(header)) for header in HEADERS]
        self.add_button = QPushButton(_("添加选项"), objectName="addResponse", autoDefault=False)
        self.add_button.clicked.connect(self.add_response)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self.grid)
        layout.addWidget(self.add_button, 0, Qt.AlignmentFlag.AlignLeft)

    def set_responses(self, template_key: str, responses: ResponseSet) -> None:
        self.template_key, self.set_key, self.set_name = template_key, responses.key, responses.name
        for row in self.rows:
            for widget in row.widgets():
                widget.deleteLater()
        self.rows = [ResponseRow(self, response) for response in responses.responses]
        self._lay_out()

    def responses(self) -> ResponseSet:
        return ResponseSet(self.set_key, self.set_name, tuple(row.response() for row in self.rows))

    def set_read_only(self, read_only: bool) -> None:
        self.read_only = read_only
        self.add_button.setVisible(not read_only)
        for row in self.rows:
            row.set_read_only(read_only)

    def add_response(self) -> None:
        used = {row.shortcut for row in self.rows}
        shortcut = next((key for key in RUN_KEYS if key not in used), "")
        key = fresh_key(self.template_key or "response")
        row = ResponseRow(self, Response(key, "", 0, COLOURS[4][0], shortcut=shortcut))
        self.rows.append(row)
        self._lay_out()
        self.changed.emit()
        row.label.setFocus()

    def move(self, row: ResponseRow, step: int) -> None:
        index = self.rows.index(row)
        if not 0 <= index + step < len(self.rows):
            return
        self.rows.insert(index + step, self.rows.pop(index))
        self._lay_out()
        self.changed.emit()

    def ask_remove(self, row: ResponseRow) -> None:
        confirm(
            self,
            name="removeResponse",
            title=_("删除选项"),
            text=_("删除选项“{label}”？", label=row.label.text() or _("（未命名）")),
            details=_("已有检查保留各自使用的版本，不受影响。"),
            action=_("删除这个选项"),
            on_confirmed=lambda: self.remove(row),
        )

    def remove(self, row: ResponseRow) -> None:
        self.rows.remove(row)
        for widget in row.widgets():
            widget.deleteLater()
        self._lay_out()
        self.changed.emit()

    def _lay_out(self) -> None:
        while self.grid.count():
            self.grid.takeAt(0)
        for column, header in enumerate(self.headers):
            self.grid.addWidget(header, 0, column)
        for number, row in enumerate(self.rows, start=1):
            for column, widget in enumerate(row.widgets()):
                self.grid.addWidget(widget, number, column)
        chain = [widget for row in self.rows for widget in row.widgets()] + [self.add_button]
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)
        self.set_read_only(self.read_only)
