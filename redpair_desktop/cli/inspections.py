"""``inspection list``: every inspection (its newest version) with its score and findings."""

from __future__ import annotations

import argparse
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
