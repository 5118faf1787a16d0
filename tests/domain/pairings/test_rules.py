"""The shown status, the flags, the partner type and the overlap check, on fixed dates."""

import uuid
from datetime import date

import pytest

from redpair_desktop.domain.enums import BranchKind, PairingStatus
from redpair_desktop.domain.pairings.labels import partner_type_label, status_label
from redpair_desktop.domain.pairings.rules import (
    PairingFlag,
    PartnerType,
    Term,
    first_overlap,
    flags_on,
    is_renewed,
    partner_type,
    status_on,
)

LEAD, STATION, OTHER = uuid.uuid4(), uuid.uuid4(), uuid.uuid4()
START, END = date(2024, 3, 26), date(2027, 3, 26)
S = PairingStatus


def term(start=START, end=END, stored=S.SIGNED, station=STATION) -> Term:
    return Term(LEAD, station, start, end, stored)


@pytest.mark.parametrize(
    ("stored", "today", "shown"),
    [
        (S.SIGNED, date(2024, 3, 25), S.SIGNED),  # before the start date
        (S.SIGNED, START, S.ACTIVE),  # from the start date
        (S.SIGNED, END, S.ACTIVE),  # the end date is the last day
        (S.SIGNED, date(2027, 3, 27), S.EXPIRED),  # after it
        (S.ACTIVE, date(2024, 1, 1), S.SIGNED),  # codes 进行中/到期 read like 已签约
        (S.EXPIRED, date(2025, 1, 1), S.ACTIVE),
        (S.PREPARING, date(2025, 1, 1), S.PREPARING),  # 筹备 stays 筹备, whatever the dates
        (S.PREPARING, date(2030, 1, 1), S.PREPARING),
        (S.TERMINATED, date(2025, 1, 1), S.TERMINATED),  # 终止 stays, even after the end date
        (S.TERMINATED, date(2030, 1, 1), S.TERMINATED),
    ],
)
def test_the_shown_status_follows_the_stored_one_and_the_dates(stored, today, shown):
    assert status_on(stored, START, END, today) is shown


def test_a_pairing_without_an_end_date_never_expires():
    assert status_on(S.SIGNED, START, None, date(2099, 1, 1)) is S.ACTIVE
    assert flags_on(term(end=None), date(2099, 1, 1), renewed=False) == ()


@pytest.mark.parametrize(
    ("today", "flags"),
    [
        (date(2027, 1, 24), ()),  # 61 days before the end
        (date(2027, 1, 25), (PairingFlag.ENDING_SOON,)),  # 60 days
        (END, (PairingFlag.ENDING_SOON,)),  # its last day
        (date(2027, 3, 27), (PairingFlag.NOT_RENEWED,)),  # expired, nobody renewed it
    ],
)
def test_pairings_ending_within_60_days_and_expired_ones_are_flagged(today, flags):
    assert flags_on(term(), today, renewed=False) == flags


def test_an_expired_pairing_that_was_renewed_is_just_expired():
    assert flags_on(term(), date(2027, 4, 1), renewed=True) == ()


def test_prepared_and_terminated_pairings_carry_no_flags():
    for stored in (S.PREPARING, S.TERMINATED):
        assert flags_on(term(stored=stored), date(2027, 3, 1), renewed=False) == ()
        assert flags_on(term(stored=stored), date(2028, 1, 1), renewed=False) == ()


def test_a_renewal_is_a_later_live_pairing_of_the_same_two_branches():
    old = term()
    assert is_renewed(old, [old, term(start=date(2027, 3, 26), end=date(2030, 3, 26))])
    assert is_renewed(old, [term(start=date(2027, 5, 1), end=None, stored=S.PREPARING)])
    assert not is_renewed(old, [old])
    assert not is_renewed(old, [term(start=date(2021, 1, 1), end=date(2024, 1, 1))])  # earlier
    assert not is_renewed(old, [term(start=date(2028, 1, 1), station=OTHER)])  # other station
    later_but_ended = term(start=date(2027, 4, 1), end=date(2030, 4, 1), stored=S.TERMINATED)
    assert not is_renewed(old, [later_but_ended])


def test_the_expired_and_unrenewed_pairing_reads_dao_qi_wei_xu_qian():
    assert status_label(S.EXPIRED, (PairingFlag.NOT_RENEWED,)) == "到期未续签"
    assert status_label(S.EXPIRED, ()) == "到期"
    assert status_label(S.ACTIVE, (PairingFlag.ENDING_SOON,)) == "进行中"


def test_the_partner_type_follows_the_lead_branch_kind():
    assert partner_type(BranchKind.HQ_DEPARTMENT) is PartnerType.HQ_DEPARTMENT
    assert partner_type(BranchKind.URBAN_UNIT) is PartnerType.URBAN_UNIT
    assert partner_type_label(PartnerType.HQ_DEPARTMENT) == "本部部门"
    assert partner_type_label(PartnerType.URBAN_UNIT) == "城区支部单位"
    with pytest.raises(ValueError, match="cannot lead"):
        partner_type(BranchKind.SUPPLY_STATION)


@pytest.mark.parametrize(
    ("start", "end", "stored", "clashes"),
    [
        (date(2026, 1, 1), date(2029, 1, 1), S.SIGNED, True),  # inside
        (date(2021, 1, 1), date(2024, 3, 27), S.PREPARING, True),  # one day over the start
        (date(2027, 3, 26), date(2030, 3, 26), S.SIGNED, False),  # a renewal from the end day
        (date(2021, 3, 26), date(2024, 3, 26), S.SIGNED, False),  # ends on its start day
        (date(2025, 1, 1), date(2026, 1, 1), S.TERMINATED, False),  # a terminated one is closed
    ],
)
def test_pairings_of_the_same_two_branches_must_not_overlap(start, end, stored, clashes):
    existing = term()
    assert (first_overlap(term(start, end, stored), [existing]) is existing) is clashes


def test_a_terminated_pairing_or_another_station_never_clashes():
    candidate = term(date(2025, 1, 1), date(2026, 1, 1))
    assert first_overlap(candidate, [term(stored=S.TERMINATED)]) is None
    assert first_overlap(candidate, [term(station=OTHER)]) is None
    assert first_overlap(candidate, [term(end=None)]) is not None  # open-ended
