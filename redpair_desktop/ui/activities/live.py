"""One process-wide signal for "this activity's attendance or signatures changed": the check-in
panel, the kiosk and the projector all listen, so every screen follows within one repaint."""

from __future__ import annotations

import uuid

from PySide6.QtCore import QObject, Signal


class ActivityEvents(QObject):
    changed = Signal(object)  # the activity's uuid.UUID


_events: ActivityEvents | None = None


def activity_events() -> ActivityEvents:
    global _events
    if _events is None:
        _events = ActivityEvents()
    return _events


def announce(activity_id: uuid.UUID) -> None:
    activity_events().changed.emit(activity_id)
