"""The agreement built from the database: parties, secretaries, dates, hash; refusals."""

from __future__ import annotations

import pytest

from redpair_desktop.db.org.models import Branch
from redpair_desktop.domain.errors import UserError
from redpair_desktop.services.agreements.builder import agreement_document


def test_the_reference_agreement(demo_workspace):
    document = agreement_document(demo_workspace.db, "demo")
    lead, station = document.parties
    assert lead.seal_name == "中共国网咸宁供电公司综合服务中心支部委员会"
    assert (station.seal_name, station.secretary) == (
        "中共国网通城县供电公司大坪供电所支部委员会",
        "陈振波",
    )
    assert "打基础。" in document.clauses[0].items[0].subheading
    assert "2024年3月26日" in document.clauses[4].items[0].text
    assert document == agreement_document(demo_workspace.db, str(document.pairing_id))


def test_a_branch_without_secretary_is_refused(demo_workspace):
    with demo_workspace.db.write() as session:
        branch = session.query(Branch).filter_by(short_name="大坪供电所党支部").one()
        branch.secretary = None
    with pytest.raises(UserError, match=r"大坪供电所党支部.*书记"):
        agreement_document(demo_workspace.db, "demo")
