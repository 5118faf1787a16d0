"""导入 Excel: pick a file → check it (every problem listed, every bad cell highlighted, columns
not recognised mapped by hand) → import with progress and cancel. All work runs on the database
worker; nothing is written unless every row is valid.

The check page is a commit page: once the import has started, 上一步 is disabled, so the check's
plan (“将新增 N 人”) is never shown again after it was carried out. Only an import that wrote
nothing (cancelled, failed) can go back, and going back checks the file again."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWizard,
    QWizardPage,
)

from redpair_desktop.domain.errors import ImportCancelled
from redpair_desktop.i18n import _
from redpair_desktop.ui.backend import Backend
from redpair_desktop.ui.rosters import ops
from redpair_desktop.ui.rosters.import_check_page import CheckPage

if TYPE_CHECKING:
    from redpair_desktop.services.rosters.importer import ImportReport


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
        self.check_page.setCommitPage(True)
        self.setButtonText(QWizard.WizardButton.CommitButton, _("开始导入"))
        self.resize(900, 640)

    def reject(self) -> None:
        """Closing the wizard while the import runs cancels it (nothing is written)."""
        self.run_page.cancel_requested.set()
        super().reject()

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

    def cleanupPage(self) -> None:
        """Back to the check page (only after an import that wrote nothing): check again."""
        self.owner.check_page.setCommitPage(True)
        self.owner.check_page.run_check()

    def _on_imported(self, report: ImportReport) -> None:
        self._finish(wrote=report.ok)
        if report.ok:
            self.status.setText(
                _("导入完成：新增 {imported} 人，更新 {updated} 人。",
                  imported=report.imported, updated=report.updated)
            )  # fmt: skip
            self.owner.imported.emit(report)
        else:
            self.status.setText(_("导入失败，未写入任何数据：") + report.errors[0].message)

    def _on_failed(self, error: BaseException) -> None:
        self._finish(wrote=False)
        if isinstance(error, ImportCancelled):
            self.status.setText(error.message)
        else:
            self.status.setText(_("导入失败，未写入任何数据。"))
            self.owner.report_error(error)

    def _finish(self, wrote: bool) -> None:
        """Done; 上一步 stays disabled once the plan was carried out, and is offered again
        (to check anew) when nothing was written."""
        self.owner.check_page.setCommitPage(wrote)
        self.done = True
        self.cancel.setEnabled(False)
        self.progress.setRange(0, 1)
        self.progress.setValue(1)
        self.completeChanged.emit()
        self.finished_import.emit()
