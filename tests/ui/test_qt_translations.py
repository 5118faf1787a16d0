"""Qt's own dialogs speak the interface language."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QLocale, QTranslator
from PySide6.QtWidgets import QFileDialog, QLabel

from redpair_desktop.ui.app import install_qt_translations


@pytest.fixture
def qt_in(qapp):
    default = QLocale()

    def install(language: str) -> None:
        install_qt_translations(qapp, language)

    yield install
    for translator in qapp.findChildren(QTranslator):
        qapp.removeTranslator(translator)
        translator.deleteLater()
    QLocale.setDefault(default)


def file_dialog_labels(qtbot) -> dict[str, str]:
    dialog = QFileDialog(None, "打开", "", "Excel 工作簿 (*.xlsx)")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    qtbot.addWidget(dialog)
    dialog.open()  # not blocking
    qtbot.waitUntil(dialog.isVisible)
    return {label.objectName(): label.text() for label in dialog.findChildren(QLabel)}


def test_the_file_dialog_is_chinese_in_the_chinese_interface(qtbot, qt_in):
    qt_in("zh_CN")
    labels = file_dialog_labels(qtbot)
    assert labels["lookInLabel"] == "查找范围(&L)："
    assert labels["fileTypeLabel"] == "文件类型(&T)："
    assert labels["fileNameLabel"] == "文件名称(&N)："


def test_the_file_dialog_is_english_in_the_english_interface(qtbot, qt_in):
    qt_in("en")
    labels = file_dialog_labels(qtbot)
    assert labels["lookInLabel"] == "&Look in:"
    assert labels["fileTypeLabel"] == "Files of &type:"
