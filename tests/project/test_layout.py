"""The one layout inside every app (docs/architecture.md, "Where code lives").

Each check reads the source tree (AST or text) and lists every place that breaks the rule,
so a failure names the files to mend:

- an app splits a layer into a package (`members/forms/transfers.py`), never into suffix
  siblings (`members/forms_transfers.py`);
- an app's top level holds only the known layers (`ALLOWED_TOP`): reads live in `queries`,
  writes in `services`, downloads in `exporters`;
- an `__init__.py` re-exports nothing (a `models/__init__.py` imports its model modules:
  Django finds models there);
- no module imports another module's private (underscore) name;
- views hold no ORM read, no column list, no hand-made permission check: they ask
  `user.has_perm(<name>, obj)` (or declare `permission`), names each app declares once in
  its `permissions` module;
- tests mirror the source tree: `tests/<app>/<path>/test_<module>.py` tests
  `<app>/<path>/<module>.py`;
- no "issue N" remarks in code.
"""

import ast
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

DOMAIN_APPS = [
    "accounts",
    "organizations",
    "members",
    "meetings",
    "admissions",
    "training",
    "discipline",
    "reviews",
    "reports",
]
ALL_APPS = ["core", *DOMAIN_APPS, "api", "demo", "chibo"]

LAYERS = [
    "models",
    "queries",
    "services",
    "forms",
    "views",
    "urls",
    "rules",
    "exporters",
    "documents",
    "permissions",
]
# What an app's top level may hold. `imports`: the register's file import (read, check,
# write through services); `links`: the seam an app fills for the apps below it; `scope`:
# accounts' reach of a user, which every scoped query and permission builds on.
ALLOWED_TOP = {
    *LAYERS,
    "__init__",
    "apps",
    "admin",
    "enums",
    "links",
    "validators",
    "tasks",
    "templatetags",
    "management",
    "migrations",
    "context_processors",
    "imports",
    "scope",
}
# Test folders that follow journeys (browser) or check the whole project (project: layout,
# conventions, dependencies, translations), not one module.
JOURNEY_TESTS = {"browser", "project"}


def _modules(app: str) -> list[Path]:
    return sorted(
        p for p in (ROOT / app).rglob("*.py") if "migrations" not in p.relative_to(ROOT).parts
    )


def _rel(path: Path) -> str:
    return str(path.relative_to(ROOT))


@pytest.mark.parametrize("app", ["core", *DOMAIN_APPS])
def test_layers_are_packages_not_suffix_siblings(app):
    found = [
        _rel(p) for p in _modules(app) if any(p.stem.startswith(f"{layer}_") for layer in LAYERS)
    ]
    assert found == [], "split the layer into a package (forms/transfers.py): " + ", ".join(found)


@pytest.mark.parametrize("app", DOMAIN_APPS)
def test_top_level_holds_only_layers(app):
    found = sorted(
        _rel(p)
        for p in (ROOT / app).iterdir()
        if (p.suffix == ".py" or (p.is_dir() and (p / "__init__.py").exists()))
        and p.stem not in ALLOWED_TOP
    )
    assert found == [], "move into a layer (a read into queries/, a write into services/): " + (
        ", ".join(found)
    )


@pytest.mark.parametrize("app", ALL_APPS)
def test_init_files_reexport_nothing(app):
    found = []
    for path in _modules(app):
        if path.name != "__init__.py":
            continue
        tree = ast.parse(path.read_text())
        imports = [n for n in tree.body if isinstance(n, ast.Import | ast.ImportFrom)]
        if path.parent.name == "models":
            continue  # Django finds an app's models in models/__init__.py
        if imports:
            found.append(_rel(path))
    assert found == [], "import from the module itself, not from the package: " + ", ".join(found)


# Another project's private names (python-docx's `_Cell`, django-stubs' `_User`) are theirs.
PROJECT_PACKAGES = {*ALL_APPS, "tests", "bench"}


def _private_imports(path: Path) -> list[str]:
    tree = ast.parse(path.read_text())
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and (
            node.level > 0 or (node.module or "").split(".")[0] in PROJECT_PACKAGES
        ):
            for alias in node.names:
                if alias.name.startswith("_") and not alias.name.startswith("__"):
                    found.append(f"{_rel(path)}:{node.lineno} {alias.name}")
    return found


@pytest.mark.parametrize("app", [*ALL_APPS, "tests", "bench"])
def test_no_private_name_imported_across_modules(app):
    found = [f for p in _modules(app) for f in _private_imports(p)]
    assert found == [], "make the name public or keep it in its module: " + "; ".join(found)


def _view_modules(app: str) -> list[Path]:
    return [
        p
        for p in _modules(app)
        if "views" in p.relative_to(ROOT / app).parts[:1]
        or p.stem == "views"
        or p.stem.startswith("views_")
    ]


VIEW_RULES = [
    (re.compile(r"\.objects\b"), "an ORM read (call a function of queries/)"),
    (re.compile(r"\bColumn\("), "a column list (declare an Exporter in exporters/)"),
    (
        re.compile(r"\b(can_write_org|can_manage_subtree|can_write_organization)\("),
        "a hand-made permission check (ask user.has_perm(<name>, obj))",
    ),
    (
        re.compile(r"^def _?(may|can|require)_\w*\(", re.M),
        "a permission helper (declare a permission in permissions.py)",
    ),
    (re.compile(r"^\s*PAGE_SIZE\s*=", re.M), "a page size (core.pagination.paginate)"),
]


@pytest.mark.parametrize("app", ["core", *DOMAIN_APPS])
def test_views_are_thin(app):
    found = []
    for path in _view_modules(app):
        text = path.read_text()
        for pattern, what in VIEW_RULES:
            for match in pattern.finditer(text):
                line = text.count("\n", 0, match.start()) + 1
                found.append(f"{_rel(path)}:{line} {what}")
    assert found == [], "; ".join(found)


def _source_for(test_path: Path) -> list[Path]:
    rel = test_path.relative_to(ROOT / "tests")
    name = rel.stem.removeprefix("test_")
    base = ROOT.joinpath(*rel.parts[:-1])
    return [base / f"{name}.py", base / name]


@pytest.mark.parametrize("app", [*ALL_APPS])
def test_tests_mirror_the_source_tree(app):
    folder = ROOT / "tests" / app
    if not folder.exists():
        return
    found = [
        str(p.relative_to(ROOT))
        for p in sorted(folder.rglob("test_*.py"))
        if not any(s.exists() for s in _source_for(p))
    ]
    assert found == [], "name the test file after the module it tests: " + ", ".join(found)


def test_journey_folders_are_the_only_unmirrored_tests():
    apps = {p.name for p in (ROOT / "tests").iterdir() if p.is_dir() and p.name != "__pycache__"}
    assert apps - set(ALL_APPS) == JOURNEY_TESTS


ISSUE_REMARK = re.compile(r"\b(issue|task) #?\d+\b", re.I)


@pytest.mark.parametrize("app", [*ALL_APPS, "tests"])
def test_no_issue_remarks_in_code(app):
    found = []
    for path in [*_modules(app), *(ROOT / app).rglob("*.html")]:
        for number, line in enumerate(path.read_text().splitlines(), 1):
            if ISSUE_REMARK.search(line):
                found.append(f"{_rel(path)}:{number}")
    assert found == [], ", ".join(found)
