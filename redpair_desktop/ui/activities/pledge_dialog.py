"""承诺文本: the stored versions of the pledge members sign, newest first, and a way to add one.

Choosing a version shows its whole text, read-only: a stored version is never changed (every
signature quotes its hash). 以此为底稿新增… copies it into the editor beside it; 保存为新版本
(Ctrl+S) stores the words there as the next version and selects it — words already stored stay
the version that holds them. A refusal shows beside the button and nothing is written."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from redpair_desktop.domain.errors import UserError
from redpair_desktop.i18n import _
from redpair_desktop.ui.activities import ops
from redpair_desktop.ui.appearance import error_label
from redpair_desktop.ui.backend import Backend

if TYPE_CHECKING:
    from redpair_desktop.services.activities.pledges import PledgeTextRow

HASH_SHOWN = 12
EXCERPT_LENGTH = 24
EXCERPT_COLUMN = 2


class PledgeDialog(QDialog):
    saved = Signal(object)  # the id of the version the words are stored as

    def __init__(
        self,
        backend: Backend,
        report_error: Callable[[BaseException], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("pledgeDialog")
        self.setWindowTitle(_("承诺文本"))
        self.backend, self.report_error = backend, report_error
        self.texts: tuple[PledgeTextRow, ...] = ()
        self.table = _versions_table()
        self.table.itemSelectionChanged.connect(self._on_selection_changed)
        self.shown_title = QLabel(objectName="pledgeShownTitle", wordWrap=True)
        self.shown = QPlainTextEdit(objectName="pledgeShown", readOnly=True)
        self.copy_button = QPushButton(_("以此为底稿新增…"), objectName="pledgeCopy")
        self.copy_button.clicked.connect(self._on_copy_clicked)
        self.title = QLineEdit(objectName="pledgeTitle")
        self.text = QPlainTextEdit(objectName="pledgeText")
        self.text.setTabChangesFocus(True)
        self.save_button = QPushButton(_("保存为新版本"), objectName="pledgeSave")
        self.save_button.clicked.connect(self._on_save_clicked)
        save_key = QShortcut(QKeySequence.StandardKey.Save, self, self._on_save_clicked)
        shown = save_key.key().toString(QKeySequence.SequenceFormat.NativeText)
        self.save_button.setToolTip(f"{self.save_button.text()} ({shown})")
        self.message = QLabel(objectName="pledgeMessage", wordWrap=True)
        self.error = error_label("pledgeError")
        self._build_layout()
        self.resize(900, 640)
        backend.call(ops.pledge_texts, self._show_texts, report_error)

    def _build_layout(self) -> None:
        form = QFormLayout()
        form.addRow(_("承诺标题"), self.title)
        form.addRow(_("内容"), self.text)
        saving = QHBoxLayout()
        saving.addWidget(self.message, 1)
        saving.addWidget(self.error, 1)
        saving.addWidget(self.save_button)
        parts = QGridLayout()
        parts.addWidget(self.shown_title, 0, 0)
        parts.addWidget(QLabel(_("新版本（保存后不能再修改）"), wordWrap=True), 0, 1)
        parts.addWidget(self.shown, 1, 0)
        parts.addLayout(form, 1, 1)
        parts.addWidget(self.copy_button, 2, 0, Qt.AlignmentFlag.AlignLeft)
        parts.addLayout(saving, 2, 1)
        parts.setColumnStretch(0, 1)
        parts.setColumnStretch(1, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 2)
        layout.addLayout(parts, 3)
        layout.addWidget(buttons)

    # --- the versions -------------------------------------------------------------------

    def _show_texts(self, texts: Sequence[PledgeTextRow], select: uuid.UUID | None = None) -> None:
        """Fill the list and select the version ``select`` (the newest when None)."""
        self.texts = tuple(texts)
        self.table.blockSignals(True)  # the selected row may stay while its version changes
        self.table.setRowCount(len(self.texts))
        for row, text in enumerate(self.texts):
            for column, cell in enumerate(_cells(text)):
                self.table.setItem(row, column, QTableWidgetItem(cell))
        ids = [text.id for text in self.texts]
        self.table.selectRow(ids.index(select) if select in ids else 0)
        self.table.blockSignals(False)
        self._on_selection_changed()

    def selected_text(self) -> PledgeTextRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self.texts[rows[0].row()] if rows else None

    def _on_selection_changed(self) -> None:
        text = self.selected_text()
        self.copy_button.setEnabled(text is not None)
        self.shown_title.setText(_version_name(text) if text else "")
        self.shown.setPlainText(text.text if text else "")

    def _on_copy_clicked(self) -> None:
        text = self.selected_text()
        if text is not None:
            self.title.setText(text.title)
            self.text.setPlainText(text.text)
            self.text.setFocus()
            self.message.clear()
            self.error.clear()

    # --- saving -------------------------------------------------------------------------

    def _on_save_clicked(self) -> None:
        title, text = self.title.text(), self.text.toPlainText()
        self.message.clear()
        self.error.clear()
        self.backend.call(
            lambda ws: ops.add_pledge_text(ws, title, text), self._on_saved, self._on_failed
        )

    def _on_saved(self, result: ops.PledgeSaved) -> None:
        self._show_texts(result.texts, result.text.id)
        version = result.text.version
        if result.added:
            self.message.setText(_("已保存为第 {version} 版。", version=version))
        else:
            self.message.setText(_("这段承诺内容已是第 {version} 版（{title}），没有新增版本。",
                                   version=version, title=result.text.title))  # fmt: skip
        self.saved.emit(result.text.id)

    def _on_failed(self, error: BaseException) -> None:
        """A refusal is shown beside the button; anything else is a bug, reported and logged."""
        if isinstance(error, UserError):
            self.error.setText(error.message)
        else:
            self.report_error(error)


def _versions_table() -> QTableWidget:
    table = QTableWidget(0, 5, objectName="pledgeVersions")
    table.setHorizontalHeaderLabels(
        [_("版本"), _("承诺标题"), _("开头"), _("SHA-256（前 12 位）"), _("保存时间")]
    )
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setTabKeyNavigation(False)
    table.verticalHeader().hide()
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(EXCERPT_COLUMN, QHeaderView.ResizeMode.Stretch)
    return table


def _cells(text: PledgeTextRow) -> tuple[str, ...]:
    excerpt = " ".join(text.text.split())
    if len(excerpt) > EXCERPT_LENGTH:
        excerpt = excerpt[:EXCERPT_LENGTH] + "…"
    saved = text.saved_at.astimezone().strftime("%Y-%m-%d %H:%M")
    return (str(text.version), text.title, excerpt, text.sha256[:HASH_SHOWN], saved)


def _version_name(text: PledgeTextRow) -> str:
    return _("第 {version} 版：{title}", version=text.version, title=text.title)
