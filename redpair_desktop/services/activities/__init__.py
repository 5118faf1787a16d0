"""Ceremonies and joint activities: the record, attendance, the pledge, photos, the run-sheet."""
