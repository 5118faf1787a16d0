"""Clause numbering: 一、二、… for headings, （一）（二）… for run-in subheadings.

The editor holds names only (“共建原则”, “组织联建。”); the numerals come from each clause's and
item's place, so moving one renumbers the rest."""

from __future__ import annotations

import re

from redpair_desktop.domain.agreements.document import Clause, ClauseItem

DIGITS = "零一二三四五六七八九"
ENDING_PUNCTUATION = "。：；！？"
_NUMERAL = "[一二三四五六七八九十百]+"
_HEADING = re.compile(f"^{_NUMERAL}、")
_SUBHEADING = re.compile(f"^（{_NUMERAL}）")


def numeral(number: int) -> str:
    """1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 99 → 九十九."""
    if not 1 <= number <= 99:
        raise ValueError(f"no clause numeral for {number}")
    tens, ones = divmod(number, 10)
    head = "" if tens == 0 else ("十" if tens == 1 else f"{DIGITS[tens]}十")
    return head + (DIGITS[ones] if ones else "")


def heading(number: int, name: str) -> str:
    return f"{numeral(number)}、{name}"


def subheading(number: int, name: str) -> str:
    """“（一）组织联建。”: the full stop is added when the name has no ending mark."""
    ending = "" if name.endswith(tuple(ENDING_PUNCTUATION)) else "。"
    return f"（{numeral(number)}）{name}{ending}"


def heading_name(text: str) -> str:
    """“一、共建原则” → “共建原则”."""
    return _HEADING.sub("", text, count=1)


def subheading_name(text: str) -> str:
    """“（一）组织联建。” → “组织联建。”."""
    return _SUBHEADING.sub("", text, count=1)


def numbered(names: list[tuple[str, list[tuple[str, str]]]]) -> tuple[Clause, ...]:
    """Clauses from (heading name, [(subheading name or "", text)]), numbered by place; the
    subheadings of a clause count on among the items that have one."""
    clauses = []
    for index, (name, items) in enumerate(names, start=1):
        counted, built = 0, []
        for sub, text in items:
            if sub:
                counted += 1
            built.append(ClauseItem(text=text, subheading=subheading(counted, sub) if sub else ""))
        clauses.append(Clause(heading=heading(index, name), items=tuple(built)))
    return tuple(clauses)
