"""编辑检查表模板: a checklist's name, its answers (the response set) and its sections and items,
as a structured form (``response_editor``, ``template_form``).

Ctrl+S saves. A version no inspection used yet is updated in place; saving changes to a
version inspections used makes the next version and says so — each of those inspections keeps
the frozen copy it was made with — and the same words keep the version. An older version opens
read only. 关闭 asks when the words changed since they were loaded or saved."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from redpair_desktop.domain.errors import UserError, user_message
from redpair_desktop.domain.inspections.template import MAX_TEXT, ChecklistTemplate
from redpair_desktop.i18n import _
from redpair_desktop.ui.appearance import error_label
from redpair_desktop.ui.backend import Backend
from redpair_desktop.ui.inspections import template_ops as ops
from redpair_desktop.ui.inspections.response_editor import ResponseEditor
from redpair_desktop.ui.inspections.template_form import TemplateForm
from redpair_desktop.ui.widgets.editing_dialog import EditingDialog

if TYPE_CHECKING:
    from redpair_desktop.services.inspections.templates import SavedTemplate, VersionRow

DEFAULT_SIZE = (960, 680)


class TemplateEditorDialog(EditingDialog):
    """Opens the latest version of ``key`` (or ``version`` of it), or, without a key, the new
    checklist ``new_words``; ``saved`` gives the template's key after each save."""

    saved = Signal(str)

    def __init__(
        self,
        backend: Backend,
        report_error: Callable[[BaseException], None],
        key: str | None = None,
        *,
        version: int | None = None,
        new_words: ChecklistTemplate | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent, objectName="templateEditorDialog")
        self.backend, self.report_error = backend, report_error
        self.key = key or (new_words.key if new_words else "")
        self.loaded: ChecklistTemplate | None = None  # as loaded or saved: changed since?
        self.read_only = False
        self.name = QLineEdit(objectName="templateName", maxLength=MAX_TEXT)
        self.name.setPlaceholderText(_("检查表名称，如“办公环境”"))
        self.name.textChanged.connect(self._on_changed)
        self.facts = QLabel(objectName="templateFacts", wordWrap=True)
        self.responses = ResponseEditor()
        self.responses.changed.connect(self._on_changed)
        self.form = TemplateForm()
        self.form.changed.connect(self._on_changed)
        self.message = QLabel(objectName="templateMessage", wordWrap=True)
        self.error = error_label("templateError")
        self._note()
        self.buttons: dict[str, QPushButton] = {}
        layout = QVBoxLayout(self)
        layout.addLayout(self._name_row())
        layout.addWidget(self.facts)
        layout.addWidget(self._responses_box())
        layout.addWidget(QLabel(_("分项与检查项")))
        layout.addWidget(self._form_scroll(), 1)
        layout.addLayout(self._button_row())
        self.setWindowTitle(_("新建检查表模板") if key is None else _("编辑检查表模板"))
        self.resize(*DEFAULT_SIZE)
        if new_words is not None:
            self._load(new_words, None, latest=True)
        else:
            self.backend.call(
                lambda ws: ops.open_version(ws, self.key, version), self._on_opened, self._on_failed
            )

    # --- building -----------------------------------------------------------------------

    def _name_row(self) -> QFormLayout:
        row = QFormLayout()
        row.addRow(_("名称"), self.name)
        return row

    def _responses_box(self) -> QGroupBox:
        box = QGroupBox(_("作答选项（每个检查项都用这一组）"), objectName="responsesBox")
        QVBoxLayout(box).addWidget(self.responses)
        return box

    def _form_scroll(self) -> QScrollArea:
        scroll = QScrollArea(objectName="templateScroll", widgetResizable=True)
        scroll.setWidget(self.form)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        return scroll

    def _button_row(self) -> QHBoxLayout:
        notes = QVBoxLayout()  # what saving did, or why it was refused, from the left
        notes.addWidget(self.message)
        notes.addWidget(self.error)
        row = QHBoxLayout()
        row.addLayout(notes, 1)
        save = QPushButton(_("保存"), objectName="template_save", autoDefault=False)
        save.setToolTip(QKeySequence(QKeySequence.StandardKey.Save).toString())
        save.clicked.connect(self.save)
        QShortcut(QKeySequence.StandardKey.Save, self, self.save)
        close = QPushButton(_("关闭"), objectName="template_close", autoDefault=False)
        close.clicked.connect(self.reject)
        self.buttons = {"save": save, "close": close}
        row.addWidget(save)
        row.addWidget(close)
        return row

    # --- loading ------------------------------------------------------------------------

    def _on_opened(self, opened: ops.Opened) -> None:
        self._load(opened.words, opened.version, latest=opened.latest)

    def _load(self, words: ChecklistTemplate, version: VersionRow | None, *, latest: bool) -> None:
        self.read_only = not latest
        self.name.setText(words.name)
        self.name.setReadOnly(self.read_only)
        for part in (self.responses, self.form):
            part.set_read_only(self.read_only)
        self.responses.set_responses(words.key, words.responses)
        self.form.set_sections(words.key, words.sections)
        self.buttons["save"].setEnabled(latest)
        self._show_facts(version, latest=latest)
        self.loaded = self.words()
        self._note()

    def _show_facts(self, version: VersionRow | None, *, latest: bool) -> None:
        if version is None:
            text = _("新检查表：保存后成为第 1 版。")
        elif not latest:
            text = _("第 {version} 版是旧版本，只能查看；已用于 {count} 次检查。",
                     version=version.version, count=version.inspections)  # fmt: skip
        elif version.inspections:
            text = _("第 {version} 版已用于 {count} 次检查：保存修改将另存为第 {next} 版，"
                     "已有检查不受影响。", version=version.version, count=version.inspections,
                     next=version.version + 1)  # fmt: skip
        else:
            text = _("第 {version} 版尚未用于检查：保存时直接更新这一版。", version=version.version)
        self.facts.setText(text)

    def words(self) -> ChecklistTemplate:
        """The checklist as it would be saved."""
        return ChecklistTemplate(
            self.key, self.name.text().strip(), self.form.words(), self.responses.responses()
        )

    def _on_changed(self) -> None:
        self._note(error=self.error.text())

    def _note(self, message: str = "", error: str = "") -> None:
        """What saving did, or why it was refused; an empty line takes no room."""
        for label, text in ((self.message, message), (self.error, error)):
            label.setText(text)
            label.setVisible(bool(text))

    # --- saving, closing --------------------------------------------------------------

    def has_changes(self) -> bool:
        return self.loaded is not None and self.words() != self.loaded

    def save(self) -> None:
        if self.read_only or self.loaded is None:
            return
        words = self.words()
        self.backend.call(
            lambda ws: ops.save_template(ws, words),
            lambda saved: self._on_saved(words, saved),
            self._on_failed,
        )

    def _on_saved(self, words: ChecklistTemplate, saved: ops.Saved) -> None:
        self.loaded = words
        self._note(_saved_text(saved.outcome))
        self._show_facts(saved.latest, latest=True)
        self.setWindowTitle(_("编辑检查表模板"))
        self.saved.emit(words.key)

    def _on_failed(self, error: BaseException) -> None:
        if isinstance(error, UserError):
            self._note(error=user_message(error))
            self._focus_first_blank()
        else:
            self.report_error(error)

    def _focus_first_blank(self) -> None:
        """To the first empty box, in the order saving checks them (the message names it)."""
        boxes = [self.name]
        for box in self.form.sections:
            boxes += [box.title, *(item.text for item in box.items)]
        boxes += [row.label for row in self.responses.rows]
        blank = next((box for box in boxes if not box.text().strip()), None)
        if blank is not None:
            blank.setFocus()

    def discard_question(self) -> tuple[str, str, str]:
        return "discardTemplate", _("关闭检查表模板"), _("修改还没有保存。放弃这些修改？")


def _saved_text(outcome: SavedTemplate) -> str:
    version = outcome.row.version
    if outcome.replaced is not None:
        return _("版本 {old} 已被 {count} 次检查使用，已另存为版本 {new}；已有检查不受影响。",
                 old=outcome.replaced.version, count=outcome.replaced.inspections,
                 new=version)  # fmt: skip
    if outcome.unchanged:
        return _("内容没有变化，仍是版本 {version}。", version=version)
    return _("已保存为版本 {version}。", version=version)
