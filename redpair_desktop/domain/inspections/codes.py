"""Codes the inspections store. Labels live in ``domain/labels.py``."""

from enum import StrEnum


class InspectionStatus(StrEnum):
    DRAFT = "draft"  # being filled in, resumable
    COMPLETED = "completed"  # signed off: never changes again (a correction is a new version)


class SignoffRole(StrEnum):
    INSPECTOR = "inspector"  # 检查人
    INSPECTED = "inspected"  # 被检查单位代表
