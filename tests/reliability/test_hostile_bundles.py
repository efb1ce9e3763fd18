"""Hostile and broken transfer bundles, through ``art5 import FILE.zip``.

Every row: exit 1, the bundle named, the problem in plain words, no traceback, nothing written
outside the data folder, and the data folder (register, reports, attachments) unchanged.
"""

from __future__ import annotations

import hashlib
import json
import zipfile

import pytest

from reliability_helpers import assert_refused, register_rows


def _files(bundle) -> dict[str, bytes]:
    with zipfile.ZipFile(bundle) as z:
        return {n: z.read(n) for n in z.namelist()}


def _fix_manifest(files: dict[str, bytes]) -> None:
    m = json.loads(files["manifest.json"])
    m["files"] = {n: {"sha256": hashlib.sha256(b).hexdigest(), "size": len(b)}
                  for n, b in files.items() if n != "manifest.json"}
    files["manifest.json"] = json.dumps(m).encode()


def rewrite(change, fix_manifest=True):
    def make(bundle, out):
        files = _files(bundle)
        change(files)
        if fix_manifest:
            _fix_manifest(files)
        with zipfile.ZipFile(out, "w") as z:
            for n, b in files.items():
                z.writestr(n, b)
        return out
    return make


def raw(make_bytes):
    def make(bundle, out):
        out.write_bytes(make_bytes(bundle.read_bytes()))
        return out
    return make


def _manifest(change):
    def edit(files):
        m = json.loads(files["manifest.json"])
        change(m)
        files["manifest.json"] = json.dumps(m).encode()
    return edit


def _replace(name_start, old, new):
    def edit(files):
        name = next(n for n in files if n.startswith(name_start))
        assert old in files[name]
        files[name] = files[name].replace(old, new)
    return edit


def _add(name, data=b"x"):
    return lambda files: files.__setitem__(name, data)


def _symlink(bundle, out):
    rewrite(lambda f: None)(bundle, out)
    with zipfile.ZipFile(out, "a") as z:
        info = zipfile.ZipInfo("attachments/link")
        info.external_attr = (0o120777 << 16)
        z.writestr(info, "/etc/passwd")
    return out


def _duplicate(bundle, out):
    rewrite(lambda f: None)(bundle, out)
    with zipfile.ZipFile(out, "a") as z:
        import warnings

        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            z.writestr("answers.json", b"{}")
    return out


def _zip_bomb(bundle, out):
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as z:
        with z.open("attachments/zeros.bin", "w", force_zip64=True) as fh:
            block = bytes(1 << 20)
            for _ in range(520):
                fh.write(block)
    return out


def _signed_flag_without_signed_report(files):
    for n in [n for n in files if n.startswith("reports/")]:
        del files[n]


# id -> (make(good bundle, out path) -> path, words)
CASES = {
    "not a zip": (raw(lambda b: bytes(range(256)) * 40), ["not a readable transfer bundle"]),
    "empty file": (raw(lambda b: b""), ["not a readable transfer bundle"]),
    "cut in half": (raw(lambda b: b[: len(b) // 2]), ["not a readable transfer bundle"]),
    "a data byte flipped": (raw(lambda b: b[:60] + bytes([b[60] ^ 0xFF]) + b[61:]), ["refused"]),
    "no manifest": (rewrite(lambda f: f.pop("manifest.json"), fix_manifest=False), ["no manifest.json"]),
    "manifest not JSON": (rewrite(_add("manifest.json", b"{not json"), fix_manifest=False),
                          ["manifest.json is not valid JSON"]),
    "manifest nested 100,000 levels": (rewrite(_add("manifest.json", b"[" * 100_000 + b"]" * 100_000),
                                               fix_manifest=False), ["manifest.json is not valid JSON"]),
    "another program's zip": (rewrite(_manifest(lambda m: m.__setitem__("format", "recipes"))),
                              ["not an Art5 Assessor transfer bundle"]),
    "newer bundle format": (rewrite(_manifest(lambda m: m.__setitem__("format_version", 99))),
                            ["format version 99 is not supported"]),
    "path traversal ../../x": (rewrite(_add("../../x")), ["unsafe file name '../../x'"]),
    "absolute path": (rewrite(_add("/etc/cron.d/x")), ["unsafe file name"]),
    "Windows path": (rewrite(_add("..\\..\\x")), ["unsafe file name"]),
    "hidden traversal in a folder": (rewrite(_add("reports/../../x.pdf")), ["unsafe file name"]),
    "unexpected file": (rewrite(_add("run-me.sh")), ["unexpected file 'run-me.sh'"]),
    "symbolic link": (_symlink, ["is a link"]),
    "a file twice": (_duplicate, ["appears twice"]),
    "file not in the manifest": (rewrite(_add("attachments/extra.pdf"), fix_manifest=False),
                                 ["not listed in the manifest"]),
    "file missing": (rewrite(lambda f: f.pop("audit.json"), fix_manifest=False), ["listed in the manifest but missing"]),
    "answers changed": (rewrite(_replace("answers.json", b"DE", b"FR"), fix_manifest=False),
                        ["answers.json does not match its SHA-256"]),
    "audit trail edited, manifest recomputed": (rewrite(_replace("audit.json", b'\\"DE\\"', b'\\"FR\\"')),
                                                ["does not match its hash"]),
    "signed report edited, manifest recomputed": (rewrite(_replace("reports/", b"ReportLab", b"ReportLob")),
                                                  ["signature of reports/"]),
    "marked signed without its signed report": (rewrite(_signed_flag_without_signed_report),
                                                ["marked signed but the bundle holds no signed report"]),
    "assessment.json the wrong shape": (rewrite(_add("assessment.json", b"[1, 2]")), ["assessment.json has the wrong shape"]),
    "manifest names another assessment": (rewrite(_manifest(lambda m: m["assessment"].__setitem__("uid", "other"))),
                                          ["name different assessments"]),
    "zip bomb (520 MB of zeros)": (_zip_bomb, ["more than 512 MB"]),
}


@pytest.mark.parametrize("case", list(CASES))
def test_bad_bundle_is_refused_and_nothing_is_added(case, tmp_path, populated, good_bundle, art5):
    make, words = CASES[case]
    path = make(good_bundle, tmp_path / "bundle from the laptop.zip")
    rows = register_rows(populated.dir)
    run = art5("import", path)
    assert_refused(run, path, *words, code=1)
    assert register_rows(populated.dir) == rows
    populated.assert_unchanged()
    assert not (tmp_path / "x").exists() and not (tmp_path.parent / "x").exists()
    assert not (populated.dir / "x").exists() and not (populated.dir.parent / "x.pdf").exists()


def test_the_good_bundle_imports_and_then_is_refused_as_a_duplicate(populated, good_bundle, laptop_fingerprint,
                                                                   art5):
    """The control row: the untouched bundle imports (so the rows above test the damage) once
    its signer is trusted."""
    rows = register_rows(populated.dir)
    assert art5("import", good_bundle, "--trust-signer", laptop_fingerprint).code == 0
    assert len(register_rows(populated.dir)) == len(rows) + 1
    again = art5("import", good_bundle)
    assert_refused(again, good_bundle, "already in the register", code=1)


@pytest.mark.parametrize("kind", ["missing", "folder"])
def test_missing_bundle_or_folder(kind, tmp_path, populated, art5):
    path = tmp_path / "bundle.zip"
    if kind == "folder":
        path.mkdir()
    assert_refused(art5("import", path), path, "not a readable transfer bundle", code=1)
    populated.assert_unchanged()
