from datetime import date

import pytest

from redpair_desktop.domain.enums import PairingStatus
from redpair_desktop.domain.org.rules import is_valid_seal_name
from redpair_desktop.domain.pairings.rules import status_on


@pytest.mark.parametrize(
    ("name", "valid"),
    [
        ("中共国网通城县供电公司大坪供电所支部委员会", True),
        ("中共国网咸宁供电公司机关总支部委员会", True),
        ("中共国网咸宁供电公司委员会", True),
        ("国网通城县供电公司大坪供电所支部委员会", False),
        ("中共大坪供电所党支部", False),
        ("中共支部委员会", False),
    ],
)
def test_seal_names(name, valid):
    assert is_valid_seal_name(name) is valid


def test_pairing_status_follows_the_dates():
    start, end = date(2024, 3, 26), date(2027, 3, 26)
    assert status_on(PairingStatus.ACTIVE, start, end, date(2024, 1, 1)) is PairingStatus.PLANNED
    assert status_on(PairingStatus.ACTIVE, start, end, date(2025, 1, 1)) is PairingStatus.ACTIVE
    assert status_on(PairingStatus.ACTIVE, start, end, date(2027, 3, 26)) is PairingStatus.COMPLETED
    assert status_on(PairingStatus.ENDED, start, end, date(2025, 1, 1)) is PairingStatus.ENDED
