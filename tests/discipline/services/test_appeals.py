"""discipline.services.appeals: receipt and appeal within 30 days (DIS-04), the appeal
resolved once and in the right direction; appeals that raise the form apply it on the
appeal's decision date; appeals that reduce or annul an applied expulsion reopen the
membership, a reduced dissolution leaves a visible task (DIS-05); the badge."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from discipline import queries
from discipline.enums import (
    AppealOutcome,
)
from discipline.enums import DisciplineForm as F
from discipline.services import appeals
from members.enums import MemberStatus
from members.models import MemberEvent
from tests.discipline.services.support import appeal, on_member, on_org, record

pytestmark = pytest.mark.django_db


def test_dis04_appeal_within_30_days_of_receipt(tree, officer, person):
    d = record(tree, officer, subject_member=person, form=F.WARNING)
    with pytest.raises(ValidationError, match="DIS-04"):
        appeals.record_appeal(d, appealed_on=date(2024, 6, 5), by=officer)
    appeals.record_receipt(d, received_on=date(2024, 6, 3), by=officer)
    with pytest.raises(ValidationError, match="DIS-04"):
        appeals.record_appeal(d, appealed_on=date(2024, 7, 4), by=officer)  # day 31
    appeals.record_appeal(d, appealed_on=date(2024, 7, 3), by=officer)  # day 30
    appeals.resolve_appeal(
        d, outcome="reduced", new_form=F.REPRIMAND, decided_on=date(2024, 8, 1), by=officer
    )
    assert d.effective_form == F.REPRIMAND


def test_dis05_appeal_raising_a_warning_to_dissolution_applies_it_on_the_appeal_date(tree, officer):
    d = on_org(tree, officer, "cell_b", form=F.WARNING)
    appeal(d, officer, outcome=AppealOutcome.INCREASED, new_form=F.DISSOLUTION)
    tree["cell_b"].refresh_from_db()
    assert tree["cell_b"].dissolved_on == date(2024, 7, 15)


def test_dis05_reduced_dissolution_leaves_a_task_on_the_page(login, tree, officer):
    d = on_org(tree, officer, "cell_b")
    d = appeal(d, officer, outcome=AppealOutcome.REDUCED, new_form=F.WARNING)
    assert d.organization_to_restore
    page = login(officer).get(reverse("discipline:detail", args=[d.pk])).content.decode()
    assert 'data-testid="restore-task"' in page
    assert tree["cell_b"].get_absolute_url() in page


def test_dis05_appeal_raising_to_expulsion_ends_membership_on_the_appeal_date(
    tree, officer, person
):
    d = on_member(tree, officer, person, F.WARNING)
    d = appeal(d, officer, outcome=AppealOutcome.INCREASED, new_form=F.EXPULSION)
    person.refresh_from_db()
    assert person.status == MemberStatus.EXPELLED
    event = MemberEvent.objects.get(pk=d.leaving_event_id)
    assert (event.kind, event.on, event.document) == ("expelled", date(2024, 7, 15), "16-QĐ/ĐU")
    assert person.memberships.get().ends_on == date(2024, 7, 15)
    # The badge is handed back on or after the day the expulsion took effect.
    with pytest.raises(ValidationError, match="Ngày thu hồi trước ngày quyết định"):
        appeals.mark_badge_returned(d, returned_on=date(2024, 7, 1), by=officer)
    appeals.mark_badge_returned(d, returned_on=date(2024, 7, 20), by=officer)


def test_dis05_raise_refused_by_the_register_is_not_half_saved(tree, officer, person):
    """The register refuses an event in the future: the appeal's outcome is not saved."""
    d = on_member(tree, officer, person, F.WARNING)
    with pytest.raises(
        ValidationError, match=r"Ngày của sự kiện không được ở tương lai\. \(DIS-05\)"
    ) as caught:
        appeal(
            d,
            officer,
            outcome=AppealOutcome.INCREASED,
            new_form=F.EXPULSION,
            decided_on=date(2099, 1, 1),
        )
    assert "DIS-05" in " ".join(caught.value.message_dict["decided_on"])
    d.refresh_from_db()
    person.refresh_from_db()
    assert d.appeal_outcome == AppealOutcome.PENDING and d.appeal_form == ""
    assert person.status == MemberStatus.FULL


def test_dis05_annulled_expulsion_reopens_the_membership_without_a_gap(
    login, tree, officer, person
):
    membership = person.memberships.get(ends_on__isnull=True)
    d = on_member(tree, officer, person, F.EXPULSION)
    person.refresh_from_db()
    assert person.status == MemberStatus.EXPELLED
    d = appeal(d, officer, outcome=AppealOutcome.ANNULLED)
    assert d.effective_form is None
    person.refresh_from_db()
    membership.refresh_from_db()
    # The expulsion is void: the same membership is open again, party age unbroken (AGE-01).
    assert person.status == MemberStatus.FULL
    assert membership.ends_on is None
    assert person.party_age_from == person.admitted_on  # no day deducted
    assert person.events.order_by("-on", "-id").first().kind == "expulsion_annulled"
    assert not d.membership_to_restore
    assert queries.restoration_tasks(person) == []
    page = login(officer).get(reverse("discipline:detail", args=[d.pk])).content.decode()
    assert 'data-testid="restore-task"' not in page


def test_dis05_reduced_expulsion_also_reopens_the_membership(tree, officer, person):
    d = on_member(tree, officer, person, F.EXPULSION)
    d = appeal(d, officer, outcome=AppealOutcome.REDUCED, new_form=F.WARNING)
    person.refresh_from_db()
    assert d.effective_form == F.WARNING and not d.membership_to_restore
    assert person.status == MemberStatus.FULL


def test_dis04_appeal_resolved_once_and_in_the_right_direction(tree, officer, person):
    d = on_member(tree, officer, person, F.WARNING)
    appeals.record_receipt(d, received_on=date(2024, 6, 5), by=officer)
    appeals.record_appeal(d, appealed_on=date(2024, 6, 20), by=officer)
    with pytest.raises(ValidationError, match="nhẹ hơn"):
        appeals.resolve_appeal(
            d, outcome="reduced", new_form=F.EXPULSION, decided_on=date(2024, 7, 1), by=officer
        )
    with pytest.raises(ValidationError, match="nặng hơn"):
        appeals.resolve_appeal(
            d, outcome="increased", new_form=F.REPRIMAND, decided_on=date(2024, 7, 1), by=officer
        )
    appeals.resolve_appeal(d, outcome="upheld", decided_on=date(2024, 7, 1), by=officer)
    with pytest.raises(ValidationError, match="đã được giải quyết"):
        appeals.resolve_appeal(d, outcome="annulled", decided_on=date(2024, 7, 2), by=officer)
