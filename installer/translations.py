"""The program's translations: ``resources/translations/art5_<locale>.ts`` (the sources, in git)
and the ``.qm`` files Qt loads (built here, never committed).

    python installer/translations.py build    # .ts -> .qm for de, fr, it and the pseudo-locale
    python installer/translations.py update   # refresh the .ts files from the tr() calls in ui/
    python installer/translations.py check    # list untranslated strings; exit 1 if any

Uses the Qt tools shipped in the PySide6 wheel (pyside6-lupdate, pyside6-lrelease), so nothing
else needs installing. The pseudo-locale ``xx`` (accented, 40% longer) is generated from the
English sources at build time, to find text that is cut off.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TS_DIR = ROOT / "resources" / "translations"
LOCALES = ("de", "fr", "it")
PSEUDO = "xx"


def _tool(name: str) -> str:
    here = Path(sys.executable).parent
    for candidate in (here / name, here / f"{name}.exe"):
        if candidate.exists():
            return str(candidate)
    found = shutil.which(name)
    if not found:
        raise SystemExit(f"translations: {name} not found (it comes with the PySide6 wheel)")
    return found


def ui_sources() -> list[str]:
    return sorted(str(p.relative_to(ROOT)) for p in (ROOT / "ui").rglob("*.py"))


# lupdate names the context of ``wizard.tr(...)`` in a module function after the variable; at
# run time PySide looks the text up under the object's class (and its bases): the real context
CONTEXT_ALIASES = {"wizard": "WizardView", "dlg": "DraftDialog", "window": "MainWindow"}


def merge_alias_contexts(ts: Path) -> None:
    """Move the messages lupdate filed under a variable's name into the class's context."""
    tree = ET.parse(ts)
    root = tree.getroot()
    contexts = {c.findtext("name"): c for c in root.findall("context")}
    changed = False
    for alias, real in CONTEXT_ALIASES.items():
        src = contexts.get(alias)
        if src is None:
            continue
        dst = contexts.get(real)
        if dst is None:
            src.find("name").text = real
            changed = True
            continue
        have = {m.findtext("source") for m in dst.findall("message")}
        for m in src.findall("message"):
            if m.findtext("source") not in have:
                dst.append(m)
        root.remove(src)
        changed = True
    if changed:
        ET.indent(tree, "    ")
        tree.write(ts, encoding="utf-8", xml_declaration=True)
        text = ts.read_text(encoding="utf-8").replace(
            "<?xml version='1.0' encoding='utf-8'?>", '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>', 1)
        ts.write_text(text if text.endswith("\n") else text + "\n", encoding="utf-8")


def update() -> None:
    """Add new source texts to each .ts (existing translations are kept; removed texts are
    marked obsolete and dropped)."""
    import copy

    for loc in LOCALES:
        ts = TS_DIR / f"art5_{loc}.ts"
        before = {}
        if ts.exists():  # what lupdate would drop when a text moves context (see CONTEXT_ALIASES)
            for c in ET.parse(ts).getroot().iter("context"):
                for m in c.iter("message"):
                    t = m.find("translation")
                    if t is not None and t.get("type") is None:
                        before[(c.findtext("name"), m.findtext("source"))] = copy.deepcopy(t)
        subprocess.run([_tool("pyside6-lupdate"), *ui_sources(), "-no-obsolete", "-locations", "none",
                        "-target-language", loc, "-ts", str(ts)],
                       cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
        merge_alias_contexts(ts)
        tree = ET.parse(ts)
        restored = 0
        for c in tree.getroot().iter("context"):
            for m in c.iter("message"):
                t = m.find("translation")
                kept = before.get((c.findtext("name"), m.findtext("source")))
                if t is not None and t.get("type") == "unfinished" and kept is not None:
                    m.remove(t)
                    m.append(kept)
                    restored += 1
        if restored:
            ET.indent(tree, "    ")
            tree.write(ts, encoding="utf-8", xml_declaration=True)
            text = ts.read_text(encoding="utf-8").replace(
                "<?xml version='1.0' encoding='utf-8'?>", '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>', 1)
            ts.write_text(text if text.endswith("\n") else text + "\n", encoding="utf-8")


def untranslated(ts: Path) -> list[tuple[str, str]]:
    """(context, source) of every message without a finished translation."""
    out = []
    root = ET.parse(ts).getroot()
    for ctx in root.iter("context"):
        name = ctx.findtext("name") or ""
        for m in ctx.iter("message"):
            t = m.find("translation")
            if t is not None and t.get("type") in ("vanished", "obsolete"):
                continue
            texts = [f.text or "" for f in t.findall("numerusform")] if t is not None and m.get("numerus") == "yes" \
                else [t.text or ""] if t is not None else [""]
            if t is None or t.get("type") == "unfinished" or not all(x.strip() for x in texts):
                out.append((name, m.findtext("source") or ""))
    return out


def pseudo(text: str) -> str:
    """Accented and about 40% longer, keeping %1/%s/%n placeholders, & mnemonics and markup."""
    table = str.maketrans("aeiouyAEIOUYcnsz", "àéîõüÿÀÉÎÕÜŸçñšž")
    out, i = [], 0
    while i < len(text):
        ch = text[i]
        if ch == "%" and i + 1 < len(text):
            out.append(text[i:i + 2])
            i += 2
            continue
        if ch == "<":  # keep tags and file patterns as they are
            j = text.find(">", i)
            if j > 0:
                out.append(text[i:j + 1])
                i = j + 1
                continue
        out.append(ch.translate(table))
        i += 1
    body = "".join(out)
    letters = sum(c.isalpha() for c in text)
    pad = "~" * max(1, round(letters * 0.4)) if letters else ""
    return f"[{body}{pad}]" if letters else body


def write_pseudo_ts(target: Path) -> None:
    src = ET.parse(TS_DIR / f"art5_{LOCALES[0]}.ts").getroot()
    src.set("language", "en")  # English plural rules; the file name makes it the pseudo-locale
    for m in src.iter("message"):
        t = m.find("translation")
        if t is None:
            t = ET.SubElement(m, "translation")
        t.attrib.pop("type", None)
        text = pseudo(m.findtext("source") or "")
        if m.get("numerus") == "yes":
            for f in list(t):
                t.remove(f)
            t.text = None
            for _ in range(2):
                ET.SubElement(t, "numerusform").text = text
        else:
            t.text = text
    ET.ElementTree(src).write(target, encoding="utf-8", xml_declaration=True)


def build(out_dir: Path = TS_DIR) -> list[Path]:
    lrelease = _tool("pyside6-lrelease")
    built = []
    for loc in LOCALES:
        qm = out_dir / f"art5_{loc}.qm"
        subprocess.run([lrelease, "-silent", str(TS_DIR / f"art5_{loc}.ts"), "-qm", str(qm)], check=True)
        built.append(qm)
    with tempfile.TemporaryDirectory() as tmp:
        ts = Path(tmp) / f"art5_{PSEUDO}.ts"
        write_pseudo_ts(ts)
        qm = out_dir / f"art5_{PSEUDO}.qm"
        subprocess.run([lrelease, "-silent", str(ts), "-qm", str(qm)], check=True)
        built.append(qm)
    return built


def check() -> int:
    missing = 0
    for loc in LOCALES:
        for ctx, source in untranslated(TS_DIR / f"art5_{loc}.ts"):
            print(f"{loc}: {ctx}: {source!r}")
            missing += 1
    return 1 if missing else 0


if __name__ == "__main__":
    cmd = sys.argv[1] if len(sys.argv) > 1 else "build"
    if cmd == "update":
        update()
    elif cmd == "check":
        sys.exit(check())
    elif cmd == "build":
        for p in build():
            print(f"built {p.relative_to(ROOT)}")
    else:
        raise SystemExit(__doc__)
