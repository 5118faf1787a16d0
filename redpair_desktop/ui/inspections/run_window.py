"""The run of one inspection, keyboard first: the items on the left, the current one on the
right, the scores at the bottom. Everything is stored on the worker as it is done, so closing
the window (or the application) and opening it again resumes the draft as it was.

Keys (the list has the focus): the response keys (1 2 3 … as the buttons show) answer the
item and move to the next one — a failed answer stays, to take its comment and photo;
Backspace/Delete clear the answer; ↑/↓ PgUp/PgDn move; F8 goes to the next item still needing
something. Ctrl+M to the comment (stored as typed, after a short pause), Esc back to the list;
Ctrl+Shift+I imports a photo, Ctrl+V pastes one (in the comment too, when the clipboard holds
a picture and no text), Delete in the photos removes one (after asking). Ctrl+Enter 完成检查…:
what is missing, or the sign-off. Ctrl+P previews the record.

A completed inspection opens read-only (answers, photos, signatures, score) with 更正… (Ctrl+E),
which makes a new draft version; a draft already signed by someone no longer takes answers."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from redpair_desktop.domain.errors import UserError
from redpair_desktop.domain.inspections.codes import InspectionStatus
from redpair_desktop.domain.labels import label
from redpair_desktop.i18n import _
from redpair_desktop.ui.appearance import error_label
from redpair_desktop.ui.backend import Backend
from redpair_desktop.ui.inspections import ops
from redpair_desktop.ui.inspections.item_list import ItemList, needs_something
from redpair_desktop.ui.inspections.item_pane import ItemPane, response_keys
from redpair_desktop.ui.inspections.missing_dialog import MissingDialog, is_ready
from redpair_desktop.ui.inspections.signoff_dialog import (
    SignoffDialog,
    signed_text,
)
from redpair_desktop.ui.widgets.action_bar import ActionBar
from redpair_desktop.ui.widgets.actions import add_actions, add_shortcut
from redpair_desktop.ui.widgets.confirm import confirm
from redpair_desktop.ui.widgets.pdf_preview import PdfPreviewDialog
from redpair_desktop.ui.widgets.photo_source import ask_photo, clipboard_image, pastes_a_picture
from redpair_desktop.ui.widgets.signing_box import stored_pixmap

if TYPE_CHECKING:
    from redpair_desktop.domain.inspections.template import Response
    from redpair_desktop.services.inspections.view import InspectionView, ItemState

COMMENT_PAUSE_MS = 600  # a comment is stored this long after the last key
CLEAR_KEYS = (Qt.Key.Key_Backspace, Qt.Key.Key_Delete)
LIST_MIN_WIDTH = 320


def header_text(view: InspectionView) -> str:
    parts = [view.title, view.station, view.held_on.isoformat(), label(view.status)]
    if view.version > 1:
        parts.append(_("第 {version} 版（更正）", version=view.version))
    if view.backfilled:
        parts.append(_("补录"))
    last = next((s.last.held_on for s in view.items if s.last), None)
    if last is not None:
        parts.append(_("沿用 {date} 的检查", date=last.isoformat()))
    return " · ".join(parts)


def totals_text(view: InspectionView) -> str:
    sections = "　".join(
        f"{s.title} {'—' if s.percent is None else f'{s.percent:g}'}" for s in view.score.sections
    )
    answered = sum(s.answered for s in view.score.sections)
    total = "—" if view.score.percent is None else f"{view.score.percent:g}"
    return _("总分 {total} ｜ 已答 {answered}/{items} ｜ 不合格 {failed} ｜ {sections}",
             total=total, answered=answered, items=len(view.items), failed=view.score.failed,
             sections=sections)  # fmt: skip


class RunWindow(QWidget):
    """``changed`` after each stored change (the list reloads); ``corrected`` with the new
    draft's id after 更正…."""

    changed = Signal()
    corrected = Signal(object)

    def __init__(
        self,
        backend: Backend,
        report_error: Callable[[BaseException], None],
        inspection_id: uuid.UUID,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("runWindow")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(_("检查记录"))
        self.backend, self.report_error, self.inspection_id = backend, report_error, inspection_id
        self.run: ops.Run | None = None
        self.closed = False  # results still arriving for a closed window are dropped
        self.shown_key: str | None = None  # the item the pane shows
        self.pending_comment: tuple[str, str] | None = None  # item key, text not stored yet
        self.dialog: QWidget | None = None
        self.preview: PdfPreviewDialog | None = None
        self.header = QLabel(objectName="runHeader", wordWrap=True)
        font = self.header.font()
        font.setBold(True)
        self.header.setFont(font)
        self.banner = QLabel(objectName="runBanner", wordWrap=True)
        self.banner.setStyleSheet("padding: 6px; background: #eef3f8; border: 1px solid #b0c4d8;")
        self.banner.hide()
        self.message = error_label("runMessage")
        self.message.hide()
        self.items = ItemList()
        self.items.setMinimumWidth(LIST_MIN_WIDTH)
        self.items.installEventFilter(self)
        self.items.currentItemChanged.connect(lambda *_a: self._on_current_changed())
        self.pane = ItemPane()
        self.pane.answered.connect(self.answer)
        self.pane.comment.installEventFilter(self)
        self.pane.comment.textChanged.connect(self._on_comment_edited)
        self.signatures = QWidget(objectName="runSignatures")
        self.signatures_row = QHBoxLayout(self.signatures)
        self.signatures.hide()
        self.totals = QLabel(objectName="runTotals", wordWrap=True)
        self.comment_timer = QTimer(self, singleShot=True, interval=COMMENT_PAUSE_MS)
        self.comment_timer.timeout.connect(self.store_comment)
        self.actions_bar = ActionBar()
        self.actions_bar.setObjectName("runActions")
        self.actions: dict[str, QAction] = {}
        self._build_actions()
        self._build_layout()
        self.resize(1100, 760)
        self.reload()

    def _build_actions(self) -> None:
        self.actions = add_actions(self, self.actions_bar, "run", (
            ("complete", _("完成检查…"), self.complete, ["Ctrl+Return", "Ctrl+Enter"]),
            ("next", _("下一个待办"), self.next_needing, [Qt.Key.Key_F8]),
            ("comment", _("本项说明"), self.focus_comment, ["Ctrl+M"]),
            ("print", _("打印检查记录…"), self.preview_record, [QKeySequence.StandardKey.Print]),
            ("correct", _("更正…"), self.correct, ["Ctrl+E"]),
        ))  # fmt: skip
        self.photo_actions = add_actions(self, self.pane.photo_bar, "run", (
            ("import", _("导入照片…"), self.import_photo, ["Ctrl+Shift+I"]),
            ("paste", _("粘贴照片"), self.paste_photo, [QKeySequence.StandardKey.Paste]),
        ))  # fmt: skip
        remove = QAction(_("移除照片…"), self, objectName="run_removePhoto")
        remove.triggered.connect(self.remove_photo)
        add_shortcut(self.pane.photos, remove, [Qt.Key.Key_Delete])
        remove.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.pane.photo_bar.addAction(remove)
        self.photo_actions["remove"] = remove

    def _build_layout(self) -> None:
        scroll = QScrollArea(objectName="runItemScroll")
        scroll.setWidget(self.pane)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, objectName="runSplitter")
        self.splitter.addWidget(self.items)
        self.splitter.addWidget(scroll)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addWidget(self.header)
        layout.addWidget(self.actions_bar)
        layout.addWidget(self.banner)
        layout.addWidget(self.message)
        layout.addWidget(self.splitter, 1)
        layout.addWidget(self.signatures)
        layout.addWidget(self.totals)

    # --- what the run is ----------------------------------------------------------------

    @property
    def view(self) -> InspectionView | None:
        return self.run.view if self.run else None

    @property
    def editable(self) -> bool:
        """A draft nobody has signed yet."""
        view = self.view
        return view is not None and view.status is InspectionStatus.DRAFT and not view.signoffs

    def state(self, key: str | None) -> ItemState | None:
        view = self.view
        return next((s for s in view.items if s.item.key == key), None) if view else None

    def responses_of(self, key: str) -> tuple[Response, ...]:
        assert self.view is not None
        part, _item = self.view.checklist.item(key)
        return part.responses.responses

    # --- loading and showing --------------------------------------------------------------

    def reload(self) -> None:
        inspection_id = self.inspection_id
        self.backend.call(lambda ws: ops.run(ws, inspection_id), self._on_loaded, self._on_failed)

    def _on_loaded(self, run: ops.Run) -> None:
        if self.closed:
            return
        self._apply(run)
        first = next((s for s in run.view.items if needs_something(s)), run.view.items[0])
        self.items.select_key(first.item.key)
        self.items.setFocus()

    def _apply(self, run: ops.Run) -> None:
        """Show the run as stored; the cursor and a comment being typed stay as they are."""
        self.run = run
        view = run.view
        self.setWindowTitle(_("检查 — {title}（{station}）", title=view.title,
                              station=view.station))  # fmt: skip
        self.header.setText(header_text(view))
        self.items.show_run(view)
        self.totals.setText(totals_text(view))
        self._show_banner(view)
        self._show_signatures(view)
        completed = view.status is InspectionStatus.COMPLETED
        self.actions["complete"].setEnabled(not completed)
        self.actions["next"].setEnabled(not completed)
        self.actions["correct"].setEnabled(completed)
        self.actions["comment"].setEnabled(self.editable)
        for action in self.photo_actions.values():
            action.setEnabled(self.editable)
        self._show_current()

    def _show_banner(self, view: InspectionView) -> None:
        if view.status is InspectionStatus.COMPLETED:
            text = _("这次检查已完成，只能查看。如需更正，请用“更正…”（Ctrl+E）建立新版本。")
        elif view.signoffs:
            text = _("已有人签字，答案不能再改。请按 Ctrl+Enter 继续签字确认并完成检查。")
        else:
            text = ""
        self.banner.setText(text)
        self.banner.setVisible(bool(text))

    def _show_signatures(self, view: InspectionView) -> None:
        while self.signatures_row.count():
            item = self.signatures_row.takeAt(0)
            if item is not None and item.widget() is not None:
                item.widget().deleteLater()
        for row in view.signoffs:
            image = QLabel()
            image.setPixmap(stored_pixmap(row.image_png))
            self.signatures_row.addWidget(image)
            self.signatures_row.addWidget(QLabel(signed_text(row), wordWrap=True), 1)
        self.signatures.setVisible(bool(view.signoffs))

    def _on_current_changed(self) -> None:
        key = self.items.current_key()
        if key != self.shown_key:
            self.store_comment()
            self.say("")
        self._show_current()

    def _show_current(self) -> None:
        key = self.items.current_key()
        state, run = self.state(key), self.run
        if state is None or run is None:
            return
        same = key == self.shown_key
        self.shown_key = key
        self.pane.show_item(state, self.responses_of(state.item.key), run.thumbnails,
                            same_item=same, editable=self.editable)  # fmt: skip

    # --- answering ----------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            if watched is self.items and self._on_list_key(event):
                return True
            if watched is self.pane.comment and event.key() == Qt.Key.Key_Escape:
                self.store_comment()
                self.items.setFocus()
                return True
            if watched is self.pane.comment and pastes_a_picture(event):
                self.paste_photo()  # the box would take text only: the picture is the photo
                return True
        return super().eventFilter(watched, event)

    def _on_list_key(self, event: QKeyEvent) -> bool:
        key = self.items.current_key()
        plain = not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if key is None or not self.editable or not plain:
            return False
        if event.key() in CLEAR_KEYS:
            self.clear_answer()
            return True
        responses = self.responses_of(key)
        keys = response_keys(responses)
        if event.text() in keys:
            self.answer(responses[keys.index(event.text())].key)
            return True
        return False

    def answer(self, response_key: str) -> None:
        """Store the answer; a passing one moves on, a failed one stays for its comment."""
        key = self.items.current_key()
        if key is None or not self.editable:
            return
        inspection_id = self.inspection_id
        self.backend.call(
            lambda ws: ops.answer(ws, inspection_id, key, response_key), self._on_stored,
            self._on_failed,
        )  # fmt: skip
        response = next(r for r in self.responses_of(key) if r.key == response_key)
        if response.fails:
            self.say(_("判为“{answer}”：请填写说明（Ctrl+M）并添加照片"
                                   "（Ctrl+Shift+I 导入，Ctrl+V 粘贴）。",
                                   answer=response.label))  # fmt: skip
            return
        self.say("")
        following = self.items.key_after(key)
        if following is not None:
            self.items.select_key(following)

    def clear_answer(self) -> None:
        key = self.items.current_key()
        if key is None or not self.editable:
            return
        inspection_id = self.inspection_id
        self.backend.call(
            lambda ws: ops.clear_answer(ws, inspection_id, key), self._on_stored, self._on_failed
        )

    def next_needing(self) -> None:
        """F8: the next item (after the current one, wrapping round) still needing something."""
        for key in self.items.keys_from(self.items.current_key()):
            state = self.state(key)
            if state is not None and needs_something(state):
                self.items.select_key(key)
                self.items.setFocus()
                return
        self.say(_("所有检查项都已填好。按 Ctrl+Enter 签字确认。"))

    # --- the comment --------------------------------------------------------------------

    def focus_comment(self) -> None:
        state = self.state(self.shown_key)
        if state is not None and state.response is None:
            self.say(_("请先对这一项作答，再填写说明。"))
            return
        self.pane.comment.setFocus()

    def _on_comment_edited(self) -> None:
        key = self.shown_key
        if key is None or self.pane.comment.isReadOnly() or not self.editable:
            return
        self.pending_comment = (key, self.pane.comment.toPlainText())
        self.comment_timer.start()

    def store_comment(self) -> None:
        """Store the comment typed, if any is waiting (the pause ended, or the item changes)."""
        self.comment_timer.stop()
        pending, self.pending_comment = self.pending_comment, None
        if pending is None:
            return
        key, text = pending
        inspection_id = self.inspection_id
        self.backend.call(
            lambda ws: ops.set_comment(ws, inspection_id, key, text), self._on_stored,
            self._on_failed, finish=True,
        )  # fmt: skip

    # --- photos -------------------------------------------------------------------------

    def import_photo(self) -> None:
        key = self.shown_key
        if key is None or not self.editable:
            return
        path = ask_photo(self, _("选择本项照片"))
        if path is not None:
            inspection_id = self.inspection_id
            self.say(_("正在添加照片…"))
            self.backend.call(
                lambda ws: ops.add_photo(ws, inspection_id, key, path), self._on_stored,
                self._on_failed,
            )  # fmt: skip

    def paste_photo(self) -> None:
        key = self.shown_key
        if key is None or not self.editable:
            return
        image = clipboard_image()
        if image is None:
            self.say(_("剪贴板里没有图片。请先复制一张照片或截图，再按 Ctrl+V。"))
            return
        inspection_id = self.inspection_id
        self.say(_("正在添加照片…"))
        self.backend.call(
            lambda ws: ops.paste_photo(ws, inspection_id, key, image), self._on_stored,
            self._on_failed,
        )  # fmt: skip

    def remove_photo(self) -> None:
        photo_id = self.pane.current_photo_id()
        if photo_id is None or not self.editable:
            return
        inspection_id = self.inspection_id
        self.dialog = confirm(
            self,
            name="removeItemPhoto",
            title=_("移除照片"),
            text=_("从这一项中移除这张照片？"),
            details=_("照片文件保留在数据目录中，移除记录在案。"),
            action=_("移除照片"),
            on_confirmed=lambda: self.backend.call(
                lambda ws: ops.remove_photo(ws, inspection_id, photo_id), self._on_stored,
                self._on_failed,
            ),
        )  # fmt: skip

    # --- completing, correcting, printing -------------------------------------------------

    def complete(self) -> None:
        """Ctrl+Enter: what is still missing, or the sign-off dialog — judged on the run read
        after the answer or comment just given is stored (the worker takes them in order)."""
        view = self.view
        if view is None or view.status is InspectionStatus.COMPLETED:
            return
        self.store_comment()
        inspection_id = self.inspection_id
        self.backend.call(
            lambda ws: ops.run(ws, inspection_id), self._on_ready_to_complete, self._on_failed
        )

    def _on_ready_to_complete(self, run: ops.Run) -> None:
        if self.closed or (self.dialog is not None and self.dialog.isVisible()):
            return  # Ctrl+Enter pressed twice: one dialog
        self._apply(run)
        view = run.view
        if view.status is InspectionStatus.COMPLETED:
            return
        if not is_ready(view):
            missing = MissingDialog(view, self)
            missing.chosen.connect(self._go_to)
            self.dialog = missing
            missing.open()
            return
        signoff = SignoffDialog(self.backend, self.report_error, run, self)
        signoff.signed.connect(self._on_signed)
        signoff.completed.connect(self._on_completed)
        self.dialog = signoff
        signoff.open()

    def _go_to(self, key: str) -> None:
        self.activateWindow()
        self.items.select_key(key)
        self.items.setFocus()

    def _on_signed(self, run: ops.Run) -> None:
        self._apply(run)
        self.changed.emit()

    def _on_completed(self, finished: ops.Finished) -> None:
        self._apply(finished.run)
        count = len(finished.completed.findings)
        if count:
            text = _("检查已完成。已生成 {count} 条问题，可在“问题与帮扶”中制定措施。", count=count)
        else:
            text = _("检查已完成，没有不合格项。")
        self.banner.setText(text)
        self.banner.show()
        self.changed.emit()

    def correct(self) -> None:
        view = self.view
        if view is None or view.status is not InspectionStatus.COMPLETED:
            return
        inspection_id = self.inspection_id
        self.backend.call(
            lambda ws: ops.correct(ws, inspection_id), self._on_corrected, self._on_failed
        )

    def _on_corrected(self, new_id: uuid.UUID) -> None:
        self.corrected.emit(new_id)
        self.close()

    def preview_record(self) -> None:
        view = self.view
        if view is None:
            return
        inspection_id, title = self.inspection_id, _("检查记录")
        name = _("{printout}（{station} {date}）.pdf", printout=title, station=view.station,
                 date=view.held_on.isoformat())  # fmt: skip
        self.backend.call(
            lambda ws: ops.printout(ws, inspection_id, False),
            lambda data: self._show_preview(data, title, name),
            self._on_failed,
        )

    def _show_preview(self, data: bytes, title: str, name: str) -> None:
        self.preview = PdfPreviewDialog(
            self.backend.runner, data, title, name, self.report_error, parent=self
        )
        self.preview.open()

    # --- results ------------------------------------------------------------------------

    def _on_stored(self, run: ops.Run) -> None:
        if self.closed:
            return
        if self.message.text() == _("正在添加照片…"):
            self.say("")
        self._apply(run)
        self.changed.emit()

    def _on_failed(self, error: BaseException) -> None:
        if self.closed:  # the window is gone: say it where the other errors go
            self.report_error(error)
        elif isinstance(error, UserError):
            self.say(error.message)
        else:
            self.say("")
            self.report_error(error)

    def say(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def closeEvent(self, event: QCloseEvent) -> None:
        self.store_comment()
        self.closed = True
        super().closeEvent(event)
