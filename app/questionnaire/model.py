"""Questionnaire files: the data model, the loader and its validation.

A questionnaire is a YAML file in ``questionnaires/`` with an ``id`` and a ``version``, a list
of ``pages`` holding ``questions``, optional ``derived`` values and ``outcomes`` rules. Every
text is a per-locale map. Loading validates the whole file and raises
:class:`QuestionnaireError`, whose message names the file, the question and the problem.
See ``docs`` in ``questionnaires/README.md`` for the format.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from collections.abc import Iterable, Iterator, Mapping  # (typing's aliases make every isinstance() slow)
from typing import Any

from app.base import reference
from app.questionnaire.conditions import Condition, ConditionError
from app.questionnaire.roles import ROLE_FIELDS, ROLE_TYPES, Roles
from app.base.i18n import BUILTIN_CHOICES, SOURCE_LOCALE, LocalText, tr_data
# the question types and which of them a group may hold: app.questionnaire.types (the registry)
from app.questionnaire.types import GROUP_FIELD_TYPES, QUESTION_TYPES

SOURCE_STATUSES = ("verified", "secondary", "to_verify")
ID_RE = re.compile(r"^[a-z][a-z0-9_]*(\.[a-z0-9_]+)*$")
VALUE_RE = re.compile(r"^[A-Za-z0-9_.\-]+$")
LOCALE_KEY_RE = re.compile(r"[a-z]{2}(_[A-Z]{2})?")
# Bounds that keep loading fast (a 4 MB file of 50,000 questions took 13 s to load and 21 s to
# lint); the shipped questionnaire is 80 KB with 43 questions.
MAX_FILE_BYTES = 1024 * 1024
MAX_QUESTIONS = 1000


class QuestionnaireError(ValueError):
    """A questionnaire file that cannot be used. ``problems`` lists every problem found."""

    def __init__(self, path: str, problems: list[str]):
        self.path = path
        self.problems = problems
        shown = problems[:20]
        more = f"\n  … and {len(problems) - 20} more" if len(problems) > 20 else ""
        super().__init__(
            f"{path}: questionnaire has {len(problems)} problem(s):\n  "
            + "\n  ".join(shown)
            + more
        )


@dataclass(frozen=True)
class Source:
    """A legal or factual source: act, article, paragraph, URL, and how sure we are of it."""

    id: str
    act: str
    article: str = ""
    paragraph: str = ""
    url: str = ""
    title: LocalText = field(default_factory=dict)
    status: str = "verified"
    note: str = ""

    @property
    def to_verify(self) -> bool:
        return self.status == "to_verify"

    def citation(self) -> str:
        parts = [self.act]
        if self.article:
            parts.append(f"Art. {self.article}")
        if self.paragraph:
            parts[-1] += f"({self.paragraph})"
        return ", ".join(parts)


@dataclass(frozen=True)
class Choice:
    value: str
    label: LocalText
    help: LocalText = field(default_factory=dict)
    sources: tuple[Source, ...] = ()

    def text(self, locale: str = SOURCE_LOCALE) -> str:
        return tr_data(self.label, locale)


@dataclass
class Question:
    id: str
    type: str
    label: LocalText
    hint: LocalText = field(default_factory=dict)
    help: LocalText = field(default_factory=dict)
    sources: tuple[Source, ...] = ()
    relevant: Condition | None = None
    required: bool = True
    decisive: bool = False
    to_verify: bool = False
    choices: tuple[Choice, ...] = ()
    countries: tuple[str, ...] | None = None  # None: every ISO 3166 country
    multiline: bool = False
    max_length: int = 2000
    minimum: float | None = None
    maximum: float | None = None
    integer: bool = False
    unit: LocalText = field(default_factory=dict)
    fields: tuple["Question", ...] = ()
    min_items: int = 0
    max_items: int = 200
    page_id: str = ""
    # A list-membership question (Annex I, a control list, a regime annex, a ban): "unsure" is
    # not read as yes or no; the engine evaluates both (issue 13).
    membership: bool = False
    # help for the item of reference data ``hints_ref["data"]`` whose value is the answer to
    # ``hints_ref["by"]`` (issue 13: national-list hints per Member State)
    hints_ref: dict[str, str] = field(default_factory=dict)

    def hint_for(self, answers_value: Any, refdata: reference.ReferenceSet | None = None) -> Mapping[str, Any] | None:
        """The reference-data item that ``hints_ref`` names for this answer, or None."""
        if not self.hints_ref or not answers_value:
            return None
        refdata = refdata or reference.default_set()
        try:
            return refdata.get(self.hints_ref["data"]).item(str(answers_value))
        except reference.ReferenceError:
            return None

    def choice_values(self) -> list[str]:
        return [c.value for c in self.choices]

    def choice(self, value: str) -> Choice | None:
        for c in self.choices:
            if c.value == value:
                return c
        return None

    def text(self, locale: str = SOURCE_LOCALE) -> str:
        return tr_data(self.label, locale)


@dataclass
class Page:
    id: str
    title: LocalText
    section: str = ""
    intro: LocalText = field(default_factory=dict)
    relevant: Condition | None = None
    questions: list[Question] = field(default_factory=list)


@dataclass
class Derived:
    id: str
    expr: Condition
    description: LocalText = field(default_factory=dict)
    explain_true: LocalText = field(default_factory=dict)
    explain_false: LocalText = field(default_factory=dict)
    sources: tuple[Source, ...] = ()


@dataclass
class Outcome:
    id: str
    when: Condition | None  # None only for the built-in INCOMPLETE
    title: LocalText
    summary: LocalText = field(default_factory=dict)
    rationale: LocalText = field(default_factory=dict)
    sources: tuple[Source, ...] = ()
    actions: tuple[LocalText, ...] = ()
    # issue 13: an action may hold only under a condition (e.g. the exporter's Member State)
    action_conditions: tuple[Condition | None, ...] = ()
    # a prohibition: shown even while other questions are open (never hidden by INCOMPLETE)
    prohibition: bool = False
    # the first step of the plan when the outcome without the unsure memberships needs a notice
    notify_first: LocalText = field(default_factory=dict)
    # this outcome produces a draft notification
    needs_notification: bool = False
    # named texts the engine fills in ({if_listed}, {if_not_listed}, {questions}, ...)
    texts: dict[str, LocalText] = field(default_factory=dict)

    def actions_for(self, test: Any = None) -> list[LocalText]:
        """The actions whose condition holds (``test(condition) -> bool``); all without ``test``."""
        conds = self.action_conditions or (None,) * len(self.actions)
        return [a for a, c in zip(self.actions, conds) if c is None or test is None or test(c)]


@dataclass
class Flag:
    """Something the user must see beside the outcome, with a stable id (issue 13)."""

    id: str
    when: Condition
    text: LocalText = field(default_factory=dict)
    sources: tuple[Source, ...] = ()


@dataclass
class Questionnaire:
    id: str
    version: str
    title: LocalText
    path: Path
    sha256: str
    description: LocalText = field(default_factory=dict)
    locales: tuple[str, ...] = (SOURCE_LOCALE,)
    pages: list[Page] = field(default_factory=list)
    derived: list[Derived] = field(default_factory=list)
    outcomes: list[Outcome] = field(default_factory=list)
    flags: list[Flag] = field(default_factory=list)
    # shown with every outcome that is not a prohibition (issue 13: national rules, Art. 9)
    caveat_not_prohibited: LocalText = field(default_factory=dict)
    sources: dict[str, Source] = field(default_factory=dict)
    reference_lists: dict[str, list[Any]] = field(default_factory=dict)
    reference_versions: dict[str, dict[str, str]] = field(default_factory=dict)
    _questions: dict[str, Question] = field(default_factory=dict, repr=False)
    official: bool = False  # a shipped file, pinned in app.base.official (else "unofficial")
    # role -> question id: the facts code reads by name (app/questionnaire/roles.py)
    roles: Roles = field(default_factory=Roles)

    def question(self, qid: str) -> Question:
        return self._questions[qid]

    def has_question(self, qid: str) -> bool:
        return qid in self._questions

    def role_question(self, role: str) -> Question | None:
        """The question stating ``role`` in this version, or None when it has none (an unknown
        role raises UnknownRoleError)."""
        qid = self.roles.question_id(role)
        return self._questions.get(qid) if qid is not None else None

    def answer_for(self, role: str, answers: Mapping[str, Any]) -> Any:
        """The answer stating ``role``, or None: unanswered, or no such question in this version."""
        return self.roles.answer(role, answers)

    @property
    def questions(self) -> list[Question]:
        return [q for p in self.pages for q in p.questions]

    def page(self, page_id: str) -> Page:
        for p in self.pages:
            if p.id == page_id:
                return p
        raise KeyError(page_id)

    def outcome(self, outcome_id: str | None) -> Outcome | None:
        for o in self.outcomes:
            if o.id == outcome_id:
                return o
        return None

    def text(self, locale: str = SOURCE_LOCALE) -> str:
        return tr_data(self.title, locale)


# --------------------------------------------------------------------------- loading


class _Checker:
    """Collects problems while building the model, so one load reports them all."""

    def __init__(self, path: str):
        self.path = path
        self.problems: list[str] = []

    def add(self, where: str, message: str) -> None:
        self.problems.append(f"{where}: {message}" if where else message)

    def entries(self, raw: Mapping[str, Any], key: str, name: str,
                need: str) -> Iterator[tuple[str, Mapping[str, Any], str]]:
        """The entries of the list ``raw[key]`` (derived values, outcomes, flags): each map with a
        text 'id', with that id and the place its problems are reported under ("<name> '<id>'").
        A ``key`` that is not a list, and an entry without an id (``need`` says what an entry
        needs), are reported here."""
        items = raw.get(key, []) or []
        if not isinstance(items, list):
            self.add("", f"'{key}' must be a list")
            return
        for i, item in enumerate(items):
            if not isinstance(item, Mapping) or not isinstance(item.get("id"), str):
                self.add(f"{name} #{i + 1}", need)
                continue
            yield item["id"], item, f"{name} {item['id']!r}"

    def text(self, value: Any, where: str, name: str, required: bool = True) -> dict[str, str]:
        if value is None:
            if required:
                self.add(where, f"'{name}' is missing (a map of locale to text, e.g. en: ...)")
            return {}
        if not isinstance(value, Mapping):
            self.add(where, f"'{name}' must be a map of locale to text (e.g. en: ...), not {type(value).__name__}")
            return {}
        out: dict[str, str] = {}
        for k, v in value.items():
            if not isinstance(k, str) or not LOCALE_KEY_RE.fullmatch(k):
                self.add(where, f"'{name}' has an invalid locale key {k!r}")
                continue
            if not isinstance(v, str):
                self.add(where, f"'{name}.{k}' must be text")
                continue
            out[k] = v
        if required and not out.get(SOURCE_LOCALE, "").strip():
            self.add(where, f"'{name}' has no English ('en') text")
        return out

    def condition(self, value: Any, where: str, name: str = "relevant") -> Condition | None:
        if value is None:
            return None
        if isinstance(value, bool):
            value = "true" if value else "false"
        try:
            return Condition(value)
        except ConditionError as exc:
            self.add(where, f"'{name}': {exc}")
            return None


def _parse_source(chk: _Checker, raw: Any, where: str, sid: str = "") -> Source | None:
    if not isinstance(raw, Mapping):
        chk.add(where, f"source {sid or ''} must be a map with at least 'act'")
        return None
    act = raw.get("act")
    if not isinstance(act, str) or not act.strip():
        chk.add(where, f"source {sid!r} has no 'act'")
        return None
    status = raw.get("status", "verified")
    if status not in SOURCE_STATUSES:
        chk.add(where, f"source {sid!r} has status {status!r}; use one of {', '.join(SOURCE_STATUSES)}")
        status = "to_verify"
    url = raw.get("url", "")
    if url and not (isinstance(url, str) and re.match(r"^https?://", url)):
        chk.add(where, f"source {sid!r} has a URL that is not http(s): {url!r}")
        url = ""
    if status == "to_verify" and not (url or raw.get("note")):
        chk.add(where, f"source {sid!r} is marked to_verify but names no url or note to check it against")
    return Source(
        id=sid or str(raw.get("id", "")),
        act=act,
        article=str(raw.get("article", "") or ""),
        paragraph=str(raw.get("paragraph", "") or ""),
        url=url or "",
        title=chk.text(raw.get("title"), where, "title", required=False),
        status=status,
        note=str(raw.get("note", "") or ""),
    )


def _resolve_sources(chk: _Checker, raw: Any, where: str, known: Mapping[str, Source]) -> tuple[Source, ...]:
    if raw is None:
        return ()
    if not isinstance(raw, list):
        chk.add(where, "'sources' must be a list of source ids or source maps")
        return ()
    out: list[Source] = []
    for item in raw:
        if isinstance(item, str):
            if item not in known:
                chk.add(where, f"unknown source {item!r}")
            else:
                out.append(known[item])
        else:
            src = _parse_source(chk, item, where)
            if src:
                out.append(src)
    return tuple(out)


_BUILTIN_SETS = {
    "yes_no": ("yes", "no"),
    "yes_no_unsure": ("yes", "no", "unsure"),
}


def _parse_choices(chk: _Checker, q: Mapping[str, Any], where: str, known: Mapping[str, Source], qtype: str,
                   refdata: reference.ReferenceSet) -> tuple[Choice, ...]:
    raw = q.get("choices")
    ref_name = q.get("choices_ref")
    if qtype in _BUILTIN_SETS:
        labels = {}
        if isinstance(raw, list):  # optional relabelling of yes/no/unsure
            for c in raw:
                if isinstance(c, Mapping) and c.get("value") in _BUILTIN_SETS[qtype]:
                    labels[c["value"]] = c
        out: list[Choice] = []
        for v in _BUILTIN_SETS[qtype]:
            c = labels.get(v, {})
            out.append(Choice(
                value=v,
                label=chk.text(c.get("label"), where, "label", required=False) or BUILTIN_CHOICES[v],
                help=chk.text(c.get("help"), where, "help", required=False),
            ))
        return tuple(out)
    if ref_name is not None:
        try:
            data = refdata.get(ref_name)
        except reference.ReferenceError as exc:
            chk.add(where, f"choices_ref: {exc}")
            return ()
        raw = data.items
        where_c = f"{where} (choices from reference data {ref_name!r})"
    else:
        where_c = where
    if not isinstance(raw, list) or not raw:
        chk.add(where, f"a {qtype} question needs a non-empty 'choices' list (or 'choices_ref')")
        return ()
    out = []
    seen: set[str] = set()
    for i, c in enumerate(raw):
        if not isinstance(c, Mapping):
            chk.add(where_c, f"choice #{i + 1} must be a map with 'value' and 'label'")
            continue
        value = c.get("value")
        if not isinstance(value, str) or not VALUE_RE.match(value):
            chk.add(where_c, f"choice #{i + 1} has an invalid value {value!r} (letters, digits, _ . -)")
            continue
        if value in seen:
            chk.add(where_c, f"duplicate choice value {value!r}")
            continue
        seen.add(value)
        out.append(Choice(
            value=value,
            label=chk.text(c.get("label"), f"{where_c} choice {value!r}", "label"),
            help=chk.text(c.get("help"), f"{where_c} choice {value!r}", "help", required=False),
            sources=_resolve_sources(chk, c.get("sources"), f"{where_c} choice {value!r}", known),
        ))
    return tuple(out)


_QUESTION_KEYS = {
    "id", "type", "label", "hint", "help", "sources", "relevant", "required", "decisive",
    "to_verify", "choices", "choices_ref", "countries", "multiline", "max_length", "min", "max",
    "integer", "unit", "fields", "min_items", "max_items", "membership", "hints_ref",
}
# Outcomes the engine produces itself, without a `when` rule.
BUILTIN_OUTCOMES = ("INCOMPLETE", "CLASSIFICATION_REQUIRED")


def _parse_question(chk: _Checker, raw: Any, where: str, known: Mapping[str, Source],
                    refdata: reference.ReferenceSet, in_group: bool = False) -> Question | None:
    if not isinstance(raw, Mapping):
        chk.add(where, "a question must be a map")
        return None
    qid = raw.get("id")
    if not isinstance(qid, str) or not (ID_RE.match(qid) if not in_group else re.match(r"^[a-z][a-z0-9_]*$", qid)):
        chk.add(where, f"invalid question id {qid!r} (lower case, digits, _ and dots)")
        return None
    where = f"question {qid!r} ({where})"
    for key in raw:
        if key not in _QUESTION_KEYS:
            chk.add(where, f"unknown key {key!r}")
    qtype = raw.get("type")
    allowed = GROUP_FIELD_TYPES if in_group else QUESTION_TYPES
    if not isinstance(qtype, str) or qtype not in allowed:
        chk.add(where, f"type {qtype!r} is not one of {', '.join(allowed)}")
        return None
    q = Question(
        id=qid,
        type=qtype,
        label=chk.text(raw.get("label"), where, "label"),
        hint=chk.text(raw.get("hint"), where, "hint", required=False),
        help=chk.text(raw.get("help"), where, "help", required=False),
        sources=_resolve_sources(chk, raw.get("sources"), where, known),
        relevant=chk.condition(raw.get("relevant"), where),
        required=bool(raw.get("required", True)),
        decisive=bool(raw.get("decisive", False)),
        to_verify=bool(raw.get("to_verify", False)),
        multiline=bool(raw.get("multiline", False)),
        integer=bool(raw.get("integer", False)),
        unit=chk.text(raw.get("unit"), where, "unit", required=False),
        membership=bool(raw.get("membership", False)),
    )
    if q.membership and qtype != "yes_no_unsure":
        chk.add(where, "'membership' needs a yes_no_unsure question")
    hints = raw.get("hints_ref")
    if hints is not None:
        if not (isinstance(hints, Mapping) and isinstance(hints.get("data"), str) and isinstance(hints.get("by"), str)):
            chk.add(where, "'hints_ref' must be a map with 'data' (a reference data set) and 'by' (a question id)")
        else:
            try:
                refdata.get(hints["data"])
            except reference.ReferenceError as exc:
                chk.add(where, f"hints_ref: {exc}")
            q.hints_ref = {"data": hints["data"], "by": hints["by"]}
    if q.to_verify and not any(s.url or s.note for s in q.sources):
        chk.add(where, "is marked to_verify but has no source with a URL or note to check it against")
    if qtype in ("single_choice", "multi_choice", "yes_no", "yes_no_unsure"):
        q.choices = _parse_choices(chk, raw, where, known, qtype, refdata)
    if qtype == "text":
        ml = raw.get("max_length", 2000)
        if not isinstance(ml, int) or ml < 1:
            chk.add(where, "'max_length' must be a positive whole number")
        else:
            q.max_length = ml
    if qtype == "number":
        for key in ("min", "max"):
            v = raw.get(key)
            if v is not None and not isinstance(v, (int, float)):
                chk.add(where, f"'{key}' must be a number")
        q.minimum = raw.get("min")
        q.maximum = raw.get("max")
    if qtype == "country":
        spec = raw.get("countries", "all")
        from app.base import countries

        if spec == "all":
            q.countries = None
        elif spec == "eu27":
            q.countries = countries.EU27
        elif isinstance(spec, list) and all(isinstance(c, str) for c in spec):
            bad = [c for c in spec if not countries.is_country(c)]
            if bad:
                chk.add(where, f"unknown country codes {bad}")
            q.countries = tuple(spec)
        else:
            chk.add(where, "'countries' must be 'all', 'eu27' or a list of ISO alpha-2 codes")
    if qtype == "group":
        fields_raw = raw.get("fields")
        if not isinstance(fields_raw, list) or not fields_raw:
            chk.add(where, "a group needs a non-empty 'fields' list")
        else:
            fields: list[Question] = []
            seen: set[str] = set()
            for i, f in enumerate(fields_raw):
                fq = _parse_question(chk, f, f"{where}, field #{i + 1}", known, refdata, in_group=True)
                if fq:
                    if fq.id in seen:
                        chk.add(where, f"duplicate field id {fq.id!r}")
                    seen.add(fq.id)
                    fields.append(fq)
            q.fields = tuple(fields)
        for key, default in (("min_items", 0), ("max_items", 200)):
            n = raw.get(key, default)
            if not isinstance(n, int) or isinstance(n, bool) or n < 0:
                chk.add(where, f"'{key}' must be a whole number, 0 or more")
                n = default
            setattr(q, key, n or default)
    return q


def load(path: str | Path, refdata: reference.ReferenceSet | None = None) -> Questionnaire:
    """Load and validate one questionnaire file."""
    path = Path(path)
    raw, digest = _read(path)
    return _built(raw, path, digest, refdata)


def _built(raw: Any, path: Path, digest: str, refdata: reference.ReferenceSet | None = None) -> Questionnaire:
    qn = build(raw, str(path), digest, path, refdata)
    from app.base.official import is_official

    qn.official = is_official(digest)
    return qn


def _read(path: Path) -> tuple[Any, str]:
    """The parsed content of a questionnaire file and the SHA-256 of its bytes."""
    label = str(path)
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise QuestionnaireError(label, [f"file is {size} bytes; the limit is {MAX_FILE_BYTES}"])
        blob = path.read_bytes()
    except OSError as exc:
        raise QuestionnaireError(label, [f"cannot read the file: {exc.strerror or exc}"]) from None
    from app.base.datafile import DataSyntaxError, parse_yaml_bytes

    try:
        raw, digest = parse_yaml_bytes(blob)
    except UnicodeDecodeError as exc:
        raise QuestionnaireError(label, [f"not UTF-8 text (byte {exc.start})"]) from None
    except DataSyntaxError as exc:
        raise QuestionnaireError(label, [str(exc)]) from None
    return raw, digest


def build(raw: Any, label: str, sha256: str = "", path: Path | None = None,
          refdata: reference.ReferenceSet | None = None) -> Questionnaire:
    """Build and validate a questionnaire from already-parsed data."""
    chk = _Checker(label)
    refdata = refdata or reference.default_set()
    if not isinstance(raw, Mapping):
        raise QuestionnaireError(label, ["the file must hold a map with id, version and pages"])
    qn_id = raw.get("id")
    version = raw.get("version")
    if not isinstance(qn_id, str) or not ID_RE.match(qn_id):
        chk.add("", f"'id' is missing or invalid: {qn_id!r}")
    if not isinstance(version, (str, int, float)) or str(version).strip() == "":
        chk.add("", "'version' is missing")
    known: dict[str, Source] = {}
    raw_sources = raw.get("sources", {}) or {}
    if not isinstance(raw_sources, Mapping):
        chk.add("", "'sources' must be a map of source id to source")
    else:
        for sid, s in raw_sources.items():
            src = _parse_source(chk, s, f"source {sid!r}", str(sid))
            if src:
                known[str(sid)] = src
    qn = Questionnaire(
        id=str(qn_id),
        version=str(version),
        title=chk.text(raw.get("title"), "", "title"),
        description=chk.text(raw.get("description"), "", "description", required=False),
        path=path or Path(label),
        sha256=sha256,
        sources=known,
    )
    locales = raw.get("locales", [SOURCE_LOCALE])
    if isinstance(locales, list) and all(isinstance(x, str) for x in locales):
        qn.locales = tuple(locales)
    pages_raw = raw.get("pages")
    if not isinstance(pages_raw, list) or not pages_raw:
        chk.add("", "'pages' must be a non-empty list")
        pages_raw = []
    n_questions = sum(len(p["questions"]) for p in pages_raw
                      if isinstance(p, Mapping) and isinstance(p.get("questions"), list))
    if n_questions > MAX_QUESTIONS:
        raise QuestionnaireError(label, [f"it has {n_questions} questions; the limit is {MAX_QUESTIONS}"])
    all_ids: dict[str, str] = {}
    for pi, praw in enumerate(pages_raw):
        if not isinstance(praw, Mapping):
            chk.add(f"page #{pi + 1}", "a page must be a map")
            continue
        pid = praw.get("id")
        if not isinstance(pid, str) or not ID_RE.match(pid):
            chk.add(f"page #{pi + 1}", f"invalid page id {pid!r}")
            pid = f"page{pi + 1}"
        where = f"page {pid!r}"
        if any(p.id == pid for p in qn.pages):
            chk.add(where, "duplicate page id")
        page = Page(
            id=pid,
            title=chk.text(praw.get("title"), where, "title"),
            section=str(praw.get("section", "") or ""),
            intro=chk.text(praw.get("intro"), where, "intro", required=False),
            relevant=chk.condition(praw.get("relevant"), where),
        )
        qs = praw.get("questions")
        if not isinstance(qs, list) or not qs:
            chk.add(where, "a page needs a non-empty 'questions' list")
            qs = []
        for qi, qraw in enumerate(qs):
            q = _parse_question(chk, qraw, f"{where}, question #{qi + 1}", known, refdata)
            if not q:
                continue
            if q.id in all_ids:
                chk.add(f"question {q.id!r}", f"duplicate question id (also on page {all_ids[q.id]!r})")
                continue
            all_ids[q.id] = pid
            q.page_id = pid
            page.questions.append(q)
            qn._questions[q.id] = q
        qn.pages.append(page)

    derived_ids: list[str] = []
    for did, draw, where in chk.entries(raw, "derived", "derived", "needs an 'id' and an 'expr'"):
        if did in all_ids or did in derived_ids:
            chk.add(where, "id clashes with a question or another derived value")
        expr = chk.condition(draw.get("expr"), where, "expr")
        if expr is None and "expr" not in draw:
            chk.add(where, "'expr' is missing")
        explain = draw.get("explain", {}) or {}
        if not isinstance(explain, Mapping):
            chk.add(where, "'explain' must be a map with 'true' and 'false' texts")
            explain = {}
        d = Derived(
            id=did,
            expr=expr or Condition("false"),
            description=chk.text(draw.get("description"), where, "description", required=False),
            explain_true=chk.text(explain.get("true"), where, "explain.true", required=False),
            explain_false=chk.text(explain.get("false"), where, "explain.false", required=False),
            sources=_resolve_sources(chk, draw.get("sources"), where, known),
        )
        if expr is not None:
            for name in expr.names:
                if name not in all_ids and name not in derived_ids:
                    chk.add(where, f"'expr' refers to {name!r}, which is neither a question nor an earlier derived value")
        qn.derived.append(d)
        derived_ids.append(did)

    for oid, oraw, where in chk.entries(raw, "outcomes", "outcome", "needs an 'id'"):
        if qn.outcome(oid):
            chk.add(where, "duplicate outcome id")
        when = None
        if oid not in BUILTIN_OUTCOMES:
            when = chk.condition(oraw.get("when"), where, "when")
            if when is None and "when" not in oraw:
                chk.add(where, "'when' is missing")
        actions_raw = oraw.get("actions", []) or []
        if not isinstance(actions_raw, list):
            chk.add(where, "'actions' must be a list")
            actions_raw = []
        actions_l: list[LocalText] = []
        action_conds: list[Condition | None] = []
        for i, a in enumerate(actions_raw):
            cond = None
            if isinstance(a, Mapping) and "when" in a:
                cond = chk.condition(a.get("when"), where, f"actions[{i}].when")
                a = {k: v for k, v in a.items() if k != "when"}
            actions_l.append(chk.text(a, where, f"actions[{i}]"))
            action_conds.append(cond)
        actions = tuple(actions_l)
        qn.outcomes.append(Outcome(
            id=oid,
            when=when,
            title=chk.text(oraw.get("title"), where, "title"),
            summary=chk.text(oraw.get("summary"), where, "summary", required=False),
            rationale=chk.text(oraw.get("rationale"), where, "rationale", required=False),
            sources=_resolve_sources(chk, oraw.get("sources"), where, known),
            actions=actions,
            action_conditions=tuple(action_conds),
            prohibition=bool(oraw.get("prohibition", False)),
            notify_first=chk.text(oraw.get("notify_first"), where, "notify_first", required=False),
            needs_notification=bool(oraw.get("needs_notification", False)),
            texts=_outcome_texts(chk, oraw.get("texts"), where),
        ))

    for fid, fraw, where in chk.entries(raw, "flags", "flag", "needs an 'id', a 'when' and a 'text'"):
        fwhen = chk.condition(fraw.get("when"), where, "when")
        if fwhen is None:
            chk.add(where, "'when' is missing")
            continue
        qn.flags.append(Flag(id=fid, when=fwhen, text=chk.text(fraw.get("text"), where, "text"),
                             sources=_resolve_sources(chk, fraw.get("sources"), where, known)))
    qn.caveat_not_prohibited = chk.text(raw.get("caveat_not_prohibited"), "", "caveat_not_prohibited",
                                        required=False)

    # Conditions may only name questions and derived values that exist; collect the reference
    # lists they use.
    known_names = set(all_ids) | set(derived_ids)
    used_refs: set[str] = set()

    def check_cond(cond: Condition | None, where: str) -> None:
        if cond is None:
            return
        for name in cond.names:
            if name not in known_names:
                chk.add(where, f"condition {cond.text!r} refers to unknown question {name!r}")
        used_refs.update(cond.refs)

    for page in qn.pages:
        check_cond(page.relevant, f"page {page.id!r}")
        for q in page.questions:
            check_cond(q.relevant, f"question {q.id!r}")
            if q.hints_ref and q.hints_ref["by"] not in all_ids:
                chk.add(f"question {q.id!r}", f"hints_ref refers to unknown question {q.hints_ref['by']!r}")
            if q.relevant is not None and q.id in q.relevant.names:
                chk.add(f"question {q.id!r}", "its 'relevant' condition refers to the question itself")
    for o in qn.outcomes:
        check_cond(o.when, f"outcome {o.id!r}")
        for i, c in enumerate(o.action_conditions):
            check_cond(c, f"outcome {o.id!r} actions[{i}]")
    for f in qn.flags:
        check_cond(f.when, f"flag {f.id!r}")
    for d in qn.derived:
        used_refs.update(d.expr.refs)
    _check_forward_references(chk, qn)
    qn.roles = _roles(chk, raw.get("roles"), qn, label, path)
    for name in sorted(used_refs):
        try:
            data = refdata.get(name)
            qn.reference_lists[name] = data.values()
            qn.reference_versions[name] = data.version_info()
        except reference.ReferenceError as exc:
            chk.add("", f"ref({name}): {exc}")
    for q in qn.questions:
        if q.type in ("single_choice", "multi_choice") and "choices_ref" in _raw_question(raw, q.id):
            name = _raw_question(raw, q.id)["choices_ref"]
            try:
                qn.reference_versions[name] = refdata.get(name).version_info()
            except reference.ReferenceError:
                pass
    if chk.problems:
        raise QuestionnaireError(label, chk.problems)
    return qn


def _roles(chk: _Checker, inline: Any, qn: Questionnaire, label: str, path: Path | None) -> Roles:
    """The roles of this version (the file's ``roles:`` block, else the sidecar beside the file),
    each checked against the questions: a role the program knows, naming a question of this
    version whose type can state it."""
    from app.base.question_roles import RolesError, resolve

    folder = path.parent if path is not None else None
    if inline is None and qn.sha256:
        from app.base.official import is_official
        from app.base.paths import questionnaires_dir
        from app.base.question_roles import sidecar_path

        # a shipped file copied elsewhere keeps the shipped roles
        if is_official(qn.sha256) and (folder is None or not sidecar_path(qn.id, folder).is_file()):
            folder = questionnaires_dir()
    try:
        mapping, source, strict = resolve(qn.id, qn.version, inline, folder, label)
    except RolesError as exc:
        for problem in exc.problems:
            chk.add(f"roles ({exc.path})", problem)
        return Roles()
    where = f"roles ({source})" if source else "roles"
    good: dict[str, str] = {}
    left_out: list[str] = []
    for role, qid in mapping.items():
        if role not in ROLE_TYPES:
            chk.add(where, f"role {role!r} is not a role the program knows (app/questionnaire/roles.py)")
            continue
        if not qn.has_question(qid):
            if strict:
                chk.add(where, f"role {role!r} names question {qid!r}, which version {qn.version} does not have")
            else:  # a version the roles file does not list: the fact is not stated
                left_out.append(role)
            continue
        q = qn.question(qid)
        if q.type not in ROLE_TYPES[role]:
            chk.add(where, f"role {role!r} names question {qid!r} of type {q.type}; "
                           f"the role needs {' or '.join(ROLE_TYPES[role])}")
            continue
        missing = [f for f in ROLE_FIELDS.get(role, ()) if f not in {fq.id for fq in q.fields}]
        if missing:
            chk.add(where, f"role {role!r} names group {qid!r}, which has no field {', '.join(map(repr, missing))}")
            continue
        good[role] = qid
    return Roles(good, source, left_out=tuple(left_out))


def _outcome_texts(chk: _Checker, raw: Any, where: str) -> dict[str, LocalText]:
    if raw is None:
        return {}
    if not isinstance(raw, Mapping):
        chk.add(where, "'texts' must be a map of name to a per-locale text")
        return {}
    return {str(k): chk.text(v, where, f"texts.{k}") for k, v in raw.items()}


def _raw_question(raw: Mapping[str, Any], qid: str) -> Mapping[str, Any]:
    for p in raw.get("pages", []) or []:
        qs = p.get("questions") if isinstance(p, Mapping) else None
        for q in qs if isinstance(qs, list) else []:
            if isinstance(q, Mapping) and q.get("id") == qid:
                return q
    return {}


def _check_forward_references(chk: _Checker, qn: Questionnaire) -> None:
    """A relevance condition may only depend on questions asked before it (no cycles)."""
    order = {q.id: i for i, q in enumerate(qn.questions)}
    derived_deps: dict[str, set[str]] = {}
    for d in qn.derived:
        deps: set[str] = set()
        for name in d.expr.names:
            deps |= derived_deps.get(name, {name})
        derived_deps[d.id] = deps

    def question_deps(cond: Condition) -> set[str]:
        out: set[str] = set()
        for name in cond.names:
            out |= derived_deps.get(name, {name})
        return out

    for page in qn.pages:
        first = order[page.questions[0].id] if page.questions else 0
        if page.relevant is not None:
            for dep in question_deps(page.relevant):
                if dep in order and order[dep] >= first:
                    chk.add(f"page {page.id!r}", f"'relevant' depends on {dep!r}, which is asked on or after this page")
        for q in page.questions:
            if q.relevant is None:
                continue
            for dep in question_deps(q.relevant):
                if dep in order and order[dep] >= order[q.id] and dep != q.id:
                    chk.add(f"question {q.id!r}", f"'relevant' depends on {dep!r}, which is asked later (forward reference)")


def questionnaire_files(directory: str | Path | None = None) -> list[Path]:
    """The questionnaire files of ``directory`` (the program's own folder by default), in name
    order; a questionnaire's roles file (``art5.roles.yaml``) is read with it, not listed."""
    from app.base.paths import questionnaires_dir
    from app.base.question_roles import is_roles_file

    folder = Path(directory) if directory else questionnaires_dir()
    return [p for p in sorted(folder.glob("*.y*ml")) if not is_roles_file(p)]


def load_all(directory: str | Path | None = None, refdata: reference.ReferenceSet | None = None) -> dict[tuple[str, str], Questionnaire]:
    """Every questionnaire file in ``directory`` keyed by (id, version)."""
    out: dict[tuple[str, str], Questionnaire] = {}
    for path in questionnaire_files(directory):
        qn = load(path, refdata)
        key = (qn.id, qn.version)
        if key in out:
            raise QuestionnaireError(str(path), [f"questionnaire {qn.id} version {qn.version} also in {out[key].path}"])
        out[key] = qn
    return out


def _version_key(v: str) -> tuple[tuple[int, int, str], ...]:
    parts = []
    for p in re.split(r"[.\-]", v):
        parts.append((0, int(p), "") if p.isdigit() else (1, 0, p))
    return tuple(parts)


def latest(qn_id: str, directory: str | Path | None = None) -> Questionnaire:
    """The newest version of questionnaire ``qn_id``: the newest *official* one (app.base.official)
    when ``directory`` is the program's own folder, so a file dropped beside the shipped ones
    never becomes the default; in a folder named explicitly, the newest one there."""
    from app.base.official import is_official
    from app.base.paths import questionnaires_dir

    # As load_all(directory), except that a shipped file (its SHA-256 in the manifest, checked
    # when the program was built) is built only when it is the one returned: at every start
    # of the wizard, the older shipped versions cost as much again as the newest.
    folder = Path(directory) if directory else questionnaires_dir()
    seen: dict[tuple[str, str], Path] = {}
    # (version, official, the questionnaire or what builds it)
    candidates: list[tuple[str, bool, Questionnaire | tuple[Any, Path, str]]] = []
    for path in questionnaire_files(folder):
        raw, digest = _read(path)
        made: Questionnaire | tuple[Any, Path, str]
        if is_official(digest) and isinstance(raw, Mapping) and isinstance(raw.get("id"), str):
            key, official, made = (raw["id"], str(raw.get("version"))), True, (raw, path, digest)
        else:
            made = _built(raw, path, digest)
            key, official = (made.id, made.version), made.official
        if key in seen:
            raise QuestionnaireError(str(path), [f"questionnaire {key[0]} version {key[1]} also in {seen[key]}"])
        seen[key] = path
        if key[0] == qn_id:
            candidates.append((key[1], official, made))
    shipped = Path(directory or questionnaires_dir()).resolve() == questionnaires_dir().resolve()
    if shipped or any(official for _, official, _ in candidates):
        candidates = [c for c in candidates if c[1]]
    if not candidates:
        raise QuestionnaireError(str(directory or "questionnaires/"), [f"no questionnaire with id {qn_id!r}"])
    chosen = max(candidates, key=lambda c: _version_key(c[0]))[2]
    return chosen if isinstance(chosen, Questionnaire) else _built(*chosen)


def find(qn_id: str, version: str | None = None, directory: str | Path | None = None) -> Questionnaire:
    if version is None:
        return latest(qn_id, directory)
    for (i, v), q in load_all(directory).items():
        if i == qn_id and v == str(version):
            return q
    raise QuestionnaireError(str(directory or "questionnaires/"), [f"no questionnaire {qn_id!r} version {version!r}"])


def iter_text_maps(qn: Questionnaire) -> Iterable[tuple[str, LocalText]]:
    """Every non-empty per-locale text of a questionnaire, with where it is (for translation
    checks): title, description, pages, questions (hint, help, unit, choices, group fields),
    derived explanations, flags, the caveat, outcomes (title, summary, rationale, actions,
    notify_first, named texts) and the titles of sources."""

    def items(where: str, text: LocalText) -> Iterable[tuple[str, LocalText]]:
        if text:
            yield where, text

    def question(q: Question, where: str) -> Iterable[tuple[str, LocalText]]:
        yield from items(f"{where} label", q.label)
        yield from items(f"{where} hint", q.hint)
        yield from items(f"{where} help", q.help)
        yield from items(f"{where} unit", q.unit)
        for c in q.choices:
            yield from items(f"{where} choice {c.value}", c.label)
            yield from items(f"{where} choice {c.value} help", c.help)
            for s in c.sources:
                yield from items(f"{where} choice {c.value} source {s.id or s.act} title", s.title)
        for s in q.sources:
            yield from items(f"{where} source {s.id or s.act} title", s.title)
        for f in q.fields:
            yield from question(f, f"{where} field {f.id}")

    yield from items("title", qn.title)
    yield from items("description", qn.description)
    for sid, s in qn.sources.items():
        yield from items(f"source {sid} title", s.title)
    for p in qn.pages:
        yield from items(f"page {p.id} title", p.title)
        yield from items(f"page {p.id} intro", p.intro)
        for q in p.questions:
            yield from question(q, q.id)
    for d in qn.derived:
        yield from items(f"derived {d.id} description", d.description)
        yield from items(f"derived {d.id} explain true", d.explain_true)
        yield from items(f"derived {d.id} explain false", d.explain_false)
    for f in qn.flags:
        yield from items(f"flag {f.id} text", f.text)
    yield from items("caveat_not_prohibited", qn.caveat_not_prohibited)
    for o in qn.outcomes:
        yield from items(f"outcome {o.id} title", o.title)
        yield from items(f"outcome {o.id} summary", o.summary)
        yield from items(f"outcome {o.id} rationale", o.rationale)
        for i, a in enumerate(o.actions):
            yield from items(f"outcome {o.id} actions[{i}]", a)
        yield from items(f"outcome {o.id} notify_first", o.notify_first)
        for name, t in o.texts.items():
            yield from items(f"outcome {o.id} texts.{name}", t)
