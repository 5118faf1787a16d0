"""Clause numerals come from places: 一、… for headings, （一）… for subheadings."""

from __future__ import annotations

import pytest

from redpair_desktop.domain.agreements.document import Clause, ClauseItem
from redpair_desktop.domain.agreements.numbering import (
    heading_name,
    numbered,
    numeral,
    subheading,
    subheading_name,
)


@pytest.mark.parametrize(
    ("number", "text"),
    [(1, "一"), (9, "九"), (10, "十"), (12, "十二"), (20, "二十"), (99, "九十九")],
)
def test_numerals(number, text):
    assert numeral(number) == text


def test_names_come_back_without_their_numerals():
    assert heading_name("十二、其他") == "其他"
    assert heading_name("共建原则") == "共建原则"
    assert subheading_name("（三）促规范。") == "促规范。"


def test_a_subheading_gets_a_full_stop_only_when_it_has_no_ending_mark():
    assert subheading(2, "组织联建") == "（二）组织联建。"
    assert subheading(2, "组织联建。") == "（二）组织联建。"
    assert subheading(2, "要求：") == "（二）要求："


def test_clauses_are_numbered_by_place_and_subheadings_count_among_those_that_have_one():
    clauses = numbered(
        [("原则", [("甲", "文一"), ("", "文二"), ("乙", "文三")]), ("其他", [("", "文四")])]
    )
    assert clauses == (
        Clause(
            "一、原则",
            (
                ClauseItem("文一", "（一）甲。"),
                ClauseItem("文二"),
                ClauseItem("文三", "（二）乙。"),
            ),
        ),
        Clause("二、其他", (ClauseItem("文四"),)),
    )
