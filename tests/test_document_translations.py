"""The translation catalog for the document languages the questionnaire lacks
(resources/reference/document_translations.yaml): a Dutch, Spanish or Polish draft prints the
exporter's choices in its own language, never a forged translation. No Qt."""

from __future__ import annotations

import datetime as dt
import re
import shutil
from pathlib import Path

import pytest
import yaml

from app.assessment import engine
from app.base import i18n
from app.documents import notification
from app.documents.language import DOCUMENT_LANGUAGES
from app.questionnaire.model import load

from test_documents_1_1 import META, PROFILE, readme_example

ROOT = Path(__file__).resolve().parent.parent
CATALOG = ROOT / "resources" / "reference" / "document_translations.yaml"
# the document languages the questionnaire does not carry: each needs its column in the catalog
LANGS = tuple(lang for lang in DOCUMENT_LANGUAGES if lang not in i18n.SUPPORTED_LOCALES)
assert LANGS == ("nl", "es", "pl")


def _version_key(path: Path) -> tuple[int, ...]:
    return tuple(int(x) for x in path.stem.split("-", 1)[1].split("."))


QUESTIONNAIRES = sorted(ROOT.glob("questionnaires/art5-*.yaml"), key=_version_key)


def choice_labels(qn) -> dict[str, str]:
    """English label -> where it is (question id, field id), for every choice of every question
    and every group field."""
    out: dict[str, str] = {}
    for q in qn.questions:
        for c in getattr(q, "choices", ()) or ():
            out.setdefault(c.label["en"], q.id)
        for f in getattr(q, "fields", ()) or ():
            for c in getattr(f, "choices", ()) or ():
                out.setdefault(c.label["en"], f"{q.id}/{f.id}")
    return out


def catalog_items() -> list[dict]:
    return yaml.safe_load(CATALOG.read_text(encoding="utf-8"))["items"]


@pytest.mark.parametrize("path", QUESTIONNAIRES, ids=lambda p: p.stem)
def test_every_choice_label_has_a_dutch_spanish_and_polish_translation(path):
    labels = choice_labels(load(path))
    assert len(labels) > 100  # the art5 questionnaires have some 115 distinct labels
    texts = {item["en"]: item for item in catalog_items()}
    missing = [(where, en, lang) for en, where in labels.items() for lang in LANGS
               if not str((texts.get(en) or {}).get(lang) or "").strip()]
    assert not missing, missing


def test_the_built_in_answers_and_none_chosen_are_translated():
    texts = {item["en"]: item for item in catalog_items()}
    for label in [*(m["en"] for m in i18n.BUILTIN_CHOICES.values()), i18n.NONE_CHOSEN["en"]]:
        for lang in LANGS:
            assert str((texts.get(label) or {}).get(lang) or "").strip(), (label, lang)
    assert i18n.tr_data(i18n.BUILTIN_CHOICES["unsure"], "pl") == texts["I don't know / unsure"]["pl"]
    assert i18n.tr_data(i18n.NONE_CHOSEN, "nl") == "Geen"


def test_the_catalog_keys_are_unique_and_marked_to_verify():
    raw = yaml.safe_load(CATALOG.read_text(encoding="utf-8"))
    assert raw["status"] == "to_verify"  # no native-speaking legal translator has checked it
    seen: dict[str, dict] = {}
    for item in raw["items"]:
        en = item["en"]
        assert en not in seen, f"{en!r} is listed twice"
        seen[en] = item
        assert set(item) == {"en", *LANGS}, item


@pytest.fixture(scope="module")
def example():
    data = readme_example()
    qn = load(ROOT / "questionnaires" / f"art5-{data['version']}.yaml")
    return qn, data["answers"]


def _draft(qn, answers, lang: str, kind: str = "notification"):
    answers = dict(answers, **{"export.member_state": lang.upper()})
    result = engine.decide(qn, answers)
    if kind == "notification":
        return notification.notification_draft(questionnaire=qn, answers=answers, result=result, profile=PROFILE,
                                               meta=META, today=dt.date(2026, 12, 1), locale=lang)
    return notification.enduser_draft(questionnaire=qn, answers=answers, result=result, profile=PROFILE,
                                      meta=META, locale=lang)


def _english_labels_in(text: str, qn, lang: str) -> list[str]:
    """The questionnaire's English choice labels found in ``text`` (labels whose translation is
    the same word, "Software" in Dutch, are left out). The authority's own name and address
    (authorities.yaml, "Ministry of Development and Technology") are not answers and are left out."""
    authority = notification.authority_for(lang.upper(), lang)
    for part in ("name", "unit", "address"):
        if authority[part]:
            text = text.replace(authority[part], "")
    found = []
    for en in choice_labels(qn):
        if i18n.tr_data({"en": en}, lang) == en:
            continue
        if re.search(rf"(?<![\w-]){re.escape(en)}(?![\w-])", text):
            found.append(en)
    return found


@pytest.mark.parametrize("lang", LANGS)
def test_the_readme_notification_in_nl_es_pl_prints_no_english_choice_label(example, lang):
    qn, answers = example
    for kind in ("notification", "enduser_statement"):
        draft = _draft(qn, answers, lang, kind)
        assert draft.language == lang
        assert not _english_labels_in(draft.text, qn, lang), (kind, _english_labels_in(draft.text, qn, lang))
    draft = _draft(qn, answers, lang)
    end_user_type = qn.question("enduse.end_user_type").choice(answers["enduse.end_user_type"])
    assert end_user_type.text(lang) in draft.text
    assert end_user_type.text(lang) != end_user_type.text("en")
    for flag in answers["redflags.observed"]:
        assert qn.question("redflags.observed").choice(flag).text(lang) in draft.text
    # the value as the language writes it: "250,000" would read as 250 with a decimal comma
    assert "250\u00a0000 EUR" in draft.text and "250,000" not in draft.text
    # the notes beside the draft say that these translations are the developers' own
    assert "document_translations 1.0.0" in draft.notes


def test_the_german_draft_and_the_ui_locales_never_read_the_catalog(example, monkeypatch):
    def no_catalog():
        raise AssertionError("the catalog was read for a text that has the locale")

    monkeypatch.setattr(i18n, "translation_catalog", no_catalog)
    assert i18n.tr_data({"en": "End user", "de": "Endverwender"}, "de") == "Endverwender"
    assert i18n.tr_data({"en": "End user", "de": "Endverwender"}, "en") == "End user"
    qn, answers = example
    assert "Telekommunikations- oder Internetanbieter" in _draft(qn, answers, "de").text


@pytest.fixture
def program_copy(tmp_path, monkeypatch):
    """A copy of the program's resources, used as the program folder."""
    root = tmp_path / "program"
    shutil.copytree(ROOT / "questionnaires", root / "questionnaires")
    shutil.copytree(ROOT / "resources", root / "resources", ignore=shutil.ignore_patterns("fonts"))
    (root / "resources" / "fonts").symlink_to(ROOT / "resources" / "fonts")
    monkeypatch.setenv("ART5_RESOURCE_ROOT", str(root))
    from app.base import reference

    monkeypatch.setattr(reference, "_default", None)  # the reference data of this program folder
    return root


FORGED = "Onschuldige klant zonder enig risico"


def test_a_forged_catalog_is_not_used(program_copy, example):
    qn, answers = example
    genuine = _draft(qn, answers, "nl")
    assert "Aanbieder van telecommunicatie- of internetdiensten" in genuine.text  # the copy is used as is

    catalog = program_copy / "resources" / "reference" / "document_translations.yaml"
    text = catalog.read_text(encoding="utf-8")
    forged = text.replace('nl: "Aanbieder van telecommunicatie- of internetdiensten"', f'nl: "{FORGED}"', 1)
    assert forged != text
    catalog.write_text(forged, encoding="utf-8")
    from app.base import reference

    reference._default = None  # the program started again with the changed file (monkeypatch restores it)
    draft = _draft(qn, answers, "nl")
    assert FORGED not in draft.text
    assert "Aard van de eindgebruiker: Telecom or internet service provider" in draft.text
    assert "document_translations.yaml" in draft.notes and "Engels" in draft.notes
    assert i18n.translation_catalog().problem


def test_a_broken_catalog_never_stops_a_draft(program_copy, example):
    qn, answers = example
    catalog = program_copy / "resources" / "reference" / "document_translations.yaml"
    catalog.write_text("id: document_translations\nitems: [unclosed\n", encoding="utf-8")
    draft = _draft(qn, answers, "es")
    assert "Naturaleza del usuario final: Telecom or internet service provider" in draft.text
    assert "document_translations.yaml" in draft.notes and "inglés" in draft.notes
    catalog.unlink()
    from app.base import reference

    reference._default = None
    draft = _draft(qn, answers, "pl")
    assert "Telecom or internet service provider" in draft.text
    assert "angielskim" in draft.notes
