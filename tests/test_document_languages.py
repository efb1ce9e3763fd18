"""Issue 15: the notification and the end-user statement in the authority's language.

For each of the seven languages, the README's NOTIFY example is sent from a Member State whose
authority works in that language (DE, FR, IT, NL, ES, PL; IE in English) and written as PDF,
DOCX and TXT: the authority's name and address from the reference data are in every file, so
are the legal terms of that language version (resources/reference/legal_terms.yaml), and no
sentence of the English template is left. Dates are in the language's usual form, the
exporter's own text stays as typed with a sentence saying so, each language's placeholders are
found, and the terms not yet checked against the Official Journal are listed beside the draft.
No Qt.
"""

from __future__ import annotations

import datetime as dt
import re
import subprocess
from pathlib import Path

import pytest

from app.assessment import engine
from app.base.paths import templates_dir
from app.documents import language, notification, terms
from tests.test_documents_1_1 import META, PROFILE, ROOT, readme_example
from app.questionnaire.model import load

TODAY = dt.date(2026, 12, 1)
LANGS = {"DE": "de", "FR": "fr", "IT": "it", "NL": "nl", "ES": "es", "PL": "pl", "IE": "en"}
CORE_TERMS = ("cyber_surveillance_items", "competent_authority", "internal_repression", "serious_violations")
# Sentences and headings of notification.en.txt.j2 that the README example always shows: none may
# be left in a notification in another language (checked below to be in the English rendering).
ENGLISH_NOTIFICATION = (
    "Dear Sir or Madam", "Yours faithfully", "Please direct questions to the contact person named above",
    "We notify you under Article 5(2)", "We ask you to decide whether to make this export subject to authorisation",
    "in its entirety or in part", "from our due-diligence findings", "Our reference:", "Contact person:",
    "The item and its classification", "Commercial name:", "Customs code (HS/CN):", "Description of the functions",
    "Quantity, value and mode of export", "Mode of export:", "Nature of the end user", "Screening against EU sanctions",
    "Stated end use and destination", "Destination country:", "Due-diligence findings", "Red flags observed",
    "Facts giving rise to awareness", "No national deadline for this notice", "Mitigation measures proposed",
    "Planned shipment or service start", "Related transactions", "Attachments",
    "Signed Article 5 assessment report", "Technical description or data sheet", "Contract, order or offer",
    "We will not export, transfer or give electronic access", "[to complete", "[to confirm",
    "not listed, according to our classification", "Definition of a cyber-surveillance item",
    "cyber-surveillance item described below", "Notification under Article 5(2)",
)
ENGLISH_ENDUSER = (
    "End-user statement", "We, the end user, declare", "will be used only for the following purpose",
    "Place of installation or use", "Undertakings", "We, the end user, undertake that",
    "without the prior written consent", "No re-export to Russia or Belarus", "We undertake not to sell",
    "Signature of the end user", "Name and position:", "Place and date:", "Signature and stamp:",
    "Exporter's address:", "Nature of the organisation",
)
PLACEHOLDER = {"de": "[zu ergänzen", "fr": "[à compléter", "it": "[da completare", "nl": "[in te vullen",
               "es": "[a completar", "pl": "[do uzupełnienia", "en": "[to complete"}
DATES = {"en": ("1 December 2026", "1 March 2027"), "de": ("1. Dezember 2026", "1. März 2027"), "fr": ("1er décembre 2026", "1er mars 2027"),
         "it": ("1 dicembre 2026", "1 marzo 2027"), "nl": ("1 december 2026", "1 maart 2027"),
         "es": ("1 de diciembre de 2026", "1 de marzo de 2027"), "pl": ("1 grudnia 2026 r.", "1 marca 2027 r.")}
ORIGINAL_LANGUAGE = {"en": "in the language it was entered in; it is not translated", "de": "in seiner Originalsprache gemacht; sie sind nicht übersetzt",
                     "fr": "dans la langue où il les a saisies ; elles ne sont pas traduites",
                     "it": "nella lingua in cui le ha inserite; non sono tradotte",
                     "nl": "in zijn eigen taal ingevoerd; zij zijn niet vertaald",
                     "es": "en la lengua en que los introdujo; no están traducidos",
                     "pl": "w języku, w którym je wprowadził; nie zostały przetłumaczone"}
PAGE_WORD = {"de": "Seite 1 von", "fr": "Page 1 sur", "it": "Pagina 1 di", "nl": "Pagina 1 van",
             "es": "Página 1 de", "pl": "Strona 1 z", "en": "Page 1 of"}


def flat(text: str) -> str:
    return " ".join(str(text).split())


@pytest.fixture(scope="module")
def example():
    data = readme_example()
    qn = load(ROOT / "questionnaires" / f"art5-{data['version']}.yaml")
    return qn, data["answers"]


def inputs(example, ms: str, profile=None, **changes):
    qn, answers = example
    a = dict(answers, **{"export.member_state": ms}, **changes)
    prof = dict(PROFILE if profile is None else profile, member_state=ms)
    return dict(questionnaire=qn, answers=a, result=engine.decide(qn, a), profile=prof, meta=META, today=TODAY)


def template_terms(kind: str, lang: str) -> set[str]:
    """The legal terms a template uses ({{ terms.x }})."""
    source = (templates_dir() / f"{kind}.{lang}.txt.j2").read_text(encoding="utf-8")
    return set(re.findall(r"(?<!\w)terms\.(\w+)", source))


def pdf_text(path: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout


def docx_text(path: Path) -> str:
    import docx

    return "\n".join(p.text for p in docx.Document(str(path)).paragraphs)


def test_the_english_sentences_checked_for_are_those_of_the_english_template(example):
    # the negative checks below mean something only if the English draft of the same facts has them
    _draft, choice, english = language.drafts("notification", "DE", **inputs(example, "DE"))
    assert choice.used == "de" and english is not None
    missing = [s for s in ENGLISH_NOTIFICATION if s not in flat(english.text)]
    assert missing == []
    en_eus = notification.enduser_draft(locale="en", **inputs(example, "DE"))
    assert [s for s in ENGLISH_ENDUSER if s not in flat(en_eus.text)] == []


@pytest.mark.parametrize("ms,lang", sorted(LANGS.items()))
def test_notify_example_notification_in_the_authority_language(example, tmp_path, ms, lang):
    draft, choice, english = language.drafts("notification", ms, **inputs(example, ms))
    assert (choice.wanted, choice.used, choice.fallback) == (lang, lang, False)
    assert draft.language == lang and (english is None) == (lang == "en")
    authority = notification.authority_for(ms, lang)  # the addressee in the letter's language
    english_name = notification.authority_for(ms)["name"]
    words = terms.legal_terms(lang)
    used = template_terms("notification", lang)
    assert set(CORE_TERMS) <= used or lang == "en"
    files = notification.write_outputs(draft, tmp_path, "notification")
    assert [f.name for f in files] == ["notification.pdf", "notification.docx", "notification.txt"]
    texts = {"txt": files[2].read_text(encoding="utf-8"), "docx": docx_text(files[1]), "pdf": pdf_text(files[0])}
    assert texts["txt"] == draft.text
    for fmt, text in texts.items():
        t = flat(text)
        assert flat(authority["name"]) in t, (fmt, authority["name"])
        assert flat(authority["address"]) in t, (fmt, authority["address"])
        for term in sorted(used):  # (a term may open a list item with a capital)
            assert words[term].casefold() in t.casefold(), (fmt, term, words[term])
        if lang == "en":
            assert "Dear Sir or Madam" in t and "Yours faithfully" in t
            continue
        left = [s for s in ENGLISH_NOTIFICATION if s in t]
        assert left == [], (fmt, left)
        if english_name != authority["name"]:
            assert flat(english_name) not in t, (fmt, english_name)
    assert PAGE_WORD[lang] in flat(texts["pdf"])
    assert draft.title in flat(texts["pdf"])  # the footer names the document in its own language


@pytest.mark.parametrize("ms,lang", sorted(LANGS.items()))
def test_notify_example_enduser_statement_in_the_authority_language(example, tmp_path, ms, lang):
    draft, choice, _english = language.drafts("enduser_statement", ms, **inputs(example, ms))
    assert choice.used == lang and draft.language == lang
    words = terms.legal_terms(lang)
    t = flat(draft.text)
    assert "Example Telecom Co" in t  # the end user is found by its role, whatever the language of its label
    for term in sorted(template_terms("enduser_statement", lang)):
        assert words[term].casefold() in t.casefold(), (term, words[term])
    for term in ("internal_repression", "serious_violations"):
        assert words[term] in t
    assert "[to verify" not in t
    if lang != "en":
        assert [s for s in ENGLISH_ENDUSER if s in t] == []
    files = notification.write_outputs(draft, tmp_path, "enduser_statement", formats=("pdf", "docx"))
    pdf = flat(pdf_text(files[0]))
    assert words["internal_repression"] in pdf and PAGE_WORD[lang] in pdf
    assert words["serious_violations"] in flat(docx_text(files[1]))


@pytest.mark.parametrize("lang", sorted(DATES))
def test_dates_are_written_the_way_the_language_writes_them(example, lang):
    ms = next(m for m, lg in LANGS.items() if lg == lang)
    draft, _c, _e = language.drafts("notification", ms, **inputs(example, ms))
    today, shipment = DATES[lang]
    assert today in draft.text and shipment in draft.text
    assert "2026-12-01" not in draft.text and "2027-03-01" not in draft.text


def test_date_formats_cover_every_document_language():
    assert terms.format_date("2026-12-01", "en") == "1 December 2026"
    assert terms.format_date(dt.date(2027, 3, 1), "fr") == "1er mars 2027"
    assert terms.format_date("2027-03-02", "fr") == "2 mars 2027"
    assert terms.format_date("not a date", "de") == "not a date"
    for lang in language.DOCUMENT_LANGUAGES:
        assert not re.search(r"\d{4}-\d\d-\d\d", terms.format_date("2026-05-17", lang))


@pytest.mark.parametrize("lang", sorted(ORIGINAL_LANGUAGE))
def test_free_text_stays_as_typed_and_the_draft_says_so(example, lang):
    ms = next(m for m, lg in LANGS.items() if lg == lang)
    typed = "Überwachung der Teilnehmer – 监控 «x»"
    draft, _c, _e = language.drafts("notification", ms, **inputs(
        example, ms, **{"enduse.declared_use": typed}))
    t = flat(draft.text)
    assert typed in t
    assert "The customer's tender asks for tracking of named journalists." in t  # not translated
    assert ORIGINAL_LANGUAGE[lang] in t
    eus, _c, _e = language.drafts("enduser_statement", ms, **inputs(example, ms, **{"enduse.declared_use": typed}))
    assert typed in flat(eus.text)


@pytest.mark.parametrize("lang", sorted(PLACEHOLDER))
def test_each_language_placeholders_are_found(example, lang):
    ms = next(m for m, lg in LANGS.items() if lg == lang)
    draft, _c, _e = language.drafts("notification", ms, **inputs(example, ms, profile={}))
    left = notification.placeholders(draft.text)
    assert any(p.startswith(PLACEHOLDER[lang]) for p in left), left
    assert len(left) >= 5  # exporter name, address, contact, ... each named
    message = notification.placeholder_message(draft, left)
    assert PLACEHOLDER[lang] in message
    # a bracketed capitalised word in the user's text is not a placeholder
    assert notification.placeholders("[Zu ergänzen] [Établi] [ACME]") == []
    assert notification.placeholders("[à compléter] [żądanie]") == ["[à compléter]", "[żądanie]"]


@pytest.mark.parametrize("lang", ["de", "fr", "it", "nl", "es", "pl"])
def test_terms_not_yet_checked_are_listed_beside_the_draft(example, lang):
    ms = next(m for m, lg in LANGS.items() if lg == lang)
    draft, _c, _e = language.drafts("notification", ms, **inputs(example, ms))
    todo = terms.unverified_terms(lang)
    assert todo, "every language has terms still to check"
    for t in todo:
        assert t["term"] in draft.notes
        assert t["term"] not in [x["term"] for x in terms.unverified_terms("en")]
    eus, _c, _e = language.drafts("enduser_statement", ms, **inputs(example, ms))
    assert all(t["term"] in eus.notes for t in todo)
    # the notes are never printed in the document
    assert draft.notes not in draft.text


def test_english_terms_are_verified_and_english_notes_name_none(example):
    assert terms.unverified_terms("en") == []
    draft, _c, _e = language.drafts("notification", "IE", **inputs(example, "IE"))
    assert draft.notes == ""


def test_legal_terms_data_is_complete_and_marked():
    from app.base.reference import default_set

    data = default_set().get("legal_terms")
    ids = {str(v) for v in data.values()}
    assert {"cyber_surveillance_items", "competent_authority", "internal_repression", "serious_violations",
            "dual_use_items", "exporter", "end_user", "notify"} <= ids
    for item in data.items:
        for lang in language.DOCUMENT_LANGUAGES:
            entry = item.get(lang)
            assert entry and entry.get("term"), (item["value"], lang)
            assert entry.get("status") in ("verified", "to_verify"), (item["value"], lang)
            src = entry.get("source") or {}
            assert src.get("title") and str(src.get("url", "")).startswith("https://"), (item["value"], lang)
            if entry["status"] == "verified" and lang != "en":
                assert entry.get("evidence"), (item["value"], lang)  # what was read, and where


@pytest.mark.parametrize("lang", ["de", "fr", "it", "nl", "es", "pl"])
@pytest.mark.parametrize("case", ["national", "art4", "art4_and_art5", "unsure", "no_profile_no_parties"])
def test_every_branch_of_each_template_is_worded_in_its_language(example, lang, case):
    """The national notice (Art. 5(3)), the Art. 4 notice, both, the unsure listing and element,
    and an empty profile and party list: each renders without an English template sentence."""
    ms = "IE" if case == "national" else "DE"
    changes = {
        "national": {"enduse.aware": "no", "enduse.grounds_to_suspect": "yes"},
        "art4": {"item.covert": "no", "enduse.aware": "no", "enduse.art4": "aware", "redflags.observed": []},
        "art4_and_art5": {"enduse.art4": "aware"},
        "unsure": {"item.annex_i_listed": "unsure", "item.covert": "unsure"},
        "no_profile_no_parties": {"parties.list": [], "enduse.end_user_statement": "obtained"},
    }[case]
    kwargs = inputs(example, ms, profile={} if case == "no_profile_no_parties" else None, **changes)
    result = kwargs["result"]
    assert notification.needs_notification(result), result.outcome
    draft = notification.notification_draft(locale=lang, **kwargs)
    english = notification.notification_draft(locale="en", **kwargs)
    t = flat(draft.text)
    english_sentences = ("Dear Sir or Madam", "Yours faithfully", "We notify you", "We give notice",
                         "We ask you", "in its entirety or in part", "not certain", "treated as met",
                         "Notice of grounds", "Notification under", "[to complete", "[exporter",
                         "Facts giving", "We also notify", "This notice is also given", "End-user statement signed")
    assert [s for s in english_sentences if s in t] == []
    assert draft.title == t.split("# ", 1)[1].split(" # ")[0].strip() or draft.title in t
    if case == "national":
        assert "section 10(7) of the Control of Exports Act 2023" in t  # the Irish provision, as the data names it
        assert "Notice of grounds" in flat(english.text)
    if case in ("art4", "art4_and_art5"):
        assert "4" in draft.title and "4(2)" in english.title
    if case == "unsure":
        assert "We ask you to classify it" in flat(english.text) or "ask you to classify it" in flat(english.text)
    if case == "no_profile_no_parties":
        assert PLACEHOLDER[lang] in t
