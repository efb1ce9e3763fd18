"""Offline party and destination screening (Qt-free).

- :mod:`.parsers`: streaming, defusedxml-protected readers for the EU consolidated financial
  sanctions list (XML and CSV) and the UN Security Council consolidated list (XML);
- :mod:`.db`: ``screening.db``, its own SQLite file with atomic list replacement;
- :mod:`.normalize` and :mod:`.matcher`: normalisation across scripts and fuzzy matching;
- :mod:`.service`: screening parties, review decisions, re-screening after a new list;
- :mod:`.destinations`: the EU measures per destination country (reference data).
"""

from typing import Any

# A hit is reported at or above this score (0 to 1). On the test fixtures, spelling variants,
# transliterations, reordered names and changed legal forms score 0.95 or more, and look-alike
# names of other people at most 0.85; 0.88 sits between them. Set another with ``--threshold``
# or ``threshold=``.
DEFAULT_THRESHOLD = 0.88

__all__ = ["DEFAULT_THRESHOLD", "Hit", "Index", "ListFormatError"]


def __getattr__(name: str) -> Any:
    """The matcher (rapidfuzz) and the parsers load on first use, not with every command."""
    if name in ("Hit", "Index"):
        from app.screening import matcher

        return getattr(matcher, name)
    if name == "ListFormatError":
        from app.screening.parsers import ListFormatError

        return ListFormatError
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
