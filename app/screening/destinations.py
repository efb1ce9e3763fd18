"""EU measures per destination country, from ``resources/reference/destination_measures.yaml``.

The wizard shows :func:`measures_for` as soon as a destination is chosen. The questionnaire's
rules read ``monitoring_regimes``, ``annex_i_ban_destinations``, ``total_ban_destinations`` and
``sectoral_ban_destinations`` (version 1.1.0); :func:`countries_with`
gives the same sets from this file, and a test keeps the three in agreement.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from app.base.countries import EU27
from app.base.i18n import tr_data
from app.base.reference import ReferenceData, ReferenceSet, default_set

DATA_ID = "destination_measures"
KIND_FOR_REFERENCE = {"monitoring_regimes": "monitoring_authorisation",
                      # questionnaire 1.1.0 (issue 13); 1.0.0 reads prohibited_listed_destinations (RU, BY)
                      "annex_i_ban_destinations": "annex_i_ban",
                      "total_ban_destinations": "total_ban",
                      "sectoral_ban_destinations": "advanced_technology_ban"}


@dataclass
class Measure:
    country: str
    kind: str
    title: str
    help: str
    act: str
    article: str = ""
    status: str = "to_verify"
    since: str = ""
    sources: list[dict[str, Any]] = field(default_factory=list)

    @property
    def to_verify(self) -> bool:
        return self.status == "to_verify"

    def citation(self) -> str:
        return f"{self.act}, Art. {self.article}" if self.article and self.article[0].isdigit() else \
            (f"{self.act}, {self.article}" if self.article else self.act)


def _data(refs: ReferenceSet | None = None) -> ReferenceData:
    return (refs or default_set()).get(DATA_ID)


def countries_with(kind: str, refs: ReferenceSet | None = None) -> set[str]:
    return {str(item["value"]) for item in _data(refs).items
            if any(m.get("kind") == kind for m in item.get("measures") or [])}


def partner_countries(refs: ReferenceSet | None = None) -> list[str]:
    return list((_data(refs).extra.get("no_russia_clause") or {}).get("partner_countries") or [])


def measures_for(country: str | None, locale: str = "en", refs: ReferenceSet | None = None) -> list[Measure]:
    """The EU measures that matter for exporting a cyber-surveillance item to ``country``
    (ISO code); empty for an EU Member State (no export) or an unknown code."""
    code = (country or "").strip().upper()
    if not code or code in EU27:
        return []
    data = _data(refs)
    out: list[Measure] = []
    item = data.item(code)
    for m in (item or {}).get("measures") or []:
        out.append(Measure(code, str(m["kind"]), tr_data(m.get("title") or {}, locale),
                           tr_data(m.get("help") or {}, locale), str(m.get("act", "")), str(m.get("article", "")),
                           str(m.get("status", "to_verify")), str(m.get("since", "")), list(m.get("sources") or [])))
    clause = data.extra.get("no_russia_clause") or {}
    if clause and code != "RU" and code not in (clause.get("partner_countries") or []):
        out.append(Measure(code, "no_russia_clause", tr_data(clause.get("title") or {}, locale),
                           tr_data(clause.get("help") or {}, locale), str(clause.get("act", "")),
                           str(clause.get("article", "")), str(clause.get("status", "to_verify")),
                           str(clause.get("since", "")), list(clause.get("sources") or [])))
    return out


def version_info(refs: ReferenceSet | None = None) -> dict[str, str]:
    return _data(refs).version_info()
