"""设置: interface language, the printouts' font files, the kiosk operator PIN and where the
data lives."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QVBoxLayout, QWidget

from redpair_desktop.i18n import LANGUAGES, N_, _, translated_in
from redpair_desktop.ui.appearance import page_title
from redpair_desktop.ui.settings.fonts_form import FontFilesForm
from redpair_desktop.ui.settings.pin_form import PinForm

if TYPE_CHECKING:
    from redpair_desktop.ui.sections import PageContext, Section


class SettingsPage(QWidget):
    language_chosen = Signal(str)

    def __init__(
        self,
        language: str,
        data_dir: Path,
        fonts: FontFilesForm,
        pin: PinForm,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("page_settings")
        title = page_title(_("设置"))
        self.language = QComboBox(objectName="languageCombo")
        for code, name in LANGUAGES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(self.language.findData(language))
        self.language.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.language.currentIndexChanged.connect(self._on_language_changed)
        self.restart_note = QLabel(objectName="restartNote")
        data_dir_label = QLabel(str(data_dir), objectName="dataDirLabel")
        form = QFormLayout()
        form.addRow(_("界面语言"), self.language)
        form.addRow("", self.restart_note)
        form.addRow(_("数据目录"), data_dir_label)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        layout.addLayout(form)
        self.fonts = fonts
        layout.addWidget(fonts)
        self.pin = pin
        layout.addWidget(pin)
        layout.addStretch(1)

    def _on_language_changed(self, index: int) -> None:
        language = self.language.itemData(index)
        self.restart_note.setText(translated_in(language, N_("已保存。重新启动程序后生效。")))
        self.language_chosen.emit(language)


def build_page(context: PageContext, section: Section) -> SettingsPage:
    settings = context.settings
    fonts = FontFilesForm(context.backend.runner, settings.font_files, context.report_error)
    pin = PinForm(context.backend.runner, settings.kiosk_pin_hash, context.report_error)
    page = SettingsPage(settings.language, context.data_dir, fonts, pin)

    def remember_language(language: str) -> None:
        settings.language = language
        context.save_settings(settings)

    def remember_fonts(font_files: dict[str, str]) -> None:
        settings.font_files = font_files
        context.save_settings(settings)

    def remember_pin(pin_hash: str) -> None:
        settings.kiosk_pin_hash = pin_hash
        context.save_settings(settings)

    page.language_chosen.connect(remember_language)
    pin.pin_hash_changed.connect(remember_pin)
    fonts.font_files_changed.connect(remember_fonts)
    return page
