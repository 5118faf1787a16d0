"""Roster speed and memory (issue 3).

    QT_QPA_PLATFORM=offscreen python benchmarks/roster.py [--members 100000] [--rows 50000]

1. Builds a database with --members people across 150 branches (Core bulk writes).
2. The all-branches roster view, in a real QTableView: first screen painted after the data is
   there, filter/search keystrokes (p95), a click on a column header to sort, and peak RSS.
3. Importing a --rows spreadsheet against a bare openpyxl read-only pass over the same file,
   while a 10 ms timer on the GUI thread records the longest event-loop gap.
4. Exporting --rows people against openpyxl's write-only mode writing the same values.
Prints each figure with its limit and a verdict.
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from datetime import date
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from redpair_desktop.db.audit import WriteContext
from redpair_desktop.domain.enums import BranchKind, UnitKind
from redpair_desktop.domain.rosters.fields import ROSTER_FIELDS
from redpair_desktop.domain.rosters.person_rules import id_check_character
from redpair_desktop.domain.rosters.record import validate_record
from redpair_desktop.services.org.branches import add_branch, add_unit, create_company
from redpair_desktop.services.rosters.writer import RosterWriter, branch_lookup
from redpair_desktop.services.workspace import open_workspace

SURNAMES = "陈王李张刘周吴黄胡徐朱何余方程涂游熊夏邓彭舒雷饶金孙杨曹汪聂"
GIVEN = "振波红梅建国立新文华志强海燕丽娟晓明春生秋菊德胜家俊伟军静雅子涵宇航思远冬梅光辉平安玉兰"
results: list[tuple[str, str, str]] = []


def report(name: str, value: str, verdict: str) -> None:
    results.append((name, value, verdict))
    print(f"{name:<44} {value:<28} {verdict}", flush=True)


def person_row(rng: random.Random, number: int, branches: list[str]) -> list[object]:
    birth = date(rng.randint(1960, 2000), rng.randint(1, 12), rng.randint(1, 28))
    first17 = f"{420000 + number // 1000:06d}{birth:%Y%m%d}{number % 1000:03d}"
    member = rng.random() < 0.6
    joined = date(min(birth.year + 25, 2023), birth.month, birth.day) if member else None
    confirmed = date(joined.year + 1, joined.month, joined.day) if member else None
    return [
        rng.choice(SURNAMES) + rng.choice(GIVEN) + rng.choice(GIVEN), rng.choice("男女"), "汉族",
        birth, first17 + id_check_character(first17), "大学本科", joined, confirmed,
        "正式党员" if member else "群众", rng.choice(branches), None, None, "台区经理",
        "是" if member and rng.random() < 0.3 else "否", f"13{number:09d}", "正常",
    ]  # fmt: skip


def build_database(data_dir: Path, members: int) -> list[str]:
    workspace = open_workspace(data_dir)
    company = create_company(workspace.db, "国网测试供电公司")
    with workspace.db.write() as session:
        from redpair_desktop.db.org.models import OrgUnit

        parent = session.get(OrgUnit, company)
        names = []
        for number in range(150):
            unit = add_unit(session, name=f"测试单位{number:03d}", kind=UnitKind.SUPPLY_STATION,
                            parent=parent)  # fmt: skip
            name = f"测试{number:03d}供电所党支部"
            add_branch(session, seal_name=f"中共测试{number:03d}供电所支部委员会", short_name=name,
                       kind=BranchKind.SUPPLY_STATION, unit=unit)  # fmt: skip
            names.append(name)
    rng = random.Random(7)
    keys = [f.key for f in ROSTER_FIELDS]
    with workspace.db.write() as session:
        branches = branch_lookup(session)
        writer = RosterWriter(session, WriteContext("bench", "bench"), date.today())
        for number in range(members):
            record, errors = validate_record(
                dict(zip(keys, person_row(rng, number, names), strict=True))
            )
            assert record is not None, errors
            writer.add(record, branches[record.branch])
        writer.flush()
    workspace.close()
    return names


def view_benchmark(data_dir: Path) -> None:
    from PySide6.QtWidgets import QApplication

    from redpair_desktop.services.rosters.query import load_roster
    from redpair_desktop.ui.appearance import apply_appearance, register_fallback_font
    from redpair_desktop.ui.rosters.panel import RosterPanel

    app = QApplication.instance() or QApplication([])
    apply_appearance(app)  # the app's own fonts, as in the window
    register_fallback_font()
    workspace = open_workspace(data_dir)
    started = time.perf_counter()
    snapshot = load_roster(workspace.db)
    report(
        "load 100k rows (worker thread, SQL)",
        f"{(time.perf_counter() - started) * 1000:.0f} ms",
        "info",
    )
    panel = RosterPanel(backend=None, report_error=print)  # type: ignore[arg-type]
    panel.resize(1200, 800)
    panel.show()
    app.processEvents()

    def painted(action) -> float:
        """The action, then the event loop until the view has repainted."""
        begin = time.perf_counter()
        action()
        app.processEvents()
        return (time.perf_counter() - begin) * 1000

    first = painted(lambda: panel._on_loaded((snapshot, [])))
    report("first screen after the data is there", f"{first:.1f} ms", verdict(first, 150))
    keystrokes = []
    for text in (
        "陈",
        "陈振",
        "czb",
        "cz",
        "c",
        "138",
        "13800",
        "王",
        "王丽",
        "w",
        "wl",
        "1390",
        "",
    ):
        panel.search.setText("")
        app.processEvents()
        for length in range(1, len(text) + 1):
            keystrokes.append(painted(lambda t=text[:length]: panel.search.setText(t)))
    p95 = statistics.quantiles(keystrokes, n=20)[-1]
    print("  keystrokes (ms):", " ".join(f"{k:.0f}" for k in keystrokes))
    report(
        f"search keystroke p95 ({len(keystrokes)} keys)",
        f"{p95:.1f} ms (max {max(keystrokes):.1f})",
        verdict(p95, 50),
    )
    panel.search.setText("")
    for column, label in ((0, "name"), (3, "birth date")):
        took = painted(
            lambda c=column: panel.table.sortByColumn(
                c, panel.table.horizontalHeader().sortIndicatorOrder()
            )
        )
        report(f"sort by {label} (header click)", f"{took:.1f} ms", verdict(took, 150))
    rss = peak_rss_mb()
    report("peak RSS of the process", f"{rss:.0f} MB", verdict(rss, 250))
    panel.close()
    workspace.close()


def peak_rss_mb() -> float:
    """This process's own peak (VmHWM). ru_maxrss is not it: Linux keeps the parent's peak
    across fork and exec, so a child started by a big process would report the parent's."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def verdict(value: float, limit: float) -> str:
    return f"{'ok' if value <= limit else 'OVER'} (limit {limit:g})"


def write_import_file(path: Path, rows: int, branches: list[str]) -> None:
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("花名册")
    sheet.append([f.header for f in ROSTER_FIELDS])
    rng = random.Random(11)
    for number in range(rows):
        sheet.append(person_row(rng, 500_000 + number, branches))
    workbook.save(path)


def bare_read(path: Path) -> float:
    from openpyxl import load_workbook

    begin = time.perf_counter()
    workbook = load_workbook(path, read_only=True, data_only=True)
    for _row in workbook.worksheets[0].iter_rows(values_only=True):
        pass
    workbook.close()
    return time.perf_counter() - begin


def import_benchmark(data_dir: Path, path: Path) -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from redpair_desktop.services.rosters.import_process import import_in_process

    app = QApplication.instance() or QApplication([])
    bare = min(bare_read(path) for _ in range(2))
    workspace = open_workspace(data_dir)
    gaps: list[float] = []
    last = [time.perf_counter()]

    def tick() -> None:
        now = time.perf_counter()
        gaps.append((now - last[0]) * 1000)
        last[0] = now

    timer = QTimer()
    timer.timeout.connect(tick)
    timer.start(10)
    outcome: dict[str, object] = {}

    def run() -> None:
        begin = time.perf_counter()
        outcome["report"] = import_in_process(workspace, path)  # as the window runs it
        outcome["seconds"] = time.perf_counter() - begin

    worker = threading.Thread(target=run)
    worker.start()
    while worker.is_alive():
        app.processEvents()
        time.sleep(0.001)
    timer.stop()
    result = outcome["report"]
    assert result.ok, result.errors[:3]
    ratio = outcome["seconds"] / bare
    report("bare openpyxl read-only pass", f"{bare:.2f} s", "info")
    report(
        f"window's import, {result.imported} rows (child process)",
        f"{outcome['seconds']:.2f} s = {ratio:.2f}x",
        verdict(ratio, 2.0),
    )
    report(
        "longest GUI event-loop gap during import", f"{max(gaps):.1f} ms", verdict(max(gaps), 50)
    )
    workspace.close()


def export_benchmark(data_dir: Path, rows: int, out_dir: Path) -> None:
    from openpyxl import Workbook

    from redpair_desktop.services.rosters.exporter import export_roster
    from redpair_desktop.services.rosters.query import load_roster

    workspace = open_workspace(data_dir)
    snapshot = load_roster(workspace.db)
    chosen = list(range(min(rows, len(snapshot))))
    values = [[snapshot.columns[f.key][i] for f in ROSTER_FIELDS] for i in chosen]
    begin = time.perf_counter()
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet()
    for row in values:
        sheet.append(row)
    workbook.save(out_dir / "bare.xlsx")
    bare = time.perf_counter() - begin
    begin = time.perf_counter()
    export_roster(snapshot, out_dir / "export.xlsx", rows=chosen)
    ours = time.perf_counter() - begin
    report("bare openpyxl write-only", f"{bare:.2f} s", "info")
    report(
        f"export {len(chosen)} rows",
        f"{ours:.2f} s = {ours / bare:.2f}x",
        verdict(ours / bare, 2.0),
    )
    workspace.close()


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--members", type=int, default=100_000)
    parser.add_argument("--rows", type=int, default=50_000)
    parser.add_argument("--view-only", type=Path, metavar="DATA_DIR", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.view_only:  # the child process: the view's own memory, nothing else
        view_benchmark(args.view_only)
        return 1 if any("OVER" in v for _n, _v, v in results) else 0
    root = Path(tempfile.mkdtemp(prefix="redpair-roster-bench-"))
    begin = time.perf_counter()
    branches = build_database(root / "big", args.members)
    print(f"built {args.members} members in {time.perf_counter() - begin:.1f} s", flush=True)
    view = subprocess.run([sys.executable, __file__, "--view-only", str(root / "big")], check=False)
    if view.returncode:
        results.append(("view", "", "OVER"))
    spreadsheet = root / "import.xlsx"
    write_import_file(spreadsheet, args.rows, branches)
    build_database(root / "import", 0)
    import_benchmark(root / "import", spreadsheet)
    export_benchmark(root / "big", args.rows, root)
    return 1 if any("OVER" in v for _n, _v, v in results) else 0


if __name__ == "__main__":
    sys.exit(main())
