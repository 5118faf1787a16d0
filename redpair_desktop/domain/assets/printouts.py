"""What a patrol's printout draws, as plain data: the services fill it, the reports read it.
Texts are already translated labels; photo paths are relative to the data folder."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class SheetDefect:
    asset: str  # 内冲线37号杆, 内冲村1号公变
    number: str  # 37, G1
    type: str  # 鸟窝
    note: str
    photo: str | None  # the thumbnail (at most 320 px a side)


@dataclass(frozen=True)
class SheetAsset:
    number: str
    kind: str  # 杆塔 / 公变 / 专变
    name: str
    capacity_kva: int | None
    defective: bool


@dataclass(frozen=True)
class PatrolSheet:
    patrol_id: uuid.UUID
    line: str  # 10 kV 内冲线
    station: str  # 大坪供电所党支部
    serves: str  # 通城瑶族村
    patrolled_on: date
    patroller: str
    status: str  # 巡视中 / 已结束
    defects: tuple[SheetDefect, ...]  # printed first
    poles: tuple[SheetAsset, ...]  # in number order
    transformers: tuple[SheetAsset, ...]  # 公变, then 专变
