"""An activity as the user fills it in, checked before anything is stored."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date

from redpair_desktop.domain.activities.codes import ActivityType
from redpair_desktop.domain.errors import RecordInvalid
from redpair_desktop.i18n import _

MAX_TITLE = 200
MAX_PLACE = 128
MAX_HOSTS = 6
MAX_HOST = 64


@dataclass(frozen=True)
class ActivityDraft:
    type: ActivityType
    held_on: date
    pairing_id: uuid.UUID
    title: str
    place: str = ""
    hosts: tuple[str, ...] = ()
    agenda: str = ""
    notes: str = ""

    def cleaned(self) -> ActivityDraft:
        """The draft with white space trimmed and empty hosts dropped; ``RecordInvalid`` when a
        value breaks a rule (each field's message keyed by its name)."""
        draft = ActivityDraft(
            type=self.type,
            held_on=self.held_on,
            pairing_id=self.pairing_id,
            title=self.title.strip(),
            place=self.place.strip(),
            hosts=tuple(h.strip() for h in self.hosts if h.strip()),
            agenda=self.agenda.strip(),
            notes=self.notes.strip(),
        )
        errors = draft._errors()
        if errors:
            raise RecordInvalid(errors)
        return draft

    def _errors(self) -> dict[str, str]:
        errors = {}
        if not self.title:
            errors["title"] = _("请填写活动名称。")
        elif len(self.title) > MAX_TITLE:
            errors["title"] = _("活动名称最多 {limit} 个字。", limit=MAX_TITLE)
        if len(self.place) > MAX_PLACE:
            errors["place"] = _("地点最多 {limit} 个字。", limit=MAX_PLACE)
        if len(self.hosts) > MAX_HOSTS or any(len(h) > MAX_HOST for h in self.hosts):
            errors["hosts"] = _("主持人最多 {count} 位，每位最多 {limit} 个字。",
                                count=MAX_HOSTS, limit=MAX_HOST)  # fmt: skip
        return errors
