"""``asset list [--line NAME]``: the asset register (lines, poles, transformers);
``patrol list``: the line patrols with their defect counts; ``patrol pdf PATROL OUT.pdf
[--blank]``: a patrol's record, or the blank sheet for paper."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from redpair_desktop.cli.output import Output
from redpair_desktop.domain.labels import label
from redpair_desktop.i18n import _

if TYPE_CHECKING:
    from redpair_desktop.services.assets.listing import PatrolRow
    from redpair_desktop.services.assets.register import AssetRow
    from redpair_desktop.services.workspace import Workspace


def register(commands: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    asset = commands.add_parser("asset", help=_("线路与设备台账"))
    actions = asset.add_subparsers(dest="asset_command", required=True, metavar="COMMAND")
    listing = actions.add_parser("list", parents=[common], help=_("列出线路、杆塔和变压器"))
    listing.add_argument("--line", metavar="NAME", help=_("只列出这条线路及其杆塔和变压器"))
    listing.set_defaults(handler=run_list)
    _register_patrol(commands, common)


def _register_patrol(commands: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    patrol = commands.add_parser("patrol", help=_("线路巡视"))
    actions = patrol.add_subparsers(dest="patrol_command", required=True, metavar="COMMAND")
    listing = actions.add_parser("list", parents=[common], help=_("列出线路巡视及其缺陷数"))
    listing.set_defaults(handler=run_patrol_list)
    pdf = actions.add_parser(
        "pdf", parents=[common], help=_("把巡视记录生成 PDF（--blank：纸质使用的空白巡视记录表）")
    )
    pdf.add_argument(
        "patrol", metavar="PATROL", help=_("巡视编号，或 demo（演示数据中内冲线的巡视）")
    )
    pdf.add_argument("out", type=Path, metavar="OUT.pdf")
    pdf.add_argument("--blank", action="store_true", help=_("空白巡视记录表：逐杆、逐台留空待填"))
    pdf.set_defaults(handler=run_patrol_pdf)


def asset_dict(row: AssetRow) -> dict[str, object]:
    return {
        "id": str(row.id),
        "kind": row.kind.value,
        "name": row.name,
        "line": row.line,
        "number": row.number,
        "capacity_kva": row.capacity_kva,
        "station": row.station,
    }


def _line(row: AssetRow) -> str:
    capacity = f"{row.capacity_kva} kVA" if row.capacity_kva else ""
    return "\t".join((row.line, label(row.kind), row.number, row.name, capacity)).rstrip("\t")


def run_list(args: argparse.Namespace, workspace: Workspace, out: Output) -> tuple[int, Workspace]:
    from redpair_desktop.services.assets.register import list_assets

    rows = list_assets(workspace.db, line=args.line)
    text = "\n".join(_line(row) for row in rows)
    out.result({"assets": [asset_dict(row) for row in rows]}, text or _("还没有登记线路和设备。"))
    return 0, workspace


def patrol_dict(row: PatrolRow) -> dict[str, object]:
    return {
        "id": str(row.id),
        "line": row.line,
        "date": row.patrolled_on.isoformat(),
        "patroller": row.patroller,
        "status": row.status.value,
        "defects": row.defects,
    }


def _patrol_line(row: PatrolRow) -> str:
    defects = _("缺陷 {count} 处", count=row.defects)
    return "\t".join((row.patrolled_on.isoformat(), row.line, row.patroller, label(row.status),
                      defects, str(row.id)))  # fmt: skip


def run_patrol_list(
    args: argparse.Namespace, workspace: Workspace, out: Output
) -> tuple[int, Workspace]:
    from redpair_desktop.services.assets.listing import list_patrols

    rows = list_patrols(workspace.db)
    text = "\n".join(_patrol_line(row) for row in rows)
    out.result({"patrols": [patrol_dict(row) for row in rows]}, text or _("还没有巡视记录。"))
    return 0, workspace


def run_patrol_pdf(
    args: argparse.Namespace, workspace: Workspace, out: Output
) -> tuple[int, Workspace]:
    from redpair_desktop.files import check_folder, write_file
    from redpair_desktop.reports.assets.patrol import patrol_pdf
    from redpair_desktop.reports.fonts import settings_fonts
    from redpair_desktop.services.assets.sheets import patrol_sheet

    check_folder(args.out)
    sheet = patrol_sheet(workspace.db, args.patrol)
    fonts = settings_fonts(workspace.data_dir)
    write_file(args.out, patrol_pdf(sheet, fonts, workspace.data_dir, blank=args.blank))
    payload = {
        "ok": True,
        "path": str(args.out),
        "patrol_id": str(sheet.patrol_id),
        "blank": args.blank,
        "assets": len(sheet.poles) + len(sheet.transformers),
        "defects": 0 if args.blank else len(sheet.defects),
        "photos": 0 if args.blank else sum(d.photo is not None for d in sheet.defects),
    }
    out.result(payload, _("已生成巡视记录：{path}", path=args.out))
    return 0, workspace
