"""The roster's in-memory search finds exactly what a plain scan finds, in the given order."""

import random

import pytest

from redpair_desktop.services.rosters.search import (
    SearchIndex,
    count_flags,
    pinyin_words,
    row_flags,
    search_key,
    search_text,
)


@pytest.fixture(scope="module")
def keys() -> list[str]:
    rng = random.Random(3)
    names = "陈王李张刘周吴黄"
    return [
        f"{rng.choice(names)}{rng.choice('振波红梅')} czb 13{rng.randint(0, 10**9):09d}"
        for _ in range(5000)
    ]


@pytest.mark.parametrize("text", ["陈", "1", "c", "陈振", "czb", "138", "13812", "波 c", "无此人"])
def test_search_matches_a_plain_scan_in_the_given_order(keys, text):
    order = list(range(len(keys)))
    random.Random(5).shuffle(order)
    index = SearchIndex(keys)
    expected = [i for i in order if text in keys[i]]
    assert index.search(order, text) == expected
    assert index.search(order, text) == expected  # again, from the remembered rows


def test_counts_follow_the_flags():
    categories = ["正式党员", "群众", "预备党员", "正式党员"]
    statuses = ["正常", "正常", "正常", "停用"]
    flags = row_flags(categories, statuses, [True, False, False, True])
    assert count_flags(flags, [0, 1, 2, 3]) == (4, 3, 2, 1)
    assert count_flags(flags, [1]) == (1, 1, 0, 0)


def found(names: list[str], query: str) -> list[str]:
    keys = [search_key(n, pinyin_words(n), "13800001234") for n in names]
    rows = SearchIndex(keys).search(list(range(len(names))), search_text(query))
    return [names[i] for i in rows]


@pytest.mark.parametrize(
    "query", ["chen", "chenzhenbo", "chenzh", "zhenbo", "zhen", "Chen Zhen", "czb", "zb", "陈振"]
)
def test_a_name_is_found_by_its_pinyin_from_a_syllable_start_or_its_initials(query):
    assert found(["陈振波", "王丽", "黄立"], query) == ["陈振波"]


def test_letters_inside_a_syllable_or_across_words_find_nothing():
    assert found(["陈振波", "黄立"], "henz") == []
    assert found(["陈振波", "黄立"], "gl") == []  # huan|g l|i is no initials' run
    assert found(["陈振波", "单田芳"], "shan") == ["单田芳"]


def test_a_phone_number_is_found_from_any_digit():
    assert found(["陈振波"], "0000123") == ["陈振波"]
