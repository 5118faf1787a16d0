"""Choosing files: Qt's dialogs with the app's wording and .xlsx filters."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QWidget

from redpair_desktop.i18n import _


def _excel_filter() -> str:
    return _("Excel 工作簿 (*.xlsx)")


def ask_open_path(parent: QWidget, title: str) -> Path | None:
    path, _chosen = QFileDialog.getOpenFileName(parent, title, "", _excel_filter())
    return Path(path) if path else None


def ask_save_path(parent: QWidget, title: str, suggested: str) -> Path | None:
    path, _chosen = QFileDialog.getSaveFileName(parent, title, suggested, _excel_filter())
    if not path:
        return None
    return Path(path if path.lower().endswith(".xlsx") else f"{path}.xlsx")
