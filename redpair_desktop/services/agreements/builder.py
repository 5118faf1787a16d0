"""The agreement of a pairing, as plain data for the printout: parties by full seal name,
both secretaries, the default clauses filled from the pairing, and the content hash — recorded
as an agreement version (``records.record_version``), whose id and number it carries.
"""

from __future__ import annotations

import uuid

from sqlalchemy import select
from sqlalchemy.orm import Session

from redpair_desktop.db.database import Database
from redpair_desktop.db.org.models import Branch, OrgUnit
from redpair_desktop.db.pairings.models import Pairing
from redpair_desktop.domain.agreements.document import (
    TITLE,
    AgreementDocument,
    Party,
    canonical_text,
    content_hash,
)
from redpair_desktop.domain.agreements.template import AgreementFacts, default_clauses, preamble
from redpair_desktop.domain.errors import UserError
from redpair_desktop.i18n import _
from redpair_desktop.services.agreements.records import record_version

DEMO = "demo"
REFERENCE_LEAD = "综合服务中心党支部"
REFERENCE_STATION = "大坪供电所党支部"
UNRECORDED = 0  # the version number of a draft not yet recorded


def agreement_document(db: Database, pairing_ref: str) -> AgreementDocument:
    """The agreement of the pairing with id ``pairing_ref``, or of the demo's reference
    pairing when it is ``demo``, as the version on record (recorded now if it is new)."""
    return record_version(db, _draft(db, pairing_ref))


def _draft(db: Database, pairing_ref: str) -> AgreementDocument:
    with db.read() as session:
        pairing = _find_pairing(session, pairing_ref)
        lead, station = pairing.lead_branch, pairing.station_branch
        parties = (
            Party("甲方", lead.seal_name, _secretary(lead)),
            Party("乙方", station.seal_name, _secretary(station)),
        )
        facts = AgreementFacts(
            lead_short_name=lead.short_name,
            station_short_name=station.short_name,
            lead_secretary=parties[0].secretary,
            station_secretary=parties[1].secretary,
            started_on=pairing.started_on,
            ended_on=pairing.ended_on,
        )
        found_id, started_on, ended_on = pairing.id, pairing.started_on, pairing.ended_on
    clauses = default_clauses(facts)
    opening = preamble(facts)
    return AgreementDocument(
        parties=parties,
        preamble=opening,
        clauses=clauses,
        started_on=started_on,
        ended_on=ended_on,
        copies=facts.copies,
        record_id=found_id,  # until recorded
        version=UNRECORDED,
        content_hash=content_hash(canonical_text(TITLE, parties, opening, clauses)),
        signed_on=started_on,
        pairing_id=found_id,
    )


def pairing_id(db: Database, pairing_ref: str) -> uuid.UUID:
    """The id of the pairing ``pairing_ref`` names (an id, or ``demo``)."""
    with db.read() as session:
        return _find_pairing(session, pairing_ref).id


def company_name(db: Database) -> str:
    """The company the organisation tree starts from (named in the signing certificate)."""
    with db.read() as session:
        root = select(OrgUnit.name).where(OrgUnit.parent_id.is_(None), OrgUnit.deleted_at.is_(None))
        return session.scalars(root.limit(1)).first() or ""


def _find_pairing(session: Session, pairing_ref: str) -> Pairing:
    query = select(Pairing).where(Pairing.deleted_at.is_(None))
    if pairing_ref == DEMO:
        query = query.where(
            Pairing.lead_branch.has(Branch.short_name == REFERENCE_LEAD),
            Pairing.station_branch.has(Branch.short_name == REFERENCE_STATION),
        )
        missing = _("找不到演示数据中的参考结对（{lead}—{station}）。请先运行 redpair demo。",
                    lead=REFERENCE_LEAD, station=REFERENCE_STATION)  # fmt: skip
    else:
        try:
            query = query.where(Pairing.id == uuid.UUID(pairing_ref))
        except ValueError:
            raise UserError(
                _("“{value}”不是结对编号。请给出结对编号，或 demo。", value=pairing_ref)
            ) from None
        missing = _("找不到编号为 {id} 的结对。", id=pairing_ref)
    pairing = session.scalars(query).first()
    if pairing is None:
        raise UserError(missing)
    return pairing


def _secretary(branch: Branch) -> str:
    if branch.secretary is None:
        raise UserError(
            _("“{branch}”还没有书记，协议书无法列出签字人。请先在党支部信息中指定书记。",
              branch=branch.short_name)
        )  # fmt: skip
    return branch.secretary.name
