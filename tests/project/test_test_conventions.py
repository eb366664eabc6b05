"""Conventions of the test suite itself, checked by parsing every test file with ast.

A rule's message is behaviour: when a test expects a domain error, it must check which
error it got, or a different refusal (another rule, another field, a typo in the call)
would pass it silently. So every

    with pytest.raises(ValidationError | PermissionDenied | CommandError | <subclass>):

needs one of:
- a ``match=`` keyword (a distinctive fragment of the real message), or
- ``as <name>`` and, after the with-block in the same body, an ``assert`` that uses
  <name> (e.g. on ``<name>.value.message_dict``, ``.messages``, the rule IDs), or
- an opt-out comment ``# raises-without-match: <reason>`` on the ``with`` line(s) or the
  line just above, only for errors that genuinely carry no message (e.g. a bare
  ``raise PermissionDenied``).

Only ``with`` statements are checked; the names are matched as written in the test
(``ValidationError``, ``forms.ValidationError`` ...), not resolved through imports.
"""

import ast
from pathlib import Path
from typing import TypeGuard

import pytest

TESTS = Path(__file__).resolve().parents[1]

# Django's errors and the project's ValidationError subclasses (admissions' StepRefused,
# meetings' Conflict) whose message is the rule under test.
CHECKED = {"ValidationError", "PermissionDenied", "CommandError", "StepRefused", "Conflict"}
OPT_OUT = "# raises-without-match:"


def _is_pytest_raises(node: ast.expr) -> TypeGuard[ast.Call]:
    if not isinstance(node, ast.Call):
        return False
    func = node.func
    if isinstance(func, ast.Attribute):
        return (
            func.attr == "raises" and isinstance(func.value, ast.Name) and func.value.id == "pytest"
        )
    return isinstance(func, ast.Name) and func.id == "raises"


def _exception_names(node: ast.expr) -> set[str]:
    if isinstance(node, ast.Name):
        return {node.id}
    if isinstance(node, ast.Attribute):
        return {node.attr}
    if isinstance(node, ast.Tuple):
        return set().union(*(_exception_names(element) for element in node.elts))
    return set()


def _asserts_on(name: str, statements: list[ast.stmt]) -> bool:
    """Some `assert` among the statements (or nested in them) uses the variable `name`."""
    asserts = [
        node
        for statement in statements
        for node in ast.walk(statement)
        if isinstance(node, ast.Assert)
    ]
    return any(
        isinstance(inner, ast.Name) and inner.id == name
        for node in asserts
        for inner in ast.walk(node)
    )


def _opted_out(lines: list[str], statement: ast.With | ast.AsyncWith) -> bool:
    first = statement.lineno - 1
    last = statement.body[0].lineno - 1  # the header ends before the first body line
    header = lines[max(first - 1, 0) : max(last, first + 1)]
    for line in header:
        _, found, reason = line.partition(OPT_OUT)
        if found and reason.strip():
            return True
    return False


def unchecked_raises(source: str, filename: str = "<test>") -> list[str]:
    """The `pytest.raises` of CHECKED errors that neither match nor assert on the error."""
    tree = ast.parse(source, filename)
    lines = source.splitlines()
    problems = []
    for parent in ast.walk(tree):
        for field in ("body", "orelse", "finalbody", "handlers"):
            body = getattr(parent, field, None)
            if not isinstance(body, list):
                continue
            for index, statement in enumerate(body):
                if not isinstance(statement, ast.With | ast.AsyncWith):
                    continue
                following = body[index + 1 :]
                for item in statement.items:
                    call = item.context_expr
                    if not _is_pytest_raises(call) or not call.args:
                        continue
                    if not _exception_names(call.args[0]) & CHECKED:
                        continue
                    if any(keyword.arg == "match" for keyword in call.keywords):
                        continue
                    name = item.optional_vars
                    if isinstance(name, ast.Name) and _asserts_on(name.id, following):
                        continue
                    if _opted_out(lines, statement):
                        continue
                    problems.append(f"{filename}:{call.lineno}: {ast.unparse(call)}")
    return problems


def test_domain_errors_are_checked_by_their_message():
    problems = []
    for path in sorted(TESTS.rglob("*.py")):
        problems += unchecked_raises(path.read_text(), str(path.relative_to(TESTS.parent)))
    assert not problems, (
        "pytest.raises without match= (or an assertion on `as <name>`, or an opt-out "
        f"comment '{OPT_OUT} <reason>'):\n" + "\n".join(problems)
    )


@pytest.mark.parametrize(
    ("source", "flagged"),
    [
        ("with pytest.raises(ValidationError):\n    f()\n", True),
        ("with pytest.raises(exceptions.PermissionDenied):\n    f()\n", True),
        ("with pytest.raises((CommandError, ValueError)):\n    f()\n", True),
        ("with pytest.raises(ValidationError) as error:\n    f()\n", True),
        ("with pytest.raises(ValidationError) as error:\n    f()\nassert other\n", True),
        ("with pytest.raises(ValidationError):  # raises-without-match:\n    f()\n", True),
        ("def t():\n    with pytest.raises(StepRefused):\n        f()\n", True),
        ("with pytest.raises(ValidationError, match='ADM-04'):\n    f()\n", False),
        (
            "with pytest.raises(ValidationError) as e:\n    f()\nassert 'x' in e.value.messages\n",
            False,
        ),
        ("with pytest.raises(PermissionDenied):  # raises-without-match: bare\n    f()\n", False),
        ("# raises-without-match: bare\nwith pytest.raises(PermissionDenied):\n    f()\n", False),
        ("with pytest.raises(IntegrityError):\n    f()\n", False),
        ("with pytest.raises(ValueError):\n    f()\n", False),
    ],
)
def test_the_check_itself(source, flagged):
    assert bool(unchecked_raises(source)) is flagged
