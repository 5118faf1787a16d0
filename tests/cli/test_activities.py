"""``redpair activity list``, run as a real process on the demo data."""

from __future__ import annotations

import json

from tests.cli.test_cli import assert_no_traceback, redpair

KEYS = {"id", "type", "date", "expected", "present", "excused", "absent"}


def test_activity_list_json_gives_the_demo_ceremony_with_its_counts(demo_data_dir):
    result = redpair("activity", "list", "--json", data_dir=demo_data_dir)
    assert result.returncode == 0, result.stderr
    payload = json.loads(result.stdout)
    assert set(payload) == {"activities"}
    (ceremony,) = payload["activities"]
    assert set(ceremony) >= KEYS
    assert {key: ceremony[key] for key in KEYS - {"id"}} == {
        "type": "launch_ceremony",
        "date": "2024-03-26",
        "expected": 22,
        "present": 21,
        "excused": 1,
        "absent": 0,
    }
    assert len(ceremony["id"]) == 36


def test_activity_list_prints_a_line_per_activity(demo_data_dir, data_dir, tmp_path):
    result = redpair("activity", "list", data_dir=demo_data_dir)
    assert result.returncode == 0
    (line,) = result.stdout.splitlines()
    assert line.startswith("2024-03-26\t启动仪式/签约仪式\t")
    assert "应到 22  实到 21  请假 1  缺席 0" in line
    empty = tmp_path / "empty"
    empty.mkdir()
    nothing = redpair("activity", "list", data_dir=empty)
    assert nothing.returncode == 0 and "还没有活动记录" in nothing.stdout
    assert_no_traceback(nothing)
