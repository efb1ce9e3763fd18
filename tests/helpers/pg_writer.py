"""A writer process on the team register, for the concurrency and crash trials.

    python pg_writer.py URL SECONDS [--pause-in-tx]

Creates its own draft, then answers question after question until SECONDS have passed, printing
``ACK <assessment id> <question> <value>`` after each committed answer (what the user saw
acknowledged). Every tenth round it tries, with hand-written SQL on its own connection, to change
drafts that are not its own and audit events, and prints ``BOUNDARY ok`` or ``BOUNDARY BROKEN
<what>``. With --pause-in-tx each answer is written inside a transaction that holds the chain's
lock and pauses (``INTX``) before the commit, so a kill lands mid-transaction."""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))


def boundaries(url: str) -> str:
    import psycopg

    with psycopg.connect(url) as con:
        n = con.execute("UPDATE assessment SET title = 'hijacked' WHERE created_by <> current_user").rowcount
        n += con.execute("UPDATE answer SET value_json = '0' WHERE assessment_id IN "
                         "(SELECT id FROM assessment WHERE created_by <> current_user)").rowcount
        n += con.execute("DELETE FROM answer WHERE assessment_id IN "
                         "(SELECT id FROM assessment WHERE created_by <> current_user)").rowcount
        con.commit()
        if n:
            return f"BOUNDARY BROKEN changed {n} rows of others"
        for sql in ("UPDATE audit_event SET reason = 'x' WHERE id = (SELECT min(id) FROM audit_event)",
                    "DELETE FROM audit_event WHERE id = (SELECT max(id) FROM audit_event)"):
            try:
                if con.execute(sql).rowcount:
                    con.commit()
                    return f"BOUNDARY BROKEN {sql}"
            except psycopg.errors.InsufficientPrivilege:
                pass
            con.rollback()
    return "BOUNDARY ok"


def main() -> int:
    from app.storage.models import Answer
    from app.storage.repositories.base import dumps, iso
    from app.storage.store import Store

    url, seconds = sys.argv[1], float(sys.argv[2])
    pause = "--pause-in-tx" in sys.argv
    store = Store.open_url(url)
    a = store.create_assessment("art5", "1.0.0", title=f"draft of {store.actor}")
    print(f"READY {a.id}", flush=True)
    end = time.monotonic() + seconds
    n = 0
    while time.monotonic() < end:
        n += 1
        qid, value = f"q.{n}", n
        if pause:
            def work(s, qid=qid, value=value):
                store.assessment(s, a.id, draft=True)
                s.add(Answer(assessment_id=a.id, question_id=qid, value_json=dumps(value), updated_at=iso(store.clock)))
                store.audit.append(s, "answer", a.id, qid, None, value)
                s.flush()
                print("INTX", flush=True)
                time.sleep(0.2)
            store.write(work)
        else:
            store.save_answer(a.id, qid, value)
        print(f"ACK {a.id} {qid} {value}", flush=True)
        if n % 10 == 0 and not pause:
            print(boundaries(url.replace("postgresql+psycopg://", "postgresql://")), flush=True)
    store.close()
    print("DONE", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
