"""The installation's signing key and certificate, kept in ``keys/`` of the data folder.

One PEM file holds the private key, the certificate and any issuing certificates
(permissions 0600). It is made on first use — a self-signed certificate naming this
installation (its device id) and the company — and can be replaced by a PKCS#12 the company
issues. The key is loaded once per process. The key is not protected by a password: the
folder's permissions are its protection, as for the database beside it.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.hazmat.primitives.asymmetric.types import PublicKeyTypes
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import NameOID

from redpair_desktop.domain.errors import UserError
from redpair_desktop.files import write_file
from redpair_desktop.i18n import _

KEY_DIR = "keys"
IDENTITY_FILE = "signing.pem"
RETIRED_DIR = "retired"
CERTIFICATE_YEARS = 30
_cache: dict[Path, SigningIdentity] = {}


@dataclass(frozen=True)
class SigningIdentity:
    """A private key with its certificate chain (signer's certificate first)."""

    private_key: ec.EllipticCurvePrivateKey | rsa.RSAPrivateKey
    chain: tuple[x509.Certificate, ...]

    @property
    def certificate(self) -> x509.Certificate:
        return self.chain[0]

    @property
    def subject(self) -> str:
        return subject_text(self.certificate.subject)

    def fingerprint(self) -> str:
        return self.certificate.fingerprint(hashes.SHA256()).hex()


def subject_text(name: x509.Name) -> str:
    """A certificate's name as people read it: common name, then organisation."""
    parts = [
        str(attribute.value)
        for oid in (NameOID.COMMON_NAME, NameOID.ORGANIZATION_NAME)
        for attribute in name.get_attributes_for_oid(oid)
    ]
    return ", ".join(parts)


def signing_identity(data_dir: Path, *, device: str, company: str) -> SigningIdentity:
    """This installation's identity: cached, else read from ``keys/``, else made there."""
    path = identity_path(data_dir)
    if path in _cache:
        return _cache[path]
    if not path.exists():
        write_file(
            path, _identity_pem(_self_signed(device, company)), private=True, keep_existing=True
        )
    identity = _read_identity(path)
    _cache[path] = identity
    return identity


def import_pkcs12(data_dir: Path, source: Path, password: str | None) -> SigningIdentity:
    """Replace the installation's identity by one the company issued; the old file is kept in
    ``keys/retired/``. A file that is not a usable signing identity changes nothing."""
    identity = _read_pkcs12(source, password)
    path = identity_path(data_dir)
    if path.exists():
        retired = path.parent / RETIRED_DIR
        retired.mkdir(exist_ok=True)
        stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%S%fZ")
        os.replace(path, retired / f"signing-{stamp}.pem")
    write_file(path, _identity_pem(identity), private=True)
    _cache[path] = identity
    return identity


def identity_path(data_dir: Path) -> Path:
    return data_dir.absolute() / KEY_DIR / IDENTITY_FILE


def _self_signed(device: str, company: str) -> SigningIdentity:
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name(
        [
            x509.NameAttribute(NameOID.COMMON_NAME, f"RedPair {device}"),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, company or "RedPair"),
        ]
    )
    now = dt.datetime.now(dt.UTC)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=365 * CERTIFICATE_YEARS))
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(_signing_key_usage(), critical=True)
        .sign(key, hashes.SHA256())
    )
    return SigningIdentity(key, (certificate,))


def _signing_key_usage() -> x509.KeyUsage:
    return x509.KeyUsage(
        digital_signature=True,
        content_commitment=True,
        key_encipherment=False,
        data_encipherment=False,
        key_agreement=False,
        key_cert_sign=False,
        crl_sign=False,
        encipher_only=False,
        decipher_only=False,
    )


def _read_pkcs12(source: Path, password: str | None) -> SigningIdentity:
    try:
        data = source.read_bytes()
    except OSError as exc:
        raise UserError(_("无法读取“{path}”：{reason}", path=source, reason=exc.strerror)) from exc
    try:
        key, certificate, extra = pkcs12.load_key_and_certificates(
            data, password.encode() if password else None
        )
    except ValueError as exc:
        raise UserError(_("“{path}”不是 PKCS#12 证书文件，或密码不对。", path=source.name)) from exc
    if key is None or certificate is None:
        raise UserError(_("“{path}”中没有私钥和证书，无法用于签名。", path=source.name))
    if not isinstance(key, ec.EllipticCurvePrivateKey | rsa.RSAPrivateKey):
        raise UserError(_("“{path}”的密钥类型不受支持（只支持 RSA 和 ECDSA）。", path=source.name))
    _check_usable(source, key, certificate)
    return SigningIdentity(key, (certificate, *extra))


def _check_usable(
    source: Path,
    key: ec.EllipticCurvePrivateKey | rsa.RSAPrivateKey,
    certificate: x509.Certificate,
) -> None:
    if _public_der(key.public_key()) != _public_der(certificate.public_key()):
        raise UserError(_("“{path}”中的私钥与证书不匹配。", path=source.name))
    now = dt.datetime.now(dt.UTC)
    if not certificate.not_valid_before_utc <= now <= certificate.not_valid_after_utc:
        raise UserError(_("“{path}”中的证书不在有效期内。", path=source.name))
    try:
        usage = certificate.extensions.get_extension_for_class(x509.KeyUsage).value
    except x509.ExtensionNotFound:
        return
    if not (usage.digital_signature or usage.content_commitment):
        raise UserError(_("“{path}”中的证书不允许用于签名。", path=source.name))


def _public_der(key: PublicKeyTypes) -> bytes:
    return key.public_bytes(
        serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
    )


def _identity_pem(identity: SigningIdentity) -> bytes:
    key = identity.private_key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )
    return key + b"".join(c.public_bytes(serialization.Encoding.PEM) for c in identity.chain)


def _read_identity(path: Path) -> SigningIdentity:
    try:
        data = path.read_bytes()
        key = serialization.load_pem_private_key(data, password=None)
        chain = tuple(x509.load_pem_x509_certificates(data))
    except (OSError, ValueError) as exc:
        raise UserError(
            _("签名密钥文件“{path}”已损坏或无法读取，请重新导入证书。", path=path)
        ) from exc
    if not isinstance(key, ec.EllipticCurvePrivateKey | rsa.RSAPrivateKey):
        raise UserError(_("签名密钥文件“{path}”的密钥类型不受支持。", path=path))
    return SigningIdentity(key, chain)
