"""seed_party_work after seed_demo: admissions at every stage with clean findings, members
created through the register, training certificates valid when used, the 2018 review
results of the district (the seed's 59 grassroots organizations), the REV-03 cap, a KHT
linked to a discipline, nothing dated after today, and --if-empty.

One seed for the whole module (it takes a while): built inside a transaction that is
rolled back at the end, so the other test modules see an empty database."""

from datetime import date
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import transaction
from django.db.models import Count, Max
from django.test import override_settings

from admissions.enums import Outcome, Stage
from admissions.models import AdmissionCase, AdmissionTarget, Candidate, CaseStep, Sponsor
from discipline.enums import DecidingBody
from discipline.models import Discipline, Inspection
from discipline.rules import body_findings
from discipline.services.common import org_ref
from members.enums import EventKind, MembershipKind, MemberStatus
from members.models import MemberEvent, Membership
from organizations.enums import GRASSROOTS_KINDS, OrgKind
from organizations.models import Organization
from reviews import rules as rev_rules
from reviews.enums import Level
from reviews.models import MemberReview, OrganizationReview
from reviews.queries import checks
from reviews.queries.results import results
from training.enums import CourseKind
from training.models import Enrollment, StudySession
from training.queries import awareness_certificate

# The seeded data depends on the day the generator treats as today (cases stop there); the
# figures below were drawn from a run on this day, so the module always seeds as of it.
SEED_TODAY = date(2026, 11, 23)


@pytest.fixture(scope="module")
def seeded(django_db_setup, django_db_blocker):
    with (
        django_db_blocker.unblock(),
        override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"]),
    ):
        outer = transaction.atomic()
        outer.__enter__()
        try:
            call_command("seed_demo", stdout=StringIO())
            out = StringIO()
            call_command("seed_party_work", "--today", "23/11/2026", stdout=out)
            yield out.getvalue()
        finally:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)


pytestmark = pytest.mark.django_db


def test_command_reports_what_it_made(seeded):
    assert "hồ sơ kết nạp" in seeded


def test_cases_stand_at_several_stages_with_no_blocking_finding(seeded):
    stages = set(AdmissionCase.objects.filter(outcome=Outcome.OPEN).values_list("stage", flat=True))
    assert len(stages) >= 5, stages
    assert AdmissionCase.objects.filter(outcome=Outcome.ADMITTED).count() >= 10
    assert AdmissionCase.objects.filter(outcome=Outcome.REFUSED).exists()
    assert AdmissionCase.objects.filter(outcome=Outcome.WITHDRAWN).exists()
    steps = list(CaseStep.objects.all())
    assert len(steps) > 300
    for step in steps:
        severities = {f["severity"] for f in step.findings}
        assert severities <= {"info"}, (step, step.findings)
        assert not step.override_reason


def test_every_admitted_case_went_through_the_register(seeded):
    admitted = AdmissionCase.objects.filter(outcome=Outcome.ADMITTED).select_related(
        "member", "candidate"
    )
    for case in admitted:
        member = case.member
        assert member is not None and member.full_name == case.candidate.full_name
        assert member.status == MemberStatus.PROBATIONARY
        assert member.admitted_on == case.decision_on
        assert MemberEvent.objects.filter(
            member=member, kind=EventKind.ADMITTED, on=case.decision_on, organization=case.cell
        ).exists()
        assert Membership.objects.filter(
            member=member,
            organization=case.cell,
            kind=MembershipKind.HOME,
            starts_on=case.decision_on,
            ends_on=None,
        ).exists()
        assert case.candidate.state == "admitted"
        stages = list(case.steps.values_list("stage", flat=True))
        assert Stage.CELL_RESOLUTION in stages and Stage.CEREMONY in stages


def test_votes_and_sponsors_follow_the_rules(seeded):
    for case in AdmissionCase.objects.exclude(cell_resolution_on=None):
        assert case.votes_for * 3 >= case.vote_base * 2
        sponsors = list(case.sponsors.all())
        assert len(sponsors) == 2
        for s in sponsors:
            assert (case.cell_resolution_on - s.since).days >= 365
    assert Sponsor.objects.filter(kind="youth_union").exists()


def test_certificates_are_valid_on_the_dates_the_cases_used_them(seeded):
    cases = AdmissionCase.objects.exclude(certificate_on=None).select_related("candidate")
    assert cases.count() > 20
    for case in cases:
        used = [s.on for s in case.steps.filter(stage__in=[Stage.COURSE, Stage.CELL_RESOLUTION])]
        for on in used:
            cert = awareness_certificate(case.candidate, on)
            assert cert is not None and cert.issued_on == case.certificate_on, (case, on)
            assert cert.course.kind == CourseKind.PARTY_AWARENESS


def test_candidates_have_helpers_and_monthly_reviews(seeded):
    sympathizers = Candidate.objects.filter(state="sympathizer")
    assert sympathizers.exists()
    assert not sympathizers.filter(helper=None).exists()
    assert Candidate.objects.filter(reviews__isnull=False).distinct().count() > 20
    assert Candidate.objects.filter(state="outstanding").exists()


def test_targets_and_probation(seeded):
    for commune in Organization.objects.filter(kind=OrgKind.COMMUNE):
        target = AdmissionTarget.objects.get(organization=commune, year=2025)
        admitted = AdmissionCase.objects.filter(
            cell__path__startswith=commune.path, decision_on__year=2025
        ).count()
        assert 0.85 <= admitted / target.target <= 1.2
        assert AdmissionTarget.objects.filter(organization=commune, term__isnull=False).exists()
    assert Enrollment.objects.filter(course__kind=CourseKind.NEW_MEMBER).exists()


def test_2018_results_match_the_seed(seeded):
    district = Organization.objects.get(kind=OrgKind.DISTRICT)
    r = results(district, 2018)
    assert r.rule_set.code == "REV-02"
    assert r.grassroots.total == 59
    counts = {c.level: c.count for c in r.grassroots.levels}
    assert counts == {Level.EXCELLENT: 5, Level.GOOD: 50, Level.COMPLETED: 4, Level.FAILED: 0}
    assert r.members.total > 3000
    grassroots = set(
        Organization.objects.filter(path__startswith=district.path, kind__in=GRASSROOTS_KINDS)
    )
    reviewed = {o.organization for o in OrganizationReview.objects.filter(year=2018)}
    assert grassroots <= reviewed
    trend = results(district, 2023).trend
    assert trend["labels"] == ["2018", "2023"]


def test_2023_keeps_the_excellent_cap(seeded):
    district = Organization.objects.get(kind=OrgKind.DISTRICT)
    assert OrganizationReview.objects.filter(year=2023).exists()
    for (_path, _key), (n_exc, n_good) in checks.cap_counts(2023, under=district).items():
        assert n_exc <= rev_rules.excellent_allowed(n_good)


def test_2025_is_scored_and_kht_goes_with_a_discipline(seeded):
    reviews = MemberReview.objects.filter(year=2025)
    assert reviews.count() > 1000
    for r in reviews.filter(rule_set="REV-04")[:200]:
        assert r.decision_score is not None
        assert (
            rev_rules.RANK[r.decision_level]
            <= rev_rules.RANK[rev_rules.band_level(r.decision_score)]
        )
    failed = reviews.filter(decision_level=Level.FAILED)
    assert failed.exists()
    for r in failed:
        assert Discipline.objects.filter(subject_member=r.member, decided_on__year=2025).exists()
    assert not MemberReview.objects.filter(decision_level=Level.FAILED).exclude(year=2025).exists()


def test_discipline_by_bodies_that_may_decide(seeded):
    disciplines = list(
        Discipline.objects.select_related("deciding_organization", "subject_organization")
    )
    assert 1 <= len(disciplines) <= 3
    for d in disciplines:
        assert d.deciding_body != DecidingBody.CELL_COMMITTEE
        assert not body_findings(
            d.deciding_body,
            org_ref(d.deciding_organization),
            d.form,
            d.subject_kind,
            org_ref(d.subject_organization),
        )
    district_2018 = Inspection.objects.filter(
        organization__kind=OrgKind.DISTRICT, starts_on__year=2018
    )
    kinds = dict(district_2018.values_list("kind").annotate(n=Count("pk")))
    assert kinds.get("signs") == 3
    assert district_2018.filter(activity="supervision").count() == 3
    assert sum("finances" in i.areas for i in district_2018) == 5


def test_study_sessions_for_the_three_directives(seeded):
    per_code = dict(StudySession.objects.values_list("directive__code").annotate(n=Count("pk")))
    assert set(per_code) >= {"05-CT/TW", "04-NQ/TW", "28-CT/TW"}
    assert all(n > 50 for n in per_code.values())


def test_nothing_is_dated_after_today(seeded):
    today = SEED_TODAY
    for model, fields in (
        (CaseStep, ["on"]),
        (Candidate, ["state_since"]),
        (StudySession, ["held_on"]),
        (Discipline, ["decided_on"]),
        (Inspection, ["starts_on", "concluded_on"]),
        (Enrollment, ["certificate_on"]),
    ):
        for name in fields:
            latest = model.objects.aggregate(m=Max(name))["m"]
            assert latest is None or latest <= today, (model, name, latest)


def test_if_empty_does_nothing_the_second_time(seeded):
    before = (AdmissionCase.objects.count(), MemberReview.objects.count())
    out = StringIO()
    call_command("seed_party_work", "--if-empty", stdout=out)
    assert out.getvalue() == ""
    assert (AdmissionCase.objects.count(), MemberReview.objects.count()) == before
    with pytest.raises(
        CommandError, match="Đã có dữ liệu kết nạp đảng viên; dùng --if-empty để bỏ qua"
    ):
        call_command("seed_party_work", stdout=StringIO())
