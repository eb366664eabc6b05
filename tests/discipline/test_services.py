"""Discipline and inspection services: refusals with the rule ID, effects (DIS-05), INS-02."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from discipline import queries, services
from discipline.enums import Activity, Area, DecidingBody, DeferralReason, InspectionKind
from discipline.enums import DisciplineForm as F
from members.enums import MemberStatus
from members.models import MemberEvent
from tests.discipline.conftest import add_member, seat

pytestmark = pytest.mark.django_db


def record(tree, by, **kw):
    kw.setdefault("deciding_organization", tree["grassroots"])
    kw.setdefault("deciding_body", DecidingBody.STANDING_COMMITTEE)
    kw.setdefault("offence", "Vi phạm quy chế làm việc")
    kw.setdefault("offence_on", date(2024, 3, 1))
    kw.setdefault("decided_on", date(2024, 6, 1))
    return services.record_discipline(by=by, **kw)


def test_dis01_dismissal_only_for_member_holding_a_post(tree, officer, person):
    with pytest.raises(ValidationError, match="DIS-01"):
        record(tree, officer, subject_member=person, form=F.DISMISSAL)
    seat(person, tree["cell_a"], starts_on=date(2023, 1, 1))
    d = record(tree, officer, subject_member=person, form=F.DISMISSAL)
    assert d.form == F.DISMISSAL


def test_dis01_seat_closed_before_offence_and_decision_does_not_count(tree, officer, person):
    seat(person, tree["cell_a"], starts_on=date(2021, 1, 1), ends_on=date(2023, 12, 31))
    with pytest.raises(ValidationError, match="DIS-01"):
        record(tree, officer, subject_member=person, form=F.DISMISSAL)


def test_dis01_probationary_member_reprimand_or_warning_only(tree, officer):
    p = add_member(tree["cell_a"], "Trần Thị Bình", status=MemberStatus.PROBATIONARY)
    with pytest.raises(ValidationError, match="DIS-01"):
        record(tree, officer, subject_member=p, form=F.EXPULSION)
    assert record(tree, officer, subject_member=p, form=F.WARNING).pk


def test_dis01_organization_forms_and_one_offence_one_discipline(tree, officer):
    with pytest.raises(ValidationError, match="DIS-01"):
        record(tree, officer, subject_organization=tree["cell_a"], form=F.EXPULSION)
    record(tree, officer, subject_organization=tree["cell_a"], form=F.WARNING)
    with pytest.raises(ValidationError, match="DIS-01"):
        record(tree, officer, subject_organization=tree["cell_a"], form=F.REPRIMAND)


def test_dis02_cell_and_cell_committee(tree, secretary, person):
    with pytest.raises(ValidationError, match="DIS-02"):
        record(
            tree,
            secretary,
            subject_member=person,
            form=F.REPRIMAND,
            deciding_organization=tree["cell_a"],
            deciding_body=DecidingBody.CELL_COMMITTEE,
        )
    with pytest.raises(ValidationError, match="DIS-02"):
        record(
            tree,
            secretary,
            subject_member=person,
            form=F.EXPULSION,
            deciding_organization=tree["cell_a"],
            deciding_body=DecidingBody.CELL,
        )
    assert record(
        tree,
        secretary,
        subject_member=person,
        form=F.WARNING,
        deciding_organization=tree["cell_a"],
        deciding_body=DecidingBody.CELL,
    ).pk


def test_dis02_organization_by_direct_superior_only(tree, officer):
    with pytest.raises(ValidationError, match="DIS-02"):
        record(
            tree,
            officer,
            subject_organization=tree["cell_a"],
            form=F.WARNING,
            deciding_organization=tree["commune"],
        )


def test_dis03_decision_before_offence_and_after_limitation_refused(tree, officer, person):
    with pytest.raises(ValidationError, match="trước ngày vi phạm"):
        record(tree, officer, subject_member=person, form=F.REPRIMAND, offence_on=date(2024, 6, 2))
    with pytest.raises(ValidationError, match="DIS-03"):
        record(tree, officer, subject_member=person, form=F.REPRIMAND, offence_on=date(2019, 5, 31))
    assert record(
        tree, officer, subject_member=person, form=F.REPRIMAND, offence_on=date(2019, 6, 1)
    ).pk


def test_dis05_expulsion_ends_membership_through_lifecycle_and_badge(tree, officer, person):
    d = record(tree, officer, subject_member=person, form=F.EXPULSION, decision_number="12-QĐ/ĐU")
    person.refresh_from_db()
    assert person.status == MemberStatus.EXPELLED
    assert not person.memberships.filter(ends_on__isnull=True).exists()
    assert MemberEvent.objects.get(pk=d.leaving_event_id).kind == "expelled"
    with pytest.raises(ValidationError, match="Ngày thu hồi trước ngày quyết định"):
        services.mark_badge_returned(d, returned_on=date(2024, 5, 1), by=officer)
    services.mark_badge_returned(d, returned_on=date(2024, 6, 10), by=officer)
    assert d.badge_returned_on == date(2024, 6, 10)


def test_dis04_deferral_then_decision(tree, officer, person):
    d = record(
        tree,
        officer,
        subject_member=person,
        form=F.REPRIMAND,
        decided_on=None,
        deferral_reason=DeferralReason.PREGNANT,
        deferred_until=date(2024, 9, 1),
    )
    assert d.is_deferred
    with pytest.raises(ValidationError, match="DIS-04"):
        services.decide_deferred(d, decided_on=date(2024, 8, 31), by=officer)
    services.decide_deferred(d, decided_on=date(2024, 9, 1), by=officer)
    d.refresh_from_db()
    assert d.decided_on == date(2024, 9, 1)


def test_dis04_appeal_within_30_days_of_receipt(tree, officer, person):
    d = record(tree, officer, subject_member=person, form=F.WARNING)
    with pytest.raises(ValidationError, match="DIS-04"):
        services.record_appeal(d, appealed_on=date(2024, 6, 5), by=officer)
    services.record_receipt(d, received_on=date(2024, 6, 3), by=officer)
    with pytest.raises(ValidationError, match="DIS-04"):
        services.record_appeal(d, appealed_on=date(2024, 7, 4), by=officer)  # day 31
    services.record_appeal(d, appealed_on=date(2024, 7, 3), by=officer)  # day 30
    services.resolve_appeal(
        d, outcome="reduced", new_form=F.REPRIMAND, decided_on=date(2024, 8, 1), by=officer
    )
    assert d.effective_form == F.REPRIMAND


def test_org04_commission_refused_for_a_cell(tree, officer):
    with pytest.raises(ValidationError, match="ORG-04"):
        services.create_commission(organization=tree["cell_a"], by=officer)
    assert services.create_commission(organization=tree["grassroots"], by=officer).pk
    with pytest.raises(ValidationError, match="ORG-04"):
        services.create_inspection(
            organization=tree["cell_a"],
            activity=Activity.INSPECTION,
            kind=InspectionKind.REGULAR,
            starts_on=date(2024, 1, 1),
            subject_organization=tree["cell_a"],
            conducted_by=DecidingBody.INSPECTION_COMMISSION,
            by=officer,
        )


def test_ins02_statistics_in_the_seed_shape(tree, officer, person):
    """3 organizations and 7 members on signs; 5 finance inspections; 3 supervision rounds on
    3 committees and 17 members; assigned committee members."""
    from tests.factories import OrganizationFactory

    commune = tree["commune"]
    orgs = [tree["grassroots"], tree["cell_a"], tree["cell_b"]]
    extra = [OrganizationFactory(kind="grassroots_cell", superior=commune) for _ in range(2)]
    members = [person] + [add_member(tree["cell_b"], f"Đảng viên {i}") for i in range(6)]
    common = {"organization": commune, "activity": Activity.INSPECTION, "by": officer}
    for o in orgs:
        services.create_inspection(
            kind=InspectionKind.SIGNS_OF_VIOLATION,
            starts_on=date(2024, 4, 1),
            subject_organization=o,
            areas=[Area.DEMOCRATIC_CENTRALISM],
            **common,
        )
    for m in members:
        services.create_inspection(
            kind=InspectionKind.SIGNS_OF_VIOLATION,
            starts_on=date(2024, 5, 1),
            subject_member=m,
            **common,
        )
    for o in orgs[:3] + extra:
        services.create_inspection(
            kind=InspectionKind.REGULAR,
            starts_on=date(2024, 6, 1),
            subject_organization=o,
            areas=[Area.FINANCES],
            **common,
        )
    for o, n in zip(orgs, (5, 6, 6), strict=True):
        services.create_inspection(
            organization=commune,
            activity=Activity.SUPERVISION,
            kind=InspectionKind.THEMATIC,
            starts_on=date(2024, 7, 1),
            subject_organization=o,
            members_covered=n,
            areas=[Area.WORKING_RULES],
            by=officer,
        )
    services.create_inspection(
        kind=InspectionKind.SIGNS_OF_VIOLATION,
        starts_on=date(2025, 1, 2),
        subject_organization=orgs[0],
        **common,
    )  # outside the period
    leader = add_member(commune, "Cấp ủy viên")
    seat(leader, commune)
    services.assign_follow(
        organization=commune,
        member=leader,
        followed=tree["cell_a"],
        starts_on=date(2024, 1, 1),
        areas=[Area.ADMISSION],
        by=officer,
    )
    s = queries.inspection_stats(commune, date(2024, 1, 1), date(2024, 12, 31))
    assert (s.orgs_on_signs, s.members_on_signs) == (3, 7)
    assert (s.finance_inspections, s.finance_orgs) == (5, 5)
    assert (s.supervisions, s.supervised_orgs, s.supervised_members) == (3, 3, 17)
    assert s.assigned_members == 1


def test_ins02_finance_area_matched_in_the_json_list_on_every_database(tree, officer, person):
    """The finance filter reads the JSON list's text: the quoted value, wherever it sits in
    the list, on SQLite and PostgreSQL alike; other areas and the committee itself don't count."""
    commune = tree["commune"]
    common = {
        "organization": commune,
        "activity": Activity.INSPECTION,
        "kind": InspectionKind.REGULAR,
        "by": officer,
    }
    cases = [
        (tree["cell_a"], [Area.UNITY, Area.FINANCES]),  # counted: second in the list
        (tree["cell_b"], [Area.FINANCES]),  # counted
        (tree["grassroots"], [Area.THRIFT_ANTI_CORRUPTION, Area.WORKING_RULES]),  # not finances
        (commune, [Area.FINANCES]),  # the committee itself: not a subordinate
    ]
    for org, areas in cases:
        services.create_inspection(
            starts_on=date(2024, 3, 1), subject_organization=org, areas=areas, **common
        )
    services.create_inspection(
        starts_on=date(2024, 3, 1), subject_member=person, areas=[Area.FINANCES], **common
    )  # a member, not an organization
    s = queries.inspection_stats(commune, date(2024, 1, 1), date(2024, 12, 31))
    assert (s.finance_inspections, s.finance_orgs) == (2, 2)
