"""校验协议书: the PDF the window previews and saves is the signed one on record; the dialog
says so in green, and in red what is wrong with an altered copy or a file that is no PDF."""

from __future__ import annotations

from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QPushButton

from redpair_desktop.services.agreements.verification import verify_pdf
from redpair_desktop.ui.agreements.verify_dialog import PASSED_STYLE, VerifyDialog
from redpair_desktop.ui.widgets import file_dialogs
from tests.ui.pairings.test_page import open_pairings, row_with


def saved_from_preview(qtbot, application, target):
    page = open_pairings(qtbot, application)
    page.table.selectRow(row_with(page, "大坪供电所党支部"))
    page.actions["preview"].trigger()
    qtbot.waitUntil(lambda: page.preview is not None and page.preview.isVisible(), timeout=20000)
    page.preview.ask_save_path = lambda: target
    page.preview.save_as()
    qtbot.waitUntil(target.exists)
    page.preview.reject()
    return page


def check_in_dialog(qtbot, dialog: VerifyDialog, path, monkeypatch) -> None:
    monkeypatch.setattr(file_dialogs, "ask_open_path", lambda *args: path)
    dialog.checked = None
    qtbot.mouseClick(dialog.findChild(QPushButton, "verifyChoose"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.checked is not None, timeout=15000)


def test_the_saved_preview_verifies_and_an_altered_copy_does_not(
    qtbot, open_app, demo_data_dir, tmp_path, monkeypatch
):
    application = open_app(demo_data_dir)
    saved = tmp_path / "协议书.pdf"
    page = saved_from_preview(qtbot, application, saved)
    assert verify_pdf(saved).ok, verify_pdf(saved).problems

    page.actions["verify"].trigger()
    dialog = page.verify_dialog
    qtbot.waitUntil(dialog.isVisible)
    check_in_dialog(qtbot, dialog, saved, monkeypatch)
    fields = {key: value.text() for key, value in dialog.fields.items()}
    assert dialog.checked.result.ok
    assert dialog.verdict.text().startswith("校验通过")
    assert PASSED_STYLE in dialog.verdict.styleSheet()
    assert fields["record"] == "综合服务中心党支部与大坪供电所党支部的共建协议书"
    assert fields["record_id"] == dialog.checked.result.record_id
    assert fields["version"] == "第 1 版"
    assert len(fields["content_hash"]) == 64
    assert fields["status"] == "草稿"
    assert fields["signature"].startswith("完好")
    assert fields["problems"] == "未发现问题"

    altered = tmp_path / "改过的.pdf"
    data = bytearray(saved.read_bytes())
    at = data.index(b"/Producer") + 2
    data[at] = ord("Q") if data[at] != ord("Q") else ord("R")
    altered.write_bytes(bytes(data))
    check_in_dialog(qtbot, dialog, altered, monkeypatch)
    assert not dialog.checked.result.ok
    assert dialog.verdict.text().startswith("校验未通过")
    assert "#b71c1c" in dialog.verdict.styleSheet()
    assert dialog.fields["signature"].text().startswith("不完好")
    assert "改动" in dialog.fields["problems"].text()


def test_a_dropped_file_that_is_no_pdf_is_named_as_such(qtbot, open_app, demo_data_dir, tmp_path):
    application = open_app(demo_data_dir)
    application.window.verify_action.trigger()
    dialog = application.window.verify_dialog
    qtbot.waitUntil(dialog.isVisible)
    notes = tmp_path / "notes.pdf"
    notes.write_text("只是一段文字", encoding="utf-8")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(notes))])
    drop = QDropEvent(
        QPointF(20, 20),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
    )
    dialog.dropEvent(drop)
    qtbot.waitUntil(lambda: dialog.checked is not None, timeout=15000)
    assert dialog.fields["file"].text() == str(notes)
    assert dialog.verdict.text().startswith("校验未通过")
    assert "这不是 PDF 文件。" in dialog.fields["problems"].text()
    assert dialog.fields["record"].text() == "文件中没有可识别的协议记录"
    assert dialog.fields["status"].text() == "—"


def test_the_window_menu_opens_it_with_its_shortcut(qtbot, open_app, demo_data_dir):
    application = open_app(demo_data_dir)
    action = application.window.verify_action
    assert action.shortcut().toString() == "Ctrl+Shift+V"
    assert action.text() == "校验协议书(&V)…"
