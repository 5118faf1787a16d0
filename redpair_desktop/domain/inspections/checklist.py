"""What one inspection is checked against: the templates it covers (the reference inspection of
大坪供电所 covers 办公环境, 日常管理 and 后勤安全), frozen together as one canonical JSON."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from dataclasses import dataclass

from redpair_desktop.domain.errors import IntegrityProblem, UserError
from redpair_desktop.domain.inspections.template import (
    ChecklistTemplate,
    Item,
    Response,
    Section,
    canonical_json,
    from_data,
)
from redpair_desktop.i18n import _


@dataclass(frozen=True)
class Checklist:
    parts: tuple[ChecklistTemplate, ...]

    def __post_init__(self) -> None:
        if not self.parts:
            raise UserError(_("请至少选择一张检查表。"))
        keys = [item.key for part in self.parts for item in part.items()]
        if len(keys) != len(set(keys)):
            raise UserError(_("所选检查表中有相同编号的检查项，不能合在一次检查中。"))

    @property
    def title(self) -> str:
        return "、".join(part.name for part in self.parts)

    def sections(self) -> Iterator[tuple[ChecklistTemplate, Section]]:
        for part in self.parts:
            for section in part.sections:
                yield part, section

    def items(self) -> Iterator[tuple[ChecklistTemplate, Item]]:
        for part in self.parts:
            for item in part.items():
                yield part, item

    def item(self, key: str) -> tuple[ChecklistTemplate, Item]:
        for part, item in self.items():
            if item.key == key:
                return part, item
        raise UserError(_("本次检查没有编号为“{key}”的检查项。", key=key))

    def response(self, item_key: str, response_key: str) -> Response:
        part, _item = self.item(item_key)
        return part.responses.response(response_key)

    def canonical_json(self) -> str:
        return canonical_json([part.to_data() for part in self.parts])

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.canonical_json().encode("utf-8")).hexdigest()


def checklist_from_json(text: str) -> Checklist:
    try:
        parts = json.loads(text)
    except ValueError as exc:
        raise IntegrityProblem(_("保存的检查表内容无法读取，可能已损坏。")) from exc
    return Checklist(tuple(from_data(part) for part in parts))
