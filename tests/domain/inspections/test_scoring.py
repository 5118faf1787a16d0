"""Scoring: weighted per section and in total; 不适用 left out; an unanswered mandatory item
counts as nothing earned, an unanswered optional one is left out; nothing that counts → None."""

from __future__ import annotations

import pytest

from redpair_desktop.domain.errors import UserError
from redpair_desktop.domain.inspections.checklist import Checklist, checklist_from_json
from redpair_desktop.domain.inspections.responses import COMPLIANCE
from redpair_desktop.domain.inspections.scoring import missing_mandatory, score
from redpair_desktop.domain.inspections.template import ChecklistTemplate, Item, Section, from_json

ITEMS = (
    Item("a", "灭火器在有效期内", weight=3),
    Item("b", "消防通道畅通", weight=2),
    Item("c", "绿植养护良好", mandatory=False),
)
CHECKS = Checklist(
    (
        ChecklistTemplate(
            "t",
            "后勤安全",
            (Section("s1", "消防", ITEMS), Section("s2", "车辆", (Item("d", "年检"),))),
            COMPLIANCE,
        ),
    )
)


def test_weighted_scores_per_section_and_in_total():
    result = score(CHECKS, {"a": "pass", "b": "partial", "c": "fail", "d": "pass"})
    消防, 车辆 = result.sections
    assert (消防.earned, 消防.possible, 消防.percent) == (4.2, 6, 70.0)
    assert 车辆.percent == 100.0 and result.failed == 1
    assert result.percent == round(100 * 5.2 / 7, 1)


def test_not_applicable_is_left_out_and_nothing_to_count_has_no_score():
    result = score(CHECKS, {"a": "na", "b": "pass", "d": "na"})
    assert result.sections[0].percent == 100.0
    assert result.sections[1].percent is None
    assert score(CHECKS, {"a": "na", "b": "na", "d": "na"}).percent is None


def test_an_unanswered_mandatory_item_earns_nothing_an_optional_one_is_left_out():
    result = score(CHECKS, {"a": "pass", "d": "pass"})
    assert result.sections[0].possible == 5  # a and b; c is optional
    assert result.sections[0].percent == 60.0
    assert [item.key for item in missing_mandatory(CHECKS, {"a": "pass"})] == ["b", "d"]


def test_the_canonical_json_gives_the_same_template_and_hash_back():
    text = CHECKS.canonical_json()
    assert checklist_from_json(text) == CHECKS
    assert checklist_from_json(text).sha256 == CHECKS.sha256
    part = CHECKS.parts[0]
    assert from_json(part.canonical_json()) == part
    assert '"weight":3' in text and ", " not in text


def test_duplicate_item_keys_across_templates_are_refused():
    with pytest.raises(UserError, match="相同编号"):
        Checklist((CHECKS.parts[0], CHECKS.parts[0]))
