"""The questionnaire in German, French and Italian (issue 16): every text of art5 1.1.0, including
the options it takes from reference data, exists in de, fr and it; placeholders, markup, URLs and
the numbers of legal references survive translation; the legal terms follow the Official
Journal's language versions of Regulation (EU) 2021/821. No Qt."""

from __future__ import annotations

import re
from collections import Counter

import pytest

from app.base.i18n import tr_data
from app.base.paths import questionnaires_dir
from app.questionnaire import model

LOCALES = ("de", "fr", "it")


@pytest.fixture(scope="module")
def qn():
    return model.load(questionnaires_dir() / "art5-1.1.0.yaml")


@pytest.fixture(scope="module")
def texts(qn):
    return list(model.iter_text_maps(qn))


def test_the_walk_reaches_every_kind_of_text(qn, texts):
    """A walk that skipped help, outcomes or reference-data options would pass vacuously."""
    where = [w for w, _ in texts]
    for part in (" label", " hint", " help", " choice ", "page ", " intro", "derived ", "flag ",
                 "caveat_not_prohibited", " title", " summary", " rationale", " actions[",
                 " notify_first", " texts.", "description"):
        assert any(part in w for w in where), part
    # the options of item.vigilance_categories come from reference data
    assert "item.vigilance_categories choice spyware" in where
    assert "item.annex_i_entry_pick choice 5A001.j help" in where
    assert len(texts) > 450


def test_every_text_has_german_french_and_italian(qn, texts):
    assert set(LOCALES) <= set(qn.locales)
    missing = [f"{w} (no {', '.join(l for l in LOCALES if not t.get(l, '').strip())})"
               for w, t in texts if not all(t.get(l, "").strip() for l in LOCALES)]
    assert not missing, f"{len(missing)} text(s) fall back to English:\n  " + "\n  ".join(missing)


def test_a_missing_translation_is_reported_by_name(qn):
    """The check above fails on a map without 'it' and names where it is."""
    import copy

    broken = copy.deepcopy(qn)
    broken.pages[0].questions[0].help = {k: v for k, v in broken.pages[0].questions[0].help.items() if k != "it"}
    missing = [w for w, t in model.iter_text_maps(broken) if not all(t.get(l) for l in LOCALES)]
    assert missing == [f"{broken.pages[0].questions[0].id} help"]


_PLACEHOLDER = re.compile(r"\{[^{}]*\}|%\d+|%[sd]")
_TAG = re.compile(r"</?[A-Za-z][^<>]*>")
_URL = re.compile(r"https?://[^\s\"'<>)]+[^\s\"'<>).,;:]")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_NUMBER = re.compile(r"\d+")


def _tokens(text: str) -> Counter:
    return Counter(_PLACEHOLDER.findall(text) + _TAG.findall(text) + _URL.findall(text)
                   + _EMAIL.findall(text))


def test_placeholders_markup_and_links_are_the_same_in_every_language(texts):
    bad = []
    for where, t in texts:
        want = _tokens(t["en"])
        for loc in LOCALES:
            if loc in t and _tokens(t[loc]) != want:
                bad.append(f"{where} [{loc}]: {sorted(_tokens(t[loc]).elements())} != {sorted(want.elements())}")
    assert not bad, "\n".join(bad)


def test_numbers_of_legal_references_are_kept(texts):
    """Every number in the English (article, paragraph, entry, deadline) is in each translation."""
    bad = []
    for where, t in texts:
        want = set(_NUMBER.findall(t["en"]))
        for loc in LOCALES:
            lost = want - set(_NUMBER.findall(t.get(loc, "")))
            if lost:
                bad.append(f"{where} [{loc}] lost {sorted(lost)}")
    assert not bad, "\n".join(bad)


def test_the_placeholder_check_catches_a_dropped_placeholder():
    assert _tokens("If it is not: {if_not_listed}.") != _tokens("Wenn nicht: {if_listed}.")
    assert _tokens("see https://eur-lex.europa.eu/eli/reg/2021/821/oj.") == _tokens(
        "siehe https://eur-lex.europa.eu/eli/reg/2021/821/oj.")


# English term -> the term of the Official Journal's language version (regular expressions, so
# that German case endings match: "interne Repression", "interner Repression").
GLOSSARY = {
    r"cyber-surveillance item": {"de": r"(Gut|Güter|Gütern) für digitale Überwachung",
                                 "fr": r"biens? de cybersurveillance",
                                 "it": r"prodott[oi] di sorveglianza informatica"},
    r"competent authority": {"de": r"zuständige[nr]? Behörde",
                             "fr": r"autorité compétente",
                             "it": r"autorità competente"},
    r"internal repression": {"de": r"[Ii]nterne[rn]? Repression",
                             "fr": r"répression interne",
                             "it": r"repressione interna"},
    r"covert surveillance": {"de": r"[Vv]erdeckte[n]? Überwachung",
                             "fr": r"[Ss]urveillance discrète",
                             "it": r"[Ss]orveglianza dissimulata"},
    r"international humanitarian law": {"de": r"humanitäre[ns]? Völkerrecht",
                                        "fr": r"droit humanitaire international",
                                        "it": r"diritto umanitario internazionale"},
    r"dual-use items?": {"de": r"(?i)Güter?n? mit doppeltem Verwendungszweck",
                         "fr": r"biens à double usage",
                         "it": r"prodotti a duplice uso"},
}


def test_legal_terms_follow_the_official_journal(texts):
    bad = []
    for where, t in texts:
        for en_term, terms in GLOSSARY.items():
            if not re.search(en_term, t["en"], re.I):
                continue
            for loc, term in terms.items():
                if not re.search(term, t.get(loc, "")):
                    bad.append(f"{where} [{loc}]: {en_term!r} without {term!r}")
    assert not bad, "\n".join(bad)


def test_the_german_questions_read_as_german(qn):
    q = qn.question("item.annex_i_listed")
    assert tr_data(q.label, "de") == "Ist das Gut in Anhang I der Dual-Use-Verordnung gelistet?"
    assert "Ausführer trägt das Einstufungsrisiko" in tr_data(q.help, "de")
    assert tr_data(qn.outcome("PROHIBITED").title, "fr") == "Interdit\u00a0: ne pas exporter"  # French spacing
    assert tr_data(qn.outcome("PROHIBITED").title, "it") == "Vietato: non esportare"


# Reference data whose texts the 1.1.0 wizard shows beside the questions: the Annex I picker,
# the vigilance categories, the EU measures box of the destination page and the national-list
# hints in the help of item.national_list.
SHOWN_REFERENCE_DATA = ("annex_i_entries", "vigilance_categories", "destination_measures", "national_list_hints")


def _data_text_maps(node, where=""):
    if isinstance(node, dict):
        if isinstance(node.get("en"), str):
            yield where, node
        for k, v in node.items():
            yield from _data_text_maps(v, f"{where}.{k}" if where else str(k))
    elif isinstance(node, list):
        for i, v in enumerate(node):
            yield from _data_text_maps(v, f"{where}[{i}]")


@pytest.mark.parametrize("name", SHOWN_REFERENCE_DATA)
def test_reference_data_shown_in_the_wizard_is_translated(name):
    import yaml

    from app.base.paths import reference_dir

    raw = yaml.safe_load((reference_dir() / f"{name}.yaml").read_text(encoding="utf-8"))
    maps = list(_data_text_maps(raw))
    assert len(maps) > 10
    missing = [w for w, t in maps if not all(t.get(l, "").strip() for l in LOCALES)]
    assert not missing, f"{name}: {missing}"
    bad = [f"{w} [{l}]" for w, t in maps for l in LOCALES
           if _tokens(t[l]) != _tokens(t["en"]) or set(_NUMBER.findall(t["en"])) - set(_NUMBER.findall(t[l]))]
    assert not bad, f"{name}: {bad}"


def test_french_punctuation_never_starts_a_line(texts):
    """French puts a space before ? ! : ; and inside « »: a non-breaking one, so that a wrapped
    question never shows its "?" alone on the next line."""
    bad = [f"{w}: {t['fr'][:60]!r}" for w, t in texts if re.search(r" [?!:;»]|« ", t.get("fr", ""))]
    assert not bad, "\n".join(bad)
