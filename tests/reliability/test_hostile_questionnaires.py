"""Hostile and broken questionnaire files, through ``art5 questionnaire check FILE`` (and one
through ``art5 assess``, for a broken file among the installed questionnaires).

Every row: exit non-zero, the file named, the problem in plain words, no traceback, and the
data folder unchanged. Huge files: a file over 1 MB or with more than 1000 questions is refused
by its size or shape before any slow work (the shipped questionnaire is 80 KB, 43 questions).
"""

from __future__ import annotations

import copy
import shutil
from pathlib import Path

import pytest
import yaml

from app.questionnaire import model as qmod

from reliability_helpers import FIXTURES, ROOT, assert_refused, write_junk

DEMO = yaml.safe_load((FIXTURES / "demo.yaml").read_text(encoding="utf-8"))


def demo_with(change) -> bytes:
    data = copy.deepcopy(DEMO)
    change(data)
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False).encode("utf-8")


def _q(data, qid):
    return next(q for p in data["pages"] for q in p["questions"] if q["id"] == qid)


def _set(qid, key, value):
    def change(data):
        _q(data, qid)[key] = value
    return change


def _two_way_cycle(data):
    _q(data, "basics.item_name")["relevant"] = "item.listed == 'yes'"  # asked later
    _q(data, "item.listed")["relevant"] = "answered(basics.item_name)"


def _derived_cycle(data):
    data["derived"] = [{"id": "d_one", "expr": "d_two"}, {"id": "d_two", "expr": "d_one"}]


def _duplicate(data):
    data["pages"][1]["questions"].append(copy.deepcopy(data["pages"][0]["questions"][0]))


def _many_questions(n):
    def change(data):
        data["pages"][0]["questions"] += [
            {"id": f"basics.extra_{i}", "type": "text", "label": {"en": "x"}, "sources": ["dur_art5"]}
            for i in range(n)]
    return change


BOMB = ("id: demo\nversion: '1'\nlol: &a [x, x, x, x, x, x, x, x, x, x]\n"
        + "".join(f"l{i}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 10)}]\n" for i in range(8))
        + "pages: []\n").encode()

# id -> (file content, words of the message)
CASES = {
    "empty file": (b"", ["must hold a map"]),
    "binary junk": (bytes(range(256)) * 8, ["not UTF-8"]),
    "Latin-1 text": ("id: démo\n".encode("latin-1"), ["not UTF-8"]),
    "UTF-16 text": ("id: demo\n".encode("utf-16"), ["not UTF-8"]),
    "YAML syntax error": (b"id: demo\npages: [\n  - {id: x\n", ["YAML syntax error", "line"]),
    "a list, not a map": (b"- id: demo\n- version: 1\n", ["must hold a map"]),
    "no id, no version": (demo_with(lambda d: (d.pop("id"), d.pop("version"))), ["'id' is missing", "'version'"]),
    "unknown question type": (demo_with(_set("basics.item_name", "type", "essay")), ["'essay' is not one of"]),
    "unknown key": (demo_with(_set("basics.item_name", "colour", "red")), ["unknown key 'colour'"]),
    "unknown source reference": (demo_with(_set("basics.item_name", "sources", ["nowhere"])),
                                 ["unknown source 'nowhere'"]),
    "condition syntax error": (demo_with(_set("item.entry", "relevant", "item.listed == = 'yes'")),
                               ["item.entry", "unexpected character"]),
    "condition names an unknown question": (demo_with(_set("item.entry", "relevant", "item.colour == 'red'")),
                                            ["unknown question 'item.colour'"]),
    "condition calls eval": (demo_with(_set("item.entry", "relevant", "__import__('os')")),
                             ["unknown function '__import__'"]),
    "cycle: relevant names itself": (demo_with(_set("item.entry", "relevant", "answered(item.entry)")),
                                     ["refers to the question itself"]),
    "cycle: two questions need each other": (demo_with(_two_way_cycle), ["forward reference"]),
    "cycle: derived values need each other": (demo_with(_derived_cycle),
                                              ["neither a question nor an earlier derived value"]),
    "duplicate question id": (demo_with(_duplicate), ["duplicate question id"]),
    "min_items not a number": (demo_with(lambda d: d["pages"][0]["questions"].append(
        {"id": "basics.parties", "type": "group", "label": {"en": "P"}, "sources": ["dur_art5"],
         "min_items": "many", "fields": [{"id": "name", "type": "text", "label": {"en": "N"}}]})),
        ["'min_items' must be a whole number"]),
    "outcomes not a list": (demo_with(lambda d: d.__setitem__("outcomes", 7)), ["'outcomes' must be a list"]),
    "explain not a map": (demo_with(lambda d: d.__setitem__("derived", [{"id": "d_x", "expr": "true",
                                                                         "explain": ["yes"]}])),
                          ["'explain' must be a map"]),
    "nested 100,000 levels (crashed libyaml)": (b"x: " + b"[" * 100_000 + b"]" * 100_000, ["nested more than 100"]),
    "block nesting 50,000 levels": (b"- " * 50_000 + b"x\n", ["nested more than 100"]),
    "alias bomb (YAML billion laughs)": (BOMB, ["alias bomb"]),
    "alias into itself": (b"id: &a [1, *a]\n", ["points into the value that holds it"]),
    "1500 questions": (demo_with(_many_questions(1500)), ["1512 questions", "limit is 1000"]),
}


@pytest.mark.parametrize("case", list(CASES))
def test_broken_questionnaire_is_refused_by_name(case, tmp_path, populated, art5):
    content, words = CASES[case]
    path = tmp_path / "broken questionnaire.yaml"
    path.write_bytes(content)
    run = art5("questionnaire", "check", path)
    assert_refused(run, path, *words, code=1)
    populated.assert_unchanged()


@pytest.mark.parametrize("kind", ["missing", "folder", "20 MB file"])
def test_unreadable_or_huge_questionnaire_file(kind, tmp_path, art5):
    path = tmp_path / "q.yaml"
    if kind == "folder":
        path.mkdir()
        words = ["cannot read the file"]
    elif kind == "20 MB file":
        from reliability_helpers import write_junk

        write_junk(path, 20 << 20, head=b"id: demo\n", fill=b"# filler\n")
        words = [f"the limit is {qmod.MAX_FILE_BYTES}"]
    else:
        words = ["cannot read the file", "No such file"]
    assert_refused(art5("questionnaire", "check", path), path, *words, code=1)


def test_only_the_broken_file_is_named_among_several(tmp_path, art5):
    good = tmp_path / "good.yaml"
    shutil.copy(FIXTURES / "demo.yaml", good)
    bad = tmp_path / "bad.yaml"
    bad.write_bytes(CASES["condition names an unknown question"][0])
    run = art5("questionnaire", "check", good, bad)
    assert run.code == 1
    assert f"{good}: OK" in run.out and f"{bad}: FAILED" in run.out


def test_a_broken_installed_questionnaire_stops_assess_with_its_name(tmp_path, monkeypatch, populated, art5):
    """A damaged file among the program's questionnaires: a headless run names it and saves nothing."""
    root = tmp_path / "install"
    (root / "questionnaires").mkdir(parents=True)
    (root / "resources").symlink_to(ROOT / "resources")
    for f in (ROOT / "questionnaires").glob("*.yaml"):
        shutil.copy(f, root / "questionnaires" / f.name)
    broken = root / "questionnaires" / "zz-damaged.yaml"
    broken.write_bytes(b"id: zz\nversion: '1'\npages: [\n")
    monkeypatch.setenv("ART5_RESOURCE_ROOT", str(root))
    answers = tmp_path / "answers.yaml"
    answers.write_text("questionnaire: art5\nanswers:\n  export.member_state: DE\n", encoding="utf-8")
    run = art5("assess", "--answers", answers, "--out", tmp_path / "out")
    assert_refused(run, broken, "YAML syntax error", code=2)
    assert not (tmp_path / "out" / "report.pdf").exists()
    populated.assert_unchanged()


def test_a_damaged_parsed_data_cache_is_ignored(tmp_path, art5):
    """The cache of parsed YAML is not a source: junk in it changes nothing. (Only shipped
    files are cached, issue 14: a copy of the shipped questionnaire is one.)"""
    import os

    path = tmp_path / "art5.yaml"
    shutil.copy(FIXTURES.parent.parent / "questionnaires" / "art5-1.0.0.yaml", path)
    assert art5("questionnaire", "check", path).code == 0
    cache = Path(os.environ["ART5_CACHE_DIR"])
    entries = list(cache.glob("yaml-*.json"))
    assert entries
    for e in entries:
        e.write_bytes(b"\x00{not json")
    run = art5("questionnaire", "check", path)
    assert run.code == 0 and f"{path}: OK" in run.out
