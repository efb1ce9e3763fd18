"""Issue 14, attack 11: a party address of 120 short lines broke the report layout (reportlab
LayoutError, a traceback) and, in the GUI, left the record finished without its report."""

from __future__ import annotations

import json
from pathlib import Path

import pytest



from reliability_helpers import assert_refused


def _render(tmp_path: Path, answers: dict) -> Path:
    from app.assessment import engine
    from app.questionnaire import model as questionnaire
    from app.documents.report import render_report

    qn = questionnaire.find("art5", "1.0.0")
    return render_report(tmp_path / "report.pdf", questionnaire=qn, answers=answers, result=engine.decide(qn, answers),
                         profile={}, meta={"reference": "A-1"})


@pytest.mark.parametrize("lines", [120, 400])
def test_a_row_taller_than_a_page_splits_across_pages(lines, tmp_path):
    """Stored as an older version (or a signed bundle) would hold it: the field limits allow
    it, so the report must render it, every line."""
    import pypdf

    address = "\n".join(f"line{i}" for i in range(lines))
    out = _render(tmp_path, {"export.member_state": "DE",
                             "parties.list": [{"name": "X", "role": "end_user", "country": "AE", "address": address}]})
    text = "".join(p.extract_text() for p in pypdf.PdfReader(out).pages)
    assert f"line{lines - 1}" in text and "line0" in text


def test_a_layout_failure_is_a_clear_error_exit_2(tmp_path, data_dir, art5, monkeypatch):
    from reportlab.platypus.doctemplate import LayoutError

    from app.documents import report

    def fail(*a, **k):
        raise LayoutError("Flowable <Table> too large on page 6")

    monkeypatch.setattr(report, "build_pdf", fail)
    answers = tmp_path / "answers.json"
    answers.write_text(json.dumps({"questionnaire": "art5", "answers": {"export.member_state": "DE"}}))
    out = tmp_path / "out"
    run = art5("assess", "--answers", answers, "--out", out)
    assert_refused(run, out / "report.pdf", "cannot be laid out", code=2)
    assert not (out / "report.pdf").exists()


def test_gui_finish_stays_a_draft_when_the_report_cannot_be_written(qtbot, window, data_dir, monkeypatch):
    from reportlab.platypus.doctemplate import LayoutError

    from app.documents import report
    from test_gui_signing import reach_outcome

    wizard = reach_outcome(qtbot, window)

    def fail(*a, **k):
        raise LayoutError("too large on page 6")

    monkeypatch.setattr(report, "build_pdf", fail)
    wizard.finish_button.click()
    status = window.store.get(wizard.session.assessment_id).status
    assert status == "draft", status
    assert "cannot be laid out" in wizard.save_label.text()
    assert not list(wizard.reports_dir.glob("*.pdf")) if wizard.reports_dir.exists() else True
