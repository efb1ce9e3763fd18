"""Matching: recall and precision on the fixture lists, explanations, country and birth date."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.screening.matcher import DEFAULT_THRESHOLD
from app.screening.normalize import normalise
from app.screening.service import Screening

FIX = Path(__file__).resolve().parent / "fixtures" / "screening"

# (query, expected reference): spelling variants, transliterations, reordered names, legal forms
POSITIVES = [
    ("Ivan Petrov", "EU.9001.11"),
    ("PETROV, Ivan Sergeevich", "EU.9001.11"),              # reordered, spelling of the patronymic
    ("Petrov Ivan", "EU.9001.11"),
    ("Иван Петров", "EU.9001.11"),                           # Cyrillic
    ("Iwan Petrow", "EU.9001.11"),                           # German transliteration
    ("Volgatron", "EU.9002.22"),
    ("Volgatron LLC", "EU.9002.22"),                         # legal form changed
    ("OOO Volgatron", "EU.9002.22"),
    ("ООО «Волгатрон»", "EU.9002.22"),                       # Cyrillic, other legal form
    ("Volgatron Defense Electronics JSC", "EU.9002.22"),     # US spelling, legal form
    ("Mohamed Abdulla Al Hassani", "EU.9003.33"),            # spelling variants
    ("Muhammad Abdallah al-Hasani", "EU.9003.33"),
    ("محمد عبد الله الحساني", "EU.9003.33"),                 # Arabic
    ("Al-Hassani, Mohammed", "EU.9003.33"),
    ("Nikolaos Konstantinou", "EU.9004.44"),
    ("Νικόλαος Κωνσταντίνου", "EU.9004.44"),                 # Greek
    ("Konstantinou Nikolaos", "EU.9004.44"),
    ("Tehran Surveillance Systems GmbH", "EU.9005.55"),      # legal form
    ("Tehran Surveilance Systems Co", "EU.9005.55"),         # typo + legal form
    ("Minsk Optical Signal Works", "EU.9006.66"),
    ("Минский оптический сигнальный завод", "EU.9006.66"),  # Cyrillic without legal form
    ("Kim Chol-Su", "EU.9007.77"),
    ("Kim Cholsu", "EU.9007.77"),                            # words run together
    ("Sevtelecom Monitoring Ltd", "EU.9008.88"),
    ("Севтелеком Мониторинг", "EU.9008.88"),
    ("Koryo Signal Trading Corporation Ltd", "KPe.901"),
    ("Abdul Rahman Qardash", "QDi.901"),
    ("عبد الرحمن ياسين قرداش", "QDi.901"),
]
# look-alike names that are someone else
NEGATIVES = [
    "Ivan Pavlov", "Petra Ivanova", "Igor Petrenko", "Volga Trading GmbH", "Volgograd Electronics LLC",
    "Mohammed Al-Hashimi", "Ahmed Abdullah", "Nikolaos Papadopoulos", "Konstantin Nikolaev",
    "Tehran Security Solutions", "Minsk Tractor Works", "Kim Young-ho", "Seoul Signal Works",
    "Sevastopol Telecom", "Koryo Air", "Signal Trading Company", "Ali Hassan", "Rahman Trading",
]


@pytest.fixture(scope="module")
def scr(tmp_path_factory):
    s = Screening(tmp_path_factory.mktemp("scr"))
    s.import_list(FIX / "eu_list.xml")
    s.import_list(FIX / "un_list.xml")
    yield s
    s.close()


def test_recall_and_precision_on_the_fixture(scr):
    found = [q for q, ref in POSITIVES if any(h.eu_reference == ref for h in scr.check(q))]
    recall = len(found) / len(POSITIVES)
    missed = [q for q, _ in POSITIVES if q not in found]
    false_hits = {q: [h.entity_name for h in scr.check(q)] for q in NEGATIVES}
    false_hits = {q: h for q, h in false_hits.items() if h}
    precision_on_negatives = 1 - len(false_hits) / len(NEGATIVES)
    assert recall == 1.0, missed
    assert precision_on_negatives == 1.0, false_hits


def test_best_hit_is_the_expected_entity(scr):
    for q, ref in POSITIVES:
        assert scr.check(q)[0].eu_reference == ref, q


def test_normalisation():
    assert normalise("Müller GmbH") == "muller"
    assert normalise("S.A. Compañía Ñandú") == "compania nandu"
    assert normalise("ООО Ромашка") == "romashka"
    assert normalise("Joint Stock Company Volgatron") == "volgatron"
    assert normalise("Γεώργιος Παπαδόπουλος") == "georgios papadopoulos"
    assert normalise("LLC") == "llc"  # a name that is only a legal form stays


def test_hit_explains_itself_and_country_lowers_the_score(scr):
    plain = scr.check("Ivan Petrov")[0]
    assert plain.matched_name == "Ivan Petrov" and "Ivan Petrov" in plain.explain()
    same = scr.check("Ivan Petrov", country="RU")[0]
    assert same.score >= plain.score and "country RU is among" in same.explain()
    other = scr.check("Ivan Petrov", country="FR", threshold=0.5)[0]
    assert other.score == pytest.approx(plain.base_score - 0.10)
    assert "lowered 0.10: country FR is not among the listing's countries (RU)" in other.explain()
    born = scr.check("Ivan Petrov", birth_date="1990-01-01", threshold=0.5)[0]
    assert "lowered 0.15: born 1990, the listing gives 1965" in born.explain()
    assert scr.check("Ivan Petrov", country="FR", birth_date="1990-01-01") == []  # below the default
    exact = scr.check("Ivan Petrov", birth_date="1965-03-14")[0]
    assert "same date of birth" in exact.explain()


def test_threshold_is_settable(scr):
    assert scr.check("Ivan Pavlov") == []
    loose = scr.check("Ivan Pavlov", threshold=0.6)
    assert loose and loose[0].eu_reference == "EU.9001.11" and loose[0].score < DEFAULT_THRESHOLD


def test_one_hit_per_entity_best_first(scr):
    hits = scr.check("Volgatron", threshold=0.5)
    refs = [h.eu_reference for h in hits]
    assert len(refs) == len(set(refs))
    assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)
