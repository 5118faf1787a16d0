"""The inspection printout, warm: the demo's reference inspection (30 items, 2 photos, 2
signatures, read from the demo database as the CLI does) and a 128-pole patrol's worth of rows —
128 items, 20 of them failed with a photo each (320 px thumbnails, as the photo store keeps) and
both signatures — built by ``inspection_pdf``.

    .venv/bin/python benchmarks/inspection.py [--runs 9]

Prints each median and whether the 128-item one meets issue 9's limit (its PDF in at most 2 s);
exit 1 when it does not.
"""

from __future__ import annotations

import argparse
import dataclasses
import io
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from PIL import Image, ImageDraw
from pypdf import PdfReader

from redpair_desktop.domain.inspections.printouts import (
    InspectionSheet,
    SheetAnswer,
    SheetItem,
    SheetSection,
)
from redpair_desktop.reports.fonts import FontSet
from redpair_desktop.reports.inspections.report import inspection_pdf
from redpair_desktop.services.demo.loader import load_demo
from redpair_desktop.services.inspections.sheets import inspection_sheet
from redpair_desktop.services.workspace import open_workspace

POLES = 128
PHOTOS = 20
PER_SECTION = 16
SECONDS_LIMIT = 2.0
NORMAL = SheetAnswer("正常", "#2e7d32", False)
DEFECT = SheetAnswer("缺陷", "#c62828", True, "杆身裂纹，需更换")


def photo_files(data_dir: Path, count: int) -> list[str]:
    """``count`` different 320 × 240 JPEG thumbnails under ``data_dir``, relative paths."""
    paths = []
    for index in range(count):
        picture = Image.new("RGB", (320, 240), (90 + index * 7, 120, 150))
        ImageDraw.Draw(picture).rectangle((40 + index, 40, 200, 180), outline="white", width=6)
        relative = f"photos/thumbnails/bench-{index}.jpg"
        (data_dir / relative).parent.mkdir(parents=True, exist_ok=True)
        picture.save(data_dir / relative, "JPEG", quality=85)
        paths.append(relative)
    return paths


def patrol_sheet(reference: InspectionSheet, photos: list[str]) -> InspectionSheet:
    """The reference sheet with 128 pole items, every 6th failed with one photo (20 in all)."""
    shots = dict(zip(range(0, POLES, 6), photos, strict=False))
    items = [
        SheetItem(f"pole.{index + 1}", f"{index + 1}号水泥杆：杆身、拉线、绝缘子", True, 1,
                  DEFECT if index in shots else NORMAL, NORMAL,
                  (shots[index],) if index in shots else ())
        for index in range(POLES)
    ]  # fmt: skip
    sections = tuple(
        SheetSection(
            "10 kV 线路巡视",
            f"内冲线 {start + 1}–{start + PER_SECTION}号杆",
            tuple(items[start : start + PER_SECTION]),
            90.0,
        )
        for start in range(0, POLES, PER_SECTION)
    )
    flagged = tuple(item for item in items if item.photos)
    return dataclasses.replace(reference, sections=sections, flagged=flagged, findings=())


def median_ms(build: Callable[[], bytes], runs: int) -> float:
    build()  # warm
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        build()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def describe(name: str, pdf: bytes, ms: float, runs: int) -> None:
    pages = len(PdfReader(io.BytesIO(pdf)).pages)
    print(f"{name} ({pages} pages, {len(pdf) // 1024} KiB), median of {runs}: {ms:.1f} ms")


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--runs", type=int, default=9)
    runs = max(5, parser.parse_args().runs)
    fonts = FontSet()
    with tempfile.TemporaryDirectory() as folder:
        data_dir = Path(folder)
        workspace = open_workspace(data_dir)
        try:
            load_demo(workspace)
            reference = inspection_sheet(workspace.db, "demo")
        finally:
            workspace.close()
        patrol = patrol_sheet(reference, photo_files(data_dir, PHOTOS))
        builds = {
            "the demo's reference inspection": lambda: inspection_pdf(reference, fonts, data_dir),
            f"{POLES} items, {PHOTOS} photos": lambda: inspection_pdf(patrol, fonts, data_dir),
        }
        medians = {}
        for name, build in builds.items():
            medians[name] = median_ms(build, runs)
            describe(name, build(), medians[name], runs)
    patrol_ms = medians[f"{POLES} items, {PHOTOS} photos"]
    fast = patrol_ms <= SECONDS_LIMIT * 1000
    verdict = "met" if fast else "NOT MET"
    print(f"{POLES} items: {patrol_ms / 1000:.2f} s (limit {SECONDS_LIMIT:g} s): {verdict}")
    return 0 if fast else 1


if __name__ == "__main__":
    sys.exit(main())
