"""Login, lockout (django-axes), argon2 hashing, session expiry, logout by POST."""

from datetime import timedelta

import pytest
from django.conf import settings
from django.contrib.sessions.models import Session
from django.urls import reverse
from django.utils import timezone

from accounts import services
from chibo.config import env_int
from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db
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


def test_each_request_pushes_the_idle_deadline(client):
    UserFactory(username="bithu")
    _post_login(client, "bithu", PASSWORD)
    key = client.session.session_key
    Session.objects.filter(pk=key).update(expire_date=timezone.now() + timedelta(minutes=1))
    assert client.get(reverse("members:list")).status_code == 200
    expire = Session.objects.get(pk=key).expire_date
    expected = timezone.now() + timedelta(seconds=settings.SESSION_COOKIE_AGE)
    assert abs((expire - expected).total_seconds()) < 60


def test_idle_session_is_sent_back_to_login(client):
    UserFactory(username="bithu")
    _post_login(client, "bithu", PASSWORD)
    key = client.session.session_key
    Session.objects.filter(pk=key).update(expire_date=timezone.now() - timedelta(seconds=1))
    response = client.get(reverse("members:list"))
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
