"""training.views.study: scope per persona on every study page and export, a directive and
its conferences through the forms, the XLSX files, constant query counts."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from training.models import Directive, Enrollment, StudySession

from .support import (
    PERSONA_ANSWERS,
    add_rows,
    check_anonymous,
    check_pages,
    study_pages,
    workbook_rows,
)


@pytest.mark.parametrize(("persona", "read", "write"), PERSONA_ANSWERS)
def test_scope_per_persona(request, login, tree, objects, persona, read, write):
    client = login(request.getfixturevalue(persona))
    pages = study_pages(tree, objects)
    check_pages(client, pages, read, write)
    assert Enrollment.objects.count() == 1
    assert StudySession.objects.count() == 1


def test_anonymous_goes_to_login(client, tree, objects):
    check_anonymous(client, study_pages(tree, objects))


def test_secretary_sees_own_cell(login, secretary, tree, objects):
    client = login(secretary)
    cell = tree["cell_a"].pk
    response = client.get(
        reverse("training:directive_detail", args=[cell, objects["directive"].pk])
    )
    assert response.status_code == 200
    assert "Chi bộ thôn Nà Phát" in response.content.decode()


def test_directive_and_session_journey(login, officer, tree):
    client = login(officer)
    commune = tree["commune"].pk
    response = client.post(
        reverse("training:directive_create", args=[commune]),
        {
            "code": "28-CT/TW",
            "title": "Về nâng cao chất lượng sinh hoạt chi bộ",
            "issued_on": "01/09/2008",
            "issuer": "Ban Bí thư",
        },
    )
    assert response.status_code == 302
    directive = Directive.objects.get(code="28-CT/TW")
    assert directive.get_kind_display() == "Chỉ thị"
    url = reverse("training:session_create", args=[commune, directive.pk])
    for org, members, others in (("commune", 21000, 350), ("cell_a", 14, 0)):
        response = client.post(
            url,
            {
                "organization": tree[org].pk,
                "held_on": "10/03/2024",
                "members_count": members,
                "others_count": others,
            },
        )
        assert response.status_code == 302
    page = client.get(reverse("training:directive_detail", args=[commune, directive.pk]))
    html = page.content.decode()
    assert "2 hội nghị với 21.364 lượt người tham dự" in html
    listing = client.get(reverse("training:directive_list", args=[commune])).content.decode()
    assert "2 hội nghị" in listing and "21.014 lượt đảng viên" in listing
    # Organizations outside the user's write reach are not offered.
    response = client.post(
        url,
        {
            "organization": tree["other_cell"].pk,
            "held_on": "10/03/2024",
            "members_count": 5,
        },
    )
    assert response.status_code == 400
    assert StudySession.objects.count() == 2


def test_exports(login, officer, tree, objects):
    client = login(officer)
    commune = tree["commune"].pk
    directives = workbook_rows(client, reverse("training:directive_export", args=[commune]))
    assert directives[-1][0] == "05-CT/TW" and directives[-1][-4:] == [1, 12, 3, 15]
    sessions = workbook_rows(
        client, reverse("training:session_export", args=[commune, objects["directive"].pk])
    )
    assert sessions[-1][1:6] == ["Chi bộ thôn Nà Phát", "Chi bộ", 12, 3, 15]


def test_pages_have_no_inline_scripts_or_styles(login, officer, tree, objects):
    reads, writes, _posts = study_pages(tree, objects)
    client = login(officer)
    for url in reads + writes:
        response = client.get(url)
        if response["Content-Type"].startswith("text/html"):
            html = response.content.decode()
            assert " style=" not in html and "<script>" not in html, url
            assert 'name="viewport"' in html


def test_constant_queries(login, officer, tree, course_factory, directive):
    """The same number of queries on each study page with 1 and with 30 conferences."""
    client = login(officer)
    commune = tree["commune"].pk

    def counts():
        urls = [
            reverse("training:directive_list", args=[commune]),
            reverse("training:directive_detail", args=[commune, directive.pk]),
        ]
        client.get(urls[0])
        result = []
        for url in urls:
            with CaptureQueriesContext(connection) as ctx:
                assert client.get(url).status_code == 200
            result.append(len(ctx.captured_queries))
        return result

    add_rows(tree, officer, directive, course_factory, 0, 1)
    one = counts()
    add_rows(tree, officer, directive, course_factory, 1, 30)
    assert counts() == one
