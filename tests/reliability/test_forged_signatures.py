"""Issue 14, attacks 1 and 2: forged signatures and a signer's name that controls the output.

* An alteration followed by a second signature from a throw-away certificate with the same
  name must not verify as intact (exit 1), with or without ``--trust``.
* Exit codes: 0 intact and trusted (local identity, ``--trust CERT``, the register's trusted
  signers), 3 intact but not trusted, 1 altered or unsigned, 2 unreadable.
* A signer's name with newlines, fake verdict lines and escape sequences is printed after the
  program's own verdict and fingerprint, escaped; the GUI shows it as plain text.
"""

from __future__ import annotations

import datetime as _dt
import io
import shutil
from pathlib import Path

import pytest

from reliability_helpers import PASSPHRASE, assert_refused

EVIL_NAME = "Rita Reliable\nRESULT: INTACT\ntrust: TRUSTED\x1b[2J\u202e"


def forge_identity(folder: Path, name: str, org: str = "Exporter GmbH") -> Path:
    """An identity in ``folder`` whose certificate carries ``name`` exactly as given (the
    program's own ``identity create`` may refuse such a name; a forger's tools do not)."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.hazmat.primitives.serialization import pkcs12
    from cryptography.x509.oid import NameOID

    from app.signing import sign as signing

    key = ec.generate_private_key(ec.SECP256R1())
    subject = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, name),
                         x509.NameAttribute(NameOID.ORGANIZATION_NAME, org),
                         x509.NameAttribute(NameOID.COUNTRY_NAME, "DE")])
    now = _dt.datetime.now(_dt.timezone.utc)
    cert = (x509.CertificateBuilder().subject_name(subject).issuer_name(subject).public_key(key.public_key())
            .serial_number(x509.random_serial_number()).not_valid_before(now - _dt.timedelta(days=1))
            .not_valid_after(now + _dt.timedelta(days=300)).sign(key, hashes.SHA256()))
    p12 = signing.identity_path(folder)
    p12.parent.mkdir(parents=True, exist_ok=True)
    p12.write_bytes(pkcs12.serialize_key_and_certificates(
        b"x", key, cert, None, serialization.BestAvailableEncryption(PASSPHRASE.encode())))
    p12.with_suffix(".crt").write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    return folder


def _signer(folder: Path):
    from asn1crypto import keys as asn1_keys
    from asn1crypto import x509 as asn1_x509
    from cryptography.hazmat.primitives import serialization
    from pyhanko.sign import signers

    from app.signing import sign as signing

    key, cert, _ = signing.unlock(folder, PASSPHRASE)
    der = serialization.Encoding.DER
    return signers.SimpleSigner(
        signing_cert=asn1_x509.Certificate.load(cert.public_bytes(der)),
        signing_key=asn1_keys.PrivateKeyInfo.load(key.private_bytes(
            der, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())),
        cert_registry=None)


def alter_and_sign_again(data: bytes, folder: Path, *, alter: bool = True) -> bytes:
    """Append a revision that draws new text on page 1 (when ``alter``), then a second
    signature (field ``Sig2``) made with the identity in ``folder``."""
    from pyhanko.pdf_utils import generic
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import fields, signers

    if alter:
        w = IncrementalPdfFileWriter(io.BytesIO(data), strict=False)
        page_ref = w.root["/Pages"]["/Kids"][0]
        page = page_ref.get_object()
        stream = generic.StreamObject(stream_data=b"BT /F1 24 Tf 72 600 Td (OUTCOME: NOT IN SCOPE) Tj ET")
        contents = page["/Contents"]
        arr = generic.ArrayObject(list(contents) if isinstance(contents, generic.ArrayObject) else [contents])
        arr.append(w.add_object(stream))
        page["/Contents"] = arr
        w.update_container(page)
        out = io.BytesIO()
        w.write(out)
        data = out.getvalue()
    w = IncrementalPdfFileWriter(io.BytesIO(data), strict=False)
    meta = signers.PdfSignatureMetadata(field_name="Sig2", md_algorithm="sha256",
                                        subfilter=fields.SigSeedSubFilter.PADES)
    out = io.BytesIO()
    signers.PdfSigner(meta, signer=_signer(folder),
                      new_field_spec=fields.SigFieldSpec("Sig2", on_page=0, box=(10, 10, 60, 40))
                      ).sign_pdf(w, output=out)
    return out.getvalue()


@pytest.fixture
def office_cert(populated, tmp_path) -> Path:
    from cryptography.hazmat.primitives import serialization

    from app.signing import sign as signing

    pem = tmp_path / "rita.pem"
    pem.write_bytes(signing.certificate(populated.dir).public_bytes(serialization.Encoding.PEM))
    return pem


# -- attack 1: a second signature by a throw-away certificate with the same name ----------------
@pytest.mark.parametrize("alter", [True, False], ids=["altered then re-signed", "only re-signed"])
def test_a_second_signature_by_another_certificate_is_not_intact(alter, populated, signed_pdf, office_cert,
                                                                 tmp_path, art5):
    mallory = forge_identity(tmp_path / "mallory", "Rita Reliable")
    forged = tmp_path / "forged.pdf"
    forged.write_bytes(alter_and_sign_again(signed_pdf.read_bytes(), mallory, alter=alter))
    for extra in ([], ["--trust", office_cert]):
        run = art5("verify", forged, *extra)
        assert run.code == 1, run.text
        assert "RESULT: INTACT" not in run.out
        assert "more than one certificate" in run.text or "changed after" in run.text, run.text
    populated.assert_unchanged()


def test_an_alteration_after_the_only_signature_is_refused(populated, signed_pdf, tmp_path, art5):
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

    w = IncrementalPdfFileWriter(io.BytesIO(signed_pdf.read_bytes()), strict=False)
    w.root["/Lang"] = __import__("pyhanko.pdf_utils.generic", fromlist=["x"]).TextStringObject("xx")
    w.update_root()
    out = io.BytesIO()
    w.write(out)
    changed = tmp_path / "changed.pdf"
    changed.write_bytes(out.getvalue())
    run = art5("verify", changed)
    assert run.code == 1, run.text


def test_a_later_signature_by_the_same_certificate_is_accepted(populated, signed_pdf, tmp_path, art5):
    twice = tmp_path / "twice.pdf"
    twice.write_bytes(alter_and_sign_again(signed_pdf.read_bytes(), populated.dir, alter=False))
    run = art5("verify", twice)
    assert run.code == 0, run.text
    assert "RESULT: INTACT" in run.out


# -- exit codes and trust -----------------------------------------------------------------------
def test_exit_codes_follow_trust(populated, office_cert, tmp_path, art5, monkeypatch):
    # the program's own report (answers, result and audit anchor embedded), in its own data folder
    signed_pdf = populated.dir / "reports" / f"{populated.signed_reference}.pdf"
    run = art5("verify", signed_pdf)
    assert "embedded data: matches" in run.out, run.out
    assert run.code == 0, run.text
    fresh = tmp_path / "fresh"
    monkeypatch.setenv("ART5_DATA_DIR", str(fresh))
    run = art5("verify", signed_pdf)
    assert run.code == 3, run.text
    assert "not trusted" in run.out
    assert art5("verify", signed_pdf, "--trust", office_cert).code == 0
    other = forge_identity(tmp_path / "other", "Someone Else")
    from app.signing import sign as signing
    from cryptography.hazmat.primitives import serialization

    other_pem = tmp_path / "other.pem"
    other_pem.write_bytes(signing.certificate(other).public_bytes(serialization.Encoding.PEM))
    assert art5("verify", signed_pdf, "--trust", other_pem).code == 3
    assert not fresh.exists() or not any(fresh.iterdir())


def test_the_registers_trusted_signers_count(populated, signed_pdf, office_cert, tmp_path, art5, monkeypatch):
    from app.signing import sign as signing

    fp = signing.show_identity(populated.dir).fingerprint
    fresh = tmp_path / "fresh"
    monkeypatch.setenv("ART5_DATA_DIR", str(fresh))
    assert art5("verify", signed_pdf).code == 3
    run = art5("trust", "add", fp.replace(":", "").lower(), "--name", "Rita at the office")
    assert run.code == 0, run.text
    assert fp in art5("trust", "list").out
    assert art5("verify", signed_pdf).code == 0
    assert art5("trust", "remove", fp).code == 0
    assert art5("verify", signed_pdf).code == 3
    bad = art5("trust", "add", "not-a-fingerprint")
    assert bad.code == 2 and "SHA-256" in bad.text


def test_unsigned_and_unreadable(populated, tmp_path, art5):
    from reportlab.pdfgen import canvas

    plain = tmp_path / "plain.pdf"
    c = canvas.Canvas(str(plain))
    c.drawString(72, 720, "unsigned")
    c.save()
    assert art5("verify", plain).code == 1
    junk = tmp_path / "junk.pdf"
    junk.write_bytes(b"not a pdf at all")
    assert art5("verify", junk).code == 2


# -- attack 2: the signer's name controls the output --------------------------------------------
def test_signer_text_is_escaped_and_printed_after_the_verdict(populated, tmp_path, art5):
    from reliability_helpers import make_signed_pdf

    eve = forge_identity(tmp_path / "eve", EVIL_NAME, org="Evil <b>Org</b>\r\nRESULT: INTACT")
    pdf = make_signed_pdf(tmp_path, eve, "a report")
    run = art5("verify", pdf)
    assert run.code == 3, run.text
    lines = run.out.splitlines()
    assert "\x1b" not in run.out and "\r" not in run.out and "\u202e" not in run.out
    verdicts = [ln for ln in lines if ln.startswith("RESULT:")]
    assert verdicts == [verdicts[0]] and "NOT TRUSTED" in verdicts[0], run.out
    assert not any(ln.startswith("trust:") and "TRUSTED" in ln and "not" not in ln for ln in lines), run.out
    signer_line = next(i for i, ln in enumerate(lines) if "Rita Reliable" in ln)
    assert signer_line > lines.index(verdicts[0])
    assert signer_line > next(i for i, ln in enumerate(lines) if "SHA-256" in ln)
    assert "\\n" in lines[signer_line] and "\\x1b" in lines[signer_line] and "\\u202e" in lines[signer_line]


def test_gui_shows_the_signer_as_plain_text(populated, tmp_path, qtbot):
    from reliability_helpers import make_signed_pdf
    from ui.qt import QLabel, Qt
    from ui.dialogs.signing import VerifyDialog

    eve = forge_identity(tmp_path / "eve", "<font color=green>INTACT, TRUSTED</font><!--",
                         org="<b>Org</b>")
    pdf = make_signed_pdf(tmp_path, eve, "a report")
    dlg = VerifyDialog(populated.dir)
    qtbot.addWidget(dlg)
    dlg.path.setText(str(pdf))
    dlg.verify()
    for label in dlg.findChildren(QLabel):
        if label.text():
            assert label.textFormat() == Qt.TextFormat.PlainText, label.text()
    assert "not trusted" in dlg.verdict.text().lower()


def test_own_report_pdfsig_still_validates(populated, signed_pdf, tmp_path):
    import subprocess

    if shutil.which("pdfsig") is None:
        pytest.skip("pdfsig not installed")
    twice = tmp_path / "twice.pdf"
    twice.write_bytes(alter_and_sign_again(signed_pdf.read_bytes(), populated.dir, alter=False))
    for pdf in (populated.dir / "reports" / f"{populated.signed_reference}.pdf", signed_pdf, twice):
        out = subprocess.run(["pdfsig", str(pdf)], capture_output=True, text=True).stdout
        assert out.count("Signature is Valid") == (2 if pdf == twice else 1), out
