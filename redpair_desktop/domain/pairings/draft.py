"""What the pairing form holds, handed to the services to check and store."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date

from redpair_desktop.domain.enums import PairingStatus


@dataclass(frozen=True)
class PairingDraft:
    """What the pairing form holds."""

    lead_branch_id: uuid.UUID
    station_branch_id: uuid.UUID
    started_on: date
    ended_on: date | None
    status: PairingStatus = PairingStatus.SIGNED  # 筹备 or 已签约 (终止 has its own action)
    lead_liaison_id: uuid.UUID | None = None
    station_liaison_id: uuid.UUID | None = None
    notes: str = ""
