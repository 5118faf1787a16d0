"""起草协议书 driven from the pairings page: type into a clause, see the preview rebuilt,
save a version; a signed version read-only; moving an item renumbers the subheadings."""

from __future__ import annotations

import io
import re

import pypdf
from PIL import Image
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from redpair_desktop.services.agreements.builder import agreement_document
from redpair_desktop.services.agreements.records import import_paper_scan
from redpair_desktop.services.workspace import open_workspace
from tests.ui.conftest import type_chinese, wait_idle
from tests.ui.pairings.test_page import open_pairings, row_with

TYPED = "每月互派党员参加主题党日"


def open_editor(qtbot, application):
    page = open_pairings(qtbot, application)
    page.table.setFocus()
    page.table.selectRow(row_with(page, "大坪供电所党支部"))
    qtbot.keyClick(page.table, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: page.drafting is not None and page.drafting.isVisible())
    dialog = page.drafting
    qtbot.waitUntil(lambda: dialog.preview.page_count() > 0, timeout=15000)
    return dialog


def pdf_text(dialog) -> str:
    """The previewed PDF's words, page numbers left out (a paragraph may cross a page)."""
    reader = pypdf.PdfReader(io.BytesIO(dialog.preview.shown.pdf))
    text = "".join(page.extract_text() for page in reader.pages).replace("\n", "")
    return re.sub(r"— \d+ —", "", text)


def first_content_item(dialog):
    return dialog.editor.clauses[2].items[0]  # 三、共建内容 （一）组织联建。


def version_cells(dialog) -> list[tuple[str, str]]:
    table = dialog.version_table
    return [(table.item(r, 0).text(), table.item(r, 1).text()) for r in range(table.rowCount())]


def test_typing_rebuilds_the_preview_and_saving_makes_version_two(qtbot, open_app, demo_data_dir):
    workspace = open_workspace(demo_data_dir)
    agreement_document(workspace.db, "demo")  # version 1: the template, on record
    workspace.close()
    dialog = open_editor(qtbot, open_app(demo_data_dir))
    assert version_cells(dialog) == [("1", "草稿")]
    assert "双方支部委员会每半年" in pdf_text(dialog)
    before = dialog.preview.shown.content_hash
    text = first_content_item(dialog).text
    text.moveCursor(text.textCursor().MoveOperation.End)
    type_chinese(text, TYPED)
    qtbot.waitUntil(lambda: dialog.preview.shown.content_hash != before, timeout=15000)
    assert TYPED in pdf_text(dialog)
    assert dialog.has_changes()
    qtbot.keyClick(text, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: version_cells(dialog) == [("2", "草稿"), ("1", "草稿")], timeout=15000)
    assert "第 2 版" in dialog.message.text() and not dialog.has_changes()
    hash_cell = dialog.version_table.item(0, 4).text()
    assert len(hash_cell) == 12 and dialog.preview.shown.content_hash.startswith(hash_cell)
    dialog.buttons["save"].click()  # the same words again: still version 2
    qtbot.waitUntil(lambda: "仍是第 2 版" in dialog.message.text(), timeout=15000)
    assert dialog.version_table.rowCount() == 2


def test_a_signed_version_is_read_only_and_a_new_version_is_made_from_it(
    qtbot, open_app, demo_data_dir, tmp_path
):
    workspace = open_workspace(demo_data_dir)
    signed = agreement_document(workspace.db, "demo")
    scan = tmp_path / "signed.png"
    Image.new("RGB", (40, 30), "white").save(scan, format="PNG")
    import_paper_scan(workspace.db, demo_data_dir, signed.pairing_id, scan)
    workspace.close()
    application = open_app(demo_data_dir)
    dialog = open_editor(qtbot, application)
    assert version_cells(dialog) == [("1", "已签署（纸质原件存档）")]
    assert dialog.signed_note.isVisible() and dialog.base_button.isVisible()
    text = first_content_item(dialog).text
    assert text.isReadOnly() and not dialog.buttons["save"].isEnabled()
    dialog.base_button.click()
    assert not text.isReadOnly() and not dialog.signed_note.isVisible()
    text.moveCursor(text.textCursor().MoveOperation.End)
    type_chinese(text, TYPED)
    dialog.buttons["save"].click()
    qtbot.waitUntil(
        lambda: version_cells(dialog) == [("2", "草稿"), ("1", "已签署（纸质原件存档）")],
        timeout=15000,
    )
    dialog.version_table.selectRow(1)  # back to the signed one: its words, read-only
    qtbot.waitUntil(lambda: first_content_item(dialog).text.isReadOnly(), timeout=15000)
    assert TYPED not in first_content_item(dialog).text.toPlainText()
    wait_idle(qtbot, application)
    qtbot.waitUntil(lambda: dialog.preview.shown.content_hash == signed.content_hash, timeout=15000)


def test_moving_an_item_renumbers_the_subheadings(qtbot, open_app, demo_data_dir):
    dialog = open_editor(qtbot, open_app(demo_data_dir))
    content = dialog.editor.clauses[2]
    second = content.items[1]
    assert [item.numeral.text() for item in content.items[:2]] == ["（一）", "（二）"]
    assert second.name.text() == "党员联训。"
    second.text.setFocus()
    qtbot.keyClick(second.text, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: content.items[0] is second)
    assert [item.numeral.text() for item in content.items[:2]] == ["（一）", "（二）"]
    _preamble, clauses = dialog.editor.words()
    assert [i.subheading for i in clauses[2].items[:2]] == ["（一）党员联训。", "（二）组织联建。"]
    qtbot.waitUntil(lambda: "（一）党员联训。" in pdf_text(dialog), timeout=15000)


def test_adding_and_removing_an_item_by_keyboard(qtbot, open_app, demo_data_dir):
    dialog = open_editor(qtbot, open_app(demo_data_dir))
    goals = dialog.editor.clauses[1]
    goals.items[0].text.setFocus()
    qtbot.keyClick(goals.items[0].text, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: len(goals.items) == 2)
    added = goals.items[1]
    qtbot.waitUntil(added.text.hasFocus)
    dialog.buttons["save"].click()  # an empty item: refused, nothing saved
    qtbot.waitUntil(lambda: "正文不能为空" in dialog.error.text(), timeout=15000)
    assert dialog.version_table.rowCount() == 0
    qtbot.keyClick(added.text, Qt.Key.Key_Delete, Qt.KeyboardModifier.ControlModifier)
    box = dialog.editor.findChild(QMessageBox, "removeClausePart")
    qtbot.waitUntil(lambda: box is not None and box.isVisible())
    box.findChild(object, "removeClausePartButton").click()
    qtbot.waitUntil(lambda: len(goals.items) == 1)


def test_a_heading_too_long_to_print_shows_in_red_over_the_preview(qtbot, open_app, demo_data_dir):
    dialog = open_editor(qtbot, open_app(demo_data_dir))
    name = dialog.editor.clauses[0].name
    name.end(False)
    type_chinese(name, "和共同推进基层党建工作高质量发展的原则要求")
    qtbot.waitUntil(lambda: dialog.preview.error.isVisible(), timeout=15000)
    assert "太长" in dialog.preview.error.text() and dialog.preview.shown is None
