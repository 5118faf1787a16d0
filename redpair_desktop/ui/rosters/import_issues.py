"""The import check's problems as the wizard lists them: about the file, or about one cell."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from redpair_desktop.i18n import N_, _

if TYPE_CHECKING:
    from redpair_desktop.services.rosters.importer import ImportIssue

Index = QModelIndex | QPersistentModelIndex
COLUMNS = (N_("行"), N_("列"), N_("问题"))


def is_about_file(issue: ImportIssue, header_row: int) -> bool:
    """An issue about the file or its header row (a missing or doubled column, no data rows),
    not about one data cell."""
    return issue.is_file_level or issue.row <= header_row


class IssueTableModel(QAbstractTableModel):
    """The cell issues of a check, in the file's order: 行 / 列 / 问题."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.issues: list[ImportIssue] = []

    def show(self, issues: list[ImportIssue], headers: list[str]) -> None:
        order = {header: column for column, header in reversed(list(enumerate(headers)))}
        self.beginResetModel()
        self.issues = sorted(issues, key=lambda i: (i.row, order.get(i.column, len(order))))
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt override
        return 0 if parent.isValid() else len(self.issues)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt override
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        issue = self.issues[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return (issue.row, issue.column, issue.message)[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == 2:
            return issue.message
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == 0:
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return _(COLUMNS[section])
        return None
