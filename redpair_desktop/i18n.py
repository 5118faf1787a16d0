"""The one translation layer for every string a user reads.

Source strings are Simplified Chinese, written in the code as ``_("…")``; other languages are
gettext ``.po`` catalogs in ``resources/i18n``. Placeholders use ``str.format`` names
(``{count}``); a test checks that every translation keeps them. Strings defined at import time
are marked with ``N_`` and translated where they are shown.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from redpair_desktop.resources import resource_path

DEFAULT_LANGUAGE = "zh_CN"
LANGUAGES = {"zh_CN": "简体中文", "en": "English"}

_catalog: dict[str, str] = {}
_language = DEFAULT_LANGUAGE


def _(message: str, /, **values: object) -> str:
    """Translate ``message`` into the current language and fill its placeholders."""
    text = _catalog.get(message) or message
    return text.format(**values) if values else text


def translated_in(language: str, message: str, /, **values: object) -> str:
    """``_`` into another language than the current one (mark ``message`` with ``N_``): what
    to say about a language just chosen, in that language."""
    catalog = _catalog if language == _language else _read_catalog(language)
    text = catalog.get(message) or message
    return text.format(**values) if values else text


def N_(message: str, /) -> str:
    """Mark a string for translation without translating it yet."""
    return message


def current_language() -> str:
    return _language


def set_language(language: str) -> None:
    """Switch the catalog; unknown languages fall back to the source language."""
    global _catalog, _language
    if language not in LANGUAGES:
        language = DEFAULT_LANGUAGE
    _language = language
    _catalog = _read_catalog(language)


def _read_catalog(language: str) -> dict[str, str]:
    path = catalog_path(language)
    return read_po(path) if path.is_file() else {}


def join_messages(messages: Iterable[str]) -> str:
    """Several messages as one sentence, in the current language's punctuation: each one's
    own full stop gives way to the clause separator, and one full stop ends the whole."""
    clauses = [message.rstrip("。.") for message in messages]
    return _("；").join(clauses) + _("。") if clauses else ""


def join_items(items: Iterable[str]) -> str:
    """A list of names or values in one line, separated as the current language lists them."""
    return _("、").join(items)


def catalog_path(language: str) -> Path:
    return resource_path("i18n", f"{language}.po")


def read_po(path: Path) -> dict[str, str]:
    """Read the msgid → msgstr pairs of a .po file (untranslated and header entries skipped)."""
    import ast  # only when a catalog is read: the source language needs none

    entries: dict[str, str] = {}
    msgid: list[str] = []
    msgstr: list[str] = []
    current: list[str] | None = None

    def flush() -> None:
        source, target = "".join(msgid), "".join(msgstr)
        if source and target:
            entries[source] = target

    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if line.startswith("msgid "):
            flush()
            msgid, msgstr = [], []
            current = msgid
            line = line[len("msgid ") :]
        elif line.startswith("msgstr "):
            current = msgstr
            line = line[len("msgstr ") :]
        elif not line.startswith('"'):
            continue
        if current is not None:
            current.append(ast.literal_eval(line))
    flush()
    return entries
