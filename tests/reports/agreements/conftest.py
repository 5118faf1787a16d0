import uuid
from datetime import date

import pytest

from redpair_desktop.domain.agreements.document import TITLE, AgreementDocument, Party
from redpair_desktop.domain.agreements.template import AgreementFacts, default_clauses, preamble
from redpair_desktop.reports.fonts import FontSet

LEAD = "中共国网咸宁供电公司综合服务中心支部委员会"
STATION = "中共国网通城县供电公司大坪供电所支部委员会"


def make_document(lead_secretary="涂娟雅", station_secretary="陈振波", **changes):
    facts = AgreementFacts("综合服务中心党支部", "大坪供电所党支部", lead_secretary,
                           station_secretary, date(2024, 3, 26), date(2027, 3, 26))  # fmt: skip
    values = dict(
        parties=(Party("甲方", LEAD, lead_secretary), Party("乙方", STATION, station_secretary)),
        preamble=preamble(facts),
        clauses=default_clauses(facts),
        started_on=facts.started_on,
        ended_on=facts.ended_on,
        copies=4,
        record_id=uuid.UUID(int=7),
        version=1,
        content_hash="0" * 64,
        signed_on=facts.started_on,
        title=TITLE,
    )
    values.update(changes)
    return AgreementDocument(**values)


@pytest.fixture(scope="session")
def fonts():
    return FontSet()
