"""The addressee of a notification in the letter's language (authorities.yaml 1.2.0).

The authority's name, unit, address and portal are per-locale maps: a draft in Italian is
addressed to the "Ministero degli Affari Esteri e della Cooperazione Internazionale", not to the
"Ministry of Foreign Affairs and International Cooperation"; the English draft (Ireland, and the
English rendering beside every other draft) keeps the English. The loader refuses a map without
English. No Qt.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from app.assessment import engine
from app.base.reference import ReferenceError, ReferenceSet, default_set, load_file
from app.documents import language, notification
from app.documents.language import DOCUMENT_LANGUAGES
from app.questionnaire.model import load
from tests.test_documents_1_1 import META, PROFILE, ROOT, readme_example

LOCALIZED = ("authority", "unit", "address", "portal")
# the national name the letter must print, and the English name it must not
NATIONAL = {
    "IT": ("it", "Ministero degli Affari Esteri e della Cooperazione Internazionale",
           "Ministry of Foreign Affairs and International Cooperation"),
    "NL": ("nl", "Minister van Buitenlandse Zaken", "Minister of Foreign Affairs"),
    "FR": ("fr", "ministère de l'Économie, des Finances et de la Souveraineté industrielle et numérique",
           "Ministry of Economy"),
    "ES": ("es", "Ministerio de Economía, Comercio y Empresa", "Ministry of Economy, Trade and Business"),
    "PL": ("pl", "Ministerstwo Rozwoju i Technologii", "Ministry of Development and Technology"),
    "DE": ("de", "Bundesamt für Wirtschaft und Ausfuhrkontrolle (BAFA)", "(export control)"),
}
# the country in English at the end of an address: a letter posted inside the country leaves it out
COUNTRY_EN = {"IT": "Italy", "NL": "Netherlands", "FR": "France", "ES": "Spain", "PL": "Poland", "DE": "Germany"}


@pytest.fixture(scope="module")
def example():
    data = readme_example()
    return load(ROOT / "questionnaires" / f"art5-{data['version']}.yaml"), data["answers"]


def _drafts(example, ms):
    qn, answers = example
    a = dict(answers, **{"export.member_state": ms})
    return language.drafts("notification", ms, questionnaire=qn, answers=a, result=engine.decide(qn, a),
                           profile=dict(PROFILE, member_state=ms), meta=META, today=dt.date(2026, 12, 1))


def _flat(text: str) -> str:
    return " ".join(text.split())


def test_every_authority_has_its_texts_in_english_and_in_its_document_languages():
    data = default_set().get("authorities")
    assert data.version == "1.2.0"
    assert set(LOCALIZED) <= set(data.extra["localized"])
    for item in data.items:
        ms = item["value"]
        assert isinstance(item["authority"], dict) and item["authority"].get("en"), ms
        langs = [lang for lang in item["languages"] if lang in DOCUMENT_LANGUAGES]
        for field in LOCALIZED:
            text = item.get(field)
            if not text:
                continue  # not known: the draft leaves the line out
            assert isinstance(text, dict) and text.get("en"), (ms, field)
            for lang in langs:
                assert text.get(lang), (ms, field, lang)
        for field in ("authority", "unit"):
            assert item.get(field) == "" or set(item[field]) >= {"en", *langs}, (ms, field)


@pytest.mark.parametrize("ms", sorted(NATIONAL))
def test_the_notification_is_addressed_in_the_letters_language(example, ms):
    lang, national, english = NATIONAL[ms]
    draft, choice, english_draft = _drafts(example, ms)
    assert draft.language == lang == choice.used
    text = _flat(draft.text)
    assert national in text
    assert english not in text
    address = notification.authority_for(ms, lang)["address"]
    assert address and address in text and not address.endswith(COUNTRY_EN[ms])
    # the English rendering beside the draft, for the assessor, keeps the English addressee
    assert english_draft is not None
    assert _flat(notification.authority_for(ms)["name"]) in _flat(english_draft.text)
    if national not in notification.authority_for(ms)["name"]:  # BAFA's name is German in English too
        assert national not in _flat(english_draft.text)


def test_italy_letter_names_the_uama_as_the_gazzetta_ufficiale_does(example):
    draft, _, _ = _drafts(example, "IT")
    head = draft.text.split("\n# ")[0]  # the letterhead and the addressee, before the subject
    assert "Autorità nazionale – UAMA (Unità per le autorizzazioni dei materiali di armamento)" in draft.text
    assert "Piazzale della Farnesina 1, 00135 Roma" in draft.text and "Roma, Italy" not in draft.text
    assert "Ministry" not in head


def test_the_irish_notification_keeps_the_english_addressee(example):
    draft, choice, english = _drafts(example, "IE")
    assert draft.language == "en" and english is None
    text = _flat(draft.text)
    assert "Minister for Enterprise, Trade and Employment" in text
    assert "23 Kildare Street, Dublin 2, D02 TD30, Ireland" in text


def test_a_language_without_a_text_falls_back_to_english():
    # Czech has no template and no Czech text in the data: English, never an empty line
    cz = notification.authority_for("CZ", "cs")
    assert cz["name"] == notification.authority_for("CZ")["name"] == "Ministry of Industry and Trade (MPO)"
    # a Member State not in the data: empty fields, the draft asks for the details
    assert notification.authority_for("XX", "it")["name"] == ""


def test_the_follow_up_names_the_authority_as_the_letter_does():
    from app.storage.followup import _authority_name

    assert _authority_name("IT") == "MAECI"
    assert _authority_name("DE") == "BAFA"
    assert _authority_name("FR") == "SBDU"
    assert _authority_name("ES").startswith("Secretaría de Estado de Comercio (Ministerio")
    assert _authority_name("BE").startswith("Gewestelijke overheid")  # Dutch first (Flanders)
    assert _authority_name("CZ") == "MPO"


def _copy_with(tmp_path: Path, old: str, new: str) -> Path:
    source = (ROOT / "resources" / "reference" / "authorities.yaml").read_text(encoding="utf-8")
    assert old in source
    path = tmp_path / "authorities.yaml"
    path.write_text(source.replace(old, new, 1), encoding="utf-8")
    return path


def test_the_loader_refuses_a_localized_field_without_english(tmp_path):
    path = _copy_with(tmp_path, '      en: "Ministry of Foreign Affairs and International Cooperation (MAECI)"\n', "")
    with pytest.raises(ReferenceError) as err:
        load_file(path)
    assert str(path) in str(err.value) and "'IT'" in str(err.value) and "'authority'" in str(err.value)
    assert "no English" in str(err.value)
    with pytest.raises(ReferenceError):
        ReferenceSet(tmp_path).get("authorities")


def test_the_loader_refuses_a_plain_string_where_a_map_is_declared(tmp_path):
    path = _copy_with(tmp_path, '    unit:\n      en: "Export Control Unit"\n', '    unit: "Export Control Unit"\n')
    with pytest.raises(ReferenceError) as err:
        load_file(path)
    assert str(path) in str(err.value) and "'FI'" in str(err.value) and "'unit'" in str(err.value)
