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
from typing import TYPE_CHECKING, Any, Callable, Mapping

from app.base import countries
from app.questionnaire.display import display_value
from app.questionnaire.labels import choice_label
from app.assessment.engine import Result
from app.assessment.workflow import member_state  # re-exported: the one rule for whose authority it is
from app.base.i18n import SOURCE_LOCALE
from app.questionnaire.model import Questionnaire

if TYPE_CHECKING:
    import jinja2

NOTIFY_OUTCOMES = ("NOTIFY", "NOTIFY_NATIONAL")


def notice_outcome(result: Any) -> str | None:
    """The notice this result calls for (NOTIFY or NOTIFY_NATIONAL), or None.

    Issue 13: a CLASSIFICATION_REQUIRED whose outcome without the unsure memberships is a
    notice also produces the notification (the duty runs from awareness), with the
    classification question inside it."""
    outcome = getattr(result, "outcome", None)
    if outcome in NOTIFY_OUTCOMES:
        return str(outcome)
    if outcome == "CLASSIFICATION_REQUIRED" and getattr(result, "outcome_if_not_listed", None) in NOTIFY_OUTCOMES:
        return str(result.outcome_if_not_listed)
    return None


def needs_notification(result: Any) -> bool:
    return notice_outcome(result) is not None
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
    notes: str = ""  # for the exporter, shown beside the draft, never printed in it
    language: str = ""  # the language the draft is written in (its PDF layout follows it); "" = the caller's locale


# --------------------------------------------------------------------------- reference data


def _local(value: Any, locale: str) -> str:
    """A per-locale field of the authorities data in ``locale``, else English ("" when empty)."""
    from app.base.i18n import tr_data

    if isinstance(value, Mapping):
        return tr_data(value, locale)
    return str(value or "")


def authority_for(member_state: str, locale: str = SOURCE_LOCALE) -> dict[str, Any]:
    """The authority entry for a Member State (empty fields and to_verify when unknown), its
    name, unit, address and portal in ``locale`` (the draft's language; English where the
    reference data has no text in it)."""
    from app.base.reference import default_set

    ref = default_set().get("authorities")
    item = ref.item(str(member_state or "").upper()) or {}
    url = (ref.extra.get("commission_list") or {}).get("url", "")
    return {
        "member_state": str(member_state or "").upper(),
        "name": _local(item.get("authority"), locale),
        "unit": _local(item.get("unit"), locale),
        "address": _local(item.get("address"), locale),
        "email": item.get("email", ""),
        "portal": _local(item.get("portal"), locale),
        "languages": list(item.get("languages") or []),
        "source_url": item.get("source_url", "") or url,
        "status": item.get("status", "to_verify"),
        "note": item.get("note", ""),
        "verified_on": item.get("verified_on", ""),
    }


def national_rule(member_state: str) -> Mapping[str, Any] | None:
    from app.base.reference import default_set

    return default_set().get("national_art5_3_rules").item(str(member_state or "").upper())


def eu_member_states() -> set[str]:
    from app.base.reference import default_set

    return {str(v) for v in default_set().get("authorities").values()}


def russia_clause_partners() -> set[str]:
    """The partner countries from the reference data ``no_russia_partner_countries`` (issue 13),
    falling back to the built-in list when the data set is missing."""
    from app.base.reference import ReferenceError, default_set

    try:
        return {str(v) for v in default_set().get("no_russia_partner_countries").values()}
    except ReferenceError:
        return set(RUSSIA_CLAUSE_PARTNERS)


def russia_clause_applies(destination: str) -> bool:
    """Art. 12g (and the no-Belarus clause, Reg. 765/2006 Art. 8g) applies to exports to third
    countries other than the partner countries (and only for goods in the annexes it names:
    check the item's HS code)."""
    d = str(destination or "").upper()
    if not d or d in russia_clause_partners() or d in RUSSIA_CLAUSE_EXCLUDED:
        return False
    return d not in eu_member_states()


# --------------------------------------------------------------------------- context


def _value(qn: Questionnaire, answers: Mapping[str, Any], role: str, locale: str) -> str:
    """The answer stating ``role`` in words; "" when unanswered or the version has no such question."""
    q = qn.role_question(role)
    if q is None:
        return ""
    value = answers.get(q.id)
    if value in (None, "", []):
        return ""
    return display_value(q, value, locale)


# the elements of the definition of a cyber-surveillance item (Art. 2(20)): the key the
# templates read in ``facts_raw.elements``, the role that states it, the English wording
DEFINITION_ELEMENTS = (
    ("specially_designed", "definition_specially_designed", "specially designed"),
    ("covert", "definition_covert", "covert surveillance"),
    ("natural_persons", "definition_natural_persons", "of natural persons"),
    ("data_operations", "definition_data_operations", "monitoring, extracting, collecting or analysing data"),
    ("ict_source", "definition_ict_source", "from information and telecommunication systems"),
)
# the raw answers the templates read in ``facts_raw.answers`` (keyed by question id)
RAW_ANSWER_ROLES = ("annex_i_listed", "parties_screened", "hr_findings", "armed_conflict", "export_kind")


def _choice_texts(qn: Questionnaire, answers: Mapping[str, Any], role: str, locale: str) -> list[str]:
    """The chosen values of a multiple-choice role, each in words."""
    q = qn.role_question(role)
    if q is None:
        return []
    return [choice_label(qn, q.id, None, code, locale) for code in answers.get(q.id) or []]


def _date(text: str) -> _dt.date | None:
    try:
        return _dt.date.fromisoformat(str(text)[:10])
    except (TypeError, ValueError):
        return None


def build_context(*, questionnaire: Questionnaire, answers: Mapping[str, Any], result: Result,
                  profile: Mapping[str, str], meta: Mapping[str, str], locale: str = SOURCE_LOCALE,
                  today: _dt.date | None = None) -> dict[str, Any]:
    qn = questionnaire

    def v(role: str) -> str:
        return _value(qn, answers, role, locale)

    def raw(role: str) -> Any:
        return qn.answer_for(role, answers)

    ms = member_state(qn, answers, profile)
    dest = str(raw("destination_country") or "").upper()
    today = today or _dt.date.today()
    # the addressee in the letter's language: the notification template's (English while the
    # language has none), not the answers' locale
    authority = authority_for(ms, _template_language(locale, "notification"))
    rule = national_rule(ms)
    notice_days = int(rule["notice_days"]) if rule and rule.get("notice_days") else 0

    # item: only what the exporter answered (issue 13: no asserted checks)
    listed = raw("annex_i_listed")
    if listed == "no":
        listed_text = "not listed, according to our classification."
    elif listed == "unsure":
        listed_text = ("we are not certain whether the item is listed in Annex I; we ask you to classify it.")
    else:
        listed_text = v("annex_i_listed") or "[to complete]"
    classification_questions = []
    for q in qn.questions:  # the list-membership questions the questionnaire declares (issue 13)
        if q.membership and answers.get(q.id) == "unsure":
            classification_questions.append(q.text(locale))
    elements = []
    element_answers = {}  # issue 15: the raw answers, for templates that word the definition themselves
    unsure_elements = False
    for key, role, label in DEFINITION_ELEMENTS:
        element_answers[key] = {"answer": raw(role), "text": v(role)}
        if raw(role) == "unsure":
            unsure_elements = True
            elements.append(f"{label}: not certain, treated as met")
            continue
        text = v(role)
        if text:
            elements.append(f"{label}: {text}")
    definition = "; ".join(elements) or "[to complete]"
    if unsure_elements:
        definition += ". We ask you to confirm whether the item is a cyber-surveillance item."

    # deal
    quantity = " ".join(x for x in (v("quantity"), v("quantity_unit")) if x)
    value = " ".join(x for x in (v("value"), str(raw("currency") or "")) if x)
    shipment = _date(raw("shipment_date") or "")
    latest_notice = ""
    if notice_days and shipment:
        latest_notice = (shipment - _dt.timedelta(days=notice_days)).isoformat()

    # parties
    parties = []
    group = qn.role_question("parties")
    for row in raw("parties") or []:
        if not isinstance(row, Mapping) or group is None:
            continue
        fields = {f.id: f for f in group.fields}
        parties.append({
            "name": str(row.get("name") or "[name]"),
            "role": display_value(fields["role"], row.get("role"), locale) if "role" in fields else "",
            "country": display_value(fields["country"], row.get("country"), locale)
            if "country" in fields and row.get("country") else "",
            "address": str(row.get("address") or ""),
            "role_code": str(row.get("role") or ""),
        })

    # due diligence
    redflags = _choice_texts(qn, answers, "red_flags", locale)
    mitigation = _choice_texts(qn, answers, "mitigation_measures", locale)

    notice = notice_outcome(result) or result.outcome
    # only what the exporter said: "non-listed" when it answered "not listed" (issue 13)
    item_words = ("the non-listed cyber-surveillance item described below" if listed == "no"
                  else "the cyber-surveillance item described below")
    national = notice == "NOTIFY_NATIONAL"
    ms_name = countries.name(ms, locale) if ms and countries.is_country(ms) else ms
    provision_grounds = str(rule.get("provision_grounds") or "") if rule else ""
    provision_aware = str(rule.get("provision_aware") or "") if rule else ""
    if national:
        # Issue 13: the national notice cites the national provision (Ireland: s.10(7)).
        basis = provision_grounds or f"the national rule of {ms_name} adopted under Article 5(3) of Regulation (EU) 2021/821"
        subject = f"Notice of grounds for suspicion under {basis}"
        opening = (f"We give notice of grounds to suspect that {item_words} "
                   f"is or may be intended, in its entirety or in part, for use in connection with internal "
                   f"repression and/or the commission of serious violations of human rights or international "
                   f"humanitarian law (Article 5(1) of Regulation (EU) 2021/821), as required by {basis} "
                   f"(a rule adopted under Article 5(3) of Regulation (EU) 2021/821).")
        facts_heading = "Facts giving grounds to suspect"
    else:
        subject = "Notification under Article 5(2) of Regulation (EU) 2021/821 (cyber-surveillance items)"
        opening = ("We notify you under Article 5(2) of Regulation (EU) 2021/821 that, from our due-diligence "
                   f"findings, we are aware that {item_words} is intended, "
                   "in its entirety or in part, for use in connection with internal repression and/or the commission "
                   "of serious violations of human rights or international humanitarian law. We ask you to decide "
                   "whether to make this export subject to authorisation.")
        facts_heading = "Facts giving rise to awareness"
        derived = getattr(result, "derived", {}) or {}
        if derived.get("art4_aware"):
            art4 = ("from our findings, we are aware that the item described below is intended, in its entirety or "
                    "in part, for use in connection with chemical, biological or nuclear weapons or their delivery, "
                    "for a military end use in a country under an arms embargo, or as parts or components of "
                    "military items exported without or against an authorisation (Article 4(1) of Regulation (EU) "
                    "2021/821)")
            if derived.get("aware_in_scope"):
                subject = "Notification under Articles 4(2) and 5(2) of Regulation (EU) 2021/821"
                opening += f" We also notify you under Article 4(2) that, {art4}."
            else:
                subject = "Notification under Article 4(2) of Regulation (EU) 2021/821"
                opening = (f"We notify you under Article 4(2) of Regulation (EU) 2021/821 that, {art4}. We ask you "
                           "to decide whether to make this export subject to authorisation.")
                provision_aware = ""
        if provision_aware:
            opening += f" This notice is also given under {provision_aware}."
    if classification_questions:
        opening += (" We are not certain of the item's classification and ask you to classify it: "
                    + "; ".join(f"\u201c{q}\u201d" for q in classification_questions) + ".")
    if notice_days:
        deadline_text = (f"National deadline: in {ms_name} this notice must reach the competent authority at least "
                         f"{notice_days} days before the export"
                         + (f" ({rule_source(rule)})" if rule else "") + ". "
                         + (f"The planned export date is {shipment.isoformat()}, so the notice is due by "
                            f"{latest_notice}." if shipment else "Enter the planned export date to compute the "
                                                                 "latest date for this notice."))
    else:
        deadline_text = ("No national deadline for this notice is recorded for this Member State in the reference "
                         "data.")

    # Issue 13: the end-user statement's real status (obtained / requested / refused / not_requested)
    eus = raw("end_user_statement")
    eus_attachment = {"obtained": ["End-user statement signed by the end user"]}.get(str(eus), [])
    attachments = [
        "Signed Article 5 assessment report (PDF, with the answers and the result embedded)",
        *eus_attachment,
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
        "facts": str(raw("awareness_facts") or ""),
        "deadline_text": deadline_text,
        "notice_days": notice_days,
        "latest_notice": latest_notice,
        "exporter": {k: str(profile.get(k) or "") for k in ("name", "address", "eori", "contact_name",
                                                              "contact_email", "phone", "compliance_officer")},
        "authority": authority,
        "item": {"name": v("product_name"), "version": v("product_version"), "type": v("product_type"),
                 "cn_code": v("cn_code"), "classification_questions": classification_questions,
                 "description": v("product_description"), "listed_text": listed_text,
                 "vigilance": v("vigilance_categories"), "definition": definition},
        "deal": {"quantity": quantity, "value": value, "kind": v("export_kind"),
                 "destination": v("destination_country"),
                 "contract_date": v("contract_date"), "shipment_date": v("shipment_date")},
        "parties": parties,
        "enduse": {"end_user_type": v("end_user_type"), "declared_use": v("declared_use"),
                   "statement": v("end_user_statement"), "screened": v("parties_screened"),
                   "services": v("services")},
        "dd": {"redflags": redflags, "redflag_notes": v("red_flag_notes"),
               "legal_framework": v("legal_framework"), "hr_findings": v("hr_findings"),
               "hr_sources": v("hr_sources"), "armed_conflict": v("armed_conflict")},
        "mitigation": mitigation,
        "mitigation_details": v("mitigation_details"),
        "attachments": attachments,
        "destination_code": dest,
        "russia_clause": russia_clause_applies(dest),
        "outcome": result.outcome,
        "notice": notice,
        # issue 15: the facts behind the English sentences above, for the templates of other
        # languages, which word subject, opening and deadline themselves
        "facts_raw": {
            "listed": str(listed or ""), "elements": element_answers, "unsure_elements": unsure_elements,
            "art4_aware": bool((getattr(result, "derived", {}) or {}).get("art4_aware")) and not national,
            "aware_in_scope": bool((getattr(result, "derived", {}) or {}).get("aware_in_scope")),
            "provision_grounds": provision_grounds,
            "provision_aware": str(rule.get("provision_aware") or "") if rule else "",
            "member_state": ms, "member_state_name": ms_name,
            "rule_citation": rule_source(rule) if rule else "",
            "shipment": shipment.isoformat() if shipment else "", "today": today.isoformat(), "place": place,
            "end_user_statement": str(eus or ""),
            # keyed by question id (the templates read them so); a version without the question
            # leaves its key out, which a template reads as not stated
            "answers": {qid: answers.get(qid) for qid in (qn.roles.question_id(r) for r in RAW_ANSWER_ROLES)
                        if qid is not None},
        },
    }


def rule_source(rule: Mapping[str, Any]) -> str:
    for s in rule.get("sources") or []:
        act = s.get("act", "")
        art = s.get("article", "")
        return f"{act}, s.{art}" if art else act
    return ""


# --------------------------------------------------------------------------- text


def _text_env() -> jinja2.Environment:
    import jinja2

    from app.base.paths import templates_dir

    # Plain text: no markup is produced from it without escaping (see text_to_xml, docx). Every
    # value goes through _field: the template's own lines make the structure, values only fill it.
    from app.documents.terms import format_date

    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(templates_dir())), autoescape=False,
                             trim_blocks=True, lstrip_blocks=True, undefined=jinja2.StrictUndefined,
                             keep_trailing_newline=True, finalize=_field)
    env.filters["ldate"] = format_date  # {{ day | ldate("de") }}: "1. Dezember 2026" (issue 15)
    return env


_GUARD = "\u00a0"  # a no-break space in front of a value that would read as structure at a line start


def _field(value: Any) -> Any:
    """A value as it fills a field of the draft (issue 14): one line (line breaks become ", "),
    no control, format or filler characters, and never read as structure: a value that starts
    like a heading ("# "), a list item ("- ") or a labelled line ("EORI: ...") gets a no-break
    space in front, which parse_blocks does not take for structure."""
    if value is None or isinstance(value, (bool, int, float)):
        return value
    from app.base.textsafety import clean_text

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
    from app.documents.report import template_name
    from app.documents.terms import template_context

    name = template_name(locale, kind, "txt")
    return _tidy(_text_env().get_template(name).render(**{**template_context(_template_language(locale, kind)),
                                                           **context}))


def _template_language(locale: str, kind: str) -> str:
    """The language of the ``kind`` template used for ``locale`` (English while one is missing)."""
    from app.documents.report import template_name

    return template_name(locale, kind, "txt").split(".")[-3]


def _first_heading(text: str, default: str) -> str:
    """The document's title as its template words it: the text of its first heading."""
    for line in text.splitlines():
        if line.startswith("# ") and line[2:].strip():
            return line[2:].strip()
    return default


def parse_blocks(text: str) -> list[dict[str, Any]]:
    """Split the draft text into heading / list / para blocks (see the module docstring)."""
    from app.pdf.layout import _clean

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

    from app.base.textsafety import clean_text

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
    from app.documents.report import render_xml, template_name

    blocks = parse_blocks(draft.text)
    first = next((i for i, b in enumerate(blocks) if b["kind"] == "heading"), -1)
    # The end-user statement's signature block stays on the page of the section before it: the
    # last two headed sections are laid out as one keep-together chain.
    keep_from = -1
    if draft.kind == "enduser":
        heads = [i for i, b in enumerate(blocks) if b["kind"] == "heading" and i != first]
        keep_from = heads[-2] if len(heads) >= 2 else (heads[-1] if heads else -1)
    ctx = {"title": draft.title, "subject": draft.title, "author": draft.author, "reference": draft.reference,
           "footer_center": draft.title, "draft": not sign, "blocks": blocks, "first_heading": first, "sign": sign,
           "keep_from": keep_from}
    return render_xml(ctx, locale, template=template_name(locale, "notification", "xml"))


# --------------------------------------------------------------------------- placeholders

# "[to complete]", "[exporter name]", "[to complete: ...]", "[competent authority: ...]": a
# bracketed note that starts in lower case is a gap the program left for the user, in any
# language ("[zu ergänzen]", "[à compléter]", "[do uzupełnienia]": issue 15).
_PLACEHOLDER_RE = re.compile(r"\[[^\W\d_][^\[\]\n]{0,300}\]")


def placeholders(text: str) -> list[str]:
    """The distinct placeholders left in a draft's text, in order of appearance."""
    out: list[str] = []
    for m in _PLACEHOLDER_RE.finditer(str(text or "")):
        if m.group(0)[1].islower() and m.group(0) not in out:
            out.append(m.group(0))
    return out


def unconfirmed_placeholders(text: str, confirmed: Any = ()) -> list[str]:
    """The placeholders of ``text`` the user has not confirmed may stay."""
    ok = set(confirmed or ())
    return [p for p in placeholders(text) if p not in ok]


def placeholder_message(draft: Draft, left: list[str]) -> str:
    """Why a draft with placeholders is not signed or exported, naming each one."""
    shown = "; ".join(left[:8]) + (f"; and {len(left) - 8} more" if len(left) > 8 else "")
    return (f"the {draft.title.lower() if draft.kind == 'enduser' else 'notification'} still has "
            f"{len(left)} place{'s' if len(left) != 1 else ''} to complete: {shown}")


# --------------------------------------------------------------------------- writing


def _atomic(path: Path, data: bytes) -> Path:
    from app.base.atomic import AtomicWriteError, write_bytes_atomic

    try:
        return write_bytes_atomic(path, data)
    except AtomicWriteError as exc:
        raise NotificationError(f"{exc.path}: cannot write: {exc.reason}") from None


def pdf_bytes(draft: Draft, *, sign: Callable[[bytes], bytes] | None = None,
              locale: str = SOURCE_LOCALE, created: _dt.datetime | None = None) -> bytes:
    """The draft as PDF (A4, dated ``created``, default now); ``sign`` (the signing service's
    PAdES signer, bytes to bytes) signs it."""
    from app.pdf.layout import build_pdf

    buf = io.BytesIO()
    build_pdf(_xml(draft, sign is not None, locale), buf, created=created)
    data = buf.getvalue()
    return sign(data) if sign is not None else data


def docx_bytes(draft: Draft, created: _dt.datetime | None = None) -> bytes:
    """The draft as a Word document (python-docx), same blocks as the PDF: A4 with 20 mm
    margins (python-docx's template is US Letter), dated ``created`` (default now; its template
    says 2013-12-23)."""
    import docx
    from docx.shared import Mm, Pt, RGBColor

    from app.pdf.layout import document_date

    doc = docx.Document()
    for section in doc.sections:
        section.page_width, section.page_height = Mm(210), Mm(297)
        section.left_margin = section.right_margin = Mm(20)
        section.top_margin, section.bottom_margin = Mm(18), Mm(22)
    style = doc.styles["Normal"]
    style.font.name = "DejaVu Sans"
    style.font.size = Pt(10)
    when = document_date(created).replace(tzinfo=None)  # python-docx writes naive datetimes as UTC
    props = doc.core_properties
    props.title = draft.title
    props.author = draft.author
    props.last_modified_by = draft.author
    props.comments = "Draft written by Art5 Assessor"
    props.created = props.modified = when
    for child in list(props._element):  # the template's "last printed 2013": never printed
        if str(child.tag).endswith("}lastPrinted"):
            props._element.remove(child)
    props.revision = 1
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


def write_outputs(draft: Draft, out_dir: Path, stem: str, *, sign: Callable[[bytes], bytes] | None = None,
                  formats: tuple[str, ...] = ("pdf", "docx", "txt"), locale: str = SOURCE_LOCALE,
                  created: _dt.datetime | None = None) -> list[Path]:
    """Write ``stem.pdf``, ``stem.docx`` and ``stem.txt`` into ``out_dir``; all are built before
    any is written, so a failure (wrong passphrase) writes none. ``sign`` signs the PDF."""
    from app.pdf.layout import document_date

    out_dir = Path(out_dir)
    created = document_date(created)
    locale = draft.language or locale  # the PDF's page words and language tag follow the draft (issue 15)
    from app.base.textsafety import clean_text

    # no control, format or filler character reaches a file (the text may come from the editor)
    draft = Draft(draft.kind, clean_text(draft.title), clean_text(draft.text, multiline=True), draft.reference,
                  clean_text(draft.author), language=draft.language)
    payloads: list[tuple[Path, bytes]] = []
    if "pdf" in formats:
        payloads.append((out_dir / f"{stem}.pdf", pdf_bytes(draft, sign=sign, locale=locale, created=created)))
    if "docx" in formats:
        payloads.append((out_dir / f"{stem}.docx", docx_bytes(draft, created)))
    if "txt" in formats:
        payloads.append((out_dir / f"{stem}.txt", draft.text.encode("utf-8")))
    return [_atomic(path, data) for path, data in payloads]


# --------------------------------------------------------------------------- entry points


def notification_draft(*, questionnaire: Questionnaire, answers: Mapping[str, Any], result: Result,
                       profile: Mapping[str, str], meta: Mapping[str, str], locale: str = SOURCE_LOCALE,
                       today: _dt.date | None = None) -> Draft:
    ctx = build_context(questionnaire=questionnaire, answers=answers, result=result, profile=profile, meta=meta,
                        locale=locale, today=today)
    text = draft_text(ctx, locale, "notification")
    return Draft("notification", _first_heading(text, ctx["subject"]), text, ctx["reference"],
                 ctx["exporter"]["name"], notes=draft_text(ctx, locale, "notification_notes").strip(),
                 language=_template_language(locale, "notification"))


def enduser_draft(*, questionnaire: Questionnaire, answers: Mapping[str, Any], result: Result,
                  profile: Mapping[str, str], meta: Mapping[str, str], locale: str = SOURCE_LOCALE,
                  today: _dt.date | None = None) -> Draft:
    ctx = build_context(questionnaire=questionnaire, answers=answers, result=result, profile=profile, meta=meta,
                        locale=locale, today=today)
    # by the stored role, not its label: the label is in the document's language (issue 15)
    end_users = [p for p in ctx["parties"] if p.get("role_code") == "end_user"] or \
        [p for p in ctx["parties"] if p["role"].lower().startswith("end user")]
    ctx["end_user"] = end_users[0] if end_users else {"name": "", "country": "", "address": ""}
    text = draft_text(ctx, locale, "enduser_statement")
    title = _first_heading(text, "End-user statement")
    return Draft("enduser", title, text, ctx["reference"],
                 ctx["exporter"]["name"], notes=draft_text(ctx, locale, "enduser_statement_notes").strip(),
                 language=_template_language(locale, "enduser_statement"))
