"""Tells when a widget has really been painted (for start-up measurements and ``--quit-*``)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Signal


class PaintProbe(QObject):
    """Emits ``painted`` once, after the watched widget's next paint event."""

    painted = Signal()

    def __init__(self, watched: QObject) -> None:
        super().__init__(watched)
        self._watched = watched
        watched.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._watched and event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            self.painted.emit()
        return False
