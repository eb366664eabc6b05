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
