"""Screening benchmark: a full-size generated EU list (XML), import time and peak memory,
per-name check latency and recall on generated variants, next to a plain
``rapidfuzz.process.extract`` over the same aliases measured in the same run.

    .venv/bin/python tests/benchmarks/screening.py [--entities 6000] [--queries 600] [--keep DIR]

The generator is deterministic (fixed seed): persons with Russian, Arabic and Greek names
(Latin aliases plus the name in its own script), and enterprises with legal forms and
Cyrillic aliases. Each query is a variant the list does not contain verbatim: a typo, words
reordered, another legal form, another transliteration, or the name in its own script where
the list has only Latin. Targets (issue 5): import < 15 s, median check < 10 ms, recall no
worse than the baseline.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from xml.sax.saxutils import quoteattr

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from _report import Row  # noqa: E402

QUICK = {"entities": 600, "queries": 100}

RU = [("ka", "ка"), ("ro", "ро"), ("va", "ва"), ("le", "ле"), ("ni", "ни"), ("mi", "ми"), ("tor", "тор"),
      ("sha", "ша"), ("kov", "ков"), ("ev", "ев"), ("in", "ин"), ("bor", "бор"), ("gal", "гал"), ("dim", "дим"),
      ("zak", "зак"), ("pet", "пет"), ("ser", "сер"), ("vla", "вла"), ("na", "на"), ("to", "то"), ("lya", "ля"),
      ("shch", "щ"), ("zhe", "же"), ("kha", "ха"), ("yu", "ю"), ("ri", "ри"), ("ol", "ол"), ("gor", "гор"),
      ("sla", "сла"), ("dor", "дор"), ("mak", "мак"), ("sim", "сим"), ("tse", "це"), ("chen", "чен"), ("ya", "я")]
RU_END = [("ov", "ов"), ("ev", "ев"), ("in", "ин"), ("sky", "ский"), ("enko", "енко"), ("ova", "ова")]
AR = [("mu", "م"), ("ham", "ح"), ("mad", "مد"), ("ab", "عب"), ("dul", "د ال"), ("lah", "له"), ("ka", "ك"),
      ("rim", "ريم"), ("ha", "ه"), ("san", "سن"), ("ali", "علي"), ("ja", "ج"), ("mal", "مال"), ("fa", "ف"),
      ("rid", "ريد"), ("sa", "س"), ("lim", "ليم"), ("na", "ن"), ("sir", "صر"), ("ta", "ط"), ("rek", "رق"),
      ("za", "ز"), ("yed", "يد"), ("ba", "ب"), ("kr", "كر"), ("qa", "ق"), ("sim", "سم"), ("da", "د"), ("wud", "ود")]
GR = [("ni", "νι"), ("ko", "κο"), ("la", "λα"), ("os", "ος"), ("pa", "πα"), ("pa", "πα"), ("do", "δο"),
      ("pou", "που"), ("los", "λος"), ("ge", "γε"), ("or", "ορ"), ("gi", "γι"), ("ti", "τι"), ("mo", "μο"),
      ("the", "θε"), ("dis", "δης"), ("ka", "κα"), ("ra", "ρα"), ("mi", "μι"), ("tsa", "τσα"), ("kis", "κης"),
      ("sta", "στα"), ("vro", "βρο"), ("an", "αν"), ("dre", "δρε"), ("ou", "ου")]
WORDS = ["Signal", "Optical", "Systems", "Electronics", "Defence", "Trading", "Industrial", "Technologies", "Works",
         "Engineering", "Telecom", "Monitoring", "Security", "Research", "Aviation", "Marine", "Energy", "Holding",
         "Logistics", "Instruments", "Radio", "Precision", "Machine", "Building", "Scientific", "Production",
         "Network", "Digital", "Strategic", "Northern", "Eastern", "United", "Federal", "Central", "Capital"]
FORMS = ["LLC", "Ltd", "JSC", "OJSC", "OOO", "AO", "GmbH", "SA", "Co. Ltd", "PJSC", "FZE", "Limited"]
FORMS_CYR = ["ООО", "АО", "ПАО", "ОАО"]
PROGRAMMES = ["RUS", "UKR", "BLR", "SYR", "IRN", "TERR", "PRK", "LBY", "MMR", "VEN"]
COUNTRIES = {"RU": "RUSSIAN FEDERATION", "BY": "BELARUS", "SY": "SYRIA", "IR": "IRAN", "GR": "GREECE",
             "AE": "UNITED ARAB EMIRATES", "KP": "NORTH KOREA", "TR": "TURKEY"}


def word(rng, table, n_min=2, n_max=3, end=None):
    parts = [rng.choice(table) for _ in range(rng.randint(n_min, n_max))]
    if end:
        parts.append(rng.choice(end))
    lat = "".join(p[0] for p in parts)
    loc = "".join(p[1] for p in parts)
    return lat.capitalize(), loc[:1].upper() + loc[1:]


def typo(rng, s):
    letters = [i for i, c in enumerate(s) if c.isalpha()]
    if len(letters) < 4:
        return s + "a"
    i = rng.choice(letters[1:])
    op = rng.random()
    if op < 0.34:
        return s[:i] + s[i + 1:]
    if op < 0.67:
        return s[:i] + rng.choice("aeiourstnlk") + s[i + 1:]
    j = min(i + 1, len(s) - 1)
    return s[:i] + s[j] + s[i] + s[j + 1:]


def respell(s):
    for a, b in (("v", "w"), ("kh", "h"), ("ya", "ja"), ("yu", "ju"), ("ou", "u"), ("k", "c"), ("ee", "i")):
        if a in s:
            return s.replace(a, b, 1)
    return s + "e"


def generate(path: Path, n_entities: int, seed: int = 20261123):
    """Write the list; return (aliases, queries): queries are (text, country, logicalId)."""
    rng = random.Random(seed)
    queries: list[tuple[str, str, str]] = []
    n_alias = 0
    with open(path, "w", encoding="utf-8") as fh:
        fh.write('<?xml version="1.0" encoding="UTF-8"?>\n<export xmlns="http://eu.europa.ec/fpi/fsd/export" '
                 'generationDate="2026-11-20T17:39:47.417+01:00" globalFileId="170999">\n')
        for n in range(n_entities):
            lid = str(100000 + n)
            prog = rng.choice(PROGRAMMES)
            aliases: list[tuple[str, str, str, str, str]] = []   # whole, first, last, lang, (hidden variant)
            r = rng.random()
            hidden_script = rng.random() < 0.15   # leave the script alias out; the query uses it
            if r < 0.22:
                kind, cc, table, end = "person", rng.choice(["RU", "BY"]), RU, RU_END
            elif r < 0.36:
                kind, cc, table, end = "person", rng.choice(["SY", "IR", "AE"]), AR, None
            elif r < 0.45:
                kind, cc, table, end = "person", "GR", GR, None
            else:
                kind, cc = "enterprise", rng.choice(list(COUNTRIES))
            if kind == "person":
                (f_lat, f_loc), (l_lat, l_loc) = word(rng, table), word(rng, table, end=end)
                m_lat, m_loc = word(rng, table, end=end) if rng.random() < 0.5 else ("", "")
                whole = " ".join(x for x in (f_lat, m_lat, l_lat.upper()) if x)
                aliases.append((whole, f_lat, l_lat, "", ""))
                script = " ".join(x for x in (f_loc, m_loc, l_loc) if x)
                if not hidden_script:
                    aliases.append((script, "", "", {"RU": "RU", "BY": "RU", "GR": "EL"}.get(cc, "AR"), ""))
                aliases.append((f"{respell(f_lat)} {respell(l_lat)}", "", "", "", ""))
                if rng.random() < 0.6:
                    aliases.append((f"{l_lat} {f_lat} {word(rng, table)[0]}", "", "", "", ""))
                variants = [typo(rng, f"{f_lat} {l_lat}"), f"{l_lat}, {f_lat}", respell(typo(rng, f"{l_lat} {f_lat}"))]
                if hidden_script:
                    variants.append(script)
            else:
                stem_lat, stem_loc = word(rng, RU, 2, 3)
                words = rng.sample(WORDS, rng.randint(1, 3))
                form = rng.choice(FORMS)
                name = f"{stem_lat} {' '.join(words)}"
                aliases.append((f"{form} {name}" if rng.random() < 0.4 else f"{name} {form}", "", "", "", ""))
                aliases.append((name.upper(), "", "", "", ""))
                if cc in ("RU", "BY") and not hidden_script:
                    aliases.append((f"{rng.choice(FORMS_CYR)} {stem_loc}", "", "", "RU", ""))
                aliases.append((f"{stem_lat} {words[0]}", "", "", "", ""))
                if rng.random() < 0.5:
                    aliases.append((f"{stem_lat}{words[0].lower()} {rng.choice(FORMS)}", "", "", "", ""))
                variants = [f"{name} {rng.choice([f for f in FORMS if f != form])}",
                            typo(rng, name), " ".join(reversed(name.split())) + " Ltd"]
                if cc in ("RU", "BY") and hidden_script:
                    variants.append(f"{rng.choice(FORMS_CYR)} «{stem_loc}»")
            queries.append((rng.choice(variants), cc, lid))
            fh.write(f'  <sanctionEntity designationDetails="" unitedNationId="" euReferenceNumber="EU.{n}.{rng.randint(10, 99)}" '
                     f'logicalId="{lid}">\n    <remark>Generated entry for the screening benchmark.</remark>\n'
                     f'    <regulation regulationType="regulation" organisationType="council" publicationDate="2022-02-23" '
                     f'entryIntoForceDate="2022-02-23" numberTitle="2022/{rng.randint(100, 999)} (OJ L42I)" programme="{prog}" '
                     f'logicalId="{rng.randint(1, 9999)}">\n      <publicationUrl>https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=OJ:L:2022:042I:FULL</publicationUrl>\n'
                     f'    </regulation>\n    <subjectType code="{kind}" classificationCode="{"P" if kind == "person" else "E"}"/>\n')
            for k, (whole, first, last, lang, _) in enumerate(aliases):
                n_alias += 1 + (1 if first and last else 0)
                fh.write(f'    <nameAlias firstName={quoteattr(first)} middleName="" lastName={quoteattr(last)} '
                         f'wholeName={quoteattr(whole)} function="" gender="" title="" nameLanguage="{lang}" '
                         f'strong="true" regulationLanguage="en" logicalId="{lid}{k}">\n'
                         f'      <regulationSummary regulationType="regulation" publicationDate="2022-02-23" '
                         f'numberTitle="2022/260" publicationUrl="https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=OJ:L:2022:042I:FULL"/>\n'
                         f'    </nameAlias>\n')
            tag = "citizenship" if kind == "person" else "address"
            fh.write(f'    <{tag} region="" countryIso2Code="{cc}" countryDescription="{COUNTRIES.get(cc, "")}" '
                     f'regulationLanguage="en" logicalId="{lid}9"/>\n')
            if kind == "person":
                fh.write(f'    <birthdate circa="false" calendarType="GREGORIAN" birthdate="" year="{rng.randint(1940, 1995)}" '
                         f'countryIso2Code="{cc}" regulationLanguage="en" logicalId="{lid}8"/>\n'
                         f'    <identification diplomatic="false" knownExpired="false" knownFalse="false" '
                         f'reportedLost="false" revokedByIssuer="false" number="{rng.randint(10**8, 10**9)}" '
                         f'identificationTypeCode="passport" countryIso2Code="{cc}" regulationLanguage="en" logicalId="{lid}7"/>\n')
            fh.write("  </sanctionEntity>\n")
        fh.write("</export>\n")
    return n_alias, queries


IMPORT_CHILD = r"""
import resource, sys, time
sys.path.insert(0, sys.argv[3])
from app.screening.db import ScreeningDB
t = time.perf_counter()
from pathlib import Path
db = ScreeningDB(Path(sys.argv[1]))
info = db.import_list(Path(sys.argv[2]))
t = time.perf_counter() - t
print(t, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, info.entity_count, info.alias_count)
"""
PARSE_ALL_CHILD = r"""
import resource, sys, time
from xml.etree import ElementTree as ET
t = time.perf_counter()
ET.parse(sys.argv[1])
print(time.perf_counter() - t, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


def pct(values, p):
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


def collect(entities: int = 6000, queries: int = 600, keep: str | None = None, say=print) -> dict:
    """Run the benchmark, reporting progress through ``say``; returns the figures."""
    args = argparse.Namespace(entities=entities, queries=queries, keep=keep)
    work = Path(args.keep or tempfile.mkdtemp(prefix="art5-screening-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    xml = work / "generated_eu_list.xml"
    t = time.perf_counter()
    n_alias, queries = generate(xml, args.entities)
    say(f"generated {args.entities} entities, {n_alias} aliases, {xml.stat().st_size / 1e6:.1f} MB "
          f"in {time.perf_counter() - t:.1f} s")

    db_path = work / "screening.db"
    if db_path.exists():
        db_path.unlink()
    out = subprocess.run([sys.executable, "-c", IMPORT_CHILD, str(db_path), str(xml), str(ROOT)],
                         capture_output=True, text=True, check=True).stdout.split()
    imp_s, imp_rss, ents, aliases = float(out[0]), int(out[1]), int(out[2]), int(out[3])
    out = subprocess.run([sys.executable, "-c", PARSE_ALL_CHILD, str(xml)], capture_output=True, text=True,
                         check=True).stdout.split()
    parse_s, parse_rss = float(out[0]), int(out[1])
    base_rss = int(subprocess.run([sys.executable, "-c", "import resource, sqlalchemy, rapidfuzz, anyascii, defusedxml; "
                                   "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)"],
                                  capture_output=True, text=True, check=True).stdout)
    say(f"import: {imp_s:.2f} s (target < 15 s), {ents} entities, {aliases} aliases stored; "
          f"peak RSS {imp_rss / 1024:.0f} MB (interpreter + libraries alone {base_rss / 1024:.0f} MB); "
          f"baseline ElementTree.parse of the whole file: peak RSS {parse_rss / 1024:.0f} MB, {parse_s:.2f} s")

    from rapidfuzz import fuzz, process, utils

    from app.screening.db import ScreeningDB
    from app.screening.matcher import DEFAULT_THRESHOLD, Index

    db = ScreeningDB(db_path)
    t = time.perf_counter()
    rows = db.load_index_rows()
    index = Index(rows)
    say(f"index: {len(index)} aliases of {index.entity_count} entities loaded in {time.perf_counter() - t:.2f} s")
    alias_names = [r["alias"] for r in rows]
    alias_key = [r["key"] for r in rows]

    rng = random.Random(7)
    sample = rng.sample(queries, min(args.queries, len(queries)))
    lat_ours, lat_base, found_ours, found_base = [], [], 0, 0
    base_cut = DEFAULT_THRESHOLD * 100
    for text, cc, lid in sample:
        t = time.perf_counter()
        hits = index.check(text, cc)
        lat_ours.append((time.perf_counter() - t) * 1000)
        found_ours += any(h.entity_key == lid for h in hits)
        t = time.perf_counter()
        res = process.extract(text, alias_names, scorer=fuzz.WRatio, processor=utils.default_process, limit=10,
                              score_cutoff=base_cut)
        lat_base.append((time.perf_counter() - t) * 1000)
        found_base += any(alias_key[i] == lid for _n, _s, i in res)
    # names not on the list: how many hits each approach reports (lower is better)
    strangers = [f"{w} {v}" for w, v in zip(["Anna", "Pierre", "Hans", "Maria", "John", "Lucia", "Jan", "Eva"] * 25,
                                            ["Schmidt", "Dupont", "Rossi", "Novak", "Smith", "Garcia", "Jansen", "Berg"] * 25)]
    strangers = [f"{s} {i}" if i % 2 else s for i, s in enumerate(strangers)]
    fp_ours = sum(bool(index.check(s)) for s in strangers)
    fp_base = sum(bool(process.extract(s, alias_names, scorer=fuzz.WRatio, processor=utils.default_process,
                                       limit=1, score_cutoff=base_cut)) for s in strangers)
    n = len(sample)
    say(f"check latency over {n} variant queries: median {statistics.median(lat_ours):.2f} ms, "
          f"p95 {pct(lat_ours, 95):.2f} ms (target median < 10 ms)")
    say(f"baseline rapidfuzz.process.extract(WRatio, default_process) over the same {len(alias_names)} aliases: "
          f"median {statistics.median(lat_base):.2f} ms, p95 {pct(lat_base, 95):.2f} ms")
    say(f"ratio median ours/baseline: {statistics.median(lat_ours) / statistics.median(lat_base):.2f}")
    say(f"recall on variants (expected entity among the hits at threshold {DEFAULT_THRESHOLD}): "
          f"ours {found_ours / n:.3f}, baseline {found_base / n:.3f} (target: ours >= baseline)")
    say(f"names not on the list that got a hit: ours {fp_ours}/{len(strangers)}, baseline {fp_base}/{len(strangers)}")
    db.close()
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)
    return {"entities": ents, "aliases": aliases, "import_s": imp_s, "import_rss_mb": imp_rss / 1024,
            "queries": n, "median_ms": statistics.median(lat_ours), "p95_ms": pct(lat_ours, 95),
            "base_median_ms": statistics.median(lat_base), "base_p95_ms": pct(lat_base, 95),
            "recall": found_ours / n, "base_recall": found_base / n, "threshold": DEFAULT_THRESHOLD,
            "false_hits": fp_ours, "base_false_hits": fp_base, "strangers": len(strangers)}


def measure(entities: int = 6000, queries: int = 600) -> list[Row]:
    r = collect(entities, queries, say=lambda *a, **k: None)
    size = f"{r['entities']:,} entities / {r['aliases']:,} aliases"
    return [
        Row(f"screening import, {size}", r["import_s"], None, "s", None, "< 15 s", r["import_s"] < 15,
            ours_note=f"({r['import_rss_mb']:.0f} MB peak)"),
        Row(f"screening check, median of {r['queries']} variant queries", r["median_ms"], r["base_median_ms"],
            "ms", r["median_ms"] / r["base_median_ms"], "< 10 ms", r["median_ms"] < 10,
            baseline_note="rapidfuzz extract"),
        Row("screening check, p95", r["p95_ms"], r["base_p95_ms"], "ms", r["p95_ms"] / r["base_p95_ms"],
            baseline_note="rapidfuzz extract"),
        Row(f"screening recall on variants (threshold {r['threshold']})", r["recall"], r["base_recall"], "",
            None, "≥ baseline", r["recall"] >= r["base_recall"],
            ours_note=f"(names not listed with a hit: {r['false_hits']}/{r['strangers']}, "
                      f"rapidfuzz {r['base_false_hits']}/{r['strangers']})",
            baseline_note="rapidfuzz extract"),
    ]


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--entities", type=int, default=6000)
    ap.add_argument("--queries", type=int, default=600)
    ap.add_argument("--keep", metavar="DIR")
    args = ap.parse_args()
    collect(args.entities, args.queries, args.keep)
    return 0


if __name__ == "__main__":
    sys.exit(main())
