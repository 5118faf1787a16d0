import pytest

from redpair_desktop.domain.org.rules import is_valid_seal_name


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
