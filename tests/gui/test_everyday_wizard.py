"""What a user notices day to day: multi-line text saved while typing, the Member State taken
from the company profile, readable colours, and a window that fits a small screen."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtWidgets import QScrollArea

from test_gui_art5 import click
from test_gui_wizard import _type

UI = Path(__file__).resolve().parents[2] / "ui"


def test_multi_line_text_is_saved_while_typing(qtbot, window):
    wizard = window.new_assessment("art5")
    qtbot.waitUntil(lambda: wizard.session is not None, timeout=10000)
    wizard.show_page("item_identity")
    edit = wizard.widgets["item.description"].edit
    from PySide6.QtWidgets import QApplication

    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    edit.setFocus()
    qtbot.keyClicks(edit, "Deep packet inspection appliance")
    aid = wizard.session.assessment_id
    # still in the field: saved after the typing pause, without leaving it (a crash loses nothing)
    qtbot.waitUntil(lambda: window.store.answers(aid).get("item.description") == "Deep packet inspection appliance",
                    timeout=3000)
    assert QApplication.focusWidget() is edit


def test_member_state_comes_from_the_profile_and_can_be_changed(qtbot, window):
    p = window.store.profile()
    window.store.save_profile(**{**{k: getattr(p, k) for k in ("name", "address", "eori", "contact_name",
                                                                 "contact_email")}, "member_state": "AT"})
    wizard = window.new_assessment("art5")
    qtbot.waitUntil(lambda: wizard.session is not None, timeout=10000)
    aid = wizard.session.assessment_id
    assert window.store.answers(aid)["export.member_state"] == "AT"
    combo = wizard.widgets["export.member_state"].combo
    assert combo.code() == "AT"
    combo.lineEdit().selectAll()
    _type(qtbot, combo.lineEdit(), "DE")
    assert window.store.answers(aid)["export.member_state"] == "DE"
    assert window.store.profile().member_state == "AT"  # per assessment; the profile stays


def _luminance(hex_colour: str) -> float:
    def channel(c: int) -> float:
        c = c / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
    r, g, b = (int(hex_colour[i:i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def _contrast(a: str, b: str) -> float:
    la, lb = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def test_text_colours_of_the_stylesheets_reach_4_5_to_1():
    """Every text colour in ui/ against white and against every background colour used with
    text (WCAG AA for normal text)."""
    source = "\n".join(p.read_text(encoding="utf-8") for p in UI.rglob("*.py"))
    colours = set(re.findall(r"(?<![-\w])color:\s*(#[0-9a-fA-F]{6})", source))
    backgrounds = set(re.findall(r"background(?:-color)?:\s*(#[0-9a-fA-F]{6})", source)) | {"#ffffff"}
    assert colours
    weak = [(c, bg, round(_contrast(c, bg), 2)) for c in colours for bg in backgrounds if _contrast(c, bg) < 4.5]
    assert not weak, weak


def test_window_fits_a_1024x700_screen_without_horizontal_scrolling(qtbot, make_window, data_dir):
    window = make_window(data_dir, size=(1024 - 16, 700 - 40))
    wizard = window.new_assessment("art5")
    qtbot.waitUntil(lambda: wizard.session is not None, timeout=10000)
    for page in wizard.qn.pages:
        wizard.show_page(page.id)
        for q in page.questions:
            wizard.widgets[q.id].setVisible(True)
        qtbot.wait(1)
        bar = wizard.scroll.horizontalScrollBar()
        assert not bar.isVisible() and wizard.stack.width() <= wizard.scroll.viewport().width() + 1, page.id
        nested = [s for s in wizard.stack.currentWidget().findChildren(QScrollArea)]
        assert not nested, (page.id, nested)
    wizard.show_page("__outcome__")
    qtbot.wait(1)
    right = wizard.next_button.mapTo(window, wizard.next_button.rect().topRight()).x()
    assert right <= window.width() and wizard.finish_button.mapTo(window, wizard.finish_button.rect().topRight()).x() \
        <= window.width()
    click(qtbot, wizard.back_button)
    assert wizard.current == "__summary__"
