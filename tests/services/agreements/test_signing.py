"""The installation's key, the embedded record and the PAdES signature, checked as a
verifier would: any change to the signed file is noticed."""

from __future__ import annotations

import io
import os
import stat
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import NameOID
from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

from redpair_desktop.domain.errors import UserError
from redpair_desktop.services.agreements import keys
from redpair_desktop.services.agreements.signing import embed_record, sign_pdf
from redpair_desktop.services.agreements.verification import (
    check_record,
    verify_bytes,
    verify_pdf,
)

from .pdfs import RECORD, encrypted_pdf, signed_pdf, two_page_pdf


@pytest.fixture(autouse=True)
def _fresh_key_cache():
    keys._cache.clear()
    yield
    keys._cache.clear()


def test_a_signed_pdf_verifies_with_its_record_and_signer(data_dir):
    result = verify_pdf(signed_pdf(data_dir))
    assert result.problems == []
    assert result.ok
    assert (result.record_id, result.version, result.content_hash) == (
        RECORD.record_id,
        RECORD.version,
        RECORD.content_hash,
    )
    assert "国网咸宁供电公司" in result.signer and "test-pc" in result.signer
    assert abs(result.signed_at - datetime.now(UTC)) < timedelta(minutes=5)


def test_a_record_embedded_first_is_signed_as_it_is(data_dir):
    identity = keys.signing_identity(data_dir, device="test-pc", company="公司")
    target = data_dir / "out.pdf"
    sign_pdf(embed_record(two_page_pdf(), RECORD), target, identity)
    assert verify_pdf(target).ok
    assert verify_pdf(target).record_id == RECORD.record_id


def test_a_pdf_without_a_record_is_not_signed(data_dir):
    identity = keys.signing_identity(data_dir, device="test-pc", company="公司")
    with pytest.raises(UserError, match="记录编号"):
        sign_pdf(two_page_pdf(), data_dir / "out.pdf", identity)
    assert not (data_dir / "out.pdf").exists()


def test_every_byte_change_is_noticed(data_dir):
    data = signed_pdf(data_dir).read_bytes()
    contents = data.index(b"/Contents <")
    # a sample of the file, and of the signature's own (uncovered) hex string
    positions = sorted({*range(0, len(data), 101), *range(contents, contents + 3000, 11)})
    accepted = []
    for position in positions:
        changed = bytearray(data)
        changed[position] ^= 0x01
        if verify_bytes(bytes(changed)).ok:
            accepted.append(position)
    assert accepted == []


def test_a_space_in_the_signature_padding_is_noticed(data_dir):
    data = signed_pdf(data_dir).read_bytes()
    padding = data.index(b"0000>")
    changed = data[:padding] + b" " + data[padding + 1 :]
    result = verify_bytes(changed)
    assert not result.ok
    assert result.problems == ["签名数据区被改动过。"]


def _appended(data: bytes, change) -> bytes:
    writer = IncrementalPdfFileWriter(io.BytesIO(data))
    change(writer)
    out = io.BytesIO()
    writer.write(out)
    assert out.getvalue().startswith(data)
    return out.getvalue()


def _add_annotation(writer: IncrementalPdfFileWriter) -> None:
    page_ref = writer.root["/Pages"]["/Kids"][0]
    page = page_ref.get_object()
    annotation = generic.DictionaryObject(
        {
            generic.NameObject("/Type"): generic.NameObject("/Annot"),
            generic.NameObject("/Subtype"): generic.NameObject("/Text"),
            generic.NameObject("/Rect"): generic.ArrayObject(
                [generic.NumberObject(n) for n in (10, 10, 50, 50)]
            ),
            generic.NameObject("/Contents"): generic.TextStringObject("作废"),
        }
    )
    page[generic.NameObject("/Annots")] = generic.ArrayObject([writer.add_object(annotation)])
    writer.update_container(page)


def _change_content_hash(writer: IncrementalPdfFileWriter) -> None:
    info = generic.DictionaryObject(writer.trailer["/Info"])
    info[generic.NameObject("/RedPairContentHash")] = generic.TextStringObject("cd" * 32)
    writer.set_info(writer.add_object(info))


@pytest.mark.parametrize("change", [_add_annotation, _change_content_hash])
def test_an_appended_incremental_update_is_noticed(data_dir, change):
    original = signed_pdf(data_dir).read_bytes()
    result = verify_bytes(_appended(original, change))
    assert not result.ok
    assert any("追加" in problem for problem in result.problems), result.problems
    assert result.content_hash == RECORD.content_hash  # read from the signed revision


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"Just some text, not a PDF", "这不是 PDF 文件。"),
        (b"", "这不是 PDF 文件。"),
        (None, "这份 PDF 已加密，无法校验。"),
        (b"%PDF-1.7\n1 0 obj\n<<", "PDF 文件已损坏或不完整，无法校验。"),
    ],
)
def test_files_that_cannot_be_verified_get_a_plain_answer(data, message):
    result = verify_bytes(encrypted_pdf() if data is None else data)
    assert not result.ok
    assert result.problems == [message]


def test_a_truncated_signed_file_gets_a_plain_answer(data_dir):
    data = signed_pdf(data_dir).read_bytes()
    result = verify_bytes(data[: len(data) // 2])
    assert not result.ok and result.problems


def test_an_unsigned_pdf_is_not_accepted():
    result = verify_bytes(embed_record(two_page_pdf(), RECORD))
    assert not result.ok
    assert result.record_id == RECORD.record_id
    assert "没有电子签名" in result.problems[0]


def test_a_missing_file_gets_a_plain_answer(tmp_path):
    result = verify_pdf(tmp_path / "nowhere.pdf")
    assert not result.ok and "无法读取" in result.problems[0]


def test_the_record_is_checked_against_the_database(data_dir):
    result = verify_pdf(signed_pdf(data_dir))
    assert check_record(result, {RECORD.record_id: RECORD.content_hash}.get).ok
    unknown = check_record(result, {}.get)
    assert not unknown.ok and "不在本数据库中" in unknown.problems[0]
    different = check_record(result, {RECORD.record_id: "cd" * 32}.get)
    assert not different.ok and "不符" in different.problems[0]


# --- the key ----------------------------------------------------------------------------------


def test_the_key_is_made_once_private_and_reused_by_another_process(data_dir):
    first = keys.signing_identity(data_dir, device="test-pc", company="国网咸宁供电公司")
    path = keys.identity_path(data_dir)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert keys.signing_identity(data_dir, device="other", company="x") is first
    script = (
        "import sys; from pathlib import Path\n"
        "from redpair_desktop.services.agreements import keys\n"
        "print(keys.signing_identity(Path(sys.argv[1]), device='x', company='y').fingerprint())"
    )
    other = subprocess.run(
        [sys.executable, "-c", script, str(data_dir)], capture_output=True, text=True, check=True
    )
    assert other.stdout.strip() == first.fingerprint()
    assert first.certificate.subject.get_attributes_for_oid(NameOID.COMMON_NAME)[0].value == (
        "RedPair test-pc"
    )


def _pkcs12(tmp_path: Path, *, password: bytes, days: int = 365) -> Path:
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "咸宁供电公司 党建部")])
    now = datetime.now(UTC)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(days=2))
        .not_valid_after(now + timedelta(days=days))
        .sign(key, hashes.SHA256())
    )
    path = tmp_path / "company.p12"
    path.write_bytes(
        pkcs12.serialize_key_and_certificates(
            b"company", key, certificate, None, serialization.BestAvailableEncryption(password)
        )
    )
    return path


def test_a_company_pkcs12_replaces_the_key_and_signs(data_dir, tmp_path):
    own = keys.signing_identity(data_dir, device="test-pc", company="公司")
    imported = keys.import_pkcs12(data_dir, _pkcs12(tmp_path, password=b"pw"), "pw")
    assert imported.fingerprint() != own.fingerprint()
    keys._cache.clear()
    again = keys.signing_identity(data_dir, device="test-pc", company="公司")
    assert again.fingerprint() == imported.fingerprint()
    assert stat.S_IMODE(keys.identity_path(data_dir).stat().st_mode) == 0o600
    assert len(os.listdir(keys.identity_path(data_dir).parent / keys.RETIRED_DIR)) == 1
    assert "党建部" in verify_pdf(signed_pdf(data_dir)).signer


@pytest.mark.parametrize(
    ("options", "password", "message"),
    [
        ({}, "wrong", "密码不对"),
        ({"days": -1}, "pw", "有效期"),
    ],
)
def test_an_unusable_pkcs12_changes_nothing(data_dir, tmp_path, options, password, message):
    own = keys.signing_identity(data_dir, device="test-pc", company="公司")
    source = _pkcs12(tmp_path, password=b"pw", **options)
    with pytest.raises(UserError, match=message):
        keys.import_pkcs12(data_dir, source, password)
    keys._cache.clear()
    assert (
        keys.signing_identity(data_dir, device="x", company="y").fingerprint() == own.fingerprint()
    )


def test_a_file_that_is_no_pkcs12_is_refused(data_dir, tmp_path):
    source = tmp_path / "cert.p12"
    source.write_text("not a certificate")
    with pytest.raises(UserError, match="不是 PKCS#12"):
        keys.import_pkcs12(data_dir, source, None)
    assert not keys.identity_path(data_dir).exists()
