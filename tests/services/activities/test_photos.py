"""Photos: originals kept byte for byte, an upright display copy and thumbnail; anything that
is not a photo, or is enormous, refused with nothing stored."""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

import pytest
from PIL import Image

from redpair_desktop.domain.errors import UserError
from redpair_desktop.services.activities.photos import (
    add_photo,
    photos,
    remove_photo,
    set_caption,
)

ORIENTATION = 0x0112


def stored_files(data_dir: Path) -> set[Path]:
    """Every file under the photo folder (the demo data hold photos of their own)."""
    return {path.relative_to(data_dir) for path in (data_dir / "photos").rglob("*")}


def rotated_jpeg(path: Path) -> Path:
    """A 300×100 picture, red on the left, that the camera says to turn 90° clockwise (6)."""
    image = Image.new("RGB", (300, 100), "white")
    image.paste((255, 0, 0), (0, 0, 100, 100))
    exif = Image.Exif()
    exif[ORIENTATION] = 6
    image.save(path, "JPEG", exif=exif.tobytes(), quality=95)
    return path


def huge_png(path: Path, side: int = 40_000) -> Path:
    """A valid PNG header claiming side × side pixels (1.6 billion) over a few bytes of data."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    header = struct.pack(">IIBBBBB", side, side, 8, 0, 0, 0, 0)
    data = zlib.compress(b"\0" * 1000)
    path.write_bytes(
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", data) + chunk(b"IEND", b"")
    )
    return path


def test_an_exif_rotated_photo_is_stored_upright_and_the_original_kept(
    demo_workspace, activity_id, tmp_path
):
    source = rotated_jpeg(tmp_path / "IMG_0001.JPG")
    row = add_photo(demo_workspace.db, demo_workspace.data_dir, activity_id, source, " 合影 ")
    data_dir = demo_workspace.data_dir
    assert (data_dir / row.original_path).read_bytes() == source.read_bytes()
    assert (row.width, row.height, row.caption) == (100, 300, "合影")
    with Image.open(data_dir / row.display_path) as display:
        assert display.size == (100, 300)
        red, green, _blue = display.getpixel((50, 10))  # the red part now at the top
        assert red > 200 and green < 60
        assert display.getpixel((50, 290))[1] > 200
    with Image.open(data_dir / row.thumbnail_path) as thumbnail:
        assert max(thumbnail.size) <= 320
    set_caption(demo_workspace.db, row.id, "启动仪式合影")
    assert [p.caption for p in photos(demo_workspace.db, activity_id)] == ["启动仪式合影"]
    with pytest.raises(UserError, match="已经添加过"):
        add_photo(demo_workspace.db, data_dir, activity_id, source)
    remove_photo(demo_workspace.db, row.id)
    assert photos(demo_workspace.db, activity_id) == []
    assert add_photo(demo_workspace.db, data_dir, activity_id, source).sha256 == row.sha256


@pytest.mark.parametrize(
    ("make", "complaint"),
    [
        (
            lambda p: (p / "notes.jpg").write_text("这不是照片", encoding="utf-8"),
            "不是 JPEG 或 PNG 照片",
        ),
        (lambda p: huge_png(p / "bomb.png"), "尺寸过大"),
        (lambda p: (p / "empty.jpg").write_bytes(b""), "空文件"),
    ],
)
def test_not_a_photo_or_an_enormous_one_is_refused_with_nothing_stored(
    demo_workspace, activity_id, tmp_path, make, complaint
):
    folder = tmp_path / "in"
    folder.mkdir()
    make(folder)
    (source,) = folder.iterdir()
    before = stored_files(demo_workspace.data_dir)
    with pytest.raises(UserError, match=complaint):
        add_photo(demo_workspace.db, demo_workspace.data_dir, activity_id, source)
    assert photos(demo_workspace.db, activity_id) == []
    assert stored_files(demo_workspace.data_dir) == before


def test_a_file_over_the_size_limit_is_refused(demo_workspace, activity_id, tmp_path, monkeypatch):
    from redpair_desktop.services import images as module

    monkeypatch.setattr(module, "MAX_PHOTO_BYTES", 1000)
    source = rotated_jpeg(tmp_path / "big.jpg")
    before = stored_files(demo_workspace.data_dir)
    with pytest.raises(UserError, match="上限"):
        add_photo(demo_workspace.db, demo_workspace.data_dir, activity_id, source)
    assert stored_files(demo_workspace.data_dir) == before


def test_a_png_with_transparency_gets_a_white_display_copy(demo_workspace, activity_id, tmp_path):
    source = tmp_path / "logo.png"
    Image.new("RGBA", (40, 20), (0, 0, 0, 0)).save(source)
    row = add_photo(demo_workspace.db, demo_workspace.data_dir, activity_id, source)
    with Image.open(demo_workspace.data_dir / row.display_path) as display:
        assert display.mode == "RGB" and display.getpixel((5, 5)) == (255, 255, 255)
    assert row.original_path.endswith(".png")
