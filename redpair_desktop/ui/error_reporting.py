"""Errors reach the user as a plain dialog and the log file, never as a vanished window."""

from __future__ import annotations

import logging
import sys
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from redpair_desktop.domain.errors import RedPairError

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMessageBox, QWidget
from redpair_desktop.i18n import _

log = logging.getLogger(__name__)


class ErrorReporter:
    """Shows errors in non-blocking dialogs over ``parent`` and logs unexpected ones."""

    def __init__(self, log_path: Path) -> None:
        self.log_path = log_path
        self.parent: QWidget | None = None
        self.last_dialog: QMessageBox | None = None

    def report(self, error: BaseException) -> None:
        from PySide6.QtWidgets import QMessageBox  # first needed when something goes wrong

        if isinstance(error, RedPairError):
            log.info("refused: %s", error.message)
            self._show(QMessageBox.Icon.Warning, _("无法完成"), error.message)
            return
        log.error("unexpected error", exc_info=error)
        self._show(
            QMessageBox.Icon.Critical,
            _("意外错误"),
            _(
                "程序发生了意外错误：{what}\n\n未完成的数据库操作已撤销，已保存的数据不受影响。"
                "\n详细信息已记录到日志文件：\n{path}",
                what=f"{type(error).__name__}: {error}",
                path=self.log_path,
            ),
        )

    def install_excepthook(self) -> None:
        sys.excepthook = self._excepthook

    def _excepthook(
        self, kind: type[BaseException], error: BaseException, tb: TracebackType | None
    ) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, error, tb)
            return
        self.report(error.with_traceback(tb))

    def _show(self, icon: QMessageBox.Icon, title: str, text: str) -> None:
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, self.parent)
        box.setObjectName("errorDialog")
        box.open()
        self.last_dialog = box
