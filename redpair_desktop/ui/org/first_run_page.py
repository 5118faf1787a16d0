"""Shown when the database is empty: open the demo, or start with one's own company.

The company's name is typed by the user (the field only hints at the form of a name); Enter in
it starts. While the demo loads, a busy bar runs and the buttons wait."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from redpair_desktop.i18n import _
from redpair_desktop.services.demo.facts import COMPANY
from redpair_desktop.ui.appearance import page_title


class FirstRunPage(QWidget):
    demo_requested = Signal()
    empty_requested = Signal(str)  # the company's name

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("firstRunPage")
        title = page_title(_("欢迎使用红心结对"))
        intro = QLabel(
            _(
                "数据库还是空的。可以先打开演示数据，看看国网咸宁供电公司“红心结对 三强一创”"
                "的案例；也可以直接从本单位开始录入。"
            )
        )
        intro.setWordWrap(True)

        self.demo_button = QPushButton(_("打开演示数据（咸宁供电公司案例）"))
        self.demo_button.setObjectName("openDemoButton")
        self.demo_button.clicked.connect(self._on_demo_clicked)

        self.demo_progress = QProgressBar(objectName="demoProgress")
        self.demo_progress.setRange(0, 0)  # busy: the load reports no steps
        self.demo_progress.setFormat(_("正在载入演示数据……"))
        self.demo_progress.setTextVisible(True)
        self.demo_progress.hide()

        self.company_name = QLineEdit(objectName="companyName")
        self.company_name.setPlaceholderText(_("例如：{name}", name=COMPANY))
        self.company_name.returnPressed.connect(self._on_empty_clicked)
        self.empty_button = QPushButton(_("从空白开始"))
        self.empty_button.setObjectName("startEmptyButton")
        self.empty_button.setDefault(True)
        self.empty_button.clicked.connect(self._on_empty_clicked)

        demo_box = QGroupBox(_("演示数据"))
        demo_layout = QVBoxLayout(demo_box)
        demo_layout.addWidget(
            QLabel(_("66 个供电所、46 次结对，以及综合服务中心与大坪供电所的结对案例。"))
        )
        demo_layout.addWidget(self.demo_button)
        demo_layout.addWidget(self.demo_progress)

        empty_box = QGroupBox(_("从空白开始"))
        empty_layout = QHBoxLayout(empty_box)
        empty_layout.addWidget(QLabel(_("公司名称")))
        empty_layout.addWidget(self.company_name, 1)
        empty_layout.addWidget(self.empty_button)

        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(intro)
        layout.addWidget(demo_box)
        layout.addWidget(empty_box)
        layout.addStretch(1)

    def set_busy(self, busy: bool, *, loading_demo: bool = False) -> None:
        for widget in (self.demo_button, self.empty_button, self.company_name):
            widget.setEnabled(not busy)
        self.demo_progress.setVisible(busy and loading_demo)

    def _on_demo_clicked(self) -> None:
        self.set_busy(True, loading_demo=True)
        self.demo_requested.emit()

    def _on_empty_clicked(self) -> None:
        if not self.empty_button.isEnabled():  # Enter while a start is under way
            return
        self.set_busy(True)
        self.empty_requested.emit(self.company_name.text())
