"""Errors a user can act on, kept apart from bugs.

The CLI maps them to exit codes (UserError → 1, IntegrityProblem → 3); the window shows their
message in a plain dialog. Messages are already translated when the error is raised.
"""


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


class IntegrityProblem(RedPairError):
    """The database file is damaged or inconsistent."""

    exit_code = 3
