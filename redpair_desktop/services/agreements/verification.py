"""Is this PDF the one on record? Its signature, its bytes, its embedded record.

``verify_pdf`` judges the file alone: one PAdES signature, cryptographically intact, covering
every byte of the file (any incremental update appended after signing fails), and the record
id, version and content hash in the signed revision. ``check_record`` then compares the
record with what the database holds. Any file — not a PDF, encrypted, truncated, damaged —
gives a result, never an error.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import io
import logging
import string
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from asn1crypto import cms, parser, tsp
from asn1crypto import x509 as asn1_x509
from cryptography import x509
from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.pdf_utils.xref import TrailerDictionary
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko.sign.validation.generic_cms import get_signing_cert_attr
from pyhanko.sign.validation.pdf_embedded import EmbeddedPdfSignature
from pyhanko.sign.validation.status import PdfSignatureStatus, SignatureCoverageLevel
from pyhanko_certvalidator import ValidationContext

from redpair_desktop.i18n import _
from redpair_desktop.services.agreements.keys import subject_text
from redpair_desktop.services.agreements.signing import RecordStamp, read_record

log = logging.getLogger(__name__)
_HEX_UPPER = frozenset(string.hexdigits.upper().encode())
_HEX_LOWER = frozenset(string.hexdigits.lower().encode())


@dataclass(frozen=True)
class VerificationResult:
    ok: bool
    record_id: str | None = None
    version: int | None = None
    content_hash: str | None = None
    signer: str | None = None
    signed_at: dt.datetime | None = None
    problems: list[str] = field(default_factory=list)


def verify_pdf(path: Path) -> VerificationResult:
    try:
        data = path.read_bytes()
    except OSError as exc:
        reason = exc.strerror or str(exc)
        return _refused(_("无法读取“{path}”：{reason}", path=path, reason=reason))
    return verify_bytes(data)


def verify_bytes(data: bytes) -> VerificationResult:
    if b"%PDF-" not in data[:1024]:
        return _refused(_("这不是 PDF 文件。"))
    try:
        return _verify(data)
    except Exception:  # a damaged file can break the parser anywhere: it is an answer, not a bug
        log.info("PDF could not be read for verification", exc_info=True)
        return _refused(_("PDF 文件已损坏或不完整，无法校验。"))


def check_record(
    result: VerificationResult, recorded_hash: Callable[[str], str | None]
) -> VerificationResult:
    """``result`` compared with the database: ``recorded_hash`` gives the content hash stored
    for a record id, or None when the database has no such record."""
    if result.record_id is None:
        return result
    expected = recorded_hash(result.record_id)
    if expected is None:
        problem = _(
            "记录 {record} 不在本数据库中：无法确认这是登记过的协议。", record=result.record_id
        )
    elif expected != result.content_hash:
        problem = _("文件中的内容摘要与数据库中的记录不符：协议内容与登记的版本不同。")
    else:
        return result
    return dataclasses.replace(result, ok=False, problems=[*result.problems, problem])


def _verify(data: bytes) -> VerificationResult:
    reader = PdfFileReader(io.BytesIO(data), strict=False)
    if reader.encrypted:
        return _refused(_("这份 PDF 已加密，无法校验。"))
    signatures = reader.embedded_signatures
    if not signatures:
        record = read_record(_info(reader.trailer))
        return _result(record, [_("这份 PDF 没有电子签名：无法证明它未被改动。")])
    signature = signatures[-1]
    status = validate_pdf_signature(signature, _context(signature))
    problems = _signature_problems(status) + _contents_problems(data, signature)
    if len(signatures) > 1:
        problems.append(_("这份 PDF 有多个签名，不是本软件生成的协议文件。"))
    signed_info = reader.get_historical_resolver(signature.signed_revision).trailer_view
    record = read_record(_info(signed_info))
    signer = _signer_name(status)
    return dataclasses.replace(
        _result(record, problems), signer=signer, signed_at=status.signer_reported_dt
    )


def _result(record: RecordStamp | None, problems: list[str]) -> VerificationResult:
    if record is None:
        problems = [*problems, _("签名的文件中没有记录编号、版本和内容摘要。")]
        return VerificationResult(ok=False, problems=problems)
    return VerificationResult(
        ok=not problems,
        record_id=record.record_id,
        version=record.version,
        content_hash=record.content_hash,
        problems=problems,
    )


def _refused(problem: str) -> VerificationResult:
    return VerificationResult(ok=False, problems=[problem])


def _info(
    trailer: generic.DictionaryObject | TrailerDictionary,
) -> generic.DictionaryObject | None:
    try:
        info = trailer["/Info"]
    except KeyError:
        return None
    return info if isinstance(info, generic.DictionaryObject) else None


def _context(signature: EmbeddedPdfSignature) -> ValidationContext:
    """No trust judgement (each installation has its own key; the database is what vouches
    for the content) and nothing fetched: the signer's own chain is taken as given."""
    roots = [signature.signer_cert, *signature.other_embedded_certs]
    return ValidationContext(trust_roots=roots, allow_fetching=False)


def _signature_problems(status: PdfSignatureStatus) -> list[str]:
    if not (status.intact and status.valid):
        return [_("签名与文件内容不符：文件在签名之后被改动过。")]
    if status.coverage == SignatureCoverageLevel.ENTIRE_FILE:
        return []
    # pyHanko's difference analysis lets a later revision rewrite /Info, where the record
    # lives, so no update at all is accepted after the signature (this app appends none).
    return [_("签名之后文件又被追加了修改：内容可能已与签名时不同。")]


def _contents_problems(data: bytes, signature: EmbeddedPdfSignature) -> list[str]:
    """The one span the signature cannot cover, its own hex string, must hold exactly one
    canonical signature, zero padding, and the certificate the signed attributes name:
    otherwise bytes there could change unnoticed."""
    start, first, second_start, _length = (int(x) for x in signature.sig_object["/ByteRange"])
    region = data[start + first : second_start]
    digits = region[1:-1]
    canonical = region[:1] == b"<" and region[-1:] == b">" and len(digits) % 2 == 0
    if canonical and (set(digits) <= _HEX_UPPER or set(digits) <= _HEX_LOWER):
        raw = bytes.fromhex(digits.decode("ascii"))
        *_identifier, header, content, trailer = parser.parse(raw)
        der = raw[: len(header) + len(content) + len(trailer)]
        if not raw[len(der) :].strip(b"\0") and _is_canonical(der, signature):
            return []
    return [_("签名数据区被改动过。")]


def _is_canonical(der: bytes, signature: EmbeddedPdfSignature) -> bool:
    """DER exactly as this app writes it: re-encoding changes nothing, and it is rebuilt byte
    for byte from what the signature vouches for — one signer, no certificate but the one
    whose SHA-256 the signed attributes name, no CRLs, no unsigned attributes."""
    parsed = cms.ContentInfo.load(der, strict=True)
    if parsed.copy().dump(force=True) != der:
        return False
    certificates = parsed["content"]["certificates"]
    signer_infos = parsed["content"]["signer_infos"]
    if len(certificates) != 1 or len(signer_infos) != 1:
        return False
    certificate = certificates[0].chosen
    signer_info = signer_infos[0]
    return _names_by_hash(signer_info, certificate) and der == _rebuilt(signer_info, certificate)


def _names_by_hash(signer_info: cms.SignerInfo, certificate: asn1_x509.Certificate) -> bool:
    """The ESS signing-certificate-v2 attribute (signed) holds the SHA-256 of the certificate's
    bytes as they stand in the file."""
    attribute = get_signing_cert_attr(signer_info["signed_attrs"])
    if not isinstance(attribute, tsp.SigningCertificateV2) or len(attribute["certs"]) != 1:
        return False
    certid = attribute["certs"][0]
    if certid["hash_algorithm"]["algorithm"].native != "sha256":
        return False
    return hashlib.sha256(certificate.dump()).digest() == certid["cert_hash"].native


def _rebuilt(signer_info: cms.SignerInfo, certificate: asn1_x509.Certificate) -> bytes:
    """The SignedData a signer writes for ``certificate`` and these signed attributes."""
    digest_algorithm = signer_info["digest_algorithm"].copy()
    signer = cms.SignerInfo(
        {
            "version": "v1",
            "sid": cms.SignerIdentifier(
                {
                    "issuer_and_serial_number": cms.IssuerAndSerialNumber(
                        {
                            "issuer": certificate.issuer.copy(),
                            "serial_number": certificate.serial_number,
                        }
                    )
                }
            ),
            "digest_algorithm": digest_algorithm,
            "signed_attrs": signer_info["signed_attrs"].copy(),
            "signature_algorithm": signer_info["signature_algorithm"].copy(),
            "signature": signer_info["signature"].copy(),
        }
    )
    signed_data = cms.SignedData(
        {
            "version": "v1",
            "digest_algorithms": [digest_algorithm.copy()],
            "encap_content_info": {"content_type": "data"},
            "certificates": [certificate.copy()],
            "signer_infos": [signer],
        }
    )
    return cms.ContentInfo({"content_type": "signed_data", "content": signed_data}).dump()


def _signer_name(status: PdfSignatureStatus) -> str:
    certificate = x509.load_der_x509_certificate(status.signing_cert.dump())
    return subject_text(certificate.subject)
