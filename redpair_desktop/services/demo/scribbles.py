"""Synthetic handwritten signatures for the demo: a few cursive strokes per character of the
name, the same strokes every time for the same name (the random source is seeded by it)."""

from __future__ import annotations

import math
import random

from redpair_desktop.domain.signatures import PAD_HEIGHT, DeviceKind, Point, Signature, Stroke

PAD_WIDTH = 3 * PAD_HEIGHT
CELL = 800  # pad units a character takes
POINTS = 28  # per stroke
STEP_MS = 11


def demo_signature(name: str) -> Signature:
    """A plausible signature of ``name`` drawn with a pen: two or three strokes a character."""
    rng = random.Random(f"redpair-demo-signature:{name}")
    strokes: list[Stroke] = []
    clock = 0
    for index in range(len(name)):
        left = 180 + index * CELL * rng.uniform(0.8, 0.95)
        for _ in range(rng.randint(2, 3)):
            stroke = _stroke(rng, left, clock)
            strokes.append(stroke)
            clock = stroke[-1].t + rng.randint(120, 260)
    return Signature(tuple(strokes), PAD_WIDTH, DeviceKind.PEN)


def _stroke(rng: random.Random, left: float, start_ms: int) -> Stroke:
    """One cursive stroke: loops drifting right (a slanted cycloid), pressed harder in the
    middle."""
    width, height = rng.uniform(0.45, 0.7) * CELL, rng.uniform(0.25, 0.45) * PAD_HEIGHT
    middle = rng.uniform(0.4, 0.6) * PAD_HEIGHT
    loop = rng.uniform(0.08, 0.16) * CELL
    turns, phase, slant = rng.uniform(1.2, 2.2), rng.uniform(0, math.tau), rng.uniform(0.15, 0.35)
    points = []
    for step in range(POINTS):
        share = step / (POINTS - 1)
        angle = math.tau * turns * share + phase
        y = middle - height / 2 * math.sin(angle)
        x = left + width * share - loop * math.cos(angle) + slant * (middle - y)
        pressure = 0.35 + 0.45 * math.sin(math.pi * share)
        points.append(Point(round(x), round(y), start_ms + step * STEP_MS, pressure))
    return tuple(points)
