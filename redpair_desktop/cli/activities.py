"""``activity list``: every activity with its attendance counts (应到/实到/请假/缺席);
``activity roll ACTIVITY OUT.pdf [--blank]``: its 承诺签名册."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from redpair_desktop.cli.output import Output
from redpair_desktop.domain.labels import label
from redpair_desktop.i18n import _

if TYPE_CHECKING:
    from redpair_desktop.services.activities.activities import ActivityRow
    from redpair_desktop.services.workspace import Workspace


def register(commands: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    activity = commands.add_parser("activity", help=_("仪式与活动"))
    actions = activity.add_subparsers(dest="activity_command", required=True, metavar="COMMAND")
    listing = actions.add_parser(
        "list", parents=[common], help=_("列出活动及其应到、实到、请假、缺席人数")
    )
    listing.set_defaults(handler=run_list)
    roll = actions.add_parser(
        "roll",
        parents=[common],
        help=_("把活动的承诺签名册生成 PDF（--blank：会前打印的空白签名册）"),
    )
    roll.add_argument(
        "activity", metavar="ACTIVITY", help=_("活动编号，或 demo（演示数据的启动仪式）")
    )
    roll.add_argument("out", type=Path, metavar="OUT.pdf")
    roll.add_argument(
        "--blank", action="store_true", help=_("空白签名册：每位应到人员一行，签名栏留空")
    )
    roll.set_defaults(handler=run_roll)


def activity_dict(row: ActivityRow) -> dict[str, object]:
    return {
        "id": str(row.id),
        "type": row.type.value,
        "date": row.held_on.isoformat(),
        "expected": row.expected,
        "present": row.present,
        "excused": row.excused,
        "absent": row.absent,
        "guests": row.guests,
        "title": row.title,
        "place": row.place,
        "pairing_id": str(row.pairing_id),
        "pairing": row.pairing,
    }


def _line(row: ActivityRow) -> str:
    counts = _("应到 {expected}  实到 {present}  请假 {excused}  缺席 {absent}",
               expected=row.expected, present=row.present, excused=row.excused,
               absent=row.absent)  # fmt: skip
    return "\t".join((row.held_on.isoformat(), label(row.type), row.title, counts, str(row.id)))


def run_list(args: argparse.Namespace, workspace: Workspace, out: Output) -> tuple[int, Workspace]:
    from redpair_desktop.services.activities.activities import list_activities

    rows = list_activities(workspace.db)
    text = "\n".join(_line(row) for row in rows)
    out.result({"activities": [activity_dict(row) for row in rows]}, text or _("还没有活动记录。"))
    return 0, workspace


def run_roll(args: argparse.Namespace, workspace: Workspace, out: Output) -> tuple[int, Workspace]:
    from redpair_desktop.files import check_folder, write_file
    from redpair_desktop.reports.activities.roll import roll_pdf
    from redpair_desktop.reports.fonts import settings_fonts
    from redpair_desktop.services.activities.sheets import sheet

    check_folder(args.out)
    found = sheet(workspace.db, args.activity)
    write_file(args.out, roll_pdf(found, settings_fonts(workspace.data_dir), blank=args.blank))
    signed = 0 if args.blank else sum(entry.signature_png is not None for entry in found.entries)
    payload = {
        "ok": True,
        "path": str(args.out),
        "activity_id": str(found.activity_id),
        "blank": args.blank,
        "rows": len(found.entries),
        "signatures": signed,
    }
    out.result(payload, _("已生成承诺签名册：{path}", path=args.out))
    return 0, workspace
