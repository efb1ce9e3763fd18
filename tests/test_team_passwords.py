"""Where the team register's password comes from: the environment or a password file readable by
the user only; never the command line. Needs the test cluster's rule that user art5_pwcheck logs
in with SCRAM (.ci/pg-cluster.sh writes it); skips, saying so, on a server without it."""

from __future__ import annotations

import os

import pytest

from app.cli.main import main
from app.storage import StorageError
from app.storage.store import Store

USER = "art5_pwcheck"
PASSWORD = "Grüne Wiese 7!"


@pytest.fixture
def pw_team(pg_database, monkeypatch):
    import psycopg

    from app.storage import team
    from tests.helpers import pg

    name, admin = pg_database
    team.init_team(admin, "")
    team.add_member(admin, USER, "assessor", password=PASSWORD)
    url = pg.with_database(pg.admin_url(), name, user=USER)
    for var in ("PGPASSWORD", "ART5_DATABASE_PASSWORD", "PGPASSFILE"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("HOME", "/nonexistent-art5-home")  # no ~/.pgpass of the machine
    try:
        psycopg.connect(url, connect_timeout=5).close()
    except psycopg.OperationalError:
        return url
    pytest.skip("this PostgreSQL server does not ask art5_pwcheck for a password (use .ci/pg-cluster.sh)")


def test_without_a_password_the_register_is_not_opened_and_says_why(pw_team):
    with pytest.raises(StorageError, match="cannot open the team register") as exc:
        Store.open_url(pw_team)
    assert PASSWORD not in str(exc.value)


def test_password_from_the_environment(pw_team, monkeypatch):
    monkeypatch.setenv("ART5_DATABASE_PASSWORD", PASSWORD)
    s = Store.open_url(pw_team)
    assert s.actor == USER
    s.close()


def test_password_from_a_file_readable_by_the_user_only(pw_team, tmp_path, monkeypatch, capsys):
    from urllib.parse import urlsplit

    parts = urlsplit(pw_team)
    passfile = tmp_path / "pgpass"
    passfile.write_text(f"{parts.hostname}:{parts.port}:{parts.path.strip('/')}:{USER}:{PASSWORD}\n",
                        encoding="utf-8")
    os.chmod(passfile, 0o600)
    monkeypatch.setenv("PGPASSFILE", str(passfile))
    assert main(["--database", pw_team, "team", "whoami"]) == 0
    assert f"{USER}: assessor" in capsys.readouterr().out
    os.chmod(passfile, 0o644)  # readable by others: libpq ignores it
    assert main(["--database", pw_team, "team", "whoami"]) == 2
    assert PASSWORD not in capsys.readouterr().err


def test_the_password_never_in_argv(pw_team, capsys):
    with_pw = pw_team.replace(f"{USER}@", f"{USER}:{PASSWORD.replace(' ', '%20').replace('!', '%21')}@")
    assert main(["--database", with_pw, "team", "whoami"]) == 2
    err = capsys.readouterr().err
    assert "a password in the URL is refused" in err and "Wiese" not in err


def test_password_from_the_system_keyring(pw_team, monkeypatch):
    import sys
    import types

    from app.storage import dialect_pg

    asked = []
    fake = types.ModuleType("keyring")
    fake.get_password = lambda service, name: asked.append((service, name)) or (
        PASSWORD if (service, name) == (dialect_pg.KEYRING_SERVICE, dialect_pg.keyring_name(pw_team)) else None)
    monkeypatch.setitem(sys.modules, "keyring", fake)
    s = Store.open_url(pw_team)
    assert s.actor == USER and asked and asked[0][1].startswith(f"{USER}@127.0.0.1:")
    s.close()
