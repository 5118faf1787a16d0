"""Rules for a person's own facts: name, 公民身份号码 (GB 11643-1999), dates, phone.

Each ``validate_*`` / ``parse_*`` / ``check_*`` function raises ``FieldError`` with a translated
message that says what is wrong and what is expected; values typed in the window and values
imported from Excel go through the same rules.
"""

from __future__ import annotations

import math
import re
import unicodedata
from datetime import date, datetime, timedelta

from redpair_desktop.i18n import _


class FieldError(ValueError):
    """A value a user typed or imported is not acceptable; str(error) is the Chinese message."""


MIDDLE_DOT = "\u00b7"  # ·
# U+00B7 itself and its look-alikes: · (Greek ano teleia) • ‧ ∙ ⋅ ⸱ ꞏ ・ ． ･
_DOT_LIKE = "\u00b7\u0387\u2022\u2027\u2219\u22c5\u2e31\ua78f\u30fb\uff0e\uff65"
_DOT_WITH_SPACES = re.compile(rf"\s*[{_DOT_LIKE}]\s*")  # \s includes the ideographic U+3000
NAME_MAX_LENGTH = 64
_HIDDEN = {"Cc", "Cf", "Cs", "Zl", "Zp"}  # control, invisible formatting, lone surrogate, breaks

_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK_CHARACTERS = "10X98765432"
_FULL_WIDTH = str.maketrans("０１２３４５６７８９Ｘｘx", "0123456789XXX")

EXCEL_SERIAL_MAX = 2958465  # 9999-12-31
_DATE_PATTERNS = (
    re.compile(r"(?P<y>\d{4})([-/.])(?P<m>\d{1,2})\2(?P<d>\d{1,2})"),  # 2019-07-01, 2019/7/1
    re.compile(r"(?P<y>\d{4})\s*年\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*日?"),
    re.compile(r"(?P<y>\d{4})(?P<m>\d{2})(?P<d>\d{2})"),  # 20190701
)

_PREFIX = r"(?:\+?86-?)"  # optional country code
PHONE_PATTERN = re.compile(  # matched against the text with its spaces removed
    rf"{_PREFIX}?1-?[3-9](?:-?\d){{9}}"  # mobile: 11 digits, dashes anywhere
    rf"|(?:{_PREFIX}0?|0)\d{{2,3}}-?\d(?:-?\d){{6,7}}(?:-\d{{1,6}})?"  # area code, 7-8, -ext
)


def normalize_name(raw: str) -> str:
    """Strip, NFC, and turn every middle-dot look-alike (and spaces around it) into “·”."""
    return _DOT_WITH_SPACES.sub(MIDDLE_DOT, unicodedata.normalize("NFC", raw.strip()))


def validate_name(raw: str) -> str:
    """Return the normalized name, or raise ``FieldError`` if it cannot be a person's name."""
    name = normalize_name(raw)
    if not name:
        raise FieldError(_("姓名不能为空，请填写本人的姓名。"))
    if len(name) > NAME_MAX_LENGTH:
        limit, length = NAME_MAX_LENGTH, len(name)
        raise FieldError(
            _("姓名太长：最多 {limit} 个字符，现在是 {length} 个。", limit=limit, length=length)
        )
    hidden = [f"{ord(char):04X}" for char in name if unicodedata.category(char) in _HIDDEN]
    if hidden:
        raise FieldError(
            _("姓名中含有不可见的控制字符（U+{code}），请删除后重新输入。", code=hidden[0])
        )
    if all(unicodedata.category(char)[0] in "NPSZ" for char in name):
        raise FieldError(_("姓名“{name}”只有数字或符号，请填写本人的姓名。", name=name))
    return name


def id_check_character(first17: str) -> str:
    """The ISO 7064 MOD 11-2 check character for the first 17 digits of an ID number."""
    if len(first17) != 17 or not first17.isascii() or not first17.isdigit():
        raise ValueError(f"expected 17 ASCII digits, got {first17!r}")  # a caller's bug
    total = sum(int(digit) * weight for digit, weight in zip(first17, _ID_WEIGHTS, strict=True))
    return _ID_CHECK_CHARACTERS[total % 11]


def validate_id_number(raw: object) -> str:
    """Return the 18-character ID number (ASCII digits, upper-case X) or raise ``FieldError``."""
    if isinstance(raw, int | float) and not isinstance(raw, bool):
        raise FieldError(
            _(
                "公民身份号码被 Excel 存成了数字，15 位以后的数字已经丢失，无法还原。"
                "请把这一列设为“文本”格式，再重新录入这些号码。"
            )
        )
    number = ("" if raw is None else str(raw)).strip().translate(_FULL_WIDTH)
    if not number:
        raise FieldError(_("公民身份号码不能为空，应为 18 位。"))
    if len(number) == 15 and number.isdigit():
        raise FieldError(_("这是 15 位的旧身份证号码，请改填 18 位的公民身份号码。"))
    if len(number) != 18:
        raise FieldError(
            _(
                "公民身份号码应为 18 位（前 17 位是数字，最后一位是数字或 X），"
                "现在是 {length} 位。",
                length=len(number),
            )
        )
    body, last = number[:17], number[17]
    wrong = [(i, char) for i, char in enumerate(body, start=1) if not "0" <= char <= "9"]
    if wrong:
        position, char = wrong[0]
        raise FieldError(
            _(
                "公民身份号码应为 18 位，前 17 位只能是数字，第 {position} 位却是“{char}”。",
                position=position,
                char=char,
            )
        )
    _check_id_birth_date(number)
    expected = id_check_character(body)
    if last != expected:
        raise FieldError(
            _(
                "公民身份号码的校验位（最后一位）不对：按前 17 位计算，校验位应为 {expected}，"
                "现在是“{actual}”。请核对是否有数字录错。",
                expected=expected,
                actual=last,
            )
        )
    return number


def _check_id_birth_date(number: str) -> None:
    """Positions 7-14 are a real birth date, not after today."""
    try:
        birth = birth_date_from_id(number)
    except ValueError:
        text = number[6:14]
        raise FieldError(
            _("公民身份号码第 7–14 位是出生日期（年月日），但“{text}”不是有效的日期。", text=text)
        ) from None
    if birth > date.today():
        raise FieldError(
            _("公民身份号码中的出生日期 {birth} 晚于今天，请核对号码。", birth=birth.isoformat())
        )


def birth_date_from_id(id_number: str) -> date:
    """The birth date in positions 7-14 (YYYYMMDD) of an 18-character ID number."""
    text = id_number[6:14]
    if len(text) != 8 or not text.isascii() or not text.isdigit():
        raise ValueError(f"no YYYYMMDD birth date in {id_number!r}")
    return date(int(text[:4]), int(text[4:6]), int(text[6:]))


def mask_id_number(id_number: str | None) -> str | None:
    """Hide the middle of an ID number: first 4, ten asterisks, last 4 (shorter: 2 and 2)."""
    if id_number is None:
        return None
    length = len(id_number)
    if length >= 18:
        return id_number[:4] + "*" * 10 + id_number[-4:]
    if length <= 4:
        return "*" * length
    return id_number[:2] + "*" * (length - 4) + id_number[-2:]


def parse_date(value: object, field_label: str) -> date | None:
    """Read a typed or imported date; blank is ``None``; anything unreadable is a ``FieldError``."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, datetime):
        result = value.date()
    elif isinstance(value, date):
        result = value
    elif isinstance(value, int | float) and not isinstance(value, bool):
        result = _date_from_excel_serial(value, field_label)
    elif isinstance(value, str):
        result = _date_from_text(value.strip(), field_label)
    else:
        raise _date_error(_("{label}“{value}”无法识别为日期。{formats}"), field_label, value)
    latest = _add_years(date.today(), 1)
    if not date(1900, 1, 1) <= result <= latest:
        raise _date_error(
            _("{label} {value} 超出范围：应在 1900-01-01 到 {latest} 之间。{formats}"),
            field_label,
            result.isoformat(),
            latest=latest.isoformat(),
        )
    return result


def _date_error(template: str, field_label: str, value: object, **more: object) -> FieldError:
    """Fill a translated date message with the label, the value and the accepted formats."""
    formats = _("可用的写法：2019-07-01、2019/7/1、2019.07.01、2019年7月1日、20190701。")
    return FieldError(template.format(label=field_label, value=value, formats=formats, **more))


def _date_from_text(text: str, field_label: str) -> date:
    """One of the written forms in ``_DATE_PATTERNS``, full-width digits allowed."""
    ascii_text = unicodedata.normalize("NFKC", text)
    match = next(filter(None, (p.fullmatch(ascii_text) for p in _DATE_PATTERNS)), None)
    if match is None:
        raise _date_error(_("{label}“{value}”无法识别为日期。{formats}"), field_label, text)
    try:
        return date(int(match["y"]), int(match["m"]), int(match["d"]))
    except ValueError:
        template = _("{label}“{value}”不是真实存在的日期，请核对月份和日。{formats}")
        raise _date_error(template, field_label, text) from None


def _date_from_excel_serial(value: float, field_label: str) -> date:
    """Excel's 1900 date system, including its fictitious 1900-02-29 (serial 60)."""
    if not math.isfinite(value) or not 1 <= value < EXCEL_SERIAL_MAX + 1 or int(value) == 60:
        template = _("{label}是数字 {value}，不是有效的 Excel 日期序号（1 到 2958465）。{formats}")
        raise _date_error(template, field_label, value)
    serial = int(value)  # a fraction is the time of day
    return (date(1899, 12, 30) if serial > 60 else date(1899, 12, 31)) + timedelta(days=serial)


def _add_years(day: date, years: int) -> date:
    """The same day ``years`` later; 29 February becomes 28 February in a common year."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def check_party_dates(joined: date | None, confirmed: date | None, birth: date | None) -> None:
    """入党 and 转正 dates agree with each other, with the birth date and with today."""
    if confirmed is not None and joined is None:
        raise FieldError(_("填写了转正日期，也应填写入党日期。"))
    if joined is None:
        return
    if joined > date.today():
        raise FieldError(_("入党日期 {joined} 晚于今天，请核对。", joined=joined.isoformat()))
    adult = None if birth is None else _add_years(birth, 18)
    if adult is not None and joined < adult:
        raise FieldError(
            _(
                "入党日期 {joined} 早于本人年满 18 周岁的日期 {adult}，请核对入党日期或出生日期。",
                joined=joined.isoformat(),
                adult=adult.isoformat(),
            )
        )
    if confirmed is not None and confirmed <= joined:
        raise FieldError(
            _(
                "转正日期应晚于入党日期：入党日期是 {joined}，转正日期是 {confirmed}。",
                joined=joined.isoformat(),
                confirmed=confirmed.isoformat(),
            )
        )


def check_birth_matches_id(birth: date | None, id_number: str | None) -> None:
    """The typed birth date equals the one inside the ID number (when both are given)."""
    if birth is None or not id_number:
        return
    try:
        from_id = birth_date_from_id(id_number)
    except ValueError:
        return  # a malformed number is reported by validate_id_number, not here
    if from_id != birth:
        raise FieldError(
            _(
                "出生日期与公民身份号码不一致：号码中的出生日期是 {from_id}，填写的是 {typed}。",
                from_id=from_id.isoformat(),
                typed=birth.isoformat(),
            )
        )


def validate_phone(raw: object) -> str | None:
    """Return the phone number as the user wrote it (trimmed), ``None`` if blank."""
    from_excel = isinstance(raw, int | float) and not isinstance(raw, bool)
    if isinstance(raw, float) and raw.is_integer():
        raw = int(raw)
    text = unicodedata.normalize("NFKC", "" if raw is None else str(raw)).strip()
    if not text:
        return None
    if PHONE_PATTERN.fullmatch(re.sub(r"\s+", "", text)):
        return text
    if from_excel:
        raise FieldError(
            _(
                "电话号码“{value}”被 Excel 存成了数字，区号前的 0 可能已经丢失。"
                "请把这一列设为“文本”格式，再重新录入。",
                value=text,
            )
        )
    raise FieldError(
        _(
            "电话号码“{value}”格式不对：应为 11 位手机号码（如 13812345678），"
            "或带区号的固定电话（如 0715-5321234，可加“-分机号”），前面可加 +86。",
            value=text,
        )
    )
