"""Keys for the parts the template editor adds, and the new checklists it starts from. A part
keeps its key across versions (answers and the last visit's answers are matched by it), so a
new part gets one that no earlier part of any template had: its template's key and the random
tail of a fresh UUIDv7."""

from __future__ import annotations

from dataclasses import replace

from redpair_desktop.domain.ids import new_id
from redpair_desktop.domain.inspections.responses import COMPLIANCE
from redpair_desktop.domain.inspections.template import ChecklistTemplate, Item, Section

TAIL = 8  # hex digits: the random part of a UUIDv7


def fresh_key(prefix: str) -> str:
    return f"{prefix}.{new_id().hex[-TAIL:]}"


def fresh_template_key() -> str:
    return f"custom-{new_id().hex[-2 * TAIL :]}"


def blank_template() -> ChecklistTemplate:
    """A new checklist: one empty section with one empty item, answered like 办公环境."""
    key = fresh_template_key()
    item = Item(fresh_key(key), "")
    return ChecklistTemplate(key, "", (Section(fresh_key(key), "", (item,)),), COMPLIANCE)


def fresh_copy(words: ChecklistTemplate, name: str) -> ChecklistTemplate:
    """``words`` as a new checklist named ``name``: its sections and items under new keys (one
    inspection may cover both), its answers as they are."""
    key = fresh_template_key()
    sections = tuple(
        Section(fresh_key(key), section.title,
                tuple(replace(item, key=fresh_key(key)) for item in section.items))
        for section in words.sections
    )  # fmt: skip
    return ChecklistTemplate(key, name, sections, words.responses)
