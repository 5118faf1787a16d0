"""What an inspection's printout draws, as plain data: the services fill it, the reports read
it. Texts are already translated labels; photo paths are relative to the data folder."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime


@dataclass(frozen=True)
class SheetAnswer:
    label: str  # 符合 / 不符合 …
    colour: str  # "#c62828"
    fails: bool
    comment: str = ""


@dataclass(frozen=True)
class SheetItem:
    key: str
    text: str
    mandatory: bool
    weight: int
    answer: SheetAnswer | None  # None: not answered (a blank sheet has none)
    last: SheetAnswer | None  # the last visit's answer, when the inspection follows one
    photos: tuple[str, ...]  # thumbnails (at most 320 px a side), relative to the data folder


@dataclass(frozen=True)
class SheetSection:
    part: str  # the template's name: 办公环境
    title: str  # the section's title: 环境卫生
    items: tuple[SheetItem, ...]
    percent: float | None  # the section's score


@dataclass(frozen=True)
class SheetFinding:
    item_key: str | None
    category: str  # 考核不细 …
    description: str


@dataclass(frozen=True)
class SheetSignoff:
    role: str  # 检查人 / 被检查单位代表
    signer: str
    signed_at: datetime  # aware UTC
    image_png: bytes  # domain.signatures.to_png
    signature_sha256: str


@dataclass(frozen=True)
class InspectionSheet:
    inspection_id: uuid.UUID
    title: str  # “党建+安全”现场检查
    checklist: str  # 办公环境、日常管理、后勤安全
    checklist_sha256: str
    station: str  # 大坪供电所党支部
    held_on: date
    inspectors: tuple[str, ...]
    status: str  # 草稿 / 已完成
    version: int
    backfilled: bool
    responses: tuple[str, ...]  # the answer choices a blank sheet prints: 符合 基本符合 …
    flagged: tuple[SheetItem, ...]  # the failed items, printed first
    findings: tuple[SheetFinding, ...]
    sections: tuple[SheetSection, ...]
    score: float | None
    last_visit: date | None
    signoffs: tuple[SheetSignoff, ...]
