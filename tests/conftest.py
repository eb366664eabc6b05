"""Shared fixtures: the pinned clock, a small party tree and one persona per role.

Personas (all with password factories.PASSWORD):
- officer: committee officer of commune (reads and writes its whole subtree)
- secretary: secretary of cell_a (own cell only)
- other_secretary: secretary of cell_b (an outsider to cell_a)
- inspector: inspection commission member of commune (reads the subtree)
- member: a member of cell_a with an account (own record only)
- outsider: officer of other_commune (everything under commune is a 404)
- admin: system administrator (whole system, user management)
"""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.signals import request_finished
from django.db import close_old_connections
from django.test import Client

from accounts.enums import Role
from tests.factories import MemberFactory, RoleAssignmentFactory, UserFactory, make_tree

# The suite's "today" (docs/testing.md): 06:00 on Monday 07/12/2026 in Viet Nam, which is still
# Sunday 06/12 in UTC, so a test that mixes the server's UTC clock with the Vietnamese date fails
# every run instead of every evening. Nothing in the suite reads the real clock: the pin is
# set before test modules are imported (module-level dates) and again at the start of every
# test; a test that needs another day travels there itself (`time_machine.travel(...)`, or the
# `time_machine` fixture's `move_to`). `tick=True` lets time run from the pin, so timeouts and
# elapsed-time measures keep working.
PINNED_NOW = datetime(2026, 12, 7, 6, 0, tzinfo=ZoneInfo("Asia/Ho_Chi_Minh"))
PINNED_TODAY = PINNED_NOW.date()

_session_clock = time_machine.travel(PINNED_NOW, tick=True)


def pytest_configure(config):
    _session_clock.start()


def pytest_unconfigure(config):
    _session_clock.stop()


@pytest.fixture(autouse=True)
def _pinned_clock():
    """Every test starts on PINNED_NOW, whatever the tests before it did with time."""
    with time_machine.travel(PINNED_NOW, tick=True) as traveller:
        yield traveller


@pytest.fixture(autouse=True)
def _close_streamed_responses(monkeypatch):
    """A server closes every response once it is sent; Django's test client closes a
    streamed one (an XLSX or DOCX download spooled in a temporary file) only when the test
    reads it to the end. Close the rest after the test, as the server would, so that an
    unclosed file left by chibo's own code still fails (filterwarnings = error)."""
    streamed = []
    request = Client.request

    def recording_request(self, **kwargs):
        response = request(self, **kwargs)
        if getattr(response, "streaming", False):
            streamed.append(response)
        return response

    monkeypatch.setattr(Client, "request", recording_request)
    yield
    # As the test client does for the responses it closes itself: closing fires
    # request_finished, whose close_old_connections would end the test's transaction.
    request_finished.disconnect(close_old_connections)
    try:
        for response in streamed:
            response.close()
    finally:
        request_finished.connect(close_old_connections)


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    """Argon2 is deliberately slow; tests hash with MD5 (tests/accounts checks argon2 itself)."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _immediate_tasks(settings):
    """Background tasks run inside the test, no worker process (django-tasks reloads on change)."""
    settings.TASKS = {
        "default": {
            "BACKEND": "django_tasks.backends.immediate.ImmediateBackend",
            "QUEUES": ["default"],
        }
    }


@pytest.fixture
def tree(db):
    return make_tree()


def _persona(username, role, organization):
    user = UserFactory(username=username, full_name=username.replace("_", " ").title())
    RoleAssignmentFactory(user=user, role=role, organization=organization)
    return user


@pytest.fixture
def officer(tree):
    return _persona("officer", Role.OFFICER, tree["commune"])


@pytest.fixture
def secretary(tree):
    return _persona("secretary", Role.SECRETARY, tree["cell_a"])


@pytest.fixture
def other_secretary(tree):
    return _persona("other_secretary", Role.SECRETARY, tree["cell_b"])


@pytest.fixture
def inspector(tree):
    return _persona("inspector", Role.INSPECTOR, tree["commune"])


@pytest.fixture
def outsider(tree):
    return _persona("outsider", Role.OFFICER, tree["other_commune"])


@pytest.fixture
def admin_user(db):
    user = UserFactory(username="admin", full_name="Quản trị")
    RoleAssignmentFactory(user=user, role=Role.ADMIN, organization=None)
    return user


@pytest.fixture
def member_user(tree):
    user = UserFactory(username="member", full_name="Nguyễn Văn An")
    MemberFactory(full_name="Nguyễn Văn An", organization=tree["cell_a"], user=user)
    RoleAssignmentFactory(user=user, role=Role.MEMBER, organization=tree["cell_a"])
    return user


@pytest.fixture
def login(client):
    """login(user) -> the test client logged in as that user."""

    def _login(user):
        client.force_login(user)
        return client

    return _login


@pytest.fixture
def english(client, settings):
    """The test client in English (the VI/EN switch's cookie). A request leaves its language
    active in the thread, so Vietnamese is switched back on afterwards for the next tests."""
    from django.utils import translation

    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    yield client
    translation.activate(settings.LANGUAGE_CODE)
