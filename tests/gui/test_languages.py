"""The program in German, French and Italian: every string of ui/ translated, the language
switched live from the settings, countries and Qt's own texts in the language, and a
pseudo-locale run (accented, 40% longer) without cut-off text."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QAbstractButton, QApplication, QDialogButtonBox, QLabel

from ui import i18n

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "installer"))
import translations  # noqa: E402  (installer/translations.py)


@pytest.fixture(scope="module", autouse=True)
def built_translations():
    """The .qm files the program loads, built from the .ts sources (as bootstrap and build do)."""
    translations.build()


@pytest.mark.parametrize("locale", translations.LOCALES)
def test_no_untranslated_string_in_ui(locale):
    missing = translations.untranslated(translations.TS_DIR / f"art5_{locale}.ts")
    assert not missing, f"{len(missing)} untranslated in {locale}: {missing[:20]}"


def test_the_ts_files_hold_every_tr_string_of_ui(tmp_path):
    """A tr() text added to ui/ without running `installer/translations.py update` fails here."""
    import subprocess
    import xml.etree.ElementTree as ET

    probe = tmp_path / "probe.ts"
    subprocess.run([translations._tool("pyside6-lupdate"), *translations.ui_sources(), "-no-obsolete",
                    "-ts", str(probe)], cwd=ROOT, check=True, capture_output=True)
    translations.merge_alias_contexts(probe)

    def texts(path):
        return {(c.findtext("name"), m.findtext("source")) for c in ET.parse(path).getroot().iter("context")
                for m in c.iter("message")}

    absent = texts(probe) - texts(translations.TS_DIR / "art5_de.ts")
    assert not absent, sorted(absent)[:20]


def test_language_switch_from_the_settings_is_live(qtbot, window):
    from PySide6.QtWidgets import QApplication

    wizard = window.new_assessment("art5")
    qtbot.waitUntil(lambda: wizard.session is not None, timeout=10000)
    wizard.on_edited("export.member_state", "DE")
    page = wizard.current
    window.show_settings()
    dlg = window.settings_dialog
    qtbot.waitUntil(dlg.isVisible)
    dlg.language.setCurrentIndex(dlg.language.findData("de"))
    dlg.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    qtbot.waitUntil(lambda: window.wizard is not wizard and window.wizard is not None, timeout=5000)
    w2 = window.wizard
    assert w2.current == page and w2.session is wizard.session
    assert w2.next_button.text().replace("&", "") == "Weiter"
    assert w2.back_button.text().replace("&", "") == "Zurück"
    assert w2.flow.answers["export.member_state"] == "DE"
    assert "Deutschland" in w2.widgets["export.member_state"].combo.currentText()
    assert window.menuBar().actions()[0].text().replace("&", "") == "Datei"
    assert window.register_page.buttons["new"].text().replace("&", "") == "Neue Prüfung"
    # Qt's own texts (qtbase) in German too
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    assert box.button(QDialogButtonBox.StandardButton.Cancel).text().replace("&", "") == "Abbrechen"
    from app.base.settings import Settings

    assert Settings.load(window.data_dir).locale == "de"
    window.set_language("en")
    qtbot.waitUntil(lambda: window.wizard.next_button.text().replace("&", "") == "Next", timeout=5000)
    QApplication.processEvents()


def _cut_off(root) -> list[str]:
    """Labels and buttons whose text does not fit: a single-line label or button narrower than
    its text, or a word-wrapped label shorter than its text needs at its width."""
    out = []
    for w in root.findChildren(QLabel) + root.findChildren(QAbstractButton):
        if not w.isVisible() or not w.text() or not w.width():
            continue
        if isinstance(w, QLabel) and w.wordWrap():
            need = w.heightForWidth(w.width())
            if need > w.height() + 2:
                out.append(f"{type(w).__name__} {w.text()[:40]!r}: {w.height()}px high, needs {need}")
        elif w.width() + 2 < w.minimumSizeHint().width():
            out.append(f"{type(w).__name__} {w.text()[:40]!r}: {w.width()}px wide, needs {w.minimumSizeHint().width()}")
    return out


@pytest.mark.parametrize("size", [(1024, 700), (1366, 768)])
def test_pseudo_locale_shows_no_cut_off_text(qtbot, make_window, data_dir, size):
    i18n.set_language(i18n.PSEUDO)
    window = make_window(data_dir, size=size)
    assert "~" in window.register_page.buttons["new"].text()  # the pseudo-locale is in effect
    problems = {"register": _cut_off(window)}
    wizard = window.new_assessment("art5")
    qtbot.waitUntil(lambda: wizard.session is not None, timeout=10000)
    for page in wizard.qn.pages[:12]:
        wizard.show_page(page.id)
        QApplication.processEvents()
        problems[page.id] = _cut_off(window)
    problems = {k: v for k, v in problems.items() if v}
    assert not problems, problems
    assert window.width() <= size[0] and window.wizard.next_button.isVisible()
    # nothing runs off the right edge: Next is inside the window
    right = window.wizard.next_button.mapTo(window, window.wizard.next_button.rect().topRight()).x()
    assert right <= window.width()


def test_country_names_follow_the_language():
    from app.base import countries

    assert countries.name("DE", "de") == "Deutschland"
    assert countries.name("DE", "fr") == "Allemagne"
    assert countries.name("DE", "it") == "Germania"
    assert countries.name("BR", "en") == "Brazil"


@pytest.mark.parametrize("locale", ("en",) + translations.LOCALES)
def test_next_keeps_one_mnemonic_in_every_language(locale):
    """The Next button's texts each contain the letter of "&Next"'s mnemonic in the language,
    so the key is marked inside the word and never changes between pages."""
    from PySide6.QtCore import QCoreApplication

    from ui.wizard.view import mnemonic_of, with_mnemonic

    i18n.set_language(locale)
    tr = lambda text: QCoreApplication.translate("WizardView", text)  # noqa: E731
    key = mnemonic_of(tr("&Next"))
    assert key
    for text in ("Check your answers", "Return to the summary", "Continue to the outcome"):
        label = with_mnemonic(tr(text), key)
        assert mnemonic_of(label).casefold() == key.casefold() and "(&" not in label, (locale, label)


@pytest.mark.parametrize("locale", ("en",) + translations.LOCALES)
def test_no_mnemonic_twice_on_a_wizard_page(qtbot, make_window, data_dir, locale):
    """Alt+letter must reach one thing: the menus' and the shown buttons' mnemonics differ, on
    a question page and on the outcome page, in every language."""
    from ui.wizard.view import OUTCOME, mnemonic_of

    i18n.set_language(locale)
    window = make_window(data_dir)
    wizard = window.new_assessment("art5")
    qtbot.waitUntil(lambda: wizard.session is not None, timeout=10000)
    for page in ("exporter", OUTCOME):
        wizard.show_page(page)
        QApplication.processEvents()
        keys = [mnemonic_of(a.text()).casefold() for a in window.menuBar().actions()]
        keys += [mnemonic_of(b.text()).casefold() for b in window.findChildren(QAbstractButton)
                 if b.isVisible() and b.isEnabled() and mnemonic_of(b.text())]
        if page == OUTCOME:  # the wizard leaves a disabled Next's key to the page
            keys = [k for k in keys if k != mnemonic_of(wizard.next_label).casefold()]
        doubled = sorted({k for k in keys if keys.count(k) > 1})
        assert not doubled, (locale, page, doubled)


@pytest.mark.parametrize("locale,sep", [("en", "/"), ("de", "."), ("fr", "/"), ("it", "/")])
def test_register_dates_are_written_as_the_language_writes_them(qtbot, make_window, data_dir, locale, sep):
    """Day first with a four-digit year in all four (English as written in the EU)."""
    from app.storage.store import Store

    s = Store.open(data_dir)
    s.create_assessment("art5", "1.0.0", title="Deal")
    s.close()
    i18n.set_language(locale)
    window = make_window(data_dir)
    model = window.register_view.model
    y, m, d = model.rows[0][8][:10].split("-")  # created_at, ISO in the register
    assert model.data(model.index(0, 7)) == sep.join((d, m, y))


def test_questionnaire_texts_follow_the_language_with_english_fallback(qtbot, tmp_path, data_dir):
    """Data texts are per-locale maps: the wizard shows the language's text where the
    questionnaire has one, and English where it has not."""
    from ui.main_window import MainWindow

    qdir = tmp_path / "qs"
    qdir.mkdir()
    src = (Path(__file__).resolve().parents[1] / "fixtures" / "demo.yaml").read_text(encoding="utf-8")
    src = src.replace('title: {en: "Basics"}', 'title: {en: "Basics", de: "Grunddaten"}', 1)
    src = src.replace('label: {en: "Where is your company established?"}',
                      'label: {en: "Where is your company established?", de: "Wo ist Ihr Unternehmen niedergelassen?"}', 1)
    (qdir / "demo.yaml").write_text(src, encoding="utf-8")
    i18n.set_language("de")
    w = MainWindow(data_dir, locale="de", questionnaires_dir=qdir)
    qtbot.addWidget(w)
    wizard = w.new_assessment("demo")
    assert wizard.page_title.text() == "Grunddaten"
    assert wizard.widgets["basics.member_state"].label.text() == "Wo ist Ihr Unternehmen niedergelassen?"
    assert wizard.widgets["basics.destination"].label.text() == "Where is the item going?"  # no German: English
    assert wizard.next_button.text().replace("&", "") == "Weiter"
    w.close()


@pytest.mark.parametrize("locale,typed,stored", [("de", "1.000", 1000), ("de", "12", 12), ("en", "1,000", 1000),
                                                 ("fr", "1 000", 1000)])
def test_numbers_are_read_as_the_language_writes_them(qtbot, tmp_path, data_dir, demo_dir, locale, typed, stored):
    from ui.main_window import MainWindow

    from test_gui_wizard import _type

    i18n.set_language(locale)
    w = MainWindow(data_dir, locale=locale, questionnaires_dir=demo_dir)
    qtbot.addWidget(w)
    w.show()
    w.open_store()
    qtbot.waitUntil(lambda: w.store is not None, timeout=10000)
    wizard = w.new_assessment("demo")
    qtbot.waitUntil(lambda: wizard.session is not None, timeout=10000)
    wizard.show_page("deal")
    w.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is w)
    _type(qtbot, wizard.widgets["deal.quantity"].edit, typed)
    assert w.store.answers(wizard.session.assessment_id)["deal.quantity"] == stored
    w.close()


def test_pseudo_locale_dialogs_show_no_cut_off_text(qtbot, make_window, data_dir):
    i18n.set_language(i18n.PSEUDO)
    window = make_window(data_dir, size=(1008, 660))
    window.show_settings()
    window.edit_profile()
    window.register.open_quick_check()
    problems = {}
    for d in (window.settings_dialog, window.profile_dialog, window.register.quick_check_dialog):
        qtbot.waitUntil(d.isVisible)
        QApplication.processEvents()
        found = _cut_off(d)
        if found:
            problems[d.objectName()] = found
        assert d.width() <= 1024 and d.height() <= 700, (d.objectName(), d.size())
        d.reject()
    assert not problems, problems
