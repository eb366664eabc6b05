"""DIS-05 effects through the services that own the records: expulsion through
members.events, dissolution through organizations.services; appeals that raise the form
apply it on the appeal's decision date; appeals that reduce or annul an applied expulsion
or dissolution are recorded and leave a visible task (no service undoes them yet)."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from discipline import queries, services
from discipline.enums import AppealOutcome, DecidingBody
from discipline.enums import DisciplineForm as F
from discipline.models import Discipline
from members.enums import MemberStatus
from members.models import MemberEvent
from tests.discipline.conftest import add_member

pytestmark = pytest.mark.django_db


def on_org(tree, by, org_key, form=F.DISSOLUTION, **kw):
    """A discipline of an organization decided by its direct superior (DIS-02)."""
    org = tree[org_key]
    superior = {"cell_a": "grassroots", "cell_b": "grassroots", "grassroots": "commune"}[org_key]
    kw.setdefault("offence_on", date(2024, 3, 1))
    kw.setdefault("decided_on", date(2024, 6, 1))
    return services.record_discipline(
        subject_organization=org,
        form=form,
        deciding_organization=tree[superior],
        deciding_body=DecidingBody.STANDING_COMMITTEE,
        offence="Mất đoàn kết nghiêm trọng",
        decision_number="15-QĐ/ĐU",
        by=by,
        **kw,
    )


def on_member(tree, by, member, form, **kw):
    kw.setdefault("offence_on", date(2024, 3, 1))
    kw.setdefault("decided_on", date(2024, 6, 1))
    return services.record_discipline(
        subject_member=member,
        form=form,
        deciding_organization=tree["grassroots"],
        deciding_body=DecidingBody.STANDING_COMMITTEE,
        offence="Vi phạm tư cách đảng viên",
        decision_number="16-QĐ/ĐU",
        by=by,
        **kw,
    )


def appeal(d, by, *, outcome, decided_on=date(2024, 7, 15), new_form=""):
    services.record_receipt(d, received_on=date(2024, 6, 5), by=by)
    services.record_appeal(d, appealed_on=date(2024, 6, 20), by=by)
    return services.resolve_appeal(
        d, outcome=outcome, decided_on=decided_on, new_form=new_form, by=by
    )


# --- dissolution ------------------------------------------------------------------------


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
    services.decide_deferred(d, decided_on=date(2024, 9, 1), by=officer)
    tree["cell_b"].refresh_from_db()
    assert tree["cell_b"].dissolved_on == date(2024, 9, 1)


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


# --- expulsion --------------------------------------------------------------------------


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
        services.mark_badge_returned(d, returned_on=date(2024, 7, 1), by=officer)
    services.mark_badge_returned(d, returned_on=date(2024, 7, 20), by=officer)


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
    services.record_receipt(d, received_on=date(2024, 6, 5), by=officer)
    services.record_appeal(d, appealed_on=date(2024, 6, 20), by=officer)
    with pytest.raises(ValidationError, match="nhẹ hơn"):
        services.resolve_appeal(
            d, outcome="reduced", new_form=F.EXPULSION, decided_on=date(2024, 7, 1), by=officer
        )
    with pytest.raises(ValidationError, match="nặng hơn"):
        services.resolve_appeal(
            d, outcome="increased", new_form=F.REPRIMAND, decided_on=date(2024, 7, 1), by=officer
        )
    services.resolve_appeal(d, outcome="upheld", decided_on=date(2024, 7, 1), by=officer)
    with pytest.raises(ValidationError, match="đã được giải quyết"):
        services.resolve_appeal(d, outcome="annulled", decided_on=date(2024, 7, 2), by=officer)


def test_dis05_refusal_shown_beside_the_decision_date_on_the_form(login, tree, officer):
    url = reverse("discipline:discipline_create", args=[tree["commune"].pk])
    response = login(officer).post(
        url,
        {
            "subject_organization": tree["grassroots"].pk,
            "deciding_body": DecidingBody.STANDING_COMMITTEE,
            "form": F.DISSOLUTION,
            "offence": "Vi phạm",
            "offence_on": "01/03/2024",
            "decided_on": "01/06/2024",
        },
    )
    assert response.status_code == 400
    form = response.context["form"]
    assert any("DIS-05" in e for e in form.errors["decided_on"])
    assert not Discipline.objects.exists()
