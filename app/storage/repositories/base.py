"""What a repository needs from the store that holds it: sessions, write transactions, the clock
and the actor. Declared here so each repository says what it uses instead of reaching into the
store's attributes."""

from __future__ import annotations

import datetime as _dt
import json
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Protocol, TypeVar

from sqlmodel import Session

if TYPE_CHECKING:
    from app.storage.models import Assessment
    from app.storage.repositories.audit import AuditLog

T = TypeVar("T")
Clock = Callable[[], _dt.datetime]


def iso(clock: Clock) -> str:
    return clock().astimezone(_dt.timezone.utc).isoformat(timespec="microseconds")


def dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


class Host(Protocol):
    engine: Any
    path: Path | None
    clock: Clock
    actor: str
    audit: AuditLog

    def assessment(self, s: Session, assessment_id: int, draft: bool = False) -> Assessment: ...

    def session(self) -> Session: ...

    def write(self, fn: Callable[[Session], T], durable: bool = True) -> T: ...
