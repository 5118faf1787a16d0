"""`redpair agreement pdf` of a version both secretaries signed on screen: the PDF carries the
evidence page, `redpair verify` passes on it, and fails (exit 3) after one changed byte."""

from __future__ import annotations

import json

import pypdf

from redpair_desktop.services.agreements.builder import agreement_document
from redpair_desktop.services.agreements.screen_signing import record_signature
from redpair_desktop.services.workspace import open_workspace
from tests.cli.test_cli import assert_no_traceback, redpair
from tests.services.agreements.scribbles import scribble


def sign_demo_on_screen(data_dir) -> str:
    workspace = open_workspace(data_dir)
    try:
        document = agreement_document(workspace.db, "demo")
        for shift, party in enumerate(document.parties):
            record_signature(workspace.db, document.record_id, party.label, party.secretary,
                             "党支部书记", scribble(shift * 9), "test pad")  # fmt: skip
        return document.content_hash
    finally:
        workspace.close()


def test_the_signed_on_screen_agreement_verifies_and_a_changed_byte_does_not(
    demo_data_dir, tmp_path
):
    content_hash = sign_demo_on_screen(demo_data_dir)
    out = tmp_path / "agreement.pdf"
    written = redpair("agreement", "pdf", "demo", str(out), "--json", data_dir=demo_data_dir)
    assert written.returncode == 0, written.stderr
    assert json.loads(written.stdout)["content_hash"] == content_hash
    reader = pypdf.PdfReader(out)
    text = "".join(page.extract_text() for page in reader.pages).replace("\n", "")
    assert "签署过程记录" in text and content_hash in text and "陈振波（党支部书记）" in text
    verified = redpair("verify", str(out), "--json", data_dir=demo_data_dir)
    assert verified.returncode == 0, verified.stdout
    data = bytearray(out.read_bytes())
    data[len(data) // 2] ^= 0x01
    changed = tmp_path / "changed.pdf"
    changed.write_bytes(bytes(data))
    result = redpair("verify", str(changed), "--json", data_dir=demo_data_dir)
    assert result.returncode == 3 and json.loads(result.stdout)["ok"] is False
    assert_no_traceback(result)
