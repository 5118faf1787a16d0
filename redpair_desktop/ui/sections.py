"""The main window's sections, in navigation order."""

from __future__ import annotations

from dataclasses import dataclass

from redpair_desktop.i18n import N_


@dataclass(frozen=True)
class Section:
    key: str
    title: str  # marked with N_, translated where shown
    plan: tuple[str, ...] = ()  # what a section that later versions fill will hold


SECTIONS = (
    Section("org", N_("组织与花名册")),
    Section("pairings", N_("结对与协议")),
    Section(
        "activities",
        N_("活动与承诺"),
        (
            N_("启动仪式等活动记录，应到、实到、请假、缺席人数"),
            N_("投影显示承诺书全文与实时签名人数"),
            N_("触控或手写笔签名台，补录与纸质名单录入"),
            N_("可打印的签到表与承诺签名册"),
        ),
    ),
    Section(
        "inspections",
        N_("检查与巡视"),
        (
            N_("带版本的检查表模板：办公环境、日常管理、后勤安全"),
            N_("10 kV 线路巡视：逐杆、逐台变压器记录"),
            N_("评分、照片、签字确认和检查报告 PDF"),
        ),
    ),
    Section(
        "assistance",
        N_("问题与帮扶"),
        (
            N_("问题清单：检查和巡视中发现的问题"),
            N_("帮扶措施：牵头支部负责、供电所共同落实"),
            N_("督办到验证销号"),
        ),
    ),
    Section(
        "statistics",
        N_("统计"),
        (
            N_("全部供电所的结对覆盖率，按结对类型和年度统计"),
            N_("活动、出勤率、检查得分、未完成与逾期措施"),
            N_("Excel 台账与可打印的报表"),
        ),
    ),
    Section("settings", N_("设置")),
)
