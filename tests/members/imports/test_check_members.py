"""members.imports.check_members: matching import rows against members already registered
(by citizen ID, else by party card number). A card number that belongs to someone else,
or to several registered members, is a problem on that row and column: the preview lists
it, and the apply writes nothing."""

from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from core.models import BackgroundJob
from members.imports.layout import MEMBER_SHEET
from members.imports.writing import run_import
from members.models import Member, MemberEvent, Membership
from tests.factories import MemberFactory
from tests.members.import_support import HEADERS, find, make_xlsx, member, problems_of

CARD = HEADERS["card_number"]
OTHER = "Số thẻ đảng viên {card} đã thuộc một đảng viên khác."
SEVERAL = "Số thẻ đảng viên {card} trùng với nhiều đảng viên đã có."


def registered(tree, name, *, citizen_id=None, card_number="", cell="cell_a"):
    return MemberFactory(
        full_name=name,
        organization=tree[cell],
        date_of_birth=date(1980, 5, 17),
        citizen_id=citizen_id,
        card_number=card_number,
        admitted_on=date(2005, 6, 1),
        full_member_on=date(2006, 6, 1),
    )


def _snapshot():
    return (
        list(Member.objects.order_by("pk").values()),
        Membership.objects.count(),
        MemberEvent.objects.count(),
    )


def _check_preview_then_apply(path, user, row, message):
    """The preview names the row and column; the apply refuses and writes nothing."""
    report = run_import(path, user=user)
    assert find(report, row, CARD) == [message], problems_of(report)
    assert (MEMBER_SHEET, row, CARD, message) in problems_of(report)
    before = _snapshot()
    applied = run_import(path, user=user, apply=True)
    assert not applied["applied"]
    assert find(applied, row, CARD) == [message]
    assert _snapshot() == before


@pytest.mark.django_db
def test_a_new_citizen_id_with_the_card_of_another_member(coded_tree, officer, tmp_path):
    # The row's citizen ID is not registered; its card is, on a member with another ID.
    registered(coded_tree, "Nguyễn Văn Có", citizen_id="001080000009", card_number="A001")
    rows = [
        member(citizen_id="001080000002", card_number="A002", full_name="Lê Văn Mới"),
        member(citizen_id="001080000003", card_number="A001", full_name="Lê Văn Trùng"),
    ]
    path = make_xlsx(tmp_path / "a.xlsx", rows)
    _check_preview_then_apply(path, officer, 3, OTHER.format(card="A001"))
    assert not find(run_import(path, user=officer), 2, CARD)
    assert Member.objects.count() == 1


@pytest.mark.django_db
def test_a_registered_member_given_the_card_of_another(coded_tree, officer, tmp_path):
    # Matched by citizen ID, the row changes the card to one another member holds.
    an = registered(coded_tree, "Nguyễn Văn An", citizen_id="001080000001", card_number="A001")
    registered(coded_tree, "Trần Văn Bình", citizen_id="001080000004", card_number="B777")
    path = make_xlsx(tmp_path / "a.xlsx", [member(card_number="B777", notes="đổi thẻ")])
    _check_preview_then_apply(path, officer, 2, OTHER.format(card="B777"))
    an.refresh_from_db()
    assert an.card_number == "A001"


@pytest.mark.django_db
def test_a_card_shared_by_several_registered_members(coded_tree, officer, tmp_path):
    # Two registered members without citizen ID share a card: the row cannot tell which.
    registered(coded_tree, "Hà Văn Một", card_number="C009")
    registered(coded_tree, "Hà Văn Hai", card_number="C009", cell="cell_b")
    path = make_xlsx(
        tmp_path / "a.xlsx", [member(citizen_id="", card_number="C009", full_name="Hà Văn Một")]
    )
    _check_preview_then_apply(path, officer, 2, SEVERAL.format(card="C009"))


@pytest.mark.django_db
def test_the_preview_page_lists_row_and_column(login, officer, coded_tree, tmp_path):
    registered(coded_tree, "Hà Văn Một", card_number="C009")
    registered(coded_tree, "Hà Văn Hai", card_number="C009")
    registered(coded_tree, "Nguyễn Văn Có", citizen_id="001080000009", card_number="A001")
    rows = [
        member(citizen_id="", card_number="C009", full_name="Hà Văn Một"),
        member(citizen_id="001080000003", card_number="A001", full_name="Lê Văn Trùng"),
    ]
    path = make_xlsx(tmp_path / "a.xlsx", rows)
    client = login(officer)
    with open(path, "rb") as fh:
        upload = SimpleUploadedFile("dang-vien.xlsx", fh.read())
    response = client.post(reverse("members:import_start"), {"file": upload}, follow=True)
    html = response.content.decode()
    assert 'data-testid="problem-table"' in html
    assert SEVERAL.format(card="C009") in html and OTHER.format(card="A001") in html
    assert f"<td>2</td><td>{CARD}</td>" in html and f"<td>3</td><td>{CARD}</td>" in html
    assert 'data-testid="import-confirm"' not in html
    before = _snapshot()
    job = BackgroundJob.objects.get()
    client.post(reverse("members:import_confirm", args=[job.pk]), follow=True)
    assert _snapshot() == before
