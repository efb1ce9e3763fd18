"""The register's trusted signers: certificates whose signed reports this data folder accepts.

Kept as ``trusted-signers.json`` in the data folder (owner-only, written atomically): a list of
SHA-256 fingerprints of signing certificates, each with a name the user gave it and the time
it was added. ``art5 verify`` counts a report signed by one of them as trusted (exit 0); a
transfer bundle whose reports are signed by a certificate not in the list (and not the local
identity) is imported only with ``art5 import FILE --trust-signer SHA256``, which adds it.
Managed with ``art5 trust list|add|remove``.
"""

from __future__ import annotations

import datetime as _dt
import json
import re
from dataclasses import asdict, dataclass
from pathlib import Path

FILENAME = "trusted-signers.json"
_HEX = re.compile(r"^[0-9A-F]{64}$")


class TrustError(Exception):
    pass


@dataclass(frozen=True)
class TrustedSigner:
    fingerprint: str  # AB:CD:... (upper case, 32 pairs)
    name: str = ""
    added_at: str = ""


def normalise(fingerprint: str) -> str:
    """``AB:CD:...`` from a SHA-256 fingerprint written with or without colons or spaces, any
    case; TrustError otherwise."""
    raw = re.sub(r"[\s:]", "", str(fingerprint or "")).upper()
    if not _HEX.match(raw):
        raise TrustError(f"{fingerprint!r} is not a SHA-256 certificate fingerprint (64 hexadecimal digits, "
                         "as 'art5 verify' and 'art5 identity show' print it)")
    return ":".join(raw[i:i + 2] for i in range(0, 64, 2))


def path(data_dir: Path | str) -> Path:
    return Path(data_dir) / FILENAME


def load(data_dir: Path | str) -> list[TrustedSigner]:
    p = path(data_dir)
    if not p.is_file():
        return []
    try:
        doc = json.loads(p.read_text(encoding="utf-8"))
        entries = doc["signers"]
        out = [TrustedSigner(normalise(e["fingerprint"]), str(e.get("name") or ""), str(e.get("added_at") or ""))
               for e in entries]
    except (OSError, ValueError, KeyError, TypeError, TrustError) as exc:
        raise TrustError(f"{p}: the list of trusted signers cannot be read ({exc}); no signer from it is "
                         "trusted") from None
    return out


def fingerprints(data_dir: Path | str) -> set[str]:
    try:
        return {e.fingerprint for e in load(data_dir)}
    except TrustError:
        return set()


def _save(data_dir: Path | str, entries: list[TrustedSigner]) -> None:
    from app.base.atomic import AtomicWriteError, write_bytes_atomic
    from app.base.textsafety import clean_text

    body = {"format": "art5-trusted-signers", "version": 1,
            "signers": [asdict(TrustedSigner(e.fingerprint, clean_text(e.name), e.added_at)) for e in entries]}
    try:
        Path(data_dir).mkdir(parents=True, exist_ok=True)
        write_bytes_atomic(path(data_dir), json.dumps(body, ensure_ascii=False, indent=1).encode("utf-8"),
                           mode=0o600)
    except (AtomicWriteError, OSError) as exc:
        raise TrustError(f"{path(data_dir)}: cannot write the list of trusted signers: {exc}") from None


def add(data_dir: Path | str, fingerprint: str, name: str = "") -> tuple[TrustedSigner, bool]:
    """Add a signer (True) or find it already there (False)."""
    fp = normalise(fingerprint)
    entries = load(data_dir)
    for e in entries:
        if e.fingerprint == fp:
            return e, False
    entry = TrustedSigner(fp, name, _dt.datetime.now(_dt.timezone.utc).isoformat(timespec="seconds"))
    _save(data_dir, entries + [entry])
    return entry, True


def remove(data_dir: Path | str, fingerprint: str) -> bool:
    fp = normalise(fingerprint)
    entries = load(data_dir)
    kept = [e for e in entries if e.fingerprint != fp]
    if len(kept) == len(entries):
        return False
    _save(data_dir, kept)
    return True
