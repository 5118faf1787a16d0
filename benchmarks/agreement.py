"""A 2-page agreement PDF, warm: the app's build (layout, character checks, QR codes) against a
bare ReportLab Platypus build of the same text in the same fonts, and against LibreOffice
converting the same text, written as a .docx, to PDF — all in the same run.

    .venv/bin/python benchmarks/agreement.py [--runs 25] [--soffice-runs 7]

Prints the three medians, both ratios and whether each limit of issue 7 is met (the app at
most 2x the bare build, LibreOffice at least 25x the app); exit 1 when one is not.

LibreOffice is for this benchmark only (not in scripts/setup.sh): on Debian

    sudo apt-get install -y --no-install-recommends libreoffice-writer-nogui

Without ``soffice`` on the PATH the comparison is skipped (said so, exit 0). The .docx is
written by hand (WordprocessingML, no extra package): A4, margins 37/35/28/26 mm, title 22 pt,
body 16 pt on a 28.95 pt line, the bundled fonts named, and made visible to LibreOffice
through a fontconfig file that adds resources/fonts. Each conversion is one
``soffice --headless --convert-to pdf`` process, as an office would run it, with a profile
kept in a temporary folder so that every run after the first, unmeasured one is warm.
"""

from __future__ import annotations

import argparse
import io
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
import zipfile
from collections.abc import Callable
from datetime import date
from pathlib import Path
from xml.sax.saxutils import escape

from pypdf import PdfReader
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate

from redpair_desktop.domain.agreements.document import AgreementDocument, Party
from redpair_desktop.domain.agreements.template import AgreementFacts, default_clauses, preamble
from redpair_desktop.reports.agreements.pdf import agreement_pdf
from redpair_desktop.reports.fonts import FontRole, FontSet
from redpair_desktop.resources import resource_path

APP_OVER_BARE_LIMIT = 2.0
SOFFICE_OVER_APP_LIMIT = 25.0
INSTALL_SOFFICE = "sudo apt-get install -y --no-install-recommends libreoffice-writer-nogui"


def reference_document() -> AgreementDocument:
    facts = AgreementFacts("综合服务中心党支部", "大坪供电所党支部", "涂娟雅", "陈振波",
                           date(2024, 3, 26), date(2027, 3, 26))  # fmt: skip
    clauses = default_clauses(facts)
    return AgreementDocument(
        parties=(
            Party("甲方", "中共国网咸宁供电公司综合服务中心支部委员会", "涂娟雅"),
            Party("乙方", "中共国网通城县供电公司大坪供电所支部委员会", "陈振波"),
        ),
        preamble=preamble(facts),
        clauses=clauses[:3],  # two pages
        started_on=facts.started_on,
        ended_on=facts.ended_on,
        copies=4,
        record_id=uuid.UUID(int=1),
        version=1,
        content_hash="0" * 64,
        signed_on=facts.started_on,
    )


def bare_build(document: AgreementDocument, fonts: FontSet) -> bytes:
    def style(role: FontRole, size: float, indent: float = 32) -> ParagraphStyle:
        name = fonts.chain(role)[0].name
        return ParagraphStyle(role.value, fontName=name, fontSize=size, leading=28.95,
                              firstLineIndent=indent, wordWrap="CJK")  # fmt: skip

    body, heading = style(FontRole.BODY, 16), style(FontRole.HEADING1, 16)
    story = [Paragraph(document.title, style(FontRole.TITLE, 22, 0))]
    story += [Paragraph(f"{p.label}：{p.seal_name}", body) for p in document.parties]
    story.append(Paragraph(document.preamble, body))
    for clause in document.clauses:
        story.append(Paragraph(clause.heading, heading))
        story += [Paragraph(item.subheading + item.text, body) for item in clause.items]
    story += [
        Paragraph(f"{p.label}（盖章）：{p.seal_name} 书记（签字）：", body)
        for p in document.parties
    ]
    buffer = io.BytesIO()
    SimpleDocTemplate(buffer, pagesize=A4, topMargin=37 * mm, leftMargin=28 * mm,
                      rightMargin=26 * mm, bottomMargin=35 * mm).build(story)  # fmt: skip
    return buffer.getvalue()


def medians_ms(builds: dict[str, Callable[[], object]], runs: int) -> dict[str, float]:
    """Each build's median, the builds interleaved so that machine noise hits them alike."""
    times: dict[str, list[float]] = {name: [] for name in builds}
    for build in builds.values():
        build()  # warm
    for _ in range(runs):
        for name, build in builds.items():
            start = time.perf_counter()
            build()
            times[name].append(time.perf_counter() - start)
    return {name: statistics.median(values) * 1000 for name, values in times.items()}


TWIPS_PER_MM = 1440 / 25.4
DOCX_TYPES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml"
 ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
</Types>"""
DOCX_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Target="word/document.xml"
 Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"/>
</Relationships>"""
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def docx_build(document: AgreementDocument, fonts: FontSet) -> bytes:
    """The same words as a .docx with a GB/T 9704-like page: what an office types in Word."""

    def run(text: str, role: FontRole, size: float) -> str:
        family = escape(fonts.chain(role)[0].font.face.familyName.decode())
        return (
            f'<w:r><w:rPr><w:rFonts w:ascii="{family}" w:hAnsi="{family}" '
            f'w:eastAsia="{family}"/><w:sz w:val="{round(size * 2)}"/></w:rPr>'
            f"<w:t>{escape(text)}</w:t></w:r>"
        )

    def paragraph(runs: str, indent: int = 2, centred: bool = False) -> str:
        align = '<w:jc w:val="center"/>' if centred else ""
        return (
            f'<w:p><w:pPr><w:spacing w:line="{round(28.95 * 20)}" w:lineRule="exact"/>'
            f'<w:ind w:firstLineChars="{indent * 100}" w:firstLine="{indent * 320}"/>'
            f"{align}</w:pPr>{runs}</w:p>"
        )

    body = [paragraph(run(document.title, FontRole.TITLE, 22), 0, centred=True)]
    body += [paragraph(run(f"{p.label}：{p.seal_name}", FontRole.BODY, 16), 0)
             for p in document.parties]  # fmt: skip
    body.append(paragraph(run(document.preamble, FontRole.BODY, 16)))
    for clause in document.clauses:
        body.append(paragraph(run(clause.heading, FontRole.HEADING1, 16)))
        for item in clause.items:
            sub = run(item.subheading, FontRole.HEADING2, 16) if item.subheading else ""
            body.append(paragraph(sub + run(item.text, FontRole.BODY, 16)))
    body += [
        paragraph(run(f"{p.label}（盖章）：{p.seal_name} 书记（签字）：", FontRole.BODY, 16))
        for p in document.parties
    ]
    margins = {"top": 37, "bottom": 35, "left": 28, "right": 26}
    margin = " ".join(f'w:{side}="{round(mm_ * TWIPS_PER_MM)}"' for side, mm_ in margins.items())
    section = (
        f'<w:sectPr><w:pgSz w:w="{round(210 * TWIPS_PER_MM)}" w:h="{round(297 * TWIPS_PER_MM)}"/>'
        f'<w:pgMar {margin} w:header="851" w:footer="992" w:gutter="0"/>'
        f'<w:docGrid w:type="linesAndChars" w:linePitch="{round(28.95 * 20)}"/></w:sectPr>'
    )
    xml = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="{W}">'
        f"<w:body>{''.join(body)}{section}</w:body></w:document>"
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as docx:
        docx.writestr("[Content_Types].xml", DOCX_TYPES)
        docx.writestr("_rels/.rels", DOCX_RELS)
        docx.writestr("word/document.xml", xml)
    return buffer.getvalue()


def soffice_conversion(soffice: str, docx: bytes, folder: Path) -> Callable[[], Path]:
    """One ``soffice --headless --convert-to pdf`` process per call, with a profile and the
    bundled fonts (through a fontconfig file) in ``folder``."""
    source = folder / "agreement.docx"
    source.write_bytes(docx)
    fonts_conf = folder / "fonts.conf"
    fonts_conf.write_text(
        '<?xml version="1.0"?><fontconfig><include ignore_missing="yes">/etc/fonts/fonts.conf'
        f"</include><dir>{resource_path('fonts')}</dir><cachedir>{folder / 'fontcache'}"
        "</cachedir></fontconfig>",
        encoding="utf-8",
    )
    command = [soffice, f"-env:UserInstallation={(folder / 'profile').as_uri()}", "--headless",
               "--convert-to", "pdf", "--outdir", str(folder / "out"), str(source)]  # fmt: skip
    environment = {"FONTCONFIG_FILE": str(fonts_conf), "PATH": "/usr/bin:/bin", "HOME": str(folder)}

    def convert() -> Path:
        subprocess.run(command, check=True, env=environment, capture_output=True)
        return folder / "out" / "agreement.pdf"

    return convert


def page_count(pdf: bytes) -> int:
    return len(PdfReader(io.BytesIO(pdf)).pages)


def verdict(ok: bool) -> str:
    return "met" if ok else "NOT MET"


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--runs", type=int, default=25)
    parser.add_argument("--soffice-runs", type=int, default=7)
    arguments = parser.parse_args()
    runs, soffice_runs = max(20, arguments.runs), max(5, arguments.soffice_runs)
    fonts, document = FontSet(), reference_document()
    medians = medians_ms(
        {
            "app": lambda: agreement_pdf(document, fonts),
            "bare": lambda: bare_build(document, fonts),
        },
        runs,
    )
    app, bare = medians["app"], medians["bare"]
    pages = page_count(agreement_pdf(document, fonts))
    print(f"agreement PDF ({pages} pages), median of {runs}: {app:.1f} ms")
    print(f"bare ReportLab Platypus, same text and fonts: {bare:.1f} ms")
    met = app / bare <= APP_OVER_BARE_LIMIT
    print(f"app / bare: {app / bare:.2f}x (limit {APP_OVER_BARE_LIMIT:g}x): {verdict(met)}")
    soffice = shutil.which("soffice")
    if soffice is None:
        print(f"LibreOffice comparison skipped: no soffice on the PATH. Install: {INSTALL_SOFFICE}")
        return 0 if met else 1
    with tempfile.TemporaryDirectory(prefix="redpair-bench-soffice-") as folder:
        convert = soffice_conversion(soffice, docx_build(document, fonts), Path(folder))
        office = medians_ms({"soffice": convert}, soffice_runs)["soffice"]
        office_pages = page_count(convert().read_bytes())
    print(f"LibreOffice .docx -> PDF ({office_pages} pages), median of {soffice_runs}, warm: "
          f"{office:.0f} ms")  # fmt: skip
    fast = office / app >= SOFFICE_OVER_APP_LIMIT
    print(f"LibreOffice / app: {office / app:.0f}x (limit at least "
          f"{SOFFICE_OVER_APP_LIMIT:g}x): {verdict(fast)}")  # fmt: skip
    return 0 if met and fast else 1


if __name__ == "__main__":
    sys.exit(main())
