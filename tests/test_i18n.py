"""One translation layer: every string translated, every placeholder kept."""

from __future__ import annotations

import importlib.util
import re
import string
from pathlib import Path

import pytest

from redpair_desktop.i18n import (
    LANGUAGES,
    _,
    catalog_path,
    join_items,
    join_messages,
    read_po,
    set_language,
)

ROOT = Path(__file__).resolve().parent.parent


def _messages_module():
    spec = importlib.util.spec_from_file_location(
        "i18n_messages", ROOT / "scripts" / "i18n_messages.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


SOURCE_MESSAGES = _messages_module().collect_messages()
OTHER_LANGUAGES = [code for code in LANGUAGES if code != "zh_CN"]


def placeholders(text: str) -> set[str]:
    return {field for _, field, _, _ in string.Formatter().parse(text) if field}


def test_the_source_strings_are_found():
    assert "组织与花名册" in SOURCE_MESSAGES
    assert len(SOURCE_MESSAGES) > 100


@pytest.mark.parametrize("language", OTHER_LANGUAGES)
def test_every_string_is_translated(language):
    catalog = read_po(catalog_path(language))
    missing = [m for m in SOURCE_MESSAGES if m not in catalog]
    assert missing == []


@pytest.mark.parametrize("language", OTHER_LANGUAGES)
def test_every_translation_keeps_the_placeholders(language):
    catalog = read_po(catalog_path(language))
    wrong = {m: t for m, t in catalog.items() if placeholders(m) != placeholders(t)}
    assert wrong == {}


@pytest.mark.parametrize("language", OTHER_LANGUAGES)
def test_translations_contain_no_chinese_left_over(language):
    catalog = read_po(catalog_path(language))
    # Names of the reference case may stay in Chinese; whole sentences may not.
    leftovers = {m: t for m, t in catalog.items() if len(re.findall(r"[\u4e00-\u9fff]", t)) > 12}
    assert leftovers == {}


def test_switching_language_changes_the_text_and_fills_placeholders():
    set_language("en")
    assert _("组织与花名册") != "组织与花名册"
    assert "42" in _("数据结构版本：{version}", version=42)
    set_language("zh_CN")
    assert _("组织与花名册") == "组织与花名册"


def test_an_unknown_language_falls_back_to_chinese():
    set_language("xx")
    assert _("设置") == "设置"


CHINESE_PUNCTUATION = re.compile("[，。；：、（）]")


@pytest.fixture
def english():
    set_language("en")
    yield
    set_language("zh_CN")


def test_a_record_error_in_english_has_english_punctuation(english):
    from redpair_desktop.domain.errors import RecordInvalid
    from redpair_desktop.domain.rosters.record import validate_record

    _record, errors = validate_record({"name": "", "category": "群众x", "branch": ""})
    message = RecordInvalid(errors).message
    assert len(errors) >= 3
    assert message.endswith("official or short name."), message
    assert "name. Category" in message and "群众. Party branch" in message, message
    assert not CHINESE_PUNCTUATION.search(message), message


def test_several_messages_make_one_sentence_in_each_language(english):
    assert join_messages(["Name is empty.", "Phone is bad"]) == "Name is empty. Phone is bad."
    assert join_items(["a", "b"]) == "a, b"
    set_language("zh_CN")
    assert join_messages(["姓名不能为空。", "电话有误。"]) == "姓名不能为空；电话有误。"
    assert join_items(["甲", "乙"]) == "甲、乙"
