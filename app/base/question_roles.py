"""Question roles as data: which question of a questionnaire version states a fact the program
uses by name (the exporter's Member State, the destination, the parties, the product, ...).

Code never names a question id; it asks for a role. The roles of a version come from

- the questionnaire file's own ``roles:`` block (a map of role to question id), which wins, else
- the sidecar ``<id>.roles.yaml`` in the same folder: ``roles:`` for every version and
  ``versions:`` with per-version overrides (``null``: that version has no question for the role).
  It exists for versions released before roles existed, whose files never change. For the
  versions it lists under ``versions:`` every role must name a question of that version; for a
  version it does not list (a file dropped beside the shipped ones), a role whose question the
  version lacks is left out (the fact is not stated), and ``questionnaire check`` warns.

This module reads and shapes the data only. ``app.questionnaire.model`` checks the roles of the
version it loads against its questions (unknown role, missing question, wrong type: an error
naming the file and the role). Rooms that cannot load a questionnaire (``app.storage``) read the
roles of an assessment's questionnaire version through :func:`roles_for`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Mapping

ROLES_SUFFIX = ".roles.yaml"
ROLE_RE = re.compile(r"^[a-z][a-z0-9_]*$")
QUESTION_ID_RE = re.compile(r"^[a-z][a-z0-9_]*(\.[a-z0-9_]+)*$")
MAX_ROLES_BYTES = 256 * 1024


class RolesError(ValueError):
    """A roles declaration that cannot be used; the message names the file and every problem."""

    def __init__(self, path: str, problems: list[str]):
        self.path = path
        self.problems = problems
        super().__init__(f"{path}: question roles have {len(problems)} problem(s):\n  " + "\n  ".join(problems))


@dataclass(frozen=True)
class RoleTable:
    """A sidecar roles file: the roles of every version and the per-version overrides."""

    path: str
    questionnaire: str
    version: str
    roles: dict[str, str] = field(default_factory=dict)
    versions: dict[str, dict[str, str | None]] = field(default_factory=dict)

    def covers(self, version: str) -> bool:
        """The file names ``version`` in ``versions:``: its roles were checked for that version."""
        return str(version) in self.versions

    def for_version(self, version: str) -> dict[str, str]:
        """role -> question id for one questionnaire version (roles it lacks are left out)."""
        out = dict(self.roles)
        for role, qid in self.versions.get(str(version), {}).items():
            if qid is None:
                out.pop(role, None)
            else:
                out[role] = qid
        return out


def is_roles_file(path: str | Path) -> bool:
    return Path(path).name.endswith(ROLES_SUFFIX)


def sidecar_path(questionnaire_id: str, directory: str | Path) -> Path:
    return Path(directory) / f"{questionnaire_id}{ROLES_SUFFIX}"


def _role_map(raw: Any, where: str, problems: list[str], allow_null: bool = False) -> dict[str, Any]:
    if not isinstance(raw, Mapping):
        problems.append(f"{where}: must be a map of role name to question id")
        return {}
    out: dict[str, Any] = {}
    for role, qid in raw.items():
        if not isinstance(role, str) or not ROLE_RE.match(role):
            problems.append(f"{where}: invalid role name {role!r} (lower case, digits and _)")
            continue
        if qid is None and allow_null:
            out[role] = None
            continue
        if not isinstance(qid, str) or not QUESTION_ID_RE.match(qid):
            problems.append(f"{where}: role {role!r} names {qid!r}, which is not a question id")
            continue
        out[role] = qid
    return out


def parse_inline(raw: Any, label: str) -> dict[str, str]:
    """A questionnaire file's own ``roles:`` block (role -> question id); RolesError if malformed."""
    problems: list[str] = []
    out = _role_map(raw, "roles", problems)
    if problems:
        raise RolesError(label, problems)
    return out


def parse_sidecar(raw: Any, label: str) -> RoleTable:
    """A sidecar roles file (see the module docstring); RolesError if malformed."""
    problems: list[str] = []
    if not isinstance(raw, Mapping):
        raise RolesError(label, ["the file must hold a map with questionnaire, version and roles"])
    for key in raw:
        if key not in ("questionnaire", "version", "roles", "versions"):
            problems.append(f"unknown key {key!r}")
    qn_id = raw.get("questionnaire")
    if not isinstance(qn_id, str) or not qn_id:
        problems.append("'questionnaire' (the questionnaire id) is missing")
    version = raw.get("version")
    if not isinstance(version, str) or not version.strip():
        problems.append("'version' (of this roles file, as text) is missing")
    roles = _role_map(raw.get("roles"), "roles", problems)
    versions: dict[str, dict[str, str | None]] = {}
    raw_versions = raw.get("versions") or {}
    if not isinstance(raw_versions, Mapping):
        problems.append("'versions' must be a map of questionnaire version to role overrides")
    else:
        for v, overrides in raw_versions.items():
            versions[str(v)] = _role_map(overrides, f"versions.{v}", problems, allow_null=True)
    if problems:
        raise RolesError(label, problems)
    return RoleTable(path=label, questionnaire=str(qn_id), version=str(version), roles=roles, versions=versions)


_SIDECARS: dict[tuple[str, int, int], RoleTable] = {}


def read_sidecar(questionnaire_id: str, directory: str | Path) -> RoleTable | None:
    """The sidecar roles file of ``questionnaire_id`` in ``directory``, or None when there is none.
    Parsed once per file content (keyed by path, size and modification time)."""
    path = sidecar_path(questionnaire_id, directory)
    try:
        st = path.stat()
    except OSError:
        return None
    key = (str(path.resolve()), st.st_size, st.st_mtime_ns)
    if key in _SIDECARS:
        return _SIDECARS[key]
    label = str(path)
    if st.st_size > MAX_ROLES_BYTES:
        raise RolesError(label, [f"file is {st.st_size} bytes; the limit is {MAX_ROLES_BYTES}"])
    from app.base.datafile import DataSyntaxError, parse_yaml_bytes

    try:
        raw, _digest = parse_yaml_bytes(path.read_bytes())
    except OSError as exc:
        raise RolesError(label, [f"cannot read the file: {exc.strerror or exc}"]) from None
    except UnicodeDecodeError as exc:
        raise RolesError(label, [f"not UTF-8 text (byte {exc.start})"]) from None
    except DataSyntaxError as exc:
        raise RolesError(label, [str(exc)]) from None
    table = parse_sidecar(raw, label)
    if table.questionnaire != questionnaire_id:
        raise RolesError(label, [f"it declares the roles of questionnaire {table.questionnaire!r}, "
                                 f"not {questionnaire_id!r}"])
    _SIDECARS[key] = table
    return table


def resolve(questionnaire_id: str, version: str, inline: Any, directory: str | Path | None,
            label: str) -> tuple[dict[str, str], str, bool]:
    """role -> question id for one questionnaire version, where it was declared, and whether the
    declaration is meant for exactly this version (``strict``): the file's inline ``roles:`` block
    (``inline``, None when it has none) wins over the sidecar in ``directory``, which is strict
    for the versions its ``versions:`` lists. No roles anywhere: an empty map."""
    if inline is not None:
        return parse_inline(inline, label), label, True
    if directory is None:
        return {}, "", True
    table = read_sidecar(questionnaire_id, directory)
    if table is None:
        return {}, "", True
    return table.for_version(version), table.path, table.covers(version)


_RESOLVED: dict[tuple[Any, ...], dict[str, str]] = {}


def _stamp(path: Path) -> tuple[int, int] | None:
    try:
        st = path.stat()
    except OSError:
        return None
    return st.st_size, st.st_mtime_ns


def roles_for(questionnaire_id: str, version: str, directory: str | Path | None = None) -> dict[str, str]:
    """role -> question id for questionnaire ``questionnaire_id`` version ``version`` among the
    program's questionnaires (or those in ``directory``): the inline block of
    ``<id>-<version>.yaml`` when that file has one, else the sidecar. Not checked against the
    questions (loading the questionnaire does that). Remembered until either file changes."""
    from app.base.paths import questionnaires_dir

    folder = Path(directory) if directory is not None else questionnaires_dir()
    qfile = folder / f"{questionnaire_id}-{version}.yaml"
    key = (str(folder.resolve()), questionnaire_id, str(version), _stamp(qfile),
           _stamp(sidecar_path(questionnaire_id, folder)))
    if key in _RESOLVED:
        return dict(_RESOLVED[key])
    inline = None
    if key[3] is not None:
        from app.base.datafile import DataSyntaxError, parse_yaml_bytes

        try:
            raw, _digest = parse_yaml_bytes(qfile.read_bytes())
        except (OSError, UnicodeDecodeError, DataSyntaxError):
            raw = None  # a broken questionnaire is reported when it is loaded
        if isinstance(raw, Mapping):
            inline = raw.get("roles")
    roles = resolve(questionnaire_id, version, inline, folder, str(qfile))[0]  # checked when loaded
    _RESOLVED[key] = roles
    return dict(roles)
