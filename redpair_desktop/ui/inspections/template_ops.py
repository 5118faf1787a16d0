"""The checklist template operations the window runs on the database worker (``Backend.call``).

Each imports its service when it runs, on the worker, so the window paints before SQLAlchemy
loads."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from redpair_desktop.domain.inspections.template import ChecklistTemplate
    from redpair_desktop.services.inspections.templates import (
        SavedTemplate,
        TemplateRow,
        VersionRow,
    )
    from redpair_desktop.services.workspace import Workspace


@dataclass(frozen=True)
class Opened:
    """What the editor opens with: the words of a version and its row in the versions list."""

    words: ChecklistTemplate
    version: VersionRow
    latest: bool  # the template's latest version: editable (an older one is read only)


@dataclass(frozen=True)
class Saved:
    outcome: SavedTemplate
    latest: VersionRow  # the template's latest version after saving


def list_templates(workspace: Workspace) -> list[TemplateRow]:
    from redpair_desktop.services.inspections.templates import list_templates

    return list_templates(workspace.db)


def template_versions(workspace: Workspace, key: str) -> list[VersionRow]:
    from redpair_desktop.services.inspections.templates import template_versions

    return template_versions(workspace.db, key)


def open_version(workspace: Workspace, key: str, version: int | None = None) -> Opened:
    """Version ``version`` of ``key`` (None: the latest) with its facts."""
    from redpair_desktop.services.inspections.templates import template_version, template_versions

    versions = template_versions(workspace.db, key)
    chosen = versions[0] if version is None else next(v for v in versions if v.version == version)
    words = template_version(workspace.db, key, chosen.version)
    return Opened(words, chosen, chosen is versions[0])


def save_template(workspace: Workspace, words: ChecklistTemplate) -> Saved:
    from redpair_desktop.services.inspections.templates import save_template, template_versions

    outcome = save_template(workspace.db, words)
    return Saved(outcome, template_versions(workspace.db, words.key)[0])
