"""A row of action buttons that wraps onto a second line when its pane is narrow.

A ``QToolBar`` folds what does not fit into a » menu, where a user no longer sees the action;
here every action stays visible, in a flow that wraps like words in a line of text. Buttons
are made for the actions added with ``addAction`` and take the keyboard focus (Tab reaches
them), which a tool bar's buttons do not.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtGui import QAction, QActionEvent
from PySide6.QtWidgets import QLayout, QLayoutItem, QSizePolicy, QToolButton, QWidget


class FlowLayout(QLayout):
    """Items left to right, wrapping to the next line where the width runs out."""

    def __init__(self, parent: QWidget | None = None, spacing: int = 2) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self.setContentsMargins(0, 0, 0, 0)
        self.setSpacing(spacing)

    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._arrange(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._arrange(rect, move=True)

    def sizeHint(self) -> QSize:
        return self.minimumSize()

    def minimumSize(self) -> QSize:
        size = QSize()
        for item in self._items:
            size = size.expandedTo(item.minimumSize())
        return size

    def _arrange(self, rect: QRect, *, move: bool) -> int:
        """Place the items in ``rect`` (when ``move``); the height the lines need."""
        x, y, line_height = rect.x(), rect.y(), 0
        for item in self._items:
            hint = item.sizeHint()
            if x + hint.width() > rect.right() + 1 and line_height > 0:
                x, y = rect.x(), y + line_height + self.spacing()
                line_height = 0
            if move:
                item.setGeometry(QRect(QPoint(x, y), hint))
            x += hint.width() + self.spacing()
            line_height = max(line_height, hint.height())
        return y + line_height - rect.y()


class ActionBar(QWidget):
    """Buttons for this widget's actions, in a wrapping row."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._buttons: dict[QAction, QToolButton] = {}
        self._flow = FlowLayout(self)
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)

    def widgetForAction(self, action: QAction) -> QToolButton | None:
        return self._buttons.get(action)

    def buttons(self) -> list[QToolButton]:
        return [self._buttons[action] for action in self.actions() if action in self._buttons]

    def actionEvent(self, event: QActionEvent) -> None:
        action = event.action()
        if event.type() == QActionEvent.Type.ActionAdded and action not in self._buttons:
            button = QToolButton(self)
            button.setDefaultAction(action)
            button.setAutoRaise(True)
            button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            self._buttons[action] = button
            self._flow.addWidget(button)
        elif event.type() == QActionEvent.Type.ActionRemoved and action in self._buttons:
            button = self._buttons.pop(action)
            self._flow.removeWidget(button)
            button.deleteLater()
        super().actionEvent(event)
