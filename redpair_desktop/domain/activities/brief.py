"""The activity brief (活动简报): 时间、地点、主持、参加人员 with 应到/实到/请假/缺席, 主要内容 —
the items the brief PDF prints and the text a branch copies into its news item.

The brief is part of the Chinese record, so it is written in Chinese whatever the window's
language (as the printouts are)."""

from __future__ import annotations

from redpair_desktop.domain.activities.printouts import ActivitySheet, Counts
from redpair_desktop.domain.dates import chinese_date


def counts_text(counts: Counts) -> str:
    """``应到17人，实到16人，请假1人，缺席0人``."""
    return (
        f"应到{counts.expected}人，实到{counts.present}人，"
        f"请假{counts.excused}人，缺席{counts.absent}人"
    )


def attendance_text(sheet: ActivitySheet) -> str:
    """Who took part and how many: the branches, then the counts."""
    who = "、".join(sheet.branches)
    parts = [f"{who}党员" if who else "", counts_text(sheet.counts)]
    signed = sum(1 for entry in sheet.entries if entry.signature_png)
    if sheet.pledge_title and signed:
        parts.append(f"{signed}人签名承诺“{sheet.pledge_title}”")
    return "，".join(part for part in parts if part) + "。"


def brief_items(sheet: ActivitySheet) -> list[tuple[str, str]]:
    """(label, text) of each item of the brief, in order; an item with nothing to say is left
    out (no 主持 line without hosts)."""
    items = [
        ("时间", chinese_date(sheet.held_on)),
        ("地点", sheet.place),
        ("主持", "、".join(sheet.hosts)),
        ("参加人员", attendance_text(sheet)),
        ("主要内容", sheet.content.strip()),
    ]
    return [(label, text) for label, text in items if text]


def brief_text(sheet: ActivitySheet) -> str:
    """The brief as plain text: the title, then one line per item (``时间：2024年3月26日``)."""
    lines = [sheet.title, *(f"{label}：{text}" for label, text in brief_items(sheet))]
    return "\n".join(lines) + "\n"
