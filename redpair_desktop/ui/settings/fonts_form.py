"""打印字体: the office's official font files for the printouts, one per font role.

Each role shows the file in use (or the bundled open font), 选择… and 恢复内置. A chosen file is
checked on the worker (``reports.fonts.check_font_file``: a TrueType/OpenType font ReportLab
can embed, with the common Chinese characters); only a file that passes is saved."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from redpair_desktop.domain.errors import UserError
from redpair_desktop.i18n import N_, _
from redpair_desktop.ui.appearance import ERROR_COLOUR
from redpair_desktop.ui.operations import DbRunner
from redpair_desktop.ui.settings import ops
from redpair_desktop.ui.widgets import file_dialogs


@dataclass(frozen=True)
class RoleRow:
    key: str  # reports.fonts.FontRole value (not imported here: it loads ReportLab)
    title: str  # marked with N_
    official: str  # the face GB/T 9704 names
    bundled: str  # the open face used without one


ROLES = (
    RoleRow("title", N_("公文标题"), "方正小标宋简体", "AR PL SungtiL GB"),
    RoleRow("body", N_("正文"), "仿宋_GB2312", "AR PL SungtiL GB"),
    RoleRow("heading1", N_("一级标题"), "黑体", "WenQuanYi Micro Hei"),
    RoleRow("heading2", N_("二级标题"), "楷体_GB2312", "LXGW WenKai"),
)


class FontFilesForm(QGroupBox):
    """Edits a copy of ``Settings.font_files``; emits the whole mapping after each change."""

    font_files_changed = Signal(dict)

    def __init__(
        self,
        runner: DbRunner,
        font_files: dict[str, str],
        report_error: Callable[[BaseException], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(_("打印字体"), parent)
        self.setObjectName("fontFilesForm")
        self.runner, self.report_error = runner, report_error
        self.font_files = dict(font_files)
        self.current: dict[str, QLabel] = {}
        self.restore: dict[str, QPushButton] = {}
        intro = QLabel(
            _("协议书等公文默认使用内置的开源字体。如本机装有正式字体，可在此指定其文件，"
              "打印时优先使用。"),
            wordWrap=True,
        )  # fmt: skip
        self.message = QLabel(objectName="fontMessage", wordWrap=True)
        self.message.hide()
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(self._rows())
        layout.addWidget(self.message)
        for row in ROLES:
            self._show(row)

    def _rows(self) -> QGridLayout:
        grid = QGridLayout()
        grid.setColumnStretch(1, 1)
        for number, row in enumerate(ROLES):
            name = QLabel(_("{role}（{face}）", role=_(row.title), face=row.official))
            current = QLabel(objectName=f"fontFile_{row.key}", wordWrap=True)
            current.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
            choose = QPushButton(_("选择…"), objectName=f"chooseFont_{row.key}")
            choose.clicked.connect(lambda _checked=False, r=row: self.choose(r))
            restore = QPushButton(_("恢复内置"), objectName=f"restoreFont_{row.key}")
            restore.clicked.connect(lambda _checked=False, r=row: self.restore_bundled(r))
            for column, widget in enumerate((name, current, choose, restore)):
                grid.addWidget(widget, number, column)
            self.current[row.key], self.restore[row.key] = current, restore
        return grid

    def _show(self, row: RoleRow) -> None:
        path = self.font_files.get(row.key)
        text = path or _("内置开源字体（{face}）", face=row.bundled)
        self.current[row.key].setText(text)
        self.current[row.key].setToolTip(text)
        self.restore[row.key].setEnabled(path is not None)

    # --- choosing -----------------------------------------------------------------------

    def choose(self, row: RoleRow) -> None:
        title = _("选择{role}字体（{face}）", role=_(row.title), face=row.official)
        path = file_dialogs.ask_open_path(self, title, file_dialogs.font_filter())
        if path is None:
            return
        path = path.absolute()
        self._say(_("正在检查“{name}”…", name=path.name))
        self.runner.run(
            lambda: ops.check_font_file(path),
            lambda _none: self._on_accepted(row, path),
            lambda error: self._on_refused(row, error),
        )

    def _on_accepted(self, row: RoleRow, path: Path) -> None:
        self.font_files[row.key] = str(path)
        self._changed(row)
        self._say(_("已保存：{role}使用“{name}”。", role=_(row.title), name=path.name))

    def _on_refused(self, row: RoleRow, error: BaseException) -> None:
        if not isinstance(error, UserError):
            self.message.hide()
            self.report_error(error)
            return
        self._say(_("未保存，{role}仍使用原来的字体。", role=_(row.title)) + str(error), error=True)

    def restore_bundled(self, row: RoleRow) -> None:
        if self.font_files.pop(row.key, None) is not None:
            self._changed(row)
            self._say(_("已保存：{role}使用内置开源字体。", role=_(row.title)))

    def _changed(self, row: RoleRow) -> None:
        self._show(row)
        self.font_files_changed.emit(dict(self.font_files))

    def _say(self, text: str, *, error: bool = False) -> None:
        self.message.setStyleSheet(f"color: {ERROR_COLOUR};" if error else "")
        self.message.setText(text)
        self.message.show()
