"""Edited agreement words saved as versions: read back from the reopened database file, the
same words kept once, a signed version never changed, words refused before they are saved."""

from __future__ import annotations

import dataclasses
import io
import json

import pypdf
import pytest
from PIL import Image
from sqlalchemy import select

from redpair_desktop.db.agreements.models import AgreementVersion
from redpair_desktop.domain.agreements.document import Clause, ClauseItem
from redpair_desktop.domain.enums import AgreementStatus
from redpair_desktop.domain.errors import UserError
from redpair_desktop.reports.agreements.pdf import agreement_pdf
from redpair_desktop.reports.fonts import FontSet
from redpair_desktop.services.agreements.builder import agreement_document, template_document
from redpair_desktop.services.agreements.records import import_paper_scan
from redpair_desktop.services.agreements.versions import (
    HEADING_MAX_CHARS,
    draft_document,
    list_versions,
    save_version,
    version_document,
)
from redpair_desktop.services.workspace import open_workspace
from tests.cli.test_cli import redpair

NEW_TEXT = "双方每月互派一名党员参加对方的主题党日活动。"


def _edited(clauses: tuple[Clause, ...], text: str = NEW_TEXT) -> tuple[Clause, ...]:
    """The clauses with the first item of 三、共建内容 rewritten."""
    content = clauses[2]
    first = dataclasses.replace(content.items[0], text=text)
    return (
        *clauses[:2],
        dataclasses.replace(content, items=(first, *content.items[1:])),
        *clauses[3:],
    )


def _png(tmp_path):
    buffer = io.BytesIO()
    Image.new("RGB", (40, 30), "white").save(buffer, format="PNG")
    path = tmp_path / "signed.png"
    path.write_bytes(buffer.getvalue())
    return path


def test_saved_words_are_read_back_from_the_reopened_file(demo_workspace, demo_data_dir):
    template = template_document(demo_workspace.db, "demo")
    saved = save_version(
        demo_workspace.db, template.pairing_id, template.preamble, _edited(template.clauses)
    )
    demo_workspace.close()
    workspace = open_workspace(demo_data_dir)
    try:
        (summary,) = list_versions(workspace.db, template.pairing_id)
        read = version_document(workspace.db, summary.record_id)
    finally:
        workspace.close()
    assert (summary.version, summary.status, summary.content_hash) == (
        1,
        AgreementStatus.DRAFT,
        saved.content_hash,
    )
    assert summary.created_by and summary.signed_at is None
    assert read == saved
    assert read.clauses[2].items[0] == ClauseItem(NEW_TEXT, "（一）组织联建。")
    assert read.parties == template.parties and read.preamble == template.preamble


def test_the_same_words_twice_are_one_version(demo_workspace):
    template = template_document(demo_workspace.db, "demo")
    words = (template.preamble, _edited(template.clauses))
    first = save_version(demo_workspace.db, template.pairing_id, *words)
    again = save_version(demo_workspace.db, template.pairing_id, *words)
    assert again == first
    assert [v.version for v in list_versions(demo_workspace.db, template.pairing_id)] == [1]


def test_editing_a_signed_version_makes_the_next_and_leaves_it_as_signed(
    demo_workspace, demo_data_dir, tmp_path
):
    db = demo_workspace.db
    signed = agreement_document(db, "demo")
    import_paper_scan(db, demo_data_dir, signed.pairing_id, _png(tmp_path))
    edited = save_version(db, signed.pairing_id, signed.preamble, _edited(signed.clauses))
    same = save_version(db, signed.pairing_id, signed.preamble, _edited(signed.clauses))
    demo_workspace.close()
    workspace = open_workspace(demo_data_dir)
    try:
        newest, oldest = list_versions(workspace.db, signed.pairing_id)
        kept = version_document(workspace.db, signed.record_id)
        printed = agreement_document(workspace.db, "demo")
    finally:
        workspace.close()
    assert same == edited and edited.version == 2 and edited.record_id != signed.record_id
    assert (oldest.record_id, oldest.status, oldest.content_hash) == (
        signed.record_id,
        AgreementStatus.SIGNED_PAPER,
        signed.content_hash,
    )
    assert oldest.is_signed and oldest.signed_at is not None
    assert kept == signed  # the signed words, exactly
    assert (newest.version, newest.status) == (2, AgreementStatus.DRAFT)
    assert printed == edited  # what was saved last is what prints


def test_a_version_recorded_before_schema_0006_gets_its_parties_from_the_pairing(
    demo_workspace,
):
    db = demo_workspace.db
    recorded = agreement_document(db, "demo")
    with db.write() as session:
        row = session.get(AgreementVersion, recorded.record_id)
        row.title = row.parties = row.preamble = None
    assert version_document(db, recorded.record_id) == recorded


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda c: (*c[:2], dataclasses.replace(c[2], heading="三、")), "第 3 条的标题不能为空"),
        (lambda c: _edited(c, "  "), "第 1 项的正文不能为空"),
        (lambda c: (*c[:1], dataclasses.replace(c[1], items=())), "还没有内容"),
        (lambda c: (), "至少要有一条条款"),
    ],
)
def test_empty_words_are_refused_and_nothing_is_saved(demo_workspace, change, message):
    template = template_document(demo_workspace.db, "demo")
    with pytest.raises(UserError, match=message):
        save_version(
            demo_workspace.db, template.pairing_id, template.preamble, change(template.clauses)
        )
    with pytest.raises(UserError, match="引言不能为空"):
        save_version(demo_workspace.db, template.pairing_id, " ", template.clauses)
    assert list_versions(demo_workspace.db, template.pairing_id) == []


def test_a_heading_is_refused_at_save_exactly_when_the_printout_would_refuse_it(demo_workspace):
    db = demo_workspace.db
    template = template_document(db, "demo")

    def with_heading(length: int) -> tuple[Clause, ...]:
        heading = "一、" + "共" * (length - 2)
        return (dataclasses.replace(template.clauses[0], heading=heading), *template.clauses[1:])

    longest = draft_document(db, template.pairing_id, template.preamble, with_heading(26))
    assert agreement_pdf(longest, FontSet())  # one line: it prints
    too_long = with_heading(HEADING_MAX_CHARS + 1)
    with pytest.raises(UserError, match="太长"):
        agreement_pdf(
            draft_document(db, template.pairing_id, template.preamble, too_long), FontSet()
        )
    with pytest.raises(UserError, match="太长"):
        save_version(db, template.pairing_id, template.preamble, too_long)
    assert list_versions(db, template.pairing_id) == []


def test_agreement_pdf_prints_the_saved_words_and_verify_passes(demo_data_dir, tmp_path):
    workspace = open_workspace(demo_data_dir)
    try:
        template = template_document(workspace.db, "demo")
        saved = save_version(
            workspace.db, template.pairing_id, template.preamble, _edited(template.clauses)
        )
    finally:
        workspace.close()
    out = tmp_path / "agreement.pdf"
    result = redpair("agreement", "pdf", "demo", str(out), "--json", data_dir=demo_data_dir)
    assert result.returncode == 0, result.stderr
    payload = json.loads(result.stdout)
    assert (payload["record_id"], payload["version"]) == (str(saved.record_id), 1)
    text = "".join(page.extract_text() for page in pypdf.PdfReader(out).pages).replace("\n", "")
    assert NEW_TEXT in text and "双方支部委员会每半年" not in text
    verified = redpair("verify", str(out), "--json", data_dir=demo_data_dir)
    assert verified.returncode == 0, verified.stdout
    workspace = open_workspace(demo_data_dir)
    try:
        with workspace.db.read() as session:
            assert session.scalars(select(AgreementVersion.version)).all() == [1]
    finally:
        workspace.close()
