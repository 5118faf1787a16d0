"""Font roles of GB/T 9704 and the character-coverage check every printout goes through.

Each role (title 小标宋, body 仿宋, heading 黑体/楷体, page numbers 宋体) has a chain of faces: the
office's official TrueType file when the user named one (``FontChoice``), then the bundled open
fonts, ending in LXGW WenKai, the widest one (it has 𠮷 䶮 𬌗). Text is split into runs, one
per face, by the first face of the chain whose character map has the character; a character no
face has raises ``CharacterNotPrintable`` naming it and whose text it is in. ReportLab itself
would draw nothing there and write U+0000 into the text.

The bundled faces (resources/fonts, licences beside them):
- AR PL SungtiL GB (``gbsn00lp.ttf``, Arphic Public License, 5 MB): a 宋 face with all of
  GB 2312's 6,763 hanzi. It stands in for 仿宋 (no free 仿宋 covers simplified Chinese:
  cwTeX 仿宋 lacks 2,379 of GB 2312's hanzi), for 宋体 page numbers, and, drawn with a thin
  outline stroke, for 小标宋.
- WenQuanYi Micro Hei (黑体), LXGW WenKai (楷体 and the rare-character fallback).
"""

from __future__ import annotations

import enum
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from reportlab.pdfbase import pdfmetrics, ttfonts
from reportlab.pdfbase.ttfonts import TTFError, TTFont

from redpair_desktop.domain.errors import CharacterNotPrintable, UserError
from redpair_desktop.i18n import _
from redpair_desktop.resources import resource_path
from redpair_desktop.settings import load_settings


class FontRole(enum.Enum):
    TITLE = "title"
    BODY = "body"
    HEADING1 = "heading1"
    HEADING2 = "heading2"
    PAGE_NUMBER = "page_number"


@dataclass(frozen=True)
class FontFile:
    path: Path
    subfont: int = 0  # the face inside a .ttc collection


SONG = FontFile(resource_path("fonts", "gbsn00lp.ttf"))
HEI = FontFile(resource_path("fonts", "wqy-microhei.ttc"))
KAI = FontFile(resource_path("fonts", "LXGWWenKai-Regular.ttf"))
WIDEST = KAI
BUNDLED = {
    FontRole.TITLE: (SONG,),
    FontRole.BODY: (SONG,),
    FontRole.HEADING1: (HEI,),
    FontRole.HEADING2: (KAI,),
    FontRole.PAGE_NUMBER: (SONG,),
}
# The bundled song face has no bold weight: the title is drawn with a thin outline stroke.
STAND_IN_BOLD = {FontRole.TITLE: SONG}


# The roles 设置 lets the user give an official file for (page numbers stay bundled).
CHOOSABLE_ROLES = (FontRole.TITLE, FontRole.BODY, FontRole.HEADING1, FontRole.HEADING2)
# Words of the reference agreement: a face for Chinese text has (nearly) all of them.
CHECK_SAMPLE = (
    "中共咸宁供电公司综合服务中心党支部委员会大坪供电所"
    "结对共建协议书甲方乙方打基础树导向促规范年月日"
)
MOST = 0.9  # the share of the sample a face must have to be accepted


@dataclass(frozen=True)
class FontChoice:
    """Official faces the user pointed at (方正小标宋简体, 仿宋_GB2312, 黑体, 楷体_GB2312 …),
    tried before the bundled ones for their role."""

    official: dict[FontRole, FontFile] = field(default_factory=dict)

    @classmethod
    def from_settings(cls, font_files: dict[str, str]) -> FontChoice:
        """From ``Settings.font_files`` (role value → path); unknown roles are ignored."""
        roles = {role.value: role for role in CHOOSABLE_ROLES}
        return cls(
            {roles[key]: FontFile(Path(path)) for key, path in font_files.items() if key in roles}
        )


def settings_fonts(data_dir: Path) -> FontSet:
    """The faces every printout made for ``data_dir`` uses: its settings' official files
    first, then the bundled ones."""
    return FontSet(FontChoice.from_settings(load_settings(data_dir).font_files))


def check_font_file(path: Path) -> None:
    """Refuses, with a message saying why, a file the printouts cannot use: not a TrueType or
    OpenType font, PostScript (CFF) outlines ReportLab cannot embed, or a face without most
    of the common Chinese characters."""
    if not path.is_file():
        raise UserError(_("找不到文件“{path}”。", path=path))
    try:
        font = TTFont("redpair-check", str(path))
    except TTFError as error:
        if "postscript" in str(error).lower():
            raise UserError(
                _("“{path}”是 PostScript 轮廓（CFF）的 OpenType 字体，无法嵌入 PDF。"
                  "请选择 TrueType 轮廓的 .ttf 或 .ttc 文件。", path=path.name)
            ) from error  # fmt: skip
        raise UserError(
            _("“{path}”不是 TrueType 或 OpenType 字体文件。", path=path.name)
        ) from error
    missing = [c for c in dict.fromkeys(CHECK_SAMPLE) if ord(c) not in font.face.charToGlyph]
    if len(missing) > (1 - MOST) * len(set(CHECK_SAMPLE)):
        raise UserError(
            _("字体“{path}”缺少常用汉字（如“{chars}”），不能用于打印中文公文。",
              path=path.name, chars="".join(missing[:6]))
        )  # fmt: skip


@dataclass(frozen=True)
class Face:
    name: str  # registered with ReportLab
    font: TTFont
    bold_stroke: bool = False

    def has(self, char: str) -> bool:
        return ord(char) in self.font.face.charToGlyph

    def width(self, char: str) -> float:
        """The advance of ``char`` at 1 pt."""
        return self.font.face.getCharWidth(ord(char)) / 1000


@dataclass(frozen=True)
class Run:
    face: Face
    text: str


_loaded: dict[FontFile, Face] = {}


class FontSet:
    """The faces of every role, loaded once per process and shared by all printouts."""

    def __init__(self, choice: FontChoice | None = None) -> None:
        install_tounicode_fix()
        official = (choice or FontChoice()).official
        self._chains: dict[FontRole, tuple[Face, ...]] = {}
        for role, bundled in BUNDLED.items():
            files = [official[role]] if role in official else []
            files += [f for f in (*bundled, WIDEST) if f not in files]
            self._chains[role] = tuple(
                _with_bold(_load(f), role in STAND_IN_BOLD and f == STAND_IN_BOLD[role])
                for f in files
            )

    def chain(self, role: FontRole) -> tuple[Face, ...]:
        return self._chains[role]

    def runs(self, text: str, role: FontRole, whose: str) -> list[Run]:
        """``text`` split into runs per face; refuses a character no face of the chain has."""
        chain = self._chains[role]
        runs: list[Run] = []
        for char in unicodedata.normalize("NFC", text):
            face = next((f for f in chain if f.has(char)), None)
            if face is None:
                raise CharacterNotPrintable(char, whose)
            if runs and runs[-1].face is face:
                runs[-1] = Run(face, runs[-1].text + char)
            else:
                runs.append(Run(face, char))
        return runs


def _with_bold(face: Face, bold: bool) -> Face:
    return Face(face.name, face.font, bold_stroke=True) if bold else face


def _load(font_file: FontFile) -> Face:
    face = _loaded.get(font_file)
    if face is None:
        name = f"redpair-{len(_loaded)}-{font_file.path.stem}"
        try:
            font = TTFont(name, str(font_file.path), subfontIndex=font_file.subfont)
        except (OSError, TTFError) as error:
            raise UserError(
                _("无法使用字体文件“{path}”：{reason}。请在设置中改选一个 TrueType 字体文件。",
                  path=font_file.path, reason=error)
            ) from error  # fmt: skip
        pdfmetrics.registerFont(font)
        face = _loaded[font_file] = Face(name, font)
    return face


# --- ReportLab 5.1's ToUnicode CMap writes a non-BMP character (𠮷, U+20BB7) as five hex
# digits, which is not UTF-16: pdftotext and pypdf then lose it. The override below writes
# each code as UTF-16BE (a surrogate pair above U+FFFF) and is otherwise ReportLab's own CMap.
_original_cmap = ttfonts.makeToUnicodeCMap


def _utf16_hex(code: int) -> str:
    return chr(code).encode("utf-16-be").hex().upper()


def _to_unicode_cmap(fontname: str, subset: list[int]) -> str:
    cmap: str = _original_cmap(fontname, subset)
    for index, code in enumerate(subset):
        if code > 0xFFFF:
            cmap = cmap.replace(
                f"\n<{index:02X}> <{code:04X}>\n", f"\n<{index:02X}> <{_utf16_hex(code)}>\n"
            )
    return cmap


def install_tounicode_fix() -> None:
    """Idempotent: replaces ReportLab's ToUnicode CMap writer with the UTF-16 one."""
    ttfonts.makeToUnicodeCMap = _to_unicode_cmap
