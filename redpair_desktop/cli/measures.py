"""``measure list [--overdue]``: the assistance measures, their owners, due dates and status."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from redpair_desktop.cli.output import Output
from redpair_desktop.domain.labels import label
from redpair_desktop.i18n import _

if TYPE_CHECKING:
    from redpair_desktop.services.measures.board import MeasureRow
    from redpair_desktop.services.workspace import Workspace


def register(commands: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    measure = commands.add_parser("measure", help=_("帮扶措施"))
    actions = measure.add_subparsers(dest="measure_command", required=True, metavar="COMMAND")
    listing = actions.add_parser("list", parents=[common], help=_("列出帮扶措施及其状态"))
    listing.add_argument(
        "--overdue", action="store_true", help=_("只列出已过完成期限而未完成的措施")
    )
    listing.set_defaults(handler=run_list)


def measure_dict(row: MeasureRow) -> dict[str, object]:
    return {
        "id": str(row.id),
        "title": row.title,
        "finding": row.finding,
        "finding_id": str(row.finding_id),
        "category": row.category.value,
        "owner": row.owner,
        "co_owner": row.co_owner,
        "due": row.due_on.isoformat(),
        "priority": row.priority.value,
        "status": row.status.value,
        "overdue": row.overdue,
    }


def _line(row: MeasureRow) -> str:
    due = _("期限 {date}", date=row.due_on.isoformat()) + (_("（已逾期）") if row.overdue else "")
    owners = f"{row.owner}／{row.co_owner}"
    return "\t".join((label(row.status), due, label(row.category), row.title, owners, str(row.id)))


def run_list(args: argparse.Namespace, workspace: Workspace, out: Output) -> tuple[int, Workspace]:
    from redpair_desktop.services.measures.board import list_measures

    rows = list_measures(workspace.db, overdue_only=args.overdue)
    text = "\n".join(_line(row) for row in rows)
    empty = _("没有逾期的帮扶措施。") if args.overdue else _("还没有帮扶措施。")
    out.result({"measures": [measure_dict(row) for row in rows]}, text or empty)
    return 0, workspace
