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


class DataSyntaxError(ValueError):
    """A YAML file that does not parse; ``line`` and ``column`` are 1-based when known."""

    def __init__(self, problem: str, line: int | None = None, column: int | None = None):
        self.problem = problem
        self.line = line
        self.column = column
        where = f"line {line}, column {column}: " if line else ""
        super().__init__(f"{where}YAML syntax error: {problem}")


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


def _loader():
    """The safe loader, with every mapping key read as text: data files key maps by names and
    locales only, and YAML 1.1 would otherwise read ``no:`` (Norwegian) as False and
    ``true:`` as a boolean."""
    import yaml

    base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

    class KeysAsText(base):  # type: ignore[misc, valid-type]
        def construct_mapping(self, node, deep=False):
            for key_node, _value in node.value:
                if isinstance(key_node, yaml.ScalarNode):
                    key_node.tag = "tag:yaml.org,2002:str"
            return super().construct_mapping(node, deep=deep)

    KeysAsText.add_constructor("tag:yaml.org,2002:map", KeysAsText.construct_yaml_map)
    return KeysAsText


def parse_yaml_bytes(blob: bytes) -> tuple[Any, str]:
    """Parse YAML (safe loader) with the cache; returns (data, sha256). Raises
    UnicodeDecodeError for bytes that are not UTF-8 and DataSyntaxError for bad YAML."""
    digest = hashlib.sha256(blob).hexdigest()
    cached = cache_get("yaml", digest)
    if cached is not None:
        return cached, digest
    import yaml

    text = blob.decode("utf-8")
    try:
        raw = yaml.load(text, Loader=_loader())  # noqa: S506 - a SafeLoader subclass
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise DataSyntaxError(getattr(exc, "problem", None) or str(exc),
                              mark.line + 1 if mark else None, mark.column + 1 if mark else None) from None
    cache_put("yaml", digest, raw)
    return raw, digest
