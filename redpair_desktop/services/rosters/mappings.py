"""Column mappings a user chose in the import wizard, remembered per set of file headers."""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Sequence
from pathlib import Path

MAPPINGS_FILE = "import-mappings.json"


def _key(headers: Sequence[str]) -> str:
    joined = "\x1f".join(sorted(h for h in headers if h))
    return hashlib.sha1(joined.encode("utf-8")).hexdigest()


def _read(data_dir: Path) -> dict[str, dict[str, str]]:
    try:
        stored = json.loads((data_dir / MAPPINGS_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return stored if isinstance(stored, dict) else {}


def remembered_mapping(data_dir: Path, headers: Sequence[str]) -> dict[str, str]:
    mapping = _read(data_dir).get(_key(headers), {})
    return {str(k): str(v) for k, v in mapping.items()} if isinstance(mapping, dict) else {}


def remember_mapping(data_dir: Path, headers: Sequence[str], mapping: dict[str, str]) -> None:
    stored = _read(data_dir)
    stored[_key(headers)] = mapping
    target = data_dir / MAPPINGS_FILE
    temporary = target.with_suffix(".tmp")
    temporary.write_text(json.dumps(stored, ensure_ascii=False, indent=1), encoding="utf-8")
    os.replace(temporary, target)
