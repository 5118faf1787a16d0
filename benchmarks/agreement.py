"""A 2-page agreement PDF, warm: the app's build (layout, character checks, QR codes) against a
bare ReportLab Platypus build of the same text in the same fonts, in the same run.

    .venv/bin/python benchmarks/agreement.py --runs 25

Prints both medians and the ratio (issue 7: at most 2x). The LibreOffice comparison and the
PAdES signature's cost come with the signing work.
"""

from __future__ import annotations

import argparse
import io
import statistics
import time
import uuid
from collections.abc import Callable
from datetime import date

from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate

from redpair_desktop.domain.agreements.document import AgreementDocument, Party
from redpair_desktop.domain.agreements.template import AgreementFacts, default_clauses, preamble
from redpair_desktop.reports.agreements.pdf import agreement_pdf
from redpair_desktop.reports.fonts import FontRole, FontSet


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


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=25)
    runs = max(20, parser.parse_args().runs)
    fonts, document = FontSet(), reference_document()
    medians = medians_ms(
        {
            "app": lambda: agreement_pdf(document, fonts),
            "bare": lambda: bare_build(document, fonts),
        },
        runs,
    )
    app, bare = medians["app"], medians["bare"]
    pages = agreement_pdf(document, fonts).count(b"/Type /Page\n")
    print(f"agreement PDF ({pages} pages), median of {runs}: {app:.1f} ms")
    print(f"bare ReportLab Platypus, same text and fonts: {bare:.1f} ms")
    print(f"ratio: {app / bare:.2f}x (limit 2x)")


if __name__ == "__main__":
    main()
