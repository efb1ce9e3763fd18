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


@lru_cache(maxsize=8)
def _translation(locale: str):
    """pycountry's gettext catalogue of ISO 3166-1 names for ``locale`` (None: English)."""
    if not locale or locale == "en":
        return None
    import gettext
    import os
    from importlib.util import find_spec

    spec = find_spec("pycountry")
    if not spec or not spec.origin:
        return None
    folder = os.path.join(os.path.dirname(spec.origin), "locales")
    try:
        return gettext.translation("iso3166-1", folder, languages=[locale])
    except OSError:
        return None


def name(code: str, locale: str = "en") -> str:
    """The country's name in ``locale`` (pycountry's translations), English when there is none."""
    english = _all().get(code, code)
    t = _translation(locale)
    if t is None or english == code:
        return english
    translated = t.gettext(english)
    if translated == english:  # common names ("Bolivia") are not always in the catalogue
        import pycountry

        c = pycountry.countries.get(alpha_2=code)
        if c is not None:
            translated = t.gettext(c.name)
    return translated
