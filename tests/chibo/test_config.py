"""Settings come from the environment; a wrong value stops start-up with one clear line."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def run_check(**env):
    full_env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    full_env.update(env)
    return subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=ROOT,
        env=full_env,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        ({"DATABASE_URL": "mysql://root@127.0.0.1/chibo"}, "DATABASE_URL engine"),
        ({"DATABASE_URL": "postgres://postgres@127.0.0.1:5432/"}, "DATABASE_URL names no database"),
        ({"DJANGO_DEBUG": "0", "DJANGO_SECRET_KEY": ""}, "DJANGO_SECRET_KEY must be set"),
        ({"DJANGO_DEBUG": "maybe"}, "DJANGO_DEBUG='maybe' is not a yes/no value"),
        (
            {"DATABASE_URL": "postgres://postgres@127.0.0.1:1/chibo"},
            "cannot connect to the database 127.0.0.1:1/chibo",
        ),
        (
            {"DATABASE_URL": "postgres://postgres@127.0.0.1:5432/chibo_no_such_database"},
            'database "chibo_no_such_database" does not exist',
        ),
        (
            {"CHIBO_SESSION_IDLE_MINUTES": "abc"},
            "CHIBO_SESSION_IDLE_MINUTES='abc' is not a whole number",
        ),
    ],
)
def test_bad_settings_stop_startup_with_one_line(env, expected, tmp_path):
    result = run_check(CHIBO_VAR_DIR=str(tmp_path), **env)
    assert result.returncode == 2
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("chibo: configuration error:")
    assert expected in lines[0]
    assert "Traceback" not in result.stderr


def test_good_settings_start(tmp_path):
    result = run_check(CHIBO_VAR_DIR=str(tmp_path))
    assert result.returncode == 0, result.stderr


def test_default_database_is_sqlite_in_wal_mode(tmp_path):
    import sqlite3

    from chibo.config import parse_database_url

    config = parse_database_url("", tmp_path / "var" / "chibo.sqlite3")
    assert config["ENGINE"] == "django.db.backends.sqlite3"
    connection = sqlite3.connect(config["NAME"])
    connection.executescript(config["OPTIONS"]["init_command"])
    assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    connection.close()


def test_database_url_selects_postgresql():
    from chibo.config import parse_database_url

    config = parse_database_url("postgres://chibo:pw@db.local:5432/chibo", Path("unused"))
    assert config["ENGINE"] == "django.db.backends.postgresql"
    assert (config["NAME"], config["HOST"], config["PORT"]) == ("chibo", "db.local", 5432)


def test_missing_migrations_check_needs_no_database(tmp_path):
    """`make test` checks for missing migrations before pytest creates its databases: the
    database named by DATABASE_URL need not exist (as in CI)."""
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env.update(
        CHIBO_VAR_DIR=str(tmp_path),
        DATABASE_URL="postgres://postgres@127.0.0.1:5432/chibo_no_such_database",
    )
    result = subprocess.run(
        [sys.executable, "manage.py", "makemigrations", "--check", "--dry-run"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "No changes detected" in result.stdout
    assert "configuration error" not in result.stderr


def test_sqlite_test_database_is_in_memory_unless_the_inner_loop_names_a_file(
    monkeypatch, tmp_path
):
    from chibo.config import parse_database_url

    monkeypatch.delenv("CHIBO_SQLITE_TEST_FILE", raising=False)
    assert "TEST" not in parse_database_url("", tmp_path / "chibo.sqlite3")
    monkeypatch.setenv("CHIBO_SQLITE_TEST_FILE", str(tmp_path / "reuse.sqlite3"))
    config = parse_database_url("", tmp_path / "chibo.sqlite3")
    assert config["TEST"] == {"NAME": str(tmp_path / "reuse.sqlite3")}
