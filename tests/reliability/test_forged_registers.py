"""Issue 14, attacks 5 and 6: a restored backup that carries triggers, views or extra tables, and
paths built from stored references.

Restore accepts only the schema the program's own migrations make; anything else is refused
with exit 2 and the data folder stays byte for byte as it was. Every connection runs with
``trusted_schema`` off.
"""

from __future__ import annotations

import shutil
from pathlib import Path
import sqlite3

import pytest

from reliability_helpers import assert_refused


def _backup(populated, tmp_path, art5):
    path = tmp_path / "backup.db"
    assert art5("backup", "--to", path).code == 0
    return path


def _with(sql):
    def change(con):
        con.executescript(sql)
    return change


SWAP_TRIGGER = """
CREATE TRIGGER art5_fix AFTER INSERT ON answer
BEGIN UPDATE answer SET value_json = replace(new.value_json, '"yes"', '"no"') WHERE id = new.id; END;
CREATE TRIGGER art5_fix2 AFTER UPDATE OF value_json ON answer WHEN new.value_json LIKE '%"yes"%'
BEGIN UPDATE answer SET value_json = replace(new.value_json, '"yes"', '"no"') WHERE id = new.id; END;
"""

CASES = {
    "a trigger that stores no for yes": _with(SWAP_TRIGGER),
    "a view": _with("CREATE VIEW v AS SELECT * FROM assessment;"),
    "an extra table": _with("CREATE TABLE notes (x TEXT);"),
    "an extra index": _with("CREATE INDEX ix_extra ON assessment(title);"),
    "a table changed": _with("DROP INDEX ix_assessment_uid;"),
}


@pytest.mark.parametrize("case", list(CASES))
def test_restore_refuses_a_foreign_schema(case, populated, tmp_path, art5):
    backup = _backup(populated, tmp_path, art5)
    con = sqlite3.connect(backup)
    CASES[case](con)
    con.commit()
    con.close()
    run = art5("restore", backup)
    assert_refused(run, backup, "schema", code=2)
    populated.assert_unchanged()
    assert not list((populated.dir / "backups").glob("art5-replaced-by-restore-*"))


def test_an_unchanged_backup_restores(populated, tmp_path, art5):
    backup = _backup(populated, tmp_path, art5)
    run = art5("restore", backup)
    assert run.code == 0, run.text


def test_a_trigger_in_the_register_is_refused_on_open(populated, art5):
    con = sqlite3.connect(populated.dir / "art5.db")
    con.executescript(SWAP_TRIGGER)
    con.close()
    run = art5("records", "list")
    assert_refused(run, populated.dir / "art5.db", "trigger")


def test_every_connection_has_trusted_schema_off(populated):
    from app.storage.store import Store

    s = Store.open(populated.dir)
    try:
        with s.engine.connect() as c:
            assert c.exec_driver_sql("PRAGMA trusted_schema").scalar() == 0
    finally:
        s.close()
    from app.screening.service import Screening

    scr = Screening(populated.dir)
    try:
        with scr.db.engine.connect() as c:
            assert c.exec_driver_sql("PRAGMA trusted_schema").scalar() == 0
    finally:
        scr.close()


# -- paths from stored data ---------------------------------------------------------------------
@pytest.mark.parametrize("reference", ["/tmp/art5-evil", "./A-2026-0001", "../outside", "A/../../x"])
def test_paths_from_references_stay_inside_the_data_folder(reference, populated, tmp_path):
    from app.base.paths import OutsideDataFolder, inside, report_path

    if reference.startswith("./"):
        # inside the folder, but not a valid reference: it would replace the signed report
        with pytest.raises(ValueError):
            report_path(populated.dir, reference)
        return
    with pytest.raises(OutsideDataFolder):
        inside(populated.dir / "reports", populated.dir / "reports" / f"{reference}.pdf")
    with pytest.raises(ValueError):
        report_path(populated.dir, reference)


# -- the audit chain recomputed in place (attack 9) ---------------------------------------------
def _recompute_in_place(db: Path, change) -> None:
    from app.storage.audit import FIELDS, GENESIS, event_hash

    con = sqlite3.connect(db)
    cols = (*FIELDS, "prev_hash", "hash")
    rows = [dict(zip(cols, r)) for r in con.execute(f"SELECT {', '.join(cols)} FROM audit_event ORDER BY id")]
    change(rows)
    prev = GENESIS
    for ev in rows:
        ev["prev_hash"] = prev
        ev["hash"] = event_hash(prev, ev)
        prev = ev["hash"]
        con.execute("UPDATE audit_event SET new_json = ?, prev_hash = ?, hash = ? WHERE id = ?",
                    (ev["new_json"], ev["prev_hash"], ev["hash"], ev["id"]))
    con.commit()
    con.close()


def test_a_chain_recomputed_in_place_is_caught_by_the_signed_report(populated, art5):
    assert art5("audit", "verify").code == 0

    def say_yes(rows):
        for ev in rows:
            if ev["question_id"] == "item.annex_i_listed":
                ev["new_json"] = '"yes"'

    _recompute_in_place(populated.dir / "art5.db", say_yes)
    run = art5("audit", "verify")
    assert run.code == 1, run.text
    assert f"{populated.signed_reference}.pdf" in run.out


def test_audit_verify_counts_the_anchors(populated, art5):
    run = art5("audit", "verify")
    assert run.code == 0 and "anchors in 1 signed report" in run.out, run.text


def _set_reference(db: Path, assessment_id: int, reference: str) -> None:
    con = sqlite3.connect(db)
    con.execute("UPDATE assessment SET reference = ? WHERE id = ?", (reference, assessment_id))
    con.commit()
    con.close()


def test_restore_refuses_a_backup_with_a_path_as_reference(populated, tmp_path, art5):
    backup = _backup(populated, tmp_path, art5)
    _set_reference(backup, populated.signed_id, "../../outside")
    run = art5("restore", backup)
    assert_refused(run, backup, "reference", code=1)
    populated.assert_unchanged()


def test_amend_refuses_a_reference_that_is_a_path(populated, art5):
    _set_reference(populated.dir / "art5.db", populated.signed_id, "/tmp/art5-evil")
    run = art5("records", "amend", "--id", str(populated.signed_id), "--reason", "typo")
    assert_refused(run, None, "not a valid assessment reference")
    rows = [r for r in __import__("reliability_helpers").register_rows(populated.dir)]
    assert not any(str(r[2]).startswith("/tmp/art5-evil-v") for r in rows), rows
