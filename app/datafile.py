"""Reading YAML data files fast: a content-addressed JSON cache of the parsed data.

Parsing the questionnaire with PyYAML costs about 0.1 s (import and parse) at every start; the
cache entry is named by the file's SHA-256, so it can never be stale, and it is only written
when a JSON round trip gives back exactly what YAML parsed (no dates or other YAML-only types).
A cache that cannot be read or written is ignored: the YAML file is always the source.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from typing import Any

CACHE_VERSION = "1"


def cache_dir() -> Path | None:
    env = os.environ.get("ART5_CACHE_DIR")
    if env == "off":
        return None
    if env:
        return Path(env)
    from platformdirs import user_cache_dir

    from .paths import APP_AUTHOR, APP_NAME

    return Path(user_cache_dir(APP_NAME, APP_AUTHOR)) / "parsed"


def _cache_path(kind: str, key: str) -> Path | None:
    d = cache_dir()
    return None if d is None else d / f"{kind}-v{CACHE_VERSION}-{key}.json"


def cache_get(kind: str, key: str) -> Any:
    path = _cache_path(kind, key)
    if path is None:
        return None
    try:
        with open(path, encoding="utf-8") as fh:
            return json.load(fh)
    except (OSError, ValueError):
        return None


def cache_put(kind: str, key: str, value: Any) -> None:
    path = _cache_path(kind, key)
    if path is None:
        return
    try:
        text = json.dumps(value, ensure_ascii=False)
        if json.loads(text) != value:
            return  # YAML-only types: keep reading the YAML
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        with open(tmp, "w", encoding="utf-8") as fh:
            fh.write(text)
        os.replace(tmp, path)
    except (OSError, TypeError, ValueError):
        pass


def parse_yaml_bytes(blob: bytes) -> tuple[Any, str]:
    """Parse YAML (safe loader) with the cache; returns (data, sha256). Raises
    UnicodeDecodeError and yaml.YAMLError like a plain parse."""
    digest = hashlib.sha256(blob).hexdigest()
    cached = cache_get("yaml", digest)
    if cached is not None:
        return cached, digest
    import yaml

    raw = yaml.load(blob.decode("utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))  # noqa: S506
    cache_put("yaml", digest, raw)
    return raw, digest
