"""``agreement pdf PAIRING OUT.pdf``."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from redpair_desktop.cli.output import Output
from redpair_desktop.i18n import _

if TYPE_CHECKING:
    from redpair_desktop.services.workspace import Workspace


def register(commands: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    agreement = commands.add_parser("agreement", help=_("结对共建协议书"))
    actions = agreement.add_subparsers(dest="agreement_command", required=True, metavar="COMMAND")
    pdf = actions.add_parser("pdf", parents=[common], help=_("把结对的共建协议书生成 PDF"))
    pdf.add_argument(
        "pairing", metavar="PAIRING", help=_("结对编号，或 demo（演示数据的参考结对）")
    )
    pdf.add_argument("out", type=Path, metavar="OUT.pdf")
    pdf.set_defaults(handler=run_pdf)


def run_pdf(args: argparse.Namespace, workspace: Workspace, out: Output) -> tuple[int, Workspace]:
    from redpair_desktop.files import save_atomically
    from redpair_desktop.reports.agreements.pdf import agreement_pdf
    from redpair_desktop.reports.fonts import FontSet
    from redpair_desktop.services.agreements.builder import agreement_document

    document = agreement_document(workspace.db, args.pairing)
    data = agreement_pdf(document, FontSet())
    save_atomically(args.out, lambda temporary: temporary.write_bytes(data))
    payload = {
        "ok": True,
        "path": str(args.out),
        "record_id": str(document.record_id),
        "version": document.version,
        "content_hash": document.content_hash,
    }
    out.result(payload, _("已生成协议书：{path}", path=args.out))
    return 0, workspace
