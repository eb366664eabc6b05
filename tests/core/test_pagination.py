"""One way to cut a list into pages (`core.pagination.paginate`), one pager and one findings
partial for every app (`core/_pagination.html`, `core/_findings.html`)."""

from pathlib import Path

import pytest
from django.template.loader import render_to_string
from django.test import RequestFactory

from core.findings import Finding, Severity
from core.pagination import page_number, page_of, paginate
from tests.factories import UserFactory

ROOT = Path(__file__).resolve().parents[2]
SKIP_DIRS = {".venv", "node_modules", ".git", "var", "test-artifacts"}
SHARED_PARTIALS = {"_pagination.html", "_pager.html", "_findings.html"}


def _request(**params: str):
    return RequestFactory().get("/list/", params)


def test_paginate_honours_settings_page_size(settings):
    settings.PAGE_SIZE = 3
    page = paginate(_request(), list(range(10)))
    assert list(page) == [0, 1, 2]
    assert page.paginator.num_pages == 4
    settings.PAGE_SIZE = 4
    assert list(paginate(_request(page="2"), list(range(10)))) == [4, 5, 6, 7]


def test_paginate_per_page_overrides_the_setting(settings):
    settings.PAGE_SIZE = 3
    assert len(paginate(_request(), list(range(10)), per_page=5)) == 5


@pytest.mark.parametrize(
    ("asked", "number"),
    [("", 1), ("abc", 1), ("1.5", 1), ("2", 2), ("99", 4), ("0", 4), ("-3", 4)],
)
def test_a_bad_page_number_gives_the_first_or_the_last_page(settings, asked, number):
    """Not a number: the first page; out of range: the last one (never a 404 or a 500)."""
    settings.PAGE_SIZE = 3
    assert paginate(_request(page=asked), list(range(10))).number == number


def test_an_empty_list_is_one_empty_page(settings):
    page = paginate(_request(page="7"), [])
    assert page.number == 1 and list(page) == []


@pytest.mark.django_db
def test_paginate_takes_a_queryset(settings):
    settings.PAGE_SIZE = 1
    first, second = UserFactory(username="a1"), UserFactory(username="a2")
    users = type(first).objects.filter(pk__in=[first.pk, second.pk]).order_by("username")
    assert [u.username for u in paginate(_request(page="2"), users)] == ["a2"]


def test_the_pager_keeps_the_filters_and_has_big_tap_targets(settings):
    settings.PAGE_SIZE = 3
    request = _request(q="lê", page="2")
    html = render_to_string(
        "core/_pagination.html",
        {"page": paginate(request, list(range(10)))},
        request=request,
    )
    assert "pagination-lg" in html
    assert "?q=l%C3%AA&amp;page=1" in html and "?q=l%C3%AA&amp;page=3" in html
    assert "Trang 2/4" in html and "10 kết quả" in html


def test_one_page_shows_no_links_but_the_count(settings):
    request = _request()
    html = render_to_string(
        "core/_pagination.html", {"page": paginate(request, [1, 2])}, request=request
    )
    assert "pagination" not in html and "2 kết quả" in html


def test_findings_are_coloured_by_severity():
    findings = [
        Finding("R-1", Severity.BLOCKING, "Chặn"),
        Finding("R-2", Severity.WARNING, "Cảnh báo"),
        Finding("R-3", Severity.INFO, "Lưu ý"),
        Finding("R-4", "blocking", "Đã ghi nhận"),  # as stored in JSON on a step
    ]
    html = render_to_string("core/_findings.html", {"findings": findings})
    alerts = [line for line in html.splitlines() if 'data-testid="finding"' in line]
    assert len(alerts) == 4
    for line, css, rule in zip(
        alerts,
        ("alert-danger", "alert-warning", "alert-info", "alert-danger"),
        ("R-1", "R-2", "R-3", "R-4"),
        strict=True,
    ):
        assert css in line and f'data-rule="{rule}"' in line


def test_no_app_has_its_own_pager_or_findings_partial():
    """The shared partials live in core/templates/core only: an app includes them."""
    own = sorted(
        str(path.relative_to(ROOT))
        for path in ROOT.rglob("*.html")
        if path.name in SHARED_PARTIALS
        and not SKIP_DIRS.intersection(path.relative_to(ROOT).parts)
        and path.parent != ROOT / "core" / "templates" / "core"
    )
    assert own == []


def test_a_list_paged_by_another_parameter_keeps_the_others(settings):
    """Two lists on one page: the second pages by `?missing=`, its links keep `page=` and
    go to its anchor."""
    settings.PAGE_SIZE = 5
    request = _request(page="2", missing="3")
    assert page_number(request, "missing") == 3
    assert page_number(_request(missing="x"), "missing") == 1
    assert page_number(_request(missing="-4"), "missing") == 1
    pager = page_of(23, 3)
    assert (pager.number, pager.paginator.num_pages) == (3, 5)
    assert page_of(23, 99).number == 5  # past the end: the last page's links
    html = render_to_string(
        "core/_pagination.html",
        {"page": pager, "param": "missing", "anchor": "missing", "testid": "missing-pages"},
        request=request,
    )
    assert 'data-testid="missing-pages"' in html
    assert 'href="?page=2&amp;missing=2#missing"' in html
    assert 'href="?page=2&amp;missing=4#missing"' in html
    assert "Trang 3/5" in html


def test_paginate_reads_the_named_parameter(settings):
    settings.PAGE_SIZE = 2
    page = paginate(_request(page="1", missing="2"), list(range(5)), param="missing")
    assert list(page) == [2, 3]
