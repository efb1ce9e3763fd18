"""Text from outside the program, made safe to store, to compare and to show (issue 14).

Two jobs, one definition of "unsafe character":

* ``clean`` (input): removes Unicode format characters (category Cf: bidi controls such as
  U+202E, zero-width characters, the BOM), C0/C1 control characters (newline and tab survive
  only in multi-line fields; a CR-LF becomes a newline there and a space elsewhere) and the
  filler characters that render as blank (U+115F, U+1160, U+3164, U+FFA0, U+2800). It reports
  what it removed, so the caller can tell the user.
* ``escape`` (output): shows every unsafe character as a visible escape (``\\n``, ``\\x1b``,
  ``\\u202e``), for a terminal or a label, so text a stranger controls cannot move the cursor,
  clear the screen, write the clipboard, reorder a line or invent lines of its own.

Line and paragraph separators (U+2028, U+2029) count as line breaks: kept as a newline in a
multi-line field, removed elsewhere.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any

FILLERS = frozenset("\u115f\u1160\u3164\uffa0\u2800")
_BREAKS = frozenset("\n\u2028\u2029\u0085")


def unsafe(ch: str, multiline: bool = False) -> bool:
    """Whether ``ch`` is removed from input (``multiline``: newline and tab are allowed)."""
    if multiline and ch in "\n\t":
        return False
    if ch in FILLERS:
        return True
    return unicodedata.category(ch) in ("Cc", "Cf", "Zl", "Zp")


def describe(ch: str) -> str:
    """``U+202E RIGHT-TO-LEFT OVERRIDE`` (or the code point alone for an unnamed control)."""
    name = unicodedata.name(ch, "")
    return f"U+{ord(ch):04X}" + (f" {name}" if name else " (control character)")


@dataclass
class Cleaned:
    text: str
    removed: list[str] = field(default_factory=list)  # one description per distinct character

    @property
    def changed(self) -> bool:
        return bool(self.removed)

    def message(self, what: str = "the text") -> str:
        if not self.removed:
            return ""
        return (f"{what}: removed {len(self.removed)} invisible or control character(s) "
                f"({', '.join(self.removed[:4])}{', ...' if len(self.removed) > 4 else ''})")


def clean(text: Any, multiline: bool = False) -> Cleaned:
    """``text`` without unsafe characters (see the module doc), and what was removed."""
    if text is None:
        return Cleaned("")
    s = str(text)
    if s.isascii() and s.isprintable():
        return Cleaned(s)
    s = visual_order(s.replace("\r\n", "\n"))
    out: list[str] = []
    removed: dict[str, None] = {}
    for ch in s:
        if multiline and (ch in _BREAKS or ch == "\t"):
            out.append("\n" if ch in _BREAKS else ch)
        elif ch in _BREAKS or ch in "\r\t":
            out.append(" ")  # a line break in a one-line field still separates words
            removed.setdefault(describe(ch), None)
        elif ch in FILLERS:  # drawn as a blank: it separated words on screen
            out.append(" ")
            removed.setdefault(describe(ch), None)
        elif unsafe(ch, multiline):
            removed.setdefault(describe(ch), None)
        else:
            out.append(ch)
    result = "".join(out)
    if removed:
        result = re.sub("(?m)^ +| +$", "", re.sub(" {2,}", " ", result))
    return Cleaned(result, list(removed))


_PUSH = frozenset("\u202a\u202b\u202d\u202e")  # LRE, RLE, LRO, RLO; U+202C (PDF) pops


def visual_order(s: str) -> str:
    """Resolve right-to-left overrides (U+202E ... U+202C or the end of the line): the
    characters in between are shown reversed, so the reversed order is what the reader saw
    (U+202E "vorteP navI" U+202C reads "Ivan Petrov"). An embedded left-to-right override
    inside one keeps its own order. The control characters stay (``clean`` removes them);
    other bidi controls are left as they are."""
    if "\u202e" not in s:
        return s
    # a stack of (kind, items): an item is a character or an already resolved nested run
    stack: list[tuple[str, list[str]]] = [("", [])]

    def close() -> None:
        kind, items = stack.pop()
        body = items[1:]
        stack[-1][1].append("".join([items[0]] + (body[::-1] if kind == "\u202e" else body)))

    for ch in s:
        if ch in _PUSH:
            stack.append((ch, [ch]))
        elif ch == "\u202c" and len(stack) > 1:
            stack[-1][1].append(ch)
            kind, items = stack.pop()  # the PDF closes the innermost run, and stays after it
            body = items[1:-1]
            stack[-1][1].append("".join([items[0]] + (body[::-1] if kind == "\u202e" else body) + [ch]))
        elif ch == "\n":
            while len(stack) > 1:  # a line break ends every override
                close()
            stack[-1][1].append(ch)
        else:
            stack[-1][1].append(ch)
    while len(stack) > 1:
        close()
    return "".join(stack[0][1])


def clean_text(text: Any, multiline: bool = False) -> str:
    return clean(text, multiline).text


def clean_value(value: Any, multiline: bool = False) -> tuple[Any, list[str]]:
    """``clean`` through lists and dicts (answers): the cleaned value and what was removed."""
    removed: list[str] = []
    if isinstance(value, str):
        c = clean(value, multiline)
        return c.text, c.removed
    if isinstance(value, list):
        out = []
        for v in value:
            nv, r = clean_value(v, multiline)
            out.append(nv)
            removed += r
        return out, removed
    if isinstance(value, dict):
        d = {}
        for k, v in value.items():
            nv, r = clean_value(v, multiline)
            d[k] = nv
            removed += r
        return d, removed
    return value, removed


def escape(text: Any, keep_newlines: bool = False) -> str:
    """``text`` with every unsafe character shown as an escape (``\\n``, ``\\x1b``,
    ``\\u202e``); ``keep_newlines`` leaves line breaks (for multi-line output)."""
    s = "" if text is None else str(text)
    if s.isascii() and s.isprintable():
        return s
    out = []
    for ch in s:
        if keep_newlines and ch == "\n":
            out.append(ch)
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\r":
            out.append("\\r")
        elif ch == "\t":
            out.append("\\t")
        elif unsafe(ch):
            o = ord(ch)
            out.append(f"\\x{o:02x}" if o < 0x100 else f"\\u{o:04x}" if o < 0x10000 else f"\\U{o:08x}")
        else:
            out.append(ch)
    return "".join(out)


def strip_controls(text: Any, keep_newlines: bool = True) -> str:
    """For output files: unsafe characters removed (newlines kept when ``keep_newlines``)."""
    return clean(text, multiline=keep_newlines).text


def escape_stream(text: str) -> str:
    """For a terminal: every unsafe character except newline and tab as ``\\uXXXX`` (also a
    valid escape inside JSON strings, so ``--json`` output stays JSON)."""
    if text.isascii() and all(c >= " " or c in "\n\t" for c in text) and "\x7f" not in text:
        return text
    return "".join(f"\\u{ord(c):04x}" if c not in "\n\t" and unsafe(c) and ord(c) < 0x10000
                   else f"\\U{ord(c):08x}" if c not in "\n\t" and unsafe(c) else c for c in text)


class SafeStream:
    """A text stream that escapes unsafe characters (``escape_stream``) before writing: the CLI
    prints through it, so no customer name, title or signer's name can move the cursor, clear
    the screen, write the clipboard or reorder a line."""

    def __init__(self, stream: Any) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        self._stream.write(escape_stream(text))
        return len(text)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)
