"""The core is Qt-free: checked by import-linter's contracts (pyproject.toml) and by a
process that uses the core headless and then looks at what it imported. The core type-checks:
mypy with the project's configuration."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_import_linter_contracts_hold():
    exe = Path(sys.executable).with_name("lint-imports")
    r = subprocess.run([str(exe), "--no-cache"], cwd=ROOT, capture_output=True, text=True)
    assert r.returncode == 0, r.stdout + r.stderr
    assert "Contracts: 4 kept, 0 broken" in r.stdout


def test_type_checker_finds_no_errors_in_the_core():
    """mypy with the project's [tool.mypy] (pyproject.toml: app/, --strict throughout, migrations excepted). Its cache
    lives in the user's temporary folder, outside the work tree, so that a second run takes seconds."""
    import getpass
    import tempfile

    cache = Path(tempfile.gettempdir()) / f"art5-mypy-cache-{getpass.getuser()}"
    r = subprocess.run([sys.executable, "-m", "mypy", "--cache-dir", str(cache), "--no-error-summary",
                        "--no-color-output"],
                       cwd=ROOT, capture_output=True, text=True)
    assert r.returncode == 0, "mypy reports errors (python -m mypy):\n" + r.stdout + r.stderr


def test_headless_commands_never_load_qt(tmp_path):
    code = (
        "import sys\n"
        "from app.cli import main as cli_main\n"
        "rc = cli_main.main(['self-test', '--no-gui'])\n"
        "bad = sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6', 'ui')))\n"
        "print('QT-MODULES', bad)\n"
        "sys.exit(rc)\n"
    )
    r = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                       env={"ART5_DATA_DIR": str(tmp_path), "PATH": "/usr/bin:/bin"})
    assert "QT-MODULES []" in r.stdout, r.stdout + r.stderr
    assert r.returncode == 0, r.stdout + r.stderr


def test_no_eval_or_exec_in_the_program():
    import re

    for path in list((ROOT / "app").rglob("*.py")) + list((ROOT / "ui").rglob("*.py")):
        text = path.read_text(encoding="utf-8")
        assert not re.search(r"(?<![\w.])(eval|exec)\(", text), path
