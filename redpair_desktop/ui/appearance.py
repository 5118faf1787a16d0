"""Fonts and style sheet. The shipped CJK fonts are registered with Qt so that no machine shows
boxes for Chinese names."""

from __future__ import annotations

import logging
from functools import cache

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication, QLabel, QWidget

from redpair_desktop.resources import resource_path

log = logging.getLogger(__name__)

UI_FONT = "wqy-microhei.ttc"
UI_FAMILY = "WenQuanYi Micro Hei"
# LXGW WenKai also covers rare characters (𠮷, 䶮, 𬌗) that the UI font lacks; Qt falls back to it.
FALLBACK_FONT = "LXGWWenKai-Regular.ttf"
FALLBACK_FAMILY = "LXGW WenKai"


def register_font(file_name: str) -> bool:
    path = resource_path("fonts", file_name)
    if QFontDatabase.addApplicationFont(str(path)) < 0:
        log.warning("could not load the font %s", path)
        return False
    return True


def apply_appearance(app: QApplication) -> None:
    """Register the UI font and make it the application's first choice."""
    register_font(UI_FONT)
    font = QFont(app.font())
    font.setFamilies([UI_FAMILY, FALLBACK_FAMILY])
    app.setFont(font)


@cache
def _style_sheet() -> str:
    return resource_path("style", "app.qss").read_text(encoding="utf-8")


def styled(widget: QWidget) -> QWidget:
    """Give this widget (and its children) the app's style sheet. Not app-wide: then Qt's
    style-sheet style paints every table cell too, and the roster repaints twice as slowly."""
    widget.setStyleSheet(_style_sheet())
    return widget


def page_title(text: str) -> QLabel:
    """The red heading at the top of a page."""
    return styled(QLabel(text, objectName="pageTitle"))


ERROR_COLOUR = "#c62828"


def error_label(name: str) -> QLabel:
    """A word-wrapped label for a message about bad input, in the app's one error style."""
    label = QLabel(objectName=name, wordWrap=True)
    label.setStyleSheet(f"color: {ERROR_COLOUR};")
    return label


def register_fallback_font() -> None:
    """The large fallback font is registered after the first paint, to keep start-up quick."""
    register_font(FALLBACK_FONT)
