"""Benchmark: render and sign a full report (200 answers, 50 parties) next to a plain reportlab
build of the same content in the same run.

    .venv/bin/python tests/benchmarks/render_sign.py [--runs N]

The questionnaire is synthetic (built in memory): 200 text/choice questions on 10 pages plus a
group question with 50 parties. The baseline lays the same strings out with bare reportlab
platypus (Paragraphs and one Table, built-in Helvetica, no template, no attachment, no
signature). Prints the median of N runs of each step, the ratio to the baseline, and file sizes.
"""

from __future__ import annotations

import argparse
import io
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _report import Row  # noqa: E402
from app.assessment import engine
from app.documents import report
from app.signing import sign as signing  # noqa: E402
from app.questionnaire.model import build  # noqa: E402

QUICK = {"runs": 1}

N_QUESTIONS = 200
N_PARTIES = 50
SCRIPT_NAMES = ("华为技术有限公司", "شركة الاتصالات السعودية", "חברת החשמל לישראל", "Ελληνικά Πετρέλαια",
                "Ростелеком", "भारत संचार निगम लिमिटेड")


def synthetic():
    pages = []
    for p in range(10):
        questions = []
        for i in range(N_QUESTIONS // 10):
            n = p * 20 + i
            if n % 3 == 0:
                questions.append({"id": f"q.c{n}", "type": "single_choice", "label": {"en": f"Choice question {n}?"},
                                  "choices": [{"value": "a", "label": {"en": "Option A"}},
                                              {"value": "b", "label": {"en": "Option B"}}]})
            else:
                questions.append({"id": f"q.t{n}", "type": "text", "label": {"en": f"Question number {n}: describe "
                                                                                     f"the facts you found?"}})
        pages.append({"id": f"page{p}", "title": {"en": f"Section {p + 1}"}, "questions": questions})
    pages.append({"id": "parties", "title": {"en": "Parties"}, "questions": [{
        "id": "parties.list", "type": "group", "label": {"en": "Who is involved?"},
        "fields": [{"id": "name", "type": "text", "label": {"en": "Name"}},
                   {"id": "role", "type": "text", "label": {"en": "Role"}},
                   {"id": "country", "type": "country", "label": {"en": "Country"}},
                   {"id": "address", "type": "text", "required": False, "label": {"en": "Address"}}]}]})
    qn = build({"id": "bench", "version": "1", "title": {"en": "Benchmark"}, "locales": ["en"], "pages": pages,
                "outcomes": [{"id": "INCOMPLETE", "title": {"en": "Incomplete"}},
                             {"id": "DONE", "when": "count(parties.list) >= 0", "title": {"en": "Done"},
                              "summary": {"en": "Done."}}]}, "bench.yaml", "0" * 64)
    answers = {}
    for page in qn.pages:
        for q in page.questions:
            if q.type == "single_choice":
                answers[q.id] = "a"
            elif q.type == "text":
                answers[q.id] = f"Answer to {q.id}: Müller, Ωμέγα and Владимир checked the file on 2026-03-01."
    answers["parties.list"] = [{"name": f"Party {i} Трейдинг GmbH", "role": "consignee", "country": "DE",
                                "address": f"Street {i}, 10115 Berlin"} for i in range(N_PARTIES)]
    return qn, answers


def baseline(qn, answers) -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table
    from xml.sax.saxutils import escape

    ss = getSampleStyleSheet()
    story = [Paragraph("Article 5 assessment report", ss["Title"])]
    for page in qn.pages:
        story.append(Paragraph(escape(page.title["en"]), ss["Heading2"]))
        for q in page.questions:
            story.append(Paragraph(escape(q.text()), ss["Heading4"]))
            v = answers.get(q.id)
            if q.type == "group":
                story.append(Table([[r["name"], r["role"], r["country"], r["address"]] for r in v]))
            else:
                story.append(Paragraph(escape(str(v)), ss["BodyText"]))
    buf = io.BytesIO()
    SimpleDocTemplate(buf, pagesize=A4).build(story)
    return buf.getvalue()


def timed(fn, runs):
    times, out = [], None
    for _ in range(runs):
        t = time.perf_counter()
        out = fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times), out


def collect(runs: int = 5) -> dict:
    """Median seconds of each step, file sizes in bytes, and the signed report's page count."""
    qn, answers = synthetic()
    result = engine.decide(qn, answers)
    meta = {"reference": "BENCH-1", "title": "benchmark", "status": "finished", "created_at": "2026-01-01T00:00:00Z",
            "updated_at": "", "finished_at": "", "generated_at": "2026-01-01T00:00:00Z"}
    profile = {"name": "Bench Exporter", "member_state": "DE"}
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        data = tmp / "data"
        signing.create_identity(data, "Bench Signer", "Bench Org", "b@o.de", "DE", "bench-pass")
        # warm up imports and font registration for both paths
        baseline(qn, answers)
        report.render_report(tmp / "warm.pdf", questionnaire=qn, answers=answers, result=result, profile=profile,
                             meta=meta)
        signing.sign_pdf(tmp / "warm.pdf", tmp / "warm-signed.pdf", data, "bench-pass")

        t_base, base_pdf = timed(lambda: baseline(qn, answers), runs)
        t_render, _ = timed(lambda: report.render_report(tmp / "r.pdf", questionnaire=qn, answers=answers,
                                                         result=result, profile=profile, meta=meta), runs)
        unsigned = tmp / "r.pdf"
        t_sign, _ = timed(lambda: signing.sign_pdf(unsigned, tmp / "s.pdf", data, "bench-pass"), runs)
        t_both, signed = timed(lambda: signing.render_signed_report(
            tmp / "both.pdf", data, "bench-pass", questionnaire=qn, answers=answers, result=result,
            profile=profile, meta=meta), runs)
        # the same report with the parties named in six scripts: fallback fonts, shaping, bidi
        world = dict(answers, **{"parties.list": [dict(row, name=f"{SCRIPT_NAMES[i % len(SCRIPT_NAMES)]} {i}")
                                                  for i, row in enumerate(answers["parties.list"])]})
        signing.render_signed_report(tmp / "warm-world.pdf", data, "bench-pass", questionnaire=qn, answers=world,
                                     result=result, profile=profile, meta=meta)
        t_world, world_pdf = timed(lambda: signing.render_signed_report(
            tmp / "world.pdf", data, "bench-pass", questionnaire=qn, answers=world, result=result,
            profile=profile, meta=meta), runs)
        t_verify, res = timed(lambda: signing.verify_pdf(tmp / "both.pdf", data_dir=data), runs)
        assert res.intact
        import pypdf

        return {"pages": len(pypdf.PdfReader(str(signed)).pages), "base": t_base, "base_size": len(base_pdf),
                "render": t_render, "render_size": unsigned.stat().st_size, "sign": t_sign,
                "sign_size": (tmp / "s.pdf").stat().st_size, "both": t_both, "both_size": signed.stat().st_size,
                "verify": t_verify, "world": t_world, "world_size": world_pdf.stat().st_size}


def measure(runs: int = 5) -> list[Row]:
    r = collect(runs)
    what = f"({N_QUESTIONS} answers, {N_PARTIES} parties, {r['pages']} pages), median of {runs}"
    base_note = "plain reportlab, same content"
    return [
        Row(f"render report {what}", r["render"] * 1000, r["base"] * 1000, "ms", r["render"] / r["base"],
            ours_note=f"({r['render_size'] / 1024:.0f} KB)", baseline_note=base_note),
        Row(f"render + sign report (PAdES B-B) {what}", r["both"] * 1000, r["base"] * 1000, "ms",
            r["both"] / r["base"], ours_note=f"({r['both_size'] / 1024:.0f} KB)", baseline_note=base_note),
        Row(f"render + sign, parties named in Chinese, Arabic, Hebrew, Greek, Cyrillic, Devanagari {what}",
            r["world"] * 1000, r["base"] * 1000, "ms", r["world"] / r["base"], target="≤ 4.5x",
            met=r["world"] / r["base"] <= 4.5, ours_note=f"({r['world_size'] / 1024:.0f} KB)",
            baseline_note=base_note),
        Row(f"verify the signed report, median of {runs}", r["verify"] * 1000, None, "ms"),
    ]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()
    r = collect(args.runs)
    t_base, t_render, t_sign, t_both, t_verify = r["base"], r["render"], r["sign"], r["both"], r["verify"]
    print(f"content: {N_QUESTIONS} answers, {N_PARTIES} parties; {r['pages']} pages; median of {args.runs} runs")
    print(f"{'step':42} {'seconds':>8} {'x baseline':>11} {'size':>10}")
    print(f"{'baseline: plain reportlab, same content':42} {t_base:8.3f} {1.0:11.2f} {r['base_size']:>10,}")
    print(f"{'render_report (template, DejaVu, JSON)':42} {t_render:8.3f} {t_render / t_base:11.2f} "
          f"{r['render_size']:>10,}")
    print(f"{'sign_pdf (PAdES B-B, visible block)':42} {t_sign:8.3f} {t_sign / t_base:11.2f} "
          f"{r['sign_size']:>10,}")
    print(f"{'render + sign (render_signed_report)':42} {t_both:8.3f} {t_both / t_base:11.2f} "
          f"{r['both_size']:>10,}")
    print(f"{'render + sign, names in six scripts':42} {r['world']:8.3f} {r['world'] / t_base:11.2f} "
          f"{r['world_size']:>10,}")
    print(f"{'verify_pdf':42} {t_verify:8.3f} {t_verify / t_base:11.2f}")


if __name__ == "__main__":
    main()
