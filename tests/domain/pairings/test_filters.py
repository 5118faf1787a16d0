from datetime import date

from redpair_desktop.domain.enums import PairingStatus
from redpair_desktop.domain.pairings.filters import FilterFacts, PairingFilter
from redpair_desktop.domain.pairings.rules import PairingFlag, PartnerType
from redpair_desktop.domain.pinyin_keys import search_key

FACTS = FilterFacts(
    PairingStatus.EXPIRED,
    (PairingFlag.NOT_RENEWED,),
    PartnerType.URBAN_UNIT,
    date(2021, 5, 3),
    search_key(("综合服务中心党支部", "大坪供电所党支部")),
)


def test_an_empty_filter_keeps_everything():
    assert PairingFilter().accepts(FACTS)


def test_each_criterion_keeps_only_what_matches():
    assert PairingFilter(status=PairingStatus.EXPIRED).accepts(FACTS)
    assert not PairingFilter(status=PairingStatus.ACTIVE).accepts(FACTS)
    assert PairingFilter(flag=PairingFlag.NOT_RENEWED).accepts(FACTS)
    assert not PairingFilter(flag=PairingFlag.ENDING_SOON).accepts(FACTS)
    assert PairingFilter(partner_type=PartnerType.URBAN_UNIT).accepts(FACTS)
    assert not PairingFilter(partner_type=PartnerType.HQ_DEPARTMENT).accepts(FACTS)
    assert PairingFilter(year=2021).accepts(FACTS)
    assert not PairingFilter(year=2022).accepts(FACTS)


def test_the_text_matches_names_and_their_pinyin():
    for text in ("大坪", "dp", "daping", "综合 dp", "ZHFW"):
        assert PairingFilter(text=text).accepts(FACTS), text
    assert not PairingFilter(text="麦市").accepts(FACTS)
    assert not PairingFilter(text="dp 麦市").accepts(FACTS)
