"""The layers depend one way only: every non-UI module imports with PySide6 made unimportable,
and every module's imports (read with ``ast``) go the allowed directions."""

import ast
import subprocess
import sys
from pathlib import Path

import pytest

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


# --- the allowed directions, read from every module's imports --------------------------------

ROOT = "redpair_desktop"
BOTTOM = {
    "i18n",
    "paths",
    "settings",
    "log_setup",
    "resources",
    "files",
}  # plain Python beside domain
LAYERS = {"domain", "db", "services", "reports", "ui", "cli"}
SHARED_PACKAGES = {"widgets", "migrations"}  # subpackages of a layer that are no feature
# What each layer may import from the package: layers (and "bottom") by name.
MAY_IMPORT = {
    "bottom": {"bottom", "domain"},
    "domain": {"bottom", "domain"},
    "db": {"bottom", "domain", "db"},
    "services": {"bottom", "domain", "db", "services"},
    "reports": {"bottom", "domain", "services", "reports"},  # fed plain data: no db, no session
    "ui": {"bottom", "domain", "db", "services", "reports", "ui"},
    "cli": {"bottom", "domain", "db", "services", "reports", "cli"},
    "entry": {"bottom", "ui", "cli"},  # __main__
}
# Libraries outside the standard library each layer may use (ui: any).
MAY_USE = {
    "bottom": {"platformdirs"},
    "domain": {"pypinyin"},
    "db": {"sqlalchemy", "alembic"},
    "services": {
        "sqlalchemy",
        "openpyxl",
        "defusedxml",
        "pyhanko",  # agreement signatures
        "pyhanko_certvalidator",
        "asn1crypto",
        "cryptography",
        "pypdf",  # scans
        "PIL",
        "argon2",  # the kiosk operator PIN's hash (services/pin.py)
    },
    "reports": {"reportlab"},
    "cli": set(),
    "entry": set(),
}
# Features that use another feature (in any layer). A new dependency between features is a
# design decision: add it here, with the reason, in the same change.
FEATURE_USES = {
    ("rosters", "org"): "a member belongs to a branch",
    ("org", "rosters"): "a branch page shows its roster and counts",
    ("org", "demo"): "the first-run page offers the demo data",
    ("org", "pairings"): "retiring a branch ends its pairings",
    ("pairings", "org"): "a pairing joins two branches",
    ("pairings", "rosters"): "a pairing names its liaisons",
    ("pairings", "agreements"): "the registry previews and prints a pairing's agreement",
    ("agreements", "org"): "an agreement's parties are two branches and their secretaries",
    ("agreements", "pairings"): "an agreement is drawn up for a pairing",
    ("activities", "pairings"): "an activity is held by a pairing's two branches",
    ("activities", "org"): "the expected list and the printouts name each member's branch",
    ("activities", "rosters"): "the expected list is built from both branches' rosters",
    ("inspections", "org"): "an inspection is of a station's branch",
    ("inspections", "pairings"): "an inspection is made for the station's pairing",
    ("inspections", "measures"): "a failed item raises a finding when the inspection is completed",
    ("assets", "org"): "a line is kept by a station's branch",
    ("assets", "measures"): "the patrol window raises a defect as a finding",
    ("measures", "org"): "a measure is owned by the lead branch with the station as co-owner",
    (
        "measures",
        "pairings",
    ): "a measure's owner defaults to the lead branch of the station's pairing",
    ("measures", "inspections"): "a finding comes from an inspection; a measure is verified at one",
    ("measures", "assets"): "a patrol defect can become a finding",
    ("demo", "*"): "the demo data fill every feature",
}


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imported_names(module: str, source: str, *, is_package: bool = False) -> list[str]:
    """Every module ``source`` imports (at the top, inside functions, under TYPE_CHECKING),
    ``from a import b`` giving ``a.b`` so that a submodule counts as itself."""
    names = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            names += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                package = module.split(".")[: len(module.split(".")) - node.level + is_package]
                base = ".".join([*package, base] if base else package)
            names += [f"{base}.{alias.name}" for alias in node.names]
    return names


def place(module: str) -> tuple[str, str | None]:
    """A module's layer ("bottom" for the shared plain modules and the package's own names)
    and its feature (None for a layer's shared modules)."""
    parts = module.split(".")[1:]
    if not parts or parts[0] in BOTTOM or parts[0] not in MAY_IMPORT.keys() | LAYERS:
        return ("entry" if parts and parts[0] == "__main__" else "bottom"), None
    layer = parts[0]
    is_feature = (
        len(parts) > 1 and parts[1] not in SHARED_PACKAGES and (PACKAGE / layer / parts[1]).is_dir()
    )
    return layer, parts[1] if is_feature else None


def violations(module: str, source: str, *, is_package: bool = False) -> list[str]:
    layer, feature = place(module)
    found = []
    for name in imported_names(module, source, is_package=is_package):
        top = name.split(".")[0]
        if top == ROOT:
            found += _internal_violations(module, layer, feature, name)
        elif top == "PySide6" or top == "shiboken6":
            if layer != "ui":
                found.append(f"{module} imports {name}: nothing below ui imports Qt")
        elif top not in sys.stdlib_module_names and layer != "ui" and top not in MAY_USE[layer]:
            found.append(
                f"{module} imports {name}: {layer} may use only {sorted(MAY_USE[layer])} "
                "outside the standard library"
            )
    return found


def _internal_violations(module: str, layer: str, feature: str | None, name: str) -> list[str]:
    target_layer, target_feature = place(name)
    if target_layer not in MAY_IMPORT[layer]:
        return [f"{module} imports {name}: {layer} may import only {sorted(MAY_IMPORT[layer])}"]
    declared = {(feature, target_feature), (feature, "*")} & FEATURE_USES.keys()
    if feature and target_feature and feature != target_feature and not declared:
        return [
            f"{module} imports {name}: feature {feature!r} does not use {target_feature!r}. "
            f"If it should, add ({feature!r}, {target_feature!r}): '<why>' to FEATURE_USES in "
            "tests/test_layering.py; otherwise move the shared part down a layer or pass it in."
        ]
    return []


def package_sources() -> list[tuple[str, str, bool]]:
    return [
        (module_name(path), path.read_text(encoding="utf-8"), path.name == "__init__.py")
        for path in sorted(PACKAGE.rglob("*.py"))
    ]


def test_every_import_goes_the_allowed_way():
    sources = package_sources()
    assert len(sources) > 80
    found = [v for module, text, init in sources for v in violations(module, text, is_package=init)]
    assert not found, "\n".join(found)


def test_every_declared_feature_use_exists():
    uses = set()
    for module, text, init in package_sources():
        _layer, feature = place(module)
        for name in imported_names(module, text, is_package=init):
            if name.startswith(ROOT + "."):
                uses.add((feature, place(name)[1]))
    stale = [pair for pair in FEATURE_USES if pair[1] != "*" and pair not in uses]
    assert not stale, f"declared in FEATURE_USES but no longer imported: {stale}"


@pytest.mark.parametrize(
    ("module", "source", "complaint"),
    [
        ("redpair_desktop.domain.org.rules", "import sqlalchemy", "domain may use only"),
        ("redpair_desktop.domain.labels", "from redpair_desktop.db import base", "domain may"),
        (
            "redpair_desktop.services.info",
            "def f():\n    from PySide6.QtWidgets import QWidget",
            "nothing below ui imports Qt",
        ),
        (
            "redpair_desktop.db.audit",
            "from typing import TYPE_CHECKING\n"
            "if TYPE_CHECKING:\n    from redpair_desktop.services.workspace import Workspace",
            "db may import only",
        ),
        ("redpair_desktop.cli.main", "def f():\n    import redpair_desktop.ui.app", "cli may"),
        ("redpair_desktop.reports.card", "from redpair_desktop.db.database import X", "reports"),
        (
            "redpair_desktop.services.rosters.people",
            "from redpair_desktop.services.pairings.registry import list_pairings",
            "add ('rosters', 'pairings'): '<why>' to FEATURE_USES",
        ),
        (
            "redpair_desktop.ui.settings.page",
            "from ..rosters import panel",
            "feature 'settings' does not use 'rosters'",
        ),
    ],
)
def test_a_wrong_import_is_named(module, source, complaint):
    found = violations(module, source)
    assert len(found) == 1 and complaint in found[0], found


def test_allowed_imports_pass():
    assert not violations("redpair_desktop.services.rosters.people", "import sqlalchemy, json")
    assert not violations(
        "redpair_desktop.services.demo.loader", "from redpair_desktop.services.org import branches"
    )
    assert not violations("redpair_desktop.ui.org.page", "from redpair_desktop.ui.widgets import x")
