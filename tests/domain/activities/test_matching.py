"""Reading what the check-in desk typed."""

from __future__ import annotations

from dataclasses import dataclass

from redpair_desktop.domain.activities.codes import EntryMethod
from redpair_desktop.domain.activities.matching import matching, read_query
from redpair_desktop.domain.activities.pledge import DEFAULT_PLEDGE, text_sha256


@dataclass(frozen=True)
class Person:
    name: str
    badge_code: str = ""


PEOPLE = [Person("陈振波", "RP1-X"), Person("陈志博"), Person("王𠮷")]


def test_a_name_matches_exactly_and_pinyin_by_initials_or_in_full():
    assert matching(PEOPLE, read_query("陈振波")) == [PEOPLE[0]]
    assert matching(PEOPLE, read_query("陈振")) == []  # never a guess
    assert matching(PEOPLE, read_query(" CZB ")) == PEOPLE[:2]
    assert matching(PEOPLE, read_query("chen zhen bo")) == [PEOPLE[0]]
    assert read_query("czb").method is EntryMethod.PINYIN


def test_a_badge_code_is_read_as_one():
    query = read_query("rp1-not-valid")
    assert query.method is EntryMethod.BADGE and not query.valid
    assert matching(PEOPLE, query) == []


def test_the_pledge_hash_is_of_the_nfc_text():
    assert DEFAULT_PLEDGE.title == "党员身边无违章"
    assert DEFAULT_PLEDGE.sha256 == text_sha256(" " + DEFAULT_PLEDGE.text + "\n")
    assert text_sha256("e\u0301") == text_sha256("\u00e9")
