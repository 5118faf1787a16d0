"""The pledge members read and sign: a title and a text, identified by the SHA-256 of the text
in Unicode NFC (so the same words typed on another PC give the same hash)."""

from __future__ import annotations

import hashlib
import unicodedata
from dataclasses import dataclass

DEFAULT_TITLE = "党员身边无违章"
DEFAULT_TEXT = (
    "我是党员我承诺，我将严格遵守公司安全规程，从我做起，认真履职，安全作业，坚决执行上级工作要求，"
    "杜绝一切违章行为，为公司安全发展贡献力量。"
)
MAX_TITLE = 60
MAX_TEXT = 2000


def normalized(text: str) -> str:
    """The text as stored and hashed: NFC, without surrounding white space."""
    return unicodedata.normalize("NFC", text).strip()


def text_sha256(text: str) -> str:
    """SHA-256 (hex) of the UTF-8 bytes of the NFC text."""
    return hashlib.sha256(normalized(text).encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class PledgeText:
    title: str
    text: str

    @property
    def sha256(self) -> str:
        return text_sha256(self.text)


DEFAULT_PLEDGE = PledgeText(DEFAULT_TITLE, DEFAULT_TEXT)
