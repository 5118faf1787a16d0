"""The Excel import wizard as a branch secretary uses it: pick a file, read what is wrong and
where, assign the columns it did not recognise, import."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QWizard

from tests.conftest import HEADERS, valid_id
from tests.ui.conftest import wait_idle
from tests.ui.rosters.test_panel import names, open_roster

BRANCH = "大坪供电所党支部"
BAD_CELL = "#ffcdd2"


def person(name: str, birth: str = "1990-02-28", id_number: str | None = None) -> list:
    return [name, "男", birth, id_number, "群众", BRANCH, None, None]


def rows_with_errors(count: int, every: int = 4) -> list[list]:
    """``count`` data rows; every ``every``-th one (from the second) has an impossible date."""
    return [
        person(f"测试{n:03d}", "1990-02-30" if n % every == 1 else "1990-02-28")
        for n in range(count)
    ]


def open_wizard(qtbot, application, path):
    """The wizard from the roster's 导入 button, on the check page for ``path``."""
    panel = open_roster(qtbot, application, BRANCH)
    panel.buttons["import"].trigger()
    wizard = panel.dialog
    qtbot.waitExposed(wizard)
    wizard.file_page.path.setText(str(path))
    with qtbot.waitSignal(wizard.check_page.checked, timeout=15000):
        wizard.next()
    return wizard


def button(wizard, which: QWizard.WizardButton):
    return wizard.button(which)


def click_error(qtbot, check, row: int) -> None:
    index = check.issues.index(row, 0)
    check.errors.scrollTo(index)
    rect = check.errors.visualRect(index)
    qtbot.mouseClick(check.errors.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def cell_is_on_screen(table) -> bool:
    current = table.currentIndex()
    return current.isValid() and table.viewport().rect().contains(table.visualRect(current))


def test_the_import_wizard_highlights_bad_cells_then_imports(
    qtbot, open_app, demo_data_dir, make_xlsx
):
    application = open_app(demo_data_dir)
    bad = make_xlsx(
        [HEADERS, ["周九", "男", "1990-02-30", None, "群众", "大坪供电所党支部", None, None]]
    )
    wizard = open_wizard(qtbot, application, bad)
    panel = application.window.org_page.roster
    check = wizard.check_page
    assert not check.isComplete()
    cell = check.table.item(0, HEADERS.index("出生日期"))
    assert "出生日期" in cell.toolTip()
    assert cell.background().color().name() == BAD_CELL
    assert check.issues.index(0, 0).data() == 2  # 第 2 行
    assert check.issues.index(0, 1).data() == "出生日期"

    good = make_xlsx(
        [HEADERS, ["周九", "男", "1990-02-28", None, "群众", "大坪供电所党支部", None, None]]
    )
    wizard.back()
    wizard.file_page.path.setText(str(good))
    with qtbot.waitSignal(check.checked, timeout=10000):
        wizard.next()
    assert check.isComplete(), check.subTitle()
    with qtbot.waitSignal(panel.loaded, timeout=20000):
        wizard.next()
    assert "新增 1 人" in wizard.run_page.status.text()
    assert "周九" in names(panel)
    button(wizard, QWizard.WizardButton.FinishButton).click()


def test_the_wizard_maps_unknown_headers_by_hand_and_remembers(
    qtbot, open_app, demo_data_dir, make_xlsx
):
    from redpair_desktop.services.rosters.mappings import remembered_mapping

    application = open_app(demo_data_dir)
    path = make_xlsx([["名", "类", "支部名称"], ["钱七", "群众", "大坪供电所党支部"]])
    wizard = open_wizard(qtbot, application, path)
    check = wizard.check_page
    assert not check.isComplete()
    for header, field in (("名", "姓名"), ("类", "人员类别"), ("支部名称", "所在党支部")):
        combo = check.columns.combos[header]
        combo.setCurrentIndex(combo.findData(field))
    with qtbot.waitSignal(check.checked, timeout=15000):
        check.recheck.click()
    assert check.isComplete(), check.subTitle()
    assert remembered_mapping(demo_data_dir, ["名", "类", "支部名称"])["名"] == "姓名"
    wizard.reject()


@pytest.mark.parametrize("size", [None, QSize(1024, 768)], ids=["default", "1024x768"])
def test_the_check_page_gives_errors_preview_and_mapping_room(
    qtbot, open_app, demo_data_dir, make_xlsx, size
):
    path = make_xlsx([[*HEADERS, "工号", "备注说明"], *rows_with_errors(120)])
    wizard = open_wizard(qtbot, open_app(demo_data_dir), path)
    check = wizard.check_page
    assert check.issues.rowCount() == 30
    if size is None:
        assert wizard.size() == QSize(900, 640)
    else:
        wizard.resize(size)
    errors, preview = check.errors, check.table
    combos = [check.columns.combos[header] for header in ("工号", "备注说明")]

    def roomy() -> bool:
        return (
            errors.viewport().height() >= 8 * errors.rowHeight(0)
            and preview.viewport().height() >= 10 * preview.rowHeight(0)
            and all(c.isVisible() and c.height() >= c.sizeHint().height() for c in combos)
        )

    qtbot.waitUntil(roomy, timeout=5000)
    assert wizard.size() == (size or QSize(900, 640))  # nothing forced the window to grow


def test_choosing_an_error_selects_and_scrolls_to_its_cell(
    qtbot, open_app, demo_data_dir, make_xlsx
):
    path = make_xlsx([HEADERS, *rows_with_errors(120)])
    wizard = open_wizard(qtbot, open_app(demo_data_dir), path)
    check, preview = wizard.check_page, wizard.check_page.table
    last = check.issues.rowCount() - 1
    assert check.issues.index(last, 0).data() == 119  # 测试117, the 118th data row

    click_error(qtbot, check, last)
    qtbot.waitUntil(lambda: preview.currentIndex().row() == 117, timeout=5000)
    assert preview.currentIndex().column() == HEADERS.index("出生日期")
    assert preview.selectionModel().isSelected(preview.currentIndex())
    qtbot.waitUntil(lambda: cell_is_on_screen(preview), timeout=5000)

    check.errors.setFocus()
    qtbot.keyClick(check.errors, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(check.errors, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: preview.currentIndex().row() == 1, timeout=5000)
    qtbot.waitUntil(lambda: preview.hasFocus() and cell_is_on_screen(preview), timeout=5000)


def test_an_error_beyond_the_preview_says_so(qtbot, open_app, demo_data_dir, make_xlsx):
    rows = [person(f"测试{n:03d}") for n in range(250)]
    rows[240] = person("测试240", "1990-02-30")
    wizard = open_wizard(qtbot, open_app(demo_data_dir), make_xlsx([HEADERS, *rows]))
    check = wizard.check_page
    assert check.table.rowCount() == 200
    click_error(qtbot, check, 0)
    qtbot.waitUntil(lambda: "第 242 行不在预览里" in check.preview_note.text(), timeout=5000)
    assert not check.table.currentIndex().isValid()


def test_only_unrecognised_columns_are_listed_until_all_are_asked_for(
    qtbot, open_app, demo_data_dir, make_xlsx
):
    path = make_xlsx([[*HEADERS, "工号"], [*person("周九"), "E001"]])
    wizard = open_wizard(qtbot, open_app(demo_data_dir), path)
    check = wizard.check_page
    assert check.isComplete(), check.subTitle()
    listed = [header for header, combo in check.columns.combos.items() if combo.isVisible()]
    assert listed == ["工号"]
    assert "1 列未识别" in check.columns.heading.text()
    qtbot.mouseClick(check.columns.toggle, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: all(combo.isVisible() for combo in check.columns.combos.values()), timeout=5000
    )
    assert check.columns.combos["所在党支部"].currentData() == "所在党支部"


def test_a_file_level_problem_reads_as_a_sentence_about_the_file(
    qtbot, open_app, demo_data_dir, make_xlsx, tmp_path
):
    application = open_app(demo_data_dir)
    path = make_xlsx([["姓名", "人员类别"], ["钱七", "群众"]], name="花名册.xlsx")
    wizard = open_wizard(qtbot, application, path)
    check = wizard.check_page
    notes = check.file_notes
    assert notes.isVisible()
    assert notes.text().startswith("文件“花名册.xlsx”有以下问题：")
    assert "缺少必需的列“所在党支部”" in notes.text()
    assert "第 1 行" not in notes.text() and "第 0 行" not in notes.text()
    assert check.issues.rowCount() == 0 and not check.errors.isVisible()
    assert not check.isComplete()

    not_excel = tmp_path / "名单.xlsx"
    not_excel.write_text("姓名,人员类别\n", encoding="utf-8")
    wizard.back()
    wizard.file_page.path.setText(str(not_excel))
    with qtbot.waitSignal(check.checked, timeout=15000):
        wizard.next()
    assert "“名单.xlsx”不是 Excel 工作簿" in notes.text()
    assert "第 0 行" not in notes.text() and "-" not in notes.text()
    assert check.table.rowCount() == 0 and not check.table.isVisible()  # the old rows are gone
    assert not check.isComplete()


def test_after_a_finished_import_back_does_not_show_the_old_plan(
    qtbot, open_app, demo_data_dir, make_xlsx
):
    application = open_app(demo_data_dir)
    wizard = open_wizard(qtbot, application, make_xlsx([HEADERS, person("周九")]))
    check, run = wizard.check_page, wizard.run_page
    assert "新增 1 人" in check.subTitle()
    wizard.next()
    qtbot.waitUntil(run.isComplete, timeout=20000)
    assert "新增 1 人" in run.status.text()
    back = button(wizard, QWizard.WizardButton.BackButton)
    assert not back.isEnabled()
    qtbot.mouseClick(back, Qt.MouseButton.LeftButton)
    assert wizard.currentPage() is run


def test_after_a_cancelled_import_back_checks_again(qtbot, open_app, demo_data_dir, make_xlsx):
    application = open_app(demo_data_dir)
    wizard = open_wizard(qtbot, application, make_xlsx([HEADERS, person("周九")]))
    check, run = wizard.check_page, wizard.run_page
    wizard.next()
    qtbot.mouseClick(run.cancel, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(run.isComplete, timeout=20000)
    assert "已取消导入" in run.status.text()
    back = button(wizard, QWizard.WizardButton.BackButton)
    qtbot.waitUntil(back.isEnabled, timeout=5000)
    with qtbot.waitSignal(check.checked, timeout=15000):
        qtbot.mouseClick(back, Qt.MouseButton.LeftButton)
    assert wizard.currentPage() is check
    assert check.isComplete() and "新增 1 人" in check.subTitle()


def test_two_namesakes_with_their_own_id_numbers_are_two_people(
    qtbot, open_app, demo_data_dir, make_xlsx
):
    first, second = valid_id("42128119781128001"), valid_id("42128119781128003")
    path = make_xlsx(
        [HEADERS, person("甄双", "1978-11-28", first), person("甄双", "1978-11-28", second)]
    )
    application = open_app(demo_data_dir)
    wizard = open_wizard(qtbot, application, path)
    check = wizard.check_page
    assert check.issues.rowCount() == 0 and not check.file_notes.isVisible()
    assert check.isComplete(), check.subTitle()
    wizard.next()
    qtbot.waitUntil(wizard.run_page.isComplete, timeout=20000)
    assert "新增 2 人，更新 0 人" in wizard.run_page.status.text()


def test_the_issue_table_lists_problems_in_the_files_order(qtmodeltester):
    from redpair_desktop.services.rosters.importer import ImportIssue
    from redpair_desktop.ui.rosters.import_issues import IssueTableModel

    model = IssueTableModel()
    model.show(
        [ImportIssue(3, "姓名", "甲"), ImportIssue(2, "性别", "乙"), ImportIssue(2, "姓名", "丙")],
        ["姓名", "性别"],
    )
    qtmodeltester.check(model)
    shown = [[model.index(r, c).data() for c in range(3)] for r in range(model.rowCount())]
    assert shown == [[2, "姓名", "丙"], [2, "性别", "乙"], [3, "姓名", "甲"]]


def test_a_check_overtaken_by_another_file_is_not_shown(qtbot, open_app, demo_data_dir, make_xlsx):
    application = open_app(demo_data_dir)
    first = make_xlsx([[*HEADERS, "工号"], [*person("周九"), "E1"]])
    second = make_xlsx([[*HEADERS, "备注"], [*person("吴十"), "调入"]])
    panel = open_roster(qtbot, application, BRANCH)
    panel.buttons["import"].trigger()
    wizard = panel.dialog
    wizard.file_page.path.setText(str(first))
    wizard.next()  # the check of the first file is under way …
    wizard.back()
    wizard.file_page.path.setText(str(second))
    wizard.next()  # … when the second file is chosen
    wait_idle(qtbot, application)
    check = wizard.check_page
    assert "备注" in check.columns.combos and "工号" not in check.columns.combos
    assert check.table.item(0, 0).text() == "吴十"


def test_a_bug_during_the_check_is_reported_not_shown_as_the_files_fault(
    qtbot, open_app, demo_data_dir, make_xlsx, monkeypatch
):
    from redpair_desktop.ui.rosters import ops

    def broken_check(workspace, path, mapping):
        raise RuntimeError("boom")

    monkeypatch.setattr(ops, "check_import", broken_check)
    application = open_app(demo_data_dir)
    panel = open_roster(qtbot, application, BRANCH)
    panel.buttons["import"].trigger()
    wizard = panel.dialog
    reported: list[BaseException] = []
    wizard.report_error = reported.append
    wizard.file_page.path.setText(str(make_xlsx([HEADERS, person("周九")])))
    with qtbot.waitSignal(wizard.check_page.checked, timeout=15000):
        wizard.next()
    assert [str(error) for error in reported] == ["boom"]
    assert "boom" not in wizard.check_page.file_notes.text()
    assert "意外错误" in wizard.check_page.file_notes.text()
