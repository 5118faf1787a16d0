"""The main window: section navigation, the pages, menus and the status bar."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMainWindow,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from redpair_desktop.i18n import _
from redpair_desktop.settings import Settings
from redpair_desktop.ui.about_dialog import show_about
from redpair_desktop.ui.error_reporting import ErrorReporter
from redpair_desktop.ui.operations import DbRunner
from redpair_desktop.ui.org_page import OrgPage
from redpair_desktop.ui.pairings_page import PairingsPage
from redpair_desktop.ui.planned_page import PlannedPage
from redpair_desktop.ui.sections import SECTIONS
from redpair_desktop.ui.settings_page import SettingsPage

if TYPE_CHECKING:
    from redpair_desktop.services.workspace import Workspace


def services() -> ModuleType:
    from redpair_desktop.ui import service_api

    return service_api


class MainWindow(QMainWindow):
    tree_shown = Signal()
    workspace_opened = Signal()
    open_failed = Signal()

    def __init__(
        self,
        *,
        data_dir: Path,
        settings: Settings,
        runner: DbRunner,
        reporter: ErrorReporter,
        save_settings: Callable[[Settings], None],
    ) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.setWindowTitle(_("红心结对"))
        self.data_dir = data_dir
        self.settings = settings
        self.runner = runner
        self.reporter = reporter
        self._save_settings = save_settings
        self.workspace: Workspace | None = None

        self.org_page = OrgPage()
        self.pairings_page = PairingsPage()
        self.settings_page = SettingsPage(settings.language, data_dir)
        self.pages = QStackedWidget(objectName="sectionPages")
        self.navigation = QListWidget(objectName="sectionList")
        for section in SECTIONS:
            self.navigation.addItem(_(section.title))
            self.pages.addWidget(self._page_for(section.key))
        self.navigation.currentRowChanged.connect(self._on_navigation_row_changed)
        self.setCentralWidget(self._central_widget())
        self.status = QLabel(str(data_dir))
        self.statusBar().addWidget(self.status)
        self._build_menus()
        self._connect_pages()
        self._restore_geometry()
        self.navigation.setCurrentRow(0)

    # --- construction -------------------------------------------------------------------

    def _central_widget(self) -> QWidget:
        title = QLabel(_("红心结对"), objectName="appTitle")
        side = QWidget(objectName="sideBar")
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.setSpacing(0)
        side_layout.addWidget(title)
        side_layout.addWidget(self.navigation, 1)
        side.setFixedWidth(max(180, self.navigation.sizeHintForColumn(0) + 60))
        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(side)
        layout.addWidget(self.pages, 1)
        return central

    def _page_for(self, key: str) -> QWidget:
        fixed = {
            "org": self.org_page,
            "pairings": self.pairings_page,
            "settings": self.settings_page,
        }
        if key in fixed:
            return fixed[key]
        section = next(s for s in SECTIONS if s.key == key)
        return PlannedPage(section)

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(_("文件(&F)"))
        quit_action = QAction(_("退出(&X)"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)
        help_menu = self.menuBar().addMenu(_("帮助(&H)"))
        self.about_action = QAction(_("关于红心结对(&A)"), self)
        self.about_action.triggered.connect(self._on_about_triggered)
        help_menu.addAction(self.about_action)

    def _connect_pages(self) -> None:
        self.org_page.tree_shown.connect(self.tree_shown)
        self.org_page.branch_selected.connect(self._on_org_branch_selected)
        self.org_page.first_run.demo_requested.connect(self._on_first_run_demo_requested)
        self.org_page.first_run.empty_requested.connect(self._on_first_run_empty_requested)
        self.settings_page.language_chosen.connect(self._on_settings_language_chosen)

    def _restore_geometry(self) -> None:
        geometry = self.settings.window_geometry
        if not (geometry and self.restoreGeometry(QByteArray.fromBase64(geometry.encode()))):
            self.resize(1100, 720)

    # --- workspace ----------------------------------------------------------------------

    def open_workspace(self) -> None:
        """Open (create, migrate) the database off the GUI thread, then show the tree."""
        data_dir = self.data_dir
        self.runner.run(
            lambda: services().open_workspace(data_dir),
            self._on_workspace_opened,
            self.show_open_failure,
        )

    def _on_workspace_opened(self, workspace: Workspace) -> None:
        self.workspace = workspace
        self.status.setText(_("数据库：{path}", path=workspace.database_path))
        self.workspace_opened.emit()
        self.reload_tree()

    def show_open_failure(self, error: BaseException) -> None:
        self.org_page.show_message(
            _("无法打开数据库。") + "\n\n" + (getattr(error, "message", "") or str(error))
        )
        self.reporter.report(error)
        self.open_failed.emit()

    def reload_tree(self) -> None:
        db = self.workspace.db
        self.runner.run(lambda: services().load_org_tree(db), self.org_page.show_tree)

    # --- navigation ---------------------------------------------------------------------

    def select_section(self, key: str) -> None:
        self.navigation.setCurrentRow(next(i for i, s in enumerate(SECTIONS) if s.key == key))

    def _on_navigation_row_changed(self, row: int) -> None:
        self.pages.setCurrentIndex(row)
        if SECTIONS[row].key == "pairings" and self.workspace is not None:
            db = self.workspace.db
            self.runner.run(lambda: services().list_pairings(db), self.pairings_page.show_pairings)

    # --- page events --------------------------------------------------------------------

    def _on_org_branch_selected(self, branch_id: uuid.UUID) -> None:
        db = self.workspace.db
        self.runner.run(
            lambda: services().branch_summary(db, branch_id), self.org_page.show_summary
        )

    def _on_first_run_demo_requested(self) -> None:
        workspace = self.workspace

        def load() -> object:
            services().load_demo(workspace)
            return services().load_org_tree(workspace.db)

        self.runner.run(load, self.org_page.show_tree, self._on_first_run_failed)

    def _on_first_run_empty_requested(self, company: str) -> None:
        workspace = self.workspace

        def create() -> object:
            services().create_company(workspace.db, company)
            return services().load_org_tree(workspace.db)

        self.runner.run(create, self.org_page.show_tree, self._on_first_run_failed)

    def _on_first_run_failed(self, error: BaseException) -> None:
        self.org_page.first_run.set_busy(False)
        self.reporter.report(error)

    def _on_settings_language_chosen(self, language: str) -> None:
        self.settings.language = language
        self._save_settings(self.settings)

    def _on_about_triggered(self) -> None:
        self.about_dialog = show_about(self, self.data_dir)

    # --- closing ------------------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:
        self.settings.window_geometry = self.saveGeometry().toBase64().data().decode()
        self._save_settings(self.settings)
        self.runner.shutdown()
        if self.workspace is not None:
            self.workspace.close()
            self.workspace = None
        super().closeEvent(event)
