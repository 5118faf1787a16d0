"""Shared fixtures: real database files in temporary data directories."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from redpair_desktop.i18n import DEFAULT_LANGUAGE, set_language
from redpair_desktop.paths import DATABASE_FILE
from redpair_desktop.services.demo.loader import load_demo
from redpair_desktop.services.workspace import Workspace, open_workspace


@pytest.fixture(autouse=True)
def _source_language():
    """Every test starts in Simplified Chinese, whatever the previous one switched to."""
    set_language(DEFAULT_LANGUAGE)
    yield
    set_language(DEFAULT_LANGUAGE)


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo database, built once per test session; tests get their own copy."""
    directory = tmp_path_factory.mktemp("demo-template")
    workspace = open_workspace(directory)
    load_demo(workspace)
    workspace.close()
    return directory / DATABASE_FILE


@pytest.fixture
def demo_data_dir(data_dir: Path, demo_template: Path) -> Path:
    data_dir.mkdir()
    shutil.copyfile(demo_template, data_dir / DATABASE_FILE)
    shutil.copytree(demo_template.parent / "photos", data_dir / "photos")  # the demo's photos
    return data_dir


@pytest.fixture
def demo_workspace(demo_data_dir: Path):
    workspace: Workspace = open_workspace(demo_data_dir)
    yield workspace
    workspace.close()


@pytest.fixture
def workspace(data_dir: Path):
    workspace = open_workspace(data_dir)
    yield workspace
    workspace.close()


HEADERS = [
    "姓名",
    "性别",
    "出生日期",
    "公民身份号码",
    "人员类别",
    "所在党支部",
    "入党日期",
    "转正日期",
]


def valid_id(first17: str) -> str:
    from redpair_desktop.domain.rosters.person_rules import id_check_character

    return first17 + id_check_character(first17)


@pytest.fixture
def make_xlsx(tmp_path: Path):
    """Write rows (the first is the header row) to a real .xlsx file; returns its path."""
    import openpyxl

    counter = iter(range(1000))

    def make(rows: list[list[object]], name: str | None = None) -> Path:
        workbook = openpyxl.Workbook()
        sheet = workbook.active
        for row in rows:
            sheet.append(row)
        path = tmp_path / (name or f"roster-{next(counter)}.xlsx")
        workbook.save(path)
        return path

    return make
