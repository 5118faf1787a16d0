"""The pairing operations the window runs on the database worker (``Backend.call``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from redpair_desktop.services.pairings.registry import PairingRow
    from redpair_desktop.services.workspace import Workspace


def list_pairings(workspace: Workspace) -> list[PairingRow]:
    from redpair_desktop.services.pairings.registry import list_pairings

    return list_pairings(workspace.db)
