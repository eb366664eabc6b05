"""The lock keeps test and lint tools out of a production install (docs/dependencies.md)."""

import tomllib
from pathlib import Path

from django.conf import settings

ROOT = Path(__file__).resolve().parents[2]
TEST_TOOLS = {
    "coverage",
    "django-stubs",
    "factory-boy",
    "faker",
    "import-linter",
    "mypy",
    "playwright",
    "pytest",
    "pytest-cov",
    "pytest-django",
    "pytest-xdist",
    "ruff",
    "time-machine",
    "types-openpyxl",
}


def _lock() -> dict[str, dict]:
    data = tomllib.loads((ROOT / "uv.lock").read_text())
    return {package["name"]: package for package in data["package"]}


def _closure(packages: dict[str, dict], names: list[str]) -> set[str]:
    """Every package that installing `names` pulls, extras included."""
    seen: set[str] = set()
    todo: list[tuple[str, tuple[str, ...]]] = [(name, ()) for name in names]  # (name, extras)
    while todo:
        name, extras = todo.pop()
        package = packages[name]
        if name not in seen:
            seen.add(name)
            todo += [
                (d["name"], tuple(d.get("extra", ()))) for d in package.get("dependencies", [])
            ]
        for extra in extras:
            for d in package.get("optional-dependencies", {}).get(extra, []):
                if d["name"] not in seen:
                    todo.append((d["name"], tuple(d.get("extra", ()))))
    return seen


def _runtime(packages: dict[str, dict]) -> set[str]:
    chibo = packages["chibo"]
    roots = [(d["name"], tuple(d.get("extra", ()))) for d in chibo["dependencies"]]
    names: set[str] = set()
    for name, extras in roots:
        names |= _closure(packages, [name])
        for extra in extras:
            for d in packages[name].get("optional-dependencies", {}).get(extra, []):
                names |= _closure(packages, [d["name"]])
    return names


def test_production_install_pulls_no_test_or_lint_tool():
    packages = _lock()
    runtime = _runtime(packages)
    assert {"django", "weasyprint", "psycopg-binary", "brotli"} <= runtime  # the walk works
    assert runtime.isdisjoint(TEST_TOOLS), sorted(runtime & TEST_TOOLS)


def test_every_test_tool_is_locked_in_the_dev_group():
    packages = _lock()
    dev = {d["name"] for d in packages["chibo"]["dev-dependencies"]["dev"]}
    assert dev >= TEST_TOOLS


def test_lock_matches_pyproject():
    """Every runtime requirement of pyproject.toml is in the lock (uv sync --locked checks
    the rest: it refuses a lock that does not match)."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    locked = {d["name"] for d in _lock()["chibo"]["dependencies"]}
    declared = {
        req.split("[")[0].split(">")[0].split("=")[0].split("<")[0].strip().lower()
        for req in project["dependencies"]
    }
    assert declared == locked


def test_no_unused_app_installed():
    assert "import_export" not in settings.INSTALLED_APPS
    assert "django-import-export" not in _lock()
