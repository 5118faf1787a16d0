"""How the signature block breaks a seal name across its column."""

from itertools import pairwise

import pytest

from redpair_desktop.reports.agreements.layout import COLUMN_CHARS, seal_name_breaks


def lines_of(name: str) -> list[str]:
    cuts = (0, *seal_name_breaks(name), len(name))
    return [name[start:end] for start, end in pairwise(cuts)]


@pytest.mark.parametrize(
    ("name", "lines"),
    [
        (
            "中共国网咸宁供电公司综合服务中心支部委员会",
            ["中共国网咸宁供电公司", "综合服务中心支部委员会"],
        ),
        (
            "中共国网通城县供电公司大坪供电所支部委员会",
            ["中共国网通城县供电公司", "大坪供电所支部委员会"],
        ),
        ("中共某某支部委员会", ["中共某某支部委员会"]),
    ],
)
def test_seal_names_break_after_a_unit_word(name, lines):
    assert lines_of(name) == lines


def test_a_name_without_a_unit_word_breaks_every_column_width():
    name = "中" * (COLUMN_CHARS * 2 + 3)
    assert [len(line) for line in lines_of(name)] == [COLUMN_CHARS, COLUMN_CHARS, 3]
