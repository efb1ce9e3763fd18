"""Offline party and destination screening (Qt-free).

- :mod:`.parsers`: streaming, defusedxml-protected readers for the EU consolidated financial
  sanctions list (XML and CSV) and the UN Security Council consolidated list (XML);
- :mod:`.db`: ``screening.db``, its own SQLite file with atomic list replacement;
- :mod:`.normalize` and :mod:`.matcher`: normalisation across scripts and fuzzy matching;
- :mod:`.service`: screening parties, review decisions, re-screening after a new list;
- :mod:`.destinations`: the EU measures per destination country (reference data).
"""

from .matcher import DEFAULT_THRESHOLD, Hit, Index
from .parsers import ListFormatError

__all__ = ["DEFAULT_THRESHOLD", "Hit", "Index", "ListFormatError"]
