"""The operator PIN that guards leaving the signature kiosk (until accounts arrive): 4 to 8
digits, kept only as an Argon2id hash in the settings file, and a back-off after wrong tries.

argon2 is imported when a PIN is hashed or checked, so importing this module stays light."""

from __future__ import annotations

import time
from collections.abc import Callable

from redpair_desktop.domain.errors import UserError
from redpair_desktop.i18n import _
from redpair_desktop.settings import PIN_HASH_PREFIX

MIN_DIGITS, MAX_DIGITS = 4, 8
FREE_TRIES = 3  # wrong tries before the first wait
FIRST_WAIT = 5.0  # seconds, doubled after each further wrong try
LONGEST_WAIT = 300.0


def checked_pin(pin: str) -> str:
    """The PIN if it is 4 to 8 digits; a ``UserError`` saying what a PIN must be otherwise."""
    if not (pin.isascii() and pin.isdigit() and MIN_DIGITS <= len(pin) <= MAX_DIGITS):
        raise UserError(_("PIN 须为 {low} 到 {high} 位数字。", low=MIN_DIGITS, high=MAX_DIGITS))
    return pin


def hash_pin(pin: str) -> str:
    """The Argon2id hash of a valid PIN (salted: two hashes of one PIN differ)."""
    from argon2 import PasswordHasher

    return PasswordHasher().hash(checked_pin(pin))


def check_pin(pin: str, pin_hash: str) -> bool:
    """Whether ``pin`` is the one ``pin_hash`` was made from; a damaged hash matches nothing."""
    from argon2 import PasswordHasher
    from argon2.exceptions import Argon2Error, InvalidHashError

    if not pin_hash.startswith(PIN_HASH_PREFIX):
        return False
    try:
        return PasswordHasher().verify(pin_hash, pin)
    except (Argon2Error, InvalidHashError):
        return False


class PinBackoff:
    """After ``FREE_TRIES`` wrong tries each further try waits: 5 s, then twice as long after
    every wrong try, at most 5 min; the right PIN resets it. ``clock`` gives seconds."""

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self.clock = clock
        self.failures = 0
        self._until = 0.0

    def wait_left(self) -> float:
        """Seconds before the next try may be checked (0 when it may be now)."""
        return max(0.0, self._until - self.clock())

    def failed(self) -> None:
        self.failures += 1
        if self.failures >= FREE_TRIES:
            doublings = min(self.failures - FREE_TRIES, 16)  # far past the longest wait
            self._until = self.clock() + min(FIRST_WAIT * 2**doublings, LONGEST_WAIT)

    def succeeded(self) -> None:
        self.failures, self._until = 0, 0.0
