"""``verify FILE.pdf``: is this the agreement on record, unchanged since it was signed?"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from redpair_desktop.cli.output import Output
from redpair_desktop.i18n import _

if TYPE_CHECKING:
    from redpair_desktop.services.agreements.verification import VerificationResult
    from redpair_desktop.services.workspace import Workspace


def register(commands: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    verify = commands.add_parser(
        "verify", parents=[common], help=_("校验协议 PDF 是否与登记的记录一致、签名后未被改动")
    )
    verify.add_argument("file", metavar="FILE.pdf", type=Path, help=_("要校验的 PDF 文件"))
    verify.set_defaults(handler=run_verify)


def run_verify(
    args: argparse.Namespace, workspace: Workspace, out: Output
) -> tuple[int, Workspace]:
    from redpair_desktop.services.agreements.records import recorded_content_hash
    from redpair_desktop.services.agreements.verification import check_record, verify_pdf

    result = check_record(
        verify_pdf(args.file), lambda record_id: recorded_content_hash(workspace.db, record_id)
    )
    out.result(_payload(result), _text(args.file, result))
    return (0 if result.ok else 3), workspace


def _payload(result: VerificationResult) -> dict:
    return {
        "ok": result.ok,
        "record_id": result.record_id,
        "version": result.version,
        "content_hash": result.content_hash,
        "signed_by": result.signer,
        "signed_at": result.signed_at.isoformat() if result.signed_at else None,
        "problems": result.problems,
    }


def _text(path: Path, result: VerificationResult) -> str:
    lines = [
        _("校验通过：{name}", name=path.name)
        if result.ok
        else _("校验未通过：{name}", name=path.name)
    ]
    if result.record_id is not None:
        lines.append(
            _("记录：{record}，第 {version} 版", record=result.record_id, version=result.version)
        )
        lines.append(_("内容摘要：{digest}", digest=result.content_hash))
    if result.signer:
        lines.append(_("签名者：{signer}", signer=result.signer))
    if result.signed_at:
        lines.append(_("签名时间：{time}", time=result.signed_at.isoformat(sep=" ")))
    lines += [f"- {problem}" for problem in result.problems]
    return "\n".join(lines)
