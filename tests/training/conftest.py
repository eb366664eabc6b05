"""Training fixtures: members with dated memberships, a course and a directive, and one of
each record (`objects`: a course with a learner, a directive studied once)."""

from datetime import date

import pytest

from members.enums import MembershipKind, MemberStatus
from members.models import Membership
from tests.factories import MemberFactory
from training import services
from training.enums import CourseKind


def add_member(organization, name, *, starts_on=date(2015, 1, 1), **fields):
    fields.setdefault("status", MemberStatus.FULL)
    member = MemberFactory(full_name=name, organization=organization, **fields)
    Membership.objects.create(
        member=member, organization=organization, kind=MembershipKind.HOME, starts_on=starts_on
    )
    return member


@pytest.fixture
def cell_member(tree):
    return add_member(tree["cell_a"], "Hoàng Thị Lan", theory_level="")


@pytest.fixture
def course_factory(tree, officer):
    def make(kind=CourseKind.NEW_MEMBER, organizer=None, **fields):
        fields.setdefault("title", f"Lớp {kind}")
        fields.setdefault("starts_on", date(2024, 3, 4))
        fields.setdefault("ends_on", date(2024, 3, 8))
        return services.create_course(
            organizer=organizer or tree["commune"], kind=kind, by=officer, **fields
        )

    return make


@pytest.fixture
def directive(officer):
    return services.create_directive(
        code="05-CT/TW",
        title="Về đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh",
        issued_on=date(2016, 5, 15),
        issuer="Bộ Chính trị",
        by=officer,
    )


@pytest.fixture
def objects(tree, officer, course_factory, directive, cell_member):
    course = course_factory(CourseKind.ELEMENTARY_THEORY, title="Sơ cấp LLCT khóa 3")
    enrollment = services.enroll_member(course, member=cell_member, by=officer)
    services.record_study_session(
        directive=directive,
        organization=tree["cell_a"],
        held_on=date(2024, 2, 15),
        members_count=12,
        others_count=3,
        by=officer,
    )
    return {"course": course, "enrollment": enrollment, "directive": directive}
