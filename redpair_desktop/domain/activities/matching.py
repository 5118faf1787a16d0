"""Who a check-in means: the typed text read as a badge code, an exact name, or a name's pinyin
(initials such as ``czb`` or the full ``chenzhenbo``, spaces and case ignored). It returns every
attendee it fits, never a best guess: the caller refuses when that is not exactly one."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Protocol, TypeVar

from redpair_desktop.domain.activities.badges import looks_like_badge, read_badge
from redpair_desktop.domain.activities.codes import EntryMethod
from redpair_desktop.domain.pinyin_keys import name_keys


class Candidate(Protocol):
    """What a check-in can match an attendee by."""

    @property
    def name(self) -> str: ...

    @property
    def badge_code(self) -> str: ...


C = TypeVar("C", bound=Candidate)


@dataclass(frozen=True)
class Query:
    """The typed text, read: how it was entered and what to compare."""

    method: EntryMethod
    key: str  # the canonical badge code, the name, or lower-case pinyin without spaces
    valid: bool = True  # False: it looks like a badge code but is not a valid one


def read_query(text: str) -> Query:
    """How to read ``text``: a badge code (``RP1-…``), a Chinese name, or pinyin."""
    if looks_like_badge(text):
        code = read_badge(text)
        return Query(EntryMethod.BADGE, code or text.strip(), valid=code is not None)
    stripped = text.strip()
    if stripped.isascii():
        return Query(EntryMethod.PINYIN, "".join(stripped.lower().split()))
    return Query(EntryMethod.TYPED_NAME, "".join(stripped.split()))


def matching(candidates: Iterable[C], query: Query) -> list[C]:
    """Every candidate the query fits, in the order given."""
    if not query.key or not query.valid:
        return []
    if query.method is EntryMethod.BADGE:
        return [c for c in candidates if c.badge_code == query.key]
    if query.method is EntryMethod.TYPED_NAME:
        return [c for c in candidates if "".join(c.name.split()) == query.key]
    return [c for c in candidates if query.key in name_keys(c.name)]
