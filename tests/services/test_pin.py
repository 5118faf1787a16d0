"""The operator PIN: 4 to 8 digits, kept as an Argon2id hash; wrong tries back off (5 s after the
third, doubling, at most 5 min), measured on an injected clock."""

from __future__ import annotations

import pytest

from redpair_desktop.domain.errors import UserError
from redpair_desktop.services.pin import PinBackoff, check_pin, checked_pin, hash_pin


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_a_pin_hashes_to_argon2id_and_checks():
    pin_hash = hash_pin("2468")
    assert pin_hash.startswith("$argon2id$")
    assert "2468" not in pin_hash
    assert check_pin("2468", pin_hash)
    assert not check_pin("2469", pin_hash)
    assert hash_pin("2468") != pin_hash  # salted


@pytest.mark.parametrize("pin", ["123", "123456789", "12a4", "１２３４", "", " 1234", "12 34"])
def test_a_pin_must_be_four_to_eight_digits(pin):
    with pytest.raises(UserError, match="4 到 8 位数字"):
        checked_pin(pin)
    with pytest.raises(UserError):
        hash_pin(pin)


def test_eight_digits_are_fine():
    assert checked_pin("12345678") == "12345678"


@pytest.mark.parametrize("damaged", ["", "1234", "$argon2id$v=19$nonsense", "$2b$12$xyz"])
def test_a_damaged_hash_matches_nothing(damaged):
    assert not check_pin("1234", damaged)


def test_three_wrong_tries_then_five_seconds_doubling_up_to_five_minutes():
    clock = Clock()
    backoff = PinBackoff(clock)
    backoff.failed()
    backoff.failed()
    assert backoff.wait_left() == 0
    waits = []
    for _try in range(10):
        backoff.failed()
        waits.append(backoff.wait_left())
        clock.now += waits[-1]
        assert backoff.wait_left() == 0
    assert waits == [5, 10, 20, 40, 80, 160, 300, 300, 300, 300]


def test_the_wait_runs_down_with_the_clock_and_the_right_pin_resets_it():
    clock = Clock()
    backoff = PinBackoff(clock)
    for _try in range(4):
        backoff.failed()
    assert backoff.wait_left() == 10
    clock.now += 7.5
    assert backoff.wait_left() == 2.5
    backoff.succeeded()
    assert backoff.wait_left() == 0 and backoff.failures == 0
    backoff.failed()
    assert backoff.wait_left() == 0


def test_very_many_wrong_tries_still_wait_five_minutes():
    backoff = PinBackoff(Clock())
    for _try in range(5000):
        backoff.failed()
    assert backoff.wait_left() == 300
