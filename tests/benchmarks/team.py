"""Team register benchmark on PostgreSQL: the register's first page and a filter over 100,000
assessments from 20 users, through the program (Store.register.rows: SQLAlchemy's pooled psycopg
connection) next to raw SQL (psycopg, the same SQL text, on the same server, in the same run);
and `art5 sync` of 500 finished assessments from a laptop, next to writing the same 500
transfer bundles to files (the part of a sync that is not the server).

    ART5_TEST_PG_URL=postgresql://postgres@127.0.0.1:55432/postgres \\
        .venv/bin/python tests/benchmarks/team.py [--rows 100000] [--sync 500] [--runs 9]

Needs a PostgreSQL superuser URL in ART5_TEST_PG_URL (a throw-away cluster: .ci/pg-cluster.sh);
without one every row says "no server". Targets: the register within 3x raw and under 200 ms.
"""

from __future__ import annotations

import argparse
import io
import os
import random
import shutil
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from _report import Row  # noqa: E402

QUICK = {"rows": 5000, "sync": 20, "runs": 3}
PAGE = 51  # the register's first page (ui.register.page.PAGE + 1, as the program asks)


def _fill(url: str, n: int) -> None:
    """n assessments from 20 users, straight into the table with COPY."""
    import psycopg

    rnd = random.Random(7)
    users = [f"user{i:02d}" for i in range(20)]
    products = ["Netwatch 4", "DeepProbe", "LI Mediation 2", "Firewall X", "SpyCam Pro", "DataMiner"]
    customers = [f"Customer {i:04d} Ltd" for i in range(800)]
    dests = ["CN", "US", "AE", "IR", "RU", "IN", "BR", "TR", "EG", "SG", "CH", "NO"]
    outcomes = ["NOTIFY", "NOT_IN_SCOPE", "AUTHORISATION_REQUIRED", "PROHIBITED", "PROCEED", "INCOMPLETE"]
    statuses = ["draft", "finished", "finished", "signed", "amended"]
    buf = io.StringIO()
    for i in range(n):
        y = 2020 + i * 7 // n
        created = f"{y}-{1 + i % 12:02d}-{1 + i % 28:02d}T10:{i % 60:02d}:{i % 60:02d}.{i % 1000000:06d}+00:00"
        buf.write("\t".join((f"A-{y}-{i + 1:06d}", f"Deal {i}", "art5", "1.0.0", rnd.choice(statuses),
                             rnd.choice(outcomes), created, created, uuid.uuid4().hex, rnd.choice(products),
                             rnd.choice(customers), rnd.choice(dests), "DE", f"{y + 5}-12-31",
                             users[i % 20])) + "\n")
    with psycopg.connect(url) as con:
        with con.cursor().copy(
                "COPY assessment (reference, title, questionnaire_id, questionnaire_version, status, outcome, "
                "created_at, updated_at, uid, product, customer, destination, member_state, retention_until, "
                "created_by) FROM STDIN") as cp:
            cp.write(buf.getvalue())
        con.execute("ANALYZE assessment")
        con.commit()


def _register(url: str, rows: int, runs: int) -> dict:
    import psycopg

    from app.storage.repositories.register import REGISTER_COLUMNS, register_sql
    from app.storage import dialect_pg
    from app.storage.store import Store

    _fill(url, rows)
    store = Store.open_url(url)
    raw = psycopg.connect(url)
    cases = {"first page": {}, "filter (search 'customer 01', status finished)":
             {"search": "customer 01", "status": "finished"}}
    out = {}
    for name, f in cases.items():
        clause, params = register_sql(**f, sql_dialect=dialect_pg)
        sql = dialect_pg.to_pg(f"SELECT {', '.join(REGISTER_COLUMNS)} FROM assessment{clause} LIMIT ? OFFSET ?")
        ours, base = [], []
        store.register.rows(**f, limit=PAGE)  # warm the pool, as the open program has
        raw.execute(sql, (*params, PAGE, 0)).fetchall()
        for _ in range(runs):
            t0 = time.perf_counter()
            got = store.register.rows(**f, limit=PAGE)
            ours.append(time.perf_counter() - t0)
            t0 = time.perf_counter()
            want = raw.execute(sql, (*params, PAGE, 0)).fetchall()
            base.append(time.perf_counter() - t0)
            raw.rollback()
            assert [tuple(r) for r in want] == got and got
        out[name] = (statistics.median(ours) * 1000, statistics.median(base) * 1000)
    total = store.register.count()
    raw.close()
    store.close()
    return {"total": total, "cases": out}


def _sync(url: str, n: int) -> tuple[float, float]:
    from app.storage.store import Store
    from app.transfer.bundle import collect_bundle, write_bundle
    from app.transfer.sync import sync

    tmp = Path(tempfile.mkdtemp(prefix="art5-bench-sync-"))
    try:
        laptop = Store.open(tmp / "laptop")
        for i in range(n):
            a = laptop.create_assessment("art5", "1.0.0", title=f"Deal {i}")
            laptop.save_answers(a.id, {"item.name": f"Netwatch {i % 7}", "export.destination_country": "CN",
                                       "export.member_state": "DE",
                                       "parties.list": [{"name": f"Customer {i}", "role": "end_user", "country": "CN"}]})
            laptop.finish(a.id, "NOT_IN_SCOPE")
        ids = [x.id for x in laptop.list_assessments()]
        out = tmp / "bundles"
        t0 = time.perf_counter()
        for aid in ids:
            write_bundle(collect_bundle(laptop, aid), out / f"{aid}.zip")
        base = time.perf_counter() - t0
        team = Store.open_url(url)
        t0 = time.perf_counter()
        report = sync(laptop, team)
        ours = time.perf_counter() - t0
        assert len(report.pushed) == n and not report.conflicts, report.lines()[:3]
        assert team.audit.verify().intact
        team.close()
        laptop.close()
        return ours, base
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def _database(admin: str) -> tuple[str, str]:
    import psycopg

    from app.storage import dialect_pg

    name = "art5_bench_" + uuid.uuid4().hex[:8]
    with psycopg.connect(admin, autocommit=True) as con:
        con.execute(f"CREATE DATABASE {name}")
    url = admin.rsplit("/", 1)[0] + "/" + name
    engine = dialect_pg.create_engine(url)
    dialect_pg.migrate(engine)
    engine.dispose()
    return name, url


def _drop(admin: str, name: str) -> None:
    import psycopg

    with psycopg.connect(admin, autocommit=True) as con:
        con.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


def collect(rows: int = 100000, sync: int = 500, runs: int = 9) -> dict | None:
    admin = os.environ.get("ART5_TEST_PG_URL")
    if not admin:
        return None
    result: dict = {}
    name, url = _database(admin)
    try:
        result["register"] = _register(url, rows, runs)
    finally:
        _drop(admin, name)
    name, url = _database(admin)
    try:
        result["sync"] = _sync(url, sync)
    finally:
        _drop(admin, name)
    return result


def measure(rows: int = 100000, sync: int = 500, runs: int = 9) -> list[Row]:
    r = collect(rows, sync, runs)
    if r is None:
        return [Row("team register (PostgreSQL): no server (set ART5_TEST_PG_URL)", None, None, met=None),
                Row(f"sync of {sync} finished assessments: no server", None, None, met=None)]
    out = []
    total = r["register"]["total"]
    for (case, (ours, base)), label in zip(r["register"]["cases"].items(),
                                           ("team register first page", "team register filter (search + status)")):
        ratio = ours / base if base else None
        out.append(Row(f"{label}, {total:,} assessments from 20 users, PostgreSQL, median of {runs}", round(ours, 2),
                       round(base, 2), "ms", ratio, "≤ 3x, < 200 ms",
                       bool(ratio is not None and ratio <= 3 and ours < 200), baseline_note="raw SQL (psycopg)"))
    ours, base = r["sync"]
    out.append(Row(f"art5 sync of {sync} finished assessments to PostgreSQL", round(ours, 2), round(base, 2), "s",
                   ours / base if base else None, "—", None,
                   ours_note=f"({ours / sync * 1000:.0f} ms each)", baseline_note="writing the same bundles to files"))
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rows", type=int, default=100000)
    ap.add_argument("--sync", type=int, default=500)
    ap.add_argument("--runs", type=int, default=9)
    a = ap.parse_args()
    from _report import format_table

    print(format_table(measure(a.rows, a.sync, a.runs)))


if __name__ == "__main__":
    main()
