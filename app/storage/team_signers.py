"""The team's trusted signers (schema 0011): certificates whose signed reports the whole team
accepts, kept in the team register so that ``art5 sync`` can copy them into every laptop's list
of trusted signers (``trusted-signers.json``, app.signing.trust).

The compliance officer adds and removes them; everyone reads them. On PostgreSQL the database
itself refuses an assessor's or auditor's INSERT (app/storage/team.py). Fingerprints arrive
normalised (``AB:CD:...``, app.signing.trust.normalise, one layer up). Each change is audited.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlmodel import Session, col, select

from app.storage.models_team import TeamSigner
from app.storage.repositories.base import iso

if TYPE_CHECKING:
    from app.storage.store import Store


def listed(store: Store) -> list[TeamSigner]:
    with store.session() as s:
        return list(s.exec(select(TeamSigner).order_by(col(TeamSigner.id))).all())


def add(store: Store, fingerprint: str, name: str) -> tuple[TeamSigner, bool]:
    """Add a signer (True) or find it already there (False)."""
    name = " ".join((name or "").split())
    if not name:
        raise ValueError("a trusted signer needs a name (whose certificate it is), so that a laptop can tell "
                         "when it already trusts another certificate for the same person")

    def work(s: Session) -> tuple[TeamSigner, bool]:
        there = s.exec(select(TeamSigner).where(TeamSigner.fingerprint == fingerprint)).first()
        if there is not None:
            return there, False
        now = iso(store.clock)
        row = TeamSigner(fingerprint=fingerprint, name=name, added_at=now, added_by=store.actor)
        s.add(row)
        s.flush()
        store.audit.append(s, "trust_signer", None, new={"fingerprint": fingerprint, "name": name}, at=now)
        return row, True

    return store.write(work)


def remove(store: Store, fingerprint: str) -> bool:
    def work(s: Session) -> bool:
        there = s.exec(select(TeamSigner).where(TeamSigner.fingerprint == fingerprint)).first()
        if there is None:
            return False
        s.delete(there)
        store.audit.append(s, "untrust_signer", None, old={"fingerprint": fingerprint, "name": there.name})
        return True

    return store.write(work)
