"""结对与协议: the pairing registry — filter, register, edit and terminate pairings.

The status shown is worked out as of ``today`` (a callable, so tests fix the day): 临近到期 and
到期未续签 are marked in colour. Ctrl+N registers a pairing, Enter or F2 edits the selected one,
Ctrl+E drafts the selected pairing's clauses (``ui/agreements/editor_dialog.py``), Ctrl+P
previews its agreement (print, save as PDF from there), Ctrl+G opens 屏幕签字 for it (both
secretaries sign on screen), Ctrl+I imports the scan of its signed paper original; the row menu
(right click, Menu key) holds the same actions."""

from __future__ import annotations

import uuid
from collections import Counter
from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAction, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QMenu,
    QMessageBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from redpair_desktop.domain.pairings.filters import PairingFilter
from redpair_desktop.domain.pairings.rules import OPEN_STATUSES, PairingFlag, PartnerType
from redpair_desktop.i18n import _
from redpair_desktop.ui.agreements.editor_dialog import AgreementEditorDialog
from redpair_desktop.ui.agreements.signing_dialog import SigningDialog
from redpair_desktop.ui.appearance import page_title
from redpair_desktop.ui.backend import Backend
from redpair_desktop.ui.pairings import ops
from redpair_desktop.ui.pairings.filter_bar import PairingFilterBar
from redpair_desktop.ui.pairings.pairing_dialog import PairingDialog
from redpair_desktop.ui.pairings.table_model import PairingTableModel
from redpair_desktop.ui.widgets.action_bar import ActionBar
from redpair_desktop.ui.widgets.confirm import confirm
from redpair_desktop.ui.widgets.pdf_preview import PdfPreviewDialog
from redpair_desktop.ui.widgets.row_menu import offer_row_menu, show_at_selection

if TYPE_CHECKING:  # services import SQLAlchemy, which loads after the first paint
    from redpair_desktop.services.agreements.records import ImportedScan
    from redpair_desktop.services.pairings.registry import PairingRow
    from redpair_desktop.ui.sections import PageContext, Section


class PairingsPage(QWidget):
    """Reloads the registry each time the page is shown and after every change."""

    def __init__(
        self,
        backend: Backend,
        report_error: Callable[[BaseException], None],
        today: Callable[[], date] = date.today,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("page_pairings")
        self.backend, self.report_error, self.today = backend, report_error, today
        self.dialog: PairingDialog | None = None
        self.preview: PdfPreviewDialog | None = None
        self.scan_result: QMessageBox | None = None
        self.signing: SigningDialog | None = None
        self.drafting: AgreementEditorDialog | None = None
        self.shown_day: date | None = None  # the day the rows on screen were worked out for
        self.summary = QLabel(objectName="pairingSummary", wordWrap=True)
        self.filters = PairingFilterBar()
        self.filters.changed.connect(self._on_filters_changed)
        self.model = PairingTableModel(self)
        self.table = self._build_table()
        self.actions_bar = ActionBar()
        self.actions_bar.setObjectName("pairingActions")
        self.actions: dict[str, QAction] = {}
        self._build_actions()
        layout = QVBoxLayout(self)
        layout.addWidget(page_title(_("结对登记")))
        layout.addWidget(self.summary)
        layout.addWidget(self.filters)
        layout.addWidget(self.actions_bar)
        layout.addWidget(self.table, 1)
        note = _("“预览协议书”（Ctrl+P）按结对生成共建协议书，可打印或另存为 PDF；"
                 "“起草协议书”（Ctrl+E）逐条修改条款，保存为新版本。")  # fmt: skip
        layout.addWidget(QLabel(note, wordWrap=True))

    def _build_table(self) -> QTableView:
        table = QTableView(objectName="pairingTable")
        table.setModel(self.model)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setTabKeyNavigation(False)
        table.setSortingEnabled(True)
        table.horizontalHeader().setSortIndicator(3, Qt.SortOrder.DescendingOrder)
        table.verticalHeader().hide()
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        table.selectionModel().selectionChanged.connect(self._on_selection_changed)
        table.activated.connect(lambda _index: self.edit_selected())  # Enter, double-click
        offer_row_menu(table, self._show_row_menu)
        return table

    def _build_actions(self) -> None:
        for key, text, slot, keys in (
            ("new", _("新建结对"), self.new_pairing, [QKeySequence.StandardKey.New]),
            ("edit", _("编辑"), self.edit_selected, [Qt.Key.Key_F2]),
            ("terminate", _("终止结对…"), self.terminate_selected, []),
            ("draft", _("起草协议书…"), self.draft_selected, ["Ctrl+E"]),
            ("preview", _("预览协议书…"), self.preview_selected, [QKeySequence.StandardKey.Print]),
            ("sign", _("屏幕签字…"), self.sign_selected, ["Ctrl+G"]),
            ("scan", _("导入签字扫描件…"), self.import_scan_for_selected, ["Ctrl+I"]),
            ("verify", _("校验协议书…"), self.verify_file, []),
        ):
            action = self.actions_bar.addAction(text)
            action.setObjectName(f"pairing_{key}")
            action.triggered.connect(slot)
            self._add_shortcut(action, keys)
            self.actions[key] = action
        self._on_selection_changed()
        menu_key = QAction(self, objectName="pairing_menu")
        menu_key.triggered.connect(lambda: show_at_selection(self.table, self._show_row_menu))
        self._add_shortcut(menu_key, [Qt.Key.Key_Menu, "Shift+F10"])

    def _add_shortcut(self, action: QAction, keys: list) -> None:
        if keys:
            action.setShortcuts([QKeySequence(k) for k in keys])
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.addAction(action)  # this page and what it holds: never on another page

    # --- loading ------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.reload()

    def reload(self, select: uuid.UUID | None = None) -> None:
        today = self.today()
        self.backend.call(
            lambda ws: ops.list_pairings(ws, today),
            lambda rows: self._on_loaded(rows, today, select),
            self.report_error,
        )

    def _on_loaded(self, rows: list[PairingRow], today: date, select: uuid.UUID | None) -> None:
        self.shown_day = today
        self.filters.set_years(row.started_on.year for row in rows)
        self.model.set_rows(rows)
        self.model.set_filter(self.filters.current())
        self._show_summary()
        self._select(select)

    def _on_filters_changed(self, where: PairingFilter) -> None:
        self.model.set_filter(where)
        self._show_summary()

    def _show_summary(self) -> None:
        rows = self.model.shown_rows()
        partners = Counter(row.partner_type for row in rows)
        flags = Counter(flag for row in rows for flag in row.flags)
        self.summary.setText(
            _(
                "共 {count} 次结对：本部部门 {hq}、城区支部单位 {urban}；"
                "临近到期 {soon}，到期未续签 {lapsed}。",
                count=len(rows),
                hq=partners[PartnerType.HQ_DEPARTMENT],
                urban=partners[PartnerType.URBAN_UNIT],
                soon=flags[PairingFlag.ENDING_SOON],
                lapsed=flags[PairingFlag.NOT_RENEWED],
            )
        )

    def _select(self, pairing_id: uuid.UUID | None) -> None:
        row = self.model.row_of(pairing_id) if pairing_id else None
        if row is not None:
            self.table.selectRow(row)
            self.table.scrollTo(self.model.index(row, 0))

    def _on_selection_changed(self) -> None:
        row = self.selected_row()
        self.actions["edit"].setEnabled(row is not None)
        self.actions["preview"].setEnabled(row is not None)
        self.actions["scan"].setEnabled(row is not None)
        self.actions["sign"].setEnabled(row is not None)
        self.actions["draft"].setEnabled(row is not None)
        self.actions["terminate"].setEnabled(row is not None and row.status in OPEN_STATUSES)

    def selected_row(self) -> PairingRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    # --- actions ------------------------------------------------------------------------

    def new_pairing(self) -> None:
        self._open_dialog(None)

    def edit_selected(self) -> None:
        row = self.selected_row()
        if row is not None:
            self._open_dialog(row.id)

    def _open_dialog(self, pairing_id: uuid.UUID | None) -> None:
        self.dialog = PairingDialog(
            self.backend, self.report_error, self.today(), pairing_id, parent=self
        )
        self.dialog.saved.connect(self.reload)
        self.dialog.open()

    def terminate_selected(self) -> None:
        row = self.selected_row()
        if row is None or row.status not in OPEN_STATUSES:
            return
        on, pairing_id = self.today(), row.id
        confirm(
            self,
            name="terminatePairing",
            title=_("终止结对"),
            text=_(
                "终止“{lead}”与“{station}”的结对？",
                lead=row.lead_branch,
                station=row.station_branch,
            ),
            details=_("终止日期记为 {on}；结对记录保留，状态显示为“终止”。", on=on.isoformat()),
            action=_("终止该结对"),
            on_confirmed=lambda: self.backend.call(
                lambda ws: ops.terminate_pairing(ws, pairing_id, on),
                lambda _none: self.reload(pairing_id),
                self.report_error,
            ),
        )

    def preview_selected(self) -> None:
        row = self.selected_row()
        if row is None:
            return
        pairing_id = row.id
        name = _(
            "共建协议书（{lead}—{station}）.pdf", lead=row.lead_branch, station=row.station_branch
        )
        self.backend.call(
            lambda ws: ops.agreement_pdf(ws, pairing_id),
            lambda data: self._show_preview(data, name),
            self.report_error,
        )

    def _show_preview(self, data: bytes, suggested_name: str) -> None:
        self.preview = PdfPreviewDialog(
            self.backend.runner,
            data,
            _("预览协议书"),
            suggested_name,
            self.report_error,
            parent=self,
        )
        self.preview.open()

    def import_scan_for_selected(self) -> None:
        """The paper-first path: the scan of the signed and sealed original, stored against
        the pairing's latest agreement version."""
        from redpair_desktop.ui.widgets.file_dialogs import ask_open_path, scan_filter

        row = self.selected_row()
        if row is None:
            return
        path = ask_open_path(self, _("选择签字盖章后的协议书扫描件"), scan_filter())
        if path is None:
            return
        pairing_id = row.id
        self.backend.call(
            lambda ws: ops.import_scan(ws, pairing_id, path),
            self._show_imported_scan,
            self.report_error,
        )

    def _show_imported_scan(self, scan: ImportedScan) -> None:
        when = scan.imported_at.astimezone().strftime("%Y-%m-%d %H:%M")
        self.scan_result = QMessageBox(
            QMessageBox.Icon.Information,
            _("已导入扫描件"),
            _("第 {version} 版协议已签署（纸质原件存档）。", version=scan.version),
            QMessageBox.StandardButton.Ok,
            self,
            objectName="scanImported",
        )
        self.scan_result.setInformativeText(
            "\n".join(
                [
                    _("页数：{pages}", pages=scan.pages),
                    _("SHA-256：{digest}", digest=scan.sha256),
                    _("导入人：{who}，时间：{when}", who=scan.imported_by, when=when),
                ]
            )
        )
        self.scan_result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.scan_result.open()

    def verify_file(self) -> None:
        from redpair_desktop.ui.agreements.verify_dialog import VerifyDialog

        self.verify_dialog = VerifyDialog(self.backend, self.report_error, parent=self)
        self.verify_dialog.open()

    def sign_selected(self) -> None:
        row = self.selected_row()
        if row is None:
            return
        pairing = f"{row.lead_branch}—{row.station_branch}"
        self.signing = SigningDialog(self.backend, self.report_error, row.id, pairing, self)
        self.signing.preview_requested.connect(self.preview_selected)
        self.signing.open()

    def draft_selected(self) -> None:
        row = self.selected_row()
        if row is not None:
            title = f"{row.lead_branch}—{row.station_branch}"
            self.drafting = AgreementEditorDialog(
                self.backend, self.report_error, row.id, title, parent=self
            )
            self.drafting.open()

    # --- the row menu -------------------------------------------------------------------

    def _show_row_menu(self, where: QPoint) -> None:
        self.row_menu = QMenu(self, objectName="pairingRowMenu")
        self.row_menu.addAction(self.actions["edit"])
        self.row_menu.addAction(self.actions["new"])
        self.row_menu.addAction(self.actions["draft"])
        self.row_menu.addAction(self.actions["preview"])
        self.row_menu.addAction(self.actions["sign"])
        self.row_menu.addAction(self.actions["scan"])
        self.row_menu.addSeparator()
        self.row_menu.addAction(self.actions["terminate"])
        self.row_menu.popup(where)


def build_page(context: PageContext, section: Section) -> PairingsPage:
    return PairingsPage(context.backend, context.report_error)
