"""What a patroller can mark on each kind of asset."""

from __future__ import annotations

from redpair_desktop.domain.assets.codes import AssetKind, DefectType, defect_types


def test_poles_and_transformers_offer_their_own_defects():
    pole = defect_types(AssetKind.POLE)
    transformer = defect_types(AssetKind.PUBLIC_TRANSFORMER)
    assert {DefectType.TILT, DefectType.CRACK, DefectType.BIRD_NEST, DefectType.SLACK_STAY} <= set(
        pole
    )
    assert DefectType.OIL_LEAK not in pole and DefectType.OIL_LEAK in transformer
    assert DefectType.TILT not in transformer
    assert transformer == defect_types(AssetKind.DEDICATED_TRANSFORMER)
    assert DefectType.MISSING_SIGN in pole and DefectType.MISSING_SIGN in transformer
    assert defect_types(AssetKind.LINE) == (DefectType.MISSING_SIGN, DefectType.OTHER)
