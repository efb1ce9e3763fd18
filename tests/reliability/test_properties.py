"""Property-based tests (hypothesis, profile ``art5-ci`` in conftest.py: deterministic, no
deadline): no input crashes the condition language, the answers-file reader, the questionnaire
loader or name normalisation outside their documented errors.

* conditions: any text parses or raises ConditionError; generated valid expressions parse, print
  back to text that parses to the same tree, and evaluate on any answers without raising;
* answers files: any bytes, any YAML/JSON structure, and answer files that look right but carry
  arbitrary values raise nothing but AnswersFileError;
* questionnaire files: any structure raises nothing but QuestionnaireError;
* names: normalisation is total on any Unicode text, idempotent, and blind to case and
  diacritics (what the matcher relies on).
"""

from __future__ import annotations

import json
import tempfile
import unicodedata
from pathlib import Path

import pytest
import yaml
from hypothesis import assume, example, given
from hypothesis import strategies as st

from app.assessment import answers_file
from app.questionnaire import model as questionnaire
from app.questionnaire.conditions import Condition, ConditionError
from app.screening import normalize

# -- values and structures ----------------------------------------------------------------------
scalars = st.one_of(st.none(), st.booleans(), st.integers(-10**6, 10**6), st.floats(allow_nan=False, width=32),
                    st.text(max_size=20))
json_values = st.recursive(scalars, lambda kids: st.one_of(st.lists(kids, max_size=4),
                                                           st.dictionaries(st.text(max_size=10), kids, max_size=4)),
                           max_leaves=20)

# -- the condition language -----------------------------------------------------------------------
NAMES = ["item.covert", "item.kind", "export.destination_country", "parties.list", "x"]
CONDITION_ALPHABET = st.sampled_from(list("abcnotiurefalsexmp._ ()[],'\"=!<>0123456789\\") + ["and", "or", "not", "in"])


@given(st.text(max_size=200))
@example("(" * 5000)
@example("not " * 5000 + "x")
@example("[" * 3000)
@example("x in " * 3000 + "x")
def test_any_text_parses_or_raises_condition_error(text):
    try:
        Condition(text)
    except ConditionError:
        pass


@given(st.lists(CONDITION_ALPHABET, max_size=60).map("".join))
def test_condition_like_text_parses_or_raises_condition_error(text):
    try:
        c = Condition(text)
    except ConditionError:
        return
    c.evaluate(lambda name: None, {n: [] for n in c.refs})


def _literal():
    return st.one_of(st.integers(0, 10**6).map(str), st.sampled_from(["1.5", "0.25", "true", "false", "null"]),
                     st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=8).map(
                         lambda s: "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'"))


def _expr():
    atom = st.one_of(_literal(), st.sampled_from(NAMES),
                     st.sampled_from(NAMES).map(lambda n: f"answered({n})"),
                     st.sampled_from(NAMES).map(lambda n: f"count({n})"),
                     st.sampled_from(["ref(eu27)", "ref(embargoed)"]))

    def extend(inner):
        return st.one_of(
            st.tuples(inner, st.sampled_from(["==", "!=", "<", "<=", ">", ">=", "in", "not in"]), inner)
              .map(lambda t: f"({t[0]}) {t[1]} ({t[2]})"),
            st.tuples(inner, st.sampled_from(["and", "or"]), inner).map(lambda t: f"({t[0]}) {t[1]} ({t[2]})"),
            inner.map(lambda e: f"not ({e})"),
            st.lists(inner, max_size=3).map(lambda xs: "[" + ", ".join(xs) + "]"),
            st.tuples(inner, inner).map(lambda t: f"overlaps({t[0]}, {t[1]})"),
        )
    return st.recursive(atom, extend, max_leaves=12)


def unparse(node: tuple) -> str:
    """Text for a parsed tree (fully parenthesised), to check that parsing loses nothing."""
    kind = node[0]
    if kind == "lit":
        v = node[1]
        if v is None or isinstance(v, bool):
            return {None: "null", True: "true", False: "false"}[v]
        if isinstance(v, str):
            return "'" + v.replace("\\", "\\\\").replace("'", "\\'") + "'"
        return repr(v)
    if kind == "name":
        return node[1]
    if kind == "list":
        return "[" + ", ".join(unparse(c) for c in node[1:]) + "]"
    if kind in ("and", "or"):
        return f" {kind} ".join(f"({unparse(c)})" for c in node[1:])
    if kind == "not":
        return f"not ({unparse(node[1])})"
    if kind == "cmp":
        return f"({unparse(node[2])}) {node[1]} ({unparse(node[3])})"
    if kind == "in":
        return f"({unparse(node[1])}) in ({unparse(node[2])})"
    if kind == "call":
        if node[1] == "ref":
            return f"ref({node[2][1]})"
        return f"{node[1]}(" + ", ".join(unparse(c) for c in node[2:]) + ")"
    raise AssertionError(node)


def _strip_positions(node):
    if not isinstance(node, tuple):
        return node
    if node[0] == "name":
        return ("name", node[1])
    return tuple(_strip_positions(c) for c in node)


@given(_expr(), st.dictionaries(st.sampled_from(NAMES), json_values))
def test_valid_expressions_round_trip_and_evaluate(text, answers):
    c = Condition(text)
    again = Condition(unparse(c.tree))
    assert _strip_positions(again.tree) == _strip_positions(c.tree)
    assert set(again.names) == set(c.names)
    refs = {"eu27": ["DE", "FR"], "embargoed": ["KP"]}
    result = c.evaluate(answers.get, refs)
    assert c.test(answers.get, refs) in (True, False)
    assert result == again.evaluate(answers.get, refs)


def test_an_unknown_reference_list_is_a_condition_error():
    with pytest.raises(ConditionError, match="unknown reference list"):
        Condition("'DE' in ref(nowhere)").evaluate(lambda n: None, {})


# -- the answers-file reader ----------------------------------------------------------------------
_TMP = Path(tempfile.mkdtemp(prefix="art5-properties-"))
QN = questionnaire.latest("art5")
QIDS = [q.id for q in QN.questions]


def _read_bytes(blob: bytes) -> None:
    path = _TMP / "answers.yaml"
    path.write_bytes(blob)
    try:
        answers_file.read(path)
    except answers_file.AnswersFileError as exc:
        assert str(path) in str(exc)


@given(st.binary(max_size=2000))
@example(b"\xef\xbb\xbf{")
@example(b"questionnaire: art5\nanswers: &a {x: *a}\n")
@example(b"!!python/object/apply:os.system [echo hacked]")
def test_any_bytes_are_an_answers_file_or_an_answers_file_error(blob):
    _read_bytes(blob)


@given(json_values, st.booleans())
def test_any_structure_as_yaml_or_json(value, as_json):
    if as_json:
        blob = json.dumps(value).encode()
    else:
        blob = yaml.safe_dump(value, allow_unicode=True).encode()
    _read_bytes(blob)


answer_values = st.one_of(json_values, st.sampled_from(["yes", "no", "unsure", "DE", "CN", "2026-01-01", "12"]),
                          st.lists(st.sampled_from(["monitoring", "analysing", "yes", "x"]), max_size=4),
                          st.lists(st.dictionaries(st.sampled_from(["name", "role", "country", "birth_date", "x"]),
                                                   scalars, max_size=4), max_size=3))


@given(st.dictionaries(st.sampled_from(QIDS + ["nope", "item"]), answer_values, max_size=6),
       st.one_of(st.none(), json_values), st.one_of(st.none(), st.text(max_size=10), st.integers()))
def test_answer_files_with_arbitrary_values(answers, parties, version):
    raw = {"questionnaire": "art5", "answers": answers}
    if parties is not None:
        raw["parties"] = parties
    if version is not None:
        raw["version"] = version
    try:
        af = answers_file.from_mapping(raw, "answers.yaml")
    except answers_file.AnswersFileError as exc:
        assert "answers.yaml" in str(exc)
        return
    assert set(af.answers) <= set(QIDS)


# -- the questionnaire loader -----------------------------------------------------------------------
DEMO = yaml.safe_load((Path(__file__).resolve().parents[1] / "fixtures" / "demo.yaml").read_text(encoding="utf-8"))


def _paths(node, pre=()):
    yield pre
    if isinstance(node, dict):
        for k, v in node.items():
            yield from _paths(v, pre + (k,))
    elif isinstance(node, list):
        for i, v in enumerate(node):
            yield from _paths(v, pre + (i,))


DEMO_PATHS = [p for p in _paths(DEMO) if p]


@given(st.lists(st.tuples(st.sampled_from(DEMO_PATHS), json_values), min_size=1, max_size=3))
def test_a_damaged_questionnaire_structure_is_a_questionnaire_error(changes):
    data = json.loads(json.dumps(DEMO))
    for path, value in changes:
        node = data
        try:
            for k in path[:-1]:
                node = node[k]
            node[path[-1]] = value
        except (KeyError, IndexError, TypeError):
            continue
    try:
        questionnaire.build(data, "damaged.yaml")
    except questionnaire.QuestionnaireError as exc:
        assert "damaged.yaml" in str(exc)


# -- name normalisation ----------------------------------------------------------------------------
@given(st.text(max_size=60))
@example("s llc a foo")
@example("ΟΥ Μπ ντ")
@example("\ufeff\u0000\ud7ff")
def test_normalisation_is_total_and_idempotent(name):
    n = normalize.normalise(name)
    assert isinstance(n, str) and n == n.strip()
    assert all(t.isascii() and t.isalnum() for t in n.split())
    assert normalize.normalise(n) == n
    assert normalize.sorted_form(n) == normalize.sorted_form(name)
    normalize.skeleton(n), normalize.phonetic(n), normalize.removed_legal_forms(name)


latin_words = st.lists(st.text(alphabet=st.characters(whitelist_categories=("Lu", "Ll"), max_codepoint=0x24F),
                               min_size=1, max_size=8), min_size=1, max_size=4).map(" ".join)


def _strip_accents(s: str) -> str:
    return unicodedata.normalize("NFC", "".join(ch for ch in unicodedata.normalize("NFD", s)
                                                if not unicodedata.combining(ch)))


@given(latin_words)
def test_normalisation_ignores_case_and_diacritics(name):
    assume(name.upper().lower() == name.lower())  # no letters whose case change changes the text
    n = normalize.normalise(name)
    assert normalize.normalise(name.upper()) == n == normalize.normalise(name.lower())
    assert normalize.normalise(_strip_accents(name)) == n
