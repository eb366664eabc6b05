"""Imports inside functions name their reason from a short fixed list.

ruff's PLC0415 (import-outside-toplevel) refuses an import inside a function unless the
line says `# noqa: PLC0415 (reason: <reason>)`; this test refuses a reason that is not
one of REASONS (docs/architecture.md, "What `make lint` enforces"). An import that only
avoids an import cycle has no reason: the order of the apps (import-linter) has none.
"""

import io
import re
import tokenize
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SKIP_DIRS = {".venv", "node_modules", "migrations", ".git", "var", "test-artifacts"}

REASONS = {
    # Needs Django set up first: the module loads models (or settings) that are not
    # ready when the importing module is itself imported: AppConfig.ready(), and the
    # bench scripts, which pick the database and call django.setup() before the apps.
    "app-registry",
    # A heavy library (WeasyPrint, docxtpl and its Jinja2 sandbox) imported only on the
    # one path that renders a document.
    "optional-heavy",
}

NOQA = re.compile(r"#\s*noqa:(?P<codes>[^#(]*)(?P<rest>.*)$")
REASON = re.compile(r"^\(reason: (?P<reason>[a-z-]+)\)\s*$")


def _sources():
    for path in sorted(ROOT.rglob("*.py")):
        if not SKIP_DIRS.intersection(path.relative_to(ROOT).parts):
            yield path


def _unreasoned(text: str) -> list[tuple[int, str]]:
    """The comments (not strings) `# noqa: ...PLC0415...` without a known reason."""
    found = []
    for token in tokenize.generate_tokens(io.StringIO(text).readline):
        if token.type != tokenize.COMMENT:
            continue
        match = NOQA.search(token.string)
        if not match or "PLC0415" not in match["codes"]:
            continue
        reason = REASON.match(match["rest"].strip())
        if reason is None or reason["reason"] not in REASONS:
            found.append((token.start[0], token.line.strip()))
    return found


def test_every_import_inside_a_function_names_a_known_reason():
    bad = [
        f"{path.relative_to(ROOT)}:{number}: {line}"
        for path in _sources()
        for number, line in _unreasoned(path.read_text(encoding="utf-8"))
    ]
    assert not bad, "imports inside functions without a reason from REASONS:\n" + "\n".join(bad)


def test_the_check_itself():
    ok = "    from . import calendar  # noqa: PLC0415 (reason: app-registry)\n"
    heavy = "    from weasyprint import HTML  # noqa: F401, PLC0415 (reason: optional-heavy)\n"
    assert _unreasoned(ok + heavy) == []
    assert _unreasoned("    import x  # noqa: PLC0415\n") == [(1, "import x  # noqa: PLC0415")]
    assert _unreasoned("    import x  # noqa: PLC0415 (reason: cycle-upward)\n")
    assert _unreasoned("    import x  # noqa: PLC0415 because\n")
    assert _unreasoned("    import x  # noqa: E402\n") == []
