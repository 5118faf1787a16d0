"""Badge codes: what the badge's QR code holds and a USB scanner types, followed by Enter.

``RP1-`` then eight Crockford base-32 characters taken from the random tail of the attendee's
UUIDv7 and one check character (Luhn mod 32: every single mistyped character and every swap of
two neighbours is caught). Upper-case letters, digits and a hyphen only: the QR code's compact
alphanumeric mode, and the same keys on every keyboard layout a scanner emulates. Reading is
forgiving where it cannot be wrong: case, spaces, and O/I/L for 0/1/1.
"""

from __future__ import annotations

import uuid

PREFIX = "RP1-"
ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"  # Crockford: no I, L, O, U
BODY_LENGTH = 8
_VALUE = {char: index for index, char in enumerate(ALPHABET)}
_READ_AS = str.maketrans({"O": "0", "I": "1", "L": "1"})


def badge_code(attendee_id: uuid.UUID) -> str:
    """The badge code of an attendee: ``RP1-`` + 8 characters + a check character."""
    bits = attendee_id.int & ((1 << (5 * BODY_LENGTH)) - 1)  # the random tail
    body = "".join(ALPHABET[(bits >> (5 * i)) & 31] for i in reversed(range(BODY_LENGTH)))
    return PREFIX + body + _check_character(body)


def looks_like_badge(text: str) -> bool:
    """The text starts like a badge code (``RP1-``, any case): read it as one, not as a name."""
    return text.strip().upper().startswith(PREFIX)


def read_badge(text: str) -> str | None:
    """The badge code ``text`` holds, in canonical form, or None when it is not a valid one
    (wrong length, a character outside the alphabet, or a check character that does not fit)."""
    plain = "".join(text.split()).upper()
    if not plain.startswith(PREFIX):
        return None
    rest = plain[len(PREFIX) :].translate(_READ_AS)
    body, check = rest[:-1], rest[-1:]
    if len(body) != BODY_LENGTH or any(c not in _VALUE for c in rest):
        return None
    return PREFIX + body + check if _check_character(body) == check else None


def _check_character(body: str) -> str:
    """Luhn mod N over the code's characters (N = 32)."""
    total, factor = 0, 2
    for char in reversed(body):
        addend = factor * _VALUE[char]
        total += addend // 32 + addend % 32
        factor = 3 - factor
    return ALPHABET[(32 - total % 32) % 32]
