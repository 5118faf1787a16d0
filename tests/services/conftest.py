"""Fixtures for the services tests: a small organisation (one urban branch, one supply station)
and a photo."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image

from redpair_desktop.domain.enums import BranchKind, UnitKind
from redpair_desktop.services.org.branches import add_branch, add_unit


@pytest.fixture
def branches(workspace):
    """(lead branch id, station branch id)."""
    with workspace.db.write() as session:
        company = add_unit(session, name="国网测试供电公司", kind=UnitKind.COMPANY)
        urban = add_unit(session, name="综合服务中心", kind=UnitKind.URBAN_UNIT, parent=company)
        county = add_unit(
            session, name="通城县供电公司", kind=UnitKind.COUNTY_COMPANY, parent=company
        )
        station = add_unit(
            session, name="通城县大坪供电所", kind=UnitKind.SUPPLY_STATION, parent=county
        )
        lead = add_branch(
            session,
            seal_name="中共综合服务中心支部委员会",
            short_name="综合服务中心党支部",
            kind=BranchKind.URBAN_UNIT,
            unit=urban,
        )
        own = add_branch(
            session,
            seal_name="中共大坪供电所支部委员会",
            short_name="大坪供电所党支部",
            kind=BranchKind.SUPPLY_STATION,
            unit=station,
        )
        session.flush()
        return lead.id, own.id


@pytest.fixture
def station(branches):
    return branches[1]


@pytest.fixture
def photo(tmp_path) -> Path:
    path = tmp_path / "问题.jpg"
    Image.new("RGB", (64, 48), (200, 30, 30)).save(path, "JPEG")
    return path
