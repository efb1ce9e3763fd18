"""The register's first page read with plain sqlite3 before SQLModel loads (app.storage.quick_read):
the same rows as the Store, and nothing at all (so the Store speaks) for any register the Store
would migrate, refuse or create."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest

from app.storage import CorruptDatabaseError, NewerDatabaseError
from app.storage.db import HEAD_REVISION
from app.storage.quick_read import QuickRegister
from app.storage.store import Store

PAGE = 201  # the register page asks for one page and one row more

FILTERS = [
    {},
    {"search": "北京"},
    {"search": "محمد"},
    {"search": "kunde"},  # case ignored, as in the Store
    {"search": "50%"},
    {"search": "probe_1"},
    {"status": "finished"},
    {"outcome": "NOTIFY"},
    {"destination": "cn"},
    {"search": "deal", "status": "draft"},
    {"order": "reference"},
    {"order": "created"},
    {"order": "retention"},
]


def _fill(data_dir: Path) -> Store:
    s = Store.open(data_dir)
    for i, (title, customer, dest) in enumerate((
            ("discount 50% deal", "Kunde 北京 GmbH", "CN"), ("probe_1 deal", "شركة محمد للتجارة", "AE"),
            ("probe11 deal", "Müller & Söhne", "CN"), ("Kunde 北京", "Ωmega Ltd", "US"),
            ("عميل", "محمد", "EG"), ("deal five", "", ""))):
        a = s.create_assessment("demo", "1", title=title)
        s.save_answer(a.id, "parties.list", [{"name": customer, "role": "end_user"}] if customer else [])
        s.save_answer(a.id, "export.destination_country", dest)
        s.save_answer(a.id, "item.name", f"Probe {i}")
        if i % 2 == 0:
            s.finish(a.id, "NOTIFY" if i % 4 == 0 else "NO_NOTIFICATION")
    return s


def test_the_first_page_equals_the_stores_for_every_filter_and_order(data_dir):
    s = _fill(data_dir)
    quick = QuickRegister.open(data_dir)
    assert quick is not None
    assert any("北京" in str(c) for r in quick.rows() for c in r)  # the non-Latin names are there
    for filters in FILTERS:
        assert quick.rows(limit=PAGE, **filters) == s.register.rows(limit=PAGE, **filters), filters
    assert quick.rows(order="reference", limit=2, offset=2) == s.register.rows(order="reference", limit=2, offset=2)
    for column in ("outcome", "destination", "status"):
        assert quick.values(column) == s.register.values(column)
    with pytest.raises(ValueError):
        quick.values("title; DROP TABLE assessment")


def test_the_quick_read_sees_a_change_made_after_it_opened(data_dir):
    s = _fill(data_dir)
    quick = QuickRegister.open(data_dir)
    a = s.create_assessment("demo", "1", title="made later")
    assert quick.rows(limit=PAGE) == s.register.rows(limit=PAGE)
    assert quick.rows(limit=1)[0][0] == a.id


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.parametrize("revision", ["0003", "0001", "9999"])
def test_an_older_or_newer_schema_is_left_to_the_store(data_dir, revision):
    _fill(data_dir)
    db = data_dir / "art5.db"
    con = sqlite3.connect(db)
    con.execute("UPDATE alembic_version SET version_num = ?", (revision,))
    con.commit()
    con.close()
    before = _digest(db)
    assert QuickRegister.open(data_dir) is None
    assert _digest(db) == before  # read only
    if revision == "9999":
        with pytest.raises(NewerDatabaseError, match="newer than this program"):
            Store.open(data_dir)


def test_a_new_data_folder_is_left_to_the_store_and_nothing_is_created(tmp_path):
    folder = tmp_path / "data"
    folder.mkdir()
    assert QuickRegister.open(folder) is None
    assert QuickRegister.open(tmp_path / "missing") is None
    (folder / "art5.db").write_bytes(b"")
    assert QuickRegister.open(folder) is None
    assert sorted(p.name for p in folder.iterdir()) == ["art5.db"]
    assert not (tmp_path / "missing").exists()


def test_a_damaged_file_is_left_to_the_store_which_says_what_is_wrong(data_dir):
    db = data_dir / "art5.db"
    data_dir.mkdir(parents=True, exist_ok=True)
    db.write_bytes(b"this is not a database, only text " * 200)
    before = _digest(db)
    assert QuickRegister.open(data_dir) is None
    assert _digest(db) == before
    with pytest.raises(CorruptDatabaseError, match="damaged or not a database"):
        Store.open(data_dir)


def test_a_planted_trigger_is_left_to_the_store(data_dir):
    _fill(data_dir)
    con = sqlite3.connect(data_dir / "art5.db")
    con.execute("CREATE TRIGGER t AFTER INSERT ON assessment BEGIN SELECT 1; END")
    con.commit()
    con.close()
    assert QuickRegister.open(data_dir) is None
    with pytest.raises(CorruptDatabaseError, match="trigger"):
        Store.open(data_dir)


def test_a_current_register_is_read(data_dir):
    _fill(data_dir)
    con = sqlite3.connect(data_dir / "art5.db")
    assert con.execute("SELECT version_num FROM alembic_version").fetchone()[0] == HEAD_REVISION
    con.close()
    assert QuickRegister.open(data_dir) is not None


def test_the_quick_read_loads_neither_sqlalchemy_nor_sqlmodel(data_dir):
    import subprocess
    import sys

    _fill(data_dir)
    code = ("import sys; from pathlib import Path; from app.storage.quick_read import QuickRegister; "
            f"q = QuickRegister.open(Path({str(data_dir)!r})); rows = q.rows(limit=201); q.values('outcome'); "
            "print(len(rows), sorted(m for m in sys.modules if m.split('.')[0] in ('sqlalchemy', 'sqlmodel', 'alembic', 'pydantic')))")
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60,
                       cwd=Path(__file__).resolve().parent.parent)
    assert r.returncode == 0, r.stderr
    assert r.stdout.split() == ["6", "[]"]


@pytest.mark.parametrize("name", ["C#projects", "what?ever", "50% deal", "Kunde 北京"])
def test_a_data_folder_named_with_uri_characters_is_read_and_nothing_is_made_beside_it(tmp_path, name):
    folder = tmp_path / name
    s = _fill(folder)
    rows = s.register.rows(limit=PAGE)
    s.close()
    before = sorted(p.name for p in tmp_path.iterdir())
    quick = QuickRegister.open(folder)
    assert quick is not None and quick.rows(limit=PAGE) == rows
    again = Store.open(folder)  # the revision check reads this file, not one named by the path's start
    assert again.register.rows(limit=PAGE) == rows
    again.close()
    assert sorted(p.name for p in tmp_path.iterdir()) == before  # no stray file beside the folder
