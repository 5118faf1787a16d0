"""Codes stored in the database. Labels for people live in the services' label tables."""

from enum import StrEnum


class UnitKind(StrEnum):
    COMPANY = "company"
    HQ_DEPARTMENT = "hq_department"
    URBAN_UNIT = "urban_unit"
    COUNTY_COMPANY = "county_company"
    SUPPLY_STATION = "supply_station"


class BranchKind(StrEnum):
    HQ_DEPARTMENT = "hq_department"
    URBAN_UNIT = "urban_unit"
    SUPPLY_STATION = "supply_station"

    @property
    def can_lead_pairing(self) -> bool:
        return self is not BranchKind.SUPPLY_STATION


class MemberCategory(StrEnum):
    FULL = "full_member"  # 正式党员
    PROBATIONARY = "probationary_member"  # 预备党员
    ACTIVIST = "activist"  # 入党积极分子
    MASSES = "masses"  # 群众

    @property
    def is_party_member(self) -> bool:
        return self in (MemberCategory.FULL, MemberCategory.PROBATIONARY)


class MemberStatus(StrEnum):
    NORMAL = "normal"  # 正常
    MOBILE = "mobile"  # 流动
    LOST_CONTACT = "lost_contact"  # 失联
    INACTIVE = "inactive"  # 停用

    @property
    def counts_as_staff(self) -> bool:
        return self is not MemberStatus.INACTIVE


class PairingStatus(StrEnum):
    """Stored: 筹备, 已签约 or 终止 (what people decided); 进行中 and 到期 follow from the dates
    of a signed pairing (``domain/pairings/rules.py``)."""

    PREPARING = "preparing"  # 筹备
    SIGNED = "signed"  # 已签约
    ACTIVE = "active"  # 进行中
    EXPIRED = "expired"  # 到期
    TERMINATED = "terminated"  # 终止


class AgreementStatus(StrEnum):
    """How an agreement version stands: a draft, or signed on paper or on screen."""

    DRAFT = "draft"
    SIGNED_PAPER = "signed_paper"  # 已签署（纸质原件存档）
    SIGNED_ON_SCREEN = "signed_on_screen"


class ChangeAction(StrEnum):
    INSERT = "insert"
    UPDATE = "update"
    DELETE = "delete"


class EndReason(StrEnum):
    """Why a membership ended."""

    TRANSFERRED = "transferred"  # 转出 to another branch
    RETIRED = "retired"  # 移出: 退休
    LEFT_SYSTEM = "left_system"  # 移出: 调离系统外
    DECEASED = "deceased"  # 移出: 去世
    LEFT = "left"  # 移出 for another reason (and every 移出 recorded before reasons were asked)


REMOVAL_REASONS = (EndReason.RETIRED, EndReason.LEFT_SYSTEM, EndReason.DECEASED, EndReason.LEFT)
