"""A column mapping chosen in the import wizard is remembered for files with the same headers."""

from redpair_desktop.services.rosters.mappings import remember_mapping, remembered_mapping


def test_a_mapping_is_remembered_per_header_set(tmp_path):
    headers = ["名", "类", "支部名称"]
    mapping = {"名": "姓名", "类": "人员类别", "支部名称": "所在党支部"}
    remember_mapping(tmp_path, headers, mapping)
    assert remembered_mapping(tmp_path, list(reversed(headers))) == mapping  # any column order
    assert remembered_mapping(tmp_path, ["名", "类"]) == {}


def test_an_unreadable_store_is_an_empty_memory(tmp_path):
    (tmp_path / "import-mappings.json").write_text("{not json", encoding="utf-8")
    assert remembered_mapping(tmp_path, ["名"]) == {}
    remember_mapping(tmp_path, ["名"], {"名": "姓名"})
    assert remembered_mapping(tmp_path, ["名"]) == {"名": "姓名"}
