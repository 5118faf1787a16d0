"""Data directories that cannot be used are explained, and nothing is created by mistake."""

from pathlib import Path

import pytest

from redpair_desktop.domain.errors import DataDirError
from redpair_desktop.paths import ENV_VAR, resolve_data_dir
from redpair_desktop.services.workspace import device_id, open_workspace


def test_a_missing_parent_is_reported_not_created(tmp_path):
    target = tmp_path / "unplugged-drive" / "redpair"
    with pytest.raises(DataDirError, match="不存在"):
        open_workspace(target)
    assert not target.parent.exists()


def test_a_file_in_place_of_the_directory_is_reported(tmp_path):
    target = tmp_path / "data"
    target.write_text("not a folder")
    with pytest.raises(DataDirError, match="是一个文件"):
        open_workspace(target)


def test_a_read_only_directory_is_reported(tmp_path, monkeypatch):
    target = tmp_path / "data"
    target.mkdir()

    def refuse(self, data):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "write_bytes", refuse)
    with pytest.raises(DataDirError, match="不可写"):
        open_workspace(target)


def test_the_data_dir_comes_from_the_option_then_the_environment(monkeypatch, tmp_path):
    monkeypatch.setenv(ENV_VAR, str(tmp_path / "from-env"))
    assert resolve_data_dir(None) == tmp_path / "from-env"
    assert resolve_data_dir(tmp_path / "explicit") == tmp_path / "explicit"
    monkeypatch.delenv(ENV_VAR)
    assert "RedPair" in str(resolve_data_dir(None))


def test_the_device_id_is_made_once_and_kept(tmp_path):
    first = device_id(tmp_path)
    assert device_id(tmp_path) == first
