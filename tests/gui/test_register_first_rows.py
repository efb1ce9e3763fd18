"""`art5` shows the register's rows at its first paint, read with sqlite3 before SQLModel loads:
the same rows as once the register is open, a row can be selected and opened at once, and a
register the quick read leaves alone says what is wrong exactly as before."""

from __future__ import annotations

from app.storage.store import Store
from ui.qt import QMessageBox, Qt


def _register(data_dir, n=5):
    s = Store.open(data_dir)
    for i in range(n):
        a = s.create_assessment("art5", "1.0.0", title=f"Deal {i}")
        s.save_answer(a.id, "parties.list", [{"name": "شركة محمد" if i == 2 else f"Kunde 北京 {i}", "role": "end_user"}])
        s.save_answer(a.id, "export.destination_country", "CN" if i % 2 else "AE")
    return s


def _shown(qtbot, data_dir):
    from ui.main_window import MainWindow

    w = MainWindow(data_dir)
    qtbot.addWidget(w)
    w.resize(1180, 760)
    return w


def _cells(view):
    m = view.model
    return [[m.data(m.index(r, c)) for c in range(m.columnCount())] for r in range(m.rowCount())]


def test_rows_show_before_the_store_and_equal_its_rows(qtbot, data_dir):
    s = _register(data_dir)
    w = _shown(qtbot, data_dir)
    assert w.show_first_rows()
    w.show()
    qtbot.waitExposed(w)
    view = w.register_view
    assert w.store is None and view.table.rowCount() == 5
    assert not view.empty_label.isVisible()
    before = _cells(view)
    assert any("شركة محمد" in str(c) for row in before for c in row)
    destinations = [view.destination_filter.itemData(i) for i in range(view.destination_filter.count())]
    assert destinations == ["", "AE", "CN"]
    # a click selects a row at once; New and Open are there, what needs the register waits for it
    rect = view.table.visualRect(view.model.index(1, 0))
    qtbot.mouseClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    chosen = view.selected()
    assert chosen is not None
    assert view.buttons["resume"].isEnabled() and view.buttons["new"].isEnabled()
    assert not view.buttons["duplicate"].isEnabled()
    # filtering before the store is open filters the quick rows
    view.destination_filter.setCurrentIndex(view.destination_filter.findData("CN"))
    assert view.table.rowCount() == 2
    view.destination_filter.setCurrentIndex(0)
    view.select_id(chosen[0])
    w.open_store()
    qtbot.waitUntil(lambda: w.store is not None, timeout=10000)
    assert w.quick_register is None
    assert _cells(view) == before
    assert view.selected() == chosen  # the row chosen before stays chosen
    assert view.buttons["duplicate"].isEnabled()
    assert [tuple(r) for r in view.model.rows] == s.register.rows(limit=201)
    w.close()


def test_open_before_the_store_is_open_resumes_once_it_is(qtbot, data_dir):
    s = _register(data_dir, 3)
    w = _shown(qtbot, data_dir)
    w.show_first_rows()
    w.show()
    qtbot.waitExposed(w)
    view = w.register_view
    view.table.selectRow(2)  # the oldest: "Deal 0"
    want = view.selected()[0]
    qtbot.mouseClick(view.buttons["resume"], Qt.MouseButton.LeftButton)
    assert w.wizard is None  # nothing opened without the register
    w.open_store()
    qtbot.waitUntil(lambda: w.wizard is not None, timeout=10000)
    assert w.wizard.session.assessment_id == want and s.get(want).title == "Deal 0"
    w.close()


def test_a_damaged_register_shows_no_rows_and_the_same_message(qtbot, data_dir, monkeypatch):
    data_dir.mkdir(parents=True, exist_ok=True)
    (data_dir / "art5.db").write_bytes(b"not a database at all " * 300)
    shown = []
    monkeypatch.setattr(QMessageBox, "critical", lambda *a, **k: shown.append(a[2]))
    w = _shown(qtbot, data_dir)
    assert not w.show_first_rows()
    w.show()
    w.open_store()
    qtbot.waitUntil(lambda: bool(w.store_error), timeout=10000)
    assert w.register_view.table.rowCount() == 0
    assert "damaged or not a database" in w.empty_label.text()
    assert shown and "Nothing was changed" in shown[0] and "damaged or not a database" in shown[0]
    w.close()


def test_when_the_store_cannot_open_the_quick_rows_go(qtbot, data_dir, monkeypatch):
    _register(data_dir, 2)
    shown = []
    monkeypatch.setattr(QMessageBox, "critical", lambda *a, **k: shown.append(a[2]))
    w = _shown(qtbot, data_dir)
    assert w.show_first_rows() and w.register_view.table.rowCount() == 2
    w.show()
    w._store_failed("cannot write the database (attempt to write a readonly database); nothing was changed")
    assert w.register_view.table.rowCount() == 0 and w.quick_register is None
    assert "readonly" in w.empty_label.text() and shown
    w.close()


def test_no_laptop_rows_before_a_team_register_the_settings_open(qtbot, data_dir, monkeypatch):
    """The settings say "work on the team register": the laptop's own register file must not
    show its rows first (a row clicked there would open the team's assessment with that id)."""
    from app.base.settings import Settings

    monkeypatch.delenv("ART5_DATABASE_URL", raising=False)
    _register(data_dir, 3)
    s = Settings.load(data_dir)
    s.team_database_url, s.team_open = "postgresql://olga@team.example/art5?sslmode=verify-full", True
    s.save(data_dir)
    w = _shown(qtbot, data_dir)
    assert not w.show_first_rows()
    assert w.register_view.table.rowCount() == 0 and w.quick_register is None
    w.close()
