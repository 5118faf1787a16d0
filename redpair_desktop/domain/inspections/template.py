"""Checklist templates as frozen values: response sets, sections and items, with a canonical
JSON form (sorted keys, NFC, integers only) and its SHA-256. An inspection keeps the canonical
JSON of what it used, so a later edit of the template never changes a recorded inspection.

A response's ``value`` is the share of an item's weight it earns, in percent; ``None`` (不适用)
takes the item out of the score. A response that ``fails`` (不符合, 缺陷) needs a comment and a
photo, and raises a finding of the item's ``category``.
"""

from __future__ import annotations

import hashlib
import json
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from redpair_desktop.domain.errors import IntegrityProblem, UserError
from redpair_desktop.domain.measures.codes import FindingCategory
from redpair_desktop.i18n import _

FORMAT_VERSION = 1
MAX_WEIGHT = 10
MAX_TEXT = 200


@dataclass(frozen=True)
class Response:
    key: str  # stored in an answer: "pass", "partial", "fail", "na" …
    label: str  # 符合
    value: int | None  # percent of the item's weight earned; None: not applicable
    colour: str  # "#2e7d32"
    fails: bool = False
    shortcut: str = ""  # the key that gives this answer in the run (1, 2, 3 …)


@dataclass(frozen=True)
class ResponseSet:
    key: str
    name: str
    responses: tuple[Response, ...]

    def response(self, key: str) -> Response:
        for response in self.responses:
            if response.key == key:
                return response
        raise UserError(_("“{key}”不是“{name}”中的选项。", key=key, name=self.name))


@dataclass(frozen=True)
class Item:
    key: str  # unique in the whole checklist: answers and last-visit answers are matched by it
    text: str
    mandatory: bool = True
    weight: int = 1
    category: FindingCategory = FindingCategory.OTHER  # of the finding a failed answer raises
    guidance: str = ""  # 检查方法/要点


@dataclass(frozen=True)
class Section:
    key: str
    title: str
    items: tuple[Item, ...]


@dataclass(frozen=True)
class ChecklistTemplate:
    key: str  # stable across versions: "office", "patrol_10kv" …
    name: str  # 办公环境
    sections: tuple[Section, ...]
    responses: ResponseSet

    def items(self) -> Iterator[Item]:
        for section in self.sections:
            yield from section.items

    def checked(self) -> ChecklistTemplate:
        """The template itself, or a ``UserError`` naming what is wrong with it."""
        if not self.name.strip() or not self.sections:
            raise UserError(_("检查表“{name}”需要名称和至少一个分项。", name=self.name))
        keys = [item.key for item in self.items()]
        if len(keys) != len(set(keys)):
            raise UserError(_("检查表“{name}”中有重复的检查项编号。", name=self.name))
        for section in self.sections:
            if not section.items:
                raise UserError(_("分项“{title}”没有检查项。", title=section.title))
            for item in section.items:
                _check_item(item)
        if not any(r.value is not None for r in self.responses.responses):
            raise UserError(_("选项组“{name}”没有计分的选项。", name=self.responses.name))
        return self

    def to_data(self) -> dict[str, Any]:
        return {
            "format": FORMAT_VERSION,
            "key": self.key,
            "name": self.name,
            "responses": {
                "key": self.responses.key,
                "name": self.responses.name,
                "responses": [_response_data(r) for r in self.responses.responses],
            },
            "sections": [
                {"key": s.key, "title": s.title, "items": [_item_data(i) for i in s.items]}
                for s in self.sections
            ],
        }

    def canonical_json(self) -> str:
        return canonical_json(self.to_data())

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.canonical_json().encode("utf-8")).hexdigest()


def _check_item(item: Item) -> None:
    if not item.text.strip() or len(item.text) > MAX_TEXT:
        raise UserError(_("检查项的内容不能为空，最多 {limit} 个字。", limit=MAX_TEXT))
    if not 1 <= item.weight <= MAX_WEIGHT:
        raise UserError(_("检查项“{text}”的权重须在 1 到 {limit} 之间。", text=item.text,
                          limit=MAX_WEIGHT))  # fmt: skip


def canonical_json(data: object) -> str:
    """Sorted keys, no spaces, NFC text: the same template always gives the same bytes."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return unicodedata.normalize("NFC", text)


def from_data(data: dict[str, Any]) -> ChecklistTemplate:
    """A template from its stored form; stored data that does not fit is a damaged record."""
    try:
        if data["format"] != FORMAT_VERSION:
            raise ValueError(data["format"])
        responses = data["responses"]
        return ChecklistTemplate(
            key=data["key"],
            name=data["name"],
            responses=ResponseSet(
                responses["key"],
                responses["name"],
                tuple(Response(**r) for r in responses["responses"]),
            ),
            sections=tuple(
                Section(s["key"], s["title"], tuple(_item(i) for i in s["items"]))
                for s in data["sections"]
            ),
        )
    except (KeyError, TypeError, ValueError) as exc:
        raise IntegrityProblem(_("保存的检查表内容无法读取，可能已损坏。")) from exc


def from_json(text: str) -> ChecklistTemplate:
    try:
        data = json.loads(text)
    except ValueError as exc:
        raise IntegrityProblem(_("保存的检查表内容无法读取，可能已损坏。")) from exc
    return from_data(data)


def _response_data(response: Response) -> dict[str, Any]:
    return {
        "key": response.key,
        "label": response.label,
        "value": response.value,
        "colour": response.colour,
        "fails": response.fails,
        "shortcut": response.shortcut,
    }


def _item_data(item: Item) -> dict[str, Any]:
    return {
        "key": item.key,
        "text": item.text,
        "mandatory": item.mandatory,
        "weight": item.weight,
        "category": item.category.value,
        "guidance": item.guidance,
    }


def _item(data: dict[str, Any]) -> Item:
    return Item(**{**data, "category": FindingCategory(data["category"])})
