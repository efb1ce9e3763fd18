"""The hash chain over the audit trail.

Each audit event stores ``prev_hash`` (the hash of the event before it, by id) and ``hash`` =
SHA-256 of ``prev_hash`` followed by the event's canonical content (its own fields as sorted
JSON). An event edited, deleted or inserted behind the program's back breaks the chain at that
event. The chain is computed in the same transaction as the event (see Store._event). A chain is
only as trustworthy as its newest hash kept elsewhere: the report prints it (``head``), so a
signed report anchors everything before it.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from typing import Any, Iterable, Mapping

GENESIS = "0" * 64
FIELDS = ("id", "assessment_id", "at", "actor", "kind", "question_id", "old_json", "new_json", "reason",
          "origin")


def canonical(event: Mapping[str, Any] | Any) -> str:
    get = event.get if isinstance(event, Mapping) else (lambda k: getattr(event, k, None))
    return json.dumps({k: get(k) for k in FIELDS}, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def event_hash(prev_hash: str, event: Mapping[str, Any] | Any) -> str:
    return hashlib.sha256((prev_hash + "\n" + canonical(event)).encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class ChainReport:
    intact: bool
    count: int
    head: str
    broken_id: int | None = None
    problem: str = ""

    def message(self) -> str:
        if self.intact:
            return f"audit trail intact: {self.count} event(s), head {self.head[:16]}"
        return f"audit trail broken at event {self.broken_id}: {self.problem}"


def verify(events: Iterable[Mapping[str, Any] | Any]) -> ChainReport:
    """Check events in id order; the first broken one is named."""
    prev = GENESIS
    n = 0
    for ev in events:
        get = ev.get if isinstance(ev, Mapping) else (lambda k, ev=ev: getattr(ev, k, None))
        eid = get("id")
        if (get("prev_hash") or "") != prev:
            return ChainReport(False, n, prev, eid, "it does not follow the event before it "
                                                   "(an event was deleted, inserted or reordered)")
        if (get("hash") or "") != event_hash(prev, ev):
            return ChainReport(False, n, prev, eid, "its content does not match its hash (it was edited)")
        prev = get("hash") or ""  # not empty: it matched event_hash() above
        n += 1
    return ChainReport(True, n, prev)
