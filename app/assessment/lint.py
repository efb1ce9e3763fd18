"""``art5 questionnaire check FILE``: lints a questionnaire file beyond what loading checks.

Reported as **errors** (the file should not ship):

* every load/schema problem (:class:`~app.questionnaire.model.QuestionnaireError`), one per line;
* a question that no answers can make relevant (it can never be asked);
* an outcome rule that can never fire (no answers reach it with every earlier rule false and no
  relevant decisive question unanswered);
* a question without any source;
* a condition comparing a choice question with a value that is not one of its choices.

Reported as **warnings**: a question without help text, an outcome without actions or sources,
answers that reach no outcome rule at all (a gap in the rules), a check that ran out of its
search budget, and a witness that the engine does not confirm.

How reachability is decided
---------------------------
Relevance conditions may only read questions asked earlier (loading enforces it), so the
answers that matter for a condition are those of the questions it depends on, transitively
through derived values and through their own relevance conditions. The linter searches that
set of questions depth-first in questionnaire order. Each question takes its values from a
small finite domain that covers every case a condition can distinguish:

* yes/no, yes/no/unsure and single choice: every value;
* multi choice: every subset of the values named in some condition, each combined with 0, 1,
  ... of the values named nowhere (as many as the count literals can tell apart); with more
  than ``MAX_NAMED_CHOICES`` named values a sample is used and the search is marked inexact;
* country, date, number: every literal of a matching kind found in any condition or in the
  reference lists the questionnaire uses, plus one value named nowhere (numbers also take each
  literal +/- 1, midpoints between literals and the min/max bounds);
* text: every string literal, all of them joined (for substring tests), and one named nowhere;
* group: as many entries as the count literals can tell apart;
* "unanswered" for every question that is not decisive (and, for the question check, also for
  decisive ones); a question that is not relevant under the earlier answers is unanswered.

After each assignment the target condition is evaluated in three-valued logic (true, false or
unknown while later questions are unassigned), which prunes the search early. The condition
language can only compare with literals, test list membership, count and look up reference
lists, so these domains cover every case it can distinguish (text substring tests aside):
"not found" means unreachable, not merely "not sampled", and is an error. When a domain was
only sampled, "not found" is a warning. A search is capped at ``budget`` steps; hitting the cap
is a warning. The whole check has one overall budget too (``TOTAL_BUDGET`` steps and
``TIME_BUDGET`` seconds, issue 14): when it runs out the check stops and says at which question
or outcome rule, and what was left unchecked; a file of 1,000 questions ends in seconds.
Every witness found for an outcome rule is replayed through :func:`app.assessment.engine.decide` after
filling in the remaining decisive questions, as a cross-check.
"""

from __future__ import annotations

import datetime as _dt
import itertools
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable

from app.base import countries as _countries
from app.base import reference
from app.questionnaire.conditions import Condition, _compare, _truthy, apply_function, contains
from app.questionnaire.model import Outcome, Question, Questionnaire, QuestionnaireError, load
from app.questionnaire.types import TYPES

__all__ = ["LintReport", "lint", "lint_questionnaire", "main_check"]

DEFAULT_BUDGET = 200_000
TOTAL_BUDGET = 2_000_000   # search steps for the whole file
TIME_BUDGET = 12.0         # seconds for the whole search (a safety net under TOTAL_BUDGET)
MAX_NAMED_CHOICES = 6


@dataclass
class LintReport:
    path: str
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors

    def format(self) -> str:
        status = "OK" if self.ok else "FAILED"
        lines = [f"{self.path}: {status} ({len(self.errors)} error(s), {len(self.warnings)} warning(s))"]
        lines += [f"  error: {e}" for e in self.errors]
        lines += [f"  warning: {w}" for w in self.warnings]
        return "\n".join(lines)


def lint(path: str | Path, refdata: reference.ReferenceSet | None = None,
         budget: int = DEFAULT_BUDGET, total: int = TOTAL_BUDGET, seconds: float = TIME_BUDGET) -> LintReport:
    """Load and lint one questionnaire file (or a questionnaire's roles file, ``<id>.roles.yaml``)."""
    from app.base.question_roles import is_roles_file

    if is_roles_file(path):
        return lint_roles(path, refdata)
    try:
        qn = load(path, refdata)
    except QuestionnaireError as exc:
        return LintReport(str(path), errors=list(exc.problems))
    return lint_questionnaire(qn, str(path), budget, total, seconds)


def lint_questionnaire(qn: Questionnaire, label: str | None = None,
                       budget: int = DEFAULT_BUDGET, total: int = TOTAL_BUDGET,
                       seconds: float = TIME_BUDGET) -> LintReport:
    """Lint an already loaded questionnaire."""
    report = LintReport(label or str(qn.path))
    for role in qn.roles.left_out:
        report.warnings.append(f"role {role!r} of {qn.roles.source} names a question version {qn.version} does not "
                               f"have; list the version under 'versions:' there (or give the file a 'roles:' block)")
    _check_texts(qn, report)
    _check_literals(qn, report)
    _Reach(qn, report, budget, total, seconds).run()
    return report


def lint_roles(path: str | Path, refdata: reference.ReferenceSet | None = None) -> LintReport:
    """A roles file: its shape, and its roles against every version of its questionnaire in the
    same folder that takes its roles from it (a version with an inline ``roles:`` block does not)."""
    from app.base.datafile import DataSyntaxError, parse_yaml_bytes
    from app.base.question_roles import RolesError, is_roles_file, parse_sidecar

    path = Path(path)
    report = LintReport(str(path))
    try:
        raw, _digest = parse_yaml_bytes(path.read_bytes())
        table = parse_sidecar(raw, str(path))
    except OSError as exc:
        report.errors.append(f"cannot read the file: {exc.strerror or exc}")
        return report
    except (UnicodeDecodeError, DataSyntaxError) as exc:
        report.errors.append(str(exc))
        return report
    except RolesError as exc:
        report.errors.extend(exc.problems)
        return report
    versions = 0
    for qpath in sorted(path.parent.glob(f"{table.questionnaire}-*.y*ml")):
        if is_roles_file(qpath):
            continue
        try:
            qn = load(qpath, refdata)
        except QuestionnaireError as exc:
            report.errors.extend(f"{qpath.name}: {p}" for p in exc.problems)
            continue
        if qn.id == table.questionnaire and Path(qn.roles.source) == path:
            versions += 1
    if not versions and not report.errors:
        report.warnings.append(f"no version of questionnaire {table.questionnaire!r} in {path.parent} "
                               "takes its roles from this file")
    return report


def main_check(path: str | Path) -> int:
    """Print the report for ``path``; 0 when it has no errors, 1 otherwise."""
    report = lint(path)
    print(report.format())
    return 0 if report.ok else 1


# ------------------------------------------------------------------------------ simple checks


def _check_texts(qn: Questionnaire, report: LintReport) -> None:
    for q in qn.questions:
        if not q.sources:
            report.errors.append(f"question {q.id!r} has no source (every question needs at least one)")
        if not q.help.get("en", "").strip():
            report.warnings.append(f"question {q.id!r} has no help text")
    has_decisive = any(q.decisive for q in qn.questions)
    if has_decisive and qn.outcome("INCOMPLETE") is None:
        report.warnings.append("no INCOMPLETE outcome is defined (its title and actions come from it)")
    members = [q.id for q in qn.questions if q.membership]
    if members and qn.outcome("CLASSIFICATION_REQUIRED") is None:
        report.warnings.append("membership questions (" + ", ".join(members) + ") but no CLASSIFICATION_REQUIRED "
                               "outcome is defined (its title and actions come from it)")
    for qid in members:
        if not qn.question(qid).decisive:
            report.warnings.append(f"question {qid!r} is a membership question but not decisive: an unsure "
                                   "answer is evaluated both ways only for the outcome")
    for o in qn.outcomes:
        if o.when is None:
            continue
        if not o.actions:
            report.warnings.append(f"outcome {o.id!r} has no actions (the action plan is empty)")
        if not o.sources:
            report.warnings.append(f"outcome {o.id!r} has no sources")


def _conditions(qn: Questionnaire) -> Iterable[tuple[str, Condition]]:
    for p in qn.pages:
        if p.relevant is not None:
            yield f"page {p.id!r}", p.relevant
        for q in p.questions:
            if q.relevant is not None:
                yield f"question {q.id!r}", q.relevant
    for d in qn.derived:
        yield f"derived {d.id!r}", d.expr
    for o in qn.outcomes:
        if o.when is not None:
            yield f"outcome {o.id!r}", o.when


def _literals(node: tuple[Any, ...]) -> list[Any]:
    """The literal values of a literal or a list of literals (else [])."""
    if node[0] == "lit":
        return [node[1]]
    if node[0] == "list":
        out = []
        for c in node[1:]:
            out += _literals(c)
        return out
    return []


def _walk(node: tuple[Any, ...], visit: Callable[[tuple[Any, ...]], None]) -> None:
    visit(node)
    kind = node[0]
    if kind in ("or", "and", "list"):
        children = node[1:]
    elif kind == "not":
        children = (node[1],)
    elif kind == "cmp":
        children = (node[2], node[3])
    elif kind == "in":
        children = (node[1], node[2])
    elif kind == "call":
        children = tuple(c for c in node[2:] if isinstance(c, tuple) and c[0] != "refname")
    else:
        children = ()
    for c in children:
        _walk(c, visit)


def _check_literals(qn: Questionnaire, report: LintReport) -> None:
    """A comparison of a choice question with a value outside its choices is always false."""

    def check(where: str, cond: Condition) -> None:
        def visit(node: tuple[Any, ...]) -> None:
            pairs: list[tuple[tuple[Any, ...], tuple[Any, ...]]] = []
            if node[0] == "cmp":
                pairs = [(node[2], node[3]), (node[3], node[2])]
            elif node[0] == "in":
                pairs = [(node[1], node[2]), (node[2], node[1])]
            for a, b in pairs:
                if a[0] != "name" or not qn.has_question(a[1]):
                    continue
                q = qn.question(a[1])
                for lit in _literals(b):
                    if lit is None or isinstance(lit, bool):
                        continue
                    kind = TYPES[q.type].literals if q.type in TYPES else None
                    if kind == "choices" and lit not in q.choice_values():
                        report.errors.append(
                            f"{where}: condition {cond.text!r} compares {q.id!r} with {lit!r}, "
                            f"which is not one of its values ({', '.join(q.choice_values())})")
                    elif kind == "countries" and q.countries is not None and isinstance(lit, str) \
                            and lit not in q.countries:
                        report.warnings.append(
                            f"{where}: condition {cond.text!r} compares {q.id!r} with {lit!r}, "
                            "which is not one of the countries it allows")

        _walk(cond.tree, visit)

    for where, cond in _conditions(qn):
        check(where, cond)


# ----------------------------------------------------------------------- three-valued logic


class _Unknown:
    def __repr__(self) -> str:  # pragma: no cover - debugging aid
        return "UNKNOWN"


UNKNOWN: Any = _Unknown()


def _truth(v: Any) -> Any:
    return UNKNOWN if v is UNKNOWN else _truthy(v)


def _not3(t: Any) -> Any:
    return UNKNOWN if t is UNKNOWN else (not t)


def _and3(items: Iterable[Callable[[], Any]]) -> Any:
    result: Any = True
    for get in items:
        t = get()
        if t is False:
            return False
        if t is UNKNOWN:
            result = UNKNOWN
    return result


def _eval3(node: tuple[Any, ...], lookup: Callable[[str], Any], refs: dict[str, Any]) -> Any:
    """Evaluates like :meth:`Condition.evaluate`, with UNKNOWN for answers not yet chosen."""
    kind = node[0]
    if kind == "lit":
        return node[1]
    if kind == "name":
        return lookup(node[1])
    if kind == "list":
        items = [_eval3(c, lookup, refs) for c in node[1:]]
        return UNKNOWN if any(i is UNKNOWN for i in items) else items
    if kind == "or":
        result: Any = False
        for c in node[1:]:
            t = _truth(_eval3(c, lookup, refs))
            if t is True:
                return True
            if t is UNKNOWN:
                result = UNKNOWN
        return result
    if kind == "and":
        return _and3(lambda c=c: _truth(_eval3(c, lookup, refs)) for c in node[1:])  # type: ignore[misc]  # c bound early
    if kind == "not":
        return _not3(_truth(_eval3(node[1], lookup, refs)))
    if kind == "cmp":
        a, b = _eval3(node[2], lookup, refs), _eval3(node[3], lookup, refs)
        if a is UNKNOWN or b is UNKNOWN:
            return UNKNOWN
        return _compare(node[1], a, b)
    if kind == "in":
        item, container = _eval3(node[1], lookup, refs), _eval3(node[2], lookup, refs)
        if item is None or container is None:
            return False
        if item is UNKNOWN or container is UNKNOWN:
            return UNKNOWN
        return contains(item, container)
    if kind == "call":
        fname = node[1]
        if fname == "ref":
            return refs.get(node[2][1], [])
        args = [_eval3(c, lookup, refs) for c in node[2:]]
        if any(a is UNKNOWN for a in args):
            return UNKNOWN
        return apply_function(fname, args)
    raise ValueError(f"cannot evaluate node {kind!r}")  # pragma: no cover


class _Partial:
    """Answers chosen so far; questions not yet chosen read as UNKNOWN."""

    def __init__(self, reach: "_Reach", assigned: dict[str, Any]):
        self.reach = reach
        self.assigned = assigned
        self._values: dict[str, Any] = {}
        self._relevant: dict[str, Any] = {}

    def value(self, name: str) -> Any:
        if name in self._values:
            return self._values[name]
        qn = self.reach.qn
        if name in self.reach.derived:
            v = _eval3(self.reach.derived[name].expr.tree, self.value, qn.reference_lists)
        elif qn.has_question(name):
            if name not in self.assigned:
                v = UNKNOWN
            else:
                rel = self.relevant(qn.question(name))
                v = self.assigned[name] if rel is True else (None if rel is False else UNKNOWN)
        else:
            v = None
        self._values[name] = v
        return v

    def holds(self, cond: Condition | None) -> Any:
        if cond is None:
            return True
        return _truth(_eval3(cond.tree, self.value, self.reach.qn.reference_lists))

    def relevant(self, q: Question) -> Any:
        if q.id in self._relevant:
            return self._relevant[q.id]
        page = self.reach.qn.page(q.page_id)
        t = _and3([lambda: self.holds(page.relevant), lambda: self.holds(q.relevant)])
        self._relevant[q.id] = t
        return t


class _Budget(Exception):
    pass


class _Overall(Exception):
    """The overall budget of the whole check ran out."""


class _Reach:
    """Reachability of questions and outcome rules, by bounded exhaustive search."""

    def __init__(self, qn: Questionnaire, report: LintReport, budget: int, total: int = TOTAL_BUDGET,
                 seconds: float = TIME_BUDGET):
        import time

        self.qn = qn
        self.report = report
        self.budget = budget
        self.total = total
        self.used = 0
        self.deadline = time.monotonic() + seconds
        self._clock = time.monotonic
        self.derived = {d.id: d for d in qn.derived}
        self.order = {q.id: i for i, q in enumerate(qn.questions)}
        self.inexact: set[str] = set()
        self._collect_literals()

    # -- dependencies ----------------------------------------------------------------------
    def _names_to_questions(self, names: Iterable[str], seen: set[str] | None = None) -> set[str]:
        seen = set() if seen is None else seen
        out: set[str] = set()
        for n in names:
            if n in seen:
                continue
            seen.add(n)
            if n in self.derived:
                out |= self._names_to_questions(self.derived[n].expr.names, seen)
            elif self.qn.has_question(n):
                out.add(n)
        return out

    def closure(self, names: Iterable[str]) -> list[Question]:
        """Every question whose answer can change the value of ``names`` (in asking order)."""
        todo = list(self._names_to_questions(names))
        found: set[str] = set()
        while todo:
            qid = todo.pop()
            if qid in found:
                continue
            found.add(qid)
            q = self.qn.question(qid)
            page = self.qn.page(q.page_id)
            for cond in (page.relevant, q.relevant):
                if cond is not None:
                    todo += list(self._names_to_questions(cond.names))
        return sorted((self.qn.question(i) for i in found), key=lambda q: self.order[q.id])

    # -- domains ---------------------------------------------------------------------------
    def _collect_literals(self) -> None:
        strings: set[str] = set()
        numbers: set[float] = set()
        for _, cond in _conditions(self.qn):
            def visit(node: tuple[Any, ...]) -> None:
                if node[0] == "lit":
                    v = node[1]
                    if isinstance(v, str):
                        strings.add(v)
                    elif isinstance(v, (int, float)) and not isinstance(v, bool):
                        numbers.add(v)
            _walk(cond.tree, visit)
        for values in self.qn.reference_lists.values():
            for v in values:
                if isinstance(v, str):
                    strings.add(v)
                elif isinstance(v, (int, float)) and not isinstance(v, bool):
                    numbers.add(v)
        self.strings = sorted(strings)
        self.numbers = sorted(numbers)

    def domain(self, q: Question, allow_none: bool) -> list[Any]:
        """The answers worth trying for ``q``, by its type's ``lint_domain`` (app.questionnaire.types)."""
        kind = TYPES[q.type].lint_domain if q.type in TYPES else "texts"
        out: list[Any] = self.DOMAINS[kind](self, q)
        return out + ([None] if allow_none else [])

    def _choice_domain(self, q: Question) -> list[Any]:
        return list(q.choice_values())

    def _country_domain(self, q: Question) -> list[Any]:
        """The countries conditions name (of those it allows), and one they do not."""
        allowed = set(q.countries) if q.countries is not None else None
        ok = (lambda c: c in allowed) if allowed is not None else _countries.is_country
        out = [s for s in self.strings if len(s) == 2 and ok(s)]
        pool = list(q.countries) if q.countries is not None else _countries.all_codes()
        other = next((c for c in pool if c not in out), None)
        return out + ([other] if other else [])

    def _number_domain(self, q: Question) -> list[Any]:
        """Each number conditions name, one either side, the midpoints, the bounds and 0."""
        cands = set()
        for n in self.numbers:
            cands |= {n - 1, n, n + 1}
        for lo, hi in zip(self.numbers, self.numbers[1:]):
            cands.add((lo + hi) / 2)
        for b in (q.minimum, q.maximum, 0):
            if b is not None:
                cands.add(b)
        return sorted(c for c in cands
                      if (q.minimum is None or c >= q.minimum) and (q.maximum is None or c <= q.maximum)
                      and (not q.integer or float(c).is_integer()))

    def _date_domain(self, q: Question) -> list[Any]:
        out = []
        for s in self.strings:
            try:
                _dt.date.fromisoformat(s)
                out.append(s)
            except ValueError:
                pass
        return out + ["2000-01-01"]

    def _rows_domain(self, q: Question) -> list[Any]:
        """Lists of entries, as long as the numbers conditions name (and one more)."""
        row = {f.id: "x" for f in q.fields}
        sizes = {0, 1} | {int(n) + d for n in self.numbers if 0 <= n <= 10 for d in (0, 1)}
        return [[dict(row) for _ in range(k)] for k in sorted(sizes) if k <= q.max_items]

    def _text_domain(self, q: Question) -> list[Any]:
        """Each literal, all of them joined (for substring tests), and one named nowhere."""
        return list(self.strings) + ["\u2063".join(self.strings + ["lint"]), "\u2063lint"]

    def _multi_domain(self, q: Question) -> list[list[str]]:
        """Every subset of the values named in conditions, each with 0..n unnamed values added
        (conditions can only test membership of named values and counts). Falls back to a
        sample, marked inexact, when too many values are named."""
        values = q.choice_values()
        named = [v for v in values if v in self.strings]
        unnamed = [v for v in values if v not in self.strings]
        if len(named) > MAX_NAMED_CHOICES:
            self.inexact.add(q.id)
            subsets = [[], *([v] for v in named), named, *([x for x in named if x != v] for v in named)]
        else:
            subsets = [[v for v, bit in zip(named, mask) if bit]
                       for mask in itertools.product((0, 1), repeat=len(named))]
        # unnamed values only matter through counts: cover each count literal -1, =, +1
        counts = {0, 1, len(unnamed)} | {int(n) + d for n in self.numbers
                                          if float(n).is_integer() for d in (-1, 0, 1)}
        out = []
        for s in subsets:
            for k in sorted(c for c in counts if 0 <= c <= len(unnamed)):
                chosen = set(s) | set(unnamed[:k])
                out.append([v for v in values if v in chosen])
        return out

    # lint_domain (app.questionnaire.types) -> how to enumerate it; tests/test_question_types.py
    # fails when a type names a domain missing here
    DOMAINS: dict[str, Callable[["_Reach", Question], list[Any]]] = {
        "choices": _choice_domain, "subsets": _multi_domain, "countries": _country_domain,
        "numbers": _number_domain, "dates": _date_domain, "texts": _text_domain, "rows": _rows_domain,
    }

    # -- search ----------------------------------------------------------------------------
    def search(self, target: Callable[[_Partial], Any], questions: list[Question],
               answer_decisive: bool) -> dict[str, Any] | None:
        """Answers (question id -> value, None = unanswered) making ``target`` true, or None."""
        assigned: dict[str, Any] = {}
        steps = 0

        def rec(i: int) -> dict[str, Any] | None:
            nonlocal steps
            steps += 1
            self.used += 1
            if self.used > self.total or (self.used % 512 == 0 and self._clock() > self.deadline):
                raise _Overall()
            if steps > self.budget:
                raise _Budget()
            state = _Partial(self, assigned)
            # relevance bottom-up, in questionnaire order: a long chain of conditions is then
            # evaluated one link at a time instead of by recursion through the whole chain
            for qid in list(assigned):  # filled in asking order (closure() sorts)
                state.value(qid)
            t = target(state)
            if t is True:
                return dict(assigned)
            if t is False or i == len(questions):
                return None
            q = questions[i]
            rel = state.relevant(q)
            values = [None] if rel is False else self.domain(q, not (answer_decisive and q.decisive))
            for v in values:
                assigned[q.id] = v
                found = rec(i + 1)
                if found is not None:
                    return found
            del assigned[q.id]
            return None

        return rec(0)

    def run(self) -> None:
        self.position = "the first question"
        try:
            self._questions()
            self._rules()
        except _Overall:
            self.report.warnings.append(
                f"the check stopped at {self.position}: the overall search budget ({self.total:,} steps or "
                f"{TIME_BUDGET:g} s) ran out; it and everything after it (questions and outcome rules) were not "
                "checked for reachability")
        except RecursionError:
            self.report.warnings.append(
                f"the check stopped at {self.position}: its conditions depend on one another too deeply to "
                "search; it and everything after it were not checked for reachability")

    def _questions(self) -> None:
        for q in self.qn.questions:
            self.position = f"question {q.id!r}"
            page = self.qn.page(q.page_id)
            conds = [c for c in (page.relevant, q.relevant) if c is not None]
            if not conds:
                continue
            names = [n for c in conds for n in c.names]
            try:
                closure = self.closure(names)
                found = self.search(lambda st, q=q: st.relevant(q), closure, answer_decisive=False)  # type: ignore[misc]
            except _Budget:
                self.report.warnings.append(
                    f"question {q.id!r}: could not decide within {self.budget} search steps whether it can be asked")
                continue
            if found is None:
                texts = " and ".join(repr(c.text) for c in conds)
                if self._inexact(closure):
                    self.report.warnings.append(
                        f"question {q.id!r}: no sampled answers make its condition true ({texts}); "
                        "the search was not exhaustive, check it by hand")
                else:
                    self.report.errors.append(
                        f"question {q.id!r} can never be asked: no answers make its condition true ({texts})")

    def _rules(self) -> None:
        rules = [o for o in self.qn.outcomes if o.when is not None]
        for k, rule in enumerate(rules):
            self.position = f"outcome rule {rule.id!r}"
            earlier = rules[:k]

            def target(st: _Partial, rule: Outcome = rule, earlier: list[Outcome] = earlier) -> Any:
                return _and3([lambda: st.holds(rule.when)]
                             + [lambda e=e: _not3(st.holds(e.when)) for e in earlier])  # type: ignore[misc]  # e bound early

            names = [n for r in [rule, *earlier] for n in r.when.names]  # type: ignore[union-attr]  # rules have a when
            closure = self.closure(names)
            try:
                found = self.search(target, closure, answer_decisive=True)
            except _Budget:
                self.report.warnings.append(
                    f"outcome {rule.id!r}: could not decide within {self.budget} search steps whether it can fire")
                continue
            if found is None and self._inexact(closure):
                self.report.warnings.append(
                    f"outcome {rule.id!r}: no sampled answers make it fire; the search was not "
                    "exhaustive, check it by hand")
            elif found is None:
                before = f" (earlier rules: {', '.join(e.id for e in earlier)})" if earlier else ""
                self.report.errors.append(
                    f"outcome {rule.id!r} can never fire: no complete answers make {rule.when.text!r} "  # type: ignore[union-attr]
                    f"true with every earlier rule false{before}")
            else:
                self._confirm(rule.id, found)
        if rules:
            self.position = "the check that every complete set of answers reaches an outcome"
            names = [n for r in rules for n in r.when.names]  # type: ignore[union-attr]  # rules have a when

            def gap(st: _Partial) -> Any:
                return _and3([lambda r=r: _not3(st.holds(r.when)) for r in rules])  # type: ignore[misc]  # r bound early

            try:
                found = self.search(gap, self.closure(names), answer_decisive=True)
            except _Budget:
                self.report.warnings.append(f"could not check within {self.budget} search steps that every "
                                            "complete set of answers reaches an outcome")
                return
            if found is not None:
                shown = ", ".join(f"{k}={v!r}" for k, v in found.items() if v is not None)
                self.report.warnings.append(
                    f"gap in the outcome rules: complete answers reach no rule, e.g. {shown or 'no answers'}")

    def _inexact(self, questions: list[Question]) -> bool:
        for q in questions:
            if q.type in TYPES and TYPES[q.type].lint_domain == "subsets":
                self._multi_domain(q)  # records whether its domain is a sample
        return any(q.id in self.inexact for q in questions)

    def _confirm(self, rule_id: str, witness: dict[str, Any]) -> None:
        """Replay a witness through the engine, answering the other decisive questions."""
        from app.assessment.engine import decide
        from app.assessment.flow import Flow

        answers = {k: v for k, v in witness.items() if v is not None}
        flow = Flow(self.qn, dict(answers))
        for q in self.qn.questions:
            if q.id in witness or not q.decisive:
                continue
            if flow.is_relevant(q):
                answers[q.id] = self.domain(q, False)[0]
                flow.load_answers(answers)
        result = decide(self.qn, flow)
        if result.outcome != rule_id:
            shown = ", ".join(f"{k}={v!r}" for k, v in answers.items())
            self.report.warnings.append(
                f"outcome {rule_id!r}: the linter found answers that should reach it, but the engine "
                f"chose {result.outcome} ({shown}); please report this")


if __name__ == "__main__":  # pragma: no cover
    sys.exit(max((main_check(p) for p in sys.argv[1:]), default=0))
