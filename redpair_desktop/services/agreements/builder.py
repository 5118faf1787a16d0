"""The agreement of a pairing, as plain data for the printout: parties by full seal name,
both secretaries, the default clauses filled from the pairing, and the content hash.

Agreements have no table of their own yet: the record id is the pairing's id and the version 1
until agreement versions are stored.
"""

from __future__ import annotations

import uuid

from sqlalchemy import select
from sqlalchemy.orm import Session

from redpair_desktop.db.database import Database
from redpair_desktop.db.org.models import Branch
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

DEMO = "demo"
REFERENCE_LEAD = "综合服务中心党支部"
REFERENCE_STATION = "大坪供电所党支部"
FIRST_VERSION = 1


def agreement_document(db: Database, pairing_ref: str) -> AgreementDocument:
    """The agreement of the pairing with id ``pairing_ref``, or of the demo's reference
    pairing when it is ``demo``."""
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
        pairing_id, started_on, ended_on = pairing.id, pairing.started_on, pairing.ended_on
    clauses = default_clauses(facts)
    opening = preamble(facts)
    return AgreementDocument(
        parties=parties,
        preamble=opening,
        clauses=clauses,
        started_on=started_on,
        ended_on=ended_on,
        copies=facts.copies,
        record_id=pairing_id,
        version=FIRST_VERSION,
        content_hash=content_hash(canonical_text(TITLE, parties, opening, clauses)),
        signed_on=started_on,
    )


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
