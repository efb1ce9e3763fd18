"""The draft notification to the competent authority, and the draft end-user statement.

The wording is a plain-text Jinja2 template (``notification.<locale>.txt.j2``,
``enduser_statement.<locale>.txt.j2``) filled from the answers, the result, the exporter
profile and the reference data ``authorities`` and ``national_art5_3_rules``. That text is the
draft the user edits (in the app) or pastes into a portal; the PDF and the DOCX are laid out
from the same text, so the three always say the same thing:

- a line starting with ``# `` is a heading, a line starting with ``- `` a list item, a blank
  line ends a paragraph, other line breaks are kept (addresses);
- the PDF goes through app/report.py's XML -> platypus builder (``notification.<locale>.xml.j2``
  layout, autoescape, every user value escaped) and can be signed with app/signing.py;
- the DOCX is written with python-docx.

All files are written atomically. No Qt.
"""

from __future__ import annotations

import datetime as _dt
import io
import os
import re
import secrets
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Mapping

from . import countries
from .display import display_value
from .engine import Result
from .i18n import SOURCE_LOCALE
from .questionnaire import Questionnaire

NOTIFY_OUTCOMES = ("NOTIFY", "NOTIFY_NATIONAL")
# Reg. 833/2014 Art. 12g: partner countries for which the no-Russia clause is not required
# (Annex VIII as cited by a secondary source; to verify against the consolidated text).
RUSSIA_CLAUSE_PARTNERS = {"US", "JP", "GB", "KR", "AU", "CA", "NZ", "NO", "CH"}
RUSSIA_CLAUSE_EXCLUDED = {"RU", "BY"}
_LABEL_RE = re.compile(r"^([A-Z][^:\n]{1,60}):\s(.*)$")


class NotificationError(Exception):
    """A draft could not be written; the message names the file and the problem."""


@dataclass
class Draft:
    kind: str  # "notification" | "enduser"
    title: str
    text: str
    reference: str
    author: str


# --------------------------------------------------------------------------- reference data


def authority_for(member_state: str) -> dict[str, Any]:
    """The authority entry for a Member State (empty fields and to_verify when unknown)."""
    from .reference import default_set

    ref = default_set().get("authorities")
    item = ref.item(str(member_state or "").upper()) or {}
    url = (ref.extra.get("commission_list") or {}).get("url", "")
    return {
        "member_state": str(member_state or "").upper(),
        "name": item.get("authority", ""),
        "unit": item.get("unit", ""),
        "address": item.get("address", ""),
        "email": item.get("email", ""),
        "portal": item.get("portal", ""),
        "languages": list(item.get("languages") or []),
        "source_url": item.get("source_url", "") or url,
        "status": item.get("status", "to_verify"),
        "note": item.get("note", ""),
        "verified_on": item.get("verified_on", ""),
    }


def national_rule(member_state: str) -> Mapping[str, Any] | None:
    from .reference import default_set

    return default_set().get("national_art5_3_rules").item(str(member_state or "").upper())


def eu_member_states() -> set[str]:
    from .reference import default_set

    return {str(v) for v in default_set().get("authorities").values()}


def russia_clause_applies(destination: str) -> bool:
    """Art. 12g applies to exports to third countries other than the partner countries
    (and only for goods in the annexes it names: check the item's HS code)."""
    d = str(destination or "").upper()
    if not d or d in RUSSIA_CLAUSE_PARTNERS or d in RUSSIA_CLAUSE_EXCLUDED:
        return False
    return d not in eu_member_states()


# --------------------------------------------------------------------------- context


def _value(qn: Questionnaire, answers: Mapping[str, Any], qid: str, locale: str) -> str:
    if not qn.has_question(qid):
        return ""
    value = answers.get(qid)
    if value in (None, "", []):
        return ""
    return display_value(qn.question(qid), value, locale)


def _date(text: str) -> _dt.date | None:
    try:
        return _dt.date.fromisoformat(str(text)[:10])
    except (TypeError, ValueError):
        return None


def build_context(*, questionnaire: Questionnaire, answers: Mapping[str, Any], result: Result,
                  profile: Mapping[str, str], meta: Mapping[str, str], locale: str = SOURCE_LOCALE,
                  today: _dt.date | None = None) -> dict[str, Any]:
    qn = questionnaire

    def v(qid: str) -> str:
        return _value(qn, answers, qid, locale)

    ms = str(answers.get("export.member_state") or profile.get("member_state") or "").upper()
    dest = str(answers.get("export.destination_country") or "").upper()
    today = today or _dt.date.today()
    authority = authority_for(ms)
    rule = national_rule(ms)
    notice_days = int(rule.get("notice_days")) if rule and rule.get("notice_days") else 0

    # item
    listed = answers.get("item.annex_i_listed")
    if listed == "no":
        listed_text = ("not listed. We checked the Annex I entries for cyber-surveillance items "
                       "(e.g. 4A005, 4D004, 5A001.j, 5A004.a) and the item does not meet their parameters.")
    elif listed == "unsure":
        listed_text = ("classification not certain; we treat the item as not listed and ask you to confirm "
                       "its classification.")
    else:
        listed_text = v("item.annex_i_listed") or "[to complete]"
    elements = []
    for qid, label in (("item.specially_designed", "specially designed"), ("item.covert", "covert surveillance"),
                       ("item.natural_persons", "of natural persons"),
                       ("item.data_operations", "monitoring, extracting, collecting or analysing data"),
                       ("item.ict_source", "from information and telecommunication systems")):
        text = v(qid)
        if text:
            elements.append(f"{label}: {text}")
    definition = "; ".join(elements) or "[to complete]"

    # deal
    quantity = " ".join(x for x in (v("export.quantity"), v("export.quantity_unit")) if x)
    value = " ".join(x for x in (v("export.value"), str(answers.get("export.currency") or "")) if x)
    shipment = _date(answers.get("export.shipment_date") or "")
    latest_notice = ""
    if notice_days and shipment:
        latest_notice = (shipment - _dt.timedelta(days=notice_days)).isoformat()

    # parties
    parties = []
    group = qn.question("parties.list") if qn.has_question("parties.list") else None
    for row in answers.get("parties.list") or []:
        if not isinstance(row, Mapping) or group is None:
            continue
        fields = {f.id: f for f in group.fields}
        parties.append({
            "name": str(row.get("name") or "[name]"),
            "role": display_value(fields["role"], row.get("role"), locale) if "role" in fields else "",
            "country": display_value(fields["country"], row.get("country"), locale)
            if "country" in fields and row.get("country") else "",
            "address": str(row.get("address") or ""),
        })

    # due diligence
    redflags = []
    if qn.has_question("redflags.observed"):
        q = qn.question("redflags.observed")
        for code in answers.get("redflags.observed") or []:
            c = q.choice(code)
            redflags.append(c.text(locale) if c else str(code))
    mitigation = []
    if qn.has_question("mitigation.measures"):
        q = qn.question("mitigation.measures")
        for code in answers.get("mitigation.measures") or []:
            c = q.choice(code)
            mitigation.append(c.text(locale) if c else str(code))

    national = result.outcome == "NOTIFY_NATIONAL"
    ms_name = countries.name(ms, locale) if ms and countries.is_country(ms) else ms
    if national:
        subject = "Notice of grounds for suspicion under Article 5(3) of Regulation (EU) 2021/821"
        opening = (f"We give notice of grounds to suspect that the non-listed cyber-surveillance item described below "
                   f"is or may be intended, in its entirety or in part, for use in connection with internal "
                   f"repression and/or the commission of serious violations of human rights or international "
                   f"humanitarian law (Article 5(1) of Regulation (EU) 2021/821), as required by the national "
                   f"rule of {ms_name} adopted under Article 5(3).")
        facts_heading = "Facts giving grounds to suspect"
    else:
        subject = "Notification under Article 5(2) of Regulation (EU) 2021/821 (cyber-surveillance items)"
        opening = ("We notify you under Article 5(2) of Regulation (EU) 2021/821 that, from our due-diligence "
                   "findings, we are aware that the non-listed cyber-surveillance item described below is intended, "
                   "in its entirety or in part, for use in connection with internal repression and/or the commission "
                   "of serious violations of human rights or international humanitarian law. We ask you to decide "
                   "whether to make this export subject to authorisation.")
        facts_heading = "Facts giving rise to awareness"
    if notice_days:
        deadline_text = (f"National deadline: in {ms_name} this notice must reach the competent authority at least "
                         f"{notice_days} days before the export"
                         + (f" ({rule_source(rule)})" if rule else "") + ". "
                         + (f"The planned export date is {shipment.isoformat()}, so the notice is due by "
                            f"{latest_notice}." if shipment else "Enter the planned export date to compute the "
                                                                 "latest date for this notice."))
    else:
        deadline_text = ("No national deadline for this notice is recorded for this Member State in the reference "
                         "data; we will not export before you have decided.")

    attachments = [
        "Signed Article 5 assessment report (PDF, with the answers and the result embedded)",
        "End-user statement signed by the end user" + ("" if answers.get("enduse.end_user_statement") == "yes"
                                                       else " (to be obtained)"),
        "Technical description or data sheet of the item, including its functions and configuration",
        "Contract, order or offer (or draft) with quantities, values and delivery terms",
        "Sanctions-list screening results for every party, owner and controller",
        "Due-diligence file: sources consulted, red-flag follow-up, correspondence with the customer",
        "Organisation chart or company register extract of the end user, where available",
    ]
    reference = str(meta.get("reference") or "")
    place = profile.get("address", "").replace("\r", "").split("\n")[-1].strip() if profile.get("address") else ""
    return {
        "reference": reference,
        "place_date": f"{place + ', ' if place else ''}{today.isoformat()}",
        "subject": subject,
        "opening": opening,
        "national": national,
        "facts_heading": facts_heading,
        "facts": str(answers.get("enduse.awareness_facts") or ""),
        "deadline_text": deadline_text,
        "notice_days": notice_days,
        "latest_notice": latest_notice,
        "exporter": {k: str(profile.get(k) or "") for k in ("name", "address", "eori", "contact_name",
                                                              "contact_email")},
        "authority": authority,
        "item": {"name": v("item.name"), "version": v("item.version"), "type": v("item.type"),
                 "description": v("item.description"), "listed_text": listed_text,
                 "vigilance": v("item.vigilance_categories"), "definition": definition},
        "deal": {"quantity": quantity, "value": value, "kind": v("export.kind"),
                 "destination": v("export.destination_country"),
                 "contract_date": v("export.contract_date"), "shipment_date": v("export.shipment_date")},
        "parties": parties,
        "enduse": {"end_user_type": v("enduse.end_user_type"), "declared_use": v("enduse.declared_use"),
                   "statement": v("enduse.end_user_statement"), "screened": v("parties.screened"),
                   "services": v("enduse.services")},
        "dd": {"redflags": redflags, "redflag_notes": v("redflags.notes"),
               "legal_framework": v("enduse.legal_framework"), "hr_findings": v("enduse.hr_findings"),
               "hr_sources": v("enduse.hr_sources"), "armed_conflict": v("enduse.armed_conflict")},
        "mitigation": mitigation,
        "mitigation_details": v("mitigation.details"),
        "attachments": attachments,
        "destination_code": dest,
        "russia_clause": russia_clause_applies(dest),
        "outcome": result.outcome,
    }


def rule_source(rule: Mapping[str, Any]) -> str:
    for s in rule.get("sources") or []:
        act = s.get("act", "")
        art = s.get("article", "")
        return f"{act}, s.{art}" if art else act
    return ""


# --------------------------------------------------------------------------- text


def _text_env():
    import jinja2

    from .paths import templates_dir

    # Plain text: no markup is produced from it without escaping (see text_to_xml, docx). Every
    # value goes through _field: the template's own lines make the structure, values only fill it.
    return jinja2.Environment(loader=jinja2.FileSystemLoader(str(templates_dir())), autoescape=False,
                              trim_blocks=True, lstrip_blocks=True, undefined=jinja2.StrictUndefined,
                              keep_trailing_newline=True, finalize=_field)


_GUARD = "\u00a0"  # a no-break space in front of a value that would read as structure at a line start


def _field(value: Any) -> Any:
    """A value as it fills a field of the draft (issue 14): one line (line breaks become ", "),
    no control, format or filler characters, and never read as structure: a value that starts
    like a heading ("# "), a list item ("- ") or a labelled line ("EORI: ...") gets a no-break
    space in front, which parse_blocks does not take for structure."""
    if value is None or isinstance(value, (bool, int, float)):
        return value
    from .textsafety import clean_text

    text = ", ".join(p.strip() for p in clean_text(str(value), multiline=True).split("\n") if p.strip())
    text = clean_text(text)  # tabs and anything left
    if text.startswith(("#", "-")) or _LABEL_RE.match(text):
        text = _GUARD + text
    return text


def _tidy(text: str) -> str:
    text = re.sub(r"[ \t]+\n", "\n", text)
    text = re.sub(r"\n{3,}", "\n\n", text)
    return text.strip(" \t\n") + "\n"  # not str.strip(): it would take a value's guard (_GUARD) too


def draft_text(context: Mapping[str, Any], locale: str = SOURCE_LOCALE, kind: str = "notification") -> str:
    from .report import template_name

    return _tidy(_text_env().get_template(template_name(locale, kind, "txt")).render(**context))


def parse_blocks(text: str) -> list[dict[str, Any]]:
    """Split the draft text into heading / list / para blocks (see the module docstring)."""
    from .report import _clean

    blocks: list[dict[str, Any]] = []
    para: list[str] = []

    def flush() -> None:
        if para:
            lines = []
            for line in para:  # lines keep their leading space: a guarded value is never a label
                m = _LABEL_RE.match(line)
                lines.append({"label": m.group(1), "text": m.group(2).strip()} if m
                             else {"label": "", "text": line.strip()})
            blocks.append({"kind": "para", "lines": lines})
            para.clear()

    from .textsafety import clean_text

    for raw in clean_text(_clean(text).replace("\r\n", "\n").replace("\r", "\n"), multiline=True).split("\n"):
        line = raw.rstrip()
        if line.startswith("# "):
            flush()
            blocks.append({"kind": "heading", "text": line[2:].strip()})
        elif line.startswith("- "):
            flush()
            if blocks and blocks[-1]["kind"] == "list":
                blocks[-1]["items"].append(line[2:].strip())
            else:
                blocks.append({"kind": "list", "items": [line[2:].strip()]})
        elif not line.strip():
            flush()
        else:
            para.append(line)
    flush()
    return blocks


def _xml(draft: Draft, sign: bool, locale: str = SOURCE_LOCALE) -> str:
    from .report import render_xml, template_name

    blocks = parse_blocks(draft.text)
    first = next((i for i, b in enumerate(blocks) if b["kind"] == "heading"), -1)
    ctx = {"title": draft.title, "subject": draft.title, "author": draft.author, "reference": draft.reference,
           "footer_center": draft.title, "draft": not sign, "blocks": blocks, "first_heading": first, "sign": sign}
    return render_xml(ctx, locale, template=template_name(locale, "notification", "xml"))


# --------------------------------------------------------------------------- writing


def _atomic(path: Path, data: bytes) -> Path:
    from .atomic import AtomicWriteError, write_bytes_atomic

    try:
        return write_bytes_atomic(path, data)
    except AtomicWriteError as exc:
        raise NotificationError(f"{exc.path}: cannot write: {exc.reason}") from None


def pdf_bytes(draft: Draft, *, data_dir: Path | None = None, passphrase: str | None = None,
              locale: str = SOURCE_LOCALE) -> bytes:
    """The draft as PDF; signed (PAdES) when a passphrase is given."""
    from .report import build_pdf

    sign = bool(passphrase)
    buf = io.BytesIO()
    build_pdf(_xml(draft, sign, locale), buf)
    data = buf.getvalue()
    if sign:
        from .signing import sign_bytes

        data = sign_bytes(data, data_dir, passphrase)
    return data


def docx_bytes(draft: Draft) -> bytes:
    """The draft as a Word document (python-docx), same blocks as the PDF."""
    import docx
    from docx.shared import Pt, RGBColor

    doc = docx.Document()
    style = doc.styles["Normal"]
    style.font.name = "DejaVu Sans"
    style.font.size = Pt(10)
    doc.core_properties.title = draft.title
    doc.core_properties.author = draft.author
    doc.core_properties.comments = "Draft written by Art5 Assessor"
    blocks = parse_blocks(draft.text)
    first = next((i for i, b in enumerate(blocks) if b["kind"] == "heading"), -1)
    for i, b in enumerate(blocks):
        if b["kind"] == "heading":
            doc.add_heading(b["text"], level=1 if i == first else 2)
        elif b["kind"] == "list":
            for item in b["items"]:
                doc.add_paragraph(item, style="List Bullet")
        else:
            p = doc.add_paragraph()
            for n, line in enumerate(b["lines"]):
                if line["label"]:
                    r = p.add_run(line["label"] + ": ")
                    r.font.color.rgb = RGBColor(0x5B, 0x64, 0x70)
                p.add_run(line["text"])
                if n < len(b["lines"]) - 1:
                    p.add_run().add_break()
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def write_outputs(draft: Draft, out_dir: Path, stem: str, *, data_dir: Path | None = None,
                  passphrase: str | None = None, formats: tuple[str, ...] = ("pdf", "docx", "txt"),
                  locale: str = SOURCE_LOCALE) -> list[Path]:
    """Write ``stem.pdf``, ``stem.docx`` and ``stem.txt`` into ``out_dir``; all are built before
    any is written, so a failure (wrong passphrase) writes none."""
    out_dir = Path(out_dir)
    from .textsafety import clean_text

    # no control, format or filler character reaches a file (the text may come from the editor)
    draft = Draft(draft.kind, clean_text(draft.title), clean_text(draft.text, multiline=True), draft.reference,
                  clean_text(draft.author))
    payloads: list[tuple[Path, bytes]] = []
    if "pdf" in formats:
        payloads.append((out_dir / f"{stem}.pdf", pdf_bytes(draft, data_dir=data_dir, passphrase=passphrase,
                                                             locale=locale)))
    if "docx" in formats:
        payloads.append((out_dir / f"{stem}.docx", docx_bytes(draft)))
    if "txt" in formats:
        payloads.append((out_dir / f"{stem}.txt", draft.text.encode("utf-8")))
    return [_atomic(path, data) for path, data in payloads]


# --------------------------------------------------------------------------- entry points


def notification_draft(*, questionnaire: Questionnaire, answers: Mapping[str, Any], result: Result,
                       profile: Mapping[str, str], meta: Mapping[str, str], locale: str = SOURCE_LOCALE,
                       today: _dt.date | None = None) -> Draft:
    ctx = build_context(questionnaire=questionnaire, answers=answers, result=result, profile=profile, meta=meta,
                        locale=locale, today=today)
    return Draft("notification", ctx["subject"], draft_text(ctx, locale, "notification"), ctx["reference"],
                 ctx["exporter"]["name"])


def enduser_draft(*, questionnaire: Questionnaire, answers: Mapping[str, Any], result: Result,
                  profile: Mapping[str, str], meta: Mapping[str, str], locale: str = SOURCE_LOCALE,
                  today: _dt.date | None = None) -> Draft:
    ctx = build_context(questionnaire=questionnaire, answers=answers, result=result, profile=profile, meta=meta,
                        locale=locale, today=today)
    end_users = [p for p in ctx["parties"] if p["role"].lower().startswith("end user")]
    ctx["end_user"] = end_users[0] if end_users else {"name": "", "country": "", "address": ""}
    title = "End-user statement"
    return Draft("enduser", title, draft_text(ctx, locale, "enduser_statement"), ctx["reference"],
                 ctx["exporter"]["name"])
