"""The condition language of questionnaires: a small, safe expression grammar.

Conditions decide whether a page or question is relevant and whether an outcome rule fires.
They are parsed by the recursive-descent parser below into a tree of plain tuples and then
interpreted; nothing is ever handed to ``eval``/``exec``.

Grammar (lowest precedence first)::

    expr     := or_expr
    or_expr  := and_expr ("or" and_expr)*
    and_expr := not_expr ("and" not_expr)*
    not_expr := "not" not_expr | compare
    compare  := primary (("==" | "!=" | "<" | "<=" | ">" | ">=" | "in" | "not" "in") primary)?
    primary  := NUMBER | STRING | "true" | "false" | "null"
              | "[" [expr ("," expr)*] "]"
              | NAME "(" [expr ("," expr)*] ")"      -- a function call
              | NAME                                   -- an answer or a derived value
              | "(" expr ")"

NAME is a question id such as ``item.covert`` (letters, digits, ``_`` and dots). An unanswered
question is ``null``: it equals nothing, ``!=`` anything, is ``in`` no list and counts as 0
items. Functions: ``answered(x)``, ``count(x)``, ``overlaps(list, list)``, ``ref(NAME)`` (a
named list of reference data supplied by the caller).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Callable, Mapping

__all__ = ["ConditionError", "Condition", "parse", "names_in"]


class ConditionError(ValueError):
    """A condition that cannot be parsed or evaluated; ``pos`` is the 0-based column."""

    def __init__(self, message: str, text: str = "", pos: int | None = None):
        self.message = message
        self.text = text
        self.pos = pos
        where = f" at column {pos + 1}" if pos is not None else ""
        super().__init__(f"{message}{where} in condition {text!r}" if text else message)


_TOKEN = re.compile(
    r"""
    (?P<ws>\s+)
  | (?P<number>\d+(?:\.\d+)?)
  | (?P<string>"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*')
  | (?P<name>[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z0-9_]+)*)
  | (?P<op>==|!=|<=|>=|<|>|\(|\)|\[|\]|,)
    """,
    re.VERBOSE,
)
_KEYWORDS = {"and", "or", "not", "in", "true", "false", "null"}
_FUNCTIONS: dict[str, int] = {"answered": 1, "count": 1, "overlaps": 2, "ref": 1}
MAX_LENGTH = 4000
MAX_DEPTH = 60


@dataclass(frozen=True)
class _Tok:
    kind: str
    value: str
    pos: int


def _tokenize(text: str) -> list[_Tok]:
    if len(text) > MAX_LENGTH:
        raise ConditionError(f"condition longer than {MAX_LENGTH} characters", text[:40] + "…")
    toks: list[_Tok] = []
    pos = 0
    while pos < len(text):
        m = _TOKEN.match(text, pos)
        if not m:
            raise ConditionError(f"unexpected character {text[pos]!r}", text, pos)
        kind = m.lastgroup or ""
        if kind != "ws":
            value = m.group()
            if kind == "name" and value in _KEYWORDS:
                kind = "kw"
            toks.append(_Tok(kind, value, pos))
        pos = m.end()
    toks.append(_Tok("end", "", len(text)))
    return toks


def _unquote(s: str) -> str:
    body = s[1:-1]
    return re.sub(r"\\(.)", r"\1", body)


class _Parser:
    def __init__(self, text: str):
        self.text = text
        self.toks = _tokenize(text)
        self.i = 0
        self.depth = 0

    def peek(self) -> _Tok:
        return self.toks[self.i]

    def take(self) -> _Tok:
        tok = self.toks[self.i]
        self.i += 1
        return tok

    def expect(self, kind: str, value: str | None = None) -> _Tok:
        tok = self.take()
        if tok.kind != kind or (value is not None and tok.value != value):
            want = value or kind
            got = tok.value or "end of condition"
            raise ConditionError(f"expected {want!r} but found {got!r}", self.text, tok.pos)
        return tok

    def is_kw(self, word: str) -> bool:
        tok = self.peek()
        return tok.kind == "kw" and tok.value == word

    def parse(self) -> tuple[Any, ...]:
        if self.peek().kind == "end":
            raise ConditionError("empty condition", self.text, 0)
        node = self.expr()
        tok = self.peek()
        if tok.kind != "end":
            raise ConditionError(f"unexpected {tok.value!r}", self.text, tok.pos)
        return node

    def expr(self) -> tuple[Any, ...]:
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise ConditionError("condition nested too deeply", self.text, self.peek().pos)
        try:
            return self.or_expr()
        finally:
            self.depth -= 1

    def or_expr(self) -> tuple[Any, ...]:
        items = [self.and_expr()]
        while self.is_kw("or"):
            self.take()
            items.append(self.and_expr())
        return items[0] if len(items) == 1 else ("or", *items)

    def and_expr(self) -> tuple[Any, ...]:
        items = [self.not_expr()]
        while self.is_kw("and"):
            self.take()
            items.append(self.not_expr())
        return items[0] if len(items) == 1 else ("and", *items)

    def not_expr(self) -> tuple[Any, ...]:
        if self.is_kw("not"):
            self.take()
            self.depth += 1
            if self.depth > MAX_DEPTH:
                raise ConditionError("condition nested too deeply", self.text, self.peek().pos)
            try:
                return ("not", self.not_expr())
            finally:
                self.depth -= 1
        return self.compare()

    def compare(self) -> tuple[Any, ...]:
        left = self.primary()
        tok = self.peek()
        if tok.kind == "op" and tok.value in ("==", "!=", "<", "<=", ">", ">="):
            self.take()
            return ("cmp", tok.value, left, self.primary())
        if tok.kind == "kw" and tok.value == "in":
            self.take()
            return ("in", left, self.primary())
        if tok.kind == "kw" and tok.value == "not" and self.toks[self.i + 1].value == "in":
            self.take()
            self.take()
            return ("not", ("in", left, self.primary()))
        return left

    def primary(self) -> tuple[Any, ...]:
        tok = self.take()
        if tok.kind == "number":
            num = float(tok.value) if "." in tok.value else int(tok.value)
            return ("lit", num)
        if tok.kind == "string":
            return ("lit", _unquote(tok.value))
        if tok.kind == "kw" and tok.value in ("true", "false", "null"):
            return ("lit", {"true": True, "false": False, "null": None}[tok.value])
        if tok.kind == "op" and tok.value == "[":
            items: list[tuple[Any, ...]] = []
            if not (self.peek().kind == "op" and self.peek().value == "]"):
                items.append(self.expr())
                while self.peek().kind == "op" and self.peek().value == ",":
                    self.take()
                    items.append(self.expr())
            self.expect("op", "]")
            return ("list", *items)
        if tok.kind == "op" and tok.value == "(":
            node = self.expr()
            self.expect("op", ")")
            return node
        if tok.kind == "name":
            if self.peek().kind == "op" and self.peek().value == "(":
                return self.call(tok)
            return ("name", tok.value, tok.pos)
        got = tok.value or "end of condition"
        raise ConditionError(f"expected a value but found {got!r}", self.text, tok.pos)

    def call(self, name_tok: _Tok) -> tuple[Any, ...]:
        fname = name_tok.value
        if fname not in _FUNCTIONS:
            raise ConditionError(
                f"unknown function {fname!r} (known: {', '.join(sorted(_FUNCTIONS))})",
                self.text,
                name_tok.pos,
            )
        self.expect("op", "(")
        args: list[tuple[Any, ...]] = []
        if not (self.peek().kind == "op" and self.peek().value == ")"):
            if fname == "ref":
                ref = self.expect("name")
                args.append(("refname", ref.value))
            else:
                args.append(self.expr())
                while self.peek().kind == "op" and self.peek().value == ",":
                    self.take()
                    args.append(self.expr())
        self.expect("op", ")")
        if len(args) != _FUNCTIONS[fname]:
            raise ConditionError(
                f"function {fname!r} takes {_FUNCTIONS[fname]} argument(s), got {len(args)}",
                self.text,
                name_tok.pos,
            )
        return ("call", fname, *args)


def _walk(node: tuple[Any, ...], out_names: list[tuple[str, int]], out_refs: list[str]) -> None:
    kind = node[0]
    if kind == "name":
        out_names.append((node[1], node[2]))
    elif kind == "refname":
        out_refs.append(node[1])
    elif kind in ("or", "and", "list"):
        for child in node[1:]:
            _walk(child, out_names, out_refs)
    elif kind == "not":
        _walk(node[1], out_names, out_refs)
    elif kind == "cmp":
        _walk(node[2], out_names, out_refs)
        _walk(node[3], out_names, out_refs)
    elif kind == "in":
        _walk(node[1], out_names, out_refs)
        _walk(node[2], out_names, out_refs)
    elif kind == "call":
        for child in node[2:]:
            _walk(child, out_names, out_refs)


def contains(item: Any, container: Any) -> bool:
    """``item in container`` as the condition language defines it: an answer in a list of
    answers, or text in text; anything else (and a missing value) is not contained."""
    if item is None or container is None:
        return False
    if isinstance(container, (list, tuple, set, frozenset)):
        return item in container
    if isinstance(container, str) and isinstance(item, str):
        return item in container
    return False


def _is_empty(value: Any) -> bool:
    return value is None or value == "" or value == [] or value == {}


def apply_function(fname: str, args: list[Any]) -> Any:
    """The value of a condition function (all but ``ref``) for evaluated arguments; the one
    definition of their meaning, shared with the linter's three-valued evaluation."""
    if fname == "answered":  # an empty list is an answer ("none of these")
        return args[0] is not None and args[0] != ""
    if fname == "count":
        v = args[0]
        if _is_empty(v):
            return 0
        return len(v) if isinstance(v, (list, tuple, dict, str)) else 1
    if fname == "overlaps":
        a, b = args
        if not isinstance(a, (list, tuple)) or not isinstance(b, (list, tuple)):
            return False
        return any(x in b for x in a)
    raise ConditionError(f"unknown function {fname!r}")


def _compare(op: str, a: Any, b: Any) -> bool:
    if op == "==":
        return a is not None and b is not None and a == b
    if op == "!=":
        return not _compare("==", a, b)
    if a is None or b is None:
        return False
    try:
        if op == "<":
            return bool(a < b)
        if op == "<=":
            return bool(a <= b)
        if op == ">":
            return bool(a > b)
        return bool(a >= b)
    except TypeError:
        return False


class Condition:
    """A parsed condition. ``names`` are the answer/derived names it reads, in order."""

    __slots__ = ("text", "tree", "names", "refs")

    def __init__(self, text: str):
        if not isinstance(text, str):
            raise ConditionError(f"a condition must be text, not {type(text).__name__}")
        self.text = text
        self.tree = _Parser(text).parse()
        found: list[tuple[str, int]] = []
        refs: list[str] = []
        _walk(self.tree, found, refs)
        self.names: list[str] = list(dict.fromkeys(n for n, _ in found))
        self.refs: list[str] = list(dict.fromkeys(refs))

    def evaluate(
        self,
        lookup: Callable[[str], Any],
        refs: Mapping[str, Any] | None = None,
    ) -> Any:
        refs = refs or {}

        def ev(node: tuple[Any, ...]) -> Any:
            kind = node[0]
            if kind == "lit":
                return node[1]
            if kind == "name":
                return lookup(node[1])
            if kind == "list":
                return [ev(c) for c in node[1:]]
            if kind == "or":
                return any(_truthy(ev(c)) for c in node[1:])
            if kind == "and":
                return all(_truthy(ev(c)) for c in node[1:])
            if kind == "not":
                return not _truthy(ev(node[1]))
            if kind == "cmp":
                return _compare(node[1], ev(node[2]), ev(node[3]))
            if kind == "in":
                return contains(ev(node[1]), ev(node[2]))
            if kind == "call":
                fname = node[1]
                if fname == "ref":
                    name = node[2][1]
                    if name not in refs:
                        raise ConditionError(f"unknown reference list {name!r}", self.text)
                    return refs[name]
                return apply_function(fname, [ev(c) for c in node[2:]])
            raise ConditionError(f"cannot evaluate node {kind!r}", self.text)  # pragma: no cover

        return ev(self.tree)

    def test(self, lookup: Callable[[str], Any], refs: Mapping[str, Any] | None = None) -> bool:
        return _truthy(self.evaluate(lookup, refs))

    def __repr__(self) -> str:
        return f"Condition({self.text!r})"


def _truthy(value: Any) -> bool:
    if value is None:
        return False
    if isinstance(value, (list, tuple, dict, str)):
        return len(value) > 0
    return bool(value)


def parse(text: str) -> Condition:
    return Condition(text)


def names_in(text: str) -> list[str]:
    return Condition(text).names
