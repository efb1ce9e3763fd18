"""Versioned reference data files in ``resources/reference/`` (Annex I entries, destination
measures, authorities, ...).

Each file is YAML with ``id``, ``version``, ``date`` (what the data reflects), ``title`` and a
list of ``items`` (each with a stable ``value``, or with the field a top-level ``key`` names: the
translation catalog is keyed by its English text). A file may name in ``localized`` the item fields
that are per-locale maps (``{en: ..., it: ...}``, read with app.base.i18n.tr_data): each must have
its English text, or be empty. Every output records the ``version_info()`` of each data set it
used, including the file's SHA-256.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Mapping

from app.base.paths import reference_dir


class ReferenceError(ValueError):
    pass


@dataclass
class ReferenceData:
    id: str
    version: str
    date: str
    title: Mapping[str, str]
    items: list[Mapping[str, Any]]
    path: Path
    sha256: str
    extra: dict[str, Any] = field(default_factory=dict)

    def values(self) -> list[Any]:
        return [item.get("value") for item in self.items]

    def item(self, value: Any) -> Mapping[str, Any] | None:
        for item in self.items:
            if item.get("value") == value:
                return item
        return None

    def version_info(self) -> dict[str, str]:
        from app.base.official import is_official

        # "official": a file shipped with the program (app.base.official); "no" is shown in red in the report
        return {"id": self.id, "version": self.version, "date": self.date, "sha256": self.sha256,
                "file": self.path.name, "official": "yes" if is_official(self.sha256) else "no"}


class ReferenceSet:
    """Reference data sets from one folder, loaded on first use."""

    def __init__(self, directory: Path | None = None):
        self.directory = Path(directory) if directory else reference_dir()
        self._cache: dict[str, ReferenceData] = {}

    def get(self, name: str) -> ReferenceData:
        if name in self._cache:
            return self._cache[name]
        if not name.replace("_", "").isalnum():
            raise ReferenceError(f"invalid reference data name {name!r}")
        path = self.directory / f"{name}.yaml"
        if not path.is_file():
            raise ReferenceError(f"no reference data {name!r} (looked for {path})")
        data = load_file(path)
        if data.id != name:
            raise ReferenceError(f"{path}: id is {data.id!r}, expected {name!r}")
        self._cache[name] = data
        return data

    def available(self) -> list[str]:
        return sorted(p.stem for p in self.directory.glob("*.yaml"))


def load_file(path: Path) -> ReferenceData:
    from app.base.datafile import parse_yaml_bytes

    try:
        blob = path.read_bytes()
        raw, digest = parse_yaml_bytes(blob)
    except Exception as exc:  # noqa: BLE001 - OSError, UnicodeDecodeError, yaml.YAMLError
        raise ReferenceError(f"{path}: cannot read reference data: {exc}") from None
    if not isinstance(raw, Mapping):
        raise ReferenceError(f"{path}: reference data must be a map with id, version and items")
    problems = [k for k in ("id", "version", "date", "items") if k not in raw]
    if problems:
        raise ReferenceError(f"{path}: missing {', '.join(problems)}")
    items = raw["items"]
    key = str(raw.get("key") or "value")
    if not isinstance(items, list) or not all(isinstance(i, Mapping) and key in i for i in items):
        raise ReferenceError(f"{path}: 'items' must be a list of maps each with a '{key}'")
    for item in items:
        for name in raw.get("localized") or ():
            text = item.get(name, "")
            if text == "":
                continue  # not known (an empty address)
            if not isinstance(text, Mapping) or not all(isinstance(v, str) for v in text.values()):
                raise ReferenceError(f"{path}: item {item[key]!r}: '{name}' must be a map of texts per locale "
                                     f"(en: ..., de: ...)")
            if not text.get("en"):
                raise ReferenceError(f"{path}: item {item[key]!r}: '{name}' has no English ('en') text")
    extra = {k: v for k, v in raw.items() if k not in ("id", "version", "date", "title", "items")}
    return ReferenceData(
        id=str(raw["id"]), version=str(raw["version"]), date=str(raw["date"]),
        title=raw.get("title") or {}, items=items, path=path,
        sha256=digest, extra=extra,
    )


_default: ReferenceSet | None = None


def default_set() -> ReferenceSet:
    global _default
    if _default is None:
        _default = ReferenceSet()
    return _default
