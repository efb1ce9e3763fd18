"""Issue 14, attack 3 (and the input half of 10): invisible characters in names and free text.

A party written with a right-to-left override (U+202E "vorteP navI" U+202C) or with a Hangul
filler between the names reads "Ivan Petrov" on screen; screening must hit it like the plain
name, and the characters are removed on input (answers files, the wizard, bundles) with a word
to the user.
"""

from __future__ import annotations

import json

import pytest

from reliability_helpers import SCREENING_FIX


VARIANTS = {
    "plain": "Ivan Petrov",
    "right-to-left override": "\u202evorteP navI\u202c",
    "override to the end": "\u202evorteP navI",
    "Hangul filler": "Ivan\u3164Petrov",
    "halfwidth Hangul filler": "Ivan\uffa0Petrov",
    "Braille blank": "Ivan\u2800Petrov",
    "Hangul choseong filler": "Ivan\u115fPetrov",
    "zero-width space": "Ivan \u200bPetrov",
    "zero-width joiner in the name": "Iv\u200dan Pet\u200brov",
    "byte order mark": "\ufeffIvan Petrov",
    "isolates": "\u2066Ivan\u2069 \u2067Petrov\u2069",
}


@pytest.fixture(scope="module")
def scr(tmp_path_factory):
    from app.screening.service import Screening

    s = Screening(tmp_path_factory.mktemp("scr"))
    s.import_list(SCREENING_FIX / "eu_list.xml")
    yield s
    s.close()


@pytest.mark.parametrize("case", list(VARIANTS))
def test_every_variant_that_reads_ivan_petrov_hits(case, scr):
    hits = scr.check(VARIANTS[case])
    assert hits and hits[0].eu_reference == "EU.9001.11", (case, [h.entity_name for h in hits])
    plain = scr.check("Ivan Petrov")[0]
    assert abs(hits[0].score - plain.score) < 1e-9, case


def test_cleaning_rules():
    from app.base.textsafety import clean

    assert clean("\u202evorteP navI\u202c").text == "Ivan Petrov"
    assert clean("Ivan\u3164Petrov").text == "Ivan Petrov"
    c = clean("ACME\nEORI: FAKE\x1b[2J\x07")
    assert c.text == "ACME EORI: FAKE[2J" and c.removed
    m = clean("Line 1\r\nLine 2\tx\x0b\u2028Line 3", multiline=True)
    assert m.text == "Line 1\nLine 2\tx\nLine 3"
    assert clean("a\u202eb\u202dcd\u202ce\u202cf").text == "aecdbf"  # a nested LTR run keeps its order
    assert clean("\u202eab\ncd", multiline=True).text == "ba\ncd"  # a line break ends the override
    for ch in "\u200b\u200e\u200f\u202a\u202b\u202d\u2066\u2067\u2068\u2069\ufeff\u00ad\x85\x9b":
        assert ch not in clean(f"a{ch}b", multiline=True).text, hex(ord(ch))


def test_answers_file_text_is_cleaned_and_the_user_told(tmp_path, data_dir, art5):
    answers = tmp_path / "answers.json"
    answers.write_text(json.dumps({
        "questionnaire": "art5",
        "answers": {"export.member_state": "DE", "export.destination_country": "CN",
                    "parties.list": [{"name": "\u202evorteP navI\u202c", "role": "end_user", "country": "RU"}]},
    }), encoding="utf-8")
    out = tmp_path / "out"
    run = art5("assess", "--answers", answers, "--out", out, "--json")
    assert run.code == 0, run.text
    assert "invisible or control character" in run.err and "RIGHT-TO-LEFT OVERRIDE" in run.err, run.text
    assert "\u202e" not in run.text
    result = json.loads(run.out)
    names = [p["name"] for p in result["screening"]["parties"]]
    assert names == ["Ivan Petrov"], names


def test_the_flow_cleans_text_answers():
    from app.questionnaire import model as questionnaire
    from app.assessment.flow import normalise

    qn = questionnaire.find("art5", None)
    group = qn.question("parties.list")
    stored = normalise(group, [{"name": "Ivan\u3164Petrov", "role": "end_user", "country": "RU"}])
    assert stored[0]["name"] == "Ivan Petrov"


def test_the_wizard_removes_invisible_characters_and_says_so(qtbot, window):
    """Typed (or pasted) into the wizard: the stored answer has no override, the field says so."""
    from test_gui_art5 import NOTIFY_PLAN, answer, click, default_for
    from test_gui_wizard import _type

    w = window
    wizard = w.new_assessment("art5")
    qtbot.waitUntil(lambda: wizard.session is not None, timeout=10000)
    for _ in range(20):
        if wizard.current == "item_identity":
            break
        for q in wizard.qn.page(wizard.current).questions:
            qw = wizard.widgets[q.id]
            if qw.isHidden() or not wizard.flow.is_relevant(q) or (not q.required and q.id not in NOTIFY_PLAN):
                continue
            answer(qtbot, qw, NOTIFY_PLAN.get(q.id, default_for(qw)))
        click(qtbot, wizard.next_button)
    assert wizard.current == "item_identity"
    field = wizard.widgets["item.name"]
    _type(qtbot, field.edit, "Trace\u202eweiV")
    field.flush()
    qtbot.waitUntil(lambda: w.store.answers(wizard.session.assessment_id).get("item.name") is not None,
                    timeout=5000)
    assert w.store.answers(wizard.session.assessment_id)["item.name"] == "TraceView"
    assert "RIGHT-TO-LEFT OVERRIDE" in field.error.text()


def test_a_list_import_removes_invisible_characters_and_says_so(tmp_path, data_dir, art5):
    xml = (SCREENING_FIX / "eu_list.xml").read_text(encoding="utf-8")
    assert 'wholeName="Ivan Sergeyevich PETROV"' in xml
    hidden = xml.replace('wholeName="Ivan Sergeyevich PETROV"', 'wholeName="Ivan\u200b Sergeyevich\u3164PETROV"')
    path = tmp_path / "eu_list_hidden.xml"
    path.write_text(hidden, encoding="utf-8")
    run = art5("screening", "import", path)
    assert run.code == 0, run.text
    assert "1 name(s) had invisible or control characters" in run.err, run.text
    from app.screening.service import Screening

    scr = Screening(data_dir)
    try:
        hits = scr.check("Ivan Sergeyevich Petrov")
        assert hits and all("\u200b" not in h.entity_name and "\u3164" not in h.entity_name for h in hits)
    finally:
        scr.close()
