"""Signing identity, PAdES signatures checked by poppler's pdfsig (an independent validator)
and by `art5 verify`, the embedded JSON, and the failures a user must see clearly. No Qt."""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from app.assessment import engine
from app.documents import report
from app.signing import sign as signing
from app.questionnaire.model import load
from helpers.answer_sets import NOTIFY_DE_TO_CN, NOTIFY_DE_TO_CN_COMPLETE

ROOT = Path(__file__).resolve().parent.parent
ART5 = ROOT / "questionnaires" / "art5-1.0.0.yaml"
PASS = "correct horse battery"
PDFSIG = shutil.which("pdfsig")
needs_pdfsig = pytest.mark.skipif(PDFSIG is None, reason="poppler-utils (pdfsig) is not installed")

ANSWERS = {**NOTIFY_DE_TO_CN_COMPLETE, "item.name": "Интерсептор Ωmega Müller"}
PROFILE = {"name": "Example Exporter GmbH", "address": "Hauptstraße 5\n10115 Berlin", "eori": "DE1",
           "member_state": "DE", "contact_name": "Jane Doe", "contact_email": "jane@example.com"}
META = {"reference": "A5-2026-0042", "title": "Argus export", "status": "finished",
        "created_at": "2026-03-01T09:15:00+00:00", "updated_at": "2026-03-02T16:40:12+00:00",
        "finished_at": "2026-03-02T16:41:00+00:00", "generated_at": "2026-03-02T16:45:00+00:00"}


def art5(*args, data_dir, env=None):
    e = dict(os.environ, **(env or {}))
    return subprocess.run([sys.executable, "-m", "app", "--data-dir", str(data_dir), *args], cwd=ROOT,
                          capture_output=True, text=True, timeout=120, env=e)


@pytest.fixture(scope="module")
def qn():
    return load(ART5)


@pytest.fixture
def identity(data_dir):
    return signing.create_identity(data_dir, "Jana Nováková", "Example Exporter GmbH", "jana@example.com", "DE", PASS)


def signer_fields(info):
    return {"name": info.common_name, "organisation": info.organisation, "email": info.email,
            "fingerprint": info.fingerprint, "self_signed": "1", "valid_until": info.not_after.date().isoformat(),
            "issuer": info.issuer}


def render(path, qn, info=None):
    result = engine.decide(qn, ANSWERS)
    return report.render_report(path, questionnaire=qn, answers=ANSWERS, result=result, profile=PROFILE,
                                meta=META, signer=signer_fields(info) if info else None)


@pytest.fixture
def signed(tmp_path, qn, data_dir, identity):
    unsigned = render(tmp_path / "unsigned.pdf", qn, identity)
    return signing.sign_pdf(unsigned, tmp_path / "report.pdf", data_dir, PASS)


def pdfsig(path):
    return subprocess.run([PDFSIG, str(path)], capture_output=True, text=True, timeout=60).stdout


def flip_byte_in_signed_range(src: Path, dst: Path) -> None:
    data = bytearray(src.read_bytes())
    start = data.index(b"stream\n", 2000) + 40  # inside a content stream of the signed revision
    rng_at = data.rindex(b"/ByteRange")
    assert start < rng_at
    data[start] ^= 0x01
    dst.write_bytes(bytes(data))


# --------------------------------------------------------------------------- identity


def test_identity_is_encrypted_owner_only_and_shows_its_fingerprint(data_dir, identity):
    p12 = data_dir / "identity" / "assessor.p12"
    assert stat.S_IMODE(p12.stat().st_mode) == 0o600
    assert stat.S_IMODE(p12.parent.stat().st_mode) == 0o700
    raw = p12.read_bytes()
    assert PASS.encode() not in raw and b"BEGIN PRIVATE KEY" not in raw
    from cryptography.hazmat.primitives.serialization import pkcs12

    with pytest.raises(ValueError):
        pkcs12.load_key_and_certificates(raw, None)  # the key needs the passphrase
    shown = signing.show_identity(data_dir)
    assert shown.fingerprint == identity.fingerprint and len(shown.fingerprint) == 95
    assert shown.common_name == "Jana Nováková" and shown.self_signed and not shown.expired
    with pytest.raises(signing.SigningError, match="already exists"):
        signing.create_identity(data_dir, "X", "Y", "x@y.z", "DE", PASS)


def test_cli_identity_create_show_import(tmp_path):
    d = tmp_path / "d"
    r = art5("identity", "show", data_dir=d)
    assert r.returncode == 1 and "no signing identity" in r.stderr
    r = art5("identity", "create", "--name", "A B", "--organisation", "Org", "--email", "a@b.c", "--country", "DE",
             "--passphrase-env", "ART5_TEST_PW", data_dir=d)
    assert r.returncode == 2 and "ART5_TEST_PW is not set" in r.stderr
    r = art5("identity", "create", "--name", "A B", "--organisation", "Org", "--email", "a@b.c", "--country", "DE",
             "--passphrase-env", "ART5_TEST_PW", data_dir=d, env={"ART5_TEST_PW": PASS})
    assert r.returncode == 0, r.stderr
    fp = signing.show_identity(d).fingerprint
    r = art5("identity", "show", data_dir=d)
    assert r.returncode == 0 and fp in r.stdout and "CN=A B" in r.stdout and "valid until" in r.stdout
    # import: a PKCS#12 from elsewhere replaces it
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.serialization import pkcs12

    other = signing.create_identity(tmp_path / "ca", "C D", "Org2", "c@d.e", "FR", "other-pass-1")
    key, cert, _ = signing.unlock(tmp_path / "ca", "other-pass-1")
    p12 = tmp_path / "eid.p12"
    p12.write_bytes(pkcs12.serialize_key_and_certificates(b"x", key, cert, None,
                                                          serialization.BestAvailableEncryption(b"eid-pass")))
    r = art5("identity", "import", str(p12), "--passphrase-env", "P", data_dir=d, env={"P": "bad-pass"})
    assert r.returncode == 2 and "wrong passphrase" in r.stderr
    assert signing.show_identity(d).fingerprint == fp  # unchanged
    r = art5("identity", "import", str(p12), "--passphrase-env", "P", data_dir=d, env={"P": "eid-pass"})
    assert r.returncode == 0, r.stderr
    assert signing.show_identity(d).fingerprint == other.fingerprint


# --------------------------------------------------------------------------- signature


@needs_pdfsig
def test_signed_report_is_valid_for_pdfsig_and_art5_verify(signed, data_dir, identity):
    out = pdfsig(signed)
    assert "Signature Validation: Signature is Valid." in out
    assert "Total document signed" in out
    assert "Jana Nováková" in out
    res = signing.verify_pdf(signed, data_dir=data_dir)
    assert res.signed and res.intact and res.trusted
    assert res.signer == "Jana Nováková" and res.fingerprint == identity.fingerprint
    assert res.signing_time is not None and abs(res.signing_time - dt.datetime.now(dt.timezone.utc)) < dt.timedelta(
        minutes=5)
    assert res.embedded_json_ok is True and not res.problems
    r = art5("verify", str(signed), data_dir=data_dir)
    assert r.returncode == 0 and "RESULT: INTACT" in r.stdout and identity.fingerprint in r.stdout


def test_signed_report_has_visible_block_and_verify_page(signed, identity):
    import pypdf

    reader = pypdf.PdfReader(str(signed))
    last = reader.pages[-1]
    annots = [a.get_object() for a in last.get("/Annots", [])]
    sig = [a for a in annots if a.get("/FT") == "/Sig"]
    assert sig, "the signature field sits on the last page"
    x1, y1, x2, y2 = (float(v) for v in sig[0]["/Rect"])
    assert x2 - x1 > 200 and y2 - y1 > 60  # visible, not a zero-size field
    text = " ".join(last.extract_text().split())
    assert "How to verify this document" in text
    assert identity.fingerprint[:20] in text
    assert "not trusted" in text and "pdfsig" in text and "art5 verify" in text


@needs_pdfsig
def test_one_changed_byte_is_caught_by_pdfsig_and_art5_verify(signed, tmp_path, data_dir):
    bad = tmp_path / "tampered.pdf"
    flip_byte_in_signed_range(signed, bad)
    out = pdfsig(bad)
    assert "Signature is Valid" not in out
    assert "Digest Mismatch" in out or "Invalid" in out
    res = signing.verify_pdf(bad, data_dir=data_dir)
    assert res.signed and not res.intact and not res.trusted
    r = art5("verify", str(bad), data_dir=data_dir)
    assert r.returncode == 1 and "NOT INTACT" in r.stdout


def test_verify_exit_codes_unsigned_and_unreadable(tmp_path, qn, data_dir):
    unsigned = render(tmp_path / "unsigned.pdf", qn)
    r = art5("verify", str(unsigned), data_dir=data_dir)
    assert r.returncode == 1 and "NOT SIGNED" in r.stdout
    junk = tmp_path / "junk.pdf"
    junk.write_bytes(b"this is not a PDF")
    r = art5("verify", str(junk), data_dir=data_dir)
    assert r.returncode == 2 and "junk.pdf" in r.stderr
    r = art5("verify", str(tmp_path / "missing.pdf"), data_dir=data_dir)
    assert r.returncode == 2 and "missing.pdf" in r.stderr
    with pytest.raises(signing.VerifyError):
        signing.verify_pdf(junk)


def test_trust_against_a_given_certificate(signed, tmp_path):
    from cryptography.hazmat.primitives import serialization

    other_dir = tmp_path / "other"
    signing.create_identity(other_dir, "Mallory", "Other", "m@o.x", "FR", "other-pass-1")
    mine = signing.certificate(Path(os.environ["ART5_DATA_DIR"]))
    mine_pem = tmp_path / "mine.crt"
    mine_pem.write_bytes(mine.public_bytes(serialization.Encoding.PEM))
    other_pem = tmp_path / "other.crt"
    other_pem.write_bytes(signing.certificate(other_dir).public_bytes(serialization.Encoding.PEM))
    assert signing.verify_pdf(signed, trust=mine_pem).trusted
    res = signing.verify_pdf(signed, trust=other_pem)
    assert res.intact and not res.trusted  # valid signature, certificate not the trusted one
    res = signing.verify_pdf(signed)  # no trust anchor at all
    assert res.intact and not res.trusted


def test_embedded_json_matches_the_answers_and_result(signed, qn):
    content = signing.read_embedded(signed)
    assert content["answers"] == json.loads(json.dumps(ANSWERS))
    assert content["result"]["outcome"] == engine.decide(qn, ANSWERS).outcome == "NOTIFY"
    assert content["questionnaire"]["sha256"] == qn.sha256
    assert content["meta"]["reference"] == "A5-2026-0042"


def test_unsigned_report_stays_deterministic_with_the_attachment(tmp_path, qn):
    a = render(tmp_path / "a.pdf", qn).read_bytes()
    b = render(tmp_path / "b.pdf", qn).read_bytes()
    assert a == b and b"assessment.json" in a


# --------------------------------------------------------------------------- failures


def test_wrong_passphrase_writes_nothing(tmp_path, qn, data_dir, identity):
    unsigned = render(tmp_path / "unsigned.pdf", qn, identity)
    target = tmp_path / "out" / "report.pdf"
    with pytest.raises(signing.SigningError, match="wrong passphrase"):
        signing.sign_pdf(unsigned, target, data_dir, "not the passphrase")
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())
    # over an existing signed file: it stays as it was
    target.parent.mkdir(exist_ok=True)
    target.write_bytes(b"previous signed report")
    with pytest.raises(signing.SigningError):
        signing.sign_pdf(unsigned, target, data_dir, "not the passphrase")
    assert target.read_bytes() == b"previous signed report"
    assert sorted(p.name for p in target.parent.iterdir()) == ["report.pdf"]


def test_cli_sign_with_wrong_passphrase_leaves_no_report(tmp_path, data_dir, identity):
    answers = tmp_path / "a.yaml"
    answers.write_text(yaml.safe_dump({"questionnaire": "art5", "answers": ANSWERS}), encoding="utf-8")
    out = tmp_path / "out"
    r = art5("assess", "--answers", str(answers), "--out", str(out), "--sign", "--passphrase-env", "PW",
             data_dir=data_dir, env={"PW": "wrong-wrong"})
    assert r.returncode == 2 and "wrong passphrase" in r.stderr
    assert not list(out.glob("*"))
    r = art5("assess", "--answers", str(answers), "--out", str(out), "--sign", "--passphrase-env", "PW",
             data_dir=data_dir, env={"PW": PASS})
    # (the notice to BAFA is in German, issue 15: its places to complete read "[zu ergänzen...]")
    assert r.returncode == 0 and "[zu ergänzen" in r.stderr and "--accept-placeholders" in r.stderr
    # the report is signed; the notification with places left to complete is not written
    assert sorted(p.name for p in out.iterdir()) == ["report.pdf"]
    r = art5("assess", "--answers", str(answers), "--out", str(out), "--sign", "--passphrase-env", "PW",
             "--accept-placeholders", data_dir=data_dir, env={"PW": PASS})
    assert r.returncode == 0, r.stderr
    assert "still has" in r.stderr  # the warning names the places left
    assert sorted(p.name for p in out.iterdir()) == ["notification.docx", "notification.pdf", "notification.txt",
                                                     "report.pdf"]
    assert signing.verify_pdf(out / "report.pdf", data_dir=data_dir).intact
    assert signing.verify_pdf(out / "notification.pdf", data_dir=data_dir).intact


def test_expired_certificate_is_refused(tmp_path, qn, data_dir):
    past = dt.datetime.now(dt.timezone.utc) - dt.timedelta(days=400)
    signing.create_identity(data_dir, "Old Key", "Org", "o@k.de", "DE", PASS, valid_days=30, not_before=past)
    assert signing.show_identity(data_dir).expired
    unsigned = render(tmp_path / "unsigned.pdf", qn)
    with pytest.raises(signing.SigningError, match="expired"):
        signing.sign_pdf(unsigned, tmp_path / "report.pdf", data_dir, PASS)
    assert not (tmp_path / "report.pdf").exists()


def test_unwritable_folder_is_a_clear_error(tmp_path, qn, data_dir, identity, monkeypatch):
    unsigned = render(tmp_path / "unsigned.pdf", qn, identity)
    target = tmp_path / "out" / "report.pdf"
    target.parent.mkdir()
    target.write_bytes(b"previous")
    real_open = os.open

    def deny(path, *a, **kw):
        if str(path).endswith(".tmp"):
            raise PermissionError(13, "Permission denied")
        return real_open(path, *a, **kw)

    monkeypatch.setattr(signing.os, "open", deny)
    with pytest.raises(signing.SigningError, match="not writable"):
        signing.sign_pdf(unsigned, target, data_dir, PASS)
    assert target.read_bytes() == b"previous"


def _pdf_with_signature_hint(target_of) -> bytes:
    import io

    from pypdf import PdfWriter
    from pypdf.generic import Destination, DictionaryObject, Fit, TextStringObject

    from app.signing.sign import SIGNATURE_DEST

    w = PdfWriter()
    w.add_blank_page(300, 300)
    w.add_blank_page(300, 300)
    target = target_of(w, DictionaryObject)
    w.add_named_destination_object(Destination(TextStringObject(SIGNATURE_DEST), target,
                                               Fit.fit_rectangle(10, 20, 110, 70)))
    out = io.BytesIO()
    w.write(out)
    return out.getvalue()


def test_signature_box_follows_the_documents_hint_and_ignores_a_hint_that_is_no_page():
    from app.signing.sign import DEFAULT_BOX, _signature_box

    good = _pdf_with_signature_hint(lambda w, _d: w.pages[0].indirect_reference)
    assert _signature_box(good) == (0, (10.0, 20.0, 110.0, 70.0))
    # a damaged or crafted file whose signature hint points at something that is not a page:
    # the default box on the last page, never "page None" handed to the signer
    broken = _pdf_with_signature_hint(lambda w, d: w._add_object(d()))
    assert _signature_box(broken) == (1, DEFAULT_BOX)
