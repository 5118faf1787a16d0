"""UUIDv7 identifiers (RFC 9562): time-ordered, so records made on many offline PCs never collide
and still sort by creation time."""

from __future__ import annotations

import os
import random
import threading
import time
import uuid
from collections.abc import Callable

IdFactory = Callable[[], uuid.UUID]


def uuid7_from(unix_ms: int, rand: bytes) -> uuid.UUID:
    """Build a version-7 UUID from a millisecond timestamp and 10 random bytes."""
    if len(rand) != 10:
        raise ValueError("uuid7 needs exactly 10 random bytes")
    value = (unix_ms & ((1 << 48) - 1)) << 80
    value |= int.from_bytes(rand, "big") & ((1 << 80) - 1)
    value &= ~(0xF << 76)
    value |= 0x7 << 76  # version
    value &= ~(0x3 << 62)
    value |= 0x2 << 62  # RFC 4122 variant
    return uuid.UUID(int=value)


class _MonotonicUuid7:
    """Thread-safe UUIDv7 source whose values strictly increase within one process."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._last = 0

    def __call__(self) -> uuid.UUID:
        with self._lock:
            candidate = uuid7_from(time.time_ns() // 1_000_000, os.urandom(10)).int
            if candidate <= self._last:
                candidate = self._last + 1
            self._last = candidate
            return uuid.UUID(int=candidate)


new_id: IdFactory = _MonotonicUuid7()


def seeded_id_factory(seed: int, start_ms: int) -> IdFactory:
    """A deterministic UUIDv7 source (for demo data): same seed, same ids, in order."""
    rng = random.Random(seed)
    counter = 0

    def factory() -> uuid.UUID:
        nonlocal counter
        counter += 1
        return uuid7_from(start_ms + counter, rng.randbytes(10))

    return factory
