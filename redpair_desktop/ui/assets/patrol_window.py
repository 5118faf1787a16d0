"""The patrol window: every pole (杆号 1 … N) and transformer of the line in one table, each
正常 unless a defect is marked, defects in red with their type and note; beside it the selected
asset's defect photos and its history across patrols.

Keyboard first. Type a pole number (or G1, Z2 …) and Enter to jump to it — in the table the
first digit goes to the 杆号 box by itself; a number the line does not have is named and
nothing changes. D or Enter on a row opens the defect form (a number key chooses the type, then
the note, a photo imported with Ctrl+Shift+I or pasted with Ctrl+V, Enter stores it at once on
the worker). Delete takes back the row's last defect after asking; Ctrl+Shift+F raises it as a
finding (列入问题清单); Ctrl+Shift+D shows only the assets with a defect; Ctrl+P and
Ctrl+Shift+P preview the record and the blank sheet; Ctrl+Enter completes the patrol. The row
menu (right click, Menu key) holds the row's actions."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QPoint, Qt, Signal
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from redpair_desktop.domain.assets.codes import AssetState, PatrolStatus
from redpair_desktop.domain.errors import UserError
from redpair_desktop.domain.labels import label
from redpair_desktop.i18n import _
from redpair_desktop.ui.appearance import error_label
from redpair_desktop.ui.assets import ops
from redpair_desktop.ui.assets.asset_pane import AssetPane
from redpair_desktop.ui.assets.defect_dialog import DefectDialog
from redpair_desktop.ui.assets.finding_dialog import FindingDialog
from redpair_desktop.ui.assets.table_models import AssetColumn, AssetTableModel
from redpair_desktop.ui.backend import Backend
from redpair_desktop.ui.widgets.action_bar import ActionBar
from redpair_desktop.ui.widgets.actions import add_actions
from redpair_desktop.ui.widgets.confirm import confirm
from redpair_desktop.ui.widgets.pdf_preview import PdfPreviewDialog
from redpair_desktop.ui.widgets.row_menu import offer_row_menu, show_at_selection

if TYPE_CHECKING:
    from redpair_desktop.services.assets.patrols import PatrolAsset, PatrolView

Answer = Callable[[BaseException | None], None]  # a dialog told the save's outcome
DEFAULT_SIZE = (1180, 760)
JUMP_WIDTH = 240  # px: the placeholder in full
ROW_ACTIONS = ("defect", "remove", "finding")


class PatrolWindow(QWidget):
    changed = Signal(object)  # the patrol id, after a defect or the status changed

    def __init__(
        self,
        backend: Backend,
        report_error: Callable[[BaseException], None],
        patrol_id: uuid.UUID,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("patrolWindow")
        self.setWindowTitle(_("线路巡视"))
        self.backend, self.report_error, self.patrol_id = backend, report_error, patrol_id
        self.screen_data: ops.PatrolScreen | None = None
        self.dialog: DefectDialog | FindingDialog | None = None
        self.preview: PdfPreviewDialog | None = None
        self.question: QObject | None = None
        self.heading = QLabel(_("正在打开…"), objectName="patrolHeading", wordWrap=True)
        self.jump = QLineEdit(objectName="patrolJump", placeholderText=_("杆号或编号，回车跳转"))
        self.jump.returnPressed.connect(self.jump_to_typed)
        self.jump.setMinimumWidth(JUMP_WIDTH)
        self.model = AssetTableModel(self)
        self.table = self._build_table()
        self.pane = AssetPane()
        self.message = error_label("patrolMessage")
        self.bar = ActionBar()
        self.actions = self._build_actions()
        self._build_layout()
        self.resize(*DEFAULT_SIZE)
        self._update_actions()
        self.reload()

    def _build_table(self) -> QTableView:
        table = QTableView(objectName="patrolTable")
        table.setModel(self.model)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setTabKeyNavigation(False)
        table.verticalHeader().hide()
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        table.selectionModel().currentRowChanged.connect(lambda *_a: self._on_current_changed())
        table.activated.connect(lambda _index: self.mark_defect())  # Enter, double-click
        table.installEventFilter(self)
        offer_row_menu(table, self._show_row_menu)
        return table

    def _build_actions(self) -> dict[str, QAction]:
        actions = add_actions(self, self.bar, "patrol", (
            ("defect", _("记录缺陷…"), self.mark_defect, ["D"]),
            ("remove", _("移除缺陷…"), self.remove_defect, [Qt.Key.Key_Delete]),
            ("finding", _("列入问题清单…"), self.raise_finding, ["Ctrl+Shift+F"]),
            ("defectsOnly", _("只看缺陷"), self.toggle_defects_only, ["Ctrl+Shift+D"]),
            ("jump", _("转到杆号"), self.focus_jump, ["Ctrl+G"]),
            ("print", _("打印巡视记录…"), lambda: self.preview_printout(False),
             [QKeySequence.StandardKey.Print]),
            ("blank", _("空白巡视记录表…"), lambda: self.preview_printout(True), ["Ctrl+Shift+P"]),
            ("complete", _("完成巡视…"), self.complete, ["Ctrl+Return", "Ctrl+Enter"]),
        ))  # fmt: skip
        actions["defectsOnly"].setCheckable(True)
        for key in ("defect", "remove"):  # plain keys: only while the table has the focus
            actions[key].setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            self.removeAction(actions[key])
            self.table.addAction(actions[key])
        menu_key = QAction(self, objectName="patrol_menu")
        menu_key.setShortcuts([QKeySequence(Qt.Key.Key_Menu), QKeySequence("Shift+F10")])
        menu_key.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        menu_key.triggered.connect(lambda: show_at_selection(self.table, self._show_row_menu))
        self.table.addAction(menu_key)
        return actions

    def _build_layout(self) -> None:
        jump_row = QHBoxLayout()
        jump_label = QLabel(_("转到(&G)："))
        jump_label.setBuddy(self.jump)
        jump_row.addWidget(jump_label)
        jump_row.addWidget(self.jump)
        jump_row.addStretch(1)
        splitter = QSplitter(Qt.Orientation.Horizontal, objectName="patrolSplitter")
        splitter.addWidget(self.table)
        splitter.addWidget(self.pane)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(jump_row)
        layout.addWidget(self.bar)
        layout.addWidget(self.message)
        layout.addWidget(splitter, 1)
        self.setTabOrder(self.jump, self.table)

    # --- loading ------------------------------------------------------------------------

    def reload(self) -> None:
        patrol_id = self.patrol_id
        self.backend.call(
            lambda ws: ops.patrol_screen(ws, patrol_id), self._show, self.report_error
        )

    def _show(self, screen: ops.PatrolScreen) -> None:
        keep = self.current_asset()
        self.screen_data = screen
        view = screen.view
        self.heading.setText(_heading(view))
        self.setWindowTitle(_("线路巡视：{line} {date}", line=view.line, date=view.patrolled_on))
        self.model.set_assets(view.assets)
        self.select(keep.asset_id if keep else None)
        self._on_current_changed()

    @property
    def loaded(self) -> bool:
        return self.screen_data is not None

    @property
    def view(self) -> PatrolView | None:
        return self.screen_data.view if self.screen_data else None

    def current_asset(self) -> PatrolAsset | None:
        return self.model.shown_row(self.table.currentIndex())

    def select(self, asset_id: uuid.UUID | None) -> None:
        row = self.model.row_of(asset_id) if asset_id else None
        if row is None:
            row = 0 if self.model.rowCount() else None
        if row is not None:
            self.table.setCurrentIndex(self.model.index(row, AssetColumn.NUMBER))
            self.table.scrollTo(
                self.model.index(row, 0), QAbstractItemView.ScrollHint.PositionAtCenter
            )

    def _on_current_changed(self) -> None:
        asset = self.current_asset()
        self.pane.show_asset(asset, self.screen_data.thumbnails if self.screen_data else {})
        self._update_actions()
        if asset is not None and self.pane.history.topLevelItemCount() == 0:
            asset_id = asset.asset_id
            self.backend.call(
                lambda ws: ops.asset_history(ws, asset_id),
                lambda entries: self.pane.show_history(asset_id, entries),
                self.report_error,
            )

    def _update_actions(self) -> None:
        view, asset = self.view, self.current_asset()
        is_open = view is not None and view.status is PatrolStatus.OPEN
        has_defect = asset is not None and asset.state is AssetState.DEFECT
        self.actions["defect"].setEnabled(is_open and asset is not None)
        self.actions["remove"].setEnabled(is_open and has_defect)
        self.actions["finding"].setEnabled(has_defect)
        self.actions["complete"].setEnabled(is_open)
        for key in ("print", "blank"):
            self.actions[key].setEnabled(view is not None)

    # --- the keyboard -------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.table and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            text = event.text()
            plain = not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
            if plain and (text.isdigit() or text.upper() in ("G", "Z")):
                self.jump.setText(text.upper())  # a number typed in the table starts a jump
                self.jump.setFocus()
                return True
        return super().eventFilter(watched, event)

    def focus_jump(self) -> None:
        self.jump.setFocus()
        self.jump.selectAll()

    def jump_to_typed(self) -> None:
        typed = self.jump.text().strip()
        number = typed.removesuffix("号杆").removesuffix("号").upper()
        assets = self.model.all_assets()
        found = next((a for a in assets if a.number.upper() == number), None)
        if found is None:
            line = self.view.line if self.view else ""
            self.message.setText(_("{line}没有编号为“{number}”的杆塔或变压器。", line=line,
                                   number=typed))  # fmt: skip
            self.jump.selectAll()
            return
        self.message.clear()
        if self.model.defects_only and found.state is AssetState.NORMAL:
            self.actions["defectsOnly"].setChecked(False)
            self.model.set_defects_only(False)
        self.select(found.asset_id)
        self.jump.clear()
        self.table.setFocus()

    def toggle_defects_only(self) -> None:
        keep = self.current_asset()
        self.model.set_defects_only(self.actions["defectsOnly"].isChecked())
        self.select(keep.asset_id if keep else None)
        self._on_current_changed()

    # --- defects --------------------------------------------------------------------------

    def mark_defect(self) -> None:
        asset = self.current_asset()
        if asset is None or not self.actions["defect"].isEnabled():
            return
        dialog = DefectDialog(asset.number, asset.name, asset.kind, parent=self)
        dialog.confirmed.connect(lambda choice: self._store_defect(dialog, choice))
        self.dialog = dialog
        dialog.open()

    def _store_defect(self, dialog: DefectDialog, choice: ops.DefectChoice) -> None:
        patrol_id = self.patrol_id

        def stored(screen: ops.PatrolScreen) -> None:
            dialog.done_saving(None)
            self._after_change(screen)
            self.table.setFocus()

        self.backend.call(
            lambda ws: ops.mark_defect(ws, patrol_id, choice),
            stored,
            lambda error: self._refused(dialog.done_saving, error),
        )

    def _refused(self, answer: Answer, error: BaseException) -> None:
        answer(error)
        if not isinstance(error, UserError):
            self.report_error(error)

    def _after_change(self, screen: ops.PatrolScreen) -> None:
        self.pane.history.clear()  # read again: this patrol's line in it changed
        self._show(screen)
        self.changed.emit(self.patrol_id)

    def remove_defect(self) -> None:
        asset = self.current_asset()
        if asset is None or not asset.defects or not self.actions["remove"].isEnabled():
            return
        defect = asset.defects[-1]
        patrol_id = self.patrol_id
        self.question = confirm(
            self,
            name="removeDefect",
            title=_("移除缺陷"),
            text=_("移除{asset}的缺陷“{defect}”？", asset=asset.name, defect=label(defect.type)),
            details=_("记录会保留为已撤回，其照片不会删除。"),
            action=_("移除缺陷"),
            on_confirmed=lambda: self.backend.call(
                lambda ws: ops.remove_defect(ws, patrol_id, defect.id),
                self._after_change,
                self.report_error,
            ),
        )

    def raise_finding(self) -> None:
        asset = self.current_asset()
        if asset is None or not asset.defects:
            return
        defect_id = asset.defects[-1].id
        self.backend.call(
            lambda ws: ops.finding_text(ws, defect_id),
            lambda text: self._open_finding(defect_id, text),
            self.report_error,
        )

    def _open_finding(self, defect_id: uuid.UUID, text: str) -> None:
        dialog = FindingDialog(text, parent=self)

        def store(category: object, description: str) -> None:
            self.backend.call(
                lambda ws: ops.raise_finding(ws, defect_id, category, description),  # type: ignore[arg-type]
                lambda _id: self._finding_raised(dialog),
                lambda error: self._refused(dialog.done_saving, error),
            )

        dialog.confirmed.connect(store)
        self.dialog = dialog
        dialog.open()

    def _finding_raised(self, dialog: FindingDialog) -> None:
        dialog.done_saving(None)
        self.message.setText(_("已列入问题清单，可在“问题与帮扶”中制定帮扶措施。"))

    # --- completion and printouts -----------------------------------------------------------

    def complete(self) -> None:
        view = self.view
        if view is None or view.status is not PatrolStatus.OPEN:
            return
        patrol_id, count = self.patrol_id, view.defect_count
        self.question = confirm(
            self,
            name="completePatrol",
            title=_("完成巡视"),
            text=_("完成这次巡视？共记录缺陷 {count} 处，其余设备均为正常。", count=count),
            details=_("完成后缺陷记录不能再改。"),
            action=_("完成巡视"),
            on_confirmed=lambda: self.backend.call(
                lambda ws: ops.complete_patrol(ws, patrol_id), self._after_change, self.report_error
            ),
        )

    def preview_printout(self, blank: bool) -> None:
        view = self.view
        if view is None:
            return
        patrol_id = self.patrol_id
        title = _("空白巡视记录表") if blank else _("巡视记录")
        name = _("{printout}（{line} {date}）.pdf", printout=title, line=view.line,
                 date=view.patrolled_on)  # fmt: skip
        self.backend.call(
            lambda ws: ops.printout(ws, patrol_id, blank),
            lambda data: self._show_preview(data, title, name),
            self.report_error,
        )

    def _show_preview(self, data: bytes, title: str, name: str) -> None:
        self.preview = PdfPreviewDialog(
            self.backend.runner, data, title, name, self.report_error, parent=self
        )
        self.preview.open()

    def _show_row_menu(self, where: QPoint) -> None:
        self.row_menu = QMenu(self, objectName="patrolRowMenu")
        for key in ROW_ACTIONS:
            self.row_menu.addAction(self.actions[key])
        self.row_menu.addSeparator()
        self.row_menu.addAction(self.actions["defectsOnly"])
        self.row_menu.popup(where)


def _heading(view: PatrolView) -> str:
    return _("{line} · {date} · 巡视人 {patroller} · {status} · "
             "设备 {assets} 个，缺陷 {defects} 处",
             line=view.line, date=view.patrolled_on, patroller=view.patroller,
             status=label(view.status), assets=len(view.assets),
             defects=view.defect_count)  # fmt: skip


def open_patrol_window(
    backend: Backend,
    report_error: Callable[[BaseException], None],
    patrol_id: uuid.UUID,
    parent: QWidget | None = None,
) -> PatrolWindow:
    window = PatrolWindow(backend, report_error, patrol_id, parent)
    window.show()
    window.table.setFocus()
    return window
