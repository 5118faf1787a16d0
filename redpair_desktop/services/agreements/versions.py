"""A pairing's agreement versions as the drafting window shows them: the list, the words of
each exactly as stored, and saving edited words (same words → the version already stored,
changed words → the next version, a draft; a signed version is never changed)."""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass, replace
from datetime import datetime

from sqlalchemy import select

from redpair_desktop.db.agreements.models import AgreementVersion
from redpair_desktop.db.database import Database
from redpair_desktop.domain.agreements.document import (
    TITLE,
    AgreementDocument,
    Clause,
    ClauseItem,
    Party,
)
from redpair_desktop.domain.agreements.numbering import heading_name
from redpair_desktop.domain.agreements.template import preamble as template_preamble
from redpair_desktop.domain.enums import AgreementStatus
from redpair_desktop.domain.errors import UserError
from redpair_desktop.i18n import _
from redpair_desktop.services.agreements.parties import PairingParts, compose, parts_of
from redpair_desktop.services.agreements.records import latest_version, record_version

# A heading is one line of the 28-character grid, indented two characters like every
# paragraph (reports/agreements/layout.py refuses a longer one when it prints).
HEADING_MAX_CHARS = 26
SIGNED = (AgreementStatus.SIGNED_PAPER, AgreementStatus.SIGNED_ON_SCREEN)


@dataclass(frozen=True)
class VersionSummary:
    record_id: uuid.UUID
    version: int
    status: AgreementStatus
    content_hash: str
    created_at: datetime
    created_by: str
    signed_at: datetime | None

    @property
    def is_signed(self) -> bool:
        return self.status in SIGNED


def list_versions(db: Database, pairing_id: uuid.UUID) -> list[VersionSummary]:
    """The pairing's versions, newest first."""
    with db.read() as session:
        rows = session.scalars(
            select(AgreementVersion)
            .where(AgreementVersion.pairing_id == pairing_id)
            .order_by(AgreementVersion.version.desc())
        )
        return [
            VersionSummary(
                row.id,
                row.version,
                AgreementStatus(row.status),
                row.content_hash,
                row.created_at,
                row.created_by,
                row.signed_at,
            )
            for row in rows
        ]


def version_document(db: Database, record_id: uuid.UUID) -> AgreementDocument:
    """Version ``record_id`` with its words exactly as stored. A version recorded before
    schema 0006 kept only its clauses: its parties and preamble come from the pairing."""
    with db.read() as session:
        row = session.get(AgreementVersion, record_id)
        if row is None:
            raise UserError(_("找不到这一版协议书（{id}）。", id=str(record_id)))
        return _document(row, parts_of(session, row.pairing_id))


def latest_document(db: Database, pairing_id: uuid.UUID) -> AgreementDocument | None:
    """The words of the pairing's latest version, None when it has none."""
    with db.read() as session:
        row = latest_version(session, pairing_id)
        return None if row is None else _document(row, parts_of(session, pairing_id))


def draft_document(
    db: Database, pairing_id: uuid.UUID, preamble: str, clauses: tuple[Clause, ...]
) -> AgreementDocument:
    """Edited words as they would be saved (the pairing's current parties), not recorded."""
    with db.read() as session:
        parts = parts_of(session, pairing_id)
    return compose(parts, TITLE, parts.parties, preamble, clauses)


def save_version(
    db: Database, pairing_id: uuid.UUID, preamble: str, clauses: tuple[Clause, ...]
) -> AgreementDocument:
    """Save edited words: the latest version when they are its words, else the next version
    (a draft). The parties are the pairing's current seal names and secretaries."""
    check_words(preamble, clauses)
    return record_version(db, draft_document(db, pairing_id, preamble, clauses))


def check_words(preamble: str, clauses: tuple[Clause, ...]) -> None:
    """Refuse, with what to fix, words that cannot be saved: an empty preamble, heading or
    item text, a clause without items, a heading longer than one printed line."""
    if not preamble.strip():
        raise UserError(_("引言不能为空。"))
    if not clauses:
        raise UserError(_("协议书至少要有一条条款。"))
    for number, clause in enumerate(clauses, start=1):
        if not heading_name(clause.heading).strip():
            raise UserError(_("第 {number} 条的标题不能为空。", number=number))
        if len(clause.heading) > HEADING_MAX_CHARS:
            raise UserError(
                _("条款标题“{heading}”太长，一行放不下（连序号最多 {count} 字）。请缩短标题。",
                  heading=clause.heading, count=HEADING_MAX_CHARS)
            )  # fmt: skip
        if not clause.items:
            raise UserError(_("条款“{heading}”还没有内容。", heading=clause.heading))
        for index, item in enumerate(clause.items, start=1):
            if not item.text.strip():
                raise UserError(
                    _("条款“{heading}”第 {index} 项的正文不能为空。",
                      heading=clause.heading, index=index)
                )  # fmt: skip


def _document(row: AgreementVersion, parts: PairingParts) -> AgreementDocument:
    clauses = _clauses(row.clauses)
    parties = parts.parties if row.parties is None else _parties(row.parties)
    opening = template_preamble(parts.facts) if row.preamble is None else row.preamble
    document = compose(parts, row.title or TITLE, parties, opening, clauses)
    return replace(document, record_id=row.id, version=row.version, content_hash=row.content_hash)


def _clauses(stored: str) -> tuple[Clause, ...]:
    return tuple(
        Clause(
            heading=clause["heading"],
            items=tuple(
                ClauseItem(text=i["text"], subheading=i["subheading"]) for i in clause["items"]
            ),
        )
        for clause in json.loads(stored)
    )


def _parties(stored: str) -> tuple[Party, Party]:
    first, second = (Party(p["label"], p["seal_name"], p["secretary"]) for p in json.loads(stored))
    return first, second
