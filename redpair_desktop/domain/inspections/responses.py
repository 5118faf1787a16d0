"""The built-in response sets: compliance (符合/基本符合/不符合/不适用) and patrol (正常/缺陷)."""

from __future__ import annotations

from redpair_desktop.domain.inspections.template import Response, ResponseSet

GREEN, AMBER, RED, GREY = "#2e7d32", "#f9a825", "#c62828", "#9e9e9e"

COMPLIANCE = ResponseSet(
    "compliance",
    "符合性",
    (
        Response("pass", "符合", 100, GREEN, shortcut="1"),
        Response("partial", "基本符合", 60, AMBER, shortcut="2"),
        Response("fail", "不符合", 0, RED, fails=True, shortcut="3"),
        Response("na", "不适用", None, GREY, shortcut="0"),
    ),
)

PATROL = ResponseSet(
    "patrol",
    "巡视",
    (
        Response("normal", "正常", 100, GREEN, shortcut="1"),
        Response("defect", "缺陷", 0, RED, fails=True, shortcut="3"),
    ),
)
