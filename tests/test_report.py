"""The PDF report: content, escaping, Unicode, determinism, atomic writing. No Qt."""

from __future__ import annotations

import dataclasses
import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from app.base import countries
from app.assessment import engine
from app.documents import report
from app.pdf import layout
from app.questionnaire.model import build, load

pypdf = pytest.importorskip("pypdf")

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = Path(__file__).parent / "fixtures" / "demo.yaml"
EVIL = 'S&P <Smith> <img src="/etc/passwd"/>'
UNICODE = "Владимир Ωμέγα Müller"

ANSWERS = {
    "basics.member_state": "DE",
    "basics.destination": "RU",
    "basics.item_name": "Interception suite Argus",
    "item.listed": "no",
    "item.kind": "software",
    "item.ops": ["monitoring", "collecting"],
    "deal.quantity": 12,
    "deal.ship_date": "2026-05-01",
    "deal.aware": "yes",
    "deal.notes": "First line of the notes.\nSecond line of the notes.",
    "parties.list": [
        {"name": "Acme Trading LLC", "role": "end_user", "country": "RU", "address": "Ulitsa Lenina 1"},
        {"name": "Forwarder SA", "role": "consignee", "country": "GR", "address": None},
    ],
}
PROFILE = {
    "name": "Example Exporter GmbH", "address": "Hauptstraße 5\n10115 Berlin", "eori": "DE123456789012345",
    "member_state": "DE", "contact_name": "Jane Doe", "contact_email": "jane@example.com",
}
META = {
    "reference": "A5-2026-0042", "title": "Argus export", "status": "finished",
    "created_at": "2026-03-01T09:15:00+00:00", "updated_at": "2026-03-02T16:40:12+00:00",
    "finished_at": "2026-03-02T16:41:00+00:00", "generated_at": "2026-03-02T16:45:00+00:00",
}


@pytest.fixture(scope="module")
def qn():
    return load(FIXTURE)


def render(path: Path, qn, answers=None, profile=None, meta=None, result=None, locale="en") -> Path:
    answers = ANSWERS if answers is None else answers
    result = result or engine.decide(qn, answers)
    return report.render_report(path, questionnaire=qn, answers=answers, result=result,
                                profile=PROFILE if profile is None else profile,
                                meta=META if meta is None else meta, locale=locale)


def pdf_text(path: Path) -> str:
    """The PDF's text with all runs of white space made one space (cells and lines wrap)."""
    reader = pypdf.PdfReader(str(path))
    return " ".join(" ".join(page.extract_text() for page in reader.pages).split())


# --------------------------------------------------------------------------- content


def test_report_holds_outcome_answers_labels_and_citations(qn, tmp_path):
    out = render(tmp_path / "report.pdf", qn)
    assert out == tmp_path / "report.pdf"
    text = pdf_text(out)
    # cover
    for needle in ("Article 5 assessment report", "A5-2026-0042", "Argus export", "Notify the authority",
                   "Example Exporter GmbH", "Hauptstraße 5 10115 Berlin", "DE123456789012345",
                   "Germany (DE)", "Jane Doe", "jane@example.com", "demo", qn.sha256,
                   "2026-03-01 09:15:00 UTC", "2026-03-02 16:40:12 UTC", "2026-03-02 16:41:00 UTC",
                   "2026-03-02 16:45:00 UTC"):
        assert needle in text, needle
    assert "PROVISIONAL" not in text
    assert "Outcome id" not in text and "NOTIFY" not in text  # words for a person; the id is in the JSON
    # result
    assert "The item is not listed and handles personal data." in text
    assert "Notify." in text
    # answers grouped by page, labels and human-readable values
    for title in ("Basics", "The item", "The deal", "Parties"):
        assert title in text
    for q in ("basics.member_state", "basics.destination", "basics.item_name", "item.listed", "item.kind",
              "item.ops", "deal.quantity", "deal.ship_date", "deal.aware", "deal.notes", "parties.list"):
        assert qn.question(q).text() in text, q
        assert f"Question {q}" not in text and q not in text, q  # no question ids where a person reads
    assert f"{countries.name('RU')} (RU)" in text
    assert "Software" in text and "software" not in text  # the label, not the stored value
    assert "Monitoring; Collecting" in text
    assert "2026-05-01" in text
    assert "First line of the notes. Second line of the notes." in text
    # the group answer as a table with field labels and choice labels
    for needle in ("Name", "Role", "Country", "Address", "Acme Trading LLC", "End user", "Forwarder SA",
                   "Consignee", "Greece (GR)", "Ulitsa Lenina 1"):
        assert needle in text, needle
    assert "end_user" not in text
    # a question that does not apply is left out
    assert qn.question("item.entry").text() not in text
    # citations of the questions and of the rationale
    assert "Regulation (EU) 2021/821, Art. 5 — https://eur-lex.europa.eu/eli/reg/2021/821/oj" in text
    # running footer: reference, page numbers, questionnaire id and version
    reader = pypdf.PdfReader(str(out))
    pages = len(reader.pages)
    for n in range(1, pages + 1):
        assert f"Page {n} of {pages}" in text
    assert "Questionnaire demo, version 1" in text
    assert text.count("A5-2026-0042") >= pages
    # PDF metadata
    assert reader.metadata.title == "Article 5 assessment report — A5-2026-0042"
    assert reader.metadata.author == "Example Exporter GmbH"


def test_empty_profile_fields_read_not_given(qn, tmp_path):
    meta = dict(META, finished_at="", status="draft")
    text = pdf_text(render(tmp_path / "r.pdf", qn, profile={"name": "Solo Exporter"}, meta=meta))
    assert "Solo Exporter" in text
    assert text.count("not given") == 7  # address, EORI, Member State, contact, e-mail, phone, compliance officer
    assert "not finished" in text
    assert "DRAFT · Page 1 of" in text


def test_provisional_marker_when_questions_are_unanswered(qn, tmp_path):
    answers = {k: v for k, v in ANSWERS.items() if k not in ("deal.quantity", "parties.list")}
    result = engine.decide(qn, answers)
    assert result.provisional and len(result.unanswered) == 2
    text = pdf_text(render(tmp_path / "r.pdf", qn, answers=answers, result=result))
    assert "PROVISIONAL — 2 questions unanswered" in text
    assert "Unanswered questions" in text
    assert "How many units?" in text and "(deal.quantity)" not in text
    assert "Who is involved?" in text and "(parties.list)" not in text
    assert "Not answered" in text

    one = {k: v for k, v in ANSWERS.items() if k != "deal.quantity"}
    text = pdf_text(render(tmp_path / "one.pdf", qn, answers=one))
    assert "PROVISIONAL — 1 question unanswered" in text


def test_open_and_missing_questions(qn, tmp_path):
    answers = {"basics.member_state": "FR", "item.listed": "unsure"}
    result = engine.decide(qn, answers)
    assert result.outcome == "INCOMPLETE" and result.open_questions == ["item.listed"]
    text = pdf_text(render(tmp_path / "r.pdf", qn, answers=answers, result=result))
    assert "Incomplete" in text and "(INCOMPLETE)" not in text
    assert "Open questions: ask the authority" in text
    assert "competent authority" in text
    assert "Is the item listed in Annex I?" in text and "(item.listed)" not in text
    assert "I don't know / unsure" in text
    assert "Missing decisive answers" in text
    assert "Where is the item going?" in text and "(basics.destination)" not in text


def test_warnings_and_reference_data(qn, tmp_path):
    result = engine.decide(qn, ANSWERS, warnings=["something to look at"])
    result = dataclasses.replace(result, reference_data={
        "annex1": {"id": "annex1", "version": "2025.1", "date": "2025-09-08", "sha256": "ab" * 32,
                   "file": "annex1.yaml"}})
    text = pdf_text(render(tmp_path / "r.pdf", qn, result=result))
    assert "Warnings" in text and "something to look at" in text
    assert "Reference data used" in text
    for needle in ("annex1", "2025.1", "2025-09-08"):
        assert needle in text
    assert "ab" * 32 in text.replace(" ", "")


def test_sources_to_verify_are_marked(tmp_path):
    raw = yaml.safe_load(FIXTURE.read_text(encoding="utf-8"))
    raw["sources"]["guide"] = {"act": "Commission Recommendation (EU) 2024/2659", "article": "3",
                               "status": "to_verify", "note": "check against the OJ text"}
    raw["pages"][0]["questions"][2]["sources"] = ["dur_art5", "guide"]
    qn = build(raw, "demo-to-verify.yaml", "0" * 64)
    text = pdf_text(render(tmp_path / "r.pdf", qn))
    # issue 13: "to verify" in user language
    flat = " ".join(text.split())
    assert "Commission Recommendation (EU) 2024/2659, Art. 3 [not yet checked against the Official Journal]" in flat
    # the explanation in the answers intro, and the source
    assert flat.count("[not yet checked against the Official Journal]") == 2
    assert "[to verify]" not in flat


# --------------------------------------------------------------------------- safety


def test_user_text_cannot_inject_reportlab_markup(qn, tmp_path):
    tricky = EVIL + " &amp; &#60;b&#62; <b>bold?</b> <font size=40>big</font>"
    answers = dict(ANSWERS, **{
        "basics.item_name": tricky,
        "deal.notes": EVIL + "\n<br/>" + EVIL,
        "parties.list": [{"name": EVIL, "role": "end_user", "country": "RU", "address": EVIL}],
    })
    profile = dict(PROFILE, name=EVIL, address=EVIL)
    meta = dict(META, reference=EVIL, title=tricky)
    out = render(tmp_path / "r.pdf", qn, answers=answers, profile=profile, meta=meta)
    text = pdf_text(out)
    assert tricky in text
    assert text.count(EVIL) >= 8
    assert f"{EVIL} <br/>{EVIL}" in text  # the newline is a line break, the tag is text
    blob = out.read_bytes()
    assert b"/Subtype /Image" not in blob and b"/XObject" not in blob
    assert pypdf.PdfReader(str(out)).metadata.title == f"Article 5 assessment report — {EVIL}"


def test_inline_markup_keeps_text_escaped_and_rejects_other_tags():
    import defusedxml.ElementTree as DET

    el = DET.fromstring('<p>a &amp;lt; &lt;img/&gt; <b>bold <font color="#112233" size="8">x</font></b><br/>'
                        '<i>y</i> tail</p>')
    assert layout.inline_markup(el) == ('a &amp;lt; &lt;img/&gt; <b>bold <font color="#112233" size="8">x</font>'
                                        '</b><br/><i>y</i> tail')
    with pytest.raises(ValueError, match="img"):
        layout.inline_markup(DET.fromstring('<p>x <img src="/etc/passwd"/></p>'))
    with pytest.raises(ValueError, match="color"):
        layout.inline_markup(DET.fromstring('<p><font color="red&quot; name=&quot;x">x</font></p>'))


def test_control_characters_do_not_break_the_report(qn, tmp_path):
    answers = dict(ANSWERS, **{"basics.item_name": "Item\x01\x0bname\ufffe", "deal.notes": "a\x00b"})
    text = pdf_text(render(tmp_path / "r.pdf", qn, answers=answers))
    assert "Item\ufffd\ufffdname\ufffd" in text


def test_unicode_names_print(qn, tmp_path):
    answers = dict(ANSWERS, **{"parties.list": [{"name": UNICODE, "role": "end_user", "country": "GR"}]})
    out = render(tmp_path / "r.pdf", qn, answers=answers, profile=dict(PROFILE, name=UNICODE),
                 meta=dict(META, title=f"Ελλάδα — {UNICODE}"))
    text = pdf_text(out)
    assert text.count(UNICODE) >= 3
    assert f"Ελλάδα — {UNICODE}" in text
    blob = out.read_bytes()
    assert b"DejaVuSans" in blob
    assert b"Helvetica" not in blob  # the bundled fonts are used everywhere


# --------------------------------------------------------------------------- determinism


def test_same_input_gives_identical_bytes(qn, tmp_path):
    a = render(tmp_path / "a.pdf", qn).read_bytes()
    b = render(tmp_path / "b.pdf", qn).read_bytes()
    assert a == b
    other = render(tmp_path / "c.pdf", qn, meta=dict(META, generated_at="2026-03-03T08:00:00+00:00"))
    assert other.read_bytes() != a


def test_identical_bytes_across_processes(qn, tmp_path):
    here = render(tmp_path / "here.pdf", qn).read_bytes()
    script = (
        "import sys; from pathlib import Path; sys.path.insert(0, sys.argv[1]); import tests.test_report as t; "
        "from app.questionnaire.model import load; t.render(Path(sys.argv[2]), load(t.FIXTURE))"
    )
    there = tmp_path / "there.pdf"
    subprocess.run([sys.executable, "-c", script, str(ROOT), str(there)], check=True, cwd=str(ROOT))
    assert there.read_bytes() == here


# --------------------------------------------------------------------------- writing


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def test_unwritable_folder_raises_report_error(qn, tmp_path):
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        if os.access(folder, os.W_OK):
            pytest.skip("running with rights that ignore folder permissions (root)")
        target = folder / "report.pdf"
        with pytest.raises(report.ReportError) as info:
            render(target, qn)
        assert info.value.path == target
        assert "report.pdf" in str(info.value) and "not writable" in str(info.value)
        assert _leftovers(folder) == []
    finally:
        folder.chmod(0o700)


def test_permission_error_becomes_report_error(qn, tmp_path, monkeypatch):
    real_open = os.open

    def deny(path, *args, **kwargs):
        if str(path).startswith(str(tmp_path)):
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(report.os, "open", deny)
    target = tmp_path / "report.pdf"
    with pytest.raises(report.ReportError, match=r"report\.pdf: .*not writable"):
        render(target, qn)
    assert _leftovers(tmp_path) == []


def test_missing_folder_is_created(qn, tmp_path):
    target = tmp_path / "reports" / "2026" / "report.pdf"
    render(target, qn)
    assert target.read_bytes().startswith(b"%PDF-")
    assert _leftovers(target.parent) == ["report.pdf"]


def test_file_in_place_of_the_folder_raises_report_error(qn, tmp_path):
    (tmp_path / "reports").write_text("not a folder")
    target = tmp_path / "reports" / "report.pdf"
    with pytest.raises(report.ReportError, match="is not a folder") as info:
        render(target, qn)
    assert str(target) in str(info.value)


def test_failed_render_leaves_previous_file_and_no_temp_file(qn, tmp_path, monkeypatch):
    target = tmp_path / "report.pdf"
    target.write_bytes(b"previous report")

    def boom(*args, **kwargs):
        raise RuntimeError("layout failed")

    monkeypatch.setattr(report, "build_pdf", boom)
    with pytest.raises(RuntimeError):
        render(target, qn)
    assert target.read_bytes() == b"previous report"
    assert _leftovers(tmp_path) == ["report.pdf"]


def test_full_disk_raises_report_error_and_keeps_previous_file(qn, tmp_path, monkeypatch):
    target = tmp_path / "report.pdf"
    target.write_bytes(b"previous report")

    def full(fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(report.os, "fsync", full)
    with pytest.raises(report.ReportError, match="No space left on device"):
        render(target, qn)
    assert target.read_bytes() == b"previous report"
    assert _leftovers(tmp_path) == ["report.pdf"]


def test_overwrites_existing_report_atomically(qn, tmp_path):
    target = tmp_path / "report.pdf"
    target.write_bytes(b"old")
    render(target, qn)
    assert target.read_bytes().startswith(b"%PDF-")
    assert _leftovers(tmp_path) == ["report.pdf"]


def test_folder_as_target_is_refused(qn, tmp_path):
    with pytest.raises(report.ReportError, match="folder"):
        render(tmp_path, qn)


# --------------------------------------------------------------------------- templates, imports


def test_locale_falls_back_to_english(qn, tmp_path):
    assert report.template_name("en") == "report.en.xml.j2"
    assert report.template_name("xx") == "report.en.xml.j2"
    assert report.template_name("../../etc/passwd") == "report.en.xml.j2"
    text = pdf_text(render(tmp_path / "r.pdf", qn, locale="xx"))
    assert "Article 5 assessment report" in text


def test_importing_the_module_does_not_import_reportlab():
    code = ("import sys; import app.documents.report; "
            "heavy = [m for m in ('reportlab', 'jinja2', 'defusedxml') if m in sys.modules]; "
            "assert not heavy, heavy")
    subprocess.run([sys.executable, "-c", code], check=True, cwd=str(ROOT))


# --------------------------------------------------------------------------- words, not ids; what was screened


def test_unscreened_parties_are_said_to_be_unscreened_never_no_match(qn, tmp_path):
    """No sanctions list imported: the report says so in red and never "no match"."""
    text = pdf_text(render(tmp_path / "r.pdf", qn))
    assert "No sanctions list imported: parties not screened." in text
    assert "no match" not in text
    assert text.count("not screened") >= 3  # the heading line and each of the two parties
    assert "End user" in text and "end_user" not in text


def test_screened_parties_name_the_lists_with_date_and_hash(qn, tmp_path):
    answers = ANSWERS
    screening = {"checked": True, "threshold": 0.85,
                 "lists": [{"source": "EU consolidated list", "generation_date": "2026-02-27",
                            "sha256": "ab" * 32}],
                 "parties": [{"name": "Acme Trading LLC", "role": "owner_controller", "country": "RU", "hits": []}]}
    result = dataclasses.replace(engine.decide(qn, answers), screening=screening)
    text = pdf_text(render(tmp_path / "r.pdf", qn, result=result))
    assert "EU consolidated list of 2026-02-27 (SHA-256 abababababababab" in text
    assert "no match at or above the threshold" in text
    assert "not screened" not in text
