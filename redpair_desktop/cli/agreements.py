"""``agreement pdf PAIRING OUT.pdf`` and ``agreement scan-import PAIRING FILE``."""

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
    pairing_help = _("结对编号，或 demo（演示数据的参考结对）")
    pdf = actions.add_parser("pdf", parents=[common], help=_("把结对的共建协议书生成 PDF"))
    pdf.add_argument("pairing", metavar="PAIRING", help=pairing_help)
    pdf.add_argument("out", type=Path, metavar="OUT.pdf")
    pdf.set_defaults(handler=run_pdf)
    scan = actions.add_parser(
        "scan-import", parents=[common], help=_("导入签字盖章后的协议书扫描件（PDF、PNG 或 JPEG）")
    )
    scan.add_argument("pairing", metavar="PAIRING", help=pairing_help)
    scan.add_argument("file", type=Path, metavar="FILE")
    scan.set_defaults(handler=run_scan_import)


def run_pdf(args: argparse.Namespace, workspace: Workspace, out: Output) -> tuple[int, Workspace]:
    from redpair_desktop.files import check_folder, write_file
    from redpair_desktop.reports.agreements.printout import printable_pdf
    from redpair_desktop.services.agreements.builder import agreement_document

    check_folder(args.out)
    document = agreement_document(workspace.db, args.pairing)
    write_file(args.out, printable_pdf(workspace, document))
    payload = {
        "ok": True,
        "path": str(args.out),
        "pairing_id": str(document.pairing_id),
        "record_id": str(document.record_id),
        "version": document.version,
        "content_hash": document.content_hash,
    }
    out.result(payload, _("已生成协议书：{path}", path=args.out))
    return 0, workspace


def run_scan_import(
    args: argparse.Namespace, workspace: Workspace, out: Output
) -> tuple[int, Workspace]:
    from redpair_desktop.services.agreements.builder import pairing_id
    from redpair_desktop.services.agreements.records import import_paper_scan

    found = pairing_id(workspace.db, args.pairing)
    scan = import_paper_scan(workspace.db, workspace.data_dir, found, args.file)
    imported_at = scan.imported_at.astimezone().isoformat(sep=" ", timespec="seconds")
    payload = {
        "ok": True,
        "sha256": scan.sha256,
        "pages": scan.pages,
        "version": scan.version,
        "stored": scan.stored,
        "imported_by": scan.imported_by,
        "imported_at": scan.imported_at.isoformat(),
    }
    text = "\n".join(
        [
            _("已导入扫描件，第 {version} 版协议已签署（纸质原件存档）。", version=scan.version),
            _("SHA-256：{digest}", digest=scan.sha256),
            _("页数：{pages}", pages=scan.pages),
            _("导入人：{who}，时间：{when}", who=scan.imported_by, when=imported_at),
        ]
    )
    out.result(payload, text)
    return 0, workspace
