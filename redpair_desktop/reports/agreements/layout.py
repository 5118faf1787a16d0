"""The 共建协议书 on the grid: title, parties, preamble, clauses, then the two-party signature
block, which never stands alone on a page (the last two body lines always go with it).

Each party's column of the block: “甲方（盖章）：”, the seal area (``SEAL_LINES`` lines: the
seal name, which the seal presses on as GB/T 9704 has it, then blank lines), the secretary's
signing line and the date. Four lines of the 22-line grid leave more than 42 mm between the
party line and the signing line: room for a round seal."""

from __future__ import annotations

from dataclasses import replace
from itertools import pairwise

from redpair_desktop.domain.agreements.document import AgreementDocument, Clause, Party
from redpair_desktop.domain.dates import chinese_date
from redpair_desktop.domain.errors import UserError
from redpair_desktop.i18n import _
from redpair_desktop.reports.fonts import FontRole
from redpair_desktop.reports.grid import (
    BLANK,
    CHAR_PITCH,
    CHARS_PER_LINE,
    TITLE_SIZE,
    Line,
    Segment,
    Typesetter,
)
from redpair_desktop.reports.page import LINES_PER_PAGE, MAX_PAGES

COLUMN_CHARS = 13  # each party's column of the signature block
RIGHT_COLUMN = CHARS_PER_LINE - COLUMN_CHARS  # the 乙方 column starts at character 15
DATE_RIGHT_SPACE = 4  # 右空四字
SEAL_LINES = 4  # grid lines: 45 mm clear between the party and signing lines (a 42 mm seal)
MAX_SEAL_LINES = 3  # of the seal area, for the seal name
LINES_KEPT_WITH_SIGNATURES = 2
BLANK_DATE = "　　　　年　　月　　日"
BODY = FontRole.BODY


def agreement_lines(document: AgreementDocument, setter: Typesetter) -> list[Line]:
    for party in document.parties:
        setter.glyphs(
            [(party.secretary, BODY)],
            _("{label}书记 {name}", label=party.label, name=party.secretary),
        )
    lines = [setter.centred([(document.title, FontRole.TITLE)], _("标题"), TITLE_SIZE), BLANK]
    for party in document.parties:
        lines += setter.paragraph(
            [(f"{party.label}：{party.seal_name}", BODY)], party.seal_name, indent=0, hanging=3
        )
    lines += setter.paragraph([(document.preamble, BODY)], _("协议引言"))
    clauses = [_clause_lines(clause, setter) for clause in document.clauses]
    if len(lines) + sum(map(len, clauses)) > MAX_PAGES * LINES_PER_PAGE:
        raise _too_long(document.clauses, clauses)
    for clause_lines in clauses:
        lines += clause_lines
    kept = [line.keeping() for line in lines[-LINES_KEPT_WITH_SIGNATURES:]]
    del lines[-LINES_KEPT_WITH_SIGNATURES:]
    return [*lines, *kept, BLANK.keeping(), BLANK.keeping(), *signature_block(document, setter)]


def _clause_lines(clause: Clause, setter: Typesetter) -> list[Line]:
    heading = setter.paragraph([(clause.heading, FontRole.HEADING1)], clause.heading)
    if len(heading) > 1:
        raise UserError(
            _("条款标题“{heading}”太长，一行放不下。请缩短标题。", heading=clause.heading)
        )
    lines = [heading[0].keeping()]
    for item in clause.items:
        pieces = [(item.subheading, FontRole.HEADING2)] if item.subheading else []
        lines += setter.paragraph([*pieces, (item.text, BODY)], clause.heading)
    return lines


def _too_long(clauses: tuple[Clause, ...], lines: list[list[Line]]) -> UserError:
    """A long clause flows over as many pages as it needs; past ``MAX_PAGES`` the printout is
    refused, naming the longest clause."""
    longest = max(range(len(clauses)), key=lambda index: len(lines[index]))
    return UserError(
        _("协议书超过 {count} 页，无法打印。最长的是条款“{heading}”（约 {pages} 页），请精简。",
          count=MAX_PAGES, heading=clauses[longest].heading,
          pages=len(lines[longest]) // LINES_PER_PAGE)
    )  # fmt: skip


def signature_block(document: AgreementDocument, setter: Typesetter) -> list[Line]:
    """Two columns side by side: 甲方 on the left, 乙方 from character 15, each with its seal
    area (the seal name, then blank lines), the secretary's signing line and the date."""
    columns = [_column(party, document, setter) for party in document.parties]
    height = max(len(column) for column in columns)
    rows = []
    for row in range(height):
        segments = []
        for offset, column in zip((0, RIGHT_COLUMN), columns, strict=True):
            segment = column[row] if row < len(column) else None
            if segment is not None:
                segments.append(replace(segment, x=segment.x + offset * CHAR_PITCH))
        rows.append(Line(tuple(segments), keep_with_next=row < height - 1))
    return rows


def _column(party: Party, document: AgreementDocument, setter: Typesetter) -> list[Segment | None]:
    def text(value: str, whose: str) -> Segment:
        return setter.segment(setter.glyphs([(value, BODY)], whose))

    seal_lines = _wrap_seal_name(party, setter)
    date = chinese_date(document.signed_on) if document.signed_on else BLANK_DATE
    dated = text(date, _("签署日期"))
    date_x = (COLUMN_CHARS - DATE_RIGHT_SPACE) * CHAR_PITCH - dated.width
    return [
        text(f"{party.label}（盖章）：", party.label),
        *seal_lines,
        *[None] * (SEAL_LINES - len(seal_lines)),
        text("书记（签字）：", party.label),
        replace(dated, x=max(0.0, date_x)),
    ]


def _wrap_seal_name(party: Party, setter: Typesetter) -> list[Segment]:
    glyphs = setter.glyphs([(party.seal_name, BODY)], party.seal_name)
    cuts = seal_name_breaks(party.seal_name)
    chunks = [glyphs[start:end] for start, end in pairwise((0, *cuts, len(glyphs)))]
    if len(chunks) > MAX_SEAL_LINES:
        raise UserError(
            _("党组织名称“{name}”太长，签章栏放不下（最多 {count} 字）。",
              name=party.seal_name, count=COLUMN_CHARS * MAX_SEAL_LINES)
        )  # fmt: skip
    return [setter.segment(chunk) for chunk in chunks]


SEAL_NAME_BREAKS = ("公司", "供电所", "中心", "部", "所", "处", "室", "局")  # a line may end here


def seal_name_breaks(name: str) -> tuple[int, ...]:
    """Where a seal name breaks across the signature column's lines: after a unit word
    (……供电公司 / 综合服务中心支部委员会) when that fits, never inside a word; every
    ``COLUMN_CHARS`` characters when no such place fits."""
    cuts: list[int] = []
    start = 0
    while len(name) - start > COLUMN_CHARS:
        window = name[start : start + COLUMN_CHARS]
        ends = [window.rfind(word) + len(word) for word in SEAL_NAME_BREAKS if word in window]
        good = [end for end in ends if end > COLUMN_CHARS // 2]
        start += max(good) if good else COLUMN_CHARS
        cuts.append(start)
    return tuple(cuts)
