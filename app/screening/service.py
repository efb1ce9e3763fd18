"""Screening as the rest of the program uses it: import a list, check a name, screen the
parties of an assessment, record review decisions, and screen saved parties again after a new
list arrives.

A screening summary (:meth:`Screening.screen_parties`) is a plain dict the decision engine
reads (``engine.decide(..., screening=summary)``)::

    {"checked": True, "threshold": 0.85, "lists": [...], "open": 1, "confirmed": 0, "cleared": 0,
     "parties": [{"name": ..., "role": ..., "country": ..., "key": ...,
                  "hits": [{..., "status": "open" | "cleared" | "confirmed", "decision": {...}}]}]}
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, Mapping

from app.screening.db import ScreeningDB, ListInfo
from app.screening import DEFAULT_THRESHOLD
from app.screening.matcher import Hit, Index
from app.screening.normalize import sorted_form

def party_key(name: str, country: str | None) -> str:
    return f"{sorted_form(name or '')}|{(country or '').upper()}"


# what the audit event of a screening decision records (on a laptop's register and on the team's)
REVIEW_AUDITED = ("decision", "scope", "reviewer", "party_name", "source", "entity_key", "entity_reference",
                  "programme", "list_generation_date", "list_sha256")


def unscreened(parties: Iterable[Mapping[str, Any]]) -> dict[str, Any]:
    """The summary of parties that could not be screened (no list database, or a broken one):
    nothing checked, no hit known. The engine flags it (parties not screened); it never reads
    as "no hit"."""
    return {"checked": False, "parties": [{**p, "hits": []} for p in parties], "lists": [],
            "open": 0, "confirmed": 0, "cleared": 0}


def parties_from(answers: Mapping[str, Any] | None, extra: Iterable[Mapping[str, Any]] | None = None, *,
                 question: str | None) -> list[dict[str, str]]:
    """The parties of an assessment: the answers to the group question ``question`` (the
    questionnaire's ``parties`` role; None when its version has none) and an answers file's
    ``parties:`` list (name, role, country), without duplicates."""
    out: list[dict[str, str]] = []
    seen: set[str] = set()
    stated = (answers or {}).get(question) if question is not None else None
    for source in (stated or [], extra or []):
        for p in source:
            if not isinstance(p, Mapping):
                continue
            name = str(p.get("name") or "").strip()
            if not name:
                continue
            country = str(p.get("country") or "").strip().upper()
            key = party_key(name, country)
            if key in seen:
                continue
            seen.add(key)
            out.append({"name": name, "role": str(p.get("role") or ""), "country": country,
                        "birth_date": str(p.get("birth_date") or ""), "key": key})
    return out


@dataclass
class Change:
    assessment_id: int
    reference: str
    party: str
    added: list[dict[str, Any]] = field(default_factory=list)
    removed: list[dict[str, Any]] = field(default_factory=list)

    def lines(self) -> list[str]:
        out = []
        for h in self.added:
            out.append(f"{self.reference}: {self.party}: new potential hit {h['entity_name']!r} "
                       f"({h['eu_reference'] or h['entity_key']}, {h['programme']}, score {h['score']:.2f})")
        for h in self.removed:
            out.append(f"{self.reference}: {self.party}: no longer a hit: {h['entity_name']!r} "
                       f"({h['eu_reference'] or h['entity_key']})")
        return out


class Screening:
    """Screening for one data folder (``data_dir/screening.db``)."""

    def __init__(self, data_dir: Path, threshold: float = DEFAULT_THRESHOLD, **db_kw: Any) -> None:
        self.data_dir = Path(data_dir)
        self.db = ScreeningDB.open(self.data_dir, **db_kw)
        self.threshold = threshold
        self._index: Index | None = None
        self._index_lock = threading.Lock()

    def close(self) -> None:
        self.db.close()

    @property
    def index(self) -> Index:
        with self._index_lock:  # a check during a background preload waits for it
            if self._index is None:
                self._index = Index(self.db.load_index_rows())
            return self._index

    def preload(self) -> None:
        """Load the index now (for a background thread); errors surface at the first check."""
        try:
            self.index
        except Exception:  # noqa: BLE001 - the first real check reports it
            pass

    def lists(self) -> list[ListInfo]:
        return self.db.lists()

    def active_lists(self) -> list[ListInfo]:
        return self.db.active_lists()

    def import_list(self, path: str | Path, progress: Callable[[int], None] | None = None) -> ListInfo:
        info = self.db.import_list(path, progress)
        with self._index_lock:  # after any preload of the old list, so the new list is what loads next
            self._index = None
        return info

    def check(self, name: str, country: str | None = None, birth_date: str | None = None,
              threshold: float | None = None) -> list[Hit]:
        return self.index.check(name, country, birth_date, self.threshold if threshold is None else threshold)

    # -- parties ----------------------------------------------------------------------------
    @staticmethod
    def _shared(store: Any) -> Any:
        """The team register's screening decisions (``store.screening_decisions``) when ``store``
        is the team register, else None (a laptop's decisions are in screening.db)."""
        return store.screening_decisions if getattr(store, "is_team", False) else None

    def _apply_decisions(self, hits: list[Hit], key: str, assessment_id: int | None, store: Any = None) -> None:
        # on the team register its assessments' ids and its decisions are the team's: this
        # laptop's screening.db (whose assessment ids are another register's) does not count there
        shared = self._shared(store)
        found = shared.for_party(key) if shared is not None else self.db.decisions(party_key=key)
        decisions = [d for d in found
                     if d["scope"] == "party" or (assessment_id is not None and d["assessment_id"] == assessment_id)]
        for h in hits:
            mine = [d for d in decisions if d["source"] == h.source and d["entity_key"] == h.entity_key]
            if mine:
                d = mine[-1]
                h.status = d["decision"]
                h.decision = {k: d[k] for k in ("id", "at", "reviewer", "decision", "scope", "reason",
                                                "list_generation_date", "list_version_id")}

    def screen_parties(self, parties: list[dict[str, str]], assessment_id: int | None = None,
                       save: bool = False, store: Any = None) -> dict[str, Any]:
        """Screen ``parties``; the decisions applied are the team's when ``store`` is the team
        register."""
        lists = [i.to_dict() for i in self.active_lists()]
        out_parties: list[dict[str, Any]] = []
        counts = {"open": 0, "confirmed": 0, "cleared": 0}
        for p in parties:
            hits = self.check(p["name"], p.get("country") or None, p.get("birth_date") or None) if lists else []
            self._apply_decisions(hits, p["key"], assessment_id, store)
            for h in hits:
                counts[h.status] += 1
            out_parties.append({**p, "hits": [h.to_dict() for h in hits]})
        if save and assessment_id is not None and lists:
            self.db.save_party_results(assessment_id, [(p["key"], p["name"], p["hits"]) for p in out_parties])
        return {"checked": bool(lists), "threshold": self.threshold, "lists": lists, "parties": out_parties,
                **counts}

    def review(self, *, decision: str, scope: str, reviewer: str, reason: str, party: Mapping[str, Any],
               hit: Mapping[str, Any], assessment_id: int | None = None, store: Any = None,
               question_id: str | None = None) -> dict[str, Any]:
        """Record a decision on a potential hit; with ``store`` (the register), also an audit
        event on the assessment (on ``question_id``: the question the parties were given in). On
        the team register the decision is kept there, for the whole team (checked here the same
        way, and refused there by the roles' rules where due)."""
        shared = self._shared(store)
        row = self.db.record_decision(decision=decision, scope=scope, reviewer=reviewer, reason=reason,
                                      party_key=party["key"], party_name=party["name"], hit=dict(hit),
                                      assessment_id=assessment_id, keep=shared is None)
        audited = {k: row.get(k) for k in REVIEW_AUDITED}
        if shared is not None:
            return shared.record(row, question_id, audited)  # type: ignore[no-any-return]
        if store is not None and assessment_id is not None:
            store.audit.log("screening_review", assessment_id, question_id=question_id, new=audited,
                            reason=row["reason"])
        return row

    # -- after a new list -------------------------------------------------------------------
    def rescreen_saved(self, store: Any, parties_question: Callable[[str, str], str | None]) -> list[Change]:
        """Screen the parties of every assessment in the register again; return what changed
        compared with the last screening saved for each assessment. ``parties_question(questionnaire
        id, version)`` names the question holding the parties (the questionnaire's ``parties``
        role)."""
        previous = self.db.all_party_results()
        changes: list[Change] = []
        for a in store.list_assessments():
            question = parties_question(a.questionnaire_id, a.questionnaire_version)
            parties = parties_from(store.answers(a.id), question=question)
            if not parties and a.id not in previous:
                continue
            summary = self.screen_parties(parties, a.id, save=True, store=store)
            before = previous.get(a.id, {})
            for p in summary["parties"]:
                old = {(h["source"], h["entity_key"]): h for h in before.get(p["key"], [])}
                new = {(h["source"], h["entity_key"]): h for h in p["hits"]}
                added = [new[k] for k in new if k not in old]
                removed = [old[k] for k in old if k not in new]
                if added or removed:
                    changes.append(Change(a.id, a.reference, p["name"], added, removed))
        return changes
