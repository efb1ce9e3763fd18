"""The settings screen chooses the team register: its address (never with a password, which
comes from the environment, a password file or the keyring) and whether the program works on it;
the next start opens it, and Sync offers it."""

from __future__ import annotations

import json

import pytest

pytest.importorskip("PySide6")


def _settings(qtbot, window):
    window.show_settings()
    dlg = window.settings_dialog
    qtbot.waitUntil(dlg.isVisible)
    return dlg


def _save(dlg):
    from ui.qt import QDialogButtonBox

    dlg.buttons.button(QDialogButtonBox.StandardButton.Save).click()


def test_a_team_address_with_a_password_is_refused_and_nothing_is_saved(qtbot, window, monkeypatch):
    monkeypatch.delenv("ART5_DATABASE_URL", raising=False)
    dlg = _settings(qtbot, window)
    dlg.team_url.setFocus()
    qtbot.keyClicks(dlg.team_url, "postgresql://olga:Geheim42@db.example.de/art5")
    _save(dlg)
    assert dlg.isVisible() and not dlg.error.isHidden()
    assert "password in the URL is refused" in dlg.error.text() and "Geheim42" not in dlg.error.text()
    assert not (window.data_dir / "settings.json").exists() or \
        "Geheim42" not in (window.data_dir / "settings.json").read_text(encoding="utf-8")
    # working on the team register needs its address
    dlg.team_url.clear()
    dlg.team_open.setChecked(True)
    _save(dlg)
    assert dlg.isVisible() and "address" in dlg.error.text()
    dlg.reject()


def test_the_team_register_chosen_in_the_settings_opens_at_the_next_start(qtbot, window, make_window,
                                                                          pg_database, monkeypatch, tmp_path):
    from app.base.settings import Settings
    from app.storage.store import Store
    from tests.helpers import pg

    monkeypatch.delenv("ART5_DATABASE_URL", raising=False)
    name, _admin = pg_database
    url = pg.with_database(pg.admin_url(), name)
    dlg = _settings(qtbot, window)
    assert dlg.team_url.text() == "" and not dlg.team_open.isChecked()
    qtbot.keyClicks(dlg.team_url, url + "?sslmode=disable")
    dlg.team_open.setChecked(True)
    _save(dlg)
    qtbot.waitUntil(lambda: not dlg.isVisible())
    saved = Settings.load(window.data_dir)
    assert (saved.team_database_url, saved.team_open) == (url + "?sslmode=disable", True)
    raw = json.loads((window.data_dir / "settings.json").read_text(encoding="utf-8"))
    assert raw["team_database_url"] == url + "?sslmode=disable"
    # a second window on this data folder works on the team register
    team = Store.open_url(url)
    a = team.create_assessment("art5", "1.0.0", title="Seen by the whole team")
    team.close()
    again = make_window(window.data_dir)
    assert again.store.is_team and again.store.get(a.id).title == "Seen by the whole team"
    # the settings show it again; the sync dialog of a laptop offers it
    dlg2 = _settings(qtbot, again)
    assert dlg2.team_url.text() == url + "?sslmode=disable" and dlg2.team_open.isChecked()
    dlg2.reject()


def test_the_sync_dialog_offers_the_team_register_from_the_settings(qtbot, window, monkeypatch):
    from app.base.settings import Settings
    from ui.dialogs.team import TeamOverviewDialog

    s = Settings.load(window.data_dir)
    s.team_database_url = "postgresql://alice@db.example.de/art5?sslmode=verify-full"
    s.save(window.data_dir)
    dlg = TeamOverviewDialog(window.store)
    qtbot.addWidget(dlg)
    assert dlg.url.text() == "postgresql://alice@db.example.de/art5?sslmode=verify-full"
    assert "trusted signers" in dlg.who.text()


def test_a_hand_edited_settings_file_with_a_password_in_the_address_is_ignored(tmp_path):
    from app.base.settings import Settings

    (tmp_path / "settings.json").write_text(json.dumps(
        {"team_database_url": "postgresql://olga:pw@db/art5", "team_open": True}), encoding="utf-8")
    s = Settings.load(tmp_path)
    assert (s.team_database_url, s.team_open) == ("", False)
