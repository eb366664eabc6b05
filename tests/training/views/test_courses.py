"""training.views.courses: scope per persona on every course page and export, the writes
through the forms (course, enrolment, result, completion), the XLSX files, constant query
counts."""

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from members.enums import TheoryLevel
from training import services
from training.enums import CourseKind, Result
from training.models import Course, Enrollment, StudySession

from ..conftest import add_member
from .support import (
    PERSONA_ANSWERS,
    add_rows,
    check_anonymous,
    check_pages,
    course_pages,
    workbook_rows,
)


@pytest.mark.parametrize(("persona", "read", "write"), PERSONA_ANSWERS)
def test_scope_per_persona(request, login, tree, objects, persona, read, write):
    client = login(request.getfixturevalue(persona))
    pages = course_pages(tree, objects)
    check_pages(client, pages, read, write)
    assert client.post(pages[1][2], {}).status_code == (200 if write == 200 else write)
    assert Enrollment.objects.count() == 1
    assert StudySession.objects.count() == 1


def test_anonymous_goes_to_login(client, tree, objects):
    check_anonymous(client, course_pages(tree, objects))


def test_secretary_sees_own_cell(login, secretary, tree, objects):
    client = login(secretary)
    cell = tree["cell_a"].pk
    assert client.get(reverse("training:course_list", args=[cell])).status_code == 200
    # The commune's course is outside the cell's reach.
    assert client.get(objects["course"].get_absolute_url()).status_code == 404


def test_course_journey(login, officer, tree):
    client = login(officer)
    commune = tree["commune"]
    member = add_member(tree["cell_b"], "Lương Văn Khải", theory_level=TheoryLevel.NONE)
    response = client.post(
        reverse("training:course_create", args=[commune.pk]),
        {
            "kind": CourseKind.INTERMEDIATE_THEORY,
            "title": "Trung cấp LLCT K5",
            "starts_on": "04/03/2024",
            "ends_on": "20/09/2024",
            "place": "Trung tâm chính trị",
        },
    )
    course = Course.objects.get()
    assert response["Location"] == course.get_absolute_url()
    assert course.organizer == commune and course.history.first().history_user == officer
    response = client.post(
        reverse("training:enroll", args=[course.pk]), {"who": "member", "m-member": member.pk}
    )
    assert response.status_code == 302
    enrollment = Enrollment.objects.get()
    page = client.get(course.get_absolute_url()).content.decode()
    assert "Lương Văn Khải" in page and 'data-testid="history"' in page
    response = client.post(
        reverse("training:enrollment_result", args=[enrollment.pk]),
        {"result": Result.COMPLETED, "certificate_number": "TC-15", "certificate_on": "25/09/2024"},
    )
    assert response.status_code == 302
    member.refresh_from_db()
    assert member.theory_level == TheoryLevel.INTERMEDIATE
    enrollment.refresh_from_db()
    assert (enrollment.certificate_number, enrollment.certificate_on) == (
        "TC-15",
        date(2024, 9, 25),
    )


def test_enroll_person_and_errors(login, officer, tree, course_factory):
    client = login(officer)
    course = course_factory(CourseKind.PARTY_AWARENESS)
    page = client.get(course.get_absolute_url()).content.decode()
    assert 'data-testid="enroll-person"' in page
    assert 'data-testid="enroll-member"' not in page  # ADM-04: non-members only
    url = reverse("training:enroll", args=[course.pk])
    response = client.post(
        url, {"who": "person", "p-full_name": "Vi Văn Tùng", "p-date_of_birth": "31/02/2000"}
    )
    assert response.status_code == 400
    response = client.post(
        url,
        {
            "who": "person",
            "p-full_name": "Vi Văn Tùng",
            "p-date_of_birth": "02/04/2000",
            "p-citizen_id": "12",
        },
    )
    assert response.status_code == 400
    assert "Số CCCD gồm 12 chữ số." in response.content.decode()
    response = client.post(
        url, {"who": "person", "p-full_name": "Vi Văn Tùng", "p-date_of_birth": "02/04/2000"}
    )
    assert response.status_code == 302
    assert Enrollment.objects.get().person_name == "Vi Văn Tùng"


def test_result_page_shows_service_errors(login, officer, objects):
    url = reverse("training:enrollment_result", args=[objects["enrollment"].pk])
    response = login(officer).post(
        url, {"result": Result.COMPLETED, "certificate_on": "01/01/2020"}
    )
    assert response.status_code == 200
    assert "trước ngày khai giảng" in response.content.decode()


def test_exports(login, officer, tree, objects):
    client = login(officer)
    commune = tree["commune"].pk
    courses = workbook_rows(client, reverse("training:course_export", args=[commune]))
    assert ["Sơ cấp LLCT khóa 3", "Sơ cấp lý luận chính trị"] == courses[-1][:2]
    assert courses[-1][-2:] == [1, 0]
    learners = workbook_rows(
        client, reverse("training:enrollment_export", args=[objects["course"].pk])
    )
    assert learners[-1][0] == "Hoàng Thị Lan" and learners[-1][2] == "Chi bộ thôn Nà Phát"


def test_pages_have_no_inline_scripts_or_styles(login, officer, tree, objects):
    reads, writes, _posts = course_pages(tree, objects)
    client = login(officer)
    for url in reads + writes:
        response = client.get(url)
        if response["Content-Type"].startswith("text/html"):
            html = response.content.decode()
            assert " style=" not in html and "<script>" not in html, url
            assert 'name="viewport"' in html


def test_constant_queries(login, officer, tree, course_factory, directive):
    """The same number of queries on each course page with 1 and with 30 courses and
    learners."""
    client = login(officer)
    commune = tree["commune"].pk

    def counts(course):
        urls = [reverse("training:course_list", args=[commune]), course.get_absolute_url()]
        client.get(urls[0])
        result = []
        for url in urls:
            with CaptureQueriesContext(connection) as ctx:
                assert client.get(url).status_code == 200
            result.append(len(ctx.captured_queries))
        return result

    course = add_rows(tree, officer, directive, course_factory, 0, 1)
    one = counts(course)
    for i in range(1, 30):
        services.enroll_person(
            course, full_name=f"Học viên {i}", date_of_birth=date(1990, 1, 1), by=officer
        )
    add_rows(tree, officer, directive, course_factory, 1, 30)
    assert counts(course) == one


@pytest.mark.parametrize(
    ("persona", "status"),
    [("inspector", 403), ("other_secretary", 404), ("member_user", 404), ("outsider", 404)],
)
def test_complete_course_refused(request, login, objects, persona, status):
    client = login(request.getfixturevalue(persona))
    url = reverse("training:complete", args=[objects["course"].pk])
    assert client.post(url, {}).status_code == status
    assert Enrollment.objects.get().result == Result.ENROLLED


def test_complete_course(login, officer, tree, objects):
    course = objects["course"]  # elementary theory, 04/03/2024 – 08/03/2024
    other = add_member(tree["cell_b"], "Mã Văn Lực", theory_level=TheoryLevel.ADVANCED)
    services.enroll_member(course, member=other, by=officer)
    absent = services.enroll_person(
        course, full_name="Vi Thị Hoa", date_of_birth=date(1985, 1, 1), by=officer
    )
    services.record_result(absent, result=Result.ABSENT, by=officer)
    client = login(officer)
    page = client.get(course.get_absolute_url()).content.decode()
    assert 'data-testid="complete-course"' in page
    response = client.post(reverse("training:complete", args=[course.pk]), {"certificate_on": ""})
    assert response.status_code == 302
    results = dict(course.enrollments.values_list("id", "result"))
    assert results[absent.pk] == Result.ABSENT
    assert sorted(results.values()) == [Result.ABSENT, Result.COMPLETED, Result.COMPLETED]
    assert set(
        course.enrollments.filter(result=Result.COMPLETED).values_list("certificate_on", flat=True)
    ) == {date(2024, 3, 8)}
    lan, other = objects["enrollment"].member, other
    lan.refresh_from_db()
    other.refresh_from_db()
    assert lan.theory_level == TheoryLevel.ELEMENTARY
    assert other.theory_level == TheoryLevel.ADVANCED  # never lowered
    assert (
        'data-testid="complete-course"'
        not in client.get(course.get_absolute_url()).content.decode()
    )
