"""关于: version, data directory and what an on-screen signature is (and is not)."""

from __future__ import annotations

from pathlib import Path

from PySide6 import __version__ as pyside_version
from PySide6.QtWidgets import QMessageBox, QWidget

from redpair_desktop import __version__
from redpair_desktop.i18n import _


def show_about(parent: QWidget, data_dir: Path) -> QMessageBox:
    text = "\n\n".join(
        [
            _("红心结对 RedPair Desktop {version}", version=__version__),
            _("党支部“红心结对 三强一创”共建工作的桌面程序，离线可用。"),
            _("数据目录：{path}", path=data_dir),
            _(
                "关于签名：屏幕上手写的签名是电子签名记录，不是《电子签名法》第十三条所称的"
                "可靠电子签名（后者需要依法设立的电子认证服务机构颁发的专有密钥）。本程序以内容哈希、"
                "打印件上的校验码和操作日志使已签记录可被核验、不可悄然篡改。"
            ),
            f"PySide6 {pyside_version}",
        ]
    )
    box = QMessageBox(
        QMessageBox.Icon.Information, _("关于红心结对"), text, QMessageBox.StandardButton.Ok, parent
    )
    box.setObjectName("aboutDialog")
    box.open()
    return box
