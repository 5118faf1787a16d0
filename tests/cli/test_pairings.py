"""``redpair pairing list``, run as a real process on the demo data."""

from __future__ import annotations

import json

from tests.cli.test_cli import assert_no_traceback, redpair

KEYS = {"id", "lead", "station", "partner_type", "start", "end", "status", "status_label", "flags"}


def test_pairing_list_json_gives_every_pairing_with_its_status(demo_data_dir):
    result = redpair("pairing", "list", "--json", "--on", "2025-12-31", data_dir=demo_data_dir)
    assert result.returncode == 0, result.stderr
    payload = json.loads(result.stdout)
    assert set(payload) == {"pairings"}
    pairings = payload["pairings"]
    assert len(pairings) == 46
    assert all(set(p) == KEYS for p in pairings)
    (reference,) = [p for p in pairings if p["station"] == "大坪供电所党支部"]
    assert reference == {
        **reference,
        "lead": "综合服务中心党支部",
        "partner_type": "urban_unit",
        "start": "2024-03-26",
        "end": "2027-03-26",
        "status": "active",
        "status_label": "进行中",
        "flags": [],
    }
    lapsed = [p for p in pairings if p["flags"] == ["not_renewed"]]
    assert lapsed and {(p["status"], p["status_label"]) for p in lapsed} == {
        ("expired", "到期未续签")
    }
    assert {p["partner_type"] for p in pairings} == {"hq_department", "urban_unit"}


def test_the_status_follows_the_day_asked_for(demo_data_dir):
    def reference(day: str) -> dict:
        result = redpair("pairing", "list", "--json", "--on", day, data_dir=demo_data_dir)
        return next(p for p in json.loads(result.stdout)["pairings"] if p["start"] == "2024-03-26")

    assert (reference("2024-01-01")["status"], reference("2024-01-01")["status_label"]) == (
        "signed",
        "已签约",
    )
    assert reference("2027-02-01")["flags"] == ["ending_soon"]
    assert reference("2027-03-27")["status"] == "expired"


def test_pairing_list_prints_a_line_per_pairing_and_refuses_a_bad_date(demo_data_dir):
    result = redpair("pairing", "list", "--on", "2025-12-31", data_dir=demo_data_dir)
    assert result.returncode == 0
    lines = result.stdout.splitlines()
    assert len(lines) == 46
    assert "综合服务中心党支部\t大坪供电所党支部\t2024-03-26\t2027-03-26\t进行中" in lines
    bad = redpair("pairing", "list", "--on", "2025-13-01", data_dir=demo_data_dir)
    assert bad.returncode == 2
    assert "2025-13-01" in bad.stderr
    assert_no_traceback(bad)
