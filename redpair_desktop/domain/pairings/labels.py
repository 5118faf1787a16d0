"""What people read for a pairing's partner type, flags and shown status."""

from __future__ import annotations

from collections.abc import Iterable

from redpair_desktop.domain.enums import PairingStatus
from redpair_desktop.domain.labels import label
from redpair_desktop.domain.pairings.rules import PairingFlag, PartnerType
from redpair_desktop.i18n import N_, _

_PARTNER_TYPES = {
    PartnerType.HQ_DEPARTMENT: N_("本部部门"),
    PartnerType.URBAN_UNIT: N_("城区支部单位"),
}
_FLAGS = {
    PairingFlag.ENDING_SOON: N_("临近到期"),
    PairingFlag.NOT_RENEWED: N_("到期未续签"),
}


def partner_type_label(partner: PartnerType) -> str:
    return _(_PARTNER_TYPES[partner])


def flag_label(flag: PairingFlag) -> str:
    return _(_FLAGS[flag])


def status_label(status: PairingStatus, flags: Iterable[PairingFlag]) -> str:
    """“到期未续签” for an expired pairing nobody renewed, else the status itself."""
    if PairingFlag.NOT_RENEWED in tuple(flags):
        return flag_label(PairingFlag.NOT_RENEWED)
    return label(status)
