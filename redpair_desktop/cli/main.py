"""Entry point of ``redpair``. Exit codes: 0 success, 1 bad input (nothing written),
2 usage error, 3 integrity problem found. Tracebacks go to the log file, never to the user."""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Sequence

from redpair_desktop import __version__
from redpair_desktop.cli import (
    activities,
    agreements,
    assets,
    database,
    inspections,
    measures,
    pairings,
    rosters,
    verify,
)
from redpair_desktop.cli.output import Output
from redpair_desktop.domain.errors import RedPairError
from redpair_desktop.i18n import _, set_language
from redpair_desktop.log_setup import configure_logging
from redpair_desktop.paths import ENV_VAR, LOG_FILE, prepare_data_dir, resolve_data_dir
from redpair_desktop.settings import load_settings

COMMAND_MODULES = (
    database, rosters, pairings, agreements, activities, inspections, assets, measures, verify,
)  # fmt: skip
log = logging.getLogger(__name__)


def build_parser() -> argparse.ArgumentParser:
    # Options shared by every command, accepted before or after the command name.
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--data-dir",
        default=argparse.SUPPRESS,
        help=_("数据目录（也可用环境变量 {var}）", var=ENV_VAR),
    )
    common.add_argument(
        "--json", action="store_true", default=argparse.SUPPRESS, help=_("以 JSON 输出结果")
    )
    parser = argparse.ArgumentParser(
        prog="redpair", parents=[common], description=_("红心结对 命令行工具")
    )
    parser.add_argument("--version", action="version", version=f"redpair {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for module in COMMAND_MODULES:
        module.register(commands, common)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    data_dir = resolve_data_dir(_peek_data_dir(argv))
    set_language(load_settings(data_dir).language)
    args = build_parser().parse_args(argv)
    out = Output(as_json=getattr(args, "json", False))
    try:
        return _run(args, out)
    except RedPairError as error:
        out.error(error.message)
        return error.exit_code


def _run(args: argparse.Namespace, out: Output) -> int:
    data_dir = prepare_data_dir(resolve_data_dir(getattr(args, "data_dir", None)))
    configure_logging(data_dir)
    workspace = None
    try:
        peek = getattr(args, "peek", None)  # a command that can answer without the full open
        if peek is not None and (code := peek(args, data_dir, out)) is not None:
            return code
        from redpair_desktop.services.workspace import open_workspace  # SQLAlchemy loads here

        workspace = open_workspace(data_dir)
        code, workspace = args.handler(args, workspace, out)
        return code
    except RedPairError:
        log.info("command %s refused", args.command, exc_info=True)
        raise
    except BrokenPipeError:  # the reader left early (``| head``): the work is done, say nothing
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    except Exception:
        log.exception("unexpected error in command %s", args.command)
        out.error(
            _(
                "发生了意外错误，未完成的操作没有写入数据库。详情见日志：{path}",
                path=data_dir / LOG_FILE,
            )
        )
        return 1
    finally:
        if workspace is not None:
            workspace.close()


def _peek_data_dir(argv: list[str]) -> str | None:
    """The --data-dir value before full parsing, so help and errors use the right language."""
    for index, arg in enumerate(argv):
        if arg == "--data-dir" and index + 1 < len(argv):
            return argv[index + 1]
        if arg.startswith("--data-dir="):
            return arg.split("=", 1)[1]
    return None


if __name__ == "__main__":
    sys.exit(main())
