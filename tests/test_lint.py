"""`art5 questionnaire check FILE` (app.assessment.lint): small questionnaires written to tmp_path, each
with one defect, and the report that names it."""

from __future__ import annotations

import copy

import pytest
import yaml

from app.assessment import lint

SRC = {"act": "Regulation (EU) 2021/821", "article": "5", "url": "https://eur-lex.europa.eu/eli/reg/2021/821/oj"}


def base() -> dict:
    """A small, clean questionnaire: three questions, a derived value, three rules."""
    def q(qid, qtype, **kw):
        out = {"id": qid, "type": qtype, "label": {"en": f"Question {qid}?"},
               "help": {"en": "Help text."}, "sources": ["s"]}
        out.update(kw)
        return out

    return {
        "id": "tiny",
        "version": "1",
        "title": {"en": "Tiny"},
        "sources": {"s": SRC},
        "pages": [
            {"id": "p1", "title": {"en": "P1"}, "questions": [
                q("a.listed", "yes_no_unsure", decisive=True),
                q("a.dest", "country", decisive=True),
            ]},
            {"id": "p2", "title": {"en": "P2"}, "questions": [
                q("a.ops", "multi_choice", decisive=True, relevant="a.listed != 'yes'",
                  choices=[{"value": v, "label": {"en": v}} for v in ("mon", "col", "ana")]),
                q("a.count", "number", required=False, relevant="count(a.ops) >= 2"),
            ]},
        ],
        "derived": [{"id": "scope", "expr": "a.listed in ['no', 'unsure'] and count(a.ops) > 0"}],
        "outcomes": [
            {"id": "INCOMPLETE", "title": {"en": "Incomplete"}},
            {"id": "LISTED", "when": "a.listed == 'yes'", "title": {"en": "Listed"},
             "sources": ["s"], "actions": [{"en": "Apply."}]},
            {"id": "IN_SCOPE", "when": "scope", "title": {"en": "In scope"},
             "sources": ["s"], "actions": [{"en": "Check."}]},
            {"id": "OUT", "when": "a.listed != 'yes' and count(a.ops) == 0", "title": {"en": "Out"},
             "sources": ["s"], "actions": [{"en": "Record."}]},
        ],
    }


def write(tmp_path, data, name="q.yaml"):
    path = tmp_path / name
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return path


def question(data, qid):
    for p in data["pages"]:
        for q in p["questions"]:
            if q["id"] == qid:
                return q
    raise KeyError(qid)


def test_clean_questionnaire_passes(tmp_path):
    path = write(tmp_path, base())
    report = lint.lint(path)
    assert report.ok, report.format()
    assert report.errors == [] and report.warnings == []
    assert report.format().startswith(f"{path}: OK")


def test_unreachable_question_is_an_error(tmp_path):
    data = base()
    question(data, "a.count")["relevant"] = "a.listed == 'yes' and count(a.ops) > 0"  # ops only when not listed
    path = write(tmp_path, data)
    report = lint.lint(path)
    assert not report.ok
    assert any("'a.count'" in e and "never be asked" in e for e in report.errors), report.format()
    text = report.format()
    assert str(path) in text and "FAILED" in text and "a.count" in text


def test_unreachable_page_is_an_error(tmp_path):
    data = base()
    data["pages"][1]["relevant"] = "a.dest == 'RU' and a.dest == 'BY'"
    report = lint.lint(write(tmp_path, data))
    assert any("'a.ops'" in e and "never be asked" in e for e in report.errors)


def test_reachable_only_through_specific_values_is_not_reported(tmp_path):
    """No false alarm: relevance that needs a particular multi-choice set, number and country."""
    data = base()
    data["pages"].append({"id": "p3", "title": {"en": "P3"}, "questions": [{
        "id": "a.deep", "type": "text", "label": {"en": "Deep?"}, "help": {"en": "Help."}, "sources": ["s"],
        "relevant": "'ana' in a.ops and not ('mon' in a.ops) and a.count > 10 and a.dest in ['IE', 'FR']"}]})
    report = lint.lint(write(tmp_path, data))
    assert report.ok, report.format()


def test_rule_that_can_never_fire_is_an_error(tmp_path):
    data = base()
    # shadowed: everything this rule covers is already taken by LISTED
    data["outcomes"].insert(2, {"id": "SHADOWED", "when": "a.listed == 'yes' and a.dest == 'RU'",
                                "title": {"en": "Never"}, "sources": ["s"], "actions": [{"en": "x"}]})
    path = write(tmp_path, data)
    report = lint.lint(path)
    assert not report.ok
    assert any("'SHADOWED'" in e and "never fire" in e for e in report.errors), report.format()
    assert not any("'IN_SCOPE'" in e or "'OUT'" in e for e in report.errors)


def test_rule_needing_an_irrelevant_question_never_fires(tmp_path):
    """a.ops is not asked for a listed item, so 'listed and ops answered' cannot happen."""
    data = base()
    data["outcomes"].insert(1, {"id": "IMPOSSIBLE", "when": "a.listed == 'yes' and count(a.ops) > 0",
                                "title": {"en": "Never"}, "sources": ["s"], "actions": [{"en": "x"}]})
    report = lint.lint(write(tmp_path, data))
    assert any("'IMPOSSIBLE'" in e for e in report.errors), report.format()


def test_gap_in_rules_is_a_warning(tmp_path):
    data = base()
    data["outcomes"] = [o for o in data["outcomes"] if o["id"] != "OUT"]
    report = lint.lint(write(tmp_path, data))
    assert report.ok
    assert any("gap in the outcome rules" in w for w in report.warnings), report.format()


def test_missing_sources_is_an_error_and_missing_help_a_warning(tmp_path):
    data = base()
    del question(data, "a.dest")["sources"]
    del question(data, "a.listed")["help"]
    report = lint.lint(write(tmp_path, data))
    assert any("'a.dest'" in e and "no source" in e for e in report.errors)
    assert any("'a.listed'" in w and "no help" in w for w in report.warnings)


def test_comparison_with_unknown_choice_value_is_an_error(tmp_path):
    data = base()
    question(data, "a.count")["relevant"] = "a.listed == 'maybe'"
    report = lint.lint(write(tmp_path, data))
    assert any("'maybe'" in e and "a.listed" in e for e in report.errors), report.format()


def test_load_errors_are_reported_not_raised(tmp_path):
    data = base()
    question(data, "a.dest")["type"] = "colour"
    data["outcomes"][1]["when"] = "a.nothing == 'x'"
    report = lint.lint(write(tmp_path, data))
    assert not report.ok
    joined = "\n".join(report.errors)
    assert "colour" in joined and "a.nothing" in joined

    bad = tmp_path / "broken.yaml"
    bad.write_text("id: x\npages: [\n", encoding="utf-8")
    report = lint.lint(bad)
    assert not report.ok and "YAML" in report.errors[0]

    assert not lint.lint(tmp_path / "absent.yaml").ok


def test_main_check_exit_codes(tmp_path, capsys):
    good = write(tmp_path, base(), "good.yaml")
    data = copy.deepcopy(base())
    question(data, "a.count")["relevant"] = "a.listed == 'yes' and a.listed == 'no'"
    bad = write(tmp_path, data, "bad.yaml")
    assert lint.main_check(good) == 0
    assert lint.main_check(bad) == 1
    out = capsys.readouterr().out
    assert "good.yaml: OK" in out and "bad.yaml: FAILED" in out and "a.count" in out


def test_search_budget_exhaustion_is_a_warning_not_an_error(tmp_path):
    report = lint.lint(write(tmp_path, base()), budget=1)
    assert report.ok
    assert any("could not decide" in w or "could not check" in w for w in report.warnings)


@pytest.mark.parametrize("expr", ["a.listed == 'yes' and a.listed == 'no'", "false", "count(a.ops) < 0"])
def test_various_impossible_conditions(tmp_path, expr):
    data = base()
    question(data, "a.count")["relevant"] = expr
    report = lint.lint(write(tmp_path, data))
    assert any("'a.count'" in e for e in report.errors), (expr, report.format())
