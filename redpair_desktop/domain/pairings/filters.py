"""Which pairings a registry filter keeps: by shown status or flag, partner type,
start year, text.

The text matches as the organisation picker does (``pinyin_keys.matches``): every word of the
query occurs in the row's search key (branch names, their pinyin initials and full pinyin), so
``dp`` finds 大坪.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from redpair_desktop.domain.enums import PairingStatus
from redpair_desktop.domain.pairings.rules import PairingFlag, PartnerType
from redpair_desktop.domain.pinyin_keys import matches


@dataclass(frozen=True)
class FilterFacts:
    """What a filter looks at in one registry row."""

    status: PairingStatus  # as shown
    flags: tuple[PairingFlag, ...]
    partner_type: PartnerType
    started_on: date
    search_key: str


@dataclass(frozen=True)
class PairingFilter:
    """None (or empty text) lets everything through on that criterion."""

    status: PairingStatus | None = None
    flag: PairingFlag | None = None  # 临近到期 or 到期未续签
    partner_type: PartnerType | None = None
    year: int | None = None  # the year the pairing started
    text: str = ""

    def accepts(self, facts: FilterFacts) -> bool:
        return (
            (self.status is None or facts.status is self.status)
            and (self.flag is None or self.flag in facts.flags)
            and (self.partner_type is None or facts.partner_type is self.partner_type)
            and (self.year is None or facts.started_on.year == self.year)
            and matches(facts.search_key, self.text)
        )
