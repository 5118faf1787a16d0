"""The settings operations run on the worker (they read files a user named)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pathlib import Path


def check_font_file(path: Path) -> None:
    """Raises a UserError saying why ``path`` cannot serve the printouts."""
    from redpair_desktop.reports.fonts import check_font_file

    check_font_file(path)
