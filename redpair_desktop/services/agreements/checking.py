"""校验 in the window: a file checked as ``redpair verify`` checks it (its signature, then the
database), with where the version stands on record."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import aliased

from redpair_desktop.db.agreements.models import AgreementVersion
from redpair_desktop.db.database import Database
from redpair_desktop.db.org.models import Branch
from redpair_desktop.db.pairings.models import Pairing
from redpair_desktop.domain.enums import AgreementStatus
from redpair_desktop.services.agreements.records import recorded_content_hash
from redpair_desktop.services.agreements.verification import (
    VerificationResult,
    check_record,
    verify_pdf,
)


@dataclass(frozen=True)
class AgreementCheck:
    result: VerificationResult  # the file against its signature, then against the records
    signature_intact: bool  # the file alone: signed, and not a byte changed since
    status: AgreementStatus | None = None  # None: the record id is not in this database
    lead_branch: str = ""
    station_branch: str = ""


def check_agreement_file(db: Database, path: Path) -> AgreementCheck:
    """``path`` verified against its signature and the database; never raises for a bad file."""
    alone = verify_pdf(path)
    result = check_record(alone, lambda record: recorded_content_hash(db, record))
    intact = alone.ok
    try:
        version_id = uuid.UUID(str(result.record_id))
    except ValueError:
        return AgreementCheck(result, intact)
    lead, station = aliased(Branch), aliased(Branch)
    query = (
        select(AgreementVersion.status, lead.short_name, station.short_name)
        .join(Pairing, Pairing.id == AgreementVersion.pairing_id)
        .join(lead, lead.id == Pairing.lead_branch_id)
        .join(station, station.id == Pairing.station_branch_id)
        .where(AgreementVersion.id == version_id)
    )
    with db.read() as session:
        row = session.execute(query).first()
    if row is None:
        return AgreementCheck(result, intact)
    return AgreementCheck(result, intact, AgreementStatus(row[0]), row[1], row[2])
