"""The wizard on art5 1.1.0 in German (issue 16): questions, options and help in the German of
the Official Journal, and on a 1024x700 screen no question label, option or button cut off, in
German, French, Italian and the pseudo-locale (accented, 40% longer)."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel

from ui import i18n

from test_languages import _cut_off

# answers that open most branches of 1.1.0: Russia (regime and bans), every list membership and
# definition element unsure (both readings asked), due diligence decides
OPENING_ANSWERS = {
    "export.member_state": "DE",
    "export.destination_country": "RU",
    "item.annex_i_listed": "unsure",
    "item.military_listed": "unsure",
    "item.national_list": "unsure",
    "destination.regime_item": "unsure",
    "destination.sectoral_ban": "unsure",
    "item.commercial_purpose_only": "none",
    "item.specially_designed": "unsure",
    "item.covert": "unsure",
    "item.natural_persons": "unsure",
    "item.ict_source": "unsure",
    "item.data_operations": ["monitoring"],
    "enduse.aware": "no",
    "enduse.grounds_to_suspect": "yes",
}


def _open_wizard(qtbot, make_window, data_dir, locale, size):
    i18n.set_language(locale)
    window = make_window(data_dir, size=size)
    window.set_language(locale)  # as main.py starts it: MainWindow(data_dir, locale)
    qtbot.wait(50)  # the language change's deferred rebuild runs before the wizard opens
    wizard = window.new_assessment("art5")
    qtbot.waitUntil(lambda: wizard.session is not None, timeout=10000)
    assert wizard.qn.version == "1.1.0"
    return window, wizard


def test_question_options_and_help_are_german(qtbot, make_window, data_dir):
    window, wizard = _open_wizard(qtbot, make_window, data_dir, "de", (1366, 768))
    wizard.show_page("annex_i")
    QApplication.processEvents()
    assert wizard.page_title.text() == "Ist das Gut in Anhang I gelistet?"
    w = wizard.widgets["item.annex_i_listed"]
    assert w.label.text() == "Ist das Gut in Anhang I der Dual-Use-Verordnung gelistet?"
    help_text = wizard.help.toPlainText()
    assert "In Anhang I gelistete Güter brauchen immer eine Ausfuhrgenehmigung" in help_text
    assert "Der Ausführer trägt das Einstufungsrisiko" in help_text
    assert "Items listed in Annex I" not in help_text
    # the options the question takes from reference data are German too
    wizard.show_page("vigilance")
    QApplication.processEvents()
    vigilance = wizard.widgets["item.vigilance_categories"]
    options = [lbl.text() for lbl in vigilance.findChildren(QLabel) if lbl is not vigilance.label]
    assert "Gesichts- oder Emotionserkennung" in options and "Standortverfolgung" in options
    assert not any("recognition" in o for o in options)
    tips = [b.toolTip() for b in vigilance.findChildren(QAbstractButton) if b.toolTip()]
    assert any("Gegenbeispiel" in t for t in tips) and not any("Counter-example" in t for t in tips)
    # the definition page uses the Regulation's German terms
    wizard.show_page("annex_i")
    wizard.on_edited("item.annex_i_listed", "no")
    wizard.show_page("def_commercial")
    wizard.on_edited("item.commercial_purpose_only", "none")
    wizard.show_page("def_specially_designed")
    wizard.on_edited("item.specially_designed", "yes")
    wizard.show_page("def_covert")
    QApplication.processEvents()
    assert wizard.widgets["item.covert"].isVisible()
    assert "verdeckte Überwachung" in wizard.widgets["item.covert"].label.text()
    assert "verdeckte Überwachung" in wizard.help.toPlainText()


@pytest.mark.parametrize("locale", ["de", "fr", "it", i18n.PSEUDO])
def test_no_question_label_cut_off_at_1024x700(qtbot, make_window, data_dir, locale):
    window, wizard = _open_wizard(qtbot, make_window, data_dir, locale, (1024, 700))
    problems, labels_checked = {}, 0
    for page in wizard.qn.pages:
        wizard.show_page(page.id)
        for q in page.questions:  # widgets are built when their page is first shown
            if q.id in OPENING_ANSWERS:
                wizard.on_edited(q.id, OPENING_ANSWERS[q.id])
        QApplication.processEvents()
        try:  # the layout settles within a few event-loop turns (a wrapped label grows then)
            qtbot.waitUntil(lambda: not _cut_off(window), timeout=1000)
        except AssertionError:
            problems[page.id] = _cut_off(window)
        labels_checked += sum(1 for lbl in window.findChildren(QLabel, "questionLabel") if lbl.isVisible())
    assert not problems, problems
    assert labels_checked >= 25  # the walk saw the questions, it did not pass on empty pages
    assert window.width() <= 1024
    # no horizontal scrollbar on the question pages
    assert not wizard.scroll.horizontalScrollBar().isVisible()
