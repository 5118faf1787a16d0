"""屏幕签字 driven as the host and both secretaries would: the pad drawn with the mouse, 甲方
then 乙方 confirmed, the database holding both signatures and the version signed on screen; an
empty or too-short signature refused with a visible message and nothing stored."""

from __future__ import annotations

import io
import sqlite3

import pypdf
import pytest
from PySide6.QtCore import QPoint, Qt

from redpair_desktop.domain.signatures import HONESTY_NOTICE
from redpair_desktop.paths import DATABASE_FILE
from tests.ui.pairings.test_page import open_pairings, row_with

pytestmark = pytest.mark.gui

ZIGZAG = [QPoint(60 + 14 * i, 40 + (40 if i % 2 else 0)) for i in range(20)]
TICK = [QPoint(60, 60), QPoint(64, 62)]


def draw(qtbot, pad, points):
    qtbot.mousePress(pad, Qt.MouseButton.LeftButton, pos=points[0])
    for point in points[1:]:
        qtbot.mouseMove(pad, point)
    qtbot.mouseRelease(pad, Qt.MouseButton.LeftButton, pos=points[-1])


def stored(data_dir):
    with sqlite3.connect(data_dir / DATABASE_FILE) as connection:
        signatures = connection.execute(
            "SELECT party, signer FROM agreement_signature ORDER BY party"
        ).fetchall()
        statuses = connection.execute("SELECT status FROM agreement_version").fetchall()
    return signatures, statuses


def open_signing(qtbot, open_app, data_dir):
    page = open_pairings(qtbot, open_app(data_dir))
    page.table.setFocus()
    page.table.selectRow(row_with(page, "大坪供电所党支部"))
    qtbot.keyClick(page.table, Qt.Key.Key_G, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: page.signing is not None and len(page.signing.sections) == 2,
                    timeout=15000)  # fmt: skip
    dialog = page.signing
    qtbot.waitExposed(dialog)
    return page, dialog


def test_both_secretaries_sign_one_after_the_other(qtbot, open_app, demo_data_dir):
    page, dialog = open_signing(qtbot, open_app, demo_data_dir)
    assert dialog.notice.text() == HONESTY_NOTICE and dialog.notice.isVisible()
    first, second = dialog.sections
    assert first.title().startswith("甲方：中共国网咸宁供电公司")
    assert "陈振波" in second.who.text()
    assert first.pad.isEnabled() and not second.pad.isEnabled()
    draw(qtbot, first.pad, ZIGZAG)
    qtbot.mouseClick(first.confirm_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: first.is_signed and second.pad.isEnabled(), timeout=10000)
    assert "SHA-256" in first.stored.text() and not first.stored_image.pixmap().isNull()
    assert [party for party, _signer in stored(demo_data_dir)[0]] == ["甲方"]
    assert not dialog.preview_button.isEnabled()
    draw(qtbot, second.pad, list(reversed(ZIGZAG)))
    qtbot.mouseClick(second.confirm_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: stored(demo_data_dir) == ([("乙方", "陈振波"), ("甲方", first.signer.secretary)],
                                          [("signed_on_screen",)]),
        timeout=10000,
    )  # fmt: skip
    qtbot.waitUntil(lambda: dialog.preview_button.isEnabled(), timeout=10000)
    assert dialog.status.text().startswith("签字完成")
    qtbot.mouseClick(dialog.preview_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.preview is not None and page.preview.isVisible(), timeout=15000)
    reader = pypdf.PdfReader(io.BytesIO(page.preview.data))
    text = "".join(p.extract_text() for p in reader.pages).replace("\n", "")
    assert "签署过程记录" in text and "陈振波（党支部书记）" in text
    page.preview.reject()
    dialog.reject()


def test_an_empty_or_too_short_signature_is_refused_with_a_message(qtbot, open_app, demo_data_dir):
    _page, dialog = open_signing(qtbot, open_app, demo_data_dir)
    first = dialog.sections[0]
    qtbot.mouseClick(first.confirm_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: first.message.isVisible() and "笔迹太少" in first.message.text())
    draw(qtbot, first.pad, TICK)
    assert first.message.text() == ""  # drawing again clears the message
    qtbot.mouseClick(first.confirm_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "笔迹太少" in first.message.text())
    assert not first.is_signed and first.pad.isEnabled()
    assert stored(demo_data_dir) == ([], [("draft",)])
    dialog.reject()


def test_the_action_bar_button_opens_screen_signing(qtbot, open_app, demo_data_dir):
    page = open_pairings(qtbot, open_app(demo_data_dir))
    assert not page.actions["sign"].isEnabled()
    page.table.selectRow(row_with(page, "大坪供电所党支部"))
    button = page.actions_bar.widgetForAction(page.actions["sign"])
    assert button.defaultAction().text() == "屏幕签字…" and button.isEnabled()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.signing is not None and len(page.signing.sections) == 2,
                    timeout=15000)  # fmt: skip
    assert page.signing.windowTitle() == "屏幕签字 — 综合服务中心党支部—大坪供电所党支部"
    page.signing.reject()
