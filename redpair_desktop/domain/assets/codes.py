"""Codes the asset register and the line patrols store. Labels live in ``domain/labels.py``."""

from enum import StrEnum


class AssetKind(StrEnum):
    LINE = "line"  # 10 kV 线路
    POLE = "pole"  # 杆塔（水泥杆）
    PUBLIC_TRANSFORMER = "public_transformer"  # 公变
    DEDICATED_TRANSFORMER = "dedicated_transformer"  # 专变

    @property
    def is_transformer(self) -> bool:
        return self in (AssetKind.PUBLIC_TRANSFORMER, AssetKind.DEDICATED_TRANSFORMER)

    @property
    def on_line(self) -> bool:
        """Poles and transformers hang on a line; a line stands alone."""
        return self is not AssetKind.LINE


class DefectType(StrEnum):
    TILT = "tilt"  # 倾斜
    CRACK = "crack"  # 裂纹
    BIRD_NEST = "bird_nest"  # 鸟窝
    SLACK_STAY = "slack_stay"  # 拉线松弛
    FOREIGN_OBJECT = "foreign_object"  # 异物
    VEGETATION = "vegetation"  # 树障
    OIL_LEAK = "oil_leak"  # 渗油
    ABNORMAL_NOISE = "abnormal_noise"  # 异响
    OVERHEATING = "overheating"  # 过热
    MISSING_SIGN = "missing_sign"  # 标识缺失
    OTHER = "other"  # 其他


_POLE = {
    DefectType.TILT,
    DefectType.CRACK,
    DefectType.BIRD_NEST,
    DefectType.SLACK_STAY,
    DefectType.FOREIGN_OBJECT,
    DefectType.VEGETATION,
}
_TRANSFORMER = {
    DefectType.OIL_LEAK,
    DefectType.ABNORMAL_NOISE,
    DefectType.OVERHEATING,
    DefectType.FOREIGN_OBJECT,
}
_EVERY_ASSET = {DefectType.MISSING_SIGN, DefectType.OTHER}


def defect_types(kind: AssetKind) -> tuple[DefectType, ...]:
    """The defects a patroller can mark on an asset of ``kind``, in menu order."""
    own = _TRANSFORMER if kind.is_transformer else _POLE if kind is AssetKind.POLE else set()
    return tuple(d for d in DefectType if d in own | _EVERY_ASSET)


class PatrolStatus(StrEnum):
    OPEN = "open"  # being patrolled
    COMPLETED = "completed"  # closed: its defects no longer change


class AssetState(StrEnum):
    """What a patrol says of one asset: 正常 unless a defect was marked."""

    NORMAL = "normal"  # 正常
    DEFECT = "defect"  # 缺陷
