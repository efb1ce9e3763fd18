"""The GUI tests' shared set-up. The ``window`` and ``make_window`` fixtures live in
tests/conftest.py, because the reliability suite drives the window too."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def _english_ui():
    """Every GUI test starts in English (a test that switches language switches back)."""
    from ui import i18n

    i18n.set_language("en")
    yield
    if i18n.current() != "en":
        i18n.set_language("en")
