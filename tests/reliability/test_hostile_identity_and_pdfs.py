"""Hostile PKCS#12 files (``art5 identity import``), a damaged stored identity
(``art5 identity show``) and hostile PDFs given to ``art5 verify``.

Identity rows: exit 2, the file named, the problem in plain words, and the identity already
stored (and everything else in the data folder) unchanged. Verify rows: exit 1 for a PDF that is
unsigned or altered, 2 for one that cannot be read, the file named, no traceback.
"""

from __future__ import annotations

import datetime as _dt

import pytest
import yaml
from helpers.answer_sets import NOTIFY_DE_TO_CN_COMPLETE

from reliability_helpers import PASSPHRASE, assert_refused


def _p12(tmp_path, *, key=True, expired=False, passphrase=PASSPHRASE) -> bytes:
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.hazmat.primitives.serialization import pkcs12
    from cryptography.x509.oid import NameOID

    k = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Eve Expired" if expired else "Carl CA")])
    now = _dt.datetime.now(_dt.timezone.utc)
    start, end = (now - _dt.timedelta(days=400), now - _dt.timedelta(days=35)) if expired else \
        (now - _dt.timedelta(days=1), now + _dt.timedelta(days=300))
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(k.public_key())
            .serial_number(x509.random_serial_number()).not_valid_before(start).not_valid_after(end)
            .sign(k, hashes.SHA256()))
    enc = serialization.BestAvailableEncryption(passphrase.encode())
    return pkcs12.serialize_key_and_certificates(b"x", k if key else None, cert, None, enc)


P12_CASES = {
    # id -> (builder(tmp_path) -> bytes, words)
    "wrong passphrase": (lambda t: _p12(t, passphrase="another pass 2"), ["wrong passphrase"]),
    "random bytes": (lambda t: bytes(range(256)) * 10, ["not a PKCS#12 identity"]),
    "empty file": (lambda t: b"", ["not a PKCS#12 identity"]),
    "a PEM certificate": (lambda t: b"-----BEGIN CERTIFICATE-----\nMIIBszCCAVmgAwIBAgIU\n-----END CERTIFICATE-----\n",
                          ["not a PKCS#12 identity"]),
    "cut in half": (lambda t: _p12(t)[: len(_p12(t)) // 2], ["not a PKCS#12 identity"]),
    "certificate without its key": (lambda t: _p12(t, key=False), ["no private key"]),
    "expired certificate": (lambda t: _p12(t, expired=True), ["expired"]),
}


@pytest.mark.parametrize("case", list(P12_CASES))
def test_bad_pkcs12_is_refused_and_the_stored_identity_kept(case, tmp_path, populated, passphrase_env, art5):
    build, words = P12_CASES[case]
    path = tmp_path / "identity from the CA.p12"
    path.write_bytes(build(tmp_path))
    shown = art5("identity", "show").out
    run = art5("identity", "import", path, "--passphrase-env", passphrase_env)
    assert_refused(run, path, *words, code=2)
    populated.assert_unchanged()
    assert art5("identity", "show").out == shown


@pytest.mark.parametrize("kind", ["missing", "folder", "passphrase variable unset"])
def test_unreadable_pkcs12_or_no_passphrase(kind, tmp_path, populated, art5, monkeypatch):
    path = tmp_path / "id.p12"
    path.write_bytes(_p12(tmp_path))
    monkeypatch.setenv("P12_PASS", PASSPHRASE)
    if kind == "missing":
        path.unlink()
        words, named = ["cannot read the file"], path
    elif kind == "folder":
        path.unlink()
        path.mkdir()
        words, named = ["cannot read the file"], path
    else:
        monkeypatch.delenv("P12_PASS")
        words, named = ["P12_PASS", "not set"], None
    assert_refused(art5("identity", "import", path, "--passphrase-env", "P12_PASS"), named, *words, code=2)
    populated.assert_unchanged()


def test_a_damaged_stored_identity_is_named(populated, art5):
    """``identity show`` reads the public certificate kept next to the key."""
    crt = populated.dir / "identity" / "assessor.crt"
    crt.write_bytes(crt.read_bytes()[:100])
    assert_refused(art5("identity", "show"), populated.dir / "identity" / "assessor.p12", "cannot be read", code=2)


def test_signing_with_a_damaged_stored_key_names_it_and_writes_nothing(tmp_path, populated, passphrase_env, art5):
    key = populated.dir / "identity" / "assessor.p12"
    key.write_bytes(key.read_bytes()[:200])
    answers = tmp_path / "answers.yaml"
    answers.write_text(yaml.safe_dump({"questionnaire": "art5", "answers": NOTIFY_DE_TO_CN_COMPLETE}), encoding="utf-8")
    out = tmp_path / "out"
    run = art5("assess", "--answers", answers, "--out", out, "--sign", "--passphrase-env", passphrase_env, "--no-save")
    assert_refused(run, key, "or the file is damaged", code=2)
    assert not (out / "report.pdf").exists()


# -- art5 verify ------------------------------------------------------------------------------------
def _flip_in_signed_range(data: bytes) -> bytes:
    i = data.index(b"Hello report") if b"Hello report" in data else data.index(b"A signed report")
    return data[:i] + b"B" + data[i + 1:]


PDF_CASES = {
    # id -> (make(signed bytes, unsigned bytes) -> bytes, exit code, words)
    "not signed": (lambda s, u: u, 1, ["NOT SIGNED"]),
    "one byte changed after signing": (lambda s, u: _flip_in_signed_range(s), 1, ["NOT INTACT"]),
    "cut in half": (lambda s, u: s[: len(s) // 2], 2, ["cannot read the PDF"]),
    "last 200 bytes cut": (lambda s, u: s[:-200], None, []),
    "not a PDF": (lambda s, u: bytes(range(256)) * 20, 2, ["not a PDF"]),
    "empty file": (lambda s, u: b"", 2, ["not a PDF"]),
    "PDF header, then junk": (lambda s, u: b"%PDF-1.7\n" + bytes(range(256)) * 20, 2, ["cannot read the PDF"]),
    "signature bytes zeroed": (lambda s, u: s.replace(s[s.index(b"/Contents <") + 11:s.index(b"/Contents <") + 211],
                                                      b"0" * 200), 1, ["NOT INTACT", "cannot be decoded"]),
}


@pytest.fixture
def unsigned_pdf(tmp_path):
    from reportlab.pdfgen import canvas

    path = tmp_path / "plain.pdf"
    c = canvas.Canvas(str(path), pageCompression=0)
    c.drawString(72, 720, "Hello report")
    c.save()
    return path.read_bytes()


@pytest.mark.parametrize("case", list(PDF_CASES))
def test_verify_names_the_damage(case, tmp_path, populated, signed_pdf, unsigned_pdf, art5):
    make, code, words = PDF_CASES[case]
    path = tmp_path / "report to check.pdf"
    path.write_bytes(make(signed_pdf.read_bytes(), unsigned_pdf))
    run = art5("verify", path)
    assert_refused(run, path, *words, code=code)
    assert "RESULT: INTACT" not in run.out
    populated.assert_unchanged()


def test_verify_accepts_the_intact_report(populated, signed_pdf, art5):
    """The control row: the same signed report, unchanged, verifies (so the rows above test the damage)."""
    run = art5("verify", signed_pdf)
    assert run.code == 0 and "RESULT: INTACT" in run.out, run.text


@pytest.mark.parametrize("kind", ["missing", "folder"])
def test_verify_missing_file_or_folder(kind, tmp_path, art5):
    path = tmp_path / "report.pdf"
    if kind == "folder":
        path.mkdir()
    assert_refused(art5("verify", path), path, code=2)
