"""The roster's fields: their Excel headers, the other systems' names for them, their JSON keys.

One list serves the roster view's columns, the Excel template, import, export and
``redpair roster list``. Excel headers are part of the file format and stay in Chinese whatever
the interface language; the view translates them for display.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from redpair_desktop.domain.enums import MemberCategory, MemberStatus
from redpair_desktop.i18n import N_

GENDERS = (N_("男"), N_("女"))  # marked: the view shows them translated
EDUCATION_LEVELS = ("研究生", "大学本科", "大学专科", "中专", "高中", "初中及以下")
YES_NO = ("是", "否")
CATEGORY_HEADERS = {
    MemberCategory.FULL: "正式党员",
    MemberCategory.PROBATIONARY: "预备党员",
    MemberCategory.ACTIVIST: "入党积极分子",
    MemberCategory.MASSES: "群众",
}
STATUS_HEADERS = {
    MemberStatus.NORMAL: "正常",
    MemberStatus.MOBILE: "流动",
    MemberStatus.LOST_CONTACT: "失联",
    MemberStatus.INACTIVE: "停用",
}


@dataclass(frozen=True)
class RosterField:
    key: str
    header: str  # the Excel header (marked N_ so the view can translate it)
    aliases: tuple[str, ...] = ()  # other systems' headers for the same field
    required: bool = False
    choices: tuple[str, ...] = ()  # offered as a drop-down in the template

    @property
    def json_key(self) -> str:
        """The key in `redpair roster list --json` (the ID number is only ever shown masked)."""
        return "id_number_masked" if self.key == "id_number" else self.key


ROSTER_FIELDS: tuple[RosterField, ...] = (
    RosterField("name", N_("姓名"), ("用户姓名", "名字", "党员姓名"), required=True),
    RosterField("gender", N_("性别"), choices=GENDERS),
    RosterField("ethnicity", N_("民族")),
    RosterField("birth_date", N_("出生日期"), ("出生年月", "出生时间", "生日")),
    RosterField("id_number", N_("公民身份号码"), ("身份证号", "身份证号码", "身份证", "证件号码")),
    RosterField("education", N_("学历"), ("文化程度", "最高学历"), choices=EDUCATION_LEVELS),
    RosterField("joined_on", N_("入党日期"), ("入党时间",)),
    RosterField("confirmed_on", N_("转正日期"), ("转正时间",)),
    RosterField(
        "category",
        N_("人员类别"),
        ("党员类型", "党员类别", "人员类型", "政治面貌"),
        required=True,
        choices=tuple(CATEGORY_HEADERS.values()),
    ),
    RosterField(
        "branch", N_("所在党支部"), ("所在支部", "所属党支部", "党支部", "所属支部"), required=True
    ),
    RosterField("party_post", N_("党内职务"), ("党内职位",)),
    RosterField("employer", N_("工作单位"), ("单位", "所在单位")),
    RosterField("position", N_("岗位"), ("职位", "职务", "岗位名称")),
    RosterField("supply_service", N_("供服党员"), ("是否供服党员", "供服"), choices=YES_NO),
    RosterField("phone", N_("联系电话"), ("手机号", "手机号码", "联系方式", "电话", "手机")),
    RosterField(
        "status", N_("状态"), ("人员状态", "党员状态"), choices=tuple(STATUS_HEADERS.values())
    ),
)
FIELDS_BY_KEY = {field.key: field for field in ROSTER_FIELDS}
_SPACES_AND_MARKS = re.compile(r"[\s\u3000*＊]|[（(]必填[)）]")


def header_key(text: object) -> str:
    """A header as compared: spaces, required-marks (*) and “(必填)” removed."""
    return _SPACES_AND_MARKS.sub("", str(text or ""))


def field_for_header(text: object) -> RosterField | None:
    """The field a header names, by its own name or a common variant."""
    key = header_key(text)
    for field in ROSTER_FIELDS:
        if key == field.header or key in field.aliases or key == field.key:
            return field
    return None


def category_from_text(text: str) -> MemberCategory | None:
    for category, header in CATEGORY_HEADERS.items():
        if text in (header, category.value):
            return category
    return {"中共党员": MemberCategory.FULL, "党员": MemberCategory.FULL}.get(text)


def status_from_text(text: str) -> MemberStatus | None:
    for status, header in STATUS_HEADERS.items():
        if text in (header, status.value):
            return status
    return None
