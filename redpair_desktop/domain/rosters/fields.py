"""The roster's fields: one specification for the editor, import, export, listing and the view.

Each field names its Excel header, the other systems' names for it, its JSON key, where it is
stored (a person's or a membership's column, or derived from the membership's branch), its kind
(text, date, choice, flag) and its choices. The person editor builds its form from it, the bulk
writer and the editor's save turn a record into column values with ``stored_values``, the roster
snapshot's SQL and the editor's load read the same columns back. Excel headers are part of the
file format and stay in Chinese whatever the interface language; the view translates them.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import Enum, StrEnum
from typing import Any, Literal, TypeVar

from redpair_desktop.domain.enums import MemberCategory, MemberStatus
from redpair_desktop.i18n import N_

GENDERS = (N_("男"), N_("女"))  # marked: the view shows them translated
# Stored in Chinese; marked so the editor shows them translated.
EDUCATION_LEVELS = (N_("研究生"), N_("大学本科"), N_("大学专科"), N_("中专"), N_("高中"),
                    N_("初中及以下"))  # fmt: skip
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
# The national words for 政治面貌 (GB/T 4762) that HR systems export.
CATEGORY_SYNONYMS = {
    "中共党员": MemberCategory.FULL,
    "党员": MemberCategory.FULL,
    "中共预备党员": MemberCategory.PROBATIONARY,
}


class FieldKind(StrEnum):
    TEXT = "text"
    DATE = "date"
    CHOICE = "choice"
    FLAG = "flag"


Source = Literal["person", "membership", "branch"]  # branch: the membership's branch, derived
PERSON: Source = "person"
MEMBERSHIP: Source = "membership"
BRANCH: Source = "branch"

_Code = TypeVar("_Code", bound=StrEnum)


@dataclass(frozen=True, eq=False)  # each field is one object: compared by identity
class RosterField:
    key: str
    header: str  # the Excel header (marked N_ so the view can translate it)
    source: Source
    column: str  # the attribute (column) in ``source``
    kind: FieldKind = FieldKind.TEXT
    aliases: tuple[str, ...] = ()  # other systems' headers for the same field
    required: bool = False
    choices: tuple[str, ...] = ()  # offered as a drop-down (template, editor)
    free_text: bool = False  # the choices are suggestions; other text is accepted too
    codes: Mapping[str, str] = field(default_factory=dict)  # stored code → header text
    unit_default: bool = False  # empty means the name of the branch's unit
    flag_text: str = ""  # a flag's check-box text in the editor (marked N_)

    @property
    def json_key(self) -> str:
        """The key in `redpair roster list --json` (the ID number is only ever shown masked)."""
        return "id_number_masked" if self.key == "id_number" else self.key

    @property
    def is_written(self) -> bool:
        """A value of the person or membership row itself (the branch is resolved apart)."""
        return self.source != BRANCH

    def shown(self, stored: object) -> object:
        """A stored value as the editor, the view and the files show it (codes → headers)."""
        if self.codes and isinstance(stored, str):
            return self.codes.get(stored, stored)
        return stored


def _codes(headers: Mapping[_Code, str]) -> dict[str, str]:
    return {code.value: header for code, header in headers.items()}


def _person(key: str, header: str, column: str | None = None, **more: Any) -> RosterField:
    return RosterField(key, header, PERSON, column or key, **more)


def _membership(key: str, header: str, **more: Any) -> RosterField:
    return RosterField(key, header, MEMBERSHIP, key, **more)


DATE, CHOICE, FLAG = FieldKind.DATE, FieldKind.CHOICE, FieldKind.FLAG
ROSTER_FIELDS: tuple[RosterField, ...] = (
    _person("name", N_("姓名"), aliases=("用户姓名", "名字", "党员姓名"), required=True),
    _person("gender", N_("性别"), kind=CHOICE, choices=GENDERS),
    _person("ethnicity", N_("民族")),
    _person("birth_date", N_("出生日期"), kind=DATE, aliases=("出生年月", "出生时间", "生日")),
    _person(
        "id_number", N_("公民身份号码"), aliases=("身份证号", "身份证号码", "身份证", "证件号码")
    ),
    _person(
        "education",
        N_("学历"),
        kind=CHOICE,
        aliases=("文化程度", "最高学历"),
        choices=EDUCATION_LEVELS,
        free_text=True,
    ),
    _person("joined_on", N_("入党日期"), "joined_party_on", kind=DATE, aliases=("入党时间",)),
    _person("confirmed_on", N_("转正日期"), kind=DATE, aliases=("转正时间",)),
    _person(
        "category",
        N_("人员类别"),
        kind=CHOICE,
        aliases=("党员类型", "党员类别", "人员类型", "政治面貌"),
        required=True,
        choices=tuple(CATEGORY_HEADERS.values()),
        codes=_codes(CATEGORY_HEADERS),
    ),
    RosterField(
        "branch",
        N_("所在党支部"),
        BRANCH,
        "seal_name",
        kind=CHOICE,  # the choices are the registered branches, known at run time
        aliases=("所在支部", "所属党支部", "党支部", "所属支部"),
        required=True,
        free_text=True,
    ),
    _membership("party_post", N_("党内职务"), aliases=("党内职位",)),
    _membership("employer", N_("工作单位"), aliases=("单位", "所在单位"), unit_default=True),
    _membership("position", N_("岗位"), aliases=("职位", "职务", "岗位名称")),
    _membership(
        "supply_service",
        N_("供服党员"),
        kind=FLAG,
        aliases=("是否供服党员", "供服"),
        choices=YES_NO,
        flag_text=N_("是供服党员"),
    ),
    _person("phone", N_("联系电话"), aliases=("手机号", "手机号码", "联系方式", "电话", "手机")),
    _membership(
        "status",
        N_("状态"),
        kind=CHOICE,
        aliases=("人员状态", "党员状态"),
        choices=tuple(STATUS_HEADERS.values()),
        codes=_codes(STATUS_HEADERS),
    ),
)
FIELDS_BY_KEY = {f.key: f for f in ROSTER_FIELDS}
_SPACES_AND_MARKS = re.compile(r"[\s\u3000*＊]|[（(]必填[)）]")


def header_key(text: object) -> str:
    """A header as compared: spaces, required-marks (*) and “(必填)” removed."""
    return _SPACES_AND_MARKS.sub("", str(text or ""))


def field_for_header(text: object) -> RosterField | None:
    """The field a header names, by its own name or a common variant."""
    key = header_key(text)
    for roster_field in ROSTER_FIELDS:
        if key in (roster_field.header, roster_field.key) or key in roster_field.aliases:
            return roster_field
    return None


def category_from_text(text: str) -> MemberCategory | None:
    for category, header in CATEGORY_HEADERS.items():
        if text in (header, category.value):
            return category
    return CATEGORY_SYNONYMS.get(text)


def status_from_text(text: str) -> MemberStatus | None:
    for status, header in STATUS_HEADERS.items():
        if text in (header, status.value):
            return status
    return None


def fields_in(source: Source) -> tuple[RosterField, ...]:
    return tuple(f for f in ROSTER_FIELDS if f.source == source)


def stored_values(record: object, source: Source, unit_name: str | None = None) -> dict:
    """A record's values for the ``source`` row, by column (enums as their stored codes; an
    empty employer is the unit's name)."""
    values = {}
    for roster_field in fields_in(source):
        value = getattr(record, roster_field.key)
        if isinstance(value, Enum):
            value = value.value
        if roster_field.unit_default and not value:
            value = unit_name
        values[roster_field.column] = value
    return values
