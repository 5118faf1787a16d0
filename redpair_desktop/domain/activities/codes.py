"""Codes the activities store: what kind of activity, where each person stands, how an entry
was made and what happened in the attendance log. Labels live in ``domain/labels.py``."""

from enum import StrEnum


class ActivityType(StrEnum):
    LAUNCH_CEREMONY = "launch_ceremony"  # 启动仪式/签约仪式
    THEMED_PARTY_DAY = "themed_party_day"  # 主题党日
    JOINT_PARTY_LESSON = "joint_party_lesson"  # 联合党课
    SAFETY_PRACTICE = "safety_practice"  # “党建+安全”实践活动
    SITE_INSPECTION = "site_inspection"  # 现场检查
    LINE_RIDE_ALONG = "line_ride_along"  # 随线巡视
    SERVICE_TEAM_VISIT = "service_team_visit"  # 党员服务队走访服务

    @property
    def has_run_sheet(self) -> bool:
        return self is ActivityType.LAUNCH_CEREMONY


class AttendanceStatus(StrEnum):
    EXPECTED = "expected"  # on the list, nothing recorded yet
    PRESENT = "present"  # 实到
    EXCUSED = "excused"  # 请假
    ABSENT = "absent"  # 缺席


class EntryMethod(StrEnum):
    """How a check-in or a status was entered."""

    TYPED_NAME = "typed_name"  # the name typed at the desk
    PINYIN = "pinyin"  # pinyin initials or full pinyin typed at the desk
    BADGE = "badge"  # the badge's code, typed by a USB scanner
    KIOSK = "kiosk"  # the member found their name at the signature kiosk
    LIST = "list"  # picked from the list by the operator
    PAPER = "paper"  # 补录: entered later from the paper sign-in list


class AttendanceEventKind(StrEnum):
    """One line of an activity's attendance log; every event is kept, not just the state."""

    GUEST_ADDED = "guest_added"
    CHECK_IN = "check_in"
    EXCUSED = "excused"
    ABSENT = "absent"
    UNDO = "undo"
    BACKFILL = "backfill"  # 补录
    SIGNED = "signed"  # the pledge was signed


class RunSheetStep(StrEnum):
    """The launch ceremony's run-sheet, in order (``LAUNCH_STEPS``)."""

    READ_AGREEMENT = "read_agreement"  # 宣读协议
    SIGN_AGREEMENT = "sign_agreement"  # 签字
    EXCHANGE_TEXTS = "exchange_texts"  # 交换文本
    PLEDGE = "pledge"  # 承诺宣读签名
    GROUP_PHOTO = "group_photo"  # 合影


LAUNCH_STEPS: tuple[RunSheetStep, ...] = tuple(RunSheetStep)
