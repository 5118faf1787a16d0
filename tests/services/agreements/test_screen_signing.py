"""Signing on screen: both secretaries in turn, each signature stored as strokes and image with
its hashes, the event log in order, the version signed when both have signed; every refusal
leaves the database as it was. Each check reopens the database file."""

from __future__ import annotations

import dataclasses

import pytest
from sqlalchemy import func, select

from redpair_desktop.db.agreements.models import AgreementEvent, AgreementSignature
from redpair_desktop.domain.agreements.evidence import EventKind
from redpair_desktop.domain.enums import AgreementStatus
from redpair_desktop.domain.errors import UserError
from redpair_desktop.domain.signatures import DeviceKind, decode, to_png
from redpair_desktop.services.agreements.builder import agreement_document
from redpair_desktop.services.agreements.records import import_paper_scan, record_version
from redpair_desktop.services.agreements.screen_signing import (
    evidence,
    record_signature,
    signing_sheet,
)
from redpair_desktop.services.workspace import open_workspace
from tests.services.agreements.scribbles import dot, scribble
from tests.services.agreements.test_records import _png

ROLE = "党支部书记"


@pytest.fixture
def document(demo_workspace):
    return agreement_document(demo_workspace.db, "demo")


def sign(workspace, document, party, signature=None, signer=None):
    index = 0 if party == "甲方" else 1
    return record_signature(
        workspace.db,
        document.record_id,
        party,
        signer or document.parties[index].secretary,
        ROLE,
        signature or scribble(index * 7),
        "Wacom One  pen\n",
    )


def test_both_secretaries_sign_and_the_version_is_signed_on_screen(
    demo_workspace, demo_data_dir, document
):
    assert evidence(demo_workspace.db, document.record_id) is None
    first = sign(demo_workspace, document, "甲方", scribble(0, DeviceKind.PEN))
    sheet = signing_sheet(demo_workspace.db, document.record_id)
    assert [(s.party, s.secretary, s.signed) for s in sheet.signers] == [
        ("甲方", document.parties[0].secretary, True),
        ("乙方", "陈振波", False),
    ]
    assert sheet.status == AgreementStatus.DRAFT
    sign(demo_workspace, document, "乙方")
    demo_workspace.close()
    workspace = open_workspace(demo_data_dir)
    try:
        found = evidence(workspace.db, document.record_id)
        assert signing_sheet(workspace.db, document.record_id).status == (
            AgreementStatus.SIGNED_ON_SCREEN
        )
    finally:
        workspace.close()
    assert found.text_sha256 == document.content_hash and found.version == document.version
    a, b = found.signatures
    assert (a.party, a.signer, a.signer_role) == ("甲方", document.parties[0].secretary, ROLE)
    assert (b.party, b.signer) == ("乙方", "陈振波")
    assert a == first
    assert a.device is DeviceKind.PEN and a.device_name == "Wacom One pen"
    assert decode(a.strokes) == scribble(0, DeviceKind.PEN)
    assert a.image_png == to_png(scribble(0, DeviceKind.PEN))
    assert a.signature_sha256 == scribble(0, DeviceKind.PEN).sha256 != b.signature_sha256
    assert a.text_sha256 == b.text_sha256 == document.content_hash
    assert [e.kind for e in found.events] == [
        EventKind.STARTED,
        EventKind.FIRST_PARTY_SIGNED,
        EventKind.SECOND_PARTY_SIGNED,
        EventKind.COMPLETED,
    ]
    assert found.events[1].detail == document.parties[0].secretary
    assert all(e.who for e in found.events)
    assert [e.at for e in found.events] == sorted(e.at for e in found.events)


def counts(workspace):
    with workspace.db.read() as session:
        return (
            session.scalar(select(func.count()).select_from(AgreementSignature)),
            session.scalar(select(func.count()).select_from(AgreementEvent)),
        )


def refused(workspace, document, party, message, **changes):
    before = counts(workspace)
    with pytest.raises(UserError, match=message):
        sign(workspace, document, party, **changes)
    assert counts(workspace) == before


def test_too_little_ink_is_refused_and_nothing_is_stored(demo_workspace, document):
    refused(demo_workspace, document, "甲方", "签名太短或太小", signature=dot())
    assert counts(demo_workspace) == (0, 0)


def test_someone_else_than_the_named_secretary_is_refused(demo_workspace, document):
    refused(demo_workspace, document, "乙方", "应由协议中写明的书记陈振波签字", signer="张三")
    refused(demo_workspace, document, "丙方", "不是协议的签署方")


def test_a_party_signs_once(demo_workspace, document):
    sign(demo_workspace, document, "甲方")
    refused(demo_workspace, document, "甲方", "甲方已经签过字了")


def test_a_version_signed_on_screen_or_on_paper_takes_no_more_signatures(
    demo_workspace, demo_data_dir, document, tmp_path
):
    sign(demo_workspace, document, "甲方")
    sign(demo_workspace, document, "乙方")
    refused(demo_workspace, document, "乙方", "双方已在屏幕上签字完成")
    other = agreement_document(demo_workspace.db, "demo")  # the same version
    assert other.record_id == document.record_id
    paper = new_version(demo_workspace, document)
    import_paper_scan(demo_workspace.db, demo_data_dir, paper.pairing_id, _png(tmp_path))
    refused(demo_workspace, paper, "甲方", r"已签署（纸质原件存档）")


def new_version(workspace, document):
    """A new version of the same pairing (changed words): the latest one, not yet signed."""
    changed = dataclasses.replace(
        document, preamble=document.preamble + "。", content_hash="c" * 64
    )
    return record_version(workspace.db, changed)
