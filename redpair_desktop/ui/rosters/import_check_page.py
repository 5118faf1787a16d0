"""The import wizard's check page: what is wrong with the file, first; then the file's first rows
with every bad cell in red; then the columns that were not recognised, to assign by hand.

Choosing a problem (click, arrow keys, Enter) selects its cell in the preview and scrolls to it.
"""

from __future__ import annotations

from collections.abc import Callable
from itertools import pairwise
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from redpair_desktop.domain.errors import UserError
from redpair_desktop.i18n import _
from redpair_desktop.ui.rosters import ops
from redpair_desktop.ui.rosters.import_issues import IssueTableModel, is_about_file
from redpair_desktop.ui.rosters.import_mapping import ColumnMapping

if TYPE_CHECKING:
    from redpair_desktop.services.rosters.importer import ImportIssue, ImportReport
    from redpair_desktop.services.rosters.workbook import Preview
    from redpair_desktop.ui.rosters.import_wizard import ImportWizard

BAD_CELL = QColor("#ffcdd2")
ERROR_ROWS, PREVIEW_ROWS = 8, 10  # the least each table shows, however small the window


def compact_rows(table: QTableView) -> None:
    """Rows one line of text high, so that a short window still shows a dozen of them."""
    rows = table.verticalHeader()
    rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    rows.setDefaultSectionSize(table.fontMetrics().height() + 6)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)


def fit_columns(table: QTableView, widest_chars: int = 30) -> None:
    """Columns as wide as their text (a full ID number, a branch's name), within reason."""
    table.resizeColumnsToContents()
    widest = table.fontMetrics().horizontalAdvance("0") * widest_chars
    for column in range(table.model().columnCount()):
        table.setColumnWidth(column, min(table.columnWidth(column), widest))


def keep_rows_in_view(table: QTableView, rows: int) -> None:
    """Never shorter than ``rows`` rows (with the header and a horizontal scroll bar)."""
    height = table.horizontalHeader().sizeHint().height() + 2 * table.frameWidth()
    height += rows * table.verticalHeader().defaultSectionSize()
    if table.horizontalScrollBarPolicy() != Qt.ScrollBarPolicy.ScrollBarAlwaysOff:
        height += table.horizontalScrollBar().sizeHint().height()
    table.setMinimumHeight(height)


class CheckPage(QWizardPage):
    checked = Signal()  # a check finished (its result is on the page)

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self.setTitle(_("检查"))
        self.owner = wizard
        self.report: ImportReport | None = None
        self.preview: Preview | None = None
        self.checks = 0  # checks started; only the latest one's result is shown
        self.file_notes = QLabel(objectName="fileNotes", wordWrap=True)
        self.issues = IssueTableModel(self)
        self.errors = self._issue_table()
        self.table = QTableWidget(objectName="previewTable")
        compact_rows(self.table)
        self.preview_note = QLabel(objectName="previewNote", wordWrap=True)
        self.columns = ColumnMapping()
        self.recheck = QPushButton(_("重新检查"), objectName="recheckButton")
        self.recheck.clicked.connect(self.run_check)
        self._lay_out()

    def _issue_table(self) -> QTableView:
        table = QTableView(objectName="errorTable")
        table.setModel(self.issues)
        compact_rows(table)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setWordWrap(False)
        table.verticalHeader().hide()
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        table.selectionModel().currentRowChanged.connect(self._on_error_chosen)
        table.clicked.connect(self._on_error_chosen)
        table.activated.connect(self._on_error_activated)
        return table

    def _lay_out(self) -> None:
        heading = QHBoxLayout()
        heading.addWidget(self.preview_note, 1)
        heading.addWidget(self.columns.toggle)
        heading.addWidget(self.recheck)
        data = QHBoxLayout()
        data.addWidget(self.table, 1)
        data.addWidget(self.columns)
        lower = QWidget()
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addLayout(heading)
        lower_layout.addLayout(data, 1)
        splitter = QSplitter(Qt.Orientation.Vertical, objectName="checkSplitter")
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self.errors)
        splitter.addWidget(lower)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.file_notes)
        layout.addWidget(splitter, 1)

    # --- checking ---------------------------------------------------------------------------

    def initializePage(self) -> None:
        self.columns.show_columns([], {})
        self.run_check()

    def isComplete(self) -> bool:
        return self.report is not None and self.report.ok

    def chosen_mapping(self) -> dict[str, str]:
        return self.columns.chosen()

    def run_check(self) -> None:
        """Check the file again (with the columns as now assigned); the old result is gone."""
        self.report = None
        self.completeChanged.emit()
        self.setSubTitle(_("正在检查……"))
        path, mapping = self.owner.path, self.columns.chosen() or None  # None: as remembered
        self.checks += 1
        this_check = self.checks

        def latest(handler: Callable[[Any], None]) -> Callable[[Any], None]:
            return lambda outcome: handler(outcome) if self.checks == this_check else None

        self.owner.backend.call(
            lambda ws: ops.check_import(ws, path, mapping),
            latest(self._on_checked),
            latest(self._on_check_failed),
        )

    def _on_checked(self, result: tuple[Preview, dict[str, str], ImportReport]) -> None:
        self.preview, mapping, self.report = result
        if not self.columns.combos:
            self.columns.show_columns(self.preview.headers, mapping)
        header_row = self.preview.header_row
        cell_issues = [i for i in self.report.errors if not is_about_file(i, header_row)]
        file_issues = [i for i in self.report.errors if is_about_file(i, header_row)]
        self.issues.show(cell_issues, self.preview.headers)
        self.errors.setVisible(bool(cell_issues))
        self._show_preview(cell_issues)
        self._show_data(True)
        if cell_issues:
            self.errors.setCurrentIndex(self.issues.index(0, 0))  # shows the first bad cell
        keep_rows_in_view(self.errors, ERROR_ROWS)
        keep_rows_in_view(self.table, PREVIEW_ROWS)
        self._show_notes(self._about_file(file_issues) + self.report.warnings)
        self.setSubTitle(self._summary(cell_issues))
        self._set_tab_order()
        self.completeChanged.emit()
        self.checked.emit()

    def _on_check_failed(self, error: BaseException) -> None:
        """The file could not be read at all: say why (the message names the file); a bug is
        reported as one."""
        self.preview = None
        self.issues.show([], [])
        self.errors.hide()
        self._show_data(False)
        self.setSubTitle(_("无法检查这个文件，未导入任何数据。"))
        if isinstance(error, UserError):
            self._show_notes([error.message])
        else:
            self._show_notes([_("检查时发生了意外错误。详情见日志。")])
            self.owner.report_error(error)
        self.checked.emit()

    # --- showing the result -----------------------------------------------------------------

    def _summary(self, cell_issues: list[ImportIssue]) -> str:
        report = self.report
        if report.ok:
            return _("检查通过：将新增 {imported} 人，更新 {updated} 人。点“开始导入”写入花名册。",
                     imported=report.imported, updated=report.updated)  # fmt: skip
        rows = len({issue.row for issue in cell_issues})
        if not rows:
            return _("文件有问题（见下），未导入任何数据。修改后点“重新检查”。")
        return _("发现 {count} 处问题（{rows} 行），未导入任何数据。修改 Excel 后点“重新检查”。",
                 count=len(report.errors), rows=rows)  # fmt: skip

    def _about_file(self, issues: list[ImportIssue]) -> list[str]:
        """Problems with the file as a whole: a sentence naming the file, then each problem."""
        if not issues:
            return []
        heading = _("文件“{name}”有以下问题：", name=self.owner.path.name)
        return [heading, *(f"• {issue.message}" for issue in issues)]

    def _show_notes(self, lines: list[str]) -> None:
        self.file_notes.setText("\n".join(lines))
        self.file_notes.setVisible(bool(lines))

    def _show_data(self, shown: bool) -> None:
        """The preview and its controls, hidden when the file could not be read."""
        if not shown:
            self.table.clear()
            self.table.setRowCount(0)
            self.table.setColumnCount(0)
            self.preview_note.clear()
        self.table.setVisible(shown)
        self.columns.toggle.setVisible(shown)
        self.columns.setVisible(shown and self.columns.has_rows_to_show())

    def _show_preview(self, cell_issues: list[ImportIssue]) -> None:
        preview, table = self.preview, self.table
        bad = {(issue.row, issue.column): issue.message for issue in cell_issues}
        table.clear()
        table.setColumnCount(len(preview.headers))
        table.setHorizontalHeaderLabels(preview.headers)
        table.setRowCount(len(preview.rows))
        table.setVerticalHeaderLabels([str(number) for number, _values in preview.rows])
        for row, (number, values) in enumerate(preview.rows):
            for column, header in enumerate(preview.headers):
                value = values[column] if column < len(values) else None
                item = QTableWidgetItem("" if value is None else str(value))
                message = bad.get((number, header))
                if message:
                    item.setBackground(QBrush(BAD_CELL))
                    item.setToolTip(message)
                table.setItem(row, column, item)
        fit_columns(table)
        self.preview_note.setText(self._preview_extent())

    def _preview_extent(self) -> str:
        rows = self.preview.rows
        if not rows:
            return _("预览：表头下面没有数据行。")
        return _("预览：文件的第 {first}–{last} 行。", first=rows[0][0], last=rows[-1][0])

    # --- from a problem to its cell ---------------------------------------------------------

    def _on_error_chosen(self, index: QModelIndex) -> None:
        if index.isValid():
            self.show_cell(self.issues.issues[index.row()])

    def _on_error_activated(self, index: QModelIndex) -> None:
        self._on_error_chosen(index)
        if self.table.currentIndex().isValid():
            self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def show_cell(self, issue: ImportIssue) -> None:
        """Select the issue's cell in the preview and scroll to it, or say it is not shown."""
        rows = [number for number, _values in self.preview.rows]
        if issue.row not in rows:
            self.table.clearSelection()
            self.table.setCurrentIndex(QModelIndex())
            self.preview_note.setText(
                _("第 {row} 行不在预览里（预览只显示前 {count} 行），请在 Excel 中查看。",
                  row=issue.row, count=len(rows))
            )  # fmt: skip
            return
        headers = self.preview.headers
        column = headers.index(issue.column) if issue.column in headers else 0
        table, row = self.table, rows.index(issue.row)
        table.setCurrentCell(row, column)
        # The row in the middle, as far left as the cell allows (the name stays in sight).
        table.scrollTo(table.model().index(row, 0), QTableView.ScrollHint.PositionAtCenter)
        table.scrollTo(table.currentIndex())
        self.preview_note.setText(self._preview_extent())

    def _set_tab_order(self) -> None:
        chain = [self.errors, self.columns.toggle, self.recheck, self.table]
        chain += list(self.columns.combos.values())
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)
