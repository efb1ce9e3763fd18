"""Child process for the crash test: answers questions as fast as it can and prints
``ACK <question> <value>`` after each answer is committed (what the wizard shows as saved)."""

import sys
from pathlib import Path

from app import questionnaire
from app.session import AssessmentSession
from app.storage.store import Store

data_dir, fixture, assessment_id, start = Path(sys.argv[1]), Path(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
qn = questionnaire.load(fixture)
store = Store.open(data_dir)
session = AssessmentSession(store, assessment_id, qn)
print("READY", flush=True)
i = start
while True:
    qid = "basics.item_name" if i % 2 else "deal.notes"
    value = f"answer {i}"
    session.answer(qid, value)
    print(f"ACK {qid} {value}", flush=True)
    i += 1
