"""A masked field for the operator PIN (up to eight digits), in 设置 and at the kiosk."""

from __future__ import annotations

from PySide6.QtWidgets import QLineEdit

from redpair_desktop.services.pin import MAX_DIGITS


def pin_field(name: str) -> QLineEdit:
    field = QLineEdit(objectName=name)
    field.setEchoMode(QLineEdit.EchoMode.Password)
    field.setMaxLength(MAX_DIGITS)
    field.setFixedWidth(field.fontMetrics().horizontalAdvance("0") * 14)
    return field
