"""The main window as a user meets it: the demo database, every section, the branch pages."""

from __future__ import annotations

import base64

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMessageBox

from redpair_desktop import __version__
from redpair_desktop.i18n import set_language
from redpair_desktop.paths import DATABASE_FILE
from redpair_desktop.settings import load_settings
from redpair_desktop.ui.app import install_qt_translations
from redpair_desktop.ui.sections import SECTIONS
from tests.ui.conftest import type_chinese


def select_branch(qtbot, application, name: str) -> None:
    tree = application.window.org_page.tree
    matches = tree.model().findItems(name, Qt.MatchFlag.MatchExactly | Qt.MatchFlag.MatchRecursive)
    assert matches, f"{name} is not in the tree"
    index = matches[0].index()
    tree.scrollTo(index)
    rect = tree.visualRect(index)
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: application.window.org_page.panel.title.text() == name, timeout=10000)


def card_values(application) -> tuple[str, str, str]:
    panel = application.window.org_page.panel
    return panel.staff.text(), panel.party_members.text(), panel.supply_service.text()


def test_branch_pages_show_the_counts_from_the_roster(qtbot, open_app, demo_data_dir):
    application = open_app(demo_data_dir)
    select_branch(qtbot, application, "综合服务中心党支部")
    assert card_values(application)[:2] == ("19", "17")
    assert application.window.org_page.panel.seal_name.text() == (
        "中共国网咸宁供电公司综合服务中心支部委员会"
    )

    select_branch(qtbot, application, "大坪供电所党支部")
    assert card_values(application) == ("15", "5", "4")
    assert application.window.org_page.panel.secretary.text() == "陈振波"


def test_every_section_can_be_visited(qtbot, open_app, demo_data_dir):
    application = open_app(demo_data_dir)
    window = application.window
    navigation = window.navigation
    assert navigation.count() == len(SECTIONS) == 7
    for row, section in enumerate(SECTIONS):
        rect = navigation.visualItemRect(navigation.item(row))
        qtbot.mouseClick(navigation.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        assert window.pages.currentWidget().objectName() == f"page_{section.key}"
        assert window.pages.currentWidget().isVisible()
    texts = [navigation.item(row).text() for row in range(navigation.count())]
    assert texts == [
        "组织与花名册",
        "结对与协议",
        "活动与承诺",
        "检查与巡视",
        "问题与帮扶",
        "统计",
        "设置",
    ]


def test_the_pairing_registry_lists_46_pairings(qtbot, open_app, demo_data_dir):
    application = open_app(demo_data_dir)
    application.window.select_section("pairings")
    table = application.window.page("pairings").table
    qtbot.waitUntil(lambda: table.model() is not None and table.model().rowCount() == 46)
    rows = [
        [table.model().index(r, c).data() for c in range(table.model().columnCount())]
        for r in range(46)
    ]
    assert ["综合服务中心党支部", "城区支部单位", "大坪供电所党支部"] in [r[:3] for r in rows]


def test_sections_still_to_come_say_what_they_will_hold(qtbot, open_app, demo_data_dir):
    application = open_app(demo_data_dir)
    application.window.select_section("statistics")
    page = application.window.pages.currentWidget()
    plan = page.findChild(QLabel, "planList").text()
    assert "覆盖率" in plan and "逾期" in plan


def test_first_run_offers_the_demo(qtbot, open_app, data_dir):
    application = open_app(data_dir)
    page = application.window.org_page.first_run
    assert page.isVisible()
    with qtbot.waitSignal(application.window.tree_shown, timeout=20000):
        qtbot.mouseClick(page.demo_button, Qt.MouseButton.LeftButton)
    select_branch(qtbot, application, "大坪供电所党支部")
    assert card_values(application) == ("15", "5", "4")


def test_first_run_can_start_empty(qtbot, open_app, data_dir):
    application = open_app(data_dir)
    page = application.window.org_page.first_run
    page.company_name.clear()
    type_chinese(page.company_name, "国网测试供电公司")
    with qtbot.waitSignal(application.window.tree_shown, timeout=10000):
        qtbot.mouseClick(page.empty_button, Qt.MouseButton.LeftButton)
    model = application.window.org_page.tree.model()
    assert model.item(0).text() == "国网测试供电公司"


def test_first_run_refuses_an_empty_company_name(qtbot, open_app, data_dir):
    application = open_app(data_dir)
    page = application.window.org_page.first_run
    page.company_name.clear()
    qtbot.mouseClick(page.empty_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: application.reporter.last_dialog is not None, timeout=10000)
    dialog = application.reporter.last_dialog
    assert "公司名称" in dialog.text()
    assert page.empty_button.isEnabled()
    dialog.close()


def test_a_damaged_database_is_explained_in_the_window(qtbot, qapp, demo_data_dir):
    from redpair_desktop.ui.app import Application

    path = demo_data_dir / DATABASE_FILE
    path.write_bytes(b"not a database at all" * 200)
    application = Application(qapp, demo_data_dir)
    qtbot.addWidget(application.window)
    with qtbot.waitSignal(application.window.open_failed, timeout=10000):
        application.start()
    message = application.window.org_page.message.text()
    assert "已损坏" in message and str(path) in message
    assert application.reporter.last_dialog.icon() == QMessageBox.Icon.Warning
    assert path.read_bytes().startswith(b"not a database")
    application.reporter.last_dialog.close()
    application.window.close()


def test_about_shows_the_version_and_the_signature_note(qtbot, open_app, demo_data_dir):
    application = open_app(demo_data_dir)
    application.window.about_action.trigger()
    dialog = application.window.about_dialog
    assert __version__ in dialog.text()
    assert "可靠电子签名" in dialog.text()
    dialog.close()


def test_language_choice_is_saved_for_the_next_start(qtbot, open_app, demo_data_dir):
    application = open_app(demo_data_dir)
    application.window.select_section("settings")
    combo = application.window.page("settings").language
    combo.setCurrentIndex(combo.findData("en"))
    note = application.window.page("settings").restart_note
    assert note.text() == "Saved. Takes effect after restarting the program."
    assert load_settings(demo_data_dir).language == "en"
    combo.setCurrentIndex(combo.findData("zh_CN"))  # the hint speaks the language chosen
    assert "重新启动" in note.text()
    assert load_settings(demo_data_dir).language == "zh_CN"


def test_window_geometry_is_remembered(qtbot, qapp, open_app, demo_data_dir):
    application = open_app(demo_data_dir)
    application.window.resize(720, 520)  # inside the 800×600 offscreen screen
    application.window.close()
    saved = load_settings(demo_data_dir).window_geometry
    assert saved and base64.b64decode(saved)
    again = open_app(demo_data_dir)
    assert (again.window.width(), again.window.height()) == (720, 520)


def test_an_unexpected_error_shows_a_dialog_and_is_logged(qtbot, open_app, demo_data_dir):
    application = open_app(demo_data_dir)

    def explode():
        raise RuntimeError("boom in a worker")

    application.runner.run(explode, lambda result: None)
    qtbot.waitUntil(lambda: application.reporter.last_dialog is not None, timeout=10000)
    dialog = application.reporter.last_dialog
    assert dialog.icon() == QMessageBox.Icon.Critical
    assert "redpair.log" in dialog.text()
    dialog.close()
    log_text = (demo_data_dir / "redpair.log").read_text(encoding="utf-8")
    assert "boom in a worker" in log_text and "Traceback" in log_text


def test_the_window_speaks_english_when_chosen(qtbot, open_app, demo_data_dir):
    set_language("en")
    application = open_app(demo_data_dir)
    navigation = application.window.navigation
    assert navigation.item(0).text() == "Organisation & rosters"
    select_branch(qtbot, application, "大坪供电所党支部")
    assert application.window.org_page.panel.staff.text() == "15"


def test_qt_own_buttons_follow_the_language(qapp):
    from PySide6.QtWidgets import QDialogButtonBox

    install_qt_translations(qapp, "zh_CN")
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    assert buttons.buttons()[0].text() == "取消"


def test_an_unusable_data_dir_is_explained_in_the_window(qtbot, qapp, tmp_path):
    from redpair_desktop.ui.app import Application

    missing = tmp_path / "unplugged" / "redpair"
    application = Application(qapp, missing)
    qtbot.addWidget(application.window)
    with qtbot.waitSignal(application.window.open_failed, timeout=10000):
        application.start()
    assert "不存在" in application.window.org_page.message.text()
    assert not missing.parent.exists()
    application.reporter.last_dialog.close()
    application.window.close()


def test_an_error_label_is_red_and_wraps(qtbot):
    from PySide6.QtGui import QPalette

    from redpair_desktop.ui.appearance import ERROR_COLOUR, error_label

    label = error_label("someError")
    qtbot.addWidget(label)
    label.setText("公民身份号码应为 18 位。" * 6)
    label.ensurePolished()
    assert label.objectName() == "someError" and label.wordWrap()
    assert label.palette().color(QPalette.ColorRole.WindowText).name() == ERROR_COLOUR
