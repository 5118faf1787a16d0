"""``pairing list``: the registry with each status as of today (or ``--on``)."""

from __future__ import annotations

import argparse
from datetime import date
from typing import TYPE_CHECKING

from redpair_desktop.cli.output import Output
from redpair_desktop.domain.pairings.labels import status_label
from redpair_desktop.i18n import _

if TYPE_CHECKING:
    from redpair_desktop.services.pairings.registry import PairingRow
    from redpair_desktop.services.workspace import Workspace


def register(commands: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    pairing = commands.add_parser("pairing", help=_("结对登记：列出"))
    actions = pairing.add_subparsers(dest="pairing_command", required=True, metavar="COMMAND")
    listing = actions.add_parser("list", parents=[common], help=_("列出结对及其状态"))
    listing.add_argument(
        "--on", type=_day, metavar="YYYY-MM-DD", help=_("按此日期计算状态（默认今天）")
    )
    listing.set_defaults(handler=run_list)


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            _("“{text}”不是 YYYY-MM-DD 格式的日期", text=text)
        ) from None


def pairing_dict(row: PairingRow) -> dict[str, object]:
    return {
        "id": str(row.id),
        "lead": row.lead_branch,
        "station": row.station_branch,
        "partner_type": str(row.partner_type),
        "start": row.started_on.isoformat(),
        "end": row.ended_on.isoformat() if row.ended_on else None,
        "status": str(row.status),
        "status_label": status_label(row.status, row.flags),
        "flags": [str(flag) for flag in row.flags],
    }


def run_list(args: argparse.Namespace, workspace: Workspace, out: Output) -> tuple[int, Workspace]:
    from redpair_desktop.services.pairings.registry import list_pairings

    rows = list_pairings(workspace.db, args.on or date.today())
    pairings = [pairing_dict(row) for row in rows]
    text = "\n".join(
        f"{p['lead']}\t{p['station']}\t{p['start']}\t{p['end'] or ''}\t{p['status_label']}"
        for p in pairings
    )
    out.result({"pairings": pairings}, text or _("还没有登记结对。"))
    return 0, workspace
