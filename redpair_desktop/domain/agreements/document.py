"""The co-construction agreement as plain data: what the services fill and the printout draws.

Clauses are structured (a heading, then items that may start with a run-in subheading such as
“（一）组织联建。”), never free rich text, so an editor can change them one by one and the
content hash covers exactly the words that are printed.
"""

from __future__ import annotations

import hashlib
import unicodedata
import uuid
from dataclasses import dataclass
from datetime import date

TITLE = "党支部结对共建协议书"


@dataclass(frozen=True)
class Party:
    label: str  # 甲方 / 乙方
    seal_name: str  # 中共……支部委员会
    secretary: str


@dataclass(frozen=True)
class ClauseItem:
    text: str
    subheading: str = ""  # “（一）组织联建。”, drawn in 楷体 before the text


@dataclass(frozen=True)
class Clause:
    heading: str  # “一、共建原则”, drawn in 黑体 on its own line
    items: tuple[ClauseItem, ...]


@dataclass(frozen=True)
class AgreementDocument:
    parties: tuple[Party, Party]
    preamble: str
    clauses: tuple[Clause, ...]
    started_on: date
    ended_on: date | None
    copies: int
    record_id: uuid.UUID
    version: int
    content_hash: str
    signed_on: date | None = None  # printed under the seals; blank lines when None
    title: str = TITLE
    pairing_id: uuid.UUID | None = None  # the pairing whose agreement this is


def canonical_text(
    title: str, parties: tuple[Party, Party], preamble: str, clauses: tuple[Clause, ...]
) -> str:
    """The agreement's words, one line each, NFC-normalised: what the content hash covers."""
    lines = [title]
    lines += [f"{p.label}：{p.seal_name}；书记：{p.secretary}" for p in parties]
    lines.append(preamble)
    for clause in clauses:
        lines.append(clause.heading)
        lines += [item.subheading + item.text for item in clause.items]
    return unicodedata.normalize("NFC", "\n".join(lines))


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
