"""``inspection list``: every inspection (its newest version) with its score and findings;
``inspection pdf INSPECTION OUT.pdf [--blank]``: its printout, or the blank checklist."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from redpair_desktop.cli.output import Output
from redpair_desktop.domain.labels import label
from redpair_desktop.i18n import _

if TYPE_CHECKING:
    from redpair_desktop.services.inspections.listing import InspectionRow
    from redpair_desktop.services.workspace import Workspace


def register(commands: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    inspection = commands.add_parser("inspection", help=_("检查"))
    actions = inspection.add_subparsers(dest="inspection_command", required=True, metavar="COMMAND")
    listing = actions.add_parser("list", parents=[common], help=_("列出检查及其得分和发现的问题数"))
    listing.set_defaults(handler=run_list)
    pdf = actions.add_parser(
        "pdf",
        parents=[common],
        help=_("把检查记录生成 PDF（--blank：纸质使用的空白检查表）"),
    )
    pdf.add_argument(
        "inspection", metavar="INSPECTION", help=_("检查编号，或 demo（演示数据的参考检查）")
    )
    pdf.add_argument("out", type=Path, metavar="OUT.pdf")
    pdf.add_argument(
        "--blank", action="store_true", help=_("空白检查表：列出每个检查项和可选结果，留空待填")
    )
    pdf.set_defaults(handler=run_pdf)


def inspection_dict(row: InspectionRow) -> dict[str, object]:
    return {
        "id": str(row.id),
        "template": row.template,
        "station": row.station,
        "date": row.held_on.isoformat(),
        "score": row.score,
        "findings": row.findings,
        "title": row.title,
        "status": row.status.value,
        "version": row.version,
    }


def _line(row: InspectionRow) -> str:
    score = _("得分 {score}", score=row.score) if row.score is not None else label(row.status)
    findings = _("问题 {count} 项", count=row.findings)
    return "\t".join(
        (row.held_on.isoformat(), row.station, row.title, score, findings, str(row.id))
    )


def run_list(args: argparse.Namespace, workspace: Workspace, out: Output) -> tuple[int, Workspace]:
    from redpair_desktop.services.inspections.listing import list_inspections

    rows = list_inspections(workspace.db)
    text = "\n".join(_line(row) for row in rows)
    out.result(
        {"inspections": [inspection_dict(row) for row in rows]}, text or _("还没有检查记录。")
    )
    return 0, workspace


def run_pdf(args: argparse.Namespace, workspace: Workspace, out: Output) -> tuple[int, Workspace]:
    from redpair_desktop.files import check_folder, write_file
    from redpair_desktop.reports.fonts import settings_fonts
    from redpair_desktop.reports.inspections.report import inspection_pdf
    from redpair_desktop.services.inspections.sheets import inspection_sheet

    check_folder(args.out)
    sheet = inspection_sheet(workspace.db, args.inspection)
    fonts = settings_fonts(workspace.data_dir)
    write_file(args.out, inspection_pdf(sheet, fonts, workspace.data_dir, blank=args.blank))
    items = sum(len(section.items) for section in sheet.sections)
    photos = 0 if args.blank else sum(len(i.photos) for s in sheet.sections for i in s.items)
    payload = {
        "ok": True,
        "path": str(args.out),
        "inspection_id": str(sheet.inspection_id),
        "blank": args.blank,
        "items": items,
        "flagged": 0 if args.blank else len(sheet.flagged),
        "photos": photos,
        "signatures": 0 if args.blank else len(sheet.signoffs),
    }
    out.result(payload, _("已生成检查记录：{path}", path=args.out))
    return 0, workspace
