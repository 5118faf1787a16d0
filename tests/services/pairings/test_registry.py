"""The demo registry as of a fixed day, and its filters."""

from __future__ import annotations

from collections import Counter
from datetime import date

from redpair_desktop.domain.enums import PairingStatus
from redpair_desktop.domain.pairings.filters import PairingFilter
from redpair_desktop.domain.pairings.rules import PairingFlag, PartnerType
from redpair_desktop.services.pairings.registry import list_pairings

DEMO_DAY = date(2025, 12, 31)


def test_the_demo_registry_shows_derived_statuses_as_of_a_fixed_day(demo_workspace):
    rows = list_pairings(demo_workspace.db, DEMO_DAY)
    assert len(rows) == 46
    shown = Counter(row.status for row in rows)
    assert shown[PairingStatus.PREPARING] == 1
    assert shown[PairingStatus.TERMINATED] == 1
    assert shown[PairingStatus.ACTIVE] > 20
    # Every pairing whose end date has passed shows 到期, renewed or not, never 进行中.
    for row in rows:
        if row.ended_on < DEMO_DAY and row.stored_status is PairingStatus.SIGNED:
            assert row.status is PairingStatus.EXPIRED, row
    expired = [row for row in rows if row.status is PairingStatus.EXPIRED]
    lapsed = [row for row in expired if PairingFlag.NOT_RENEWED in row.flags]
    assert 0 < len(lapsed) < len(expired)  # some were renewed by a later pairing
    assert all(row.lead_liaison and row.station_liaison for row in rows)


def test_the_reference_pairing_stays(demo_workspace):
    (reference,) = [
        row
        for row in list_pairings(demo_workspace.db, DEMO_DAY)
        if (row.lead_branch, row.station_branch) == ("综合服务中心党支部", "大坪供电所党支部")
    ]
    assert (reference.started_on, reference.ended_on) == (date(2024, 3, 26), date(2027, 3, 26))
    assert reference.partner_type is PartnerType.URBAN_UNIT
    assert reference.station_liaison == "陈振波"
    assert list_pairings(demo_workspace.db, date(2027, 3, 1))  # still listed later on


def test_the_list_filters_by_status_flag_partner_type_year_and_text(demo_workspace):
    def listed(**criteria):
        return list_pairings(demo_workspace.db, DEMO_DAY, PairingFilter(**criteria))

    assert {r.status for r in listed(status=PairingStatus.EXPIRED)} == {PairingStatus.EXPIRED}
    lapsed = listed(flag=PairingFlag.NOT_RENEWED)
    assert lapsed and all(PairingFlag.NOT_RENEWED in r.flags for r in lapsed)
    assert len(listed(partner_type=PartnerType.HQ_DEPARTMENT)) == 18
    assert len(listed(partner_type=PartnerType.URBAN_UNIT)) == 28
    assert {r.started_on.year for r in listed(year=2021)} == {2021}
    assert {r.station_branch for r in listed(text="dp")} == {"大坪供电所党支部", "渡普供电所党支部"}
    assert [r.station_branch for r in listed(text="daping")] == ["大坪供电所党支部"]
    assert [r.station_branch for r in listed(text="zhfw dp")] == ["大坪供电所党支部"]
    assert listed(text="没有这个支部") == []
