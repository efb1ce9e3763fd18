"""Everyday comfort: redacted logs, the crash dialog, typed settings, the first-run setup."""

from __future__ import annotations

import logging
import threading

import pytest

from app.base import logs
from app.base.settings import Settings


def test_log_never_contains_answers(tmp_path):
    path = logs.setup(tmp_path / "logs")
    logs.event("answer_saved", question_id="parties.list", value="Rosoboronexport", customer="ACME")
    try:
        raise ValueError("customer 'Secret Buyer LLC' rejected")
    except ValueError as exc:
        logs.crash(type(exc), exc, exc.__traceback__)
    for h in logging.getLogger(logs.LOGGER).handlers:
        h.flush()
    text = path.read_text(encoding="utf-8")
    assert "parties.list" in text and "<redacted>" in text
    assert "Rosoboronexport" not in text and "ACME" not in text and "Secret Buyer" not in text
    assert "ValueError" in text  # the type and the frames are logged, for support
    assert oct(path.stat().st_mode & 0o777) == "0o600"


def test_unwritable_log_folder_leaves_logging_off(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    assert logs.setup(blocker / "logs") is None


def test_settings_round_trip_and_bad_file(tmp_path):
    s = Settings.load(tmp_path)
    assert s.first_run_done is False and s.list_stale_days == 30
    s.first_run_done = True
    s.list_stale_days = 10
    s.save(tmp_path)
    again = Settings.load(tmp_path)
    assert again.first_run_done and again.list_stale_days == 10
    (tmp_path / "settings.json").write_text('{"list_stale_days": "ten", "first_run_done": true', encoding="utf-8")
    assert Settings.load(tmp_path) == Settings()  # unreadable: defaults, never a crash
    (tmp_path / "settings.json").write_text('{"list_stale_days": "ten"}', encoding="utf-8")
    assert Settings.load(tmp_path).list_stale_days == 30  # wrong type: the default


def test_crash_in_a_worker_thread_shows_the_dialog_with_details(qtbot, tmp_path):
    from ui.crash import CrashDialog, CrashReporter

    logs.setup(tmp_path / "logs")
    reporter = CrashReporter(tmp_path / "logs")
    try:
        t = threading.Thread(target=lambda: 1 / 0, name="worker-x")
        t.start()
        t.join()
        qtbot.waitUntil(lambda: bool(reporter.shown), timeout=3000)
        assert "ZeroDivisionError" in reporter.shown[0]
        dialogs = [w for w in qtbot_top_levels() if isinstance(w, CrashDialog)]
        assert dialogs and "ZeroDivisionError" in dialogs[0].details.toPlainText()
        for d in dialogs:
            d.close()
            d.deleteLater()
    finally:
        reporter.uninstall()


def qtbot_top_levels():
    from PySide6.QtWidgets import QApplication

    return QApplication.topLevelWidgets()


def test_first_run_asks_for_the_profile_once(qtbot, data_dir):
    from PySide6.QtCore import Qt

    from ui.dialogs.first_run import ProfileDialog, maybe_first_run
    from ui.main_window import MainWindow

    w = MainWindow(data_dir)
    qtbot.addWidget(w)
    w.show()
    w.activateWindow()
    w.open_store()
    qtbot.waitUntil(lambda: w.store is not None, timeout=10000)
    maybe_first_run(w)
    dlg = w.first_run_dialog
    assert isinstance(dlg, ProfileDialog) and dlg.isVisible()
    assert str(data_dir) in dlg.findChild(type(dlg.error), "whereData").text()
    dlg.activateWindow()
    qtbot.waitUntil(lambda: dlg.isActiveWindow(), timeout=3000)
    dlg.save()  # nothing entered: an inline message, not saved
    assert dlg.error.isVisible() and "company name" in dlg.error.text()
    dlg.name.setFocus()
    qtbot.keyClicks(dlg.name, "Acme Sicherheit GmbH")
    qtbot.keyClicks(dlg.eori, "de 1234")
    dlg.member_state.lineEdit().setFocus()
    qtbot.keyClicks(dlg.member_state.lineEdit(), "Austria")
    qtbot.keyClick(dlg.member_state.lineEdit(), Qt.Key.Key_Return)
    dlg.save()
    assert not dlg.isVisible()
    p = w.store.profile()
    assert (p.name, p.eori, p.member_state) == ("Acme Sicherheit GmbH", "DE1234", "AT")
    assert Settings.load(data_dir).first_run_done
    maybe_first_run(w)  # once only
    assert w.first_run_dialog is dlg
    w.close()


def test_about_lists_every_data_set_and_flags_old_ones(qtbot, data_dir):
    import datetime

    from app.assessment import about
    from ui.dialogs.about import AboutDialog

    versions = about.data_versions(today=datetime.date(2040, 1, 1))
    kinds = {(v.kind, v.id) for v in versions}
    assert ("questionnaire", "art5") in kinds and ("reference data", "annex_i_entries") in kinds
    assert all(v.stale for v in versions if v.kind == "reference data")  # 2040: all old
    assert not any(v.stale for v in about.data_versions(today=datetime.date(2026, 12, 1)) if v.date >= "2025-12-01")
    dlg = AboutDialog(data_dir)
    qtbot.addWidget(dlg)
    text = dlg.text.toPlainText()
    assert "annex_i_entries" in text and "art5" in text and str(data_dir) in text


def test_first_run_offers_the_signing_identity(qtbot, data_dir):
    from PySide6.QtCore import Qt

    from app.signing import sign as signing
    from ui.dialogs.first_run import ProfileDialog
    from ui.main_window import MainWindow

    w = MainWindow(data_dir)
    qtbot.addWidget(w)
    w.open_store()
    qtbot.waitUntil(lambda: w.store is not None, timeout=10000)
    dlg = ProfileDialog(w.store, data_dir, first_run=True, parent=w)
    qtbot.addWidget(dlg)
    dlg.show()
    assert "Create a signing identity now" in dlg.identity_status.text()
    qtbot.keyClicks(dlg.name, "Acme Sicherheit GmbH")
    qtbot.keyClicks(dlg.contact_name, "Erika Muster")
    qtbot.mouseClick(dlg.identity_button, Qt.MouseButton.LeftButton)
    ident = dlg.identity_dialog
    qtbot.waitUntil(ident.isVisible)
    # what the user typed in the profile is already there
    assert (ident.org.text(), ident.name.text()) == ("Acme Sicherheit GmbH", "Erika Muster")
    qtbot.keyClicks(ident.email, "erika@example.com")
    qtbot.keyClicks(ident.country, "DE")
    qtbot.keyClicks(ident.pw1, "correct horse 1")
    qtbot.keyClicks(ident.pw2, "correct horse 1")
    qtbot.mouseClick(ident.create_button, Qt.MouseButton.LeftButton)
    assert "Identity created" in ident.message.text()
    ident.accept()
    info = signing.show_identity(data_dir)
    assert info is not None and info.organisation == "Acme Sicherheit GmbH"
    assert "Erika Muster" in dlg.identity_status.text() and info.fingerprint[:16] in dlg.identity_status.text()
    # the offer is part of the first run only
    later = ProfileDialog(w.store, data_dir, first_run=False, parent=w)
    qtbot.addWidget(later)
    assert later.findChild(type(dlg.identity_button), "firstRunIdentity") is None
    w.close()
