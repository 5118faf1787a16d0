"""Signatures as plain values: the stored form, its hash, the ink rule, the Qt-free drawings."""

import io
import math
import xml.etree.ElementTree as ET

import pytest
from hypothesis import given
from hypothesis import strategies as st
from PIL import Image

from redpair_desktop.domain.errors import IntegrityProblem
from redpair_desktop.domain.signatures import (
    PAD_HEIGHT,
    DeviceKind,
    Point,
    Signature,
    decode,
    encode,
    svg_path_data,
    to_png,
    to_svg,
)


def wave(left: int, top: int, width: int, height: int, start_ms: int, count: int = 40):
    """A stroke like a handwritten curve: across ``width``, up and down over ``height``."""
    return tuple(
        Point(
            left + width * i // count,
            top + round(height / 2 * (1 + math.sin(i / 3))),
            start_ms + 9 * i,
            0.3 + 0.5 * abs(math.sin(i / 5)),
        )
        for i in range(count + 1)
    )


def handwritten() -> Signature:
    strokes = tuple(wave(200 + 500 * n, 250, 400, 450, 700 * n) for n in range(4))
    return Signature(strokes, 2600, DeviceKind.PEN)


TINY = Signature(((Point(10, 10, 0, 0.5), Point(12, 11, 8, 0.5)),), 2600, DeviceKind.MOUSE)


def test_the_stored_form_is_compact_json_of_integers_with_deltas():
    signature = Signature(
        ((Point(100, 200, 0, 0.5), Point(103, 198, 16, 0.6)), (Point(400, 500, 900, 1.0),)),
        2600,
        DeviceKind.TOUCH,
    )
    assert encode(signature) == (
        b'{"device":"touch","pad":[2600,1000],'
        b'"strokes":[[100,200,0,500,3,-2,16,100],[400,500,900,1000]],"v":1}'
    )


def test_a_signature_comes_back_exactly_from_its_bytes():
    signature = handwritten()
    assert decode(signature.to_bytes()) == signature
    assert decode(signature.to_bytes()).to_bytes() == signature.to_bytes()


points = st.builds(
    Point,
    st.integers(0, 2600),
    st.integers(0, PAD_HEIGHT),
    st.integers(0, 10**6),
    st.floats(0, 1),
)


@given(st.lists(st.lists(points, max_size=20).map(tuple), max_size=6))
def test_any_signature_round_trips(strokes):
    signature = Signature(tuple(strokes), 2600, DeviceKind.MIXED)
    assert decode(encode(signature)) == signature


def test_pressure_is_kept_in_thousandths_and_within_0_to_1():
    assert Point(0, 0, 0, 0.12345).pressure == 0.123
    assert Point(0, 0, 0, 1.7).pressure == 1.0
    assert Point(0, 0, 0, -0.2).pressure == 0.0


def test_the_hash_is_stable_and_changes_with_any_point():
    signature = handwritten()
    assert signature.sha256 == handwritten().sha256
    assert signature.sha256 == "e7edec237aabde219654e4410dcb9841440821c3cc7ab9208f4947180274632c"
    first, *others = signature.strokes
    moved = (Point(first[0].x + 1, first[0].y, first[0].t, first[0].pressure), *first[1:])
    assert Signature((moved, *others), 2600, DeviceKind.PEN).sha256 != signature.sha256


@pytest.mark.parametrize(
    "data",
    [
        b"not json",
        b'{"device":"pen","pad":[2600,1000],"strokes":[],"v":2}',
        b'{"device":"pen","pad":[2600,1000],"strokes":[[1,2,3]],"v":1}',
        b'{"device":"pen","pad":[2600,1000],"strokes":[[3000,2,3,4]],"v":1}',
        b'{"device":"pen","pad":[2600,1000],"strokes":[[1,2,3,1001]],"v":1}',
        b'{"device":"pen","pad":[2600,1000],"strokes":[[1,2,3,4.5]],"v":1}',
        b'{"device":"quill","pad":[2600,1000],"strokes":[],"v":1}',
        b'{"device":"pen","strokes":[],"v":1}',
        "签名".encode(),
    ],
)
def test_damaged_data_are_refused_with_a_message(data):
    with pytest.raises(IntegrityProblem, match="签名数据已损坏"):
        decode(data)


def test_an_empty_pad_is_empty_and_has_no_ink():
    for empty in (Signature((), 2600, DeviceKind.MOUSE), Signature(((),), 2600, DeviceKind.PEN)):
        assert empty.is_empty
        assert empty.ink_box is None
        assert not empty.has_enough_ink
    assert not handwritten().is_empty


def test_a_dot_or_a_tiny_scribble_is_not_enough_ink():
    dot = Signature(((Point(500, 500, 0, 0.5),),), 2600, DeviceKind.PEN)
    scribble = Signature((wave(500, 500, 60, 60, 0),), 2600, DeviceKind.PEN)
    assert not dot.has_enough_ink
    assert not TINY.has_enough_ink
    assert scribble.path_length > 100 and not scribble.has_enough_ink
    assert handwritten().has_enough_ink


def test_the_ink_rule_needs_both_length_and_extent():
    def line(length: int) -> Signature:
        stroke = (Point(100, 500, 0, 0.5), Point(100 + length, 500, 200, 0.5))
        return Signature((stroke,), 2600, DeviceKind.MOUSE)

    assert not line(499).has_enough_ink  # wide enough, too short
    assert line(500).has_enough_ink
    back_and_forth = tuple(Point(100 + 100 * (i % 2), 500, 10 * i, 0.5) for i in range(8))
    short_wide = Signature((back_and_forth,), 2600, DeviceKind.MOUSE)
    assert short_wide.path_length >= 500 and not short_wide.has_enough_ink  # long, too small


def test_the_png_is_small_cropped_to_the_ink_and_decodes():
    signature = handwritten()
    png = to_png(signature)
    image = Image.open(io.BytesIO(png))
    image.load()
    assert image.mode == "1"
    box = signature.ink_box
    assert box is not None
    scale = 160 / PAD_HEIGHT
    assert box.width * scale < image.width < box.width * scale + 12
    assert box.height * scale < image.height < box.height * scale + 12
    assert len(png) < 2000
    grey = image.convert("L")
    corners = [(0, 0), (image.width - 1, 0), (0, image.height - 1)]
    assert all(grey.getpixel(corner) == 255 for corner in corners)
    first = signature.strokes[0][0]
    ink_at = (round((first.x - box.left) * scale) + 4, round((first.y - box.top) * scale) + 4)
    assert grey.getpixel(ink_at) == 0
    dark = grey.histogram()[0]
    assert 0.03 < dark / (image.width * image.height) < 0.5


def test_the_png_is_drawn_at_the_asked_size():
    small = Image.open(io.BytesIO(to_png(handwritten(), pad_height_px=80)))
    large = Image.open(io.BytesIO(to_png(handwritten(), pad_height_px=320)))
    assert 3.5 < large.width / small.width < 4.5


def test_an_empty_signature_is_a_blank_png():
    image = Image.open(io.BytesIO(to_png(Signature((), 2600, DeviceKind.MOUSE))))
    assert image.size == (1, 1) and image.convert("L").getpixel((0, 0)) == 255


def test_the_svg_has_one_smoothed_path_per_stroke():
    signature = handwritten()
    root = ET.fromstring(to_svg(signature))
    assert root.get("viewBox") == "0 0 2600 1000"
    paths = root.findall(".//{http://www.w3.org/2000/svg}path")
    assert len(paths) == len(signature.strokes)
    first = signature.strokes[0]
    assert paths[0].get("d") == svg_path_data(first)
    assert svg_path_data(first).startswith(f"M{first[0].x:.1f} {first[0].y:.1f}Q")
    assert 5 < float(paths[0].get("stroke-width")) < 25
