"""The PDF report of an assessment.

Wording lives in Jinja2 templates (``resources/templates/report.<locale>.xml.j2``, English as
the fallback) rendered with autoescape. A template produces a small XML document of layout
blocks (headings, paragraphs, key/value lists, tables, lists, boxes); this module parses it
with ``defusedxml`` and maps each block to a reportlab platypus flowable. Inline markup is
re-serialised from the parsed tree and limited to ``b``, ``i``, ``br`` and ``font``, so a user
value (escaped by the template) reaches ``Paragraph`` as text and can never become reportlab
markup (``<img src=...>``, ``<a href=...>``, entities).

The output is deterministic (``rl_config.invariant``; every timestamp, including the PDF's
creation date, comes in through ``meta``), uses the bundled DejaVu fonts so that any European script prints, and is written
atomically: the report appears complete or not at all.

reportlab, Jinja2 and defusedxml are imported only inside the functions that render, so
importing this module costs the GUI nothing at start-up.
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import os
import re
import secrets
from pathlib import Path
from typing import Any, Mapping

from app.base import atomic, countries
from app.questionnaire.display import display_value
from app.questionnaire.types import TYPES
from app.assessment.engine import Result
from app.assessment.flow import Flow, is_answered
from app.base.i18n import SOURCE_LOCALE, tr_data
from app.base.paths import templates_dir
from app.documents.payload import ATTACHMENT_NAME, attachment_payload
from app.pdf.layout import _clean, build_pdf
from app.questionnaire.model import Question, Questionnaire, Source

PROFILE_FIELDS = ("name", "address", "eori", "member_state", "contact_name", "contact_email", "phone",
                  "compliance_officer")
SIGNER_FIELDS = ("name", "organisation", "email", "fingerprint", "issuer", "self_signed", "valid_until")
META_FIELDS = ("reference", "title", "status", "created_at", "updated_at", "finished_at", "generated_at")
_LOCALE_RE = re.compile(r"^[a-z]{2}(_[A-Z]{2})?$")


class ReportError(Exception):
    """The report could not be written. ``path`` is the report file, ``message`` says why."""

    def __init__(self, path: str | Path, message: str):
        self.path = Path(path)
        self.message = message
        super().__init__(f"{path}: {message}")


# --------------------------------------------------------------------------- data -> context


def _timestamp(value: Any) -> str:
    """An ISO timestamp as ``YYYY-MM-DD HH:MM:SS`` plus its UTC offset; other text unchanged."""
    text = str(value or "").strip()
    if not text:
        return ""
    try:
        ts = _dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return text
    if len(text) <= 10:  # a bare date
        return ts.date().isoformat()
    out = ts.strftime("%Y-%m-%d %H:%M:%S")
    offset = ts.utcoffset()
    if offset is None:
        return out
    if not offset:
        return out + " UTC"
    return out + " " + ts.strftime("%z")[:3] + ":" + ts.strftime("%z")[3:]


def _country(code: Any, locale: str) -> str:
    if not isinstance(code, str) or not code:
        return _clean(code)
    name = countries.name(code, locale)
    return f"{name} ({code})" if name != code else code


def _source(s: Source | Mapping[str, str], locale: str) -> dict[str, Any]:
    from app.base.legal_links import public_url

    if isinstance(s, Source):
        return {"citation": s.citation(), "title": tr_data(s.title, locale), "url": public_url(s.url),
                "to_verify": s.to_verify, "secondary": s.status == "secondary"}
    return {"citation": s.get("citation", ""), "title": s.get("title", ""), "url": public_url(s.get("url", "")),
            "to_verify": s.get("status") == "to_verify", "secondary": s.get("status") == "secondary"}


def _answer(q: Question, value: Any, locale: str) -> dict[str, Any]:
    if not is_answered(value):
        return {"kind": "missing"}
    layout = TYPES[q.type].report if q.type in TYPES else "text"
    if layout == "list":
        values = value if isinstance(value, (list, tuple)) else [value]
        if not values:
            return {"kind": "empty"}
        return {"kind": "list", "items": [display_value(q, [v], locale) for v in values]}
    if layout == "table":
        rows = value if isinstance(value, (list, tuple)) else []
        if not rows:
            return {"kind": "empty"}
        columns = [f.text(locale) for f in q.fields]
        body = []
        for row in rows:
            row = row if isinstance(row, Mapping) else {}
            body.append([display_value(f, row.get(f.id), locale) for f in q.fields])
        # A narrow column for the row number, the rest shared out; text fields get more room.
        weights = [2.0 if f.type == "text" else 1.0 for f in q.fields]
        total = sum(weights)
        widths = ["6"] + [f"{94 * w / total:.2f}" for w in weights]
        return {"kind": "group", "columns": columns, "rows": body, "widths": ",".join(widths)}
    return {"kind": "text", "text": display_value(q, value, locale)}


def _question_ref(qn: Questionnaire, qid: str, locale: str) -> dict[str, str]:
    label = qn.question(qid).text(locale) if qn.has_question(qid) else qid
    return {"id": qid, "label": label}


def build_context(*, questionnaire: Questionnaire, answers: Mapping[str, Any], result: Result,
                  profile: Mapping[str, str], meta: Mapping[str, str], locale: str = SOURCE_LOCALE) -> dict[str, Any]:
    """The data a report template sees: plain strings, lists and dicts, already in words."""
    qn = questionnaire
    flow = Flow(qn, dict(answers))
    pages = []
    for page in qn.pages:
        questions = []
        for q in flow.relevant_questions(page):
            questions.append({
                "id": q.id,
                "label": q.text(locale),
                "answer": _answer(q, answers.get(q.id), locale),
                "sources": [_source(s, locale) for s in q.sources],
                "to_verify": q.to_verify,
            })
        if questions:
            pages.append({"id": page.id, "title": tr_data(page.title, locale), "questions": questions})

    prof = {k: str(profile.get(k) or "").strip() for k in PROFILE_FIELDS}
    ms = prof["member_state"]
    if len(ms) == 2 and countries.is_country(ms.upper()):
        prof["member_state"] = _country(ms.upper(), locale)
    m = {k: str(meta.get(k) or "").strip() for k in META_FIELDS}
    for k in ("created_at", "updated_at", "finished_at", "generated_at"):
        m[k] = _timestamp(m[k])

    # The answers the outcome depends on (for art5: the definition test element by element,
    # the authority's information and the awareness test), with their sources.
    decisive = []
    for q in qn.questions:
        if q.decisive and flow.is_relevant(q):
            decisive.append({"id": q.id, "label": q.text(locale),
                             "answer": display_value(q, answers.get(q.id), locale) if is_answered(answers.get(q.id))
                             else "",
                             "unsure": answers.get(q.id) == "unsure",
                             "sources": [_source(s, locale) for s in q.sources]})

    def shown(name: str, value: Any) -> str:
        if qn.has_question(name):
            q = qn.question(name)
            return display_value(q, value, locale) if is_answered(value) else "not answered"
        return "yes" if value is True else "no" if value is False else _clean(value)

    from app.questionnaire import labels

    # Words, not ids: the rule is named by the outcome it leads to, the answers by their questions.
    from app.assessment import engine as _engine

    builtin = {"SCREENING_REVIEW": _engine.SCREENING_REVIEW_TEXT["title"],
               "SCREENING_CONFIRMED": _engine.SCREENING_PROHIBITED_TEXT["title"]}

    def rule_title(rule_id: str) -> str:
        return builtin[rule_id] if qn.outcome(rule_id) is None and rule_id in builtin \
            else labels.outcome_title(qn, rule_id, locale)

    trace = [{"rule": rule_title(t.rule), "rule_id": t.rule, "fired": t.fired,
              "inputs": [{"name": labels.name_label(qn, k, locale), "id": k, "value": shown(k, v)}
                         for k, v in (t.inputs or {}).items()]}
             for t in result.trace]

    parties_qid = qn.roles.question_id("parties")

    def role(value: Any) -> str:
        if parties_qid is None:
            return str(value or "")
        return labels.choice_label(qn, parties_qid, "role", value, locale)

    # The screening section always says what was checked: the lists used, or that none was.
    scr = getattr(result, "screening", None)
    parties = []
    if scr:
        for p in scr.get("parties", []):
            hits = [{"entity": h.get("entity_name", ""), "matched": h.get("matched_name", ""),
                     "score": f"{float(h.get('score', 0)):.2f}", "reference": h.get("eu_reference", ""),
                     "programme": h.get("programme", ""), "status": h.get("status", "open"),
                     "explanation": h.get("explanation", "")} for h in p.get("hits", [])]
            parties.append({"name": p.get("name", ""), "role": role(p.get("role", "")),
                            "country": _country(p.get("country") or "", locale), "hits": hits})
    else:
        for row in qn.answer_for("parties", answers) or []:
            if isinstance(row, Mapping) and str(row.get("name") or "").strip():
                parties.append({"name": str(row.get("name")), "role": role(row.get("role", "")),
                                "country": _country(row.get("country") or "", locale), "hits": []})
    screening = None
    if scr or parties:
        scr = scr or {}
        lists = [{"source": i.get("source", ""), "date": i.get("generation_date", ""),
                  "sha256": i.get("sha256", "")} for i in scr.get("lists", [])]
        screening = {"checked": bool(scr.get("checked")) and bool(lists), "threshold": scr.get("threshold", ""),
                     "lists": lists, "parties": parties}

    ref_rows = []
    for key in sorted(result.reference_data):
        info = result.reference_data[key] or {}
        ref_rows.append({"id": info.get("id", key), "version": info.get("version", ""),
                         "date": info.get("date", ""), "sha256": info.get("sha256", ""),
                         "official": info.get("official", "yes") != "no"})

    return {
        "locale": locale,
        "meta": m,
        "profile": prof,
        "qn": {
            "id": result.questionnaire.get("id", qn.id),
            "version": result.questionnaire.get("version", qn.version),
            "sha256": result.questionnaire.get("sha256", qn.sha256),
            "title": qn.text(locale),
            "official": bool(result.questionnaire.get("official", getattr(qn, "official", False))),
        },
        "result": {
            "outcome": result.outcome,
            "title": result.title,
            "summary": result.summary,
            "provisional": result.provisional,
            "rationale": [{"text": s.text, "citations": [_source(c, locale) for c in s.citations]}
                          for s in result.rationale],
            "actions": list(result.actions),
            "open_questions": [_question_ref(qn, i, locale) for i in result.open_questions],
            "missing": [_question_ref(qn, i, locale) for i in result.missing],
            "unanswered": [_question_ref(qn, i, locale) for i in result.unanswered],
            "warnings": list(result.warnings),
            # issue 13
            "outcome_if_listed": getattr(result, "outcome_if_listed", None),
            "outcome_if_not_listed": getattr(result, "outcome_if_not_listed", None),
            "outcome_if_listed_title": labels.outcome_title(qn, result.outcome_if_listed, locale)
            if getattr(result, "outcome_if_listed", None) else "",
            "outcome_if_not_listed_title": labels.outcome_title(qn, result.outcome_if_not_listed, locale)
            if getattr(result, "outcome_if_not_listed", None) else "",
            "flags": [{"id": f, "text": getattr(result, "flag_texts", {}).get(f, "")}
                      for f in getattr(result, "flags", [])],
            "caveats": list(getattr(result, "caveats", [])),
        },
        "pages": pages,
        "decisive": decisive,
        "trace": trace,
        "screening": screening,
        "reference_data": ref_rows,
        "attachment": None,  # set by render_report: {name, sha256} of the embedded JSON
        "signer": {k: "" for k in SIGNER_FIELDS},  # set by render_report when the report is to be signed
    }


# --------------------------------------------------------------------------- template -> XML


def template_name(locale: str, kind: str = "report", ext: str = "xml") -> str:
    """The ``kind`` template for ``locale`` (``de_AT`` -> ``de`` -> English)."""
    candidates = []
    if isinstance(locale, str) and _LOCALE_RE.match(locale):
        candidates += [locale, locale.split("_")[0]]
    candidates.append(SOURCE_LOCALE)
    for loc in candidates:
        name = f"{kind}.{loc}.{ext}.j2"
        if (templates_dir() / name).is_file():
            return name
    return f"{kind}.{SOURCE_LOCALE}.{ext}.j2"


def render_xml(context: Mapping[str, Any], locale: str = SOURCE_LOCALE, template: str | None = None) -> str:
    """The layout XML of the report (or of ``template``): the template rendered with autoescape."""
    import jinja2
    from markupsafe import Markup, escape

    def finalize(value: Any) -> Any:
        if isinstance(value, Markup) or value is None:
            return "" if value is None else value
        return _clean(value)

    def nl2br(value: Any) -> Markup:
        if isinstance(value, Markup):
            return value
        lines = _clean(value).replace("\r\n", "\n").replace("\r", "\n").split("\n")
        return Markup("<br/>").join(escape(line) for line in lines)

    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(templates_dir())),
        autoescape=True,
        finalize=finalize,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
    )
    env.filters["nl2br"] = nl2br
    return env.get_template(template or template_name(locale)).render(**context)


# --------------------------------------------------------------------------- entry point


AUDIT_ANCHOR_FIELDS = ("count", "last_id", "last_hash", "events_sha256", "chain_head")


def report_payload(*, questionnaire: Questionnaire, answers: Mapping[str, Any], result: Result,
                   profile: Mapping[str, str], meta: Mapping[str, str],
                   records: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """What the report embeds as ``assessment.json``: enough to read the assessment back, and
    (with ``records``) the audit anchor: this assessment's event count, last event hash, the
    digest of its event hashes and the register's chain head at signing time."""
    from app import __version__

    audit = (records or {}).get("audit") or None
    extra = {"audit": {k: audit.get(k) for k in AUDIT_ANCHOR_FIELDS}} if audit else {}
    return {**extra,
        "program": f"Art5 Assessor {__version__}",
        "questionnaire": {"id": result.questionnaire.get("id", questionnaire.id),
                          "version": result.questionnaire.get("version", questionnaire.version),
                          "sha256": result.questionnaire.get("sha256", questionnaire.sha256)},
        "meta": {k: str(meta.get(k) or "") for k in META_FIELDS},
        "profile": {k: str(profile.get(k) or "") for k in PROFILE_FIELDS},
        "answers": dict(answers),
        "result": result.to_dict(),
    }


def render_report(out_path: Path, *, questionnaire: Questionnaire, answers: dict[str, Any],
                  result: Result, profile: Mapping[str, str], meta: Mapping[str, str],
                  locale: str = "en", signer: Mapping[str, str] | None = None, embed: bool = True,
                  records: Mapping[str, Any] | None = None) -> Path:
    """Write the PDF report of an assessment to ``out_path`` and return the path.

    ``records`` (from app.assessment.records.report_extras) adds the audit-trail summary, with the newest
    hash of the chain, and the list of evidence attachments with their SHA-256.

    ``signer`` (name, organisation, fingerprint) describes the identity that will sign the
    report; the "How to verify this document" page then names its certificate fingerprint and
    the last page reserves the box for the visible signature. With ``embed`` the answers and
    the result travel inside the PDF as the attachment ``assessment.json``.

    The same input always gives the same bytes. A missing folder is created. The file is written to a temporary file in the
    same folder and moved into place, so ``out_path`` holds either the previous file or the
    complete new report. Raises :class:`ReportError` when the report cannot be written.
    """
    import io

    out_path = Path(out_path)
    folder = out_path.parent
    if out_path.is_dir():
        raise ReportError(out_path, "this is a folder; choose a file name for the report")
    # Claim the temporary file first: an unwritable folder fails before any layout work.
    tmp = folder / f".{out_path.name}.{secrets.token_hex(6)}.tmp"
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except (FileExistsError, NotADirectoryError):
        raise ReportError(out_path, f"cannot write the report: {folder} is not a folder") from None
    except PermissionError:
        raise ReportError(out_path, f"cannot write the report: the folder {folder} cannot be created") from None
    except OSError as exc:
        raise ReportError(out_path, f"cannot write the report: {exc.strerror or exc}") from None
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o666)
    except PermissionError:
        raise ReportError(out_path, f"cannot write the report: the folder {folder} is not writable") from None
    except OSError as exc:
        raise ReportError(out_path, f"cannot write the report: {exc.strerror or exc}") from None
    try:
        with os.fdopen(fd, "wb") as fh:
            context = build_context(questionnaire=questionnaire, answers=answers, result=result,
                                    profile=profile, meta=meta, locale=locale)
            attachments = None
            context["attachment"] = None
            if embed:
                payload = attachment_payload(report_payload(questionnaire=questionnaire, answers=answers,
                                                            result=result, profile=profile, meta=meta,
                                                            records=records))
                attachments = {ATTACHMENT_NAME: (payload, "application/json",
                                                 "Answers and result of the assessment (Art5 Assessor)")}
                context["attachment"] = {"name": ATTACHMENT_NAME,
                                         "sha256": hashlib.sha256(payload).hexdigest()}
            context["signer"] = {k: _clean((signer or {}).get(k, "")) for k in SIGNER_FIELDS}
            context["records"] = records or None
            buf = io.BytesIO()
            from reportlab.platypus.doctemplate import LayoutError

            try:
                build_pdf(render_xml(context, locale), buf, attachments,
                          created=meta.get("generated_at") or meta.get("updated_at"))
            except FileNotFoundError as exc:
                raise ReportError(out_path, str(exc)) from None
            except LayoutError as exc:
                raise ReportError(out_path, "the report cannot be laid out: a text is too long to fit on a page "
                                            f"({str(exc).split(chr(10))[0][:160]}); shorten the longest answer "
                                            "and try again. Nothing was written") from None
            try:
                fh.write(buf.getvalue())
                fh.flush()
                os.fsync(fh.fileno())
            except OSError as exc:
                raise ReportError(out_path, f"cannot write the report: {exc.strerror or exc}") from None
        try:
            os.replace(tmp, out_path)
        except OSError as exc:
            hint = " (is the file open in another program?)" if isinstance(exc, PermissionError) else ""
            raise ReportError(out_path, f"cannot replace the report: {exc.strerror or exc}{hint}") from None
    except BaseException:
        atomic.discard(tmp)
        raise
    return out_path
