"""Nothing below the UI imports Qt: every non-UI module imports with PySide6 made unimportable."""

import subprocess
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "redpair_desktop"

BLOCK_QT_AND_IMPORT = r"""
import importlib, sys

class BlockQt:
    def find_spec(self, name, path=None, target=None):
        if name == "PySide6" or name.startswith(("PySide6.", "shiboken6")):
            raise ImportError(f"layering violation: {name} imported below the UI")
        return None

sys.meta_path.insert(0, BlockQt())
for module in sys.argv[1:]:
    importlib.import_module(module)
print("imported", len(sys.argv) - 1)
"""


def non_ui_modules() -> list[str]:
    modules = []
    for path in sorted(PACKAGE.rglob("*.py")):
        relative = path.relative_to(PACKAGE.parent).with_suffix("")
        parts = relative.parts
        if "ui" in parts or parts[-1] == "__main__" or "migrations" in parts:
            continue
        modules.append(".".join(parts[:-1] if parts[-1] == "__init__" else parts))
    return modules


def test_every_layer_below_the_ui_imports_without_qt():
    modules = non_ui_modules()
    assert "redpair_desktop.services.workspace" in modules
    assert "redpair_desktop.cli.main" in modules
    result = subprocess.run(
        [sys.executable, "-c", BLOCK_QT_AND_IMPORT, *modules],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert f"imported {len(modules)}" in result.stdout


def test_the_blocker_really_blocks_qt():
    result = subprocess.run(
        [sys.executable, "-c", BLOCK_QT_AND_IMPORT, "redpair_desktop.ui.main_window"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode != 0
    assert "layering violation" in result.stderr


def test_domain_does_not_import_the_database_layer():
    for path in (PACKAGE / "domain").rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        assert "sqlalchemy" not in text and "redpair_desktop.db" not in text, path
