"""Fuzzy name matching against the imported lists, with an index so that a check stays fast.

Scoring (0 to 1) of a name against one alias takes the best of:

- ``same words in any order``: ``fuzz.ratio`` of both names with their words sorted;
- ``as written``: ``fuzz.ratio`` in the original word order;
- ``words run together``: ``fuzz.ratio`` without spaces ("Rosoboron Export" / "Rosoboronexport");
- ``part of the listed name``: ``fuzz.token_set_ratio`` when both names have at least two words,
  times the square root of (fewer words / more words): three words of a four-word name still
  reach 0.87, two of three only 0.82;
- ``similar-sounding spelling``: the ratio of rough sound keys (w/v, kh/h, ou/u, j/y, ...),
  times 0.97;
- ``consonants only``: for names in or from Arabic script, which has no short vowels, the ratio
  of the consonant skeletons, times 0.95.

All names are first normalised (:mod:`app.screening.normalize`: script, case, diacritics,
punctuation, legal forms). Country and date of birth, when given, then raise or lower the score:
a country among the listing's countries +0.03, a country the listing does not give -0.10 (only
when the listing gives countries); the same birth date +0.05, the same birth year +0.02, a birth
year more than one year away -0.15. Every adjustment is named in the hit's explanation.

The prefilter: the sound key (:func:`~app.screening.normalize.phonetic`) and the consonant
skeleton of every word of every alias are in an inverted index; a query word finds the keys
with the same first sound, a similar length and a fuzzy ratio of at least 75, and only aliases
holding such words are scored. A word held by very many aliases ("systems") does not select
candidates on its own unless it is the query's only word.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import asdict, dataclass, field
from typing import Any, Iterable

from rapidfuzz import fuzz, process

from app.screening import DEFAULT_THRESHOLD
from app.screening.normalize import WEAK_TOKENS, has_arabic, phonetic, skeleton, tokens


TOKEN_CUTOFF = 75
MAX_POSTING = 400   # a word held by more aliases than this does not select candidates alone


@dataclass
class Hit:
    score: float
    base_score: float
    method: str
    matched_name: str
    entity_name: str
    eu_reference: str
    programme: str
    regulation: str
    regulation_url: str
    subject_type: str
    list_date: str
    source: str
    entity_key: str
    countries: list[str]
    list_version_id: int
    list_sha256: str
    adjustments: list[str] = field(default_factory=list)
    status: str = "open"          # open | cleared | confirmed (set by review)
    decision: dict[str, Any] | None = None

    def explain(self) -> str:
        parts = [f"matched the listed name {self.matched_name!r} ({self.method}, {self.base_score:.2f})"]
        parts += self.adjustments
        return "; ".join(parts)

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["score"] = round(self.score, 4)
        d["base_score"] = round(self.base_score, 4)
        d["explanation"] = self.explain()
        return d


@dataclass
class _Alias:
    name: str
    norm: str
    sorted_: str
    compact: str
    skel: str
    phon: str
    ntok: int
    arabic: bool
    entity: int


@dataclass
class _Entity:
    row: dict[str, Any]
    countries: frozenset[str]
    birth_years: frozenset[int]
    birth_dates: frozenset[str]


class Index:
    """All aliases of the active lists, normalised once, with the word index."""

    def __init__(self, rows: Iterable[dict[str, Any]]):
        self.aliases: list[_Alias] = []
        self.entities: list[_Entity] = []
        ent_pos: dict[int, int] = {}
        postings: dict[str, set[int]] = defaultdict(set)
        for r in rows:
            eid = r["entity_id"]
            if eid not in ent_pos:
                ent_pos[eid] = len(self.entities)
                self.entities.append(_Entity(
                    r, frozenset(filter(None, (r.get("countries") or "").split(","))),
                    frozenset(int(y) for y in (r.get("birth_years") or "").split(",") if y.isdigit()),
                    frozenset(filter(None, (r.get("birth_dates") or "").split(",")))))
            toks = tokens(r["alias"])
            if not toks:
                continue
            norm = " ".join(toks)
            i = len(self.aliases)
            self.aliases.append(_Alias(r["alias"], norm, " ".join(sorted(toks)), norm.replace(" ", ""),
                                       skeleton(norm), phonetic(" ".join(sorted(toks))), len(toks), has_arabic(r["alias"]), ent_pos[eid]))
            for t in toks:
                postings[phonetic(t)].add(i)
                sk = skeleton(t)
                if len(sk) >= 2:
                    postings["#" + sk].add(i)
        self.postings = dict(postings)
        buckets: dict[tuple[str, int], list[str]] = defaultdict(list)
        for word in self.postings:
            if not word.startswith("#"):
                buckets[(word[:1], len(word))].append(word)
        self._buckets = dict(buckets)
        self._pools: dict[tuple[str, int], list[str]] = {}

    def __len__(self) -> int:
        return len(self.aliases)

    @property
    def entity_count(self) -> int:
        return len(self.entities)

    # -- candidates -------------------------------------------------------------------------
    def _pool(self, first: str, n: int) -> list[str]:
        key = (first, n)
        pool = self._pools.get(key)
        if pool is None:
            pool = [w for k in range(max(1, n - 3), n + 4) for w in self._buckets.get((first, k), ())]
            self._pools[key] = pool
        return pool

    def _similar_words(self, word: str) -> list[str]:
        """Index keys (sound keys of words) close to ``word``'s: same first sound, length
        within 3, ``fuzz.ratio`` of at least TOKEN_CUTOFF."""
        key = phonetic(word)
        out = [key] if key in self.postings else []
        if len(key) >= 3:
            out += [m[0] for m in process.extract(key, self._pool(key[:1], len(key)), scorer=fuzz.ratio,
                                                  score_cutoff=TOKEN_CUTOFF, limit=None, processor=None)
                    if m[0] != key]
        return out

    def candidates(self, qtoks: tuple[str, ...]) -> set[int]:
        strong = [t for t in qtoks if t not in WEAK_TOKENS and len(t) >= 2] or list(qtoks)
        found: set[int] = set()
        for t in strong:
            sets = [self.postings[w] for w in self._similar_words(t)]
            sk = skeleton(t)
            if len(sk) >= 2 and "#" + sk in self.postings:
                sets.append(self.postings["#" + sk])
            for s in sets:
                if len(s) <= MAX_POSTING or len(strong) == 1:
                    found |= s
        return found

    # -- scoring ----------------------------------------------------------------------------
    @staticmethod
    def _score(q: dict[str, Any], a: _Alias) -> tuple[float, str]:
        best, how = fuzz.ratio(q["sorted"], a.sorted_), "same words in any order"
        s = fuzz.ratio(q["norm"], a.norm)
        if s > best:
            best, how = s, "as written"
        s = fuzz.ratio(q["compact"], a.compact)
        if s > best:
            best, how = s, "words run together"
        if q["ntok"] >= 2 and a.ntok >= 2 and q["ntok"] != a.ntok:
            s = fuzz.token_set_ratio(q["norm"], a.norm) * (min(q["ntok"], a.ntok) / max(q["ntok"], a.ntok)) ** 0.5
            if s > best:
                best, how = s, f"part of the listed name ({abs(q['ntok'] - a.ntok)} word(s) only on one side)"
        s = fuzz.ratio(q["phon"], a.phon) * 0.97
        if s > best:
            best, how = s, "similar-sounding spelling"
        if q["arabic"] or a.arabic:
            s = fuzz.ratio(q["skel"], a.skel) * 0.95
            if s > best:
                best, how = s, "consonants only (Arabic script has no short vowels)"
        return best / 100.0, how

    def check(self, name: str, country: str | None = None, birth_date: str | None = None,
              threshold: float = DEFAULT_THRESHOLD, limit: int = 20) -> list[Hit]:
        """Hits for ``name`` at or above ``threshold``, best first, one per listed entity."""
        qtoks = tokens(name or "")
        if not qtoks or not self.aliases:
            return []
        norm = " ".join(qtoks)
        q = {"norm": norm, "sorted": " ".join(sorted(qtoks)), "compact": norm.replace(" ", ""),
             "skel": skeleton(norm), "phon": phonetic(" ".join(sorted(qtoks))), "ntok": len(qtoks), "arabic": has_arabic(name)}
        best_per_entity: dict[int, tuple[float, str, _Alias]] = {}
        for i in self.candidates(qtoks):
            a = self.aliases[i]
            score, how = self._score(q, a)
            prev = best_per_entity.get(a.entity)
            if prev is None or score > prev[0]:
                best_per_entity[a.entity] = (score, how, a)
        hits: list[Hit] = []
        country = (country or "").strip().upper() or None
        for ent_i, (base, how, a) in best_per_entity.items():
            if base < threshold - 0.06:
                continue
            ent = self.entities[ent_i]
            score, adj = base, []
            if country and ent.countries:
                if country in ent.countries:
                    score += 0.03
                    adj.append(f"raised 0.03: country {country} is among the listing's countries")
                else:
                    score -= 0.10
                    adj.append(f"lowered 0.10: country {country} is not among the listing's countries "
                               f"({', '.join(sorted(ent.countries))})")
            if birth_date and ent.birth_years:
                year = int(birth_date[:4]) if birth_date[:4].isdigit() else None
                if birth_date in ent.birth_dates:
                    score += 0.05
                    adj.append("raised 0.05: same date of birth")
                elif year is not None and year in ent.birth_years:
                    score += 0.02
                    adj.append("raised 0.02: same year of birth")
                elif year is not None and all(abs(year - y) > 1 for y in ent.birth_years):
                    score -= 0.15
                    adj.append(f"lowered 0.15: born {year}, the listing gives "
                               f"{', '.join(str(y) for y in sorted(ent.birth_years))}")
            score = max(0.0, min(1.0, score))
            if score < threshold:
                continue
            r = ent.row
            hits.append(Hit(score=score, base_score=base, method=how, matched_name=a.name, entity_name=r["name"],
                            eu_reference=r["reference"], programme=r["programme"], regulation=r["regulation"],
                            regulation_url=r["regulation_url"], subject_type=r["subject_type"],
                            list_date=r["generation_date"], source=r["source"], entity_key=r["key"],
                            countries=sorted(ent.countries), list_version_id=r["version_id"],
                            list_sha256=r["sha256"], adjustments=adj))
        hits.sort(key=lambda h: (-h.score, h.entity_name))
        return hits[:limit]
