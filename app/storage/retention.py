"""How long an assessment must be kept (Art. 27(3) of Regulation (EU) 2021/821).

At least ``default_years`` (five) from the end of the calendar year of the export, or of the
assessment when no export date is known; longer where the exporter's Member State requires it
(``resources/reference/retention_rules.yaml``). The record must be kept *until* the returned
date (inclusive); it may be deleted from the day after.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

RULES_NAME = "retention_rules"


@dataclass(frozen=True)
class RetentionRules:
    default_years: int
    national: dict[str, int]
    version: str = ""

    def years_for(self, member_state: str | None) -> int:
        extra = self.national.get((member_state or "").upper(), 0)
        return max(self.default_years, extra)


_cache: dict[str, RetentionRules] = {}


def load_rules(directory: Path | None = None) -> RetentionRules:
    key = str(directory or "")
    if key in _cache:
        return _cache[key]
    from app.base.reference import ReferenceError, ReferenceSet, default_set

    refs = ReferenceSet(directory) if directory else default_set()
    data = refs.get(RULES_NAME)
    years = data.extra.get("default_years", 5)
    if not isinstance(years, int) or years < 5:
        raise ReferenceError(f"{data.path}: default_years must be a whole number of at least 5 (Art. 27(3))")
    national: dict[str, int] = {}
    for item in data.items:
        y = item.get("years")
        if not isinstance(y, int) or y < 1:
            raise ReferenceError(f"{data.path}: item {item.get('value')!r}: 'years' must be a positive whole number")
        national[str(item["value"]).upper()] = y
    rules = RetentionRules(years, national, data.version)
    _cache[key] = rules
    return rules


def parse_date(value: object) -> _dt.date | None:
    if isinstance(value, _dt.datetime):
        return value.date()
    if isinstance(value, _dt.date):
        return value
    if isinstance(value, str) and len(value) >= 10:
        try:
            return _dt.date.fromisoformat(value[:10])
        except ValueError:
            return None
    return None


def retention_base(actual_exports: Iterable[object] | None = (), planned_export: object = None,
                   assessment_date: object = None,
                   recorded_shipments: Iterable[object] | None = ()) -> _dt.date | None:
    """The date whose calendar year starts the retention period (issue 13, Art. 27(3)).

    The actual (last) export when one is known; while none is, the latest of the planned export,
    the assessment and any recorded shipment date, so that a slipped shipment never makes a
    record deletable early."""
    actual = [d for d in (parse_date(x) for x in actual_exports or ()) if d]
    if actual:
        return max(actual)
    others = [parse_date(planned_export), parse_date(assessment_date),
              *(parse_date(x) for x in recorded_shipments or ())]
    known = [d for d in others if d]
    return max(known) if known else None


def retention_until(export_date: object, assessment_date: object, member_state: str | None = None,
                    rules: RetentionRules | None = None) -> _dt.date:
    """The last day the record must be kept: 31 December of (base year + years)."""
    rules = rules or load_rules()
    base = parse_date(export_date) or parse_date(assessment_date)
    if base is None:
        raise ValueError("neither an export date nor an assessment date is known")
    return _dt.date(base.year + rules.years_for(member_state), 12, 31)


def may_delete(until: str | _dt.date | None, today: _dt.date | None = None) -> bool:
    """True once the retention period is over (the day after ``until``)."""
    d = parse_date(until)
    if d is None:
        return False
    return (today or _dt.date.today()) > d
