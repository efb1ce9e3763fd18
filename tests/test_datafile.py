"""The parsed-data cache: same data as YAML, never stale, never trusted over the file."""

import json

from app.base import datafile


def test_cache_returns_what_yaml_parsed_and_is_content_addressed(tmp_path, monkeypatch):
    monkeypatch.setenv("ART5_CACHE_DIR", str(tmp_path / "cache"))
    blob = b"id: x\nitems: [{value: 1}, {value: two}]\nflag: true\n"
    first, digest = datafile.parse_yaml_bytes(blob)
    assert (tmp_path / "cache" / f"yaml-v1-{digest}.json").exists()
    second, _ = datafile.parse_yaml_bytes(blob)
    assert first == second == {"id": "x", "items": [{"value": 1}, {"value": "two"}], "flag": True}
    changed, digest2 = datafile.parse_yaml_bytes(blob.replace(b"two", b"three"))
    assert digest2 != digest and changed["items"][1]["value"] == "three"


def test_yaml_only_types_are_not_cached(tmp_path, monkeypatch):
    monkeypatch.setenv("ART5_CACHE_DIR", str(tmp_path / "cache"))
    data, _ = datafile.parse_yaml_bytes(b"date: 2025-11-15\n")
    import datetime

    assert data["date"] == datetime.date(2025, 11, 15)
    assert not list((tmp_path / "cache").glob("*.json"))  # a JSON copy would turn the date into text


def test_broken_or_unwritable_cache_is_ignored(tmp_path, monkeypatch):
    cache = tmp_path / "cache"
    monkeypatch.setenv("ART5_CACHE_DIR", str(cache))
    blob = b"a: 1\n"
    _, digest = datafile.parse_yaml_bytes(blob)
    (cache / f"yaml-v1-{digest}.json").write_text("{not json", encoding="utf-8")
    assert datafile.parse_yaml_bytes(blob)[0] == {"a": 1}
    (tmp_path / "file").write_text("x")
    monkeypatch.setenv("ART5_CACHE_DIR", str(tmp_path / "file" / "sub"))  # cannot be created
    assert datafile.parse_yaml_bytes(b"b: 2\n")[0] == {"b": 2}
    monkeypatch.setenv("ART5_CACHE_DIR", "off")
    assert datafile.parse_yaml_bytes(b"c: 3\n")[0] == {"c": 3}
