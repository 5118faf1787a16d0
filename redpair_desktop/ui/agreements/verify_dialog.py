"""校验协议书: is this PDF the agreement on record, unchanged since it was signed?

The user chooses a PDF (or drops it on the dialog); the same check as ``redpair verify`` runs
on the database worker, and the answer shows in plain words: a green or red verdict, the
record it names, its version, content hash and standing, and what was found altered."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from redpair_desktop.domain.labels import label
from redpair_desktop.i18n import _
from redpair_desktop.ui.agreements import ops
from redpair_desktop.ui.backend import Backend
from redpair_desktop.ui.widgets import file_dialogs

if TYPE_CHECKING:
    from redpair_desktop.services.agreements.checking import AgreementCheck

PASSED_STYLE = "background: #e8f5e9; color: #1b5e20; border: 1px solid #66bb6a;"
FAILED_STYLE = "background: #ffebee; color: #b71c1c; border: 1px solid #e57373;"
WAITING_STYLE = "background: #f5f5f5; color: #424242; border: 1px solid #bdbdbd;"
VERDICT_PADDING = "padding: 10px; font-size: 12pt;"
NOTHING = "—"


class VerifyDialog(QDialog):
    """Checks one file at a time; ``checked`` holds the last answer (tests read it)."""

    def __init__(
        self,
        backend: Backend,
        report_error: Callable[[BaseException], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("verifyDialog")
        self.setWindowTitle(_("校验协议书"))
        self.setAcceptDrops(True)
        self.backend, self.report_error = backend, report_error
        self.checked: AgreementCheck | None = None
        self.verdict = QLabel(objectName="verifyVerdict", wordWrap=True)
        self.fields: dict[str, QLabel] = {}
        layout = QVBoxLayout(self)
        layout.addLayout(self._chooser())
        layout.addWidget(self.verdict)
        layout.addLayout(self._details())
        layout.addStretch(1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self._show_verdict(_("请选择一份协议书 PDF，或把文件拖到这里。"), WAITING_STYLE)
        self.resize(640, 460)

    def _chooser(self) -> QHBoxLayout:
        row = QHBoxLayout()
        hint = QLabel(
            _("检查文件中的记录编号、版本和内容摘要是否与本数据库登记的一致，签名后是否被改动。"),
            wordWrap=True,
        )
        choose = QPushButton(_("选择文件…"), objectName="verifyChoose", autoDefault=False)
        choose.clicked.connect(self.choose_file)
        row.addWidget(hint, 1)
        row.addWidget(choose, 0, Qt.AlignmentFlag.AlignTop)
        return row

    def _details(self) -> QFormLayout:
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for key, text in (
            ("file", _("文件")),
            ("record", _("登记记录")),
            ("record_id", _("记录编号")),
            ("version", _("版本")),
            ("content_hash", _("内容摘要")),
            ("status", _("状态")),
            ("signature", _("签名")),
            ("problems", _("发现的问题")),
        ):
            value = QLabel(NOTHING, objectName=f"verify_{key}", wordWrap=True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.fields[key] = value
            form.addRow(text, value)
        return form

    # --- choosing -----------------------------------------------------------------------

    def choose_file(self) -> None:
        path = file_dialogs.ask_open_path(self, _("选择要校验的协议书"), file_dialogs.pdf_filter())
        if path is not None:
            self.check(path)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if _dropped_file(event) is not None:
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        path = _dropped_file(event)
        if path is not None:
            event.acceptProposedAction()
            self.check(path)

    def check(self, path: Path) -> None:
        self.checked = None
        for value in self.fields.values():
            value.setText(NOTHING)
        self.fields["file"].setText(str(path))
        self._show_verdict(_("正在校验“{name}”…", name=path.name), WAITING_STYLE)
        self.backend.call(
            lambda ws: ops.check_agreement_file(ws, path),
            lambda found: self._on_checked(path, found),
            self._on_failed,
        )

    # --- the answer ---------------------------------------------------------------------

    def _on_checked(self, path: Path, found: AgreementCheck) -> None:
        result = found.result
        if result.ok:
            verdict = _("校验通过：这是登记在册的协议书，签名后未被改动。")
        else:
            verdict = _("校验未通过：不能确认这是登记在册、未被改动的协议书。")
        self._show_verdict(verdict, PASSED_STYLE if result.ok else FAILED_STYLE)
        self._fill("record", _record_text(found))
        self._fill("record_id", result.record_id)
        self._fill("version", _("第 {n} 版", n=result.version) if result.version else None)
        self._fill("content_hash", result.content_hash)
        self._fill("status", label(found.status) if found.status else None)
        self._fill("signature", _signature_text(found))
        self._fill("problems", "\n".join(f"• {p}" for p in result.problems) or _("未发现问题"))
        self.checked = found

    def _on_failed(self, error: BaseException) -> None:
        self._show_verdict(_("校验没有完成。"), FAILED_STYLE)
        self.report_error(error)

    def _fill(self, key: str, text: str | None) -> None:
        self.fields[key].setText(text or NOTHING)

    def _show_verdict(self, text: str, style: str) -> None:
        self.verdict.setText(text)
        self.verdict.setStyleSheet(style + VERDICT_PADDING)


def _record_text(found: AgreementCheck) -> str:
    if found.status is None:
        if found.result.record_id is None:
            return _("文件中没有可识别的协议记录")
        return _("本数据库中没有这份协议的记录")
    return _("{lead}与{station}的共建协议书", lead=found.lead_branch, station=found.station_branch)


def _signature_text(found: AgreementCheck) -> str:
    result = found.result
    if not found.signature_intact:
        return _("不完好：见下面发现的问题")
    when = result.signed_at.astimezone().strftime("%Y-%m-%d %H:%M") if result.signed_at else ""
    return _("完好，签名后文件未被改动（{signer}，{when}）", signer=result.signer, when=when)


def _dropped_file(event: QDragEnterEvent | QDropEvent) -> Path | None:
    urls = event.mimeData().urls()
    if len(urls) == 1 and urls[0].isLocalFile():
        return Path(urls[0].toLocalFile())
    return None
