"""Which agreement versions the database holds: the lookup ``verify`` checks a file against.

A version's words never change: the latest version's words find that version, changed words
make the next version, and a signed version stays as it was signed.
"""

from __future__ import annotations

import dataclasses
import json
import uuid
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from redpair_desktop.db.agreements.models import AgreementScan, AgreementVersion
from redpair_desktop.db.database import Database
from redpair_desktop.domain.agreements.document import AgreementDocument, Clause, Party
from redpair_desktop.domain.enums import AgreementStatus
from redpair_desktop.domain.errors import UserError
from redpair_desktop.i18n import _
from redpair_desktop.services.agreements.scans import store_scan


@dataclass(frozen=True)
class ImportedScan:
    """A scan on record, for the version it signs."""

    version: int
    sha256: str
    pages: int
    stored: str  # relative to the data folder
    imported_by: str
    imported_at: datetime


def record_version(db: Database, document: AgreementDocument) -> AgreementDocument:
    """``document`` as the version on record: the pairing's latest version when it has these
    words, else a new draft numbered after it (so what was saved last is what prints). Its
    record id is the version's id. A stored version is never changed."""
    if document.pairing_id is None:
        raise ValueError("an agreement document without its pairing cannot be recorded")
    pairing_id = document.pairing_id
    with db.write() as session:
        row = latest_version(session, pairing_id)
        if row is None or row.content_hash != document.content_hash:
            row = AgreementVersion(
                pairing_id=pairing_id,
                version=(row.version if row else 0) + 1,
                title=document.title,
                parties=parties_json(document.parties),
                preamble=document.preamble,
                clauses=clauses_json(document.clauses),
                content_hash=document.content_hash,
                status=AgreementStatus.DRAFT,
            )
            session.add(row)
            session.flush()
        record_id, number = row.id, row.version
    return dataclasses.replace(document, record_id=record_id, version=number)


def latest_version(session: Session, pairing_id: uuid.UUID) -> AgreementVersion | None:
    return session.scalars(
        select(AgreementVersion)
        .where(AgreementVersion.pairing_id == pairing_id)
        .order_by(AgreementVersion.version.desc())
        .limit(1)
    ).first()


def recorded_content_hash(db: Database, record_id: str) -> str | None:
    """The content hash stored for agreement version ``record_id``, None if there is none."""
    try:
        version_id = uuid.UUID(record_id)
    except ValueError:
        return None
    with db.read() as session:
        return session.scalar(
            select(AgreementVersion.content_hash).where(AgreementVersion.id == version_id)
        )


def import_paper_scan(
    db: Database, data_dir: Path, pairing_id: uuid.UUID, path: Path
) -> ImportedScan:
    """Store the scan of the signed paper original for the pairing's latest version and mark
    that version 已签署（纸质原件存档）. A file that is not an acceptable scan, or a pairing
    without a recorded version, changes nothing."""
    with db.write() as session:
        version = latest_version(session, pairing_id)
        if version is None:
            raise UserError(_("这个结对还没有生成过协议书，请先生成协议书 PDF 再导入扫描件。"))
        facts, target = store_scan(data_dir, path)
        scan = session.scalars(
            select(AgreementScan).where(
                AgreementScan.agreement_version_id == version.id,
                AgreementScan.sha256 == facts.sha256,
            )
        ).first()  # the same file imported again is the scan already on record
        if scan is None:
            scan = AgreementScan(
                agreement_version_id=version.id,
                sha256=facts.sha256,
                page_count=facts.pages,
                kind=facts.kind,
                size=facts.size,
                stored_path=target.relative_to(data_dir).as_posix(),
            )
            session.add(scan)
            session.flush()  # stamps the scan: who imported it and when
        if version.status == AgreementStatus.DRAFT:
            version.status = AgreementStatus.SIGNED_PAPER
            version.signed_at = scan.created_at
        return ImportedScan(
            version.version,
            scan.sha256,
            scan.page_count,
            scan.stored_path,
            scan.created_by,
            scan.created_at,
        )


def clauses_json(clauses: tuple[Clause, ...]) -> str:
    """The clauses as canonical JSON: keys sorted, no spaces, characters as they are."""
    return _canonical_json([dataclasses.asdict(clause) for clause in clauses])


def parties_json(parties: tuple[Party, Party]) -> str:
    return _canonical_json([dataclasses.asdict(party) for party in parties])


def _canonical_json(data: object) -> str:
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
