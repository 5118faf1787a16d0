"""Scores of an inspection, per section and in total, in percent of the weight that counts.

- An answered item counts its weight; it earns ``weight × value / 100`` of its response.
- 不适用 (a response without a value) takes the item out: neither earned nor possible.
- An unanswered optional item is left out. An unanswered *mandatory* item counts as earning
  nothing, so a draft's score never flatters it; completing an inspection with one is refused
  anyway (``missing_mandatory``).
- A section (or inspection) with nothing that counts has no score (``None``), not 100.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from redpair_desktop.domain.inspections.checklist import Checklist
from redpair_desktop.domain.inspections.template import ChecklistTemplate, Item, Section


@dataclass(frozen=True)
class SectionScore:
    key: str
    title: str
    earned: float  # weight points
    possible: int
    answered: int
    items: int
    failed: int

    @property
    def percent(self) -> float | None:
        return round(100 * self.earned / self.possible, 1) if self.possible else None


@dataclass(frozen=True)
class Score:
    sections: tuple[SectionScore, ...]

    @property
    def earned(self) -> float:
        return sum(s.earned for s in self.sections)

    @property
    def possible(self) -> int:
        return sum(s.possible for s in self.sections)

    @property
    def percent(self) -> float | None:
        return round(100 * self.earned / self.possible, 1) if self.possible else None

    @property
    def failed(self) -> int:
        return sum(s.failed for s in self.sections)


def score(checklist: Checklist, answers: Mapping[str, str]) -> Score:
    """``answers`` maps item keys to response keys."""
    return Score(tuple(_section(part, s, answers) for part, s in checklist.sections()))


def _section(part: ChecklistTemplate, section: Section, answers: Mapping[str, str]) -> SectionScore:
    earned, possible, answered, failed = 0.0, 0, 0, 0
    for item in section.items:
        key = answers.get(item.key)
        if key is None:
            possible += item.weight if item.mandatory else 0
            continue
        answered += 1
        response = part.responses.response(key)
        failed += response.fails
        if response.value is not None:
            possible += item.weight
            earned += item.weight * response.value / 100
    return SectionScore(
        section.key, section.title, earned, possible, answered, len(section.items), failed
    )


def missing_mandatory(checklist: Checklist, answers: Mapping[str, str]) -> list[Item]:
    return [item for _part, item in checklist.items() if item.mandatory and item.key not in answers]
