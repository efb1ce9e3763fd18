"""Loading questionnaire files: every problem is named with the file and the question."""

from pathlib import Path

import pytest
import yaml

from app.questionnaire import model as qmod
from app.questionnaire.model import QuestionnaireError

FIXTURES = Path(__file__).parent / "fixtures"


def write(tmp_path, data, name="q.yaml"):
    p = tmp_path / name
    p.write_text(yaml.safe_dump(data, allow_unicode=True) if not isinstance(data, str) else data, encoding="utf-8")
    return p


def base():
    return yaml.safe_load((FIXTURES / "demo.yaml").read_text(encoding="utf-8"))


def problems(tmp_path, data):
    p = write(tmp_path, data)
    with pytest.raises(QuestionnaireError) as exc:
        qmod.load(p)
    assert str(p) in str(exc.value)
    return "\n".join(exc.value.problems)


def test_demo_loads_with_every_type():
    qn = qmod.load(FIXTURES / "demo.yaml")
    assert (qn.id, qn.version) == ("demo", "1")
    types = {q.type for q in qn.questions}
    assert types == {"country", "text", "yes_no_unsure", "single_choice", "multi_choice", "number", "date",
                     "yes_no", "group"}
    assert len(qn.sha256) == 64


def test_yaml_syntax_error_names_line(tmp_path):
    p = write(tmp_path, "id: x\nversion: 1\npages: [\n  - bad: : :\n")
    with pytest.raises(QuestionnaireError) as exc:
        qmod.load(p)
    assert "line" in str(exc.value) and "YAML" in str(exc.value)


def test_unknown_reference_in_condition_names_question(tmp_path):
    data = base()
    data["pages"][1]["questions"][1]["relevant"] = "item.nonexistent == 'yes'"
    text = problems(tmp_path, data)
    assert "question 'item.entry'" in text and "unknown question 'item.nonexistent'" in text


def test_forward_reference_is_refused(tmp_path):
    data = base()
    data["pages"][0]["questions"][0]["relevant"] = "item.listed == 'yes'"
    text = problems(tmp_path, data)
    assert "basics.member_state" in text and "forward reference" in text


def test_condition_syntax_error_names_question_and_column(tmp_path):
    data = base()
    data["pages"][1]["questions"][1]["relevant"] = "item.listed = 'yes'"
    text = problems(tmp_path, data)
    assert "item.entry" in text and "column 13" in text


def test_duplicate_ids_and_bad_types(tmp_path):
    data = base()
    data["pages"][0]["questions"].append(dict(data["pages"][0]["questions"][0]))
    data["pages"][0]["questions"].append({"id": "basics.odd", "type": "slider", "label": {"en": "x"}})
    text = problems(tmp_path, data)
    assert "duplicate question id" in text
    assert "type 'slider' is not one of" in text


def test_missing_english_text_and_choices(tmp_path):
    data = base()
    data["pages"][1]["questions"][2]["label"] = {"de": "Art"}
    data["pages"][1]["questions"][2]["choices"] = []
    text = problems(tmp_path, data)
    assert "item.kind" in text and "no English" in text and "non-empty 'choices'" in text


def test_to_verify_needs_a_source_to_check(tmp_path):
    data = base()
    data["sources"]["guess"] = {"act": "Recommendation (EU) 2024/2659", "status": "to_verify"}
    text = problems(tmp_path, data)
    assert "guess" in text and "to_verify" in text


def test_unknown_source_and_outcome_reference(tmp_path):
    data = base()
    data["pages"][0]["questions"][0]["sources"] = ["nope"]
    data["outcomes"][1]["when"] = "ghost == 1"
    text = problems(tmp_path, data)
    assert "unknown source 'nope'" in text
    assert "outcome 'LISTED'" in text and "ghost" in text


def test_not_utf8_and_not_a_map(tmp_path):
    p = tmp_path / "bin.yaml"
    p.write_bytes(b"\xff\xfe\x00junk")
    with pytest.raises(QuestionnaireError, match="not UTF-8"):
        qmod.load(p)
    with pytest.raises(QuestionnaireError, match="must hold a map"):
        qmod.load(write(tmp_path, "- a\n- b\n"))


def test_huge_file_is_refused(tmp_path):
    p = tmp_path / "big.yaml"
    p.write_bytes(b"#" * (qmod.MAX_FILE_BYTES + 1))
    with pytest.raises(QuestionnaireError, match="limit"):
        qmod.load(p)


def test_yaml_tags_are_not_executed(tmp_path):
    p = write(tmp_path, "id: !!python/object/apply:os.system ['echo hacked']\nversion: 1\n")
    with pytest.raises(QuestionnaireError, match="YAML"):
        qmod.load(p)


def test_latest_and_find_by_version(tmp_path):
    d = tmp_path / "qs"
    d.mkdir()
    for v in ("1", "2", "10"):
        data = base()
        data["version"] = v
        write(d, data, f"demo-{v}.yaml")
    assert qmod.latest("demo", d).version == "10"
    assert qmod.find("demo", "2", d).version == "2"
    with pytest.raises(QuestionnaireError, match="no questionnaire 'demo' version '3'"):
        qmod.find("demo", "3", d)


@pytest.mark.parametrize("key, entry, expected", [
    ("derived", {"expr": "true"}, "derived #2: needs an 'id' and an 'expr'"),
    ("outcomes", "NOTIFY", "outcome #1: needs an 'id'"),
    ("flags", {"when": "true"}, "flag #1: needs an 'id', a 'when' and a 'text'"),
])
def test_an_entry_without_an_id_is_named_by_its_position(tmp_path, key, entry, expected):
    data = base()
    data[key] = list(data.get(key) or [])
    data[key].insert(1 if key == "derived" and data[key] else 0, entry)
    found = problems(tmp_path, data)
    assert expected in found, found


@pytest.mark.parametrize("key", ["derived", "outcomes", "flags"])
def test_a_list_section_that_is_not_a_list_is_named(tmp_path, key):
    data = base()
    data[key] = {"not": "a list"}
    assert f"'{key}' must be a list" in problems(tmp_path, data)
