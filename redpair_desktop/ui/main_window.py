"""The main window: section navigation, the pages (built when first visited), menus, status."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMainWindow,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from redpair_desktop.domain.errors import user_message
from redpair_desktop.i18n import _
from redpair_desktop.settings import Settings
from redpair_desktop.ui.appearance import styled
from redpair_desktop.ui.backend import Backend
from redpair_desktop.ui.error_reporting import ErrorReporter
from redpair_desktop.ui.sections import SECTIONS, PageContext

if TYPE_CHECKING:
    from PySide6.QtGui import QCloseEvent


class MainWindow(QMainWindow):
    tree_shown = Signal()
    open_failed = Signal()

    def __init__(
        self,
        *,
        data_dir: Path,
        settings: Settings,
        backend: Backend,
        reporter: ErrorReporter,
        save_settings: Callable[[Settings], None],
    ) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.setWindowTitle(_("红心结对"))
        self.data_dir = data_dir
        self.settings = settings
        self.backend = backend
        self.reporter = reporter
        self._save_settings = save_settings

        self.context = PageContext(backend, reporter.report, settings, data_dir, save_settings)
        self.pages = QStackedWidget(objectName="sectionPages")
        self._built: dict[str, QWidget] = {}
        self.navigation = QListWidget(objectName="sectionList")
        for section in SECTIONS:
            self.navigation.addItem(_(section.title))
            self.pages.addWidget(QWidget())
        self.org_page = self.page("org")  # the first section: built now, it shows the tree
        self.org_page.tree_shown.connect(self.tree_shown)
        self.navigation.currentRowChanged.connect(self._on_navigation_row_changed)
        self.setCentralWidget(self._central_widget())
        self.status = QLabel(str(data_dir))
        self.statusBar().addWidget(self.status)
        self._build_menus()
        self._restore_geometry()
        backend.opened.connect(self._on_backend_opened)
        backend.open_failed.connect(self.show_open_failure)
        self.navigation.setCurrentRow(0)

    # --- construction -------------------------------------------------------------------

    def _central_widget(self) -> QWidget:
        side = styled(QWidget(objectName="sideBar"))
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.setSpacing(0)
        side_layout.addWidget(QLabel(_("红心结对"), objectName="appTitle"))
        side_layout.addWidget(self.navigation, 1)
        side.setFixedWidth(max(180, self.navigation.sizeHintForColumn(0) + 60))
        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(side)
        layout.addWidget(self.pages, 1)
        return central

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(_("文件(&F)"))
        self.verify_action = QAction(_("校验协议书(&V)…"), self, objectName="verifyAgreement")
        self.verify_action.triggered.connect(self._on_verify_triggered)
        file_menu.addAction(self.verify_action)
        file_menu.addSeparator()
        self.quit_action = QAction(_("退出(&X)"), self)
        self.quit_action.triggered.connect(self.close)
        file_menu.addAction(self.quit_action)
        help_menu = self.menuBar().addMenu(_("帮助(&H)"))
        self.about_action = QAction(_("关于红心结对(&A)"), self)
        self.about_action.triggered.connect(self._on_about_triggered)
        help_menu.addAction(self.about_action)

    def install_shortcuts(self) -> None:
        """Called after the first paint: the first shortcut set costs PySide6 ~30 ms."""
        from PySide6.QtGui import QKeySequence  # its enums load with it: after the paint

        self.quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        self.verify_action.setShortcut(QKeySequence("Ctrl+Shift+V"))

    def _restore_geometry(self) -> None:
        geometry = self.settings.window_geometry
        if not (geometry and self.restoreGeometry(QByteArray.fromBase64(geometry.encode()))):
            self.resize(1100, 720)

    # --- navigation ---------------------------------------------------------------------

    def page(self, key: str) -> QWidget:
        """The section's page, built if it was not yet: pages other than the first are built
        on first visit, keeping start-up light."""
        if key not in self._built:
            row = next(i for i, s in enumerate(SECTIONS) if s.key == key)
            placeholder = self.pages.widget(row)
            page = SECTIONS[row].build_page(self.context)
            self.pages.insertWidget(row, page)
            self.pages.removeWidget(placeholder)
            placeholder.deleteLater()
            self._built[key] = page
        return self._built[key]

    def select_section(self, key: str) -> None:
        self.navigation.setCurrentRow(next(i for i, s in enumerate(SECTIONS) if s.key == key))

    def _on_navigation_row_changed(self, row: int) -> None:
        self.pages.setCurrentWidget(self.page(SECTIONS[row].key))

    # --- database state -----------------------------------------------------------------

    def _on_backend_opened(self, workspace: object) -> None:
        self.status.setText(_("数据库：{path}", path=self.backend.workspace.database_path))

    def show_open_failure(self, error: BaseException) -> None:
        self.org_page.show_message(_("无法打开数据库。") + "\n\n" + user_message(error))
        self.reporter.report(error)
        self.open_failed.emit()

    # --- menus and settings -------------------------------------------------------------

    def _on_about_triggered(self) -> None:
        from redpair_desktop.ui.about_dialog import show_about

        self.about_dialog = show_about(self, self.data_dir)

    def _on_verify_triggered(self) -> None:
        from redpair_desktop.ui.agreements.verify_dialog import VerifyDialog

        self.verify_dialog = VerifyDialog(self.backend, self.reporter.report, parent=self)
        self.verify_dialog.open()

    def closeEvent(self, event: QCloseEvent) -> None:
        """The other windows close first, each storing what it still holds before the worker
        stops; one that refuses (the kiosk asks for the PIN) keeps the application open."""
        others = [w for w in QApplication.topLevelWidgets() if w is not self and w.isVisible()]
        if not all(window.close() for window in others):
            event.ignore()
            return
        self.settings.window_geometry = self.saveGeometry().toBase64().data().decode()
        self._save_settings(self.settings)
        self.backend.close()
        super().closeEvent(event)
