"""The assessor's signing identity and PAdES signatures on PDF reports.

An identity is a key pair plus an X.509 certificate, kept as one PKCS#12 file encrypted with the
assessor's passphrase at ``<data dir>/identity/assessor.p12`` (file 0600, folder 0700). The
passphrase is asked for at each signing and never stored. ``create_identity`` makes an EC P-256
key with a self-signed certificate; ``import_identity`` takes a PKCS#12 file from a CA or an eID.

``sign_pdf`` signs with pyHanko as PAdES baseline B-B (offline: no timestamp, no revocation
data) and draws a visible signature block (name, organisation, date, certificate fingerprint)
on the last page, in the box the report reserved for it (a named destination
``art5-signature``) or, failing that, at the foot of the last page. The signed file is written
to a temporary file and moved into place: the output path holds the complete signed file or
what it held before, never an unsigned copy.

``verify_pdf`` checks every signature and every revision (intact; one certificate only; after a
signature nothing but a later signature by the same certificate and PAdES validation data),
whether the certificate is trusted (a given certificate, the local identity or the register's
trusted signers in app.signing.trust), and whether the JSON attachment (answers, result, audit anchor)
read from the signed revision is present, unchanged and consistent. ``VerifyResult.exit_code``
is 0 trusted, 3 intact but untrusted, 1 altered or unsigned; its ``lines()`` print the
program's verdict first and the signer's own words last, escaped (issue 14).

pyHanko, cryptography and pypdf are imported inside the functions: importing this module is
cheap.
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import io
import os
import secrets
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

from app.documents.payload import ATTACHMENT_NAME, check_payload

IDENTITY_DIR = "identity"
IDENTITY_FILE = "assessor.p12"
SIGNATURE_FIELD = "Art5Signature"
SIGNATURE_DEST = "art5-signature"
VALIDITY_DAYS = 3 * 365 + 1
MM = 72 / 25.4
# Fallback signature box on the last page (A4), above the running footer, in points.
DEFAULT_BOX = (26 * MM, 24 * MM, 120 * MM, 54 * MM)


class SigningError(Exception):
    """Signing or identity handling failed; the message says why in words a user can act on."""


class VerifyError(Exception):
    """The file cannot be read as a PDF."""


@dataclass
class IdentityInfo:
    subject: str
    common_name: str
    organisation: str
    email: str
    country: str
    issuer: str
    not_before: _dt.datetime
    not_after: _dt.datetime
    fingerprint: str  # SHA-256 of the DER certificate, hex pairs separated by ':'
    self_signed: bool
    path: Path

    @property
    def expired(self) -> bool:
        return self.not_after < _dt.datetime.now(_dt.timezone.utc)

    def lines(self) -> list[str]:
        return [
            f"subject:     {self.subject}",
            f"issuer:      {self.issuer}" + (" (self-signed)" if self.self_signed else ""),
            f"valid from:  {self.not_before.strftime('%Y-%m-%d %H:%M:%S UTC')}",
            f"valid until: {self.not_after.strftime('%Y-%m-%d %H:%M:%S UTC')}"
            + (" (EXPIRED)" if self.expired else ""),
            f"SHA-256:     {self.fingerprint}",
            f"file:        {self.path}",
        ]


EXIT_TRUSTED, EXIT_ALTERED, EXIT_UNREADABLE, EXIT_UNTRUSTED = 0, 1, 2, 3


@dataclass
class VerifyResult:
    path: Path
    intact: bool = False
    signed: bool = False
    signer: str = ""  # the certificate's common name: chosen by the signer, never trusted as text
    signer_organisation: str = ""
    signer_email: str = ""
    signing_time: _dt.datetime | None = None
    fingerprint: str = ""  # of the (one) signing certificate
    certificates: list[str] = field(default_factory=list)  # fingerprints of every signature's certificate
    signatures: int = 0
    trusted: bool = False
    trust_source: str = ""
    covers_whole_file: bool = False
    embedded_json_ok: bool | None = None
    embedded: dict[str, Any] | None = None
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.signed and self.intact

    @property
    def exit_code(self) -> int:
        """0 intact and trusted, 3 intact but not trusted, 1 altered or unsigned."""
        if not self.ok or self.embedded_json_ok is False:
            return EXIT_ALTERED
        return EXIT_TRUSTED if self.trusted else EXIT_UNTRUSTED

    def verdict(self) -> str:
        code = self.exit_code
        if code == EXIT_TRUSTED:
            return "RESULT: INTACT, signed by a TRUSTED certificate"
        if code == EXIT_UNTRUSTED:
            return "RESULT: INTACT but NOT TRUSTED (compare the certificate fingerprint with the signer's)"
        return "RESULT: NOT INTACT (do not rely on this file)" if self.signed else "RESULT: NOT SIGNED"

    def signer_text(self) -> str:
        """What the certificate says about the signer, escaped (the signer chose it)."""
        from app.base.textsafety import escape

        return escape(self.signer) + (f", {escape(self.signer_organisation)}" if self.signer_organisation else "") \
            + (f" <{escape(self.signer_email)}>" if self.signer_email else "")

    def lines(self) -> list[str]:
        """The program's verdict and findings first; text the signer controls last, escaped."""
        from app.base.textsafety import escape

        out = [self.verdict(), f"file:          {escape(self.path)}"]
        if not self.signed:
            out.append("signature:     NONE (the file is not signed)")
        else:
            out.append("signature:     " + ("INTACT (the signed content is unchanged)" if self.intact
                                            else "ALTERED or INVALID (do not rely on this file)")
                       + (f"; {self.signatures} signatures" if self.signatures > 1 else ""))
            if not self.fingerprint:  # the signature could not even be decoded
                out.append("certificate:   unknown (the signature cannot be decoded)")
            for fp in self.certificates or [self.fingerprint]:
                if fp:
                    out.append(f"certificate:   SHA-256 {fp}")
            if self.fingerprint:
                if self.trusted:
                    out.append(f"trust:         TRUSTED ({escape(self.trust_source)})")
                elif not self.intact:
                    out.append("trust:         not applicable: the signature does not match the file")
                else:
                    out.append("trust:         not trusted" + (f" ({escape(self.trust_source)})" if self.trust_source
                                                               else "")
                               + ": the signature is valid, but nothing vouches for the certificate; compare "
                                 "its fingerprint with the one the assessor gave you")
        if self.embedded_json_ok is None:
            out.append("embedded data: none")
        else:
            good = ("matches (answers and result, unchanged since signing)" if self.signed
                    else "present and consistent (but nothing shows it is unchanged: the file is not signed)")
            out.append("embedded data: " + (good if self.embedded_json_ok else "DOES NOT MATCH"))
        out.extend(f"problem:       {escape(p)}" for p in self.problems)
        if self.signed and self.fingerprint:
            out.append("Stated by the signer (their own words, not checked by this program):")
            out.append(f"  signer:        {self.signer_text()}")
            when = self.signing_time.strftime("%Y-%m-%d %H:%M:%S %Z") if self.signing_time else "not stated"
            out.append(f"  signing time:  {when}")
        return out


# --------------------------------------------------------------------------- helpers


def identity_path(data_dir: Path | str) -> Path:
    return Path(data_dir) / IDENTITY_DIR / IDENTITY_FILE


def fingerprint_of(cert: Any) -> str:
    """SHA-256 of a ``cryptography`` certificate's DER encoding as ``AB:CD:...``."""
    from cryptography.hazmat.primitives import hashes

    return ":".join(f"{b:02X}" for b in cert.fingerprint(hashes.SHA256()))


def _attr(name: Any, oid: Any) -> str:
    values = name.get_attributes_for_oid(oid)
    return str(values[0].value) if values else ""


def _info(cert: Any, path: Path) -> IdentityInfo:
    from cryptography.x509.oid import NameOID

    subj = cert.subject
    return IdentityInfo(
        subject=subj.rfc4514_string(),
        common_name=_attr(subj, NameOID.COMMON_NAME),
        organisation=_attr(subj, NameOID.ORGANIZATION_NAME),
        email=_attr(subj, NameOID.EMAIL_ADDRESS),
        country=_attr(subj, NameOID.COUNTRY_NAME),
        issuer=cert.issuer.rfc4514_string(),
        not_before=cert.not_valid_before_utc,
        not_after=cert.not_valid_after_utc,
        fingerprint=fingerprint_of(cert),
        self_signed=cert.issuer == cert.subject,
        path=path,
    )


def _passphrase_bytes(passphrase: str | bytes) -> bytes:
    if isinstance(passphrase, bytes):
        return passphrase
    if not isinstance(passphrase, str) or not passphrase:
        raise SigningError("a passphrase is required")
    return passphrase.encode("utf-8")


def _write_private(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` atomically, owner-only (folder 0700, file 0600)."""
    from app.base.atomic import AtomicWriteError, write_bytes_atomic

    folder = path.parent
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        os.chmod(folder, 0o700)
        if folder.parent.exists():
            try:
                os.chmod(folder.parent, 0o700)
            except OSError:
                pass
        write_bytes_atomic(path, data, mode=0o600)
    except AtomicWriteError as exc:
        raise SigningError(f"{exc.path}: cannot write the identity: {exc.reason}") from None
    except OSError as exc:
        raise SigningError(f"{folder}: cannot write the identity: {exc.strerror or exc}") from None


def _load_p12(data: bytes, passphrase: str | bytes, source: Path) -> tuple[Any, Any, list[Any]]:
    from cryptography.hazmat.primitives.serialization import pkcs12

    try:
        key, cert, extra = pkcs12.load_key_and_certificates(data, _passphrase_bytes(passphrase))
    except ValueError:
        raise SigningError(f"{source}: wrong passphrase, or the file is not a PKCS#12 identity") from None
    if key is None or cert is None:
        raise SigningError(f"{source}: the PKCS#12 file holds no private key with its certificate")
    return key, cert, list(extra or [])


# --------------------------------------------------------------------------- identity


def create_identity(data_dir: Path | str, name: str, organisation: str, email: str, country: str,
                    passphrase: str, *, valid_days: int = VALIDITY_DAYS,
                    not_before: _dt.datetime | None = None, overwrite: bool = False) -> IdentityInfo:
    """Make an EC P-256 key and a self-signed certificate and store them encrypted."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.hazmat.primitives.serialization import pkcs12
    from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

    from app.base import countries

    from app.base.textsafety import clean_text

    # a certificate's names are printed and drawn wherever the report goes: no invisible or
    # control characters in them (issue 14)
    name, organisation, email = (clean_text(str(v or "")).strip() for v in (name, organisation, email))
    country = str(country or "").strip().upper()
    if not name:
        raise SigningError("the signer's name is required")
    if not organisation:
        raise SigningError("the organisation is required")
    if "@" not in email or len(email) > 254:
        raise SigningError(f"{email!r} is not an e-mail address")
    if len(country) != 2 or not countries.is_country(country):
        raise SigningError(f"{country!r} is not a two-letter country code (e.g. DE)")
    if len(passphrase or "") < 8:
        raise SigningError("the passphrase must have at least 8 characters")
    path = identity_path(data_dir)
    if path.exists() and not overwrite:
        raise SigningError(f"{path}: an identity already exists; it is kept unchanged")

    key = ec.generate_private_key(ec.SECP256R1())
    subject = x509.Name([
        x509.NameAttribute(NameOID.COMMON_NAME, name[:64]),
        x509.NameAttribute(NameOID.ORGANIZATION_NAME, organisation[:64]),
        x509.NameAttribute(NameOID.COUNTRY_NAME, country),
        x509.NameAttribute(NameOID.EMAIL_ADDRESS, email),
    ])
    start = (not_before or _dt.datetime.now(_dt.timezone.utc)).replace(microsecond=0)
    pub = key.public_key()
    cert = (
        x509.CertificateBuilder()
        .subject_name(subject).issuer_name(subject)
        .public_key(pub)
        .serial_number(x509.random_serial_number())
        .not_valid_before(start - _dt.timedelta(minutes=5))
        .not_valid_after(start + _dt.timedelta(days=valid_days))
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(x509.KeyUsage(digital_signature=True, content_commitment=True, key_encipherment=False,
                                     data_encipherment=False, key_agreement=False, key_cert_sign=False,
                                     crl_sign=False, encipher_only=False, decipher_only=False), critical=True)
        .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.EMAIL_PROTECTION]), critical=False)
        .add_extension(x509.SubjectAlternativeName([x509.RFC822Name(email)]), critical=False)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(pub), critical=False)
        .sign(key, hashes.SHA256())
    )
    data = pkcs12.serialize_key_and_certificates(
        b"Art5 assessor", key, cert, None,
        serialization.BestAvailableEncryption(_passphrase_bytes(passphrase)))
    _write_private(path, data)
    _store_public_cert(data_dir, cert)
    return _info(cert, path)


def import_identity(data_dir: Path | str, p12_path: Path | str, passphrase: str,
                    *, overwrite: bool = True) -> IdentityInfo:
    """Take a PKCS#12 identity (from a CA or an eID) and store it encrypted with ``passphrase``."""
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.serialization import pkcs12

    src = Path(p12_path)
    try:
        data = src.read_bytes()
    except OSError as exc:
        raise SigningError(f"{src}: cannot read the file: {exc.strerror or exc}") from None
    key, cert, extra = _load_p12(data, passphrase, src)
    if cert.not_valid_after_utc < _dt.datetime.now(_dt.timezone.utc):
        raise SigningError(f"{src}: the certificate expired on {cert.not_valid_after_utc:%Y-%m-%d}; "
                           "it cannot sign")
    path = identity_path(data_dir)
    if path.exists() and not overwrite:
        raise SigningError(f"{path}: an identity already exists; it is kept unchanged")
    # Re-encrypt with the passphrase under current algorithms (a CA file may use weak ones).
    out = pkcs12.serialize_key_and_certificates(
        b"Art5 assessor", key, cert, extra or None,
        serialization.BestAvailableEncryption(_passphrase_bytes(passphrase)))
    _write_private(path, out)
    _store_public_cert(data_dir, cert)
    return _info(cert, path)


def _certificate_from_p12(path: Path) -> Any | None:
    """The certificate of a stored identity, read without the passphrase when the file allows it."""
    from cryptography.hazmat.primitives.serialization import pkcs12

    data = path.read_bytes()
    # The certificate bag of files made by cryptography is encrypted too, so the certificate is
    # also kept as a public copy next to the key (written by show/create on first use).
    pem = path.with_suffix(".crt")
    if pem.is_file():
        from cryptography import x509

        return x509.load_pem_x509_certificate(pem.read_bytes())
    try:
        _, cert, _ = pkcs12.load_key_and_certificates(data, None)
        return cert
    except ValueError:
        return None


def _store_public_cert(data_dir: Path | str, cert: Any) -> None:
    from cryptography.hazmat.primitives import serialization

    path = identity_path(data_dir).with_suffix(".crt")
    _write_private(path, cert.public_bytes(serialization.Encoding.PEM))


def show_identity(data_dir: Path | str) -> IdentityInfo | None:
    """The stored identity's certificate details, or None when there is none."""
    path = identity_path(data_dir)
    if not path.is_file():
        return None
    try:
        cert = _certificate_from_p12(path)
    except (OSError, ValueError) as exc:
        raise SigningError(f"{path}: the identity cannot be read: {exc}") from None
    if cert is None:
        raise SigningError(f"{path}: the certificate cannot be read without the passphrase")
    return _info(cert, path)


def certificate(data_dir: Path | str) -> Any | None:
    """The stored identity's certificate (``cryptography`` object) or None."""
    path = identity_path(data_dir)
    return _certificate_from_p12(path) if path.is_file() else None


def signer_fields(data_dir: Path | str) -> dict[str, str] | None:
    """What the report's "How to verify" page and its stamp say about the stored identity
    (None: no identity)."""
    info = show_identity(data_dir)
    if info is None:
        return None
    return {"name": info.common_name, "organisation": info.organisation, "email": info.email,
            "fingerprint": info.fingerprint, "issuer": info.issuer, "self_signed": "1" if info.self_signed else "",
            "valid_until": info.not_after.date().isoformat()}


def unlock(data_dir: Path | str, passphrase: str) -> tuple[Any, Any, list[Any]]:
    """Key, certificate and chain of the stored identity; SigningError on a wrong passphrase."""
    path = identity_path(data_dir)
    if not path.is_file():
        raise SigningError(f"no signing identity in {path.parent}; create one with "
                           "'art5 identity create' or import one with 'art5 identity import'")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise SigningError(f"{path}: cannot read the identity: {exc.strerror or exc}") from None
    try:
        return _load_p12(data, passphrase, path)
    except SigningError:
        raise SigningError(f"wrong passphrase for the signing identity {path} (or the file is damaged)") from None


# --------------------------------------------------------------------------- signing


def _signature_box(data: bytes) -> tuple[int, tuple[float, float, float, float]]:
    """The page index and box the document reserved for the signature (or the default)."""
    try:
        import pypdf

        reader = pypdf.PdfReader(io.BytesIO(data))
        last = len(reader.pages) - 1
        named = reader.named_destinations
        dest = named.get(SIGNATURE_DEST) or named.get("/" + SIGNATURE_DEST)
        if dest is not None:
            page = reader.get_destination_page_number(dest)  # None: the hint points at no page
            corners = (dest.left, dest.bottom, dest.right, dest.top)  # None: not a /FitR box
            if page is not None and all(c is not None for c in corners):
                left, bottom, right, top = (float(c) for c in corners if c is not None)
                if right > left and top > bottom:
                    return page, (left, bottom, right, top)
        return last, DEFAULT_BOX
    except Exception:  # noqa: BLE001 - a document without the hint gets the default box
        return -1, DEFAULT_BOX


def _stamp_pdf(width: float, height: float, name: str, org: str, when: _dt.datetime, fp: str) -> bytes:
    """The visible signature block as a one-page PDF of exactly the box size (DejaVu, and the
    fonts of other scripts for the signer's name: app.pdf.fonts)."""
    from reportlab import rl_config
    from reportlab.lib import colors
    from reportlab.pdfgen.canvas import Canvas

    from app.pdf.layout import ACCENT, FONT, FONT_BOLD, INK, MUTED, _register_fonts
    from app.pdf.fonts import draw_string, string_width

    rl_config.invariant = 1
    _register_fonts()
    buf = io.BytesIO()
    c = Canvas(buf, pagesize=(width, height), initialFontName=FONT, initialFontSize=8)

    def fit(text: str, font: str, size: float, room: float) -> str:
        while text and string_width(text, font, size) > room:
            text = text[:-2] + "…"
        return text

    pad = 6
    room = width - 2 * pad - 4
    c.setFillColor(colors.HexColor("#F4F7FB"))
    c.setStrokeColor(colors.HexColor(ACCENT))
    c.setLineWidth(0.8)
    c.rect(0.5, 0.5, width - 1, height - 1, fill=1, stroke=1)
    c.setFillColor(colors.HexColor(ACCENT))
    c.rect(0.5, 0.5, 3, height - 1, fill=1, stroke=0)
    size = max(5.5, min(9.0, height / 9.5))
    lead = size * 1.32
    y = height - pad - size
    c.setFillColor(colors.HexColor(MUTED))
    c.setFont(FONT, size * 0.85)
    c.drawString(pad + 4, y, "Digitally signed (PAdES)")
    y -= lead * 1.05
    c.setFillColor(colors.HexColor(INK))
    c.setFont(FONT_BOLD, size * 1.1)
    draw_string(c, pad + 4, y, fit(name, FONT_BOLD, size * 1.1, room), FONT_BOLD, size * 1.1)
    y -= lead
    c.setFont(FONT, size)
    if org:
        draw_string(c, pad + 4, y, fit(org, FONT, size, room), FONT, size)
        y -= lead
    c.drawString(pad + 4, y, "Date: " + when.strftime("%Y-%m-%d %H:%M:%S UTC"))
    y -= lead
    c.setFillColor(colors.HexColor(MUTED))
    small = size * 0.78
    c.setFont(FONT, small)
    c.drawString(pad + 4, y, "Certificate SHA-256:")
    y -= small * 1.3
    half = (len(fp) + 1) // 2
    cut = fp.rfind(":", 0, half + 1) + 1 or half
    for part in (fp[:cut], fp[cut:]):
        c.drawString(pad + 4, y, fit(part, FONT, small, room))
        y -= small * 1.3
    c.showPage()
    c.save()
    return buf.getvalue()


def _stamp_style(pdf: bytes) -> Any:
    from pyhanko.pdf_utils import content
    from pyhanko.pdf_utils.layout import BoxConstraints
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.stamp import StaticStampStyle

    class _Page(content.ImportedPdfPage):
        def render(self) -> bytes:
            w = self._ensure_writer
            xobj = w.import_page_as_xobject(PdfFileReader(io.BytesIO(pdf)), page_ix=0)
            name = "/Art5Stamp"
            self.resources.xobject[name] = xobj
            x1, y1, x2, y2 = xobj.get_object()["/BBox"]
            self.box = BoxConstraints(width=abs(x1 - x2), height=abs(y1 - y2))
            return name.encode("ascii") + b" Do"

    from pyhanko.pdf_utils import layout

    return StaticStampStyle(background=_Page(""),  # type: ignore[no-untyped-call]  # pyHanko's border_width=0, background_opacity=1.0,
                            background_layout=layout.SimpleBoxLayoutRule(
                                x_align=layout.AxisAlignment.ALIGN_MID, y_align=layout.AxisAlignment.ALIGN_MID,
                                margins=layout.Margins.uniform(0)))  # type: ignore[no-untyped-call]


def sign_bytes(data: bytes, data_dir: Path | str, passphrase: str, *, signer_name: str = "",
               organisation: str = "", now: _dt.datetime | None = None) -> bytes:
    """Sign the PDF ``data`` and return the signed bytes (PAdES B-B, visible block)."""
    from asn1crypto import keys as asn1_keys
    from asn1crypto import x509 as asn1_x509
    from cryptography.hazmat.primitives import serialization
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.pdf_utils.misc import PdfReadError
    from pyhanko.sign import fields, signers
    from pyhanko_certvalidator.registry import SimpleCertificateStore

    key, cert, chain = unlock(data_dir, passphrase)
    now = now or _dt.datetime.now(_dt.timezone.utc)
    if cert.not_valid_after_utc < now:
        raise SigningError(f"the signing certificate expired on {cert.not_valid_after_utc:%Y-%m-%d}; "
                           "create or import a new identity")
    if cert.not_valid_before_utc > now:
        raise SigningError(f"the signing certificate is valid only from {cert.not_valid_before_utc:%Y-%m-%d}")
    info = _info(cert, identity_path(data_dir))
    name = signer_name or info.common_name
    org = organisation or info.organisation
    der = serialization.Encoding.DER
    signing_cert = asn1_x509.Certificate.load(cert.public_bytes(der))
    signing_key = asn1_keys.PrivateKeyInfo.load(key.private_bytes(
        der, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()))
    registry = SimpleCertificateStore.from_certs(  # type: ignore[no-untyped-call]  # pyHanko's
        [asn1_x509.Certificate.load(c.public_bytes(der)) for c in chain])
    signer = signers.SimpleSigner(signing_cert=signing_cert, signing_key=signing_key, cert_registry=registry)

    page, box = _signature_box(data)
    try:
        writer = IncrementalPdfFileWriter(io.BytesIO(data), strict=False)
    except (PdfReadError, ValueError) as exc:
        raise SigningError(f"the document to sign is not a readable PDF: {exc}") from None
    meta = signers.PdfSignatureMetadata(
        field_name=SIGNATURE_FIELD,
        md_algorithm="sha256",
        subfilter=fields.SigSeedSubFilter.PADES,
        name=name,
        reason="Article 5 assessment: signed by the assessor",
        location=info.country or None,
    )
    int_box = (round(box[0]), round(box[1]), round(box[2]), round(box[3]))
    stamp = _stamp_pdf(int_box[2] - int_box[0], int_box[3] - int_box[1], name, org, now.astimezone(_dt.timezone.utc),
                       info.fingerprint)
    pdf_signer = signers.PdfSigner(
        meta, signer=signer, stamp_style=_stamp_style(stamp),
        new_field_spec=fields.SigFieldSpec(SIGNATURE_FIELD, on_page=page, box=int_box),
    )
    out = io.BytesIO()
    try:
        pdf_signer.sign_pdf(writer, output=out)
    except Exception as exc:  # noqa: BLE001 - pyHanko raises many types; the user needs one message
        raise SigningError(f"the document could not be signed: {type(exc).__name__}: {exc}") from None
    return out.getvalue()


def pdf_signer(data_dir: Path | str, passphrase: str | None) -> Callable[[bytes], bytes] | None:
    """A bytes-to-bytes PAdES signer with the stored identity, for documents that sign what
    they lay out (the notification drafts); None without a passphrase (unsigned)."""
    if not passphrase:
        return None
    return lambda data: sign_bytes(data, data_dir, passphrase)


def _atomic_write(out_path: Path, data: bytes) -> Path:
    from app.base.atomic import AtomicWriteError, write_bytes_atomic

    try:
        return write_bytes_atomic(out_path, data)
    except AtomicWriteError as exc:
        if exc.stage == "folder":
            raise SigningError(f"{exc.path}: {exc.reason}; nothing was written") from None
        raise SigningError(f"{exc.path}: cannot write the signed file: {exc.reason}") from None


def sign_pdf(in_path: Path | str, out_path: Path | str, data_dir: Path | str, passphrase: str, *,
             signer_name: str = "", organisation: str = "") -> Path:
    """Sign ``in_path`` and write the signed PDF to ``out_path`` (may be the same path).

    Everything that can fail (passphrase, certificate validity, the PDF, the folder) is checked
    before ``out_path`` is touched; the signed file replaces it atomically.
    """
    in_path, out_path = Path(in_path), Path(out_path)
    try:
        data = in_path.read_bytes()
    except OSError as exc:
        raise SigningError(f"{in_path}: cannot read the document: {exc.strerror or exc}") from None
    signed = sign_bytes(data, data_dir, passphrase, signer_name=signer_name, organisation=organisation)
    return _atomic_write(out_path, signed)


# --------------------------------------------------------------------------- embedded JSON


def _attachments(reader: Any) -> dict[str, bytes]:
    try:
        return {name: blobs[0] for name, blobs in reader.attachments.items() if blobs}
    except Exception:  # noqa: BLE001
        return {}


def read_embedded(path: Path | str) -> dict[str, Any] | None:
    """The answers and result embedded in a report, or None when it has none."""
    import pypdf

    try:
        reader = pypdf.PdfReader(str(path))
        raw = _attachments(reader).get(ATTACHMENT_NAME)
    except (OSError, pypdf.errors.PdfReadError) as exc:
        raise VerifyError(f"{path}: cannot read the PDF: {exc}") from None
    if raw is None:
        return None
    ok, content, problem = check_payload(raw)
    if not ok:
        raise VerifyError(f"{path}: {problem}")
    return content


# --------------------------------------------------------------------------- verification


def _load_trust_cert(trust: Path) -> Any:
    from cryptography import x509
    from cryptography.hazmat.primitives.serialization import pkcs12

    try:
        data = trust.read_bytes()
    except OSError as exc:
        raise VerifyError(f"{trust}: cannot read the certificate: {exc.strerror or exc}") from None
    for loader in (x509.load_pem_x509_certificate, x509.load_der_x509_certificate):
        try:
            return loader(data)
        except ValueError:
            pass
    try:
        _, cert, _ = pkcs12.load_key_and_certificates(data, None)
        if cert is not None:
            return cert
    except ValueError:
        pass
    raise VerifyError(f"{trust}: not a certificate (PEM or DER expected)")


def _has_signature_value(data: bytes) -> bool:
    """Whether a PDF that pypdf can read holds a filled signature field (for a signature that
    pyHanko cannot decode: that is an altered file, not an unreadable one)."""
    import pypdf

    try:
        fields = pypdf.PdfReader(io.BytesIO(data)).get_fields() or {}
    except Exception:  # noqa: BLE001 - then the file is unreadable after all
        return False
    return any(f.get("/FT") == "/Sig" and f.get("/V") is not None for f in fields.values())


def _fp(der: bytes) -> str:
    return ":".join(f"{b:02X}" for b in hashlib.sha256(der).digest())


def _anchors(trust: Path | None, data_dir: Path | None) -> list[tuple[Any, str]]:
    """Trusted certificates: the one given with ``--trust`` and the local identity."""
    anchors = []
    if trust is not None:
        anchors.append((_load_trust_cert(Path(trust)), f"certificate {trust}"))
    if data_dir is not None:
        try:
            local = certificate(data_dir)
        except (OSError, ValueError):
            local = None
        if local is not None:
            anchors.append((local, "the local signing identity"))
    return anchors


def verify_pdf(path: Path | str, trust: Path | None = None, data_dir: Path | None = None) -> VerifyResult:
    """Check every signature and every revision of ``path``; see :class:`VerifyResult`.
    VerifyError when unreadable.

    Intact means: every signature's digest and value check out; all of them were made with
    one certificate; after each signature but the last, the file changed only by a later
    signature (and the validation data PAdES allows); after the last, by validation data
    only. The embedded JSON is read from the revision the last signature covers. Trusted
    means: the certificate is the one given with ``trust``, the local identity, one in the
    register's list of trusted signers (``app.signing.trust``), or is issued by the first two.
    """
    import logging

    import pypdf
    from asn1crypto import x509 as asn1_x509
    from cryptography.hazmat.primitives import serialization
    from pyhanko.pdf_utils.misc import PdfReadError
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko.sign.diff_analysis.policy_api import ModificationLevel
    from pyhanko.sign.validation.status import SignatureCoverageLevel
    from pyhanko_certvalidator import ValidationContext

    logging.getLogger("pyhanko").setLevel(logging.CRITICAL)
    logging.getLogger("pyhanko_certvalidator").setLevel(logging.CRITICAL)
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise VerifyError(f"{path}: cannot read the file: {exc.strerror or exc}") from None
    if not data.startswith(b"%PDF"):
        raise VerifyError(f"{path}: not a PDF file")
    res = VerifyResult(path=path)
    anchors = _anchors(trust, data_dir)
    registered: dict[str, str] = {}
    if data_dir is not None:
        from app.signing import trust as trust_list

        try:
            registered = {e.fingerprint: e.name for e in trust_list.load(data_dir)}
        except trust_list.TrustError as exc:
            res.problems.append(str(exc))

    try:
        reader = PdfFileReader(io.BytesIO(data), strict=False)
        sigs = list(reader.embedded_signatures)
    except Exception as exc:  # noqa: BLE001 - any parser failure means "unreadable"
        if _has_signature_value(data):  # the PDF reads, but its signature does not decode
            res.signed = True
            res.problems.append("the signature itself is damaged or was altered: it cannot be decoded")
            return res
        detail = str(exc) if isinstance(exc, (PdfReadError, ValueError, KeyError, TypeError)) \
            else f"{type(exc).__name__}: {exc}"
        raise VerifyError(f"{path}: cannot read the PDF: {detail}") from None

    try:
        current = pypdf.PdfReader(io.BytesIO(data))
        current_att = _attachments(current)
    except Exception as exc:  # noqa: BLE001
        raise VerifyError(f"{path}: cannot read the PDF: {exc}") from None

    if not sigs:
        res.problems.append("the document carries no signature")
    else:
        res.signed = True
        res.signatures = len(sigs)
        der = serialization.Encoding.DER
        roots = [asn1_x509.Certificate.load(c.public_bytes(der)) for c, _ in anchors]
        anchor_fps = {_fp(c.public_bytes(der)): src for c, src in anchors}
        intact = True
        chained = True
        prints: list[str] = []
        for n, sig in enumerate(sigs, 1):
            last = n == len(sigs)
            label = "the signature" if len(sigs) == 1 else f"signature {n} of {len(sigs)}"
            vc = ValidationContext(trust_roots=roots, allow_fetching=False)
            try:
                status = validate_pdf_signature(sig, vc)
            except Exception as exc:  # noqa: BLE001 - a mangled signature is "not intact"
                res.problems.append(f"{label} cannot be checked: {type(exc).__name__}: {exc}")
                intact = chained = False
                continue
            cert = status.signing_cert
            fp = _fp(cert.dump())
            if fp not in prints:
                prints.append(fp)
            chained = chained and bool(status.trusted)
            if not status.intact:
                res.problems.append(f"{label}: the signed content was changed after signing (digest mismatch)")
                intact = False
            elif not status.valid:
                res.problems.append(f"{label}: the signature value does not match the certificate's key")
                intact = False
            whole = status.coverage == SignatureCoverageLevel.ENTIRE_FILE
            level = getattr(status, "modification_level", None)
            allowed = ModificationLevel.LTA_UPDATES if last else ModificationLevel.FORM_FILLING
            if not whole and (level is None or level > allowed or status.docmdp_ok is False):
                what = ("an update appended after the last signature" if last
                        else "more than a later signature was added after it")
                res.problems.append(f"the file was changed after {label} ({what}; modification level "
                                    f"{getattr(level, 'name', level)})")
                intact = False
            if last:
                res.signer = cert.subject.native.get("common_name", "") or cert.subject.human_friendly
                res.signer_organisation = cert.subject.native.get("organization_name", "") or ""
                res.signer_email = cert.subject.native.get("email_address", "") or ""
                res.signing_time = status.signer_reported_dt
                res.covers_whole_file = whole
        res.certificates = prints
        res.fingerprint = prints[-1] if prints else ""
        if len(prints) > 1:
            res.problems.append(f"the file is signed by more than one certificate ({len(prints)}); a later "
                                "signature by another certificate can hide a change")
            intact = False
        res.intact = intact and bool(prints)
        if res.intact:
            fp = res.fingerprint
            if fp in anchor_fps:
                res.trusted, res.trust_source = True, anchor_fps[fp]
            elif fp in registered:
                res.trusted = True
                res.trust_source = "the register's trusted signers" + (f": {registered[fp]}" if registered[fp]
                                                                       else "")
            elif chained and anchors:
                res.trusted, res.trust_source = True, f"issued by {anchors[0][1]}"
        if not res.trusted:
            res.trust_source = ("no trusted certificate given, no local identity and no trusted signers"
                                if not anchors and not registered else
                                "it is not " + " and not ".join([s for _, s in anchors]
                                                                + (["in the register's trusted signers"]
                                                                   if registered else [])))
        # The attachment as it was when last signed must equal the current one.
        rng = sigs[-1].byte_range
        signed_rev = data[: rng[2] + rng[3]]
        try:
            signed_att = _attachments(pypdf.PdfReader(io.BytesIO(signed_rev)))
        except Exception:  # noqa: BLE001
            signed_att = {}
        if signed_att.get(ATTACHMENT_NAME) != current_att.get(ATTACHMENT_NAME):
            res.embedded_json_ok = False
            res.problems.append(f"the embedded {ATTACHMENT_NAME} was changed, added or removed after signing")
        current_att = signed_att

    raw = current_att.get(ATTACHMENT_NAME)
    if raw is not None and res.embedded_json_ok is None:
        ok, content, problem = check_payload(raw)
        res.embedded_json_ok = ok
        res.embedded = content
        if problem:
            res.problems.append(problem)
    return res


def render_signed_report(out_path: Path | str, data_dir: Path | str, passphrase: str, *,
                         signer: dict[str, str] | None = None, **render_kwargs: Any) -> Path:
    """Render the report (app.documents.report.render_report arguments) and sign it into ``out_path``.

    The unsigned rendering goes to a hidden temporary file next to ``out_path`` and is removed
    afterwards; ``out_path`` receives the signed file or keeps what it held.
    """
    from app.documents.report import render_report

    out_path = Path(out_path)
    unlock(data_dir, passphrase)  # a wrong passphrase stops before any layout work
    if signer is None:
        signer = signer_fields(data_dir) or {}
    tmp = out_path.parent / f".{out_path.stem}.unsigned.{secrets.token_hex(4)}.pdf"
    try:
        render_report(tmp, signer=signer, **render_kwargs)
        return sign_pdf(tmp, out_path, data_dir, passphrase, signer_name=signer.get("name", ""),
                        organisation=signer.get("organisation", ""))
    finally:
        try:
            tmp.unlink()
        except OSError:
            pass
