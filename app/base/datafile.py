"""Reading YAML data files fast: a content-addressed JSON cache of the parsed data.

Parsing the questionnaire with PyYAML costs about 0.1 s (import and parse) at every start; the
cache entry is named by the file's SHA-256, so it can never be stale, and it is only written
when a JSON round trip gives back exactly what YAML parsed (no dates or other YAML-only types).
A cache that cannot be read or written is ignored: the YAML file is always the source.

The cache folder is writable by anyone who runs as the user, so its name proves nothing (issue
14): an entry is used only for a shipped file (app.base.official), and only when its content hashes
to the parsed SHA-256 pinned in the program. Any other file is parsed every time.
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


class DataShapeError(DataSyntaxError):
    """YAML that parses but is refused for its shape: nested too deeply, an alias that points
    into the value holding it, or aliases that expand to too many values."""

    def __init__(self, problem: str, line: int | None = None, column: int | None = None):
        super().__init__(problem, line, column)
        where = f"line {line}, column {column}: " if line else ""
        self.args = (f"{where}refused: {problem}",)


MAX_DEPTH = 100          # data files and answers files nest about 10 levels
MAX_NODES = 2_000_000    # values after expanding aliases (a 5 MB file holds fewer)


def check_yaml_shape(text: str) -> None:
    """Refuse YAML that would crash or swamp the loader, from its event stream (flat, cheap):
    libyaml's composer recurses in C and kills the process (segmentation fault) at about 25,000
    levels, which a 50 KB file of ``[`` or ``- `` reaches; an alias "bomb" (the YAML "billion
    laughs") expands exponentially wherever the data is walked. Raises DataShapeError; syntax
    errors are left to the loader (yaml.YAMLError)."""
    import yaml

    base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    stack: list[list[Any]] = []          # [anchor, expanded values] per open collection
    sizes: dict[str, int] = {}      # anchor -> expanded values of the closed node it names

    def mark(ev: Any) -> tuple[int | None, int | None]:
        m = getattr(ev, "start_mark", None)
        return (m.line + 1, m.column + 1) if m else (None, None)

    def add(n: int, ev: Any) -> None:
        if stack:
            stack[-1][1] += n
            if stack[-1][1] > MAX_NODES:
                raise DataShapeError(f"its aliases expand to more than {MAX_NODES:,} values "
                                     "(a possible alias bomb)", *mark(ev))

    for ev in yaml.parse(text, Loader=base):
        if isinstance(ev, yaml.CollectionStartEvent):
            if len(stack) >= MAX_DEPTH:
                raise DataShapeError(f"the data is nested more than {MAX_DEPTH} levels deep", *mark(ev))
            stack.append([ev.anchor, 1])
        elif isinstance(ev, yaml.CollectionEndEvent):
            anchor, n = stack.pop()
            if anchor:
                sizes[anchor] = n
            add(n, ev)
        elif isinstance(ev, yaml.ScalarEvent):
            if ev.anchor:
                sizes[ev.anchor] = 1
            add(1, ev)
        elif isinstance(ev, yaml.AliasEvent):
            if ev.anchor not in sizes:
                open_anchors = {a for a, _ in stack}
                why = "points into the value that holds it" if ev.anchor in open_anchors else "names no anchor"
                raise DataShapeError(f"alias *{ev.anchor} {why}", *mark(ev))
            add(sizes[ev.anchor], ev)


def cache_dir() -> Path | None:
    env = os.environ.get("ART5_CACHE_DIR")
    if env == "off":
        return None
    if env:
        return Path(env)
    from platformdirs import user_cache_dir

    from app.base.paths import APP_AUTHOR, APP_NAME

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


def _loader() -> Any:
    """The safe loader, with every mapping key read as text: data files key maps by names and
    locales only, and YAML 1.1 would otherwise read ``no:`` (Norwegian) as False and
    ``true:`` as a boolean."""
    import yaml

    base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

    class KeysAsText(base):  # type: ignore[misc, valid-type]
        def construct_mapping(self, node: Any, deep: bool = False) -> Any:
            for key_node, _value in node.value:
                if isinstance(key_node, yaml.ScalarNode):
                    key_node.tag = "tag:yaml.org,2002:str"
            return super().construct_mapping(node, deep=deep)

    KeysAsText.add_constructor("tag:yaml.org,2002:map", KeysAsText.construct_yaml_map)
    return KeysAsText


def parse_yaml_bytes(blob: bytes) -> tuple[Any, str]:
    """Parse YAML (safe loader) with the cache; returns (data, sha256). Raises
    UnicodeDecodeError for bytes that are not UTF-8 and DataSyntaxError for bad YAML."""
    from app.base.official import canonical_hash, parsed_hash

    digest = hashlib.sha256(blob).hexdigest()
    pinned = parsed_hash(digest)
    if pinned is not None:
        cached = cache_get("yaml", digest)
        if cached is not None and canonical_hash(cached) == pinned:
            return cached, digest
    import yaml

    text = blob.decode("utf-8")
    try:
        check_yaml_shape(text)
        raw = yaml.load(text, Loader=_loader())  # noqa: S506 - a SafeLoader subclass
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise DataSyntaxError(getattr(exc, "problem", None) or str(exc),
                              mark.line + 1 if mark else None, mark.column + 1 if mark else None) from None
    if pinned is not None and canonical_hash(raw) == pinned:
        cache_put("yaml", digest, raw)
    return raw, digest
