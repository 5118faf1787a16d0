"""How a pairing's status follows from its dates."""

from __future__ import annotations

from datetime import date

from redpair_desktop.domain.enums import PairingStatus


def status_on(
    stored: PairingStatus, started_on: date, ended_on: date | None, today: date
) -> PairingStatus:
    """Planned until it starts, active until its end date, completed after it.

    A pairing ended early (``ENDED``) keeps that status whatever the dates say.
    """
    if stored is PairingStatus.ENDED:
        return stored
    if started_on > today:
        return PairingStatus.PLANNED
    if ended_on is not None and ended_on <= today:
        return PairingStatus.COMPLETED
    return PairingStatus.ACTIVE
