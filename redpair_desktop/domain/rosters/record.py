"""One roster entry as typed in the editor or read from a spreadsheet row, validated.

``validate_record`` takes raw values by field key (strings, numbers, dates, as they come) and
returns either a clean ``RosterRecord`` or, for each bad field, a message that explains itself.
The editor and the Excel import share it, so both refuse and accept exactly the same things.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from redpair_desktop.domain.enums import MemberCategory, MemberStatus
from redpair_desktop.domain.rosters.fields import (
    CATEGORY_HEADERS,
    FIELDS_BY_KEY,
    STATUS_HEADERS,
    category_from_text,
    status_from_text,
)
from redpair_desktop.domain.rosters.person_rules import (
    FieldError,
    birth_date_from_id,
    check_birth_matches_id,
    check_party_dates,
    parse_date,
    validate_id_number,
    validate_name,
    validate_phone,
)
from redpair_desktop.i18n import _, join_items

TEXT_LIMITS = {"ethnicity": 32, "education": 32, "party_post": 32, "position": 64, "employer": 128}
YES = {"是", "y", "yes", "true", "1", "√", "✓", "供服党员"}
NO = {"否", "n", "no", "false", "0", "×", "x"}
GENDERS = {"男": "男", "男性": "男", "女": "女", "女性": "女"}


@dataclass(frozen=True)
class RosterRecord:
    name: str
    category: MemberCategory
    branch: str  # a branch's seal name or short name, resolved by the services
    gender: str | None = None
    ethnicity: str | None = None
    birth_date: date | None = None
    id_number: str | None = None
    education: str | None = None
    joined_on: date | None = None
    confirmed_on: date | None = None
    party_post: str | None = None
    employer: str | None = None
    position: str | None = None
    supply_service: bool = False
    phone: str | None = None
    status: MemberStatus = MemberStatus.NORMAL


def text_value(value: object) -> str | None:
    """A cell or field as clean text: NFC, trimmed, None when empty; 12.0 reads as 12."""
    if value is None:
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = unicodedata.normalize("NFC", str(value)).strip()
    return text or None


def _label(key: str) -> str:
    return _(FIELDS_BY_KEY[key].header)


def _limited_text(key: str) -> Callable[[object], str | None]:
    def check(value: object) -> str | None:
        text = text_value(value)
        if text and len(text) > TEXT_LIMITS[key]:
            raise FieldError(
                _(
                    "{field}最多 {limit} 个字，现有 {count} 个字。",
                    field=_label(key),
                    limit=TEXT_LIMITS[key],
                    count=len(text),
                )
            )
        return text

    return check


def _gender(value: object) -> str | None:
    text = text_value(value)
    if text is None:
        return None
    if text not in GENDERS:
        raise FieldError(_("性别应填“男”或“女”，而不是“{value}”。", value=text))
    return GENDERS[text]


def _category(value: object) -> MemberCategory:
    text = text_value(value)
    category = category_from_text(text) if text else None
    if category is None:
        choices = join_items(CATEGORY_HEADERS.values())
        if text is None:
            raise FieldError(_("人员类别不能为空，应为：{choices}。", choices=choices))
        raise FieldError(
            _("人员类别“{value}”无法识别，应为：{choices}。", value=text, choices=choices)
        )
    return category


def _status(value: object) -> MemberStatus:
    text = text_value(value)
    if text is None:
        return MemberStatus.NORMAL
    status = status_from_text(text)
    if status is None:
        choices = join_items(STATUS_HEADERS.values())
        raise FieldError(_("状态“{value}”无法识别，应为：{choices}。", value=text, choices=choices))
    return status


def _yes_no(value: object) -> bool:
    if isinstance(value, bool):
        return value
    text = (text_value(value) or "").lower()
    if not text or text in NO:
        return False
    if text in YES:
        return True
    raise FieldError(_("供服党员应填“是”或“否”，而不是“{value}”。", value=text))


def _branch(value: object) -> str:
    text = text_value(value)
    if text is None:
        raise FieldError(_("所在党支部不能为空，请填写党支部全称或简称。"))
    return text


def _id_number(value: object) -> str | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    return validate_id_number(value)


def _date(key: str) -> Callable[[object], date | None]:
    return lambda value: parse_date(value, _label(key))


# One check a field; each returns the clean value or raises FieldError.
_CHECKS: tuple[tuple[str, Callable[[object], object]], ...] = (
    ("name", lambda value: validate_name(text_value(value) or "")),
    ("category", _category),
    ("branch", _branch),
    ("gender", _gender),
    ("birth_date", _date("birth_date")),
    ("id_number", _id_number),
    ("joined_on", _date("joined_on")),
    ("confirmed_on", _date("confirmed_on")),
    ("supply_service", _yes_no),
    ("phone", validate_phone),
    ("status", _status),
    *((key, _limited_text(key)) for key in TEXT_LIMITS),
)


def validate_record(values: Mapping[str, object]) -> tuple[RosterRecord | None, dict[str, str]]:
    """A clean record, or the errors by field key (then the record is None)."""
    fields, errors = check_values(values)
    if errors:
        return None, errors
    return RosterRecord(**fields), {}


def check_values(values: Mapping[str, object]) -> tuple[dict[str, Any], dict[str, str]]:
    """Every field's clean value (None where it is bad) and the errors by field key; the import
    uses the good values of a bad row to report its other problems in the same pass."""
    errors: dict[str, str] = {}
    fields: dict[str, Any] = {}  # checked values of each field's own type
    for key, check in _CHECKS:
        try:
            fields[key] = check(values.get(key))
        except FieldError as error:
            errors[key] = str(error)
            fields[key] = None
    _check_across_fields(fields, errors)
    if fields["birth_date"] is None and fields["id_number"] and "birth_date" not in errors:
        fields["birth_date"] = birth_date_from_id(fields["id_number"])
    return fields, errors


def _check_across_fields(fields: dict[str, Any], errors: dict[str, str]) -> None:
    if "birth_date" not in errors and "id_number" not in errors:
        try:
            check_birth_matches_id(fields["birth_date"], fields["id_number"])
        except FieldError as error:
            errors["birth_date"] = str(error)
    if not {"joined_on", "confirmed_on", "birth_date"} & errors.keys():
        try:
            check_party_dates(fields["joined_on"], fields["confirmed_on"], fields["birth_date"])
        except FieldError as error:
            errors["confirmed_on" if fields["confirmed_on"] else "joined_on"] = str(error)
    category = fields["category"]
    if fields["supply_service"] and category and not category.is_party_member:
        errors["supply_service"] = _("只有党员才能标为供服党员。")
