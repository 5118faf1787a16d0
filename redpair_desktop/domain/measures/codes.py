"""Codes the findings (问题清单) and assistance measures (帮扶措施) store. Labels live in
``domain/labels.py``."""

from enum import StrEnum


class FindingCategory(StrEnum):
    POOR_INDICATORS = "poor_indicators"  # 指标不理想
    VAGUE_ASSESSMENT = "vague_assessment"  # 考核不细
    BUSINESS_OVER_PARTY = "business_over_party"  # 重业务轻党建
    SAFETY_HAZARD = "safety_hazard"  # 安全隐患
    IRREGULAR_LEDGER = "irregular_ledger"  # 台账不规范
    OTHER = "other"  # 其他


class FindingSource(StrEnum):
    INSPECTION = "inspection"  # a failed checklist item
    PATROL = "patrol"  # a defect found on a line patrol
    AD_HOC = "ad_hoc"  # raised without a checklist


class MeasureStatus(StrEnum):
    NOT_STARTED = "not_started"  # 未开始
    IN_PROGRESS = "in_progress"  # 进行中
    AWAITING_VERIFICATION = "awaiting_verification"  # 待验证
    DONE = "done"  # 已完成 (verified at a visit)
    NOT_DONE = "not_done"  # 未完成 (closed without being achieved)


class Priority(StrEnum):
    HIGH = "high"  # 高
    MEDIUM = "medium"  # 中
    LOW = "low"  # 低


class MeasureEntryKind(StrEnum):
    """One line of a measure's log; every entry is kept, not just the status."""

    PROGRESS = "progress"  # 进展 (with evidence)
    SUPERVISION = "supervision"  # 督办
    SUBMITTED = "submitted"  # 提请验证
    VERIFIED = "verified"  # 验证通过 at a visit
    REJECTED = "rejected"  # 验证未通过 at a visit
    CLOSED_UNDONE = "closed_undone"  # 关闭为未完成
    REOPENED = "reopened"  # 重新打开


class MeasureAction(StrEnum):
    """What someone does to a measure (``transitions.transition`` says what it leads to)."""

    START = "start"  # 开始实施
    SUBMIT = "submit"  # 提请验证
    VERIFY_PASSED = "verify_passed"  # 验证通过
    VERIFY_FAILED = "verify_failed"  # 验证未通过
    CLOSE_UNDONE = "close_undone"  # 关闭为未完成
    REOPEN = "reopen"  # 重新打开
