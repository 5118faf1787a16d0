"""``roster import | list | export | template``."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from redpair_desktop.cli.output import Output
from redpair_desktop.domain.errors import UserError
from redpair_desktop.i18n import _

if TYPE_CHECKING:
    from redpair_desktop.services.rosters.importer import ImportIssue
    from redpair_desktop.services.workspace import Workspace


def register(commands: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    roster = commands.add_parser("roster", help=_("党支部花名册：导入、列出、导出、模板"))
    actions = roster.add_subparsers(dest="roster_command", required=True, metavar="COMMAND")

    load = actions.add_parser("import", parents=[common], help=_("从 Excel 导入花名册"))
    load.add_argument("file", type=Path, metavar="FILE.xlsx")
    load.add_argument("--dry-run", action="store_true", help=_("只检查，不写入"))
    load.add_argument(
        "--map",
        action="append",
        default=[],
        metavar="表头=字段",
        help=_("把文件中的某个表头对应到花名册字段，可重复"),
    )
    load.set_defaults(handler=run_import)

    listing = actions.add_parser("list", parents=[common], help=_("列出花名册"))
    listing.add_argument("--branch", metavar="NAME", help=_("党支部全称或简称"))
    listing.set_defaults(handler=run_list)

    export = actions.add_parser("export", parents=[common], help=_("把花名册导出为 Excel"))
    export.add_argument("out", type=Path, metavar="OUT.xlsx")
    export.add_argument("--branch", metavar="NAME", help=_("党支部全称或简称"))
    export.add_argument("--with-id", action="store_true", help=_("导出完整的公民身份号码"))
    export.set_defaults(handler=run_export)

    template = actions.add_parser("template", parents=[common], help=_("生成空白花名册模板"))
    template.add_argument("out", type=Path, metavar="OUT.xlsx")
    template.set_defaults(handler=run_template)


def parse_mapping(pairs: list[str]) -> dict[str, str]:
    mapping = {}
    for pair in pairs:
        header, sep, target = pair.partition("=")
        if not sep or not header.strip():
            raise UserError(_("--map 的格式应为 '表头=字段'，例如 --map '姓名拼写=姓名'。"))
        mapping[header.strip()] = target.strip()
    return mapping


def run_import(
    args: argparse.Namespace, workspace: Workspace, out: Output
) -> tuple[int, Workspace]:
    from redpair_desktop.services.rosters.importer import import_roster

    report = import_roster(
        workspace.db, args.file, dry_run=args.dry_run, mapping=parse_mapping(args.map)
    )
    lines = [_issue_line(issue) for issue in report.errors]
    lines += report.warnings
    if report.ok:
        verb = _("检查通过，可导入") if args.dry_run else _("已导入")
        lines.insert(
            0,
            _("{verb}：新增 {imported} 人，更新 {updated} 人。", verb=verb,
              imported=report.imported, updated=report.updated),
        )  # fmt: skip
    else:
        lines.insert(
            0, _("导入失败，未写入任何数据。共 {count} 处错误：", count=len(report.errors))
        )
    out.result(report.as_json(), "\n".join(lines))
    return (0 if report.ok else 1), workspace


def _issue_line(issue: ImportIssue) -> str:
    if issue.is_file_level:
        return _("文件：{message}", message=issue.message)
    if not issue.column:
        return _("第 {row} 行：{message}", row=issue.row, message=issue.message)
    return _("第 {row} 行，{column}：{message}", row=issue.row, column=issue.column,
             message=issue.message)  # fmt: skip


def _branch_scope(workspace: Workspace, name: str | None):
    if name is None:
        return None
    from redpair_desktop.services.org.branches import find_branch

    with workspace.db.read() as session:
        branch = find_branch(session, name)
        if branch is None:
            raise UserError(_("找不到党支部“{name}”。", name=name))
        return [branch.id]


def run_list(args: argparse.Namespace, workspace: Workspace, out: Output) -> tuple[int, Workspace]:
    from redpair_desktop.services.rosters.query import load_roster, member_dicts

    snapshot = load_roster(workspace.db, _branch_scope(workspace, args.branch))
    members = member_dicts(snapshot)
    text = "\n".join(
        f"{m['name']}\t{m['category']}\t{m['branch']}\t{m['phone'] or ''}" for m in members
    )
    out.result({"members": members}, text or _("花名册是空的。"))
    return 0, workspace


def run_export(
    args: argparse.Namespace, workspace: Workspace, out: Output
) -> tuple[int, Workspace]:
    from redpair_desktop.services.rosters.exporter import export_roster
    from redpair_desktop.services.rosters.query import load_roster

    snapshot = load_roster(workspace.db, _branch_scope(workspace, args.branch))
    count = export_roster(snapshot, args.out, with_id=args.with_id)
    payload = {"ok": True, "exported": count, "path": str(args.out), "with_id": args.with_id}
    out.result(payload, _("已导出 {count} 人到 {path}", count=count, path=args.out))
    return 0, workspace


def run_template(
    args: argparse.Namespace, workspace: Workspace, out: Output
) -> tuple[int, Workspace]:
    from redpair_desktop.services.org.branches import branch_seal_names
    from redpair_desktop.services.rosters.exporter import write_template

    write_template(args.out, branch_seal_names(workspace.db))
    out.result({"ok": True, "path": str(args.out)}, _("已生成模板：{path}", path=args.out))
    return 0, workspace
