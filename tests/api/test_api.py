"""The API as a whole: session authentication, read-only, docs for logged-in users only
and served from our origin (no CDN: offices run on isolated networks, strict CSP)."""

from .conftest import API

ENDPOINTS = {
    "/api/v1/organizations/",
    "/api/v1/organizations/{org_id}/",
    "/api/v1/organizations/{org_id}/meeting-statistics/",
    "/api/v1/members/",
    "/api/v1/members/{member_id}/",
}


def test_docs_only_for_logged_in_users(client, officer):
    for path in ("/docs", "/openapi.json", "/docs/assets/swagger-ui-bundle.js"):
        response = client.get(f"{API}{path}")
        assert response.status_code == 302
        assert "/accounts/login/" in response["Location"]
    client.force_login(officer)
    assert client.get(f"{API}/docs").status_code == 200
    schema = client.get(f"{API}/openapi.json").json()
    assert set(schema["paths"]) == ENDPOINTS
    assert all(set(item) == {"get"} for item in schema["paths"].values())


def test_docs_load_nothing_from_elsewhere(client, officer):
    client.force_login(officer)
    response = client.get(f"{API}/docs")
    html = response.content.decode()
    assert "cdn" not in html and "http://" not in html and "https://" not in html
    assert "<script>" not in html  # no inline script under the strict CSP
    assert "script-src 'self'" in response["Content-Security-Policy"]
    for name, kind in [
        ("swagger-ui-bundle.js", "text/javascript"),
        ("swagger-ui-init.js", "text/javascript"),
        ("swagger-ui.css", "text/css"),
    ]:
        assert f"{API}/docs/assets/{name}" in html
        asset = client.get(f"{API}/docs/assets/{name}")
        assert asset.status_code == 200 and asset["Content-Type"] == kind
        assert b"".join(asset.streaming_content)
    assert client.get(f"{API}/docs/assets/..%2Fapi.py").status_code == 404
    assert client.get(f"{API}/docs/assets/swagger-ui.css.map").status_code == 404


def test_read_only(tree, login, officer):
    client = login(officer)
    for path in ("/organizations/", f"/organizations/{tree['cell_a'].pk}/", "/members/"):
        assert client.post(f"{API}{path}", {}).status_code == 405
        assert client.delete(f"{API}{path}").status_code == 405


def test_logged_out_session_is_401(client, officer):
    client.force_login(officer)
    assert client.get(f"{API}/members/").status_code == 200
    client.logout()
    response = client.get(f"{API}/members/")
    assert response.status_code == 401
    assert response.json() == {"detail": "Bạn cần đăng nhập."}
