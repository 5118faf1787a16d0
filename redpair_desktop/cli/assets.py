"""``asset list [--line NAME]``: the asset register (lines, poles, transformers)."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from redpair_desktop.cli.output import Output
from redpair_desktop.domain.labels import label
from redpair_desktop.i18n import _

if TYPE_CHECKING:
    from redpair_desktop.services.assets.register import AssetRow
    from redpair_desktop.services.workspace import Workspace


def register(commands: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    asset = commands.add_parser("asset", help=_("线路与设备台账"))
    actions = asset.add_subparsers(dest="asset_command", required=True, metavar="COMMAND")
    listing = actions.add_parser("list", parents=[common], help=_("列出线路、杆塔和变压器"))
    listing.add_argument("--line", metavar="NAME", help=_("只列出这条线路及其杆塔和变压器"))
    listing.set_defaults(handler=run_list)


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
