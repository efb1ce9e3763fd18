"""The parsed-data cache: same data as YAML, never stale, never trusted over the file."""

import json

from app.base import datafile


def _shipped() -> bytes:
    from app.base.paths import questionnaires_dir

    return (questionnaires_dir() / "art5-1.0.0.yaml").read_bytes()


def test_cache_returns_what_yaml_parsed_and_is_content_addressed(tmp_path, monkeypatch):
    monkeypatch.setenv("ART5_CACHE_DIR", str(tmp_path / "cache"))
    blob = _shipped()  # only shipped files are cached (issue 14: app.base.official)
    first, digest = datafile.parse_yaml_bytes(blob)
    assert (tmp_path / "cache" / f"yaml-v1-{digest}.json").exists()
    second, _ = datafile.parse_yaml_bytes(blob)
    assert first == second and first["id"] == "art5"
    changed, digest2 = datafile.parse_yaml_bytes(blob.replace(b'version: "1.0.0"', b'version: "1.0.1"', 1))
    assert digest2 != digest and changed != first


def test_yaml_only_types_are_not_cached(tmp_path, monkeypatch):
    monkeypatch.setenv("ART5_CACHE_DIR", str(tmp_path / "cache"))
    data, _ = datafile.parse_yaml_bytes(b"date: 2025-11-15\n")
    import datetime

    assert data["date"] == datetime.date(2025, 11, 15)
    assert not list((tmp_path / "cache").glob("*.json"))  # a JSON copy would turn the date into text


def test_broken_or_unwritable_cache_is_ignored(tmp_path, monkeypatch):
    cache = tmp_path / "cache"
    monkeypatch.setenv("ART5_CACHE_DIR", str(cache))
    blob = _shipped()
    genuine, digest = datafile.parse_yaml_bytes(blob)
    (cache / f"yaml-v1-{digest}.json").write_text("{not json", encoding="utf-8")
    assert datafile.parse_yaml_bytes(blob)[0] == genuine
    (tmp_path / "file").write_text("x")
    monkeypatch.setenv("ART5_CACHE_DIR", str(tmp_path / "file" / "sub"))  # cannot be created
    assert datafile.parse_yaml_bytes(b"b: 2\n")[0] == {"b": 2}
    monkeypatch.setenv("ART5_CACHE_DIR", "off")
    assert datafile.parse_yaml_bytes(b"c: 3\n")[0] == {"c": 3}
