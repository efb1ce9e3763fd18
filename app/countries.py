"""Countries by ISO 3166-1 alpha-2 code, names from pycountry (loaded on first use)."""

from __future__ import annotations

from functools import lru_cache

EU27: tuple[str, ...] = (
    "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE",
    "IT", "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE",
)


@lru_cache(maxsize=1)
def _all() -> dict[str, str]:
    import pycountry

    out = {}
    for c in pycountry.countries:
        out[c.alpha_2] = getattr(c, "common_name", None) or c.name
    return out


def all_codes() -> list[str]:
    return sorted(_all())


def is_country(code: str) -> bool:
    return isinstance(code, str) and code in _all()


def name(code: str, locale: str = "en") -> str:
    """The country's English name (translated names come with the translations issue)."""
    return _all().get(code, code)
