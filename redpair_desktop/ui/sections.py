"""The main window's sections, in navigation order, each naming the function that builds its
page (``module:function``), imported when the section is first visited. A feature adds its
section here and its page in ``ui/<feature>/``; the window itself does not change."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from redpair_desktop.i18n import N_

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from redpair_desktop.settings import Settings
    from redpair_desktop.ui.backend import Backend

PLANNED = "redpair_desktop.ui.widgets.planned_page:build_page"


@dataclass(frozen=True)
class PageContext:
    """What a page may use: passed in, never imported from the window."""

    backend: Backend
    report_error: Callable[[BaseException], None]
    settings: Settings
    data_dir: Path
    save_settings: Callable[[Settings], None]


@dataclass(frozen=True)
class Section:
    key: str
    title: str  # marked with N_, translated where shown
    page: str = PLANNED  # "module:function" building the page from a PageContext
    plan: tuple[str, ...] = ()  # what a section that later versions fill will hold

    def build_page(self, context: PageContext) -> QWidget:
        module, function = self.page.split(":")
        return getattr(importlib.import_module(module), function)(context, self)


SECTIONS = (
    Section("org", N_("组织与花名册"), "redpair_desktop.ui.org.page:build_page"),
    Section("pairings", N_("结对与协议"), "redpair_desktop.ui.pairings.page:build_page"),
    Section("activities", N_("活动与承诺"), "redpair_desktop.ui.activities.page:build_page"),
    Section("inspections", N_("检查与巡视"), "redpair_desktop.ui.inspections.page:build_page"),
    Section(
        "assistance",
        N_("问题与帮扶"),
        plan=(
            N_("问题清单：检查和巡视中发现的问题"),
            N_("帮扶措施：牵头支部负责、供电所共同落实"),
            N_("督办到验证销号"),
        ),
    ),
    Section(
        "statistics",
        N_("统计"),
        plan=(
            N_("全部供电所的结对覆盖率，按结对类型和年度统计"),
            N_("活动、出勤率、检查得分、未完成与逾期措施"),
            N_("Excel 台账与可打印的报表"),
        ),
    ),
    Section("settings", N_("设置"), "redpair_desktop.ui.settings.page:build_page"),
)
