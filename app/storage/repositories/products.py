"""The product library: an item described once (its answers to the item questions), versioned,
reused by later assessments and the quick check."""

from __future__ import annotations

import builtins
import json
from typing import Any

from sqlmodel import Session, select

from app.storage.models import Assessment, ProductProfile, ProductProfileVersion
from app.storage.repositories.base import Host, dumps, iso


class ProductLibrary:
    def __init__(self, host: Host):
        self._host = host

    def save(self, name: str, answers: dict[str, Any], note: str = "") -> tuple[ProductProfile, int]:
        """Create a profile or add a version when the answers changed; returns (profile, version)."""
        name = (name or "").strip()
        if not name:
            raise ValueError("a product profile needs a name")
        from app.storage.register import product_answers

        item = product_answers(answers)
        if not item:
            raise ValueError("no item answers (item.*) to save in the product library")
        host = self._host

        def work(s: Session) -> tuple[ProductProfile, int]:
            now = iso(host.clock)
            p = s.exec(select(ProductProfile).where(ProductProfile.name == name)).first()
            if p is None:
                p = ProductProfile(name=name, current_version=1, created_at=now, updated_at=now,
                                   created_by=host.actor)
                s.add(p)
                s.flush()
                version = 1
            else:
                last = s.exec(select(ProductProfileVersion).where(ProductProfileVersion.profile_id == p.id,
                                                                   ProductProfileVersion.version == p.current_version)
                              ).first()
                if last is not None and json.loads(last.answers_json) == item:
                    return p, p.current_version
                version = p.current_version + 1
                p.current_version = version
                p.updated_at = now
                s.add(p)
            assert p.id is not None  # given by the flush, or read from the table
            s.add(ProductProfileVersion(profile_id=p.id, version=version, answers_json=dumps(item), note=note,
                                        created_at=now, created_by=host.actor))
            host.audit.append(s, "product_profile", None, new={"profile": name, "version": version, "answers": item},
                              reason=note or None, at=now)
            return p, version

        return host.write(work)

    def list(self) -> list[ProductProfile]:
        with self._host.session() as s:
            return list(s.exec(select(ProductProfile).order_by(ProductProfile.name)).all())

    def versions(self, profile_id: int) -> builtins.list[ProductProfileVersion]:
        with self._host.session() as s:
            return list(s.exec(select(ProductProfileVersion).where(ProductProfileVersion.profile_id == profile_id)
                               .order_by(ProductProfileVersion.version)).all())  # type: ignore[arg-type]

    def answers(self, profile_id: int, version: int | None = None) -> tuple[ProductProfile, int, dict[str, Any]]:
        with self._host.session() as s:
            p = s.get(ProductProfile, profile_id)
            if p is None:
                raise KeyError(f"no product profile with id {profile_id}")
            v = version or p.current_version
            row = s.exec(select(ProductProfileVersion).where(ProductProfileVersion.profile_id == p.id,
                                                              ProductProfileVersion.version == v)).first()
            if row is None:
                raise KeyError(f"product profile {p.name} has no version {v}")
            return p, v, json.loads(row.answers_json)

    def link(self, assessment_id: int, profile_id: int, version: int) -> None:
        """Record that an assessment took its item answers from this profile version."""
        def work(s: Session) -> None:
            a = s.get(Assessment, assessment_id)
            if a is not None:
                a.product_profile_id = profile_id
                a.product_profile_version = version
                s.add(a)

        self._host.write(work)
