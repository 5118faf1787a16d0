"""Dates as Chinese documents write them."""

from __future__ import annotations

from datetime import date


def chinese_date(day: date) -> str:
    """``2024年3月26日``: Arabic numerals, full year, no zero padding (GB/T 9704)."""
    return f"{day.year}年{day.month}月{day.day}日"
