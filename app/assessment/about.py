"""What the About box and ``art5 --about`` show: program, questionnaire and reference data
versions with their dates, and which reference data is older than the configured limit."""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass

from app import __version__
from app.questionnaire import model as questionnaire
from app.base import reference


@dataclass
class DataVersion:
    kind: str
    id: str
    version: str
    date: str
    sha256: str
    stale: bool


def _parse_date(text: str) -> _dt.date | None:
    try:
        return _dt.date.fromisoformat(str(text)[:10])
    except ValueError:
        return None


def data_versions(today: _dt.date | None = None, stale_days: int = 365) -> list[DataVersion]:
    today = today or _dt.date.today()
    out: list[DataVersion] = []
    for (qid, version), qn in sorted(questionnaire.load_all().items()):
        out.append(DataVersion("questionnaire", qid, version, "", qn.sha256, False))
    refs = reference.default_set()
    for name in refs.available():
        try:
            data = refs.get(name)
        except reference.ReferenceError:
            continue
        d = _parse_date(data.date)
        stale = d is not None and (today - d).days > stale_days
        out.append(DataVersion("reference data", data.id, data.version, data.date, data.sha256, stale))
    return out


def program_version() -> str:
    return __version__
