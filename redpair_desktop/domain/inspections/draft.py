"""An inspection as the new-inspection form asks for it: the station, the day, the checklists
(or the last visit's), the inspectors, and whether it is 补录 from paper."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class InspectionStart:
    station_branch_id: uuid.UUID
    held_on: date
    template_keys: tuple[str, ...] = ()  # empty with ``from_last``: the last inspection's
    inspectors: tuple[str, ...] = ()
    title: str = ""  # empty: the checklist's names
    pairing_id: uuid.UUID | None = None  # None: the station's newest pairing, if any
    backfilled: bool = False  # 补录 from a paper checklist
    from_last: bool = False
