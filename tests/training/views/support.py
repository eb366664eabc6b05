"""The pages of the training screens per module, and rows to fill them."""

from datetime import date
from io import BytesIO

from django.urls import reverse
from openpyxl import load_workbook

from training import services
from training.enums import CourseKind


def course_pages(tree, objects):
    """(reads, writes, posts) of the course pages (training.views.courses)."""
    commune = tree["commune"].pk
    course, enrollment = objects["course"].pk, objects["enrollment"].pk
    reads = [
        reverse("training:course_list", args=[commune]),
        reverse("training:course_export", args=[commune]),
        reverse("training:course_detail", args=[course]),
        reverse("training:enrollment_export", args=[course]),
    ]
    writes = [
        reverse("training:course_create", args=[commune]),
        reverse("training:course_edit", args=[course]),
        reverse("training:enrollment_result", args=[enrollment]),
    ]
    posts = [reverse("training:enroll", args=[course])]
    return reads, writes, posts


def study_pages(tree, objects):
    """(reads, writes, posts) of the study pages (training.views.study)."""
    commune = tree["commune"].pk
    directive = objects["directive"].pk
    reads = [
        reverse("training:directive_list", args=[commune]),
        reverse("training:directive_export", args=[commune]),
        reverse("training:directive_detail", args=[commune, directive]),
        reverse("training:session_export", args=[commune, directive]),
    ]
    writes = [reverse("training:directive_create", args=[commune])]
    posts = [reverse("training:session_create", args=[commune, directive])]
    return reads, writes, posts


def workbook_rows(client, url):
    """The cells of the first sheet of an XLSX download."""
    response = client.get(url)
    assert response.status_code == 200
    workbook = load_workbook(BytesIO(b"".join(response.streaming_content)))
    return [[c.value for c in row] for row in workbook.active.iter_rows()]


def add_rows(tree, officer, directive, course_factory, start, stop):
    """Courses `start`..`stop` with a learner each, and as many study conferences."""
    course = None
    for i in range(start, stop):
        course = course_factory(CourseKind.KNOWLEDGE_UPDATE, title=f"Lớp {i}")
        services.enroll_person(
            course, full_name=f"Người {i}", date_of_birth=date(1990, 1, 1), by=officer
        )
        services.record_study_session(
            directive=directive,
            organization=tree["cell_a"],
            held_on=date(2024, 2, 15),
            members_count=10,
            by=officer,
        )
    return course


# What each persona gets on the pages (read, write): the same on the course and study pages.
PERSONA_ANSWERS = [
    ("officer", 200, 200),
    ("admin_user", 200, 200),
    ("inspector", 200, 403),  # read-only
    ("other_secretary", 404, 404),
    ("member_user", 404, 404),
    ("outsider", 404, 404),
]


def check_pages(client, pages, read, write):
    """Readers and writers get their answers; writers get a form error (400) for an empty
    post, the others 403 / 404."""
    reads, writes, posts = pages
    for url in reads:
        assert client.get(url).status_code == read, url
    for url in writes:
        assert client.get(url).status_code == write, url
    for url in posts:
        assert client.post(url, {}).status_code == (400 if write == 200 else write), url


def check_anonymous(client, pages):
    """Every page and every form sends an anonymous visitor to the login page."""
    reads, writes, posts = pages
    login_url = reverse("accounts:login")
    for url in reads + writes:
        response = client.get(url)
        assert response.status_code == 302 and login_url in response["Location"], url
    for url in posts:
        assert login_url in client.post(url, {})["Location"]
