"""Which roster field each column of the file holds: the columns not recognised are listed for
the user to assign; the recognised ones are folded away behind a check box."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from redpair_desktop.domain.rosters.fields import ROSTER_FIELDS, field_for_header
from redpair_desktop.i18n import _

IGNORE = ""


class ColumnMapping(QWidget):
    """The column → field choices. ``toggle`` (显示全部列的对应关系) is for the caller to place;
    the panel hides itself while it has nothing to show."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="columnMapping")
        self.combos: dict[str, QComboBox] = {}
        self.recognised: set[str] = set()
        self.heading = QLabel(objectName="mappingHeading", wordWrap=True)
        self.form = QFormLayout()
        self.rows = QWidget()
        self.rows.setLayout(self.form)
        self.scroll = QScrollArea(widgetResizable=True)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll.setWidget(self.rows)
        self.scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes from combo to combo
        self.toggle = QCheckBox(_("显示全部列的对应关系"), objectName="showAllColumns")
        self.toggle.toggled.connect(self._show_rows)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.scroll, 1)

    def show_columns(self, headers: list[str], remembered: dict[str, str]) -> None:
        """One row per named column, chosen as remembered or recognised by its header."""
        while self.form.rowCount():
            self.form.removeRow(0)
        self.combos.clear()
        self.recognised.clear()
        for header in filter(None, headers):
            known = field_for_header(remembered.get(header, header))
            self.form.addRow(header, self._combo_for(header, known.header if known else IGNORE))
            if known is not None:
                self.recognised.add(header)
        unrecognised = len(self.combos) - len(self.recognised)
        self.heading.setText(
            _("{count} 列未识别，请指定对应的字段，或忽略：", count=unrecognised)
            if unrecognised
            else _("所有列都已识别：")
        )
        self._show_rows()

    def chosen(self) -> dict[str, str]:
        return {header: combo.currentData() for header, combo in self.combos.items()}

    def unrecognised(self) -> list[str]:
        return [header for header in self.combos if header not in self.recognised]

    def _combo_for(self, header: str, chosen: str) -> QComboBox:
        combo = QComboBox(objectName=f"map_{header}")
        combo.addItem(_("（忽略此列）"), IGNORE)
        for roster_field in ROSTER_FIELDS:
            combo.addItem(_(roster_field.header), roster_field.header)
        combo.setCurrentIndex(combo.findData(chosen))
        self.combos[header] = combo
        return combo

    def _fit_width(self) -> None:
        """As wide as the widest row, so that no field name is cut off."""
        scroll = self.scroll
        chrome = scroll.verticalScrollBar().sizeHint().width() + 2 * scroll.frameWidth()
        scroll.setMinimumWidth(self.rows.sizeHint().width() + chrome)

    def has_rows_to_show(self) -> bool:
        return self.toggle.isChecked() or len(self.recognised) < len(self.combos)

    def _show_rows(self) -> None:
        show_all = self.toggle.isChecked()
        for row, header in enumerate(self.combos):
            self.form.setRowVisible(row, show_all or header not in self.recognised)
        self.setVisible(self.has_rows_to_show())
        self._fit_width()
