"""Answers files for headless assessments (``art5 assess --answers FILE``).

YAML or JSON::

    questionnaire: art5        # required
    version: "1.0.0"           # optional: the newest version when absent
    answers:                   # question id -> value, in the stored form (see flow.normalise)
      export.member_state: DE
      item.data_operations: [monitoring]
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Mapping

from app.questionnaire import model as qmod
from app.base.datafile import MAX_DEPTH, DataShapeError, check_yaml_shape
from app.assessment.flow import AnswerError, normalise, removed_characters
from app.base.textsafety import clean_value

MAX_BYTES = 5 * 1024 * 1024


class AnswersFileError(ValueError):
    def __init__(self, path: str, message: str, question_id: str | None = None):
        self.path = path
        self.message = message
        self.question_id = question_id
        super().__init__(f"{path}: {message}")


@dataclass
class AnswersFile:
    questionnaire: qmod.Questionnaire
    answers: dict[str, Any]
    extra: dict[str, Any] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)  # what was changed on reading (shown to the user)


def _too_deep(value: Any, limit: int) -> bool:
    """Whether parsed JSON nests lists and maps more than ``limit`` levels (checked without
    recursion, so that later code that walks the data recursively cannot overflow)."""
    todo = [(value, 1)]
    while todo:
        v, depth = todo.pop()
        if isinstance(v, (list, dict)):
            if depth > limit:
                return True
            todo.extend((c, depth + 1) for c in (v.values() if isinstance(v, dict) else v))
    return False


def parse_text(text: str, label: str) -> Mapping[str, Any]:
    stripped = text.lstrip()
    if stripped.startswith("{"):
        try:
            raw = json.loads(text)
        except json.JSONDecodeError as exc:
            raise AnswersFileError(label, f"invalid JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}") from None
        except RecursionError:
            raise AnswersFileError(label, "refused: the data is nested too deeply") from None
        if _too_deep(raw, MAX_DEPTH):
            raise AnswersFileError(label, f"refused: the data is nested more than {MAX_DEPTH} levels deep") from None
    else:
        import yaml

        try:
            check_yaml_shape(text)
            raw = yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))  # noqa: S506
        except DataShapeError as exc:
            raise AnswersFileError(label, str(exc)) from None
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            where = f" at line {mark.line + 1}, column {mark.column + 1}" if mark else ""
            raise AnswersFileError(label, f"invalid YAML{where}: {getattr(exc, 'problem', None) or exc}") from None
    if not isinstance(raw, Mapping):
        raise AnswersFileError(label, "the file must hold a map with 'questionnaire' and 'answers'")
    return raw


def read(path: str | Path, questionnaires_dir: Path | None = None) -> AnswersFile:
    path = Path(path)
    label = str(path)
    try:
        if path.stat().st_size > MAX_BYTES:
            raise AnswersFileError(label, f"the file is larger than {MAX_BYTES // (1024 * 1024)} MB")
        text = path.read_bytes().decode("utf-8")
    except FileNotFoundError:
        raise AnswersFileError(label, "no such file") from None
    except IsADirectoryError:
        raise AnswersFileError(label, "this is a folder, not an answers file") from None
    except UnicodeDecodeError as exc:
        raise AnswersFileError(label, f"not UTF-8 text (byte {exc.start})") from None
    except OSError as exc:
        raise AnswersFileError(label, f"cannot read the file: {exc.strerror or exc}") from None
    return from_mapping(parse_text(text, label), label, questionnaires_dir)


def from_mapping(raw: Mapping[str, Any], label: str, questionnaires_dir: Path | None = None) -> AnswersFile:
    known_keys = {"questionnaire", "version", "answers", "parties", "title"}
    unknown = [k for k in raw if k not in known_keys]
    if unknown:
        raise AnswersFileError(label, f"unknown top-level key {unknown[0]!r} (expected: {', '.join(sorted(known_keys))})")
    qn_id = raw.get("questionnaire")
    if not isinstance(qn_id, str) or not qn_id:
        raise AnswersFileError(label, "'questionnaire' (the questionnaire id, e.g. art5) is missing")
    version = raw.get("version")
    try:
        qn = qmod.find(qn_id, None if version is None else str(version), questionnaires_dir)
    except qmod.QuestionnaireError as exc:
        raise AnswersFileError(label, f"{exc.path}: {'; '.join(exc.problems)}") from None  # the broken file too
    answers_raw = raw.get("answers", {})
    if answers_raw is None:
        answers_raw = {}
    if not isinstance(answers_raw, Mapping):
        raise AnswersFileError(label, "'answers' must map question ids to values")
    answers: dict[str, Any] = {}
    warnings: list[str] = []
    for qid, value in answers_raw.items():
        if not isinstance(qid, str) or not qn.has_question(qid):
            raise AnswersFileError(label, f"unknown question id {qid!r} in questionnaire {qn.id} {qn.version}", str(qid))
        try:
            stored = normalise(qn.question(qid), value)
        except AnswerError as exc:
            raise AnswersFileError(label, f"{qid}: value not allowed: {exc.message}", qid) from None
        if stored is not None:
            answers[qid] = stored
        removed = removed_characters(value)
        if removed:
            warnings.append(f"{label}: {qid}: removed invisible or control character(s): {', '.join(removed[:4])}")
    extra = {}
    for k in ("parties", "title"):
        if k in raw:
            extra[k], removed = clean_value(raw[k], multiline=False)
            if removed:
                warnings.append(f"{label}: {k}: removed invisible or control character(s): "
                                f"{', '.join(dict.fromkeys(removed))}")
    return AnswersFile(qn, answers, extra, warnings)
