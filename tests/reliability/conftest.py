"""Shared set-up for the reliability tests (issue 8).

* ``art5``: runs the real command line in-process (``app.cli.main``) and returns exit code,
  stdout and stderr; an exception escaping ``main`` fails the test as "a traceback shown to the
  user".
* ``assert_refused``: the contract every hostile-file row checks: a non-zero exit, the file
  named, the problem in plain words, no traceback.
* ``populated``: a data folder that already holds what a user has saved (a register with a draft
  and a signed assessment, a report, an attachment, an imported sanctions list, a signing
  identity, settings); ``fingerprint`` / ``assert_unchanged`` prove that nothing in it was lost
  or changed after a hostile file was refused.
* the hypothesis profile ``art5-ci``: deterministic (``derandomize``), no deadline, no example
  database (no ``.hypothesis/`` folder).
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import os
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import pytest
from hypothesis import HealthCheck, settings

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures"
SCREENING_FIX = FIXTURES / "screening"
PASSPHRASE = "reliable pass 1"
PASS_ENV = "ART5_TEST_PASSPHRASE"

# The test modules import the helpers below as ``reliability_helpers`` (a conftest module is not
# importable by a name of its own: every folder's conftest is "conftest").
sys.modules["reliability_helpers"] = sys.modules[__name__]

settings.register_profile(
    "art5-ci", derandomize=True, max_examples=300, deadline=None, database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "art5-ci"))


# -- running the command line -------------------------------------------------------------------
@dataclass
class Run:
    code: int
    out: str
    err: str

    @property
    def text(self) -> str:
        return self.out + self.err


def run_cli(*args: str) -> Run:
    from app.cli.main import main

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = main([str(a) for a in args])
        except SystemExit as exc:  # argparse
            code = exc.code if isinstance(exc.code, int) else 2
        except Exception as exc:  # noqa: BLE001 - the user would see a traceback
            pytest.fail(f"art5 {' '.join(map(str, args))}: {type(exc).__name__} escaped (a traceback for the "
                        f"user): {exc}\nstderr: {err.getvalue()}")
    return Run(code, out.getvalue(), err.getvalue())


@pytest.fixture
def art5() -> Callable[..., Run]:
    return run_cli


def assert_refused(run: Run, path: Path | str | None, *words: str, code: int | None = None) -> None:
    """Non-zero exit (or exactly ``code``), the file named, every word of the problem present
    (case-insensitive), and no Python traceback."""
    shown = run.text
    assert run.code != 0, f"exit 0 for a hostile file; output:\n{shown}"
    if code is not None:
        assert run.code == code, f"exit {run.code}, expected {code}; output:\n{shown}"
    if path is not None:
        assert str(path) in shown or Path(path).name in shown, f"the file {path} is not named:\n{shown}"
    for w in words:
        assert w.lower() in shown.lower(), f"{w!r} not in the message:\n{shown}"
    assert "Traceback" not in shown and "sqlalche.me" not in shown, shown


# -- what the user has already saved ------------------------------------------------------------
SKIP_SUFFIXES = ("-wal", "-shm", "-journal")


def fingerprint(data_dir: Path) -> dict[str, str]:
    """SHA-256 of every file in the data folder (SQLite side files aside), by relative path."""
    out: dict[str, str] = {}
    for p in sorted(Path(data_dir).rglob("*")):
        if p.is_file() and not p.name.endswith(SKIP_SUFFIXES):
            out[str(p.relative_to(data_dir))] = hashlib.sha256(p.read_bytes()).hexdigest()
    return out


def register_rows(data_dir: Path) -> list[tuple]:
    import sqlite3

    con = sqlite3.connect(f"file:{Path(data_dir) / 'art5.db'}?mode=ro", uri=True)
    try:
        return con.execute("SELECT id, uid, reference, status, outcome, title FROM assessment ORDER BY id").fetchall()
    finally:
        con.close()


def assert_unchanged(before: dict[str, str], data_dir: Path) -> None:
    """Every file saved before is still there, byte for byte (new automatic backups may appear)."""
    after = fingerprint(data_dir)
    lost = sorted(set(before) - set(after))
    changed = sorted(n for n in before if n in after and after[n] != before[n])
    assert not lost and not changed, f"lost: {lost}; changed: {changed}"


@dataclass
class Saved:
    """A populated data folder and what it held before the hostile file."""

    dir: Path
    before: dict[str, str]
    draft_id: int
    signed_id: int
    signed_reference: str

    def assert_unchanged(self) -> None:
        assert_unchanged(self.before, self.dir)


def make_signed_pdf(tmp: Path, identity_dir: Path, text: str = "Hello report") -> Path:
    from reportlab.pdfgen import canvas

    from app.signing import sign as signing

    plain = tmp / "plain.pdf"
    c = canvas.Canvas(str(plain), pageCompression=0)
    c.drawString(72, 720, text)
    c.save()
    out = tmp / "signed.pdf"
    signing.sign_pdf(plain, out, identity_dir, PASSPHRASE)
    return out


def make_signed_report(store, assessment_id: int, identity_dir: Path, out: Path) -> Path:
    """The report the wizard writes for a finished assessment (answers, result and the audit
    anchor embedded), signed with the identity in ``identity_dir``."""
    from app.assessment import engine
    from app.questionnaire import model as questionnaire
    from app.signing import sign as signing
    from app.assessment.flow import Flow
    from app.assessment.records import report_extras

    a = store.get(assessment_id)
    qn = questionnaire.find(a.questionnaire_id, a.questionnaire_version)
    answers = store.answers(assessment_id)
    meta = {"reference": a.reference, "title": a.title, "status": a.status, "created_at": a.created_at,
            "updated_at": a.updated_at, "finished_at": a.finished_at or "", "generated_at": a.updated_at}
    return signing.render_signed_report(out, identity_dir, PASSPHRASE, questionnaire=qn,
                                        answers=Flow(qn, dict(answers)).relevant_answers(),
                                        result=engine.decide(qn, answers), profile={}, meta=meta,
                                        records=report_extras(store, assessment_id))


def _build_register(d: Path, identity_dir: Path, tmp: Path, title: str) -> tuple[int, int, str]:
    from app.assessment import engine
    from app.questionnaire import model as questionnaire
    from app.storage.store import Store

    s = Store.open(d)
    try:
        draft = s.create_assessment("art5", "1.0.0", title=f"{title} draft")
        s.save_answers(draft.id, {"export.member_state": "DE", "export.destination_country": "CN"})
        done = s.create_assessment("art5", "1.0.0", title=f"{title} signed")
        answers = {"export.member_state": "DE", "item.annex_i_listed": "no"}
        s.save_answers(done.id, answers)
        s.finish(done.id, engine.decide(questionnaire.find("art5", "1.0.0"), answers).outcome)
        (d / "reports").mkdir(exist_ok=True)
        make_signed_report(s, done.id, identity_dir, d / "reports" / f"{done.reference}.pdf")
        s.mark_signed(done.id, f"{done.reference}.pdf")
        evidence = tmp / "datasheet.pdf"
        evidence.write_bytes(b"%PDF-1.4 datasheet " + title.encode())
        s.attachments.add(done.id, evidence, "datasheet")
        return draft.id, done.id, done.reference
    finally:
        s.close()


@pytest.fixture(scope="session")
def _templates(tmp_path_factory):
    """Built once: the office's data folder and a laptop register with its exported bundle."""
    from app.signing import sign as signing
    from app.transfer.bundle import export_bundle
    from app.screening.service import Screening
    from app.base.settings import Settings
    from app.storage.store import Store

    base = tmp_path_factory.mktemp("reliability-templates")
    office = base / "office"
    signing.create_identity(office, "Rita Reliable", "Exporter GmbH", "rita@example.com", "DE", PASSPHRASE)
    ids = _build_register(office, office, base, "Office")
    scr = Screening(office)
    scr.import_list(SCREENING_FIX / "eu_list.xml")
    scr.close()
    Settings(first_run_done=True).save(office)

    laptop = base / "laptop"
    laptop_tmp = base / "laptop-files"
    laptop_tmp.mkdir()
    lars = signing.create_identity(laptop, "Lars Laptop", "Exporter GmbH", "lars@example.com", "DE", PASSPHRASE)
    _draft, signed_id, _ref = _build_register(laptop, laptop, laptop_tmp, "Laptop")
    s = Store.open(laptop)
    bundle = export_bundle(s, signed_id, base / "deal.zip")
    s.close()
    signed_pdf = make_signed_pdf(base, office, "A signed report")
    return {"office": office, "ids": ids, "bundle": bundle, "signed_pdf": signed_pdf,
            "laptop_fingerprint": lars.fingerprint, "laptop": laptop}


@pytest.fixture
def populated(_templates, data_dir) -> Saved:
    """A copy of the office's data folder as ``data_dir`` (ART5_DATA_DIR points there)."""
    shutil.copytree(_templates["office"], data_dir)
    draft_id, signed_id, ref = _templates["ids"]
    return Saved(data_dir, fingerprint(data_dir), draft_id, signed_id, ref)


@pytest.fixture
def good_bundle(_templates) -> Path:
    """A transfer bundle from another register (it would import cleanly into ``populated``)."""
    return _templates["bundle"]


@pytest.fixture
def laptop_fingerprint(_templates) -> str:
    """The SHA-256 of the certificate that signed ``good_bundle``'s report."""
    return _templates["laptop_fingerprint"]


@pytest.fixture
def signed_pdf(_templates, tmp_path) -> Path:
    """A report signed with the ``populated`` folder's identity (a fresh copy per test)."""
    dest = tmp_path / "signed-report.pdf"
    shutil.copy(_templates["signed_pdf"], dest)
    return dest


@pytest.fixture
def passphrase_env(monkeypatch) -> str:
    monkeypatch.setenv(PASS_ENV, PASSPHRASE)
    return PASS_ENV


def write_junk(path: Path, size: int, head: bytes = b"", fill: bytes | None = None) -> Path:
    """``head`` then ``size`` bytes of junk, written in 1 MB chunks (never held in memory whole)."""
    chunk = fill * ((1 << 20) // len(fill)) if fill else bytes(range(256)) * 4096
    with open(path, "wb") as fh:
        fh.write(head)
        left = size
        while left > 0:
            fh.write(chunk[:left])
            left -= len(chunk)
    return path
