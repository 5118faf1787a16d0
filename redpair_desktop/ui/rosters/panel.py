"""花名册: the roster of the selected branch (or of every branch under the selected unit).

Search finds people by name, pinyin initials (czb → 陈振波) or phone; a column filter narrows
any column; a click on a header sorts. Counts are derived from the rows shown.
"""

from __future__ import annotations

import uuid
from itertools import pairwise
from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from redpair_desktop.i18n import _
from redpair_desktop.ui.backend import Backend
from redpair_desktop.ui.rosters import ops
from redpair_desktop.ui.rosters.table_model import (
    COLUMNS,
    NAME_COLUMN,
    RosterTableModel,
    fit_columns_to_headers,
)
from redpair_desktop.ui.widgets.action_bar import ActionBar
from redpair_desktop.ui.widgets.row_menu import offer_row_menu, show_at_selection

if TYPE_CHECKING:
    from collections.abc import Callable

    from redpair_desktop.services.rosters.query import RosterSnapshot
    from redpair_desktop.services.rosters.removal import RemovalFacts


class RosterPanel(QWidget):
    loaded = Signal()  # a snapshot is in the view
    roster_changed = Signal()  # something was saved: counts elsewhere may change

    def __init__(
        self, backend: Backend, report_error: Callable[[BaseException], None], parent=None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("rosterPanel")
        self.backend = backend
        self.report_error = report_error
        self.scope: list[uuid.UUID] | None = None
        self.scope_name = ""
        self.scope_branch: str | None = None
        self.branch_names: list[str] = []
        self.dialog: QWidget | None = None  # the open editor, question or wizard
        self.model = RosterTableModel(self)
        self._counts_timer = QTimer(self, singleShot=True, interval=150)
        self._counts_timer.timeout.connect(self._show_counts)
        self._build()

    def _build(self) -> None:
        self._build_filters()
        self._build_table()
        self._build_actions()
        top = QHBoxLayout()
        top.addWidget(self.search, 2)
        top.addWidget(self.filter_column)
        top.addWidget(self.filter_text, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.actions_bar)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.counts)
        for first, second in pairwise([self.search, self.filter_column, self.filter_text,
                                       *self._bar_buttons(), self.table]):  # fmt: skip
            QWidget.setTabOrder(first, second)

    def _build_filters(self) -> None:
        self.search = QLineEdit(objectName="rosterSearch", clearButtonEnabled=True)
        self.search.setPlaceholderText(_("姓名、拼音或电话"))
        self.search.setToolTip(_("按姓名、拼音（全拼或首字母）或电话搜索（Ctrl+F）"))
        self.search.textChanged.connect(self.model.set_search)
        self.search.textChanged.connect(self._show_counts_soon)
        self.filter_column = QComboBox(objectName="rosterFilterColumn")
        self.filter_column.addItem(_("按列筛选…"), None)
        for index, roster_field in enumerate(COLUMNS):
            self.filter_column.addItem(_(roster_field.header), index)
        self.filter_text = QLineEdit(objectName="rosterFilterText", clearButtonEnabled=True)
        self.filter_text.setPlaceholderText(_("筛选内容"))
        self.filter_column.currentIndexChanged.connect(self._on_filter_changed)
        self.filter_text.textChanged.connect(self._on_filter_changed)

    def _build_table(self) -> None:
        self.table = QTableView(objectName="rosterTable")
        self.table.setModel(self.model)
        header = self.table.horizontalHeader()
        header.setSortIndicator(NAME_COLUMN, Qt.SortOrder.AscendingOrder)  # Qt's default: Z→A
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table; arrows move in it
        rows = self.table.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(24)
        rows.hide()  # row numbers of 100,000 rows cost time on every filter and say little
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSortIndicatorShown(True)
        fit_columns_to_headers(self.table)
        self.table.activated.connect(lambda _index: self.edit_selected())  # Enter, double-click
        offer_row_menu(self.table, self._show_row_menu)
        self.counts = QLabel(objectName="rosterCounts")

    def _build_actions(self) -> None:
        """The tool bar's actions, with shortcuts that work only while the roster tab has the
        focus (set when the panel is built, after the window's first paint)."""
        self.actions_bar = ActionBar()  # wraps in a narrow window
        self.actions_bar.setObjectName("rosterActions")
        self.buttons: dict[str, QAction] = {}
        for key, text, slot, keys in (
            ("add", _("新增"), self.add_person, [QKeySequence.StandardKey.New]),
            ("edit", _("编辑"), self.edit_selected, [Qt.Key.Key_F2]),
            ("transfer", _("调转"), self.transfer_selected, ["Ctrl+T"]),
            ("remove", _("移出"), self.remove_selected, [QKeySequence.StandardKey.Delete]),
            ("history", _("履历"), self.show_history, ["Ctrl+H"]),
            ("import", _("导入 Excel…"), self.import_excel, []),
            ("export", _("导出 Excel…"), self.export_excel, []),
            ("template", _("空白模板…"), self.save_template, []),
        ):
            action = self.actions_bar.addAction(text)
            action.setObjectName(f"roster_{key}")
            action.triggered.connect(slot)
            self._add_shortcut(action, keys)
            self.buttons[key] = action
        for key, slot, keys in (
            ("find", self.focus_search, [QKeySequence.StandardKey.Find]),
            ("reload", self.reload, [QKeySequence.StandardKey.Refresh]),
            (
                "menu",
                lambda: show_at_selection(self.table, self._show_row_menu),
                [Qt.Key.Key_Menu, "Shift+F10"],
            ),
        ):
            action = QAction(self, objectName=f"roster_{key}")
            action.triggered.connect(slot)
            self._add_shortcut(action, keys)
            self.buttons[key] = action

    def _add_shortcut(self, action: QAction, keys: list) -> None:
        if not keys:
            return
        action.setShortcuts([QKeySequence(k) for k in keys])
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.addAction(action)  # the panel and what it holds: never on another page

    def _bar_buttons(self) -> list[QWidget]:
        return list(self.actions_bar.buttons())

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    # --- the rows' context menu -----------------------------------------------------------

    def _show_row_menu(self, where: QPoint) -> None:
        self.row_menu = QMenu(self, objectName="rosterRowMenu")
        for key in ("edit", "transfer", "history", None, "remove"):
            if key is None:
                self.row_menu.addSeparator()
            else:
                self.row_menu.addAction(self.buttons[key])
        self.row_menu.popup(where)

    # --- loading --------------------------------------------------------------------------

    def load(self, scope: list[uuid.UUID] | None, scope_name: str, branch: str | None) -> None:
        """Show the roster of these branches (None: every branch); ``branch`` names the one
        branch in scope, if there is just one (new people go there)."""
        self.scope, self.scope_name, self.scope_branch = scope, scope_name, branch
        self.counts.setText(_("正在载入“{name}”的花名册……", name=scope_name))

        self.backend.call(lambda ws: ops.load_roster(ws, scope), self._on_loaded)

    def reload(self) -> None:
        self.load(self.scope, self.scope_name, self.scope_branch)

    def _on_loaded(self, result: tuple[RosterSnapshot, list[str]]) -> None:
        snapshot, self.branch_names = result
        self.model.set_snapshot(snapshot)
        self._show_counts()
        self.loaded.emit()

    def _show_counts(self) -> None:
        shown, staff, party, supply = self.model.counts()
        self.counts.setText(
            _("{scope}：显示 {shown} 人；职工 {staff} 人，党员 {party} 人，供服党员 {supply} 人",
              scope=self.scope_name, shown=shown, staff=staff, party=party, supply=supply)
        )  # fmt: skip

    def _show_counts_soon(self) -> None:
        """Once typing pauses: the rows follow every keystroke, the totals the last one."""
        self._counts_timer.start()

    def _on_filter_changed(self) -> None:
        self.model.set_column_filter(self.filter_column.currentData(), self.filter_text.text())
        self._show_counts_soon()

    # --- actions --------------------------------------------------------------------------

    def selected_membership(self) -> uuid.UUID | None:
        selected = self._selected()
        return selected[0] if selected else None

    def _selected(self) -> tuple[uuid.UUID, str] | None:
        """The selected roster entry and the person's name."""
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        row = rows[0].row()
        name = self.model.display_value(self.model.visible[row], "name")
        return uuid.UUID(self.model.membership_id(row)), name

    def add_person(self) -> None:
        from redpair_desktop.ui.rosters.person_dialog import PersonDialog

        values = {"branch": self.scope_branch} if self.scope_branch else {}
        dialog = PersonDialog(
            self.backend, self.report_error, self.branch_names, values, None, self
        )
        self._open(dialog)

    def edit_selected(self) -> None:
        from redpair_desktop.ui.rosters.person_dialog import PersonDialog

        membership_id = self.selected_membership()
        if membership_id is None:
            return

        def show(values: dict) -> None:
            dialog = PersonDialog(
                self.backend, self.report_error, self.branch_names, values, membership_id, self
            )
            self._open(dialog)

        self.backend.call(lambda ws: ops.editor_values(ws, membership_id), show)

    def _open(self, dialog) -> None:
        self.dialog = dialog
        dialog.saved.connect(self._on_person_saved)
        dialog.open()

    def _on_person_saved(self, _membership_id: object) -> None:
        self.reload()
        self.roster_changed.emit()

    def transfer_selected(self) -> None:
        from redpair_desktop.ui.rosters.transfer_dialog import TransferDialog

        selected = self._selected()
        if selected is None:
            return
        membership_id, name = selected
        dialog = TransferDialog(
            self.backend, self.report_error, membership_id, name, self.branch_names, self
        )
        self._open(dialog)

    def remove_selected(self) -> None:
        """Ask the date and reason first (saying so if the person is the branch secretary)."""
        membership_id = self.selected_membership()
        if membership_id is not None:
            self.backend.call(
                lambda ws: ops.removal_facts(ws, membership_id),
                lambda facts: self._ask_removal(membership_id, facts),
            )

    def _ask_removal(self, membership_id: uuid.UUID, facts: RemovalFacts) -> None:
        from redpair_desktop.ui.rosters.remove_dialog import RemoveDialog

        dialog = RemoveDialog(self.backend, self.report_error, membership_id, facts, self)
        self.dialog = dialog
        dialog.removed.connect(self._on_person_saved)
        dialog.open()

    def show_history(self) -> None:
        membership_id = self.selected_membership()
        if membership_id is not None:
            self.backend.call(
                lambda ws: ops.person_history(ws, membership_id),
                self._on_history_loaded,
            )

    def _on_history_loaded(self, entries: list) -> None:
        from redpair_desktop.ui.rosters.transfer_dialog import show_history

        self.history_box = show_history(self, entries)

    def import_excel(self) -> None:
        from redpair_desktop.ui.rosters.import_wizard import ImportWizard

        wizard = ImportWizard(self.backend, self.report_error, self)
        wizard.imported.connect(self._on_person_saved)
        self.dialog = wizard
        wizard.open()

    def export_excel(self) -> None:
        from redpair_desktop.ui.widgets.file_dialogs import ask_save_path

        path = ask_save_path(self, _("导出花名册"), f"{self.scope_name}花名册.xlsx")
        if path is not None:
            self.export_to(path)

    def export_to(self, path) -> None:
        snapshot, rows = self.model.snapshot, list(self.model.visible)
        self.backend.call(
            lambda _ws: ops.export_roster(snapshot, path, rows),
            lambda count: self.counts.setText(
                _("已导出 {count} 人到 {path}", count=count, path=path)
            ),
        )

    def save_template(self) -> None:
        from redpair_desktop.ui.widgets.file_dialogs import ask_save_path

        path = ask_save_path(self, _("保存空白模板"), _("花名册模板.xlsx"))
        if path is not None:
            names = list(self.branch_names)
            self.backend.call(
                lambda _ws: ops.write_template(path, names),
                lambda _none: self.counts.setText(_("已生成模板：{path}", path=path)),
            )
