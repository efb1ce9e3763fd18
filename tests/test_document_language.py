"""The language of the notification comes from the authority (Belgium by region, Ireland and
Malta English), with English while a language's template does not exist; the channel of each
authority comes from reference data with its source and status."""

from __future__ import annotations

import pytest

from app.base import paths
from app.base.reference import default_set
from app.documents import language


def test_language_follows_the_authority_not_the_program():
    assert language.authority_languages("DE") == ["de"]
    assert language.authority_languages("FR") == ["fr"]
    assert language.authority_languages("IT") == ["it"]
    assert language.authority_languages("IE") == ["en"]
    assert language.authority_languages("MT") == ["en"]
    assert language.authority_languages("BE", "flanders") == ["nl"]
    assert language.authority_languages("BE", "wallonia") == ["fr"]
    assert set(language.authority_languages("BE")) == {"nl", "fr"}
    assert language.authority_languages("SE") == ["sv"]  # from authorities.yaml


def test_english_fallback_says_why_while_a_template_is_missing(monkeypatch):
    monkeypatch.setattr(language, "has_template", lambda lang, kind="notification": lang == "en")
    c = language.choose("DE")
    assert (c.wanted, c.used, c.fallback) == ("de", "en", True)
    assert "no notification template" in c.reason and "translation" in c.reason
    c = language.choose("IE")
    assert (c.wanted, c.used, c.fallback) == ("en", "en", False)
    assert "Region" in language.choose("BE").reason


def test_a_template_file_is_all_a_language_needs(tmp_path, monkeypatch):
    folder = tmp_path / "templates"
    folder.mkdir()
    (folder / "notification.de.txt.j2").write_text("Meldung", encoding="utf-8")
    monkeypatch.setattr(paths, "templates_dir", lambda: folder)
    c = language.choose("DE")
    assert (c.used, c.fallback) == ("de", False)


def test_channels_per_authority_with_source_and_status():
    assert "ELAN-K2" in language.channel_for("DE").text
    assert "ELAN-K2" in language.channel_for("DE", "de").text and "Meldung" in language.channel_for("DE", "de").text
    assert "EGIDE" in language.channel_for("FR").text
    assert "PEC" in language.channel_for("IT").text
    unknown = language.channel_for("LV")
    assert unknown.status == "to_verify" and "not in the reference data" in unknown.text
    for item in default_set().get("authority_channels").items:
        assert item["status"] in ("verified", "to_verify"), item["value"]
        assert item["source"]["title"], item["value"]
        assert item["channel"]["en"], item["value"]
