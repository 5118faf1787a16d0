"""A section that a later version fills: it says what it will hold, and shows nothing fake."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from redpair_desktop.i18n import _
from redpair_desktop.ui.appearance import page_title
from redpair_desktop.ui.sections import PageContext, Section


class PlannedPage(QWidget):
    def __init__(self, section: Section, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"page_{section.key}")
        title = page_title(_(section.title))
        note = QLabel(_("本模块尚未开放。开放后将提供："))
        items = QLabel("\n".join(f"• {_(line)}" for line in section.plan))
        items.setObjectName("planList")
        items.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(note)
        layout.addWidget(items)
        layout.addStretch(1)
        layout.setAlignment(Qt.AlignmentFlag.AlignTop)


def build_page(context: PageContext, section: Section) -> PlannedPage:
    return PlannedPage(section)
