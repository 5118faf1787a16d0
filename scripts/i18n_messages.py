"""Collect the translatable strings (``_("…")`` and ``N_("…")``) and update the .po catalogs.

    python scripts/i18n_messages.py            # add new strings to resources/i18n/*.po
    python scripts/i18n_messages.py --check    # exit 1 if a catalog lacks a string

New entries get an empty msgstr; translate them in the .po file (any PO editor works).
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "redpair_desktop"
CATALOGS = ROOT / "resources" / "i18n"
MARKERS = {"_", "N_"}


def collect_messages(package: Path = PACKAGE) -> dict[str, str]:
    """msgid → the file it first appears in. Catalogs list the strings in msgid order with the
    file but no line number, so that two changes adding strings rarely touch the same lines."""
    messages: dict[str, str] = {}
    for path in sorted(package.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id in MARKERS
                and node.args
                and isinstance(node.args[0], ast.Constant)
                and isinstance(node.args[0].value, str)
            ):
                location = str(path.relative_to(ROOT))
                messages.setdefault(node.args[0].value, location)
    return messages


def _po_quote(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    return f'"{escaped}"'


def write_catalog(path: Path, messages: dict[str, str], translations: dict[str, str]) -> None:
    lines = [
        'msgid ""',
        'msgstr ""',
        '"Content-Type: text/plain; charset=UTF-8\\n"',
        f'"Language: {path.stem}\\n"',
        "",
    ]
    for msgid, location in sorted(messages.items()):
        lines += [
            f"#: {location}",
            f"msgid {_po_quote(msgid)}",
            f"msgstr {_po_quote(translations.get(msgid, ''))}",
            "",
        ]
    path.write_text("\n".join(lines), encoding="utf-8")


def main(argv: list[str]) -> int:
    sys.path.insert(0, str(ROOT))
    from redpair_desktop.i18n import read_po

    messages = collect_messages()
    missing_total = 0
    for path in sorted(CATALOGS.glob("*.po")):
        translations = read_po(path)
        missing = [m for m in messages if m not in translations]
        missing_total += len(missing)
        if "--check" in argv:
            for msgid in missing:
                print(f"{path.name}: untranslated {msgid!r} ({messages[msgid]})")
        else:
            write_catalog(path, messages, translations)
            print(f"{path.name}: {len(messages)} strings, {len(missing)} to translate")
    return 1 if "--check" in argv and missing_total else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
