"""Official font files from the settings: which faces they give, which files are refused."""

from __future__ import annotations

from pathlib import Path

import pytest
import reportlab

from redpair_desktop.domain.errors import UserError
from redpair_desktop.reports.fonts import (
    HEI,
    SONG,
    FontChoice,
    FontFile,
    FontRole,
    check_font_file,
    settings_fonts,
)
from redpair_desktop.settings import Settings, save_settings

LATIN_ONLY = Path(reportlab.__file__).parent / "fonts" / "Vera.ttf"


def test_the_settings_put_the_official_file_first_for_its_role_only(tmp_path):
    save_settings(tmp_path, Settings(font_files={"body": str(HEI.path), "nonsense": "/x.ttf"}))
    fonts = settings_fonts(tmp_path)
    assert "wqy-microhei" in fonts.chain(FontRole.BODY)[0].name
    assert "gbsn00lp" in fonts.chain(FontRole.TITLE)[0].name


def test_page_numbers_cannot_be_chosen():
    assert FontChoice.from_settings({"page_number": str(HEI.path)}).official == {}
    assert FontChoice.from_settings({"heading2": "/k.ttf"}).official == {
        FontRole.HEADING2: FontFile(Path("/k.ttf"))
    }


def test_a_bundled_font_passes_the_check():
    check_font_file(SONG.path)
    check_font_file(HEI.path)  # a .ttc collection


@pytest.mark.parametrize(
    ("make", "says"),
    [
        (lambda d: d / "missing.ttf", "找不到文件"),
        (lambda d: _write(d / "notes.ttf", "这不是字体".encode()), "不是 TrueType 或 OpenType"),
        (lambda d: _write(d / "cff.otf", b"OTTO" + bytes(200)), "PostScript 轮廓"),
        (lambda d: LATIN_ONLY, "缺少常用汉字"),
    ],
)
def test_files_the_printouts_cannot_use_are_refused_with_the_reason(tmp_path, make, says):
    with pytest.raises(UserError, match=says):
        check_font_file(make(tmp_path))


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path
