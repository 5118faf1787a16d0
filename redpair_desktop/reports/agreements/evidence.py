"""The evidence page after a signed-on-screen agreement: 签署过程记录 on the same GB/T 9704 grid
and fonts — the record and the SHA-256 of the words signed, each party's signer, role, time,
device and signature image (with the signature data's SHA-256), the event log, and what such a
record is and is not. It starts on a page of its own; a party's block never breaks across pages.

The page is part of the Chinese document, so it is written in Chinese whatever the window's
language (as the agreement is).
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas

from redpair_desktop.domain.agreements.document import AgreementDocument, Party
from redpair_desktop.domain.agreements.evidence import (
    DEVICE_LABELS,
    EVENT_LABELS,
    Evidence,
    EvidenceEvent,
    EvidenceSignature,
    local_time,
)
from redpair_desktop.domain.signatures import HONESTY_NOTICE
from redpair_desktop.i18n import _
from redpair_desktop.reports.fonts import FontRole
from redpair_desktop.reports.grid import BLANK, CHAR_PITCH, TITLE_SIZE, Line, Typesetter
from redpair_desktop.reports.page import BLOCK_TOP, LEFT_MARGIN, LINE_PITCH, paginate

TITLE = "签署过程记录"
IMAGE_LINES = 2  # grid lines a signature image spans
IMAGE_INDENT = 5  # characters: after the indent and “签名：”
IMAGE_WIDTH_CHARS = 14
CHECKING = "本记录所列协议文本 SHA-256 与每页二维码中的哈希值一致；可用“校验”功能或 redpair verify 核对本文件是否与登记的协议相符。"  # noqa: E501
BODY = FontRole.BODY


@dataclass(frozen=True)
class Placement:
    line: int  # the grid line (0 at the top) the image's top sits on
    png: bytes


@dataclass(frozen=True)
class EvidenceSheet:
    pages: list[list[Line]]
    images: dict[int, list[Placement]]  # by page index within the sheet, from 0


def evidence_sheet(
    document: AgreementDocument, evidence: Evidence, setter: Typesetter
) -> EvidenceSheet:
    """The evidence pages, laid out, with where each signature image goes."""
    anchors: dict[int, bytes] = {}  # id() of the line an image starts on → the image
    lines = [setter.centred([(TITLE, FontRole.TITLE)], _("签署过程记录"), TITLE_SIZE), BLANK]
    lines += _record_lines(document, evidence, setter)
    lines += _heading("一、双方签字", setter)
    parties = {party.label: party for party in document.parties}
    for number, signature in zip("一二", evidence.signatures, strict=False):
        lines += _signature_block(number, parties[signature.party], signature, setter, anchors)
    lines += _heading("二、过程记录（时间、事项、记录人）", setter)
    for event in evidence.events:
        lines += _text(_event_text(event), setter, _("签署过程记录"))
    lines += _heading("三、说明", setter)
    lines += _text(HONESTY_NOTICE, setter, _("签署过程记录"))
    lines += _text(CHECKING, setter, _("签署过程记录"))
    pages = paginate(lines)
    images: dict[int, list[Placement]] = {}
    for page_index, page in enumerate(pages):
        for line_index, line in enumerate(page):
            if id(line) in anchors:
                images.setdefault(page_index, []).append(Placement(line_index, anchors[id(line)]))
    return EvidenceSheet(pages, images)


def draw_images(canvas: Canvas, placements: Sequence[Placement]) -> None:
    """Each signature image fitted, aspect kept, into its box beside “签名：”."""
    box_width, box_height = IMAGE_WIDTH_CHARS * CHAR_PITCH, IMAGE_LINES * LINE_PITCH
    for placement in placements:
        image = ImageReader(io.BytesIO(placement.png))
        width, height = image.getSize()
        scale = min(box_width / width, box_height / height)
        top = BLOCK_TOP - placement.line * LINE_PITCH
        x = LEFT_MARGIN + IMAGE_INDENT * CHAR_PITCH
        canvas.drawImage(image, x, top - height * scale, width * scale, height * scale, mask=[1, 1])


def _record_lines(document: AgreementDocument, evidence: Evidence, setter: Typesetter) -> list:
    whose = _("签署过程记录")
    return [
        *_text(f"协议：{document.title}（第 {evidence.version} 版）", setter, whose),
        *_text(f"记录编号：{evidence.record_id}", setter, whose),
        *_text(f"协议文本 SHA-256：{evidence.text_sha256}", setter, whose),
    ]


def _signature_block(
    number: str,
    party: Party,
    signature: EvidenceSignature,
    setter: Typesetter,
    anchors: dict[int, bytes],
) -> list[Line]:
    device = DEVICE_LABELS[signature.device]
    lines = setter.paragraph([(f"（{number}）{party.label}", FontRole.HEADING2)], party.label)
    lines += _text(f"单位：{party.seal_name}", setter, party.seal_name)
    lines += _text(f"签字人：{signature.signer}（{signature.signer_role}）", setter,
                   _("{label}书记 {name}", label=party.label, name=signature.signer))  # fmt: skip
    lines += _text(f"签字时间：{local_time(signature.signed_at)}", setter, party.label)
    lines += _text(f"签字设备：{device}（{signature.device_name}）", setter, _("签字设备"))
    anchor = _text("签名：", setter, party.label)[0].keeping()
    anchors[id(anchor)] = signature.image_png
    lines += [anchor, *[BLANK] * (IMAGE_LINES - 1)]
    lines += _text(f"签名数据 SHA-256：{signature.signature_sha256}", setter, party.label)
    # A party's block stays on one page (the anchor keeps already: its identity marks the image).
    return [line if line is anchor else line.keeping() for line in lines[:-1]] + lines[-1:]


def _heading(text: str, setter: Typesetter) -> list[Line]:
    return [line.keeping() for line in setter.paragraph([(text, FontRole.HEADING1)], text)]


def _text(text: str, setter: Typesetter, whose: str) -> list[Line]:
    return setter.paragraph([(text, BODY)], whose)


def _event_text(event: EvidenceEvent) -> str:
    label = EVENT_LABELS.get(event.kind, event.kind)
    what = f"{label}：{event.detail}" if event.detail else label
    return f"{local_time(event.at)}　{what}　{event.who}"
