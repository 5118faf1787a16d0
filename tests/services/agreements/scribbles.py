"""Signatures as a secretary might draw them on the pad, for the agreement tests."""

from __future__ import annotations

from redpair_desktop.domain.signatures import DeviceKind, Point, Signature


def scribble(shift: int = 0, device: DeviceKind = DeviceKind.MOUSE) -> Signature:
    """A zigzag and a stroke under it: plenty of ink; ``shift`` makes another signature."""
    zigzag = tuple(
        Point(100 + 40 * i + shift, 300 + (200 if i % 2 else 0), 12 * i, 0.5) for i in range(20)
    )
    under = tuple(Point(150 + 30 * i, 700 - 10 * i + shift, 400 + 12 * i, 0.7) for i in range(15))
    return Signature((zigzag, under), 2667, device)


def dot() -> Signature:
    return Signature(((Point(500, 500, 0, 0.5), Point(503, 502, 8, 0.5)),), 2667, DeviceKind.PEN)
