"""How commands answer: plain text for people, one JSON object on stdout with ``--json``."""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass


@dataclass
class Output:
    as_json: bool

    def result(self, payload: dict, text: str) -> None:
        if self.as_json:
            print(json.dumps(payload, ensure_ascii=False))
        else:
            print(text)
        sys.stdout.flush()  # a reader that left early (``| head``) is noticed here, not at exit

    def error(self, message: str, payload: dict | None = None) -> None:
        """Errors go to stderr; with --json the JSON object still goes to stdout."""
        if self.as_json:
            print(
                json.dumps({"ok": False, "error": message, **(payload or {})}, ensure_ascii=False)
            )
        print(message, file=sys.stderr)
