"""What the activity printouts draw, as plain data: the services fill it, the reports read it."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime


@dataclass(frozen=True)
class Counts:
    expected: int  # 应到
    present: int  # 实到
    excused: int  # 请假
    absent: int  # 缺席


@dataclass(frozen=True)
class RollEntry:
    name: str
    branch: str  # the member's 党支部 short name; for a guest, the guest's unit
    role: str  # 正式党员 / 预备党员 / 来宾 … (already translated label)
    status: str  # AttendanceStatus value: "expected" | "present" | "excused" | "absent"
    reason: str = ""  # 请假/缺席 reason
    signature_png: bytes | None = None  # domain.signatures.to_png of the pledge signature
    signed_at: datetime | None = None  # aware UTC
    backfilled: bool = False  # 补录: entered later from the paper list
    badge_code: str = ""  # what the badge QR encodes
    checked_in_at: datetime | None = None  # aware UTC: when the check-in was recorded


@dataclass(frozen=True)
class ActivitySheet:
    activity_id: uuid.UUID
    type_label: str  # 启动仪式 …
    title: str  # e.g. 综合服务中心党支部与大坪供电所党支部结对共建启动仪式
    held_on: date
    place: str
    hosts: tuple[str, ...]
    branches: tuple[str, ...]  # the pairing's two branches (short names)
    pledge_title: str  # 党员身边无违章
    pledge_text: str
    pledge_sha256: str
    entries: tuple[RollEntry, ...]  # in roster order (pinyin), guests last
    counts: Counts
    content: str = ""  # 主要内容 for the brief (agenda / notes)
