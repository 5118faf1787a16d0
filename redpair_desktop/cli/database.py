"""``demo``, ``info`` (answered from the SQLite file directly when it is up to date) and
``db check``."""

from __future__ import annotations

import argparse
from dataclasses import asdict
from typing import TYPE_CHECKING

from redpair_desktop.cli.output import Output
from redpair_desktop.i18n import _
from redpair_desktop.paths import DATABASE_FILE

if TYPE_CHECKING:
    from pathlib import Path

    from redpair_desktop.services.info import DatabaseInfo
    from redpair_desktop.services.workspace import Workspace


def register(commands: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    demo = commands.add_parser("demo", parents=[common], help=_("载入演示数据（咸宁供电公司案例）"))
    demo.add_argument("--reset", action="store_true", help=_("先备份现有数据库，再用演示数据替换"))
    demo.set_defaults(handler=run_demo)

    info = commands.add_parser("info", parents=[common], help=_("显示数据库概况"))
    info.set_defaults(handler=run_info, peek=peek_info)

    db = commands.add_parser("db", help=_("数据库维护"))
    db_commands = db.add_subparsers(dest="db_command", required=True, metavar="COMMAND")
    check = db_commands.add_parser("check", parents=[common], help=_("检查数据库完整性"))
    check.set_defaults(handler=run_check)


def run_demo(args: argparse.Namespace, workspace: Workspace, out: Output) -> tuple[int, Workspace]:
    from redpair_desktop.services.demo.loader import load_demo
    from redpair_desktop.services.info import database_info
    from redpair_desktop.services.workspace import reset_database

    backup = None
    if args.reset:
        workspace, backup = reset_database(workspace)
    load_demo(workspace)
    info = database_info(workspace.db)
    text = _(
        "已载入演示数据：{stations} 个供电所，{branches} 个党支部，"
        "{members} 人，{pairings} 次结对。",
        **asdict(info),
    )
    if backup:
        text += "\n" + _("原数据库已备份到：{path}", path=backup)
    out.result({"ok": True, **asdict(info), "backup": str(backup) if backup else None}, text)
    return 0, workspace


def run_info(args: argparse.Namespace, workspace: Workspace, out: Output) -> tuple[int, Workspace]:
    from redpair_desktop.services.info import database_info

    show_info(database_info(workspace.db), workspace.data_dir, out)
    return 0, workspace


def peek_info(args: argparse.Namespace, data_dir: Path, out: Output) -> int | None:
    """``info`` straight from an up-to-date SQLite file; None when it needs the full open."""
    from redpair_desktop.services.info import peek_info

    info = peek_info(data_dir / DATABASE_FILE)
    if info is None:
        return None
    show_info(info, data_dir, out)
    return 0


def show_info(info: DatabaseInfo, data_dir: Path, out: Output) -> None:
    text = "\n".join(
        [
            _("数据目录：{path}", path=data_dir),
            _("数据结构版本：{version}", version=info.schema_version),
            _("供电所：{count}", count=info.stations),
            _("党支部：{count}", count=info.branches),
            _("花名册人数：{count}", count=info.members),
            _("结对：{count}", count=info.pairings),
        ]
    )
    out.result(asdict(info), text)


def run_check(args: argparse.Namespace, workspace: Workspace, out: Output) -> tuple[int, Workspace]:
    from redpair_desktop.services.info import check_database

    report = check_database(workspace.db)
    payload = {"ok": report.ok, "path": str(report.path), "problems": report.problems}
    if report.ok:
        out.result(payload, _("数据库完好：{path}", path=report.path))
        return 0, workspace
    text = _("数据库有问题：{path}", path=report.path) + "\n" + "\n".join(report.problems)
    out.result(payload, text)
    return 3, workspace
