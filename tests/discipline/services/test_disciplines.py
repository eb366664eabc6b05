"""discipline.services.disciplines: recording a discipline (DIS-01..03 refusals with the rule
ID), deferral (DIS-04) and the DIS-05 effects on the register and the tree: expulsion
through members.services.events, dissolution through organizations.services."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from discipline.enums import (
    DecidingBody,
    DeferralReason,
)
from discipline.enums import DisciplineForm as F
from discipline.models import Discipline
from discipline.services import appeals, disciplines
from members.enums import MemberStatus
from members.models import MemberEvent
from tests.discipline.conftest import add_member, seat
from tests.discipline.services.support import on_org, record

pytestmark = pytest.mark.django_db


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
        appeals.mark_badge_returned(d, returned_on=date(2024, 5, 1), by=officer)
    appeals.mark_badge_returned(d, returned_on=date(2024, 6, 10), by=officer)
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
        disciplines.decide_deferred(d, decided_on=date(2024, 8, 31), by=officer)
    disciplines.decide_deferred(d, decided_on=date(2024, 9, 1), by=officer)
    d.refresh_from_db()
    assert d.decided_on == date(2024, 9, 1)


def test_dis05_dissolution_closes_the_organization_in_the_tree(tree, officer):
    d = on_org(tree, officer, "cell_b")
    tree["cell_b"].refresh_from_db()
    assert tree["cell_b"].dissolved_on == date(2024, 6, 1)
    assert d.dissolution_applied_on == date(2024, 6, 1)
    # The tree's audit trail names the discipline decision.
    last = tree["cell_b"].history.first()
    assert "Kỷ luật giải tán" in (last.history_change_reason or "")
    assert last.history_user == officer


def test_dis05_dissolution_refused_with_active_subordinates_nothing_saved(tree, officer):
    with pytest.raises(
        ValidationError,
        match=r"Chưa thể giải tán Đảng bộ Trường THPT Tân Lập trong hệ thống tổ chức",
    ) as caught:
        on_org(tree, officer, "grassroots")
    text = " ".join(caught.value.message_dict["decided_on"])
    assert "DIS-05" in text
    assert "Còn 2 tổ chức trực thuộc chưa giải thể" in text  # organizations.dissolve_errors
    tree["grassroots"].refresh_from_db()
    assert tree["grassroots"].dissolved_on is None
    assert not Discipline.objects.exists()


def test_dis05_dissolution_refused_while_members_still_active_there(tree, officer):
    add_member(tree["cell_a"], "Lê Văn Cường")
    with pytest.raises(ValidationError, match="1 đảng viên đang sinh hoạt"):
        on_org(tree, officer, "cell_a")
    assert not Discipline.objects.exists()


def test_dis05_dissolution_once_subordinates_dissolved(tree, officer):
    on_org(tree, officer, "cell_a", offence_on=date(2024, 1, 2), decided_on=date(2024, 2, 1))
    on_org(tree, officer, "cell_b", offence_on=date(2024, 1, 2), decided_on=date(2024, 2, 1))
    on_org(tree, officer, "grassroots")
    tree["grassroots"].refresh_from_db()
    assert tree["grassroots"].dissolved_on == date(2024, 6, 1)


def test_dis05_deferred_dissolution_applied_when_decided(tree, officer):
    d = on_org(tree, officer, "cell_b", decided_on=None, deferral_reason="ill")
    tree["cell_b"].refresh_from_db()
    assert tree["cell_b"].dissolved_on is None
    disciplines.decide_deferred(d, decided_on=date(2024, 9, 1), by=officer)
    tree["cell_b"].refresh_from_db()
    assert tree["cell_b"].dissolved_on == date(2024, 9, 1)
