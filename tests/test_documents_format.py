"""Every document on A4 with its real creation date: the report, the notification (PDF, DOCX)
and the end-user statement."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from app.assessment import engine
from app.documents import notification, report
from app.questionnaire.model import load

pypdf = pytest.importorskip("pypdf")
docx = pytest.importorskip("docx")

ROOT = Path(__file__).resolve().parent.parent
A4_PT = (595.28, 841.89)


@pytest.fixture(scope="module")
def qn():
    return load(ROOT / "questionnaires" / "art5-1.0.0.yaml")


def _draft(qn):
    from tests.test_notification import BASE, META, PROFILE

    answers = dict(BASE, **{"export.member_state": "DE", "enduse.aware": "yes"})
    result = engine.decide(qn, answers)
    return notification.notification_draft(questionnaire=qn, answers=answers, result=result, profile=PROFILE,
                                           meta=META, today=dt.date(2026, 5, 1))


def _pdf_dates(path: Path) -> tuple[str, str]:
    info = pypdf.PdfReader(str(path)).metadata
    return str(info.get("/CreationDate")), str(info.get("/ModDate"))


def test_notification_docx_is_a4_and_dated(qn, tmp_path):
    when = dt.datetime(2026, 5, 1, 9, 30, tzinfo=dt.timezone.utc)
    files = notification.write_outputs(_draft(qn), tmp_path, "n", created=when)
    d = docx.Document(str(files[1]))
    for s in d.sections:
        assert abs(s.page_width.mm - 210) < 0.5 and abs(s.page_height.mm - 297) < 0.5
    assert d.core_properties.created == when
    assert d.core_properties.modified == when
    page = pypdf.PdfReader(str(files[0])).pages[0]
    assert (round(float(page.mediabox.width), 2), round(float(page.mediabox.height), 2)) == A4_PT
    assert _pdf_dates(files[0]) == ("D:20260501093000+00'00'", "D:20260501093000+00'00'")


def test_documents_default_to_today_not_2000_or_2013(qn, tmp_path):
    files = notification.write_outputs(_draft(qn), tmp_path, "n", formats=("pdf", "docx"))
    year = dt.datetime.now(dt.timezone.utc).year
    assert _pdf_dates(files[0])[0].startswith(f"D:{year}")
    assert docx.Document(str(files[1])).core_properties.created.year == year


def test_report_carries_its_generation_date_and_stays_deterministic(tmp_path):
    from tests.test_report import ANSWERS, FIXTURE, META, PROFILE

    qn = load(FIXTURE)
    result = engine.decide(qn, ANSWERS)

    def render(name: str, meta: dict) -> Path:
        return report.render_report(tmp_path / name, questionnaire=qn, answers=ANSWERS, result=result,
                                    profile=PROFILE, meta=meta)

    a = render("a.pdf", META)
    assert _pdf_dates(a)[0] == "D:20260302164500+00'00'"  # META generated_at 2026-03-02T16:45:00+00:00
    assert render("b.pdf", META).read_bytes() == a.read_bytes()


def test_enduser_signature_block_stays_with_its_text(qn, tmp_path):
    """However long the statement, the signature block never stands alone on a page."""
    from tests.test_notification import BASE, META, PROFILE

    long_use = " ".join(["The end user operates a lawful interception gateway for its mobile network."] * 14)
    answers = dict(BASE, **{"export.member_state": "DE", "enduse.aware": "yes", "enduse.declared_use": long_use})
    result = engine.decide(qn, answers)
    e = notification.enduser_draft(questionnaire=qn, answers=answers, result=result, profile=PROFILE, meta=META)
    out = tmp_path / "e.pdf"
    out.write_bytes(notification.pdf_bytes(e))
    pages = [" ".join(p.extract_text().split()) for p in pypdf.PdfReader(str(out)).pages]
    last = pages[-1]
    assert "Signature of the end user" in last
    # the section before the signature is on the same page
    assert "No re-export to Russia" in last or "Undertakings" in last
