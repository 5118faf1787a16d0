"""The agreement PDF read back: geometry on the GB/T 9704 grid, fonts, text, rare characters."""

from __future__ import annotations

import io
import subprocess
from collections import Counter

import pdfplumber
import pypdf
import pytest

from redpair_desktop.domain.agreements.document import ClauseItem
from redpair_desktop.domain.errors import CharacterNotPrintable, UserError
from redpair_desktop.reports.agreements.layout import agreement_lines
from redpair_desktop.reports.agreements.pdf import agreement_pdf
from redpair_desktop.reports.fonts import FontRole
from redpair_desktop.reports.grid import Typesetter
from redpair_desktop.reports.page import LINES_PER_PAGE, paginate
from tests.reports.agreements.conftest import LEAD, STATION, make_document

MM = 72 / 25.4
BLOCK = (28 * MM, 37 * MM, (28 + 156) * MM, (37 + 225) * MM)  # x0, top, x1, bottom
TOLERANCE = 0.5 * MM
MARGIN_BAND = (37 + 225) * MM  # below it: page numbers and the QR code


def pdf_of(document, fonts):
    return pdfplumber.open(io.BytesIO(agreement_pdf(document, fonts)))


@pytest.fixture(scope="module")
def reference(fonts):
    return agreement_pdf(make_document(), fonts)


def text_chars(page):
    return [c for c in page.chars if c["top"] < MARGIN_BAND and c["text"].strip()]


def test_every_character_sits_inside_the_text_block(reference):
    x0, top, x1, bottom = BLOCK
    with pdfplumber.open(io.BytesIO(reference)) as pdf:
        assert len(pdf.pages) >= 2
        for page in pdf.pages:
            chars = text_chars(page)
            assert chars
            for c in chars:
                assert x0 - TOLERANCE <= c["x0"] and c["x1"] <= x1 + TOLERANCE, c
                assert top - TOLERANCE <= c["top"] and c["bottom"] <= bottom + TOLERANCE, c


def test_title_is_22_pt_and_body_16_pt_on_at_most_22_lines(reference):
    with pdfplumber.open(io.BytesIO(reference)) as pdf:
        first = text_chars(pdf.pages[0])
        title = [c for c in first if round(c["size"]) == 22]
        assert "".join(c["text"] for c in title) == "党支部结对共建协议书"
        for page in pdf.pages:
            sizes = Counter(round(c["size"], 1) for c in text_chars(page))
            assert set(sizes) <= {22.0, 16.0}
            baselines = {round(c["y1"] - c["size"], 1) for c in text_chars(page)}
            assert len(baselines) <= LINES_PER_PAGE


def _render_modes_by_size(data: bytes) -> dict[float, set[int]]:
    """Each font size drawn, with the text render modes (0 fill, 2 fill and stroke) it was
    drawn in: the graphics state a viewer keeps, followed through every page's operators."""
    seen: dict[float, set[int]] = {}
    for page in pypdf.PdfReader(io.BytesIO(data)).pages:
        mode, size = 0, 0.0
        for operands, operator in pypdf.generic.ContentStream(page.get_contents(), None).operations:
            if operator == b"Tr":
                mode = int(operands[0])
            elif operator == b"Tf":
                size = round(float(operands[1]), 1)
            elif operator in (b"Tj", b"TJ"):
                seen.setdefault(size, set()).add(mode)
    return seen


def test_only_the_title_is_outlined_and_the_text_after_it_is_not(reference):
    # The bundled song face has no bold: the 22 pt title is filled and stroked. Everything
    # after it — body, headings, page numbers — must be filled only, on every page.
    modes = _render_modes_by_size(reference)
    assert modes.pop(22.0) == {2}
    assert modes and all(drawn == {0} for drawn in modes.values()), modes


def test_fonts_are_embedded_and_text_extractable(reference):
    reader = pypdf.PdfReader(io.BytesIO(reference))
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            if font.get_object()["/BaseFont"] == "/Helvetica":
                continue  # ReportLab's initial font, listed but never used
            descriptor = font.get_object()["/FontDescriptor"].get_object()
            assert "/FontFile2" in descriptor
    text = "".join(page.extract_text() for page in reader.pages).replace("\n", "")
    assert LEAD in text and STATION in text and "陈振波" in text


def test_a_character_no_font_has_is_refused_and_named(fonts):
    document = make_document(station_secretary="陈\ue000波")
    with pytest.raises(CharacterNotPrintable) as caught:
        agreement_pdf(document, fonts)
    assert "U+E000" in caught.value.message and "陈\ue000波" in caught.value.message


def test_an_unassigned_code_point_is_refused(fonts):
    with pytest.raises(CharacterNotPrintable, match=r"U\+0378"):
        fonts.runs("陈\u0378", FontRole.BODY, "陈")


def test_a_rare_character_falls_back_and_is_drawn(fonts):
    runs = fonts.runs("李䶮", FontRole.BODY, "李䶮")
    assert [run.text for run in runs] == ["李", "䶮"] and runs[0].face is not runs[1].face
    face = runs[1].face.font.face
    glyph = face.charToGlyph[ord("䶮")]
    assert glyph != 0 and face.glyphPos[glyph + 1] > face.glyphPos[glyph]
    with pdf_of(make_document(station_secretary="李䶮"), fonts) as pdf:
        page = next(p for p in pdf.pages if any(c["text"] == "䶮" for c in p.chars))
        char = next(c for c in page.chars if c["text"] == "䶮")
        image = page.crop((char["x0"], char["top"], char["x1"], char["bottom"])).to_image(
            resolution=150
        )
        ink = sum(1 for value in image.original.convert("L").tobytes() if value < 128)
        assert ink > 20


def test_a_non_bmp_character_comes_back_exact(fonts, tmp_path):
    path = tmp_path / "jie.pdf"
    path.write_bytes(agreement_pdf(make_document(station_secretary="𠮷振波"), fonts))
    pdftotext = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, check=True)
    assert "𠮷振波" in pdftotext.stdout.decode("utf-8").replace("\n", "")
    text = "".join(page.extract_text() for page in pypdf.PdfReader(path).pages)
    assert "𠮷振波" in text.replace("\n", "")


def test_the_signature_block_never_stands_alone(fonts):
    setter = Typesetter(fonts)
    for extra in range(LINES_PER_PAGE):
        items = tuple(ClauseItem("共建" * 13) for _ in range(extra))
        document = make_document()
        clauses = (
            *document.clauses[:-1],
            type(document.clauses[-1])("六、其他", items or document.clauses[-1].items),
        )
        pages = paginate(agreement_lines(make_document(clauses=clauses), setter))
        last = pages[-1]
        signature_start = next(i for i, line in enumerate(last) if _starts_signatures(line))
        assert signature_start >= 2, f"{extra}: the signature block has no body line above it"


def _starts_signatures(line):
    return line.segments and line.segments[0].runs[0].text.startswith("甲方（盖章）")


def test_a_seal_name_too_long_for_the_signature_block_is_refused(fonts):
    document = make_document()
    parties = (
        document.parties[0],
        type(document.parties[1])("乙方", "中共" + "很长" * 20, "陈振波"),
    )
    with pytest.raises(UserError, match="太长"):
        agreement_pdf(make_document(parties=parties), fonts)


def test_the_qr_code_and_subject_carry_the_record(reference):
    reader = pypdf.PdfReader(io.BytesIO(reference))
    assert f"id={make_document().record_id}" in reader.metadata.subject
    assert "sha256=" + "0" * 64 in reader.metadata.subject


SEAL_DIAMETER = 42 * MM  # a round Party-branch seal


def _line_of(page, start, x_from, x_to):
    """The characters of the line that starts with ``start`` in the column [x_from, x_to)."""
    chars = [c for c in text_chars(page) if x_from <= c["x0"] < x_to]
    tops = sorted({round(c["top"], 1) for c in chars})
    for top in tops:
        line = sorted((c for c in chars if round(c["top"], 1) == top), key=lambda c: c["x0"])
        if "".join(c["text"] for c in line).startswith(start):
            return line
    raise AssertionError(f"no line starting with {start}")


def test_each_party_has_room_for_a_round_seal_above_the_date(reference):
    """Between the party line and the signing line (and so the date) each column leaves a
    42 mm seal's height; a seal centred on the seal name stays in the block and clear of the
    other party's seal."""
    with pdfplumber.open(io.BytesIO(reference)) as pdf:
        page = pdf.pages[-1]
        middle = BLOCK[0] + 14 * 156 / 28 * MM
        columns = ((BLOCK[0], middle, "甲方（盖章）"), (middle, BLOCK[2], "乙方（盖章）"))
        centres = []
        for x_from, x_to, label in columns:
            party = _line_of(page, label, x_from, x_to)
            signing = _line_of(page, "书记（签字）", x_from, x_to)
            date = _line_of(page, "2024年3月26日", x_from, x_to)
            party_bottom = max(c["bottom"] for c in party)
            signing_top = min(c["top"] for c in signing)
            assert signing_top - party_bottom >= SEAL_DIAMETER
            assert min(c["top"] for c in date) - party_bottom >= SEAL_DIAMETER
            name = [c for c in text_chars(page) if x_from <= c["x0"] < x_to]
            name = [c for c in name if party_bottom < c["top"] < signing_top]
            assert "".join(c["text"] for c in name) in (LEAD, STATION)
            centre = (min(c["x0"] for c in name) + max(c["x1"] for c in name)) / 2
            assert BLOCK[0] - TOLERANCE <= centre - SEAL_DIAMETER / 2
            assert centre + SEAL_DIAMETER / 2 <= BLOCK[2] + TOLERANCE
            centres.append(centre)
        assert centres[1] - centres[0] >= SEAL_DIAMETER  # the two seals never overlap


def _with_last_clause(heading, text):
    document = make_document()
    last = type(document.clauses[-1])(heading, (ClauseItem(text),))
    return make_document(clauses=(*document.clauses[:-1], last))


def test_a_clause_heading_over_one_line_is_refused_naming_it(fonts):
    heading = "六、" + "其他约定" * 8
    with pytest.raises(UserError) as refusal:
        agreement_pdf(_with_last_clause(heading, "本协议未尽事宜，由双方友好协商解决。"), fonts)
    assert f"条款标题“{heading}”太长" in refusal.value.message and "请缩短" in refusal.value.message


def test_a_long_clause_flows_over_pages_inside_the_block(fonts):
    """A user who writes a long clause expects it to go on over the next page, as in Word."""
    text = "双方共同推进党建与业务深度融合，" * 150  # 2,400 characters: about four pages
    with pdf_of(_with_last_clause("六、其他", text), fonts) as pdf:
        assert len(pdf.pages) >= 6
        x0, top, x1, bottom = BLOCK
        for page in pdf.pages:
            for c in text_chars(page):
                assert x0 - TOLERANCE <= c["x0"] and c["x1"] <= x1 + TOLERANCE, c
                assert top - TOLERANCE <= c["top"] and c["bottom"] <= bottom + TOLERANCE, c
        text_back = "".join(c["text"] for page in pdf.pages for c in text_chars(page))
        assert text.replace("，", "") in text_back.replace("，", "")


def test_a_clause_too_long_for_any_printout_is_refused_naming_it(fonts):
    with pytest.raises(UserError) as refusal:
        agreement_pdf(_with_last_clause("六、其他", "共建" * 20_000), fonts)
    assert refusal.value.message.startswith("协议书超过 60 页，无法打印。最长的是条款“六、其他”")
