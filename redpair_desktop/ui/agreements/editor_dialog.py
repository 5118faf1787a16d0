"""起草协议书: a pairing's agreement words in a structured form (left), the very PDF they print
as (right, rebuilt on the worker 400 ms after the last keystroke) and its versions (top left).

Choosing a version loads its words; a signed version shows read-only, and 以此为底稿新建 makes
its words editable for a new version. Ctrl+S saves as a new version (the same words stay the
version already stored), 恢复默认条款 puts the filled template back, 关闭 asks when the words
have changed since they were loaded or saved."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from redpair_desktop.domain.errors import UserError, user_message
from redpair_desktop.domain.labels import label
from redpair_desktop.i18n import _
from redpair_desktop.ui.agreements import ops
from redpair_desktop.ui.agreements.clause_editor import AgreementEditor, Words
from redpair_desktop.ui.agreements.draft_preview import (
    PREVIEW_DPI,
    DraftPreview,
    RenderedPdf,
    render_pdf,
)
from redpair_desktop.ui.appearance import error_label
from redpair_desktop.ui.backend import Backend
from redpair_desktop.ui.widgets.confirm import confirm
from redpair_desktop.ui.widgets.editing_dialog import EditingDialog

if TYPE_CHECKING:
    from redpair_desktop.domain.agreements.document import AgreementDocument
    from redpair_desktop.services.agreements.versions import VersionSummary

PREVIEW_DELAY_MS = 400
HASH_SHOWN = 12
VERSION_COLUMNS = 5
ROWS_SHOWN = 4  # the versions list scrolls beyond


class AgreementEditorDialog(EditingDialog):
    def __init__(
        self,
        backend: Backend,
        report_error: Callable[[BaseException], None],
        pairing_id: uuid.UUID,
        title: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent, objectName="agreementEditorDialog")
        self.setWindowTitle(_("起草协议书 — {pairing}", pairing=title))
        self.backend, self.report_error, self.pairing_id = backend, report_error, pairing_id
        self.versions: list[VersionSummary] = []
        self.shown_version: VersionSummary | None = None  # whose words the form holds
        self.loaded: Words | None = None  # the words as loaded or saved: changed since?
        self.preview_generation = 0
        self.editor = AgreementEditor()
        self.editor.changed.connect(self._on_editor_changed)
        self.preview = DraftPreview()
        self.preview_timer = QTimer(self, singleShot=True, interval=PREVIEW_DELAY_MS)
        self.preview_timer.timeout.connect(self.refresh_preview)
        self.version_table = self._version_table()
        self.signed_note = QLabel(
            _("已签署的版本不能修改；修改后保存为新版本。"), objectName="signedNote", wordWrap=True
        )
        self.base_button = QPushButton(_("以此为底稿新建"), objectName="baseOnVersion")
        self.base_button.clicked.connect(self.base_on_shown_version)
        self.message = QLabel(objectName="draftMessage", wordWrap=True)
        self.error = error_label("draftError")
        self.buttons: dict[str, QPushButton] = {}
        layout = QVBoxLayout(self)
        layout.addWidget(self._panes(), 1)
        layout.addLayout(self._button_row())
        self._show_signed(False)
        self._show_versions([])
        self.resize(1000, 700)
        self.backend.call(
            lambda ws: ops.drafting_state(ws, pairing_id), self._on_opened, self._on_failed
        )

    # --- building -----------------------------------------------------------------------

    def _version_table(self) -> QTableWidget:
        table = QTableWidget(0, VERSION_COLUMNS, objectName="versionTable")
        table.setHorizontalHeaderLabels(
            [_("版本"), _("状态"), _("保存时间"), _("保存人"), _("内容哈希")]
        )
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.verticalHeader().hide()
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        table.horizontalHeader().setStretchLastSection(True)
        table.itemSelectionChanged.connect(self._on_version_chosen)
        return table

    def _panes(self) -> QSplitter:
        scroll = QScrollArea(objectName="editorScroll", widgetResizable=True)
        scroll.setWidget(self.editor)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        left = QWidget()
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(QLabel(_("版本")))
        column.addWidget(self.version_table)
        signed = QHBoxLayout()
        signed.addWidget(self.signed_note, 1)
        signed.addWidget(self.base_button)
        column.addLayout(signed)
        column.addWidget(scroll, 1)
        right = QWidget()
        preview_column = QVBoxLayout(right)
        preview_column.setContentsMargins(0, 0, 0, 0)
        preview_column.addWidget(QLabel(_("预览（打印出来就是这样）")))
        preview_column.addWidget(self.preview, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal, objectName="draftSplitter")
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([560, 420])
        return splitter

    def _button_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        for key, text, slot, shortcut in (
            ("save", _("保存为新版本"), self.save, QKeySequence.StandardKey.Save),
            ("reset", _("恢复默认条款…"), self.ask_reset, None),
            ("close", _("关闭"), self.reject, None),
        ):
            button = QPushButton(text, objectName=f"draft_{key}", autoDefault=False)
            button.clicked.connect(slot)
            if shortcut is not None:
                button.setToolTip(QKeySequence(shortcut).toString())
                QShortcut(QKeySequence(shortcut), self, slot)
            self.buttons[key] = button
            if key == "close":
                row.addWidget(self.message, 1)
                row.addWidget(self.error, 1)
            row.addWidget(button)
        return row

    # --- loading ------------------------------------------------------------------------

    def _on_opened(self, state: ops.DraftingState) -> None:
        self._show_versions(state.versions)
        self._load(state.document, state.versions[0] if state.versions else None)

    def _show_versions(self, versions: list[VersionSummary]) -> None:
        self.versions = versions
        table = self.version_table
        table.blockSignals(True)
        table.setRowCount(len(versions))
        for row, version in enumerate(versions):
            saved = version.created_at.astimezone().strftime("%Y-%m-%d %H:%M")
            cells = (str(version.version), label(version.status), saved,
                     version.created_by, version.content_hash[:HASH_SHOWN])  # fmt: skip
            for column, text in enumerate(cells):
                table.setItem(row, column, QTableWidgetItem(text))
        table.blockSignals(False)
        shown_rows = min(max(len(versions), 1), ROWS_SHOWN)
        frame = 2 * table.frameWidth()
        table.setFixedHeight(
            table.horizontalHeader().sizeHint().height()
            + shown_rows * table.verticalHeader().defaultSectionSize()
            + frame
        )

    def _load(self, document: AgreementDocument, version: VersionSummary | None) -> None:
        """Put ``document``'s words in the form, read-only when ``version`` is signed."""
        self.shown_version = version
        self._select_version(version)
        signed = version is not None and version.is_signed
        self.editor.set_read_only(signed)
        self._show_signed(signed)
        self.editor.set_words(document.preamble, document.clauses)
        self.loaded = self.editor.words()
        self.error.clear()

    def _select_version(self, version: VersionSummary | None) -> None:
        self.version_table.blockSignals(True)
        self.version_table.clearSelection()
        if version is not None:
            ids = [v.record_id for v in self.versions]
            self.version_table.selectRow(ids.index(version.record_id))
        self.version_table.blockSignals(False)

    def _show_signed(self, signed: bool) -> None:
        self.signed_note.setVisible(signed)
        self.base_button.setVisible(signed)
        self.buttons["save"].setEnabled(not signed)
        self.buttons["reset"].setEnabled(not signed)

    def _on_version_chosen(self) -> None:
        rows = self.version_table.selectionModel().selectedRows()
        if not rows:
            return
        version = self.versions[rows[0].row()]
        if version == self.shown_version:
            return
        open_it = lambda: self._open_version(version)  # noqa: E731
        if not self.has_changes():
            open_it()
            return
        self._select_version(self.shown_version)
        confirm(
            self,
            name="discardForVersion",
            title=_("打开第 {version} 版", version=version.version),
            text=_("当前的修改还没有保存。打开第 {version} 版？", version=version.version),
            action=_("放弃修改并打开"),
            on_confirmed=open_it,
        )

    def _open_version(self, version: VersionSummary) -> None:
        record_id = version.record_id
        self.backend.call(
            lambda ws: ops.version_document(ws, record_id),
            lambda document: self._load(document, version),
            self._on_failed,
        )

    def base_on_shown_version(self) -> None:
        """The signed version's words, editable: saved, they make a new version."""
        self.editor.set_read_only(False)
        self._show_signed(False)
        self.editor.preamble.setFocus()

    # --- preview ------------------------------------------------------------------------

    def _on_editor_changed(self) -> None:
        self.preview_timer.start()  # restarts: 400 ms after the last keystroke

    def refresh_preview(self) -> None:
        self.preview_generation += 1
        generation, pairing_id, dpi = (
            self.preview_generation,
            self.pairing_id,
            PREVIEW_DPI * self.devicePixelRatioF(),
        )
        version = self.shown_version
        if self.editor.read_only and version is not None:
            record_id = version.record_id
            printout: Callable = lambda ws: ops.version_printout(ws, record_id)  # noqa: E731
        else:
            preamble, clauses = self.editor.words()
            printout = lambda ws: ops.draft_printout(ws, pairing_id, preamble, clauses)  # noqa: E731
        self.backend.call(
            lambda ws: _rendered(printout(ws), dpi),
            lambda rendered: (
                generation == self.preview_generation and self.preview.show_pdf(rendered)
            ),
            lambda error: generation == self.preview_generation and self._on_preview_failed(error),
        )

    def _on_preview_failed(self, error: BaseException) -> None:
        if isinstance(error, UserError):
            self.preview.show_error(user_message(error))
        else:
            self.report_error(error)

    # --- saving, resetting, closing -----------------------------------------------------

    def has_changes(self) -> bool:
        return self.loaded is not None and self.editor.words() != self.loaded

    def save(self) -> None:
        if self.editor.read_only or self.loaded is None:
            return
        pairing_id = self.pairing_id
        preamble, clauses = self.editor.words()
        self.backend.call(
            lambda ws: (
                ops.save_version(ws, pairing_id, preamble, clauses),
                ops.list_versions(ws, pairing_id),
            ),
            self._on_saved,
            self._on_failed,
        )

    def _on_saved(self, result: tuple[AgreementDocument, list[VersionSummary]]) -> None:
        document, versions = result
        known = {v.record_id for v in self.versions}
        self._show_versions(versions)
        saved = next(v for v in versions if v.record_id == document.record_id)
        self.shown_version = saved
        self._select_version(saved)
        self.loaded = self.editor.words()
        self.error.clear()
        if document.record_id in known:
            self.message.setText(_("内容没有变化，仍是第 {version} 版。", version=saved.version))
        else:
            self.message.setText(_("已保存为第 {version} 版。", version=saved.version))

    def ask_reset(self) -> None:
        if self.editor.read_only:
            return
        pairing_id = self.pairing_id
        confirm(
            self,
            name="resetClauses",
            title=_("恢复默认条款"),
            text=_("用按结对填好的默认条款替换表单中的全部文字？"),
            details=_("已保存的版本不受影响；替换后保存才成为新版本。"),
            action=_("恢复默认条款"),
            on_confirmed=lambda: self.backend.call(
                lambda ws: ops.template_document(ws, pairing_id),
                lambda document: self.editor.set_words(document.preamble, document.clauses),
                self._on_failed,
            ),
        )

    def _on_failed(self, error: BaseException) -> None:
        if isinstance(error, UserError):
            self.error.setText(user_message(error))
        else:
            self.report_error(error)

    def discard_question(self) -> tuple[str, str, str]:
        return "discardDraft", _("关闭起草协议书"), _("修改还没有保存为新版本。放弃这些修改？")


def _rendered(printout: ops.Printout, dpi: float) -> RenderedPdf:  # on the worker
    return render_pdf(printout.content_hash, printout.pdf, dpi)
