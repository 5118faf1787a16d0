"""Rules for a person's name, 公民身份号码, dates and phone number."""

from __future__ import annotations

import ast
import sys
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from redpair_desktop.domain.rosters import person_rules
from redpair_desktop.domain.rosters.person_rules import (
    MIDDLE_DOT,
    PHONE_PATTERN,
    FieldError,
    birth_date_from_id,
    check_birth_matches_id,
    check_party_dates,
    id_check_character,
    mask_id_number,
    normalize_name,
    parse_date,
    validate_id_number,
    validate_name,
    validate_phone,
)


def valid_id(first17: str) -> str:
    return first17 + id_check_character(first17)


def wrong_check_character(number: str) -> str:
    return next(c for c in "0123456789X" if c != number[-1])


# ---- names ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "dot", ["\u2022", "\u30fb", "\uff0e", "\u2027", "\uff65", "\u2219", "\u22c5", "\u0387"]
)
def test_every_middle_dot_look_alike_becomes_u00b7(dot):
    assert MIDDLE_DOT == "\u00b7"
    assert normalize_name(f"阿依古丽{dot}买买提") == "阿依古丽\u00b7买买提"


@pytest.mark.parametrize(
    "raw",
    [
        "阿依古丽 • 买买提",
        "阿依古丽\u3000・\u3000买买提",
        "  阿依古丽 · 买买提\u3000",
        "阿依古丽\u00b7买买提",
    ],
)
def test_spaces_around_the_dot_and_the_name_are_removed(raw):
    assert normalize_name(raw) == "阿依古丽·买买提"


def test_a_full_stop_between_letters_is_left_alone():
    assert normalize_name("王.小明") == "王.小明"
    assert normalize_name("J. Smith") == "J. Smith"


def test_names_are_composed_to_nfc():
    assert normalize_name("Ren\u0065\u0301") == "Ren\u00e9"
    assert len(validate_name("e\u0301")) == 1


@pytest.mark.parametrize("name", ["王𠮷", "周𬌗", "𠮷野·𬌗"])
def test_characters_outside_the_bmp_round_trip(name):
    assert validate_name(name) == name


def test_a_name_may_have_64_characters_but_not_65():
    assert validate_name("王" * 64) == "王" * 64
    assert validate_name("𠮷" * 64) == "𠮷" * 64  # counted in code points, not UTF-16 units
    with pytest.raises(FieldError) as error:
        validate_name("王" * 65)
    assert "64" in str(error.value)
    assert "65" in str(error.value)


@pytest.mark.parametrize("raw", ["", "   ", "\u3000\t"])
def test_an_empty_name_is_refused(raw):
    with pytest.raises(FieldError, match="姓名不能为空"):
        validate_name(raw)


@pytest.mark.parametrize("raw", ["王\n小明", "王\x00明", "王\u200b明"])
def test_control_characters_are_refused(raw):
    with pytest.raises(FieldError, match="控制字符"):
        validate_name(raw)


@pytest.mark.parametrize("raw", ["12345", "１２３", "123 456"])
def test_a_name_of_digits_only_is_refused(raw):
    with pytest.raises(FieldError, match="只有数字"):
        validate_name(raw)


# ---- 公民身份号码 ----------------------------------------------------------------------------


def test_the_check_character_of_the_standard_example():
    # GB 11643-1999's own example: 11010519491231002X.
    assert id_check_character("11010519491231002") == "X"
    assert id_check_character("44052418800101001") == "4"


def test_every_check_character_satisfies_iso_7064():
    # MOD 11-2 verification: sum of digit * 2**(17 - i) over all 18 positions (X = 10) is 1 mod 11.
    seen = set()
    for n in range(0, 10**17, 234_567_890_123_457):
        number = valid_id(f"{n:017d}")
        values = [10 if c == "X" else int(c) for c in number]
        assert sum(v * 2 ** (17 - i) for i, v in enumerate(values)) % 11 == 1, number
        seen.add(number[17])
    assert seen == set("0123456789X")


@pytest.mark.parametrize("first17", ["1101051949123100", "１１０１０５１９４９１２３１００２"])
def test_the_check_character_needs_17_ascii_digits(first17):
    with pytest.raises(ValueError):
        id_check_character(first17)


def test_a_valid_number_is_accepted_and_normalized():
    number = valid_id("42128119900101123")
    assert validate_id_number(number) == number
    assert validate_id_number("11010519491231002x") == "11010519491231002X"
    assert (
        validate_id_number("  １１０１０５１９４９１２３１００２Ｘ\u3000") == "11010519491231002X"
    )


def test_a_wrong_check_character_is_refused_naming_the_right_one():
    number = valid_id("42128119900101123")
    wrong = number[:17] + wrong_check_character(number)
    with pytest.raises(FieldError) as error:
        validate_id_number(wrong)
    assert f"校验位应为 {number[17]}" in str(error.value)


@pytest.mark.parametrize(("length", "digits"), [(15, "421281900101123"), (17, "42128119900101123")])
def test_numbers_of_the_wrong_length_are_refused(length, digits):
    assert len(digits) == length
    with pytest.raises(FieldError, match=f"{length} 位"):
        validate_id_number(digits)


def test_an_old_15_digit_number_is_explained():
    with pytest.raises(FieldError, match="15 位的旧身份证号码"):
        validate_id_number("421281900101123")


def test_a_letter_among_the_first_17_is_refused():
    with pytest.raises(FieldError, match="第 8 位"):
        validate_id_number("4212811A9001011234")


@pytest.mark.parametrize("raw", [421281199001011234, 4.21281199001011e17])
def test_a_number_stored_by_excel_is_refused(raw):
    with pytest.raises(FieldError, match="数字") as error:
        validate_id_number(raw)
    assert "文本" in str(error.value)


@pytest.mark.parametrize("raw", [None, "", "  "])
def test_an_empty_id_number_is_refused(raw):
    with pytest.raises(FieldError, match="18 位"):
        validate_id_number(raw)


def test_an_impossible_birth_date_is_refused():
    with pytest.raises(FieldError, match="19900230"):
        validate_id_number(valid_id("42128119900230123"))


def test_a_birth_date_after_today_is_refused():
    tomorrow = date.today() + timedelta(days=1)
    with pytest.raises(FieldError, match="晚于今天"):
        validate_id_number(valid_id(f"421281{tomorrow:%Y%m%d}123"))


def test_the_birth_date_is_read_from_the_number():
    assert birth_date_from_id("11010519491231002X") == date(1949, 12, 31)


def test_masking_hides_the_middle():
    assert mask_id_number("421281199001011234") == "4212**********1234"
    assert mask_id_number(None) is None
    assert mask_id_number("12345678") == "12****78"
    assert mask_id_number("123") == "***"


# ---- dates ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "2019-07-01",
        "2019/7/1",
        "2019.07.01",
        "2019年7月1日",
        "2019年07月01日",
        "20190701",
        "  2019-07-01 ",
        "２０１９年７月１日",
        "２０１９－０７－０１",
        "2019 年 7 月 1 日",
    ],
)
def test_the_written_date_formats(text):
    assert parse_date(text, "入党日期") == date(2019, 7, 1)


@pytest.mark.parametrize("value", [None, "", "   ", "\u3000"])
def test_a_blank_date_is_none(value):
    assert parse_date(value, "入党日期") is None


def test_date_and_datetime_values():
    assert parse_date(datetime(2019, 7, 1, 15, 30), "入党日期") == date(2019, 7, 1)
    assert parse_date(date(2019, 7, 1), "入党日期") == date(2019, 7, 1)


@pytest.mark.parametrize(
    ("serial", "expected"),
    [
        (43647, date(2019, 7, 1)),
        (43647.75, date(2019, 7, 1)),
        (1, date(1900, 1, 1)),
        (59, date(1900, 2, 28)),
        (61, date(1900, 3, 1)),
    ],
)
def test_excel_serial_dates(serial, expected):
    assert parse_date(serial, "入党日期") == expected


@pytest.mark.parametrize("serial", [0, -1, 60, 2958466, float("nan"), 20190701])
def test_numbers_that_are_no_excel_date_are_refused(serial):
    with pytest.raises(FieldError, match="入党日期"):
        parse_date(serial, "入党日期")


@pytest.mark.parametrize(
    "value",
    ["2019-02-30", "2019年2月30日", "20190230", "2019-13-01", "2019-7/1", "昨天", True, [1]],
)
def test_impossible_or_unreadable_dates_are_refused_with_the_formats(value):
    with pytest.raises(FieldError) as error:
        parse_date(value, "转正日期")
    assert "转正日期" in str(error.value)
    assert "2019年7月1日" in str(error.value)


def test_dates_outside_1900_to_next_year_are_refused():
    with pytest.raises(FieldError, match="1900"):
        parse_date("1899-12-31", "出生日期")
    later = date.today() + timedelta(days=400)
    with pytest.raises(FieldError, match="出生日期"):
        parse_date(later, "出生日期")
    assert parse_date("1900-01-01", "出生日期") == date(1900, 1, 1)


# ---- party dates, birth and ID --------------------------------------------------------------


def test_consistent_party_dates_pass():
    check_party_dates(date(2010, 7, 1), date(2011, 7, 1), date(1990, 1, 1))
    check_party_dates(date(2008, 1, 1), None, date(1990, 1, 1))  # on the 18th birthday
    check_party_dates(None, None, None)


@pytest.mark.parametrize("confirmed", [date(2010, 7, 1), date(2009, 7, 1)])
def test_confirmation_must_come_after_joining(confirmed):
    with pytest.raises(FieldError, match="转正日期应晚于入党日期"):
        check_party_dates(date(2010, 7, 1), confirmed, None)


def test_confirmation_without_joining_is_refused():
    with pytest.raises(FieldError, match="入党日期"):
        check_party_dates(None, date(2011, 7, 1), None)


def test_joining_before_the_18th_birthday_is_refused():
    with pytest.raises(FieldError, match="18 周岁"):
        check_party_dates(date(2007, 12, 31), None, date(1990, 1, 1))


def test_joining_in_the_future_is_refused():
    with pytest.raises(FieldError, match="晚于今天"):
        check_party_dates(date.today() + timedelta(days=1), None, None)


def test_the_birth_date_must_match_the_id_number():
    check_birth_matches_id(date(1949, 12, 31), "11010519491231002x")
    check_birth_matches_id(None, "11010519491231002X")
    check_birth_matches_id(date(1950, 1, 1), None)
    with pytest.raises(FieldError) as error:
        check_birth_matches_id(date(1950, 1, 1), "11010519491231002X")
    assert "1949-12-31" in str(error.value)
    assert "1950-01-01" in str(error.value)


# ---- phone ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("13812345678", "13812345678"),
        (" 138 1234 5678 ", "138 1234 5678"),
        ("138-1234-5678", "138-1234-5678"),
        ("+86 138 1234 5678", "+86 138 1234 5678"),
        ("0715-5321234", "0715-5321234"),
        ("027-87654321", "027-87654321"),
        ("02787654321", "02787654321"),
        ("027-8765-4321", "027-8765-4321"),
        ("027-87654321-123", "027-87654321-123"),
        ("+86-27-87654321", "+86-27-87654321"),
        (13812345678, "13812345678"),
    ],
)
def test_accepted_phone_numbers(raw, expected):
    assert validate_phone(raw) == expected


@pytest.mark.parametrize("raw", [None, "", "  "])
def test_a_blank_phone_is_none(raw):
    assert validate_phone(raw) is None


@pytest.mark.parametrize(
    "raw",
    [
        "12345678901",
        "1381234567",
        "138123456789",
        "87654321",
        "027-123",
        "02787654321123",
        "电话",
        "138abcd5678",
    ],
)
def test_refused_phone_numbers(raw):
    assert PHONE_PATTERN.fullmatch(raw.replace(" ", "")) is None
    with pytest.raises(FieldError, match="手机号码"):
        validate_phone(raw)


def test_a_landline_stored_by_excel_as_a_number_is_refused():
    with pytest.raises(FieldError, match="数字"):
        validate_phone(2787654321)


# ---- layering -------------------------------------------------------------------------------


def test_the_module_imports_only_the_standard_library_and_i18n():
    tree = ast.parse(Path(person_rules.__file__).read_text(encoding="utf-8"))
    imported = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            imported.add(node.module)
        elif isinstance(node, ast.Import):
            imported.update(alias.name for alias in node.names)
    ours = {name for name in imported if name.split(".")[0] == "redpair_desktop"}
    assert ours == {"redpair_desktop.i18n"}
    others = {name.split(".")[0] for name in imported - ours}
    assert others <= set(sys.stdlib_module_names) | {"__future__"}
