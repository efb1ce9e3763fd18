"""Hostile and broken answers files, through ``art5 assess --answers FILE --out DIR``.

Every row: exit 2, the answers file named, the problem in plain words, no traceback, no report
written and the data folder (register, reports, lists, identity) unchanged.
"""

from __future__ import annotations

import json

import pytest

from reliability_helpers import assert_refused, write_junk

GOOD = "questionnaire: art5\nanswers:\n  export.member_state: DE\n"
BOMB = ("questionnaire: art5\nanswers: {}\nparties: &p9 []\n"
        "l0: &a [{name: Ivan Petrov}, {name: Ivan Petrov}, {name: Ivan Petrov}, {name: Ivan Petrov}]\n"
        + "".join(f"l{i + 1}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 10)}]\n" for i in range(7))
        + "title: *h\n")

# id -> (file content, words of the message)
CASES = {
    "empty file": (b"", ["must hold a map"]),
    "binary junk": (bytes(range(256)) * 16, ["not UTF-8"]),
    "Latin-1 text": ("questionnaire: art5\ntitle: Übung\n".encode("latin-1"), ["not UTF-8"]),
    "UTF-16 text": (GOOD.encode("utf-16"), ["not UTF-8"]),
    "invalid JSON": (b'{"questionnaire": "art5", "answers": {,}}', ["invalid JSON", "line 1"]),
    "invalid YAML": (b"questionnaire: art5\nanswers: [\n", ["invalid YAML", "line"]),
    "a list, not a map": (b"- questionnaire: art5\n", ["must hold a map"]),
    "a bare string": (b"hello\n", ["must hold a map"]),
    "unknown top-level key": (b"questionnaire: art5\nanwsers: {}\n", ["unknown top-level key 'anwsers'"]),
    "no questionnaire": (b"answers: {}\n", ["'questionnaire'", "missing"]),
    "questionnaire is a list": (b"questionnaire: [art5]\n", ["'questionnaire'", "missing"]),
    "unknown questionnaire": (b"questionnaire: nope\n", ["no questionnaire with id 'nope'"]),
    "unknown version": (b"questionnaire: art5\nversion: '9.9'\n", ["version '9.9'"]),
    "answers not a map": (b"questionnaire: art5\nanswers: [DE]\n", ["'answers' must map question ids"]),
    "unknown question id": (b"questionnaire: art5\nanswers:\n  item.colour: red\n", ["unknown question id 'item.colour'"]),
    "numeric question id": (b"questionnaire: art5\nanswers:\n  42: red\n", ["unknown question id 42"]),
    "value outside the choices": (b"questionnaire: art5\nanswers:\n  item.annex_i_listed: maybe\n",
                                  ["item.annex_i_listed", "value not allowed"]),
    "list for a single choice": (b"questionnaire: art5\nanswers:\n  item.annex_i_listed: [yes, no]\n",
                                 ["item.annex_i_listed", "value not allowed"]),
    "unknown country": (b"questionnaire: art5\nanswers:\n  export.destination_country: XX\n",
                        ["export.destination_country", "value not allowed"]),
    "nested 100,000 levels of YAML (crashed the process)": (
        b"questionnaire: art5\ntitle: " + b"[" * 100_000 + b"]" * 100_000, ["nested more than 100"]),
    "nested 100,000 levels of JSON": (b'{"questionnaire": "art5", "title": ' + b"[" * 100_000 + b"]" * 100_000 + b"}",
                                      ["nested too deeply"]),
    "nested 500 levels of JSON": (b'{"questionnaire": "art5", "title": ' + b"[" * 500 + b"]" * 500 + b"}",
                                  ["nested more than 100"]),
    "alias bomb in the parties": (BOMB.encode(), ["alias bomb"]),
    "alias into itself": (b"questionnaire: art5\ntitle: &t [*t]\n", ["points into the value that holds it"]),
}


@pytest.mark.parametrize("case", list(CASES))
def test_broken_answers_file_is_refused_by_name(case, tmp_path, populated, art5):
    content, words = CASES[case]
    path = tmp_path / ("answers.json" if "JSON" in case else "answers.yaml")
    path.write_bytes(content)
    out = tmp_path / "out"
    run = art5("assess", "--answers", path, "--out", out)
    assert_refused(run, path, *words, code=2)
    assert not (out / "report.pdf").exists()
    populated.assert_unchanged()


@pytest.mark.parametrize("kind", ["missing", "folder", "6 MB file"])
def test_unreadable_or_huge_answers_file(kind, tmp_path, populated, art5):
    path = tmp_path / "answers.yaml"
    if kind == "folder":
        path.mkdir()
        words = ["folder"]
    elif kind == "6 MB file":
        write_junk(path, 6 << 20, head=GOOD.encode(), fill=b"# filler\n")
        words = ["larger than 5 MB"]
    else:
        words = ["no such file"]
    assert_refused(art5("assess", "--answers", path, "--out", tmp_path / "out"), path, *words, code=2)
    populated.assert_unchanged()


def test_the_good_answers_file_of_these_tests_is_accepted(tmp_path, populated, art5):
    """The control row: the same set-up with a sound file works (so the rows above test the damage)."""
    path = tmp_path / "answers.yaml"
    path.write_text(GOOD, encoding="utf-8")
    run = art5("assess", "--answers", path, "--out", tmp_path / "out", "--json", "--no-save")
    assert run.code == 0, run.err
    assert json.loads(run.out)["questionnaire"]["id"] == "art5"
    populated.assert_unchanged()
