"""The agreement of a pairing, as plain data for the printout: parties by full seal name,
both secretaries, the clauses (the latest version's, else the default ones filled from the
pairing), and the content hash — recorded as an agreement version, whose id and number it
carries.
"""

from __future__ import annotations

import uuid

from sqlalchemy import select
from sqlalchemy.orm import Session

from redpair_desktop.db.database import Database
from redpair_desktop.db.org.models import Branch, OrgUnit
from redpair_desktop.db.pairings.models import Pairing
from redpair_desktop.domain.agreements.document import TITLE, AgreementDocument
from redpair_desktop.domain.agreements.template import default_clauses, preamble
from redpair_desktop.domain.errors import UserError
from redpair_desktop.i18n import _
from redpair_desktop.services.agreements.parties import compose, pairing_parts
from redpair_desktop.services.agreements.records import record_version
from redpair_desktop.services.agreements.versions import latest_document

DEMO = "demo"
REFERENCE_LEAD = "综合服务中心党支部"
REFERENCE_STATION = "大坪供电所党支部"


def agreement_document(db: Database, pairing_ref: str) -> AgreementDocument:
    """The agreement of the pairing with id ``pairing_ref``, or of the demo's reference
    pairing when it is ``demo``: its latest version's words when it has a version, else the
    filled template, recorded now as its first version."""
    latest = latest_document(db, pairing_id(db, pairing_ref))
    return latest or record_version(db, template_document(db, pairing_ref))


def template_document(db: Database, pairing_ref: str) -> AgreementDocument:
    """The default clauses filled from the pairing, not recorded."""
    with db.read() as session:
        parts = pairing_parts(_find_pairing(session, pairing_ref))
    return compose(parts, TITLE, parts.parties, preamble(parts.facts), default_clauses(parts.facts))


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
