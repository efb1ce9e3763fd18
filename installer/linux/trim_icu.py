"""Build a smaller ICU data library for the Linux bundle.

PySide6's wheel ships ICU's full data (libicudata.so.73, 31 MB: every locale's names, currencies,
units, time zones, collations, dictionaries and converters). Qt Widgets uses ICU for little that
this program does: case mapping, collation and a few converters, with its own CLDR tables for
everything else. This keeps what Qt needs in the program's languages (English, German, French,
Italian), the language-independent data and the single-byte code pages, and drops the rest, then compiles a library with
the same name and entry point.

    python installer/linux/trim_icu.py SOURCE_LIB OUT_DIR   -> prints the path of the new library

Needs ICU's tools (icupkg, genccode; Debian: icu-devtools), objcopy and a C compiler. Exit code 3
when a tool is missing: the bundle then keeps the full library.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

LANGUAGES = {"en", "de", "fr", "it"}
ALWAYS = {"root", "res_index", "pool"}
LOCALE = re.compile(r"^[a-z]{2,3}$")
DROP_FILES = {"unames.icu"}  # Unicode character names: Qt never asks for them


SMALL_CONVERTER = 32 * 1024  # single-byte code pages (Windows, ISO 8859, ...) stay; CJK tables go


def keep(item: str, size: int) -> bool:
    parts = item.split("/")
    name = parts[-1]
    stem, _, ext = name.rpartition(".")
    if ext == "cnv":
        return size <= SMALL_CONVERTER
    if name in DROP_FILES or ext == "dict":  # CJK/Thai/Khmer/... word dictionaries: Qt breaks text itself
        return False
    if parts[0] == "translit":  # transliterators: never used by Qt
        return stem in ALWAYS
    if ext != "res" or stem in ALWAYS:
        return True
    base = stem.split("_")[0]
    if LOCALE.match(base):  # a locale's data: only the program's languages
        return base in LANGUAGES
    return True  # language-independent tables (supplementalData, zoneinfo64, likelySubtags, ...)


def main(argv: list[str]) -> int:
    src, out = Path(argv[1]), Path(argv[2])
    for tool in ("icupkg", "genccode", "objcopy", "cc"):
        if shutil.which(tool) is None:
            print(f"trim_icu: {tool} not found; keeping the full ICU data", file=sys.stderr)
            return 3
    m = re.match(r"libicudata\.so\.(\d+)", src.name)
    if not m:
        print(f"trim_icu: {src.name} is not an ICU data library", file=sys.stderr)
        return 2
    major = m.group(1)
    out.mkdir(parents=True, exist_ok=True)
    full = out / f"icudt{major}l.dat"
    subprocess.run(["objcopy", "-O", "binary", "--only-section=.rodata", str(src), str(full)], check=True)
    items = subprocess.run(["icupkg", "-l", str(full)], check=True, capture_output=True,
                           text=True).stdout.split()
    listing = out / "all.txt"
    listing.write_text("\n".join(items) + "\n", encoding="ascii")
    extracted = out / "items"
    extracted.mkdir(exist_ok=True)
    subprocess.run(["icupkg", "-x", str(listing), "-d", str(extracted), str(full)], check=True, capture_output=True)
    drop = [i for i in items if not keep(i, (extracted / i).stat().st_size)]
    if not items or len(drop) == len(items):
        print("trim_icu: could not read the ICU data; keeping the full library", file=sys.stderr)
        return 2
    drop_list = out / "drop.txt"
    drop_list.write_text("\n".join(drop) + "\n", encoding="ascii")
    small = out / "small" / full.name
    small.parent.mkdir(exist_ok=True)
    subprocess.run(["icupkg", "--ignore-deps", "-r", str(drop_list), str(full), str(small)], check=True, capture_output=True)
    subprocess.run(["genccode", "-a", "gcc", "-e", f"icudt{major}", "-d", str(out), str(small)], check=True,
                   capture_output=True)
    asm = next(out.glob(f"icudt{major}l_dat.S"))
    lib = out / src.name
    subprocess.run(["cc", "-shared", "-nostdlib", "-Wl,-soname," + src.name, "-o", str(lib), str(asm)], check=True)
    print(f"trim_icu: kept {len(items) - len(drop)} of {len(items)} items; "
          f"{src.stat().st_size / 1e6:.1f} MB -> {lib.stat().st_size / 1e6:.1f} MB", file=sys.stderr)
    print(lib)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
