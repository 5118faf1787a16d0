"""Choosing files: Qt's dialogs with the app's wording and filters (.xlsx unless told)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QWidget

from redpair_desktop.i18n import _


def _excel_filter() -> str:
    return _("Excel 工作簿 (*.xlsx)")


def scan_filter() -> str:
    return _("扫描件 (*.pdf *.png *.jpg *.jpeg)")


def pdf_filter() -> str:
    return _("PDF 文件 (*.pdf)")


def font_filter() -> str:
    return _("字体文件 (*.ttf *.otf *.ttc)")


def ask_open_path(parent: QWidget, title: str, file_filter: str | None = None) -> Path | None:
    """A file to open; Excel workbooks unless ``file_filter`` says otherwise."""
    path, _chosen = QFileDialog.getOpenFileName(parent, title, "", file_filter or _excel_filter())
    return Path(path) if path else None


def ask_save_path(parent: QWidget, title: str, suggested: str) -> Path | None:
    path, _chosen = QFileDialog.getSaveFileName(parent, title, suggested, _excel_filter())
    if not path:
        return None
    return Path(path if path.lower().endswith(".xlsx") else f"{path}.xlsx")
