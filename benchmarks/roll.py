"""A 200-signature 承诺签名册, warm: the app's build (layout, character checks, QR codes, each
signature PNG embedded as a 1-bit image mask from its own deflate data) against a bare
ReportLab Platypus table of the same rows and images (``Image`` flowables, which decode each
PNG with Pillow and store it again as RGB) in the same fonts, in the same run.

    .venv/bin/python benchmarks/roll.py [--runs 15]

Prints both medians, the ratio and whether each limit of issue 8 is met (the app in at most
1 s, and at most 1.5x the bare build); exit 1 when one is not. The signatures are made in code:
three pen strokes of a different wave each, 180 points, drawn by ``domain.signatures.to_png``.
"""

from __future__ import annotations

import argparse
import io
import math
import statistics
import sys
import time
import uuid
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta

from pypdf import PdfReader
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Image, Paragraph, SimpleDocTemplate, Table, TableStyle

from redpair_desktop.domain.activities.printouts import ActivitySheet, Counts, RollEntry
from redpair_desktop.domain.signatures import DeviceKind, Point, Signature, to_png
from redpair_desktop.reports.activities.roll import roll_pdf
from redpair_desktop.reports.fonts import FontRole, FontSet

SIGNERS = 200
SECONDS_LIMIT = 1.0
APP_OVER_BARE_LIMIT = 1.5
SURNAMES = "王李张刘陈杨黄赵周吴徐孙马胡朱郭何罗高林"
GIVEN = "振波娟雅建国晓明丽华志强海燕文静永红春梅"


def signature(index: int) -> bytes:
    strokes = tuple(
        tuple(
            Point(
                150 + stroke * 800 + step * 12,
                int(500 + 300 * math.sin(step / (3 + index % 7) + stroke + index)),
                step * 10,
                0.3 + 0.4 * (step % 3) / 2,
            )
            for step in range(60)
        )
        for stroke in range(3)
    )
    return to_png(Signature(strokes, 2600, DeviceKind.PEN))


def synthetic_sheet(count: int) -> ActivitySheet:
    start = datetime(2024, 3, 26, 1, tzinfo=UTC)
    entries = tuple(
        RollEntry(
            SURNAMES[i % 20] + GIVEN[i % 19] + GIVEN[(i * 7 + 3) % 19],
            "综合服务中心党支部",
            "正式党员",
            "present",
            signature_png=signature(i),
            signed_at=start + timedelta(seconds=20 * i),
        )
        for i in range(count)
    )
    return ActivitySheet(
        uuid.UUID(int=8), "启动仪式", "综合服务中心党支部与大坪供电所党支部结对共建启动仪式",
        date(2024, 3, 26), "大坪供电所", ("涂娟雅",), ("综合服务中心党支部", "大坪供电所党支部"),
        "党员身边无违章", "我是党员我承诺，我将严格遵守公司安全规程，从我做起，认真履职，安全作业，"
        "坚决执行上级工作要求，杜绝一切违章行为，为公司安全发展贡献力量。", "0" * 64, entries,
        Counts(count, count, 0, 0),
    )  # fmt: skip


def bare_build(sheet: ActivitySheet, fonts: FontSet) -> bytes:
    """The same title, pledge and rows as a Platypus table with one ``Image`` a row."""
    name = fonts.chain(FontRole.BODY)[0].name
    body = ParagraphStyle("body", fontName=name, fontSize=16, leading=28.95, wordWrap="CJK")
    rows: list[list[object]] = [["序号", "姓名", "党支部", "签名", "时间"]]
    for number, entry in enumerate(sheet.entries, start=1):
        image = Image(io.BytesIO(entry.signature_png or b""), width=36 * mm, height=8 * mm)
        rows.append([str(number), entry.name, entry.branch, image, f"{number}"])
    table = Table(rows, colWidths=[14 * mm, 25 * mm, 45 * mm, 44 * mm, 28 * mm],
                  rowHeights=28.95, repeatRows=1)  # fmt: skip
    table.setStyle(TableStyle([("FONT", (0, 0), (-1, -1), name, 14),
                               ("GRID", (0, 0), (-1, -1), 0.6, "black")]))  # fmt: skip
    story = [Paragraph(sheet.pledge_title, body), Paragraph(sheet.pledge_text, body), table]
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


def verdict(ok: bool) -> str:
    return "met" if ok else "NOT MET"


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--runs", type=int, default=15)
    runs = max(9, parser.parse_args().runs)
    fonts, sheet = FontSet(), synthetic_sheet(SIGNERS)
    medians = medians_ms(
        {"app": lambda: roll_pdf(sheet, fonts), "bare": lambda: bare_build(sheet, fonts)}, runs
    )
    app, bare = medians["app"], medians["bare"]
    pdf = roll_pdf(sheet, fonts)
    pages = len(PdfReader(io.BytesIO(pdf)).pages)
    print(f"承诺签名册, {SIGNERS} signatures ({pages} pages, {len(pdf) // 1024} KiB), "
          f"median of {runs}: {app:.1f} ms")  # fmt: skip
    print(f"bare ReportLab Platypus table, same rows and images: {bare:.1f} ms")
    fast = app <= SECONDS_LIMIT * 1000
    print(f"app: {app / 1000:.2f} s (limit {SECONDS_LIMIT:g} s): {verdict(fast)}")
    near = app / bare <= APP_OVER_BARE_LIMIT
    print(f"app / bare: {app / bare:.2f}x (limit {APP_OVER_BARE_LIMIT:g}x): {verdict(near)}")
    return 0 if fast and near else 1


if __name__ == "__main__":
    sys.exit(main())
