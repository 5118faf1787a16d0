"""The record an agreement PDF carries, and its PAdES signature by the installation's key.

``embed_record`` writes the record id, version and content hash into the document
information dictionary (/RedPairRecord, /RedPairVersion, /RedPairContentHash);
``signed_pdf`` signs a PDF that carries them (or embeds them in the signed revision itself),
``sign_pdf`` writes it to a file, ``signed_agreement`` signs an agreement's printout with the
installation's key.
A PAdES baseline B-B signature (ETSI.CAdES.detached, SHA-256): no time stamp, no
revocation data, nothing fetched from the network.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path

from asn1crypto import keys as asn1_keys
from asn1crypto import x509 as asn1_x509
from cryptography.hazmat.primitives import serialization
from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.misc import PdfError
from pyhanko.sign import fields, signers
from pyhanko_certvalidator.registry import SimpleCertificateStore

from redpair_desktop.db.database import Database
from redpair_desktop.domain.agreements.document import AgreementDocument
from redpair_desktop.domain.errors import UserError
from redpair_desktop.files import write_file
from redpair_desktop.i18n import _
from redpair_desktop.services.agreements.builder import company_name
from redpair_desktop.services.agreements.keys import SigningIdentity, signing_identity

RECORD_KEY = "/RedPairRecord"
VERSION_KEY = "/RedPairVersion"
HASH_KEY = "/RedPairContentHash"
SIGNATURE_FIELD = "RedPairSignature"
_signers: dict[str, signers.SimpleSigner] = {}


@dataclass(frozen=True)
class RecordStamp:
    """What ties a PDF to its record: the agreement version's id, number and content hash."""

    record_id: str
    version: int
    content_hash: str


def embed_record(pdf: bytes, record: RecordStamp) -> bytes:
    """``pdf`` with ``record`` in its document information (as an incremental update)."""
    writer = _writer(pdf)
    _put_record(writer, record)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def read_record(info: generic.DictionaryObject | None) -> RecordStamp | None:
    """The record in a document information dictionary, if it holds a complete one."""
    if info is None:
        return None
    try:
        return RecordStamp(
            record_id=str(info[RECORD_KEY]),
            version=int(str(info[VERSION_KEY])),
            content_hash=str(info[HASH_KEY]),
        )
    except (KeyError, ValueError, TypeError):
        return None


def sign_pdf(
    source: bytes | Path,
    output: Path,
    identity: SigningIdentity,
    *,
    record: RecordStamp | None = None,
    reason: str = "",
) -> None:
    """Sign ``source`` into ``output`` (whole or not at all); see ``signed_pdf``."""
    data = source.read_bytes() if isinstance(source, Path) else source
    write_file(output, signed_pdf(data, identity, record=record, reason=reason))


def signed_pdf(
    source: bytes, identity: SigningIdentity, *, record: RecordStamp | None = None, reason: str = ""
) -> bytes:
    """``source`` signed. With ``record``, the record is embedded in the signed revision;
    without it, ``source`` must already carry one."""
    writer = _writer(source)
    if record is not None:
        _put_record(writer, record)
    elif read_record(_info(writer)) is None:
        raise UserError(_("这份 PDF 没有记录编号、版本和内容摘要，不能签名。"))
    metadata = signers.PdfSignatureMetadata(
        field_name=SIGNATURE_FIELD,
        subfilter=fields.SigSeedSubFilter.PADES,
        md_algorithm="sha256",
        reason=reason or None,
    )
    signed = io.BytesIO()
    signers.sign_pdf(writer, metadata, signer=_signer(identity), output=signed)
    return signed.getvalue()


def signed_agreement(
    db: Database, data_dir: Path, document: AgreementDocument, pdf: bytes
) -> bytes:
    """``pdf``, the printout of the recorded ``document``, signed by this installation with
    the document's record: what the CLI writes and the window previews, prints and saves."""
    identity = signing_identity(data_dir, device=db.device, company=company_name(db))
    stamp = RecordStamp(str(document.record_id), document.version, document.content_hash)
    return signed_pdf(pdf, identity, record=stamp)


def _writer(pdf: bytes) -> IncrementalPdfFileWriter:
    try:
        writer = IncrementalPdfFileWriter(io.BytesIO(pdf), strict=False)
    except (PdfError, ValueError, KeyError, IndexError) as exc:
        raise UserError(_("这不是一个可读的 PDF 文件，不能签名。")) from exc
    if writer.security_handler is not None:
        raise UserError(_("这份 PDF 已加密，不能签名。"))
    return writer


def _info(writer: IncrementalPdfFileWriter) -> generic.DictionaryObject | None:
    try:
        info = writer.trailer["/Info"]
    except KeyError:
        return None
    return info if isinstance(info, generic.DictionaryObject) else None


def _put_record(writer: IncrementalPdfFileWriter, record: RecordStamp) -> None:
    info = generic.DictionaryObject(_info(writer) or {})
    info[generic.NameObject(RECORD_KEY)] = generic.TextStringObject(record.record_id)
    info[generic.NameObject(VERSION_KEY)] = generic.TextStringObject(str(record.version))
    info[generic.NameObject(HASH_KEY)] = generic.TextStringObject(record.content_hash)
    writer.set_info(writer.add_object(info))


def _signer(identity: SigningIdentity) -> signers.SimpleSigner:
    """pyHanko's signer for ``identity``, made once per process and certificate."""
    fingerprint = identity.fingerprint()
    if fingerprint not in _signers:
        key_der = identity.private_key.private_bytes(
            serialization.Encoding.DER,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
        certificate = identity.certificate.public_bytes(serialization.Encoding.DER)
        # the signer's certificate only: the signed attributes vouch for it by its hash, and any
        # other certificate in /Contents would be bytes no signature covers
        _signers[fingerprint] = signers.SimpleSigner(
            signing_cert=asn1_x509.Certificate.load(certificate),
            signing_key=asn1_keys.PrivateKeyInfo.load(key_der),
            cert_registry=SimpleCertificateStore(),
        )
    return _signers[fingerprint]
