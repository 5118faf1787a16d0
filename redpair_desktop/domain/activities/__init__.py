"""Ceremonies and joint activities: their kinds, attendance, the pledge, badges, the run-sheet."""
