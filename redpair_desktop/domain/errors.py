"""Errors a user can act on, kept apart from bugs.

The CLI maps them to exit codes (UserError → 1, IntegrityProblem → 3); the window shows their
message in a plain dialog. Messages are already translated when the error is raised. Every
error or result that crosses layers lives here, so each layer matches it with ``isinstance``,
never by name.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from redpair_desktop.i18n import _, join_messages

if TYPE_CHECKING:
    import uuid


class RedPairError(Exception):
    """Base of every error whose message is meant for the user."""

    exit_code = 1

    @property
    def message(self) -> str:
        return str(self.args[0]) if self.args else ""


class UserError(RedPairError):
    """Bad input or a refused action; nothing was written."""


class DataDirError(UserError):
    """The data directory is missing, unusable or read-only."""


class NewerSchemaError(UserError):
    """The database was written by a newer version of the application."""


class RecordInvalid(UserError):
    """A record's values break rules; ``errors`` maps field keys to messages."""

    def __init__(self, errors: dict[str, str]) -> None:
        super().__init__(
            _("有 {count} 处需要修改：", count=len(errors)) + " " + join_messages(errors.values())
        )
        self.errors = errors


class WorkbookError(UserError):
    """The file cannot be read as a roster; the message says why."""


class ImportCancelled(RedPairError):
    """The user cancelled an import; nothing was written."""

    def __init__(self) -> None:
        super().__init__(_("已取消导入，未写入任何数据。"))


class IntegrityProblem(RedPairError):
    """The database file is damaged or inconsistent."""

    exit_code = 3


def user_message(error: BaseException) -> str:
    """What to tell the user about ``error``: its own words when it is meant for them."""
    return error.message if isinstance(error, RedPairError) else str(error)


class CharacterNotPrintable(UserError):
    """A character no font of the printout has: printing it would leave a blank or a box."""

    def __init__(self, char: str, whose: str) -> None:
        super().__init__(
            _("“{whose}”中的字符“{char}”（{code}）无法打印：所有可用字体都没有这个字。"
              "请改用常用写法，或在设置中指定包含该字的字体。",
              whose=whose, char=char, code=f"U+{ord(char):04X}")
        )  # fmt: skip
        self.char = char
        self.whose = whose


class Choice(NamedTuple):
    """One of the people an ambiguous entry could mean."""

    id: uuid.UUID
    name: str
    unit: str


class AmbiguousEntry(UserError):
    """What was typed fits several people; ``choices`` lists them so the user can pick one."""

    def __init__(self, message: str, choices: tuple[Choice, ...]) -> None:
        super().__init__(message)
        self.choices = choices
