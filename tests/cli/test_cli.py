"""The ``redpair`` command, run as a user runs it: a real process on a real data directory."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from redpair_desktop.db.schema import SCHEMA_HEAD
from redpair_desktop.paths import DATABASE_FILE, LOG_FILE


def redpair(*args: str, data_dir: Path | None = None) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "redpair_desktop.cli.main"]
    if data_dir is not None:
        command += ["--data-dir", str(data_dir)]
    env = {**os.environ, "PYTHONWARNINGS": "error"}
    return subprocess.run(
        command + list(args), capture_output=True, text=True, env=env, check=False
    )


def assert_no_traceback(result: subprocess.CompletedProcess[str]) -> None:
    assert "Traceback" not in result.stdout + result.stderr


def test_demo_then_info_reports_the_reference_case(data_dir):
    demo = redpair("demo", data_dir=data_dir)
    assert demo.returncode == 0, demo.stderr
    assert "66" in demo.stdout

    info = redpair("info", "--json", data_dir=data_dir)
    assert info.returncode == 0
    payload = json.loads(info.stdout)
    assert set(payload) == {"schema_version", "stations", "branches", "members", "pairings"}
    assert payload["schema_version"] == int(SCHEMA_HEAD)
    assert payload["stations"] == 66
    assert payload["pairings"] == 46
    assert payload["branches"] == 18 + 28 + 66
    assert payload["members"] > 1000


def test_the_options_may_follow_the_command(data_dir):
    redpair("demo", data_dir=data_dir)
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "redpair_desktop.cli.main",
            "info",
            "--json",
            "--data-dir",
            str(data_dir),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert json.loads(result.stdout)["stations"] == 66


def test_the_environment_variable_names_the_data_dir(data_dir):
    env = {**os.environ, "REDPAIR_DATA_DIR": str(data_dir)}
    result = subprocess.run(
        [sys.executable, "-m", "redpair_desktop.cli.main", "demo"],
        capture_output=True, text=True, env=env, check=False,
    )  # fmt: skip
    assert result.returncode == 0
    assert (data_dir / DATABASE_FILE).is_file()


def test_a_second_demo_is_refused_with_exit_1(demo_data_dir):
    before = (demo_data_dir / DATABASE_FILE).stat().st_size
    result = redpair("demo", "--json", data_dir=demo_data_dir)
    assert result.returncode == 1
    assert_no_traceback(result)
    assert "--reset" in json.loads(result.stdout)["error"]
    assert json.loads(redpair("info", "--json", data_dir=demo_data_dir).stdout)["pairings"] == 46
    assert (demo_data_dir / DATABASE_FILE).stat().st_size >= before


def test_demo_reset_backs_up_first(demo_data_dir):
    result = redpair("demo", "--reset", "--json", data_dir=demo_data_dir)
    assert result.returncode == 0, result.stderr
    backup = Path(json.loads(result.stdout)["backup"])
    with sqlite3.connect(backup) as connection:
        assert connection.execute("SELECT count(*) FROM pairing").fetchone()[0] == 46


def test_db_check_on_a_good_file(demo_data_dir):
    result = redpair("db", "check", "--json", data_dir=demo_data_dir)
    assert result.returncode == 0
    assert json.loads(result.stdout)["ok"] is True


def damage(path: Path) -> None:
    data = bytearray(path.read_bytes())
    for offset in range(4096 * 3, 4096 * 40, 4096):
        data[offset : offset + 300] = b"\x00\xff" * 150
    path.write_bytes(bytes(data))


@pytest.mark.parametrize("command", [("db", "check"), ("info",), ("db", "check", "--json")])
def test_a_damaged_copy_gives_exit_3_and_a_plain_message(demo_data_dir, command):
    damage(demo_data_dir / DATABASE_FILE)
    result = redpair(*command, data_dir=demo_data_dir)
    assert result.returncode == 3
    assert_no_traceback(result)
    assert "已损坏" in result.stderr
    assert "backups" in result.stderr


def test_a_damaged_header_gives_exit_3(demo_data_dir):
    path = demo_data_dir / DATABASE_FILE
    path.write_bytes(b"garbage!" + path.read_bytes()[8:])
    result = redpair("db", "check", data_dir=demo_data_dir)
    assert result.returncode == 3
    assert_no_traceback(result)


def test_a_newer_database_gives_exit_1(demo_data_dir):
    with sqlite3.connect(demo_data_dir / DATABASE_FILE) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '0042'")
    result = redpair("info", data_dir=demo_data_dir)
    assert result.returncode == 1
    assert "较新版本" in result.stderr
    assert_no_traceback(result)


def test_a_missing_data_dir_parent_gives_exit_1(tmp_path):
    result = redpair("info", data_dir=tmp_path / "no" / "such")
    assert result.returncode == 1
    assert "不存在" in result.stderr
    assert_no_traceback(result)


def test_usage_errors_give_exit_2(data_dir):
    assert redpair("no-such-command", data_dir=data_dir).returncode == 2
    assert redpair("db", data_dir=data_dir).returncode == 2


def test_unexpected_errors_are_logged_not_shown(data_dir, monkeypatch, capsys):
    from redpair_desktop.cli import database, main

    def explode(*args):
        raise RuntimeError("boom")

    monkeypatch.setattr(database, "show_info", explode)
    code = main.main(["--data-dir", str(data_dir), "info"])
    captured = capsys.readouterr()
    assert code == 1
    assert "Traceback" not in captured.err
    assert str(data_dir / LOG_FILE) in captured.err
    assert "RuntimeError: boom" in (data_dir / LOG_FILE).read_text(encoding="utf-8")


def test_the_cli_never_imports_qt(data_dir):
    code = (
        "import sys; from redpair_desktop.cli.main import main; "
        f"main(['--data-dir', {str(data_dir)!r}, 'info']); "
        "assert not [m for m in sys.modules if m.startswith('PySide6')]"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr


def test_info_on_an_up_to_date_file_answers_without_sqlalchemy(demo_data_dir):
    code = (
        "import sys; from redpair_desktop.cli.main import main; "
        f"assert main(['--data-dir', {str(demo_data_dir)!r}, 'info', '--json']) == 0; "
        "assert not [m for m in sys.modules if m.startswith('sqlalchemy')]"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["pairings"] == 46


def test_a_reader_that_leaves_early_gets_no_error_and_no_traceback(demo_data_dir):
    command = [sys.executable, "-m", "redpair_desktop.cli.main", "--data-dir", str(demo_data_dir)]
    child = subprocess.Popen(
        [*command, "roster", "list", "--json"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    child.stdout.close()  # like ``| head`` that has read enough: before the command answers
    _out, errors = child.communicate(timeout=120)
    assert child.returncode == 1
    assert "Traceback" not in errors and "意外错误" not in errors and "Exception" not in errors
