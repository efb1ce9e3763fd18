"""Countries by ISO 3166-1 alpha-2 code, names from pycountry (loaded on first use)."""

from __future__ import annotations

from functools import lru_cache

EU27: tuple[str, ...] = (
    "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE",
    "IT", "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE",
)


@lru_cache(maxsize=1)
def _all() -> dict[str, str]:
    """Code -> English name, from pycountry; cached per pycountry version (importing and
    loading pycountry costs about 40 ms at every start)."""
    import os
    from importlib.util import find_spec

    from app.base.datafile import cache_get, cache_put

    key = "unknown"
    spec = find_spec("pycountry")  # locates the package without importing it
    if spec and spec.origin:
        data = os.path.join(os.path.dirname(spec.origin), "databases", "iso3166-1.json")
        try:
            st = os.stat(data)
            key = f"{st.st_size}-{int(st.st_mtime)}"
        except OSError:
            pass
    cached = cache_get("countries", key)
    if isinstance(cached, dict) and len(cached) > 200:
        return cached
    import pycountry

    out = {}
    for c in pycountry.countries:
        out[c.alpha_2] = getattr(c, "common_name", None) or c.name
    cache_put("countries", key, out)
    return out


def all_codes() -> list[str]:
    return sorted(_all())


def is_country(code: str) -> bool:
    return isinstance(code, str) and code in _all()


def name(code: str, locale: str = "en") -> str:
    """The country's English name (translated names come with the translations issue)."""
    return _all().get(code, code)
