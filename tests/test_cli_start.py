"""`art5` and `art5 gui ...` are read by the parser of `gui` alone (the other commands' modules
stay unloaded at the wizard's start): it must read them exactly as the whole parser does."""

from __future__ import annotations

import subprocess
import sys

import pytest

from app.cli.main import build_parser, starts_the_wizard

WIZARD = [[], ["gui"], ["gui", "--new"], ["gui", "--new", "art5"], ["gui", "--open", "7"],
          ["--data-dir", "/tmp/x"], ["--data-dir=/tmp/x", "gui", "--new"], ["--data-d", "/tmp/x", "gui"],
          ["--locale", "de"], ["--locale=fr", "gui", "--open", "3"],
          ["--database", "postgresql://u@h/db", "gui"], ["gui", "--exit-after-first-paint"]]
OTHERS = [["--help"], ["-h"], ["--version"], ["records", "list"], ["--data-dir", "/x", "records", "list"],
          ["--d", "/x"], ["--data", "/x"], ["--bogus", "gui"], ["assess", "--answers", "a.yaml", "--out", "o"], ["guix"]]


@pytest.mark.parametrize("argv", WIZARD)
def test_the_wizards_command_lines_read_the_same(argv):
    assert starts_the_wizard(argv)
    assert vars(build_parser(gui_only=True).parse_args(argv)) == vars(build_parser().parse_args(argv))


@pytest.mark.parametrize("argv", OTHERS)
def test_every_other_command_line_goes_to_the_whole_parser(argv):
    assert not starts_the_wizard(argv)


def test_errors_and_help_read_as_before():
    def run(*argv):
        return subprocess.run([sys.executable, "-m", "app", *argv], capture_output=True, text=True, timeout=60)

    bad = run("gui", "--open", "seven")
    assert bad.returncode == 2 and "argument --open: invalid int value: 'seven'" in bad.stderr
    assert "usage: art5 gui" in bad.stderr
    helped = run("--help")
    assert helped.returncode == 0 and "records" in helped.stdout and "screening" in helped.stdout
