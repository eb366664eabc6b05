"""Transfer pages for every persona: the sending side (cell_a: secretary, officer), the
receiving side (other_cell: the `outsider` officer of other_commune), everyone else 404;
the flow through the forms; nothing half-saved; constant query counts."""

from datetime import date as D

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from members.enums import MemberStatus, TransferKind, TransferReason, TransferState
from members.models import Transfer
from members.services import transfers as svc
from tests.members.services.test_transfers import make_member

pytestmark = pytest.mark.django_db

LIST = reverse("members:transfer_list")
INCOMING = reverse("members:transfer_incoming")


def url(name, obj):
    return reverse(f"members:{name}", args=[obj.pk])


@pytest.fixture
def duc(tree):
    return make_member(tree["cell_a"])


@pytest.fixture
def outgoing(duc, tree, secretary):
    """cell_a → other_cell (another commune): pending."""
    return svc.create_transfer(
        member=duc,
        kind=TransferKind.OFFICIAL,
        reason=TransferReason.JOB_MOVE,
        trigger_on=D(2026, 1, 9),
        to_organization=tree["other_cell"],
        by=secretary,
    )


@pytest.fixture
def inside(tree, secretary):
    """cell_a → cell_b (same commune): nothing to do with other_commune."""
    member = make_member(tree["cell_a"], name="Nông Thị Hoa")
    return svc.create_transfer(
        member=member,
        kind=TransferKind.OFFICIAL,
        reason=TransferReason.RESIDENCE,
        trigger_on=D(2026, 2, 2),
        to_organization=tree["cell_b"],
        by=secretary,
    )


# --- Anonymous -------------------------------------------------------------------------


def test_anonymous_is_sent_to_login(client, outgoing, duc):
    urls = [LIST, INCOMING, url("transfer_create", duc)]
    urls += [url(n, outgoing) for n in ("transfer_detail", "transfer_send", "transfer_receive")]
    urls += [url("transfer_return", outgoing), url("transfer_cancel", outgoing)]
    for target in urls:
        response = client.get(target)
        assert response.status_code == 302 and "login" in response.url, target


# --- Who sees which transfer -----------------------------------------------------------

# (persona, sees outgoing cell_a → other_cell, sees inside cell_a → cell_b)
SEES = [
    ("admin_user", True, True),
    ("officer", True, True),
    ("inspector", True, True),
    ("secretary", True, True),
    ("other_secretary", False, True),  # receiving side of `inside`
    ("outsider", True, False),  # receiving side of `outgoing`
    ("member_user", False, False),
]


@pytest.mark.parametrize("name, sees_out, sees_in", SEES)
def test_detail_and_list_by_persona(name, sees_out, sees_in, persona, login, outgoing, inside):
    client = login(persona(name))
    for transfer, sees in [(outgoing, sees_out), (inside, sees_in)]:
        assert client.get(url("transfer_detail", transfer)).status_code == (200 if sees else 404)
    response = client.get(LIST)
    if name == "member_user":
        assert response.status_code == 404
        return
    listed = {t.pk for t in response.context["page"]}
    assert (outgoing.pk in listed) == sees_out
    assert (inside.pk in listed) == sees_in


@pytest.mark.parametrize("name", ["other_secretary", "member_user"])
def test_every_step_is_404_outside_reach(name, persona, login, outgoing):
    client = login(persona(name))
    for step in ("transfer_send", "transfer_receive", "transfer_return", "transfer_cancel"):
        if step != "transfer_cancel":
            assert client.get(url(step, outgoing)).status_code == 404, step
        assert client.post(url(step, outgoing), {}).status_code == 404, step


@pytest.mark.parametrize("name", ["other_secretary", "outsider", "member_user"])
def test_create_is_404_for_a_member_outside_reach(name, persona, login, duc):
    client = login(persona(name))
    assert client.get(url("transfer_create", duc)).status_code == 404
    assert client.post(url("transfer_create", duc), {}).status_code == 404
    assert not Transfer.objects.exists()


def test_inspector_reads_but_may_not_act(inspector, login, outgoing, duc):
    client = login(inspector)
    assert client.get(url("transfer_detail", outgoing)).status_code == 200
    assert client.get(url("transfer_create", duc)).status_code == 403
    assert client.get(url("transfer_send", outgoing)).status_code == 403
    response = client.post(
        url("transfer_send", outgoing), {"letter_number": "1", "letter_on": "02/03/2026"}
    )
    assert response.status_code == 403
    outgoing.refresh_from_db()
    assert outgoing.state == TransferState.PENDING


def test_the_receiving_side_cannot_send_and_the_sending_side_cannot_receive(
    secretary, outsider, login, client, outgoing
):
    login(outsider)
    assert client.get(url("transfer_send", outgoing)).status_code == 403
    assert client.post(url("transfer_cancel", outgoing)).status_code == 403
    svc.send_transfer(outgoing, letter_number="1", letter_on=D(2026, 3, 2), by=secretary)
    login(secretary)
    assert client.get(url("transfer_receive", outgoing)).status_code == 403
    assert (
        client.post(url("transfer_receive", outgoing), {"received_on": "05/03/2026"}).status_code
        == 403
    )


# --- The flow through the pages --------------------------------------------------------


@pytest.mark.parametrize("sender", ["secretary", "officer"])
def test_sender_creates_and_sends_receiver_confirms(
    sender, persona, login, client, duc, tree, outsider
):
    login(persona(sender))
    response = client.get(url("transfer_create", duc))
    assert response.status_code == 200
    response = client.post(
        url("transfer_create", duc),
        {
            "kind": TransferKind.OFFICIAL,
            "reason": TransferReason.JOB_MOVE,
            "trigger_on": "09/01/2026",
            "to_organization": tree["other_cell"].pk,
            "to_outside": "",
            "note": "",
        },
    )
    transfer = Transfer.objects.get()
    assert response.status_code == 302 and response.url == url("transfer_detail", transfer)
    detail = client.get(url("transfer_detail", transfer))
    assert detail.context["can_send"] and not detail.context["can_receive"]
    response = client.post(
        url("transfer_send", transfer), {"letter_number": "15-GGT/CB", "letter_on": "02/03/2026"}
    )
    assert response.status_code == 302
    transfer.refresh_from_db()
    assert (transfer.state, transfer.letter_on) == (TransferState.SENT, D(2026, 3, 2))

    login(outsider)
    detail = client.get(url("transfer_detail", transfer))
    assert detail.context["can_receive"] and not detail.context["can_send"]
    response = client.post(url("transfer_receive", transfer), {"received_on": "05/03/2026"})
    assert response.status_code == 302
    duc.refresh_from_db()
    assert duc.organization == tree["other_cell"]
    assert client.get(url("transfer_receive", transfer)).status_code == 302  # step is over


def test_temporary_length_error_is_shown_beside_until(secretary, login, duc, tree):
    response = login(secretary).post(
        url("transfer_create", duc),
        {
            "kind": TransferKind.TEMPORARY,
            "reason": TransferReason.TEMPORARY_WORK,
            "trigger_on": "15/01/2026",
            "to_organization": tree["cell_b"].pk,
            "until": "14/04/2026",
        },
    )
    assert response.status_code == 200
    assert "TRF-01" in " ".join(response.context["form"].errors["until"])
    assert not Transfer.objects.exists()


def test_destination_outside_or_inside_not_both(secretary, login, duc, tree):
    client = login(secretary)
    data = {
        "kind": TransferKind.OFFICIAL,
        "reason": TransferReason.RESIDENCE,
        "trigger_on": "15/01/2026",
    }
    response = client.post(url("transfer_create", duc), data)
    assert "to_organization" in response.context["form"].errors
    response = client.post(
        url("transfer_create", duc),
        {**data, "to_organization": tree["cell_b"].pk, "to_outside": "Tỉnh Cao Bằng"},
    )
    assert "to_outside" in response.context["form"].errors
    assert not Transfer.objects.exists()


def test_a_refused_letter_date_is_shown_and_nothing_saved(secretary, login, outgoing, duc):
    response = login(secretary).post(
        url("transfer_send", outgoing), {"letter_number": "1", "letter_on": "01/01/2999"}
    )
    assert response.status_code == 200
    assert response.context["form"].errors["letter_on"]
    outgoing.refresh_from_db()
    assert outgoing.state == TransferState.PENDING and outgoing.letter_number == ""
    assert not duc.events.exists()


def test_cancel(secretary, login, outgoing):
    response = login(secretary).post(url("transfer_cancel", outgoing))
    assert response.status_code == 302
    outgoing.refresh_from_db()
    assert outgoing.state == TransferState.CANCELLED


def test_return_of_a_temporary_transfer_by_the_host(secretary, outsider, login, duc, tree):
    transfer = svc.create_transfer(
        member=duc,
        kind=TransferKind.TEMPORARY,
        reason=TransferReason.TEMPORARY_WORK,
        trigger_on=D(2026, 1, 15),
        to_organization=tree["other_cell"],
        until=D(2026, 7, 15),
        by=secretary,
    )
    svc.send_transfer(transfer, letter_number="5", letter_on=D(2026, 1, 20), by=secretary)
    svc.receive_transfer(transfer, received_on=D(2026, 1, 22), by=outsider)
    client = login(outsider)
    assert client.get(url("transfer_return", transfer)).status_code == 200
    assert (
        client.post(url("transfer_return", transfer), {"returned_on": "10/07/2026"}).status_code
        == 302
    )
    transfer.refresh_from_db()
    assert transfer.state == TransferState.RETURNED


def test_incoming_from_outside(secretary, outsider, login, duc, tree):
    out = svc.create_transfer(
        member=duc,
        kind=TransferKind.OFFICIAL,
        reason=TransferReason.RESIDENCE,
        trigger_on=D(2026, 1, 5),
        to_outside="Tỉnh Cao Bằng",
        by=secretary,
    )
    svc.send_transfer(out, letter_number="1", letter_on=D(2026, 1, 12), by=secretary)
    duc.refresh_from_db()
    duc.card_number = "38012345"
    duc.save()
    client = login(outsider)
    data = {
        "card_number": "99999999",
        "to_organization": tree["other_cell"].pk,
        "from_outside": "Đảng ủy xã Hòa Bình, Cao Bằng",
        "reason": TransferReason.RESIDENCE,
        "letter_number": "4-GGT",
        "letter_on": "01/06/2026",
        "received_on": "03/06/2026",
    }
    response = client.post(INCOMING, data)
    assert response.status_code == 200 and "card_number" in response.context["form"].errors
    response = client.post(INCOMING, {**data, "card_number": "38012345"})
    assert response.status_code == 302
    duc.refresh_from_db()
    assert duc.status == MemberStatus.FULL and duc.organization == tree["other_cell"]


@pytest.mark.parametrize(
    "name, status", [("member_user", 404), ("inspector", 403), ("outsider", 200)]
)
def test_incoming_page_by_persona(name, status, persona, login):
    assert login(persona(name)).get(INCOMING).status_code == status


def test_incoming_offers_only_writable_cells(outsider, login, tree):
    response = login(outsider).get(INCOMING)
    choices = set(response.context["form"].fields["to_organization"].queryset)
    assert choices == {tree["other_cell"]}


# --- Query counts ----------------------------------------------------------------------


def _transfers(tree, secretary, n):
    for i in range(n):
        member = make_member(tree["cell_a"], name=f"Đảng viên số {i}")
        svc.create_transfer(
            member=member,
            kind=TransferKind.OFFICIAL,
            reason=TransferReason.JOB_MOVE,
            trigger_on=D(2026, 1, 9),
            to_organization=tree["other_cell"] if i % 2 else tree["cell_b"],
            by=secretary,
        )


def _queries(client, target):
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(target)
    assert response.status_code == 200
    return len(ctx.captured_queries), response


@pytest.mark.parametrize("name", ["officer", "secretary"])
def test_list_has_a_constant_number_of_queries(name, persona, login, tree, secretary):
    client = login(persona(name))
    _transfers(tree, secretary, 1)
    few, response = _queries(client, LIST)
    assert len(response.context["page"]) == 1
    _transfers(tree, secretary, 49)
    many, response = _queries(client, LIST)
    assert len(response.context["page"]) == 50
    assert few == many


def test_list_filters_by_subtree_and_state(officer, login, tree, secretary):
    _transfers(tree, secretary, 4)
    client = login(officer)
    response = client.get(LIST, {"organization": tree["cell_b"].pk})
    assert len(response.context["page"]) == 2
    # other_cell lies outside the officer's tree: not a choice, the filter is ignored.
    response = client.get(LIST, {"organization": tree["other_cell"].pk})
    assert response.context["form"].errors
    response = client.get(LIST, {"state": TransferState.SENT})
    assert len(response.context["page"]) == 0
