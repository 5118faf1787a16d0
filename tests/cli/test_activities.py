"""``redpair activity list`` and ``activity roll``, run as a real process on the demo data."""

from __future__ import annotations

import json
import sqlite3

import pypdf

from redpair_desktop.paths import DATABASE_FILE
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


def _roll(data_dir, out, *flags):
    result = redpair("activity", "roll", "demo", str(out), "--json", *flags, data_dir=data_dir)
    assert result.returncode == 0, result.stderr
    reader = pypdf.PdfReader(out)
    images = sum(len(page.images) for page in reader.pages)
    text = "".join(page.extract_text() for page in reader.pages)
    return json.loads(result.stdout), images, text


def _signers(data_dir) -> list[str]:
    with sqlite3.connect(data_dir / DATABASE_FILE) as connection:
        return [name for (name,) in connection.execute(
            "SELECT a.name FROM pledge_signature s JOIN attendee a ON a.id = s.attendee_id"
        )]  # fmt: skip


def _expected(data_dir) -> list[str]:
    with sqlite3.connect(data_dir / DATABASE_FILE) as connection:
        return [name for (name,) in connection.execute("SELECT name FROM attendee")]


def test_the_demo_roll_holds_one_signature_image_per_signer_and_every_name(demo_data_dir, tmp_path):
    payload, images, text = _roll(demo_data_dir, tmp_path / "roll.pdf")
    signers = _signers(demo_data_dir)
    assert len(signers) == 17 and payload["signatures"] == 17
    assert images == 17
    assert all(name in text for name in signers)
    assert "党员身边无违章" in text and "应到22人，实到21人，请假1人，缺席0人" in text


def test_the_blank_roll_has_a_row_for_everyone_expected_and_no_signature(demo_data_dir, tmp_path):
    payload, images, text = _roll(demo_data_dir, tmp_path / "blank.pdf", "--blank")
    expected = _expected(demo_data_dir)
    assert payload["rows"] == len(expected) == 22
    assert images == 0
    assert all(name in text for name in expected)
    assert "实到　　人" in text  # the counts are filled in by hand after the event


def test_an_unknown_activity_is_refused_plainly(demo_data_dir, tmp_path):
    result = redpair(
        "activity", "roll", "not-an-id", str(tmp_path / "x.pdf"), data_dir=demo_data_dir
    )
    assert result.returncode == 1
    assert_no_traceback(result)
    assert not (tmp_path / "x.pdf").exists()
