"""Countries by ISO 3166-1 alpha-2 code, names from pycountry (loaded on first use)."""

from __future__ import annotations

from functools import lru_cache

EU27: tuple[str, ...] = (
    "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE",
    "IT", "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE",
)


def _pycountry_key() -> str:
    """Changes with the installed pycountry's data (the cache key)."""
    import os
    from importlib.util import find_spec

    spec = find_spec("pycountry")  # locates the package without importing it
    if spec and spec.origin:
        data = os.path.join(os.path.dirname(spec.origin), "databases", "iso3166-1.json")
        try:
            st = os.stat(data)
            return f"{st.st_size}-{int(st.st_mtime)}"
        except OSError:
            pass
    return "unknown"


@lru_cache(maxsize=1)
def _all() -> dict[str, str]:
    """Code -> English name, from pycountry; cached per pycountry version (importing and
    loading pycountry costs about 40 ms at every start)."""
    from app.base.datafile import cache_get, cache_put

    key = _pycountry_key()
    cached = cache_get("countries", key)
    if isinstance(cached, dict) and len(cached) > 200:
        return cached
    import pycountry

    out = {}
    for c in pycountry.countries:
        out[c.alpha_2] = getattr(c, "common_name", None) or c.name
    cache_put("countries", key, out)
    return out


@lru_cache(maxsize=8)
def _localised(locale: str) -> dict[str, str]:
    """Code -> name in ``locale`` from pycountry's gettext catalogues; cached on disk per
    pycountry version and locale like the English names (a German start costs no import)."""
    from app.base.datafile import cache_get, cache_put

    key = _pycountry_key()
    cached = cache_get(f"countries-l10n-{locale}", key)
    if isinstance(cached, dict) and len(cached) > 200:
        return cached
    import gettext
    import os

    import pycountry

    folder = os.path.join(os.path.dirname(pycountry.__file__), "locales")
    try:
        t = gettext.translation("iso3166-1", folder, languages=[locale])
    except OSError:
        return {}
    out = {}
    for c in pycountry.countries:
        common = getattr(c, "common_name", None)
        name = t.gettext(common) if common else t.gettext(c.name)
        if common and name == common:  # common names ("Bolivia") are not always in the catalogue
            name = t.gettext(c.name)
        if common and name == c.name:  # not translated at all: the English common name
            name = common
        out[c.alpha_2] = name
    cache_put(f"countries-l10n-{locale}", key, out)
    return out


def all_codes() -> list[str]:
    return sorted(_all())


def is_country(code: str) -> bool:
    return isinstance(code, str) and code in _all()


def name(code: str, locale: str = "en") -> str:
    """The country's name in ``locale`` (pycountry's translations), English when there is none."""
    english = _all().get(code, code)
    if not locale or locale == "en":
        return english
    return _localised(locale).get(code) or english
