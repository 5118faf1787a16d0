"""检查与巡视: one tab per kind of field work — 检查 (on-site inspections against versioned
checklists), 巡视 (10 kV line patrols, in ``ui/assets``) and 检查表模板. Each tab names the
function that builds it (``module:function`` taking the page context), so a tab arrives in its
own module and this page does not change."""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from redpair_desktop.i18n import N_, _
from redpair_desktop.ui.appearance import page_title

if TYPE_CHECKING:
    from redpair_desktop.ui.sections import PageContext, Section


@dataclass(frozen=True)
class Tab:
    title: str  # marked with N_, translated where shown
    build: str  # "module:function" building the tab's widget from a PageContext

    def widget(self, context: PageContext) -> QWidget:
        module, function = self.build.split(":")
        return getattr(importlib.import_module(module), function)(context)


TABS: tuple[Tab, ...] = (
    Tab(N_("现场检查"), "redpair_desktop.ui.inspections.list_tab:build_tab"),
    Tab(N_("线路巡视"), "redpair_desktop.ui.assets.patrols_tab:build_tab"),
    Tab(N_("检查表模板"), "redpair_desktop.ui.inspections.templates_tab:build_tab"),
)


class InspectionsPage(QWidget):
    def __init__(self, context: PageContext, title: str) -> None:
        super().__init__(objectName="page_inspections")
        layout = QVBoxLayout(self)
        layout.addWidget(page_title(title))
        self.tabs = QTabWidget(objectName="inspectionTabs")
        for tab in TABS:
            self.tabs.addTab(tab.widget(context), _(tab.title))
        layout.addWidget(self.tabs, 1)


def build_page(context: PageContext, section: Section) -> InspectionsPage:
    return InspectionsPage(context, _(section.title))
