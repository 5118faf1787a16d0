"""Names spelled and ordered as a phone's contact list does: by pinyin, surname first."""

import pytest

from redpair_desktop.domain.pinyin_keys import name_keys, name_sort_key, name_syllables


def by_name(names: list[str]) -> list[str]:
    return sorted(names, key=name_sort_key)


def test_a_surname_stays_together_syllable_by_syllable():
    assert by_name(["黄海燕", "胡春航", "胡安"]) == ["胡安", "胡春航", "黄海燕"]
    assert by_name(["程国", "陈振波", "陈"]) == ["陈", "陈振波", "程国"]


def test_equal_pinyin_falls_back_to_the_characters():
    ordered = by_name(["陈红", "沉红", "陈红"])
    assert ordered[0] != ordered[-1] and ordered.count("陈红") == 2
    assert name_sort_key("陈红") != name_sort_key("沉红")


@pytest.mark.parametrize(
    ("name", "syllables"),
    [
        ("单田芳", ["shan", "tian", "fang"]),
        ("曾国藩", ["zeng", "guo", "fan"]),
        ("解缙", ["xie", "jin"]),
        ("仇英", ["qiu", "ying"]),
        ("朴树", ["piao", "shu"]),
        ("区明", ["ou", "ming"]),
        ("查良镛", ["zha", "liang", "yong"]),
        ("盖聂", ["ge", "nie"]),
        ("缪斯", ["miao", "si"]),
        ("覃明", ["qin", "ming"]),
        ("尉迟恭", ["yu", "chi", "gong"]),
        ("陈振波", ["chen", "zhen", "bo"]),
    ],
)
def test_surnames_take_their_surname_reading(name, syllables):
    assert name_syllables(name) == syllables


def test_search_keys_of_a_name():
    assert name_keys("陈振波") == ("czb", "chenzhenbo")
    assert name_keys("单田芳") == ("stf", "shantianfang")


def test_a_character_without_a_reading_sorts_after_every_letter():
    assert by_name(["\U00030000明", "张明"]) == ["张明", "\U00030000明"]
