"""Agreement versions on record: found again by their words, numbered on when the words change,
never changed once signed; scans of the paper original. Each check reopens the database file."""

from __future__ import annotations

import dataclasses
import io

import pytest
from PIL import Image
from sqlalchemy import select

from redpair_desktop.db.agreements.models import AgreementScan, AgreementVersion
from redpair_desktop.domain.errors import UserError
from redpair_desktop.services.agreements.builder import agreement_document, pairing_id
from redpair_desktop.services.agreements.records import (
    import_paper_scan,
    record_version,
    recorded_content_hash,
)
from redpair_desktop.services.agreements.versions import version_document
from redpair_desktop.services.workspace import open_workspace


def _reopened(data_dir):
    return open_workspace(data_dir)


def _png(tmp_path):
    buffer = io.BytesIO()
    Image.new("RGB", (40, 30), "white").save(buffer, format="PNG")
    path = tmp_path / "signed.png"
    path.write_bytes(buffer.getvalue())
    return path


def test_the_printed_version_is_on_record(demo_workspace, demo_data_dir):
    document = agreement_document(demo_workspace.db, "demo")
    demo_workspace.close()
    workspace = _reopened(demo_data_dir)
    try:
        assert recorded_content_hash(workspace.db, str(document.record_id)) == (
            document.content_hash
        )
        assert agreement_document(workspace.db, "demo") == document
        assert recorded_content_hash(workspace.db, str(document.pairing_id)) is None
        assert recorded_content_hash(workspace.db, "not-an-id") is None
    finally:
        workspace.close()


def test_changed_words_make_the_next_version_and_the_signed_one_stays(
    demo_workspace, demo_data_dir, tmp_path
):
    first = agreement_document(demo_workspace.db, "demo")
    import_paper_scan(demo_workspace.db, demo_data_dir, first.pairing_id, _png(tmp_path))
    changed = dataclasses.replace(first, preamble=first.preamble + "。", content_hash="cd" * 32)
    second = record_version(demo_workspace.db, changed)
    demo_workspace.close()
    workspace = _reopened(demo_data_dir)
    try:
        with workspace.db.read() as session:
            rows = session.scalars(select(AgreementVersion).order_by(AgreementVersion.version))
            versions = [(row.id, row.version, row.content_hash, row.status) for row in rows]
        assert versions == [
            (first.record_id, 1, first.content_hash, "signed_paper"),
            (second.record_id, 2, "cd" * 32, "draft"),
        ]
        # What was saved last is what prints; the signed version keeps its words.
        assert agreement_document(workspace.db, "demo").record_id == second.record_id
        assert version_document(workspace.db, first.record_id) == first
    finally:
        workspace.close()


def test_a_scan_is_recorded_with_who_imported_it(demo_workspace, demo_data_dir, tmp_path):
    document = agreement_document(demo_workspace.db, "demo")
    scan = import_paper_scan(demo_workspace.db, demo_data_dir, document.pairing_id, _png(tmp_path))
    again = import_paper_scan(demo_workspace.db, demo_data_dir, document.pairing_id, _png(tmp_path))
    demo_workspace.close()
    workspace = _reopened(demo_data_dir)
    try:
        with workspace.db.read() as session:
            (row,) = session.scalars(select(AgreementScan)).all()
            version = session.get(AgreementVersion, row.agreement_version_id)
            stored = (row.sha256, row.page_count, row.kind, row.stored_path)
            stamps = (row.created_by, row.created_at)
            signed = (version.id, version.status, version.signed_at) if version else None
        assert again == scan  # the same file again is the scan already on record
        assert stored == (scan.sha256, 1, "png", f"scans/{scan.sha256}.png")
        assert stamps == (scan.imported_by, scan.imported_at)
        assert signed == (document.record_id, "signed_paper", scan.imported_at)
    finally:
        workspace.close()


def test_a_pairing_never_printed_has_no_version_to_sign(demo_workspace, demo_data_dir, tmp_path):
    found = pairing_id(demo_workspace.db, "demo")
    with pytest.raises(UserError, match="还没有生成过协议书"):
        import_paper_scan(demo_workspace.db, demo_data_dir, found, _png(tmp_path))
    assert not (demo_data_dir / "scans").exists()
    with demo_workspace.db.read() as session:
        assert session.scalars(select(AgreementScan)).all() == []
