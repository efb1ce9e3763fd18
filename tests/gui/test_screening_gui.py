"""Screening in the wizard: hits beside the parties, the review dialog, destination measures,
and the lists window."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QLabel, QPushButton

from test_gui_art5 import answer, click
from tests.test_screening_assessment import NOTIFY_ANSWERS
from test_gui_wizard import _type
from ui.main_window import MainWindow

FIX = Path(__file__).resolve().parent.parent / "fixtures" / "screening"


@pytest.fixture(autouse=True)
def eu_list(data_dir):
    """The EU test list imported before the window opens (the window fixture: tests/gui/conftest.py)."""
    from ui.wizard.screening import forget_services, screening_service

    screening_service(data_dir).import_list(FIX / "eu_list.xml")
    yield
    forget_services()


def _wizard_on(qtbot, window, page_id, prefill=True):
    wiz = window.new_assessment("art5")
    qtbot.waitUntil(lambda: wiz.session is not None, timeout=10000)
    for qid, value in (NOTIFY_ANSWERS if prefill else {}).items():  # the decisive answers, so that an outcome is reached
        wiz.session.answer(qid, value)
    wiz.show_page(page_id)
    return wiz


def test_party_hit_reviewed_in_the_dialog(qtbot, window, data_dir):
    wiz = _wizard_on(qtbot, window, "parties")
    answer(qtbot, wiz.widgets["parties.list"], [{"name": "Petrov Ivan", "role": "end_user", "country": "RU"}])
    panel = wiz.screening_panel
    qtbot.waitUntil(lambda: len(panel.review_buttons) == 1, timeout=5000)
    labels = " ".join(l.text() for l in panel.findChildren(QLabel))
    assert "Ivan Sergeyevich PETROV" in labels and "to review" in labels
    assert wiz.result().outcome == "SCREENING_REVIEW"

    click(qtbot, panel.review_buttons[0])
    dialog = panel.dialog
    qtbot.waitUntil(dialog.isVisible)
    assert "EU.9001.11" in dialog.findChild(QLabel, "hitDetails").text()
    click(qtbot, dialog.clear_button)               # no reason given: refused, said so
    assert dialog.isVisible() and "reason" in dialog.error.text()
    click(qtbot, dialog.scope_party)
    dialog.reason.setFocus()
    qtbot.keyClicks(dialog.reason, "Born 1990 in Omsk; the listing gives 1965 in Tula")
    with qtbot.waitSignal(panel.changed):
        click(qtbot, dialog.clear_button)
    assert not dialog.isVisible()
    labels = " ".join(l.text() for l in panel.findChildren(QLabel))
    assert "cleared" in labels
    assert wiz.result().outcome != "SCREENING_REVIEW"
    from ui.wizard.screening import screening_service

    d = screening_service(data_dir).db.decisions()[0]
    assert (d["decision"], d["scope"], d["list_generation_date"]) == ("cleared", "party", "2026-11-02")
    events = [e.kind for e in window.store.audit.events(wiz.session.assessment_id)]
    assert "screening_review" in events


def test_confirm_makes_the_outcome_prohibited(qtbot, window):
    wiz = _wizard_on(qtbot, window, "parties")
    answer(qtbot, wiz.widgets["parties.list"], [{"name": "Волгатрон", "role": "consignee", "country": "RU"}])
    panel = wiz.screening_panel
    qtbot.waitUntil(lambda: len(panel.review_buttons) == 1, timeout=5000)
    click(qtbot, panel.review_buttons[0])
    dialog = panel.dialog
    with qtbot.waitSignal(panel.changed):
        click(qtbot, dialog.confirm_button)
    r = wiz.result()
    assert r.outcome == "PROHIBITED" and "RUS" in r.citations[0]["citation"]


def test_destination_shows_its_measures_at_once(qtbot, window):
    wiz = _wizard_on(qtbot, window, "destination", prefill=False)
    assert not wiz.destination_box.isVisible()
    answer(qtbot, wiz.widgets["export.destination_country"], "IR")
    box = wiz.destination_box
    qtbot.waitUntil(box.isVisible)
    assert "Monitoring and interception equipment under prior authorisation" in box.text()
    assert "359/2011" in box.text() and "not yet checked against the Official Journal" in box.text()  # issue 13 wording


def test_lists_window_warns_about_an_old_list_and_imports(qtbot, window, data_dir, tmp_path):
    from ui.wizard.screening import ListsDialog

    old = tmp_path / "old.xml"
    old.write_text((FIX / "eu_list.xml").read_text(encoding="utf-8").replace(
        'generationDate="2026-11-02T17:39:47.417+01:00"', 'generationDate="2020-01-01"'), encoding="utf-8")
    dlg = ListsDialog(data_dir, window.store, window)
    qtbot.addWidget(dlg)
    dlg.show()
    with qtbot.waitSignal(dlg.imported, timeout=10000):
        dlg.import_file(old)
    assert dlg.table.item(0, 1).text() == "2020-01-01" and dlg.table.item(0, 4).text() == "in use"
    assert dlg.warning.isVisible() and "Older than 30 days" in dlg.warning.text()
    bad = tmp_path / "bad.xml"
    bad.write_text('<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]><export/>', encoding="utf-8")
    dlg.import_file(bad)
    qtbot.waitUntil(lambda: dlg.import_button.isEnabled(), timeout=10000)
    assert "still in use" in dlg.status.text()
    dlg.close()
