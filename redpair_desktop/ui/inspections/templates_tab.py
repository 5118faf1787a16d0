"""检查表模板: the checklist templates (name, latest version, items, how many inspections used
them, when saved) and the versions of the selected one.

Enter (or 编辑…) opens the selected template's latest version in the editor, Enter on a version
opens that version (an older one read only); Ctrl+N makes a new template, Ctrl+Shift+N a new one
from the selected template's words (以此为底稿新建). The row menu (right click, Menu key) holds
them too."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAction, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QMenu,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from redpair_desktop.i18n import N_, _
from redpair_desktop.ui.backend import Backend
from redpair_desktop.ui.inspections import template_ops as ops
from redpair_desktop.ui.inspections.part_keys import blank_template, fresh_copy
from redpair_desktop.ui.inspections.template_editor import TemplateEditorDialog
from redpair_desktop.ui.widgets.action_bar import ActionBar
from redpair_desktop.ui.widgets.actions import add_actions, add_shortcut
from redpair_desktop.ui.widgets.row_menu import offer_row_menu, show_at_selection

if TYPE_CHECKING:
    from redpair_desktop.services.inspections.templates import TemplateRow, VersionRow
    from redpair_desktop.ui.sections import PageContext

TEMPLATE_HEADERS = (N_("名称"), N_("最新版本"), N_("检查项"), N_("已用于检查"), N_("保存时间"),
                    N_("来源"))  # fmt: skip
VERSION_HEADERS = (N_("版本"), N_("保存时间"), N_("保存人"), N_("检查项"), N_("已用于检查"))


def _saved(moment: datetime | None) -> str:
    return moment.astimezone().strftime("%Y-%m-%d %H:%M") if moment else "—"


def _table(name: str, headers: Sequence[str], stretched: int) -> QTableWidget:
    table = QTableWidget(0, len(headers), objectName=name)
    table.setHorizontalHeaderLabels([_(header) for header in headers])
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setTabKeyNavigation(False)
    table.verticalHeader().hide()
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(stretched, QHeaderView.ResizeMode.Stretch)
    return table


def _fill(table: QTableWidget, rows: list[tuple[str, ...]]) -> None:
    table.blockSignals(True)
    table.setRowCount(len(rows))
    for row, cells in enumerate(rows):
        for column, text in enumerate(cells):
            table.setItem(row, column, QTableWidgetItem(text))
    table.blockSignals(False)


def _template_cells(row: TemplateRow) -> tuple[str, ...]:
    source = _("内置") if row.built_in else _("自建")
    return (row.name, _("第 {version} 版", version=row.version), str(row.items),
            _("{count} 次", count=row.inspections), _saved(row.saved_at), source)  # fmt: skip


def _version_cells(row: VersionRow) -> tuple[str, ...]:
    return (_("第 {version} 版", version=row.version), _saved(row.saved_at), row.saved_by or "—",
            str(row.items), _("{count} 次", count=row.inspections))  # fmt: skip


class TemplatesTab(QWidget):
    """Reloads the templates each time it is shown and after every save."""

    def __init__(
        self,
        backend: Backend,
        report_error: Callable[[BaseException], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent, objectName="templatesTab")
        self.backend, self.report_error = backend, report_error
        self.rows: list[TemplateRow] = []
        self.versions: list[VersionRow] = []
        self.versions_key: str | None = None  # whose versions are listed
        self.editor: TemplateEditorDialog | None = None
        self.loaded = False  # the templates have arrived at least once (tests wait for it)
        self.table = _table("templateTable", TEMPLATE_HEADERS, stretched=0)
        self.table.itemSelectionChanged.connect(self._on_selection_changed)
        self.table.activated.connect(lambda _index: self.edit_selected())  # Enter, double-click
        offer_row_menu(self.table, self._show_row_menu)
        self.version_table = _table(
            "templateVersionTable", VERSION_HEADERS, stretched=len(VERSION_HEADERS) - 1
        )
        self.version_table.activated.connect(lambda index: self.open_version(index.row()))
        self.actions_bar = ActionBar()
        self.actions_bar.setObjectName("templateActions")
        self.actions = self._build_actions()
        self._build_layout()
        self._on_selection_changed()

    def _build_actions(self) -> dict[str, QAction]:
        actions = add_actions(self, self.actions_bar, "template", (
            ("edit", _("编辑…"), self.edit_selected, []),  # Enter is the table's own (activated)
            ("new", _("新建模板…"), self.new_template, [QKeySequence.StandardKey.New]),
            ("copy", _("以此为底稿新建…"), self.copy_selected, ["Ctrl+Shift+N"]),
        ))  # fmt: skip
        enter = QKeySequence("Enter").toString(QKeySequence.SequenceFormat.NativeText)
        actions["edit"].setToolTip(f"{actions['edit'].text()} ({enter})")
        menu_key = QAction(self, objectName="template_menu")
        menu_key.triggered.connect(lambda: show_at_selection(self.table, self._show_row_menu))
        add_shortcut(self.table, menu_key, [Qt.Key.Key_Menu, "Shift+F10"])
        return actions

    def _build_layout(self) -> None:
        versions = QWidget()
        column = QVBoxLayout(versions)
        column.setContentsMargins(0, 0, 0, 0)
        self.versions_title = QLabel(objectName="versionsTitle")
        column.addWidget(self.versions_title)
        column.addWidget(self.version_table, 1)
        splitter = QSplitter(Qt.Orientation.Vertical, objectName="templateSplitter")
        splitter.addWidget(self.table)
        splitter.addWidget(versions)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setChildrenCollapsible(False)
        hint = QLabel(_("修改已用于检查的版本时保存为新版本；已有检查保留各自当时的版本。"),
                      objectName="templateHint", wordWrap=True)  # fmt: skip
        layout = QVBoxLayout(self)
        layout.addWidget(self.actions_bar)
        layout.addWidget(hint)
        layout.addWidget(splitter, 1)
        self.setTabOrder(self.table, self.version_table)

    # --- loading ------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.reload()

    def reload(self, select: str | None = None) -> None:
        keep = select or self._selected_key()
        self.backend.call(
            ops.list_templates, lambda rows: self._on_loaded(rows, keep), self.report_error
        )

    def _on_loaded(self, rows: list[TemplateRow], keep: str | None) -> None:
        self.rows = rows
        _fill(self.table, [_template_cells(row) for row in rows])
        keys = [row.key for row in rows]
        self.table.blockSignals(True)
        self.table.selectRow(keys.index(keep) if keep in keys else 0)
        self.table.blockSignals(False)
        self._on_selection_changed()  # the versions afresh, even of the same template
        self.loaded = True

    def _selected_key(self) -> str | None:
        row = self.selected_row()
        return row.key if row else None

    def selected_row(self) -> TemplateRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self.rows[rows[0].row()] if rows and rows[0].row() < len(self.rows) else None

    def _on_selection_changed(self) -> None:
        row = self.selected_row()
        for key in ("edit", "copy"):
            self.actions[key].setEnabled(row is not None)
        self.versions_title.setText(
            _("“{name}”的版本", name=row.name) if row else _("请选择一张检查表。")
        )
        if row is None or row.key != self.versions_key:  # another template: not its versions
            self.versions, self.versions_key = [], None
            _fill(self.version_table, [])
        if row is not None:
            key = row.key
            self.backend.call(
                lambda ws: ops.template_versions(ws, key),
                lambda versions: self._on_versions(key, versions),
                self.report_error,
            )

    def _on_versions(self, key: str, versions: list[VersionRow]) -> None:
        if key == self._selected_key():
            self.versions, self.versions_key = versions, key
            _fill(self.version_table, [_version_cells(v) for v in versions])

    # --- actions ------------------------------------------------------------------------

    def edit_selected(self) -> None:
        row = self.selected_row()
        if row is not None:
            self._open(TemplateEditorDialog(self.backend, self.report_error, row.key, parent=self))

    def open_version(self, index: int) -> None:
        row = self.selected_row()
        if row is not None and 0 <= index < len(self.versions):
            version = self.versions[index].version
            self._open(TemplateEditorDialog(self.backend, self.report_error, row.key,
                                            version=version, parent=self))  # fmt: skip

    def new_template(self) -> None:
        self._open(TemplateEditorDialog(self.backend, self.report_error,
                                        new_words=blank_template(), parent=self))  # fmt: skip

    def copy_selected(self) -> None:
        row = self.selected_row()
        if row is None:
            return
        name = _("{name}（副本）", name=row.name)
        key = row.key
        self.backend.call(
            lambda ws: ops.open_version(ws, key),
            lambda opened: self._open(TemplateEditorDialog(
                self.backend, self.report_error,
                new_words=fresh_copy(opened.words, name), parent=self)),
            self.report_error,
        )  # fmt: skip

    def _open(self, editor: TemplateEditorDialog) -> None:
        self.editor = editor
        editor.saved.connect(self.reload)
        editor.open()

    # --- the row menu -------------------------------------------------------------------

    def _show_row_menu(self, where: QPoint) -> None:
        self.row_menu = QMenu(self, objectName="templateRowMenu")
        for key in ("edit", "copy", "new"):
            self.row_menu.addAction(self.actions[key])
        self.row_menu.popup(where)


def build_tab(context: PageContext) -> TemplatesTab:
    return TemplatesTab(context.backend, context.report_error)
