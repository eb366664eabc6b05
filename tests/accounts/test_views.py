"""Administration screens (accounts/views.py): persona access, forms in Vietnamese, nothing saved
on bad input; login, lockout (django-axes), argon2 hashing, session expiry, logout by POST."""

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.conf import settings
from django.contrib.sessions.models import Session
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from accounts import services
from accounts.enums import Role
from accounts.models import RoleAssignment, User
from chibo.config import env_int
from members.models import Member
from tests.factories import PASSWORD, MemberFactory, RoleAssignmentFactory, UserFactory

from .conftest import PERSONAS

pytestmark = pytest.mark.django_db
NEW_PASSWORD = "Mot-mat-khau-moi-2026"


def _urls(target, assignment):
    return [
        reverse("accounts:user_list"),
        reverse("accounts:user_create"),
        reverse("accounts:user_detail", args=[target.pk]),
        reverse("accounts:user_edit", args=[target.pk]),
        reverse("accounts:user_password", args=[target.pk]),
        reverse("accounts:assignment_create", args=[target.pk]),
        reverse("accounts:assignment_detail", args=[assignment.pk]),
    ]


@pytest.fixture
def target(secretary):
    return secretary


@pytest.fixture
def assignment(target):
    return target.assignments.get()


def test_anonymous_is_sent_to_login(client, target, assignment):
    for url in [*_urls(target, assignment), reverse("accounts:user_set_active", args=[target.pk])]:
        response = client.get(url)
        assert response.status_code == 302, url
        assert response.url.startswith(reverse("accounts:login")), url


@pytest.mark.parametrize("name", PERSONAS)
def test_non_admins_get_404_everywhere(name, persona, client, login, target, assignment):
    login(persona(name))
    for url in _urls(target, assignment):
        assert client.get(url).status_code == 404, url
        assert client.post(url, {}).status_code == 404, url
    response = client.post(reverse("accounts:user_set_active", args=[target.pk]), {"active": "0"})
    assert response.status_code == 404
    target.refresh_from_db()
    assert target.is_active


def test_inactive_admin_assignment_grants_nothing(client, login, target, assignment):
    former = UserFactory(username="former")
    RoleAssignmentFactory(user=former, role=Role.ADMIN, organization=None, ends_on=date(2021, 1, 1))
    login(former)
    assert client.get(reverse("accounts:user_list")).status_code == 404


def test_admin_sees_every_page(client, login, admin_user, target, assignment):
    login(admin_user)
    for url in _urls(target, assignment):
        assert client.get(url).status_code == 200, url


def test_superuser_is_admin(client, login, target, assignment):
    root = UserFactory(username="root", is_superuser=True, is_staff=True)
    login(root)
    assert client.get(reverse("accounts:user_list")).status_code == 200


def test_user_list_search_ignores_diacritics(client, login, admin_user):
    UserFactory(username="duc", full_name="Nguyễn Văn Đức")
    UserFactory(username="binh", full_name="Trần Thị Bình")
    login(admin_user)
    response = client.get(reverse("accounts:user_list"), {"q": "nguyen van duc"})
    page = list(response.context["page"])
    assert [u.username for u in page] == ["duc"]
    response = client.get(reverse("accounts:user_list"), {"q": "BINH"})
    assert [u.username for u in response.context["page"]] == ["binh"]
    response = client.get(reverse("accounts:user_list"), {"q": "đức"})
    assert [u.username for u in response.context["page"]] == ["duc"]


def test_search_column_follows_renames(admin_user):
    user = UserFactory(username="x1", full_name="Lê Thị Hoa")
    assert user.search_name == "x1 le thi hoa"
    user.full_name = "Đỗ Thị Hoa"
    user.save(update_fields=["full_name"])
    user.refresh_from_db()
    assert user.search_name == "x1 do thi hoa"


def test_user_list_is_paginated(client, login, admin_user, settings):
    settings.PAGE_SIZE = 5
    UserFactory.create_batch(7)
    login(admin_user)
    response = client.get(reverse("accounts:user_list"))
    assert len(response.context["page"].object_list) == 5
    response = client.get(reverse("accounts:user_list"), {"page": 2})
    assert len(response.context["page"].object_list) == 3


def _list_queries(client, url):
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


def test_user_list_queries_do_not_grow(client, login, admin_user, tree):
    login(admin_user)
    url = reverse("accounts:user_list")
    user = UserFactory()
    RoleAssignmentFactory(user=user, organization=tree["cell_a"], role=Role.SECRETARY)
    one = _list_queries(client, url)
    for _ in range(49):
        u = UserFactory()
        RoleAssignmentFactory(user=u, organization=tree["cell_b"], role=Role.SECRETARY)
    assert User.objects.count() == 51
    assert _list_queries(client, url) == one


def test_create_user(client, login, admin_user):
    login(admin_user)
    response = client.post(
        reverse("accounts:user_create"),
        {
            "username": "bithu.napha",
            "full_name": "Hoàng Văn Đức",
            "phone": "0912345678",
            "email": "",
            "password1": NEW_PASSWORD,
            "password2": NEW_PASSWORD,
        },
    )
    user = User.objects.get(username="bithu.napha")
    assert response.status_code == 302
    assert response.url == reverse("accounts:user_detail", args=[user.pk])
    assert user.check_password(NEW_PASSWORD)
    assert user.history.get().history_user == admin_user
    page = client.get(response.url).content.decode()
    assert "Hoàng Văn Đức" in page and 'data-testid="history"' in page


@pytest.mark.parametrize(
    "password1, password2, field, message",
    [
        ("Mot-mat-khau-moi-2026", "khac-han", "password2", "Hai mật khẩu không giống nhau."),
        ("ab1", "ab1", "password1", "Mật khẩu quá ngắn"),
        ("12345678901", "12345678901", "password1", "Mật khẩu này quá phổ biến."),
    ],
)
def test_create_user_bad_password(client, login, admin_user, password1, password2, field, message):
    login(admin_user)
    response = client.post(
        reverse("accounts:user_create"),
        {"username": "moi", "full_name": "", "password1": password1, "password2": password2},
    )
    assert response.status_code == 200
    assert message in " ".join(response.context["form"].errors[field])
    assert message in response.content.decode()
    assert not User.objects.filter(username="moi").exists()


def test_create_user_duplicate_username(client, login, admin_user, officer):
    login(admin_user)
    response = client.post(
        reverse("accounts:user_create"),
        {"username": "officer", "password1": NEW_PASSWORD, "password2": NEW_PASSWORD},
    )
    assert response.status_code == 200
    assert "username" in response.context["form"].errors
    assert User.objects.filter(username="officer").count() == 1


def test_edit_user(client, login, admin_user, target):
    login(admin_user)
    response = client.post(
        reverse("accounts:user_edit", args=[target.pk]),
        {"username": target.username, "full_name": "Lục Văn Thắng", "phone": "0987", "email": ""},
    )
    assert response.status_code == 302
    target.refresh_from_db()
    assert target.full_name == "Lục Văn Thắng"
    assert target.search_name == "secretary luc van thang"
    history = client.get(reverse("accounts:user_detail", args=[target.pk])).context["history"]
    assert any(c.new == "Lục Văn Thắng" for row in history for c in row.changes)


def test_deactivate_and_reactivate(client, login, admin_user, target):
    login(admin_user)
    url = reverse("accounts:user_set_active", args=[target.pk])
    assert client.get(url).status_code == 405
    client.post(url, {"active": "0"})
    target.refresh_from_db()
    assert not target.is_active
    client.post(url, {"active": "1"})
    target.refresh_from_db()
    assert target.is_active


def test_admin_cannot_lock_themselves_out(client, login, admin_user):
    login(admin_user)
    response = client.post(
        reverse("accounts:user_set_active", args=[admin_user.pk]), {"active": "0"}, follow=True
    )
    admin_user.refresh_from_db()
    assert admin_user.is_active
    assert "Không thể tự khóa" in response.content.decode()


def test_deactivated_user_is_logged_out(client, login, admin_user, officer):
    login(officer)
    assert client.get(reverse("members:list")).status_code == 200
    officer.is_active = False
    officer.save()
    assert client.get(reverse("members:list")).status_code == 302


def test_reset_password(client, login, admin_user, target):
    login(admin_user)
    url = reverse("accounts:user_password", args=[target.pk])
    response = client.post(url, {"password1": NEW_PASSWORD, "password2": "khac"})
    assert response.status_code == 200
    assert "Hai mật khẩu không giống nhau." in response.content.decode()
    target.refresh_from_db()
    assert not target.check_password(NEW_PASSWORD)
    response = client.post(url, {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD})
    assert response.status_code == 302
    target.refresh_from_db()
    assert target.check_password(NEW_PASSWORD)


def _assign(client, target, **data):
    return client.post(reverse("accounts:assignment_create", args=[target.pk]), data)


def test_add_assignment(client, login, admin_user, tree, target):
    login(admin_user)
    response = _assign(
        client,
        target,
        role=Role.INSPECTOR,
        organization=tree["commune"].pk,
        starts_on="01/03/2026",
        ends_on="",
    )
    assert response.status_code == 302
    created = target.assignments.get(role=Role.INSPECTOR)
    assert created.organization == tree["commune"]
    assert created.starts_on == date(2026, 3, 1)
    assert created.history.get().history_user == admin_user


def test_add_system_admin_without_organization(client, login, admin_user, target):
    login(admin_user)
    response = _assign(client, target, role=Role.ADMIN, organization="", starts_on="01/01/2026")
    assert response.status_code == 302
    assert target.assignments.filter(role=Role.ADMIN, organization=None).exists()


def test_assignment_end_before_start_is_refused(client, login, admin_user, tree, target):
    login(admin_user)
    before = RoleAssignment.objects.count()
    response = _assign(
        client,
        target,
        role=Role.OFFICER,
        organization=tree["commune"].pk,
        starts_on="01/03/2026",
        ends_on="28/02/2026",
    )
    assert response.status_code == 200
    assert response.context["form"].errors["ends_on"] == [
        "Ngày kết thúc không được trước ngày bắt đầu."
    ]
    assert "Ngày kết thúc không được trước ngày bắt đầu." in response.content.decode()
    assert RoleAssignment.objects.count() == before


def test_assignment_needs_organization_unless_admin(client, login, admin_user, target):
    login(admin_user)
    before = RoleAssignment.objects.count()
    response = _assign(client, target, role=Role.OFFICER, organization="", starts_on="01/03/2026")
    assert response.status_code == 200
    assert response.context["form"].errors["organization"] == ["Chọn tổ chức đảng cho vai trò này."]
    assert RoleAssignment.objects.count() == before


def test_assignment_bad_date(client, login, admin_user, tree, target):
    login(admin_user)
    before = RoleAssignment.objects.count()
    response = _assign(
        client, target, role=Role.OFFICER, organization=tree["commune"].pk, starts_on="31/02/2020"
    )
    assert response.status_code == 200
    assert response.context["form"].errors["starts_on"] == ["Nhập một ngày hợp lệ."]
    assert RoleAssignment.objects.count() == before


def test_member_role_links_the_member_record(client, login, admin_user, tree):
    account = UserFactory(username="dangvien")
    someone = MemberFactory(full_name="Lò Văn Páo", organization=tree["cell_a"])
    elsewhere = MemberFactory(full_name="Hà Thị Mai", organization=tree["cell_b"])
    login(admin_user)
    # First step: the organization is chosen, the member is missing; the form now
    # offers that organization's members only.
    response = _assign(
        client, account, role=Role.MEMBER, organization=tree["cell_a"].pk, starts_on="01/01/2026"
    )
    assert response.status_code == 200
    form = response.context["form"]
    assert form.errors["member"] == ["Chọn hồ sơ đảng viên của tài khoản này."]
    assert list(form.fields["member"].queryset) == [someone]
    assert not account.assignments.exists()
    # A member of another organization is not a valid choice.
    response = _assign(
        client,
        account,
        role=Role.MEMBER,
        organization=tree["cell_a"].pk,
        starts_on="01/01/2026",
        member=elsewhere.pk,
    )
    assert "member" in response.context["form"].errors
    assert not account.assignments.exists()
    response = _assign(
        client,
        account,
        role=Role.MEMBER,
        organization=tree["cell_a"].pk,
        starts_on="01/01/2026",
        member=someone.pk,
    )
    assert response.status_code == 302
    someone.refresh_from_db()
    assert someone.user == account
    assert account.assignments.get().role == Role.MEMBER


def test_member_already_linked_is_not_offered(client, login, admin_user, tree, member_user):
    account = UserFactory(username="dangvien")
    login(admin_user)
    response = _assign(
        client,
        account,
        role=Role.MEMBER,
        organization=tree["cell_a"].pk,
        starts_on="01/01/2026",
        member=member_user.member.pk,
    )
    assert response.status_code == 200
    assert "member" in response.context["form"].errors
    assert Member.objects.get(pk=member_user.member.pk).user == member_user


def test_end_assignment_with_history(client, login, admin_user, target, assignment):
    login(admin_user)
    url = reverse("accounts:assignment_detail", args=[assignment.pk])
    response = client.post(url, {"ends_on": "31/12/2019"})
    assert response.status_code == 200
    assert "Ngày kết thúc không được trước ngày bắt đầu." in response.content.decode()
    assignment.refresh_from_db()
    assert assignment.ends_on is None
    response = client.post(url, {"ends_on": "31/12/2025"})
    assert response.status_code == 302
    assignment.refresh_from_db()
    assert assignment.ends_on == date(2025, 12, 31)
    page = client.get(url)
    history = page.context["history"]
    assert history[0].reason == "Kết thúc phân quyền"
    assert any(c.new == "31/12/2025" for c in history[0].changes)
    assert "31/12/2025" in page.content.decode()


def test_ended_assignment_removes_access(client, login, admin_user, target, assignment, tree):
    login(target)
    assert client.get(reverse("organizations:detail", args=[tree["cell_a"].pk])).status_code == 200
    login(admin_user)
    client.post(
        reverse("accounts:assignment_detail", args=[assignment.pk]), {"ends_on": "01/01/2021"}
    )
    login(target)
    assert client.get(reverse("organizations:detail", args=[tree["cell_a"].pk])).status_code == 404


# --- Login, lockout (django-axes), argon2 hashing, session expiry, logout by POST ---------
LOGIN = reverse("accounts:login")


def _post_login(client, username, password):
    return client.post(LOGIN, {"username": username, "password": password})


def test_login_page_is_vietnamese(client):
    response = client.get(LOGIN)
    assert response.status_code == 200
    assert "Đăng nhập" in response.content.decode()


def test_right_password_logs_in_and_redirects_home(client):
    UserFactory(username="bithu")
    response = _post_login(client, "bithu", PASSWORD)
    assert response.status_code == 302
    assert response.url == reverse("home:page")
    assert "_auth_user_id" in client.session


def test_wrong_password_shows_vietnamese_error(client):
    UserFactory(username="bithu")
    response = _post_login(client, "bithu", "sai-mat-khau")
    assert response.status_code == 200
    assert "Tên đăng nhập hoặc mật khẩu không đúng." in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_inactive_user_cannot_log_in(client):
    UserFactory(username="bithu", is_active=False)
    response = _post_login(client, "bithu", PASSWORD)
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session


def test_lockout_after_failure_limit_refuses_even_the_right_password(client):
    UserFactory(username="bithu")
    assert settings.AXES_FAILURE_LIMIT == env_int("CHIBO_LOGIN_FAILURE_LIMIT", 5)
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert _post_login(client, "bithu", "sai-mat-khau").status_code == 200
    # The failure that reaches the limit is answered with the lockout page already.
    assert _post_login(client, "bithu", "sai-mat-khau").status_code in (403, 429)
    response = _post_login(client, "bithu", PASSWORD)
    assert response.status_code in (403, 429)
    assert 'data-testid="locked-out"' in response.content.decode()
    assert "Tài khoản tạm bị khóa" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_lockout_is_per_username(client):
    UserFactory(username="bithu")
    UserFactory(username="canbo")
    for _ in range(settings.AXES_FAILURE_LIMIT):
        _post_login(client, "bithu", "sai-mat-khau")
    assert _post_login(client, "canbo", PASSWORD).status_code == 302


def test_password_reset_by_admin_lifts_the_lockout(
    client, admin_user, django_capture_on_commit_callbacks
):
    user = UserFactory(username="bithu")
    for _ in range(settings.AXES_FAILURE_LIMIT):
        _post_login(client, "bithu", "sai-mat-khau")
    assert _post_login(client, "bithu", PASSWORD).status_code in (403, 429)
    with django_capture_on_commit_callbacks(execute=True):
        services.reset_password(user, password="Mot-mat-khau-moi-2026", by=admin_user)
    assert _post_login(client, "bithu", "Mot-mat-khau-moi-2026").status_code == 302


def test_passwords_are_hashed_with_argon2(admin_user, settings):
    import chibo.settings as project

    # The project's own list, even if a test-speed fixture swapped in a faster hasher.
    settings.PASSWORD_HASHERS = project.PASSWORD_HASHERS
    assert settings.PASSWORD_HASHERS[0].endswith("Argon2PasswordHasher")
    assert UserFactory().password.startswith("argon2")
    user = services.create_user(username="moi", password="Mat-khau-rat-dai-2026", by=admin_user)
    assert user.password.startswith("argon2")


def test_session_expires_when_idle_and_at_browser_close(client):
    UserFactory(username="bithu")
    _post_login(client, "bithu", PASSWORD)
    assert settings.SESSION_COOKIE_AGE == env_int("CHIBO_SESSION_IDLE_MINUTES", 60) * 60
    assert settings.SESSION_SAVE_EVERY_REQUEST is True
    session = client.session
    assert session.get_expire_at_browser_close() is True
    assert session.get_expiry_age() == settings.SESSION_COOKIE_AGE
    # A browser-session cookie: no max-age, no expires.
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    assert cookie["max-age"] == ""
    assert cookie["expires"] == ""
    assert cookie["httponly"] is True


# A fixed moment for the session tests: the clock stands still, so the deadlines are exact.
AT = datetime(2026, 3, 2, 9, 0, tzinfo=ZoneInfo("Asia/Ho_Chi_Minh"))


def test_each_request_pushes_the_idle_deadline(client):
    with time_machine.travel(AT, tick=False) as clock:
        UserFactory(username="bithu")
        _post_login(client, "bithu", PASSWORD)
        key = client.session.session_key
        Session.objects.filter(pk=key).update(expire_date=AT + timedelta(minutes=1))
        clock.shift(timedelta(seconds=30))
        assert client.get(reverse("members:list")).status_code == 200
        expire = Session.objects.get(pk=key).expire_date
    assert expire == AT + timedelta(seconds=30 + settings.SESSION_COOKIE_AGE)


@pytest.mark.parametrize(("idle_left", "signed_in"), [(1, True), (-1, False)])
def test_idle_session_is_sent_back_to_login(client, idle_left, signed_in):
    """A second before the idle deadline the page opens; a second after, the login page."""
    with time_machine.travel(AT, tick=False):
        UserFactory(username="bithu")
        _post_login(client, "bithu", PASSWORD)
        key = client.session.session_key
        Session.objects.filter(pk=key).update(expire_date=AT + timedelta(seconds=idle_left))
        response = client.get(reverse("members:list"))
    if signed_in:
        assert response.status_code == 200
    else:
        assert response.status_code == 302
        assert response.url.startswith(LOGIN)


def test_logout_is_post_only(client, officer, login):
    login(officer)
    assert client.get(reverse("accounts:logout")).status_code == 405
    response = client.post(reverse("accounts:logout"))
    assert response.status_code == 302
    assert response.url == LOGIN
    assert client.get(reverse("members:list")).url.startswith(LOGIN)


def test_logged_in_user_visiting_login_goes_home(client, officer, login):
    login(officer)
    response = client.get(LOGIN)
    assert response.status_code == 302
    assert response.url == reverse("home:page")
