"""Reading settings from the environment.

A wrong value stops start-up with one clear line on stderr, never a traceback.
"""

import os
import sys
from pathlib import Path
from typing import Any, NoReturn

import dj_database_url
from django.db import connections
from django.db.utils import OperationalError

SUPPORTED_ENGINES = {
    "django.db.backends.sqlite3",
    "django.db.backends.postgresql",
}


def fail(message: str) -> NoReturn:
    """Stop start-up with one line that says what is wrong."""
    sys.stderr.write(f"chibo: configuration error: {message}\n")
    raise SystemExit(2)


def env_str(name: str, default: str) -> str:
    return os.environ.get(name, default).strip()


def env_bool(name: str, default: bool) -> bool:
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    value = raw.strip().lower()
    if value in {"1", "true", "yes", "on"}:
        return True
    if value in {"0", "false", "no", "off"}:
        return False
    fail(f"{name}={raw!r} is not a yes/no value (use 1 or 0).")
    return default


def env_int(name: str, default: int) -> int:
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    try:
        return int(raw)
    except ValueError:
        fail(f"{name}={raw!r} is not a whole number.")
    return default


def env_list(name: str, default: list[str]) -> list[str]:
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    return [item.strip() for item in raw.split(",") if item.strip()]


def parse_database_url(url: str, sqlite_path: Path) -> dict[str, Any]:
    """SQLite in WAL mode by default; PostgreSQL (psycopg 3) from DATABASE_URL."""
    if not url:
        sqlite_path.parent.mkdir(parents=True, exist_ok=True)
        return sqlite_config(str(sqlite_path))
    try:
        config = dj_database_url.parse(url, conn_max_age=60, conn_health_checks=True)
    except Exception as exc:  # dj-database-url raises several kinds of error
        fail(f"DATABASE_URL cannot be read ({exc}); expected postgres://user@host:5432/name.")
    engine = config.get("ENGINE")
    if engine not in SUPPORTED_ENGINES:
        fail(f"DATABASE_URL engine {engine!r} is not supported; use postgres:// or sqlite://.")
    if engine == "django.db.backends.sqlite3":
        return sqlite_config(config["NAME"])
    if not config.get("NAME"):
        fail("DATABASE_URL names no database (expected postgres://user@host:5432/name).")
    config["TEST"] = {"NAME": f"test_{config['NAME']}"}
    return dict(config)


def sqlite_config(name: str) -> dict[str, Any]:
    config: dict[str, Any] = {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": name,
        "OPTIONS": {
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
        },
    }
    # Tests use an in-memory SQLite database, built from the migrations on every run. The
    # inner loop (`make test-app`) names a file instead, so that `--reuse-db` can keep it.
    test_file = os.environ.get("CHIBO_SQLITE_TEST_FILE", "")
    if test_file:
        config["TEST"] = {"NAME": test_file}
    return config


# Commands that do not touch the database: no connection check before them.
OFFLINE_COMMANDS = {
    "help",
    "version",
    "--help",
    "-h",
    "--version",
    "makemessages",
    "compilemessages",
    # Reads the code only (`make test` runs `makemigrations --check` before the test
    # databases exist; CI's DATABASE_URL names a database that is never created).
    "makemigrations",
    "collectstatic",
    "startapp",
    "shell_plus",
}


def ensure_database_reachable(argv: list[str]) -> None:
    """Connect once before a command runs, so that an unreachable server, a wrong password
    or a missing database stops start-up with one line instead of a traceback (the
    command, the web server or the worker would otherwise fail on its first query)."""
    if len(argv) < 2 or argv[1] in OFFLINE_COMMANDS:
        return
    connection = connections["default"]
    try:
        connection.ensure_connection()
    except OperationalError as exc:
        settings = connection.settings_dict
        where = settings["NAME"]
        if settings.get("HOST"):
            where = f"{settings['HOST']}:{settings.get('PORT') or 5432}/{where}"
        reason = " ".join(str(exc).split()) or exc.__class__.__name__
        fail(f"cannot connect to the database {where} ({reason}); check DATABASE_URL.")
    finally:
        connection.close()
