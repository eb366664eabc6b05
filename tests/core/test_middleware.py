def test_every_page_carries_a_strict_content_security_policy(client, db):
    response = client.get("/accounts/login/")
    csp = response.headers["Content-Security-Policy"]
    assert "script-src 'self'" in csp
    assert "style-src 'self'" in csp
    assert "unsafe-inline" not in csp


def test_no_asset_is_loaded_from_the_internet(client, db):
    html = client.get("/accounts/login/").content.decode()
    assert "http://" not in html.replace("http://testserver", "")
    assert "https://" not in html
    assert "/static/vendor/bootstrap/css/bootstrap.min.css" in html
    assert "/static/vendor/htmx/htmx.min.js" in html


def test_vietnamese_first_even_for_an_english_browser(client, db):
    body = client.get("/accounts/login/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9").content.decode()
    assert 'lang="vi"' in body
    assert "Đăng nhập" in body


def test_the_language_switch_still_chooses_english(client, db):
    client.post("/i18n/setlang/", {"language": "en", "next": "/accounts/login/"})
    body = client.get("/accounts/login/", HTTP_ACCEPT_LANGUAGE="vi").content.decode()
    assert 'lang="en"' in body


def test_an_expired_session_sends_an_htmx_poll_to_the_login_page_whole(client, db):
    """The poll of a progress bar after the session ended: no login page swapped into the
    fragment, but HX-Redirect to the login page that returns to the page the user was on."""
    response = client.get(
        "/jobs/5/",
        HTTP_HX_REQUEST="true",
        HTTP_HX_CURRENT_URL="http://testserver/reports/annual/3/?year=2025",
    )
    assert response.status_code == 204
    assert response["HX-Redirect"] == "/accounts/login/?next=/reports/annual/3/%3Fyear%3D2025"
    assert response.content == b""


def test_htmx_redirect_never_leaves_the_site(client, db):
    response = client.get(
        "/jobs/5/", HTTP_HX_REQUEST="true", HTTP_HX_CURRENT_URL="https://evil.example/x"
    )
    assert response["HX-Redirect"] == "/accounts/login/?next=/"


def test_a_plain_request_still_gets_the_ordinary_redirect(client, db):
    response = client.get("/jobs/5/")
    assert response.status_code == 302
    assert response["Location"] == "/accounts/login/?next=/jobs/5/"
    assert "HX-Redirect" not in response


def test_other_htmx_redirects_are_left_alone(client, db, django_user_model):
    user = django_user_model.objects.create_user(username="u", password="x")
    client.force_login(user)
    response = client.post(
        "/i18n/setlang/", {"language": "en", "next": "/"}, HTTP_HX_REQUEST="true"
    )
    assert response.status_code == 302 and "HX-Redirect" not in response
