"""A handwritten signature as a plain value: strokes of timed, pressure-weighted points.

Coordinates are pad units: the pad is ``PAD_HEIGHT`` units high and as many wide as its aspect
gives, so a signature keeps its shape whatever the screen. The stored form is compact,
versioned and deterministic (JSON of integers, each point a delta from the one before), and
its SHA-256 is what a printout quotes to show the record was not changed. Rendering needs no
Qt: SVG path data, and a 1-bit PNG cropped to the ink for embedding in a PDF.

A signature drawn on a screen is a record of signing, not a reliable electronic signature in
the sense of Art. 13 of the Electronic Signature Law; ``honesty_notice`` says so to the user.
"""

from __future__ import annotations

import hashlib
import itertools
import json
import math
import struct
import zlib
from dataclasses import dataclass
from enum import StrEnum

from redpair_desktop.domain.errors import IntegrityProblem
from redpair_desktop.i18n import N_, _

FORMAT_VERSION = 1
PAD_HEIGHT = 1000  # the pad's height in pad units; its width follows the aspect
PRESSURE_STEPS = 1000  # pressure is kept in thousandths
NEUTRAL_PRESSURE = 0.5  # what a device without pressure (mouse, most touch screens) records
STROKE_WIDTH = PAD_HEIGHT / 70  # at neutral pressure, in pad units
MIN_PATH_LENGTH = PAD_HEIGHT / 2  # less ink than this is a dot or a tick, not a signature
MIN_INK_EXTENT = PAD_HEIGHT * 0.15  # the ink's larger side must reach this

HONESTY_NOTICE = N_(
    "手写签名仅作为签署记录，不是《电子签名法》第十三条所称的可靠电子签名；签署内容以哈希值防篡改。"
)


def honesty_notice() -> str:
    """What a signature captured on screen is and is not, in the current language."""
    return _(HONESTY_NOTICE)


class DeviceKind(StrEnum):
    MOUSE = "mouse"
    PEN = "pen"
    TOUCH = "touch"
    MIXED = "mixed"  # strokes made with different devices


@dataclass(frozen=True, slots=True)
class Point:
    x: int  # pad units, 0 … pad width
    y: int  # pad units, 0 … pad height, downwards
    t: int  # milliseconds since the signature's first touch
    pressure: float  # 0 … 1, kept in thousandths

    def __post_init__(self) -> None:
        quantised = round(min(max(self.pressure, 0.0), 1.0) * PRESSURE_STEPS) / PRESSURE_STEPS
        object.__setattr__(self, "pressure", quantised)


Stroke = tuple[Point, ...]


@dataclass(frozen=True, slots=True)
class InkBox:
    left: int
    top: int
    right: int
    bottom: int

    @property
    def width(self) -> int:
        return self.right - self.left

    @property
    def height(self) -> int:
        return self.bottom - self.top


@dataclass(frozen=True)
class Signature:
    strokes: tuple[Stroke, ...]
    width: int  # the pad's width in pad units
    device: DeviceKind
    height: int = PAD_HEIGHT

    @property
    def is_empty(self) -> bool:
        return not any(self.strokes)

    @property
    def path_length(self) -> float:
        """The length of all strokes together, in pad units."""
        return sum(
            math.dist((a.x, a.y), (b.x, b.y))
            for stroke in self.strokes
            for a, b in itertools.pairwise(stroke)
        )

    @property
    def ink_box(self) -> InkBox | None:
        points = [point for stroke in self.strokes for point in stroke]
        if not points:
            return None
        xs, ys = [p.x for p in points], [p.y for p in points]
        return InkBox(min(xs), min(ys), max(xs), max(ys))

    @property
    def has_enough_ink(self) -> bool:
        """A signature, not a dot or a tiny scribble: the strokes together are at least half
        the pad's height long and the ink spans at least 15 % of it one way or the other."""
        box = self.ink_box
        return (
            box is not None
            and max(box.width, box.height) >= MIN_INK_EXTENT
            and self.path_length >= MIN_PATH_LENGTH
        )

    def to_bytes(self) -> bytes:
        return encode(self)

    @property
    def sha256(self) -> str:
        return hashlib.sha256(encode(self)).hexdigest()


def stroke_width(pressure: float) -> float:
    """The pen's width in pad units at ``pressure``: 0.4× nominal lightly, 1.6× pressed hard."""
    return STROKE_WIDTH * (0.4 + 1.2 * pressure)


# --- the stored form ---------------------------------------------------------------------


def encode(signature: Signature) -> bytes:
    """``{"device":…,"pad":[w,h],"strokes":[[x,y,t,p, dx,dy,dt,dp, …], …],"v":1}``: the first
    point of each stroke absolute, the others as differences, pressure in thousandths."""
    document = {
        "v": FORMAT_VERSION,
        "pad": [signature.width, signature.height],
        "device": signature.device.value,
        "strokes": [_encode_stroke(stroke) for stroke in signature.strokes],
    }
    return json.dumps(document, separators=(",", ":"), sort_keys=True).encode("ascii")


def _encode_stroke(stroke: Stroke) -> list[int]:
    numbers: list[int] = []
    previous = (0, 0, 0, 0)
    for point in stroke:
        current = (point.x, point.y, point.t, round(point.pressure * PRESSURE_STEPS))
        numbers += [c - p for c, p in zip(current, previous, strict=True)]
        previous = current
    return numbers


def decode(data: bytes) -> Signature:
    """The signature ``encode`` wrote; ``IntegrityProblem`` when the data are not one."""
    try:
        document = json.loads(data.decode("ascii"))
        if document["v"] != FORMAT_VERSION:
            raise ValueError(f"format version {document['v']!r}")
        width, height = (_checked_int(n, 1, 1_000_000) for n in document["pad"])
        strokes = tuple(_decode_stroke(numbers, width, height) for numbers in document["strokes"])
        return Signature(strokes, width, DeviceKind(document["device"]), height)
    except (ValueError, KeyError, TypeError, UnicodeDecodeError) as error:
        raise IntegrityProblem(_("签名数据已损坏，无法读取。")) from error


def _decode_stroke(numbers: list[int], width: int, height: int) -> Stroke:
    if len(numbers) % 4:
        raise ValueError("a point needs four numbers")
    points = []
    x = y = t = p = 0
    for index in range(0, len(numbers), 4):
        dx, dy, dt, dp = (_checked_int(n, -(10**9), 10**9) for n in numbers[index : index + 4])
        x, y, t, p = x + dx, y + dy, t + dt, p + dp
        for value, high in ((x, width), (y, height), (t, 10**9), (p, PRESSURE_STEPS)):
            _checked_int(value, 0, high)
        points.append(Point(x, y, t, p / PRESSURE_STEPS))
    return tuple(points)


def _checked_int(value: object, low: int, high: int) -> int:
    if type(value) is not int or not low <= value <= high:
        raise ValueError(f"{value!r} is not an integer in {low} … {high}")
    return value


# --- drawing without Qt --------------------------------------------------------------------


def svg_path_data(stroke: Stroke, scale: float = 1.0) -> str:
    """The stroke as SVG path data, smoothed with quadratic curves through the midpoints."""
    xy = [(p.x * scale, p.y * scale) for p in stroke]
    if not xy:
        return ""
    commands = [f"M{xy[0][0]:.1f} {xy[0][1]:.1f}"]
    for (x0, y0), (x1, y1) in itertools.pairwise(xy[1:]):
        commands.append(f"Q{x0:.1f} {y0:.1f} {(x0 + x1) / 2:.1f} {(y0 + y1) / 2:.1f}")
    commands.append(f"L{xy[-1][0]:.1f} {xy[-1][1]:.1f}")
    return "".join(commands)


def to_svg(signature: Signature) -> str:
    """A whole SVG document of the pad; each stroke at the width of its mean pressure."""
    paths = []
    for stroke in signature.strokes:
        if stroke:
            width = stroke_width(sum(p.pressure for p in stroke) / len(stroke))
            paths.append(f'<path d="{svg_path_data(stroke)}" stroke-width="{width:.1f}"/>')
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" '
        f'viewBox="0 0 {signature.width} {signature.height}">'
        '<g fill="none" stroke="#000" stroke-linecap="round" stroke-linejoin="round">'
        + "".join(paths)
        + "</g></svg>"
    )


def to_png(signature: Signature, pad_height_px: int = 160) -> bytes:
    """A 1-bit PNG of the ink (black on white) cropped to it with a small margin, drawn at
    ``pad_height_px`` pixels for the pad's height: about 250 dpi when the pad is printed
    16 mm high. An empty signature gives a 1×1 white image."""
    scale = pad_height_px / signature.height
    box = signature.ink_box
    if box is None:
        return _png(1, 1, [0])
    margin = stroke_width(1.0) * scale / 2 + 2
    width = math.ceil(box.width * scale + 2 * margin)
    height = math.ceil(box.height * scale + 2 * margin)
    canvas = _Canvas(width, height)
    for stroke in signature.strokes:
        canvas.draw(
            [((p.x - box.left) * scale + margin, (p.y - box.top) * scale + margin) for p in stroke],
            [stroke_width(p.pressure) * scale / 2 for p in stroke],
        )
    return _png(width, height, canvas.rows())


class _Canvas:
    """The ink as one Python integer per row, a bit per pixel (leftmost pixel highest): the
    centre lines are set a pixel apart, one layer per pen width, and each layer is widened to
    its width by shifting whole rows, which costs a few big-integer operations per row."""

    def __init__(self, width: int, height: int) -> None:
        self.width, self.height = width, height
        self.bits = (width + 7) // 8 * 8
        self.layers: dict[int, list[int]] = {}  # twice the radius in pixels → rows

    def draw(self, points: list[tuple[float, float]], radii: list[float]) -> None:
        """The polyline through ``points``, ``radii[i]`` pixels wide on each side at point i."""
        if len(points) == 1:
            self._line(*points[0], *points[0], radii[0])
        for (x0, y0), (x1, y1), r0, r1 in zip(points, points[1:], radii, radii[1:], strict=False):
            self._line(x0, y0, x1, y1, (r0 + r1) / 2)

    def _line(self, x0: float, y0: float, x1: float, y1: float, radius: float) -> None:
        """The centre line of one segment, a point at least every pixel, in its width's layer."""
        key = max(1, round(radius * 2))
        layer = self.layers.get(key)
        if layer is None:
            layer = self.layers[key] = [0] * self.height
        steps = max(1, math.ceil(max(abs(x1 - x0), abs(y1 - y0))))
        dx, dy, top = (x1 - x0) / steps, (y1 - y0) / steps, self.bits - 1
        for step in range(steps + 1):
            layer[round(y0 + dy * step)] |= 1 << (top - round(x0 + dx * step))

    def rows(self) -> list[int]:
        """Each row's ink bits, every layer widened by its disc."""
        rows = [0] * self.height
        for key, layer in self.layers.items():
            for dy, half in _disc(key / 2):
                for y, centre in enumerate(layer):
                    if centre and 0 <= y + dy < self.height:
                        rows[y + dy] |= _spread(centre, half)
        return rows


def _disc(radius: float) -> list[tuple[int, int]]:
    """(row offset, half width) of each row of a disc of ``radius`` pixels."""
    reach = math.floor(radius)
    return [(dy, round(math.sqrt(radius * radius - dy * dy))) for dy in range(-reach, reach + 1)]


def _spread(row: int, half: int) -> int:
    wide = row
    for shift in range(1, half + 1):
        wide |= (row << shift) | (row >> shift)
    return wide


def _png(width: int, height: int, rows: list[int]) -> bytes:
    """A 1-bit greyscale PNG, white where ``rows`` have no ink bit, written with zlib alone."""
    row_bytes = (width + 7) // 8
    paper = (1 << row_bytes * 8) - 1
    raw = b"".join(b"\0" + (paper & ~row).to_bytes(row_bytes, "big") for row in rows)
    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + _chunk(b"IHDR", header)
        + _chunk(b"IDAT", zlib.compress(raw, 9))
        + _chunk(b"IEND", b"")
    )


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
