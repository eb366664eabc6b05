"""A small commune for the annual report, every figure of 2025 computed by hand.

Commune Tân Lập (tests.factories.make_tree) → Đảng bộ Trường THPT (grassroots) → cells
Nà Phát (cell_a) and Khau Khoang (cell_b), both "thôn" (rural village).

Members on 31/12/2025 (4): An (a, woman, full), Bình (a, man, full), Cường (b, man,
probationary since 01/03/2025), Dung (b, woman, full); all upper secondary, three with a
university degree (An, Bình, Dung).
  → 4 members, 3 full, 1 probationary; women 2 = 50,0%; university 3 = 75,0%.
  Organizations below the commune: 1 grassroots đảng bộ + 2 cells = 3.

Meetings 2025: cell_a held its periodic meeting every month (12), cell_b in 10 months.
  → 12 kỳ: 1 of 2 = 50,00%; 9–11 kỳ: 1 = 50,00%; under 9: 0 = 0,00%.
  Attendance (January meetings): a: An, Bình present; b: Cường present, Dung unexcused.
  → 3 present of 4 = 75,00%.

Admissions 2025: target 4 (commune), 3 new sympathizers, 2 trained, 2 admitted
  → achievement 50,0%; 2024: nothing, no target.

Review 2025: the grassroots đảng bộ "good" (1 TCCSĐ, HTT 100,0%); members An
excellent, Bình and Cường good, Dung failed → 4: HTXS 25,0%, HTT 50,0%, HT 0,0%,
KHT 25,0%.

Inspection 2025: 1 inspection of Bình on signs of violation, 1 supervision of cell_a.

Training 2025: one awareness course at the commune (2 learners: Cường completed with a
certificate, one non-member enrolled); Chỉ thị 05-CT/TW studied at 2 conferences (the
commune: 40 members + 5 others; cell_a: 10 members) → 2 conferences, 55 attendances.
"""

from datetime import date

from admissions.enums import CandidateSource, CandidateState, Outcome, Stage
from admissions.models import AdmissionCase, AdmissionTarget, Candidate, CandidateEvent, CaseStep
from discipline.enums import Activity, DecidingBody, InspectionKind, SubjectKind
from discipline.models import Inspection
from meetings.enums import AttendanceStatus, MeetingKind, MeetingState
from meetings.models import Attendance, Meeting
from members.enums import MembershipKind, MemberStatus, Sex
from members.models import Membership
from reviews.enums import Level
from reviews.models import MemberReview, OrganizationReview, ReviewRound
from tests.factories import MemberFactory
from training.enums import CourseKind, DirectiveKind, Result, StudyLevel
from training.models import Course, Directive, Enrollment, StudySession

YEAR = 2025


def _member(org, name, sex, *, status=MemberStatus.FULL, since=date(2015, 1, 1), **fields):
    full_on = None if status == MemberStatus.PROBATIONARY else since
    m = MemberFactory(
        full_name=name,
        organization=org,
        sex=sex,
        status=status,
        admitted_on=since,
        full_member_on=full_on,
        party_age_from=since,
        date_of_birth=date(1990, 1, 1),
        education="upper_secondary",
        **fields,
    )
    Membership.objects.create(member=m, organization=org, kind=MembershipKind.HOME, starts_on=since)
    return m


def _meeting(cell, on):
    return Meeting.objects.create(
        organization=cell,
        kind=MeetingKind.PERIODIC,
        planned_on=on,
        state=MeetingState.HELD,
        held_on=on,
    )


def build(tree, user) -> dict:
    commune, grassroots = tree["commune"], tree["grassroots"]
    cell_a, cell_b = tree["cell_a"], tree["cell_b"]
    an = _member(cell_a, "Nguyễn Thị An", Sex.FEMALE, qualification="university")
    binh = _member(cell_a, "Trần Văn Bình", Sex.MALE, qualification="master")
    cuong = _member(
        cell_b,
        "Lê Văn Cường",
        Sex.MALE,
        status=MemberStatus.PROBATIONARY,
        since=date(2025, 3, 1),
        qualification="college",
    )
    dung = _member(cell_b, "Phạm Thị Dung", Sex.FEMALE, qualification="university")

    a_meetings = [_meeting(cell_a, date(YEAR, m, 10)) for m in range(1, 13)]
    b_meetings = [_meeting(cell_b, date(YEAR, m, 12)) for m in range(1, 11)]
    P, U = AttendanceStatus.PRESENT, AttendanceStatus.UNEXCUSED
    for meeting, member, status in (
        (a_meetings[0], an, P),
        (a_meetings[0], binh, P),
        (b_meetings[0], cuong, P),
        (b_meetings[0], dung, U),
    ):
        Attendance.objects.create(meeting=meeting, member=member, status=status)

    AdmissionTarget.objects.create(organization=commune, year=YEAR, target=4)
    for i in range(3):
        candidate = Candidate.objects.create(
            full_name=f"Quần chúng {i + 1}",
            sex=Sex.MALE,
            date_of_birth=date(2000, 1, 1),
            source=CandidateSource.YOUTH_UNION,
            cell=cell_a,
            state=CandidateState.SYMPATHIZER,
            state_since=date(YEAR, 2, 1),
        )
        CandidateEvent.objects.create(
            candidate=candidate, state=CandidateState.SYMPATHIZER, on=date(YEAR, 2, 1)
        )
        if i < 2:
            case = AdmissionCase.objects.create(
                candidate=candidate,
                cell=cell_a,
                stage=Stage.MEMBER_FILE,
                outcome=Outcome.ADMITTED,
                opened_on=date(YEAR, 3, 1),
                decision_on=date(YEAR, 5 + i, 10),
            )
            CaseStep.objects.create(case=case, stage=Stage.COURSE, on=date(YEAR, 4, 1))

    review_round = ReviewRound.objects.create(organization=commune, year=YEAR, rule_set="366")
    OrganizationReview.objects.create(
        round=review_round, organization=grassroots, year=YEAR, decision_level=Level.GOOD
    )
    for member, level in (
        (an, Level.EXCELLENT),
        (binh, Level.GOOD),
        (cuong, Level.GOOD),
        (dung, Level.FAILED),
    ):
        MemberReview.objects.create(
            round=review_round,
            member=member,
            organization=member.organization,
            year=YEAR,
            decision_level=level,
        )

    Inspection.objects.create(
        organization=commune,
        activity=Activity.INSPECTION,
        kind=InspectionKind.SIGNS_OF_VIOLATION,
        conducted_by=DecidingBody.INSPECTION_COMMISSION,
        subject_kind=SubjectKind.MEMBER,
        subject_member=binh,
        subject_organization=cell_a,
        starts_on=date(YEAR, 6, 1),
        created_by=user,
    )
    Inspection.objects.create(
        organization=commune,
        activity=Activity.SUPERVISION,
        kind=InspectionKind.THEMATIC,
        conducted_by=DecidingBody.STANDING_COMMITTEE,
        subject_kind=SubjectKind.ORGANIZATION,
        subject_organization=cell_a,
        starts_on=date(YEAR, 9, 1),
        created_by=user,
    )

    course = Course.objects.create(
        kind=CourseKind.PARTY_AWARENESS,
        title="Lớp bồi dưỡng nhận thức về Đảng khóa 1/2025",
        organizer=commune,
        starts_on=date(YEAR, 3, 3),
        ends_on=date(YEAR, 3, 7),
    )
    Enrollment.objects.create(
        course=course, member=cuong, result=Result.COMPLETED, certificate_on=date(YEAR, 3, 7)
    )
    Enrollment.objects.create(course=course, person_name="Quần chúng 3", result=Result.ENROLLED)
    directive = Directive.objects.create(
        code="05-CT/TW",
        kind=DirectiveKind.DIRECTIVE,
        title="Về đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh",
        issued_on=date(2016, 5, 15),
        issuer="Bộ Chính trị",
    )
    StudySession.objects.create(
        directive=directive,
        organization=commune,
        held_on=date(YEAR, 4, 10),
        level=StudyLevel.COMMUNE,
        members_count=40,
        others_count=5,
    )
    StudySession.objects.create(
        directive=directive,
        organization=cell_a,
        held_on=date(YEAR, 5, 1),
        level=StudyLevel.CELL,
        members_count=10,
        others_count=0,
    )
    return {"an": an, "binh": binh, "cuong": cuong, "dung": dung}
