"""导入 Excel: pick a file → check it (every bad cell highlighted and explained, columns mapped
by hand where needed) → import with progress and cancel. All work runs on the database worker;
nothing is written unless every row is valid."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from redpair_desktop.domain.errors import ImportCancelled, user_message
from redpair_desktop.domain.rosters.fields import ROSTER_FIELDS, field_for_header
from redpair_desktop.i18n import _
from redpair_desktop.ui.backend import Backend
from redpair_desktop.ui.rosters import ops

if TYPE_CHECKING:
    from redpair_desktop.services.rosters.importer import ImportReport
    from redpair_desktop.services.rosters.workbook import Preview

BAD_CELL = QColor("#ffcdd2")
IGNORE = ""


class ImportWizard(QWizard):
    imported = Signal(object)  # the ImportReport
    progressed = Signal(int, object)  # rows done, rows in all (thread-safe: emitted by the worker)

    def __init__(
        self, backend: Backend, report_error: Callable[[BaseException], None], parent=None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("importWizard")
        self.setWindowTitle(_("从 Excel 导入花名册"))
        self.backend = backend
        self.report_error = report_error
        self.file_page = FilePage()
        self.check_page = CheckPage(self)
        self.run_page = RunPage(self)
        for page in (self.file_page, self.check_page, self.run_page):
            self.addPage(page)
        self.resize(900, 640)

    @property
    def path(self) -> Path:
        return Path(self.file_page.path.text().strip())


class FilePage(QWizardPage):
    def __init__(self) -> None:
        super().__init__()
        self.setTitle(_("选择文件"))
        self.setSubTitle(
            _("支持 .xlsx。表头用中文字段名（如 姓名、所在党支部、人员类别），顺序不限。")
        )
        self.path = QLineEdit(objectName="importPath")
        self.path.textChanged.connect(self.completeChanged)
        browse = QPushButton(_("浏览…"), objectName="importBrowse")
        browse.clicked.connect(self._on_browse_clicked)
        row = QHBoxLayout(self)
        row.addWidget(self.path, 1)
        row.addWidget(browse)

    def isComplete(self) -> bool:
        return Path(self.path.text().strip()).suffix.lower() in (".xlsx", ".xlsm")

    def _on_browse_clicked(self) -> None:
        from redpair_desktop.ui.widgets.file_dialogs import ask_open_path

        chosen = ask_open_path(self, _("选择花名册文件"))
        if chosen is not None:
            self.path.setText(str(chosen))


class CheckPage(QWizardPage):
    checked = Signal()  # a check finished (its result is on the page)

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self.setTitle(_("检查"))
        self.setSubTitle(_("红色单元格有问题，鼠标停在上面可看原因。修改 Excel 后可重新检查。"))
        self.owner = wizard
        self.report: ImportReport | None = None
        self.preview: Preview | None = None
        self.summary = QLabel(objectName="checkSummary", wordWrap=True)
        self.mapping_form = QFormLayout()
        mapping_box = QWidget()
        mapping_box.setLayout(self.mapping_form)
        self.mapping: dict[str, QComboBox] = {}
        self.table = QTableWidget(objectName="previewTable")
        self.errors = QListWidget(objectName="errorList")
        recheck = QPushButton(_("重新检查"), objectName="recheckButton")
        recheck.clicked.connect(self.run_check)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(QLabel(_("列的对应（未识别的列可在此指定）：")))
        layout.addWidget(mapping_box)
        layout.addWidget(self.table, 3)
        layout.addWidget(self.errors, 1)
        layout.addWidget(recheck)

    def initializePage(self) -> None:
        self.mapping.clear()
        while self.mapping_form.rowCount():
            self.mapping_form.removeRow(0)
        self.run_check()

    def isComplete(self) -> bool:
        return self.report is not None and self.report.ok

    def chosen_mapping(self) -> dict[str, str]:
        return {header: combo.currentData() for header, combo in self.mapping.items()}

    def run_check(self) -> None:
        self.report = None
        self.completeChanged.emit()
        self.summary.setText(_("正在检查……"))
        path, mapping = self.owner.path, self.chosen_mapping()
        if self.preview is None or not self.mapping:
            mapping = None  # first check: use (and show) the remembered mapping

        self.owner.backend.call(
            lambda ws: ops.check_import(ws, path, mapping), self._on_checked, self._on_check_failed
        )

    def _on_checked(self, result) -> None:
        self.preview, mapping, self.report = result
        if not self.mapping:
            self._build_mapping(self.preview.headers, mapping)
        self._show_preview()
        self._show_result()
        self.completeChanged.emit()
        self.checked.emit()

    def _on_check_failed(self, error: BaseException) -> None:
        self.summary.setText(user_message(error))
        self.checked.emit()

    def _build_mapping(self, headers: list[str], remembered: dict[str, str]) -> None:
        for header in headers:
            if not header:
                continue
            combo = QComboBox(objectName=f"map_{header}")
            combo.addItem(_("（忽略此列）"), IGNORE)
            for roster_field in ROSTER_FIELDS:
                combo.addItem(_(roster_field.header), roster_field.header)
            known = field_for_header(remembered.get(header, header))
            combo.setCurrentIndex(combo.findData(known.header) if known else 0)
            self.mapping_form.addRow(header, combo)
            self.mapping[header] = combo

    def _show_preview(self) -> None:
        preview, report = self.preview, self.report
        bad = {(issue.row, issue.column): issue.message for issue in report.errors}
        self.table.clear()
        self.table.setColumnCount(len(preview.headers))
        self.table.setHorizontalHeaderLabels(preview.headers)
        self.table.setRowCount(len(preview.rows))
        self.table.setVerticalHeaderLabels([str(number) for number, _values in preview.rows])
        for row, (number, values) in enumerate(preview.rows):
            for column, header in enumerate(preview.headers):
                value = values[column] if column < len(values) else None
                item = QTableWidgetItem("" if value is None else str(value))
                message = bad.get((number, header))
                if message:
                    item.setBackground(QBrush(BAD_CELL))
                    item.setToolTip(message)
                self.table.setItem(row, column, item)

    def _show_result(self) -> None:
        report = self.report
        self.errors.clear()
        for issue in report.errors:
            where = _("第 {row} 行", row=issue.row) if issue.row else _("文件")
            column = f"，{issue.column}" if issue.column else ""
            self.errors.addItem(f"{where}{column}：{issue.message}")
        for warning in report.warnings:
            self.errors.addItem(warning)
        if report.ok:
            self.summary.setText(
                _("检查通过：将新增 {imported} 人，更新 {updated} 人。点“下一步”开始导入。",
                  imported=report.imported, updated=report.updated)
            )  # fmt: skip
        else:
            self.summary.setText(
                _("发现 {count} 处问题，未导入任何数据。请修改文件后点“重新检查”。",
                  count=len(report.errors))
            )  # fmt: skip


class RunPage(QWizardPage):
    finished_import = Signal()

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self.setTitle(_("导入"))
        self.owner = wizard
        self.done = False
        self.cancel_requested = threading.Event()
        self.progress = QProgressBar(objectName="importProgress")
        self.status = QLabel(objectName="importStatus", wordWrap=True)
        self.cancel = QPushButton(_("取消导入"), objectName="cancelImport")
        self.cancel.clicked.connect(self.cancel_requested.set)
        layout = QVBoxLayout(self)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addWidget(self.cancel)
        wizard.progressed.connect(self._on_progressed)

    def initializePage(self) -> None:
        self.done = False
        self.cancel_requested.clear()
        self.cancel.setEnabled(True)
        self.status.setText(_("正在导入……"))
        self.progress.setRange(0, 0)
        wizard = self.owner
        path, mapping = wizard.path, wizard.check_page.chosen_mapping()
        cancelled = self.cancel_requested.is_set

        wizard.backend.call(
            lambda ws: ops.run_import(ws, path, mapping, wizard.progressed.emit, cancelled),
            self._on_imported,
            self._on_failed,
        )

    def isComplete(self) -> bool:
        return self.done

    def _on_progressed(self, done: int, total: object) -> None:
        if isinstance(total, int) and total > 0:
            self.progress.setRange(0, total)
            self.progress.setValue(min(done, total))

    def _on_imported(self, report: ImportReport) -> None:
        self._finish()
        if report.ok:
            self.status.setText(
                _("导入完成：新增 {imported} 人，更新 {updated} 人。",
                  imported=report.imported, updated=report.updated)
            )  # fmt: skip
            self.owner.imported.emit(report)
        else:
            self.status.setText(_("导入失败，未写入任何数据：") + report.errors[0].message)

    def _on_failed(self, error: BaseException) -> None:
        self._finish()
        if isinstance(error, ImportCancelled):
            self.status.setText(error.message)
        else:
            self.status.setText(_("导入失败，未写入任何数据。"))
            self.owner.report_error(error)

    def _finish(self) -> None:
        self.done = True
        self.cancel.setEnabled(False)
        self.progress.setRange(0, 1)
        self.progress.setValue(1)
        self.completeChanged.emit()
        self.finished_import.emit()
