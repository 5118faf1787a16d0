"""设置 → 打印字体: a checked font file is saved and the agreement then prints in it; a file
that is no font is refused with the reason and nothing is saved."""

from __future__ import annotations

import io

import pdfplumber
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from redpair_desktop.reports.fonts import CHOOSABLE_ROLES, HEI
from redpair_desktop.settings import load_settings
from redpair_desktop.ui.pairings import ops as pairing_ops
from redpair_desktop.ui.settings.fonts_form import ROLES
from redpair_desktop.ui.widgets import file_dialogs

BODY_SIZE = 16  # 3号
SONG_NAME = "BousungEG"  # the PostScript name of the bundled song face, gbsn00lp.ttf


def open_settings(qtbot, application):
    application.window.select_section("settings")
    return application.window.page("settings").fonts


def choose(qtbot, monkeypatch, form, key: str, path) -> None:
    monkeypatch.setattr(file_dialogs, "ask_open_path", lambda *args: path)
    qtbot.mouseClick(form.findChild(QPushButton, f"chooseFont_{key}"), Qt.MouseButton.LeftButton)


def reference_pdf(qtbot, application) -> bytes:
    def build(workspace):
        from redpair_desktop.services.agreements.builder import pairing_id

        return pairing_ops.agreement_pdf(workspace, pairing_id(workspace.db, "demo"))

    made: list[bytes] = []
    application.backend.call(build, made.append, application.reporter.report)
    qtbot.waitUntil(lambda: bool(made), timeout=20000)
    return made[0]


def body_fonts(pdf: bytes) -> set[str]:
    with pdfplumber.open(io.BytesIO(pdf)) as document:
        return {
            char["fontname"]
            for page in document.pages
            for char in page.chars
            if round(char["size"]) == BODY_SIZE and char["text"].strip()
        }


def test_the_rows_are_the_choosable_font_roles():
    assert [row.key for row in ROLES] == [role.value for role in CHOOSABLE_ROLES]


def test_a_chosen_body_font_is_saved_and_the_agreement_body_uses_it(
    qtbot, open_app, demo_data_dir, monkeypatch
):
    application = open_app(demo_data_dir)
    form = open_settings(qtbot, application)
    assert form.current["body"].text() == "内置开源字体（AR PL SungtiL GB）"
    assert any(SONG_NAME in name for name in body_fonts(reference_pdf(qtbot, application)))
    choose(qtbot, monkeypatch, form, "body", HEI.path)
    qtbot.waitUntil(lambda: "已保存" in form.message.text(), timeout=10000)
    assert load_settings(demo_data_dir).font_files == {"body": str(HEI.path)}
    assert form.current["body"].text() == str(HEI.path)
    fonts = body_fonts(reference_pdf(qtbot, application))
    assert fonts and not any(SONG_NAME in name for name in fonts), fonts
    assert any("WenQuanYiMicroHei" in name for name in fonts)

    qtbot.mouseClick(form.restore["body"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: load_settings(demo_data_dir).font_files == {})
    assert form.current["body"].text() == "内置开源字体（AR PL SungtiL GB）"
    assert not form.restore["body"].isEnabled()


def test_a_file_that_is_no_font_is_refused_and_nothing_saved(
    qtbot, open_app, demo_data_dir, monkeypatch, tmp_path
):
    application = open_app(demo_data_dir)
    form = open_settings(qtbot, application)
    notes = tmp_path / "说明.ttf"
    notes.write_text("这不是字体文件", encoding="utf-8")
    choose(qtbot, monkeypatch, form, "title", notes)
    qtbot.waitUntil(lambda: "未保存" in form.message.text(), timeout=10000)
    assert "不是 TrueType 或 OpenType 字体文件" in form.message.text()
    assert form.message.isVisible()
    assert load_settings(demo_data_dir).font_files == {}
    assert form.current["title"].text() == "内置开源字体（AR PL SungtiL GB）"
