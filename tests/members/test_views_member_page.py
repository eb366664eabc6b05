"""Create, edit, status events and the member page through the views (MEM-01, MEM-02,
AGE-01); its query count does not grow."""

from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from members.enums import EventKind, MembershipKind, MemberStatus
from members.models import Badge, Member
from members.services.events import record_event
from tests.members.views_support import (
    CREATE,
    _admitted,
    _count_queries,
    _create_data,
    _detail,
    _edit,
    _event,
    _profile,
)

pytestmark = pytest.mark.django_db


def test_secretary_records_an_admission(client, login, secretary, tree):
    login(secretary)
    response = client.post(CREATE, _create_data(tree["cell_a"], citizen_id="020190123456"))
    member = Member.objects.get(full_name="Nông Thị Lan")
    assert response.status_code == 302
    assert response.url == _detail(member)
    assert member.status == MemberStatus.PROBATIONARY
    assert member.admitted_on == date(2020, 4, 10)
    assert member.citizen_id == "020190123456"
    event = member.events.get()
    assert (event.kind, event.on, event.document) == (
        EventKind.ADMITTED,
        date(2020, 4, 10),
        "15-QĐ/ĐU",
    )
    home = member.memberships.get()
    assert (home.kind, home.organization, home.starts_on) == (
        MembershipKind.HOME,
        tree["cell_a"],
        date(2020, 4, 10),
    )
    assert event.recorded_by == secretary


def test_officer_enters_a_full_member_from_the_paper_register(client, login, officer, tree):
    login(officer)
    response = client.post(
        CREATE,
        _create_data(tree["cell_b"], entry="existing", full_member_on="10/04/2021"),
    )
    assert response.status_code == 302
    member = Member.objects.get(full_name="Nông Thị Lan")
    assert member.status == MemberStatus.FULL
    assert (member.admitted_on, member.full_member_on) == (date(2020, 4, 10), date(2021, 4, 10))
    assert list(member.events.order_by("on").values_list("kind", "on")) == [
        (EventKind.ADMITTED, date(2020, 4, 10)),
        (EventKind.FULL_MEMBERSHIP, date(2021, 4, 10)),
    ]
    assert member.memberships.get().starts_on == date(2020, 4, 10)
    assert member.party_age_from == date(2020, 4, 10)


def test_create_form_offers_writable_cells_only(client, login, secretary, officer, tree):
    login(secretary)
    offered = set(client.get(CREATE).context["form"].fields["organization"].queryset)
    assert offered == {tree["cell_a"]}
    login(officer)
    offered = set(client.get(CREATE).context["form"].fields["organization"].queryset)
    assert offered == {tree["cell_a"], tree["cell_b"]}


def test_create_form_has_every_register_column_in_sections(client, login, officer):
    from members.services import PROFILE_FIELDS

    login(officer)
    response = client.get(CREATE)
    form = response.context["form"]
    shown = [f.name for _title, fields in form.get_sections() for f in fields]
    assert set(PROFILE_FIELDS) <= set(shown)
    assert "status" not in shown
    html = response.content.decode()
    assert 'enctype="multipart/form-data"' in html
    assert "Vào Đảng" in html and "Thông tin cá nhân" in html
    assert " style=" not in html and "<script>" not in html


def test_photo_upload_and_scoped_photo(client, login, officer, outsider, tree, settings, tmp_path):
    from io import BytesIO

    from django.core.files.uploadedfile import SimpleUploadedFile
    from PIL import Image

    settings.MEDIA_ROOT = tmp_path
    buffer = BytesIO()
    Image.new("RGB", (30, 40), "red").save(buffer, "PNG")
    login(officer)
    upload = SimpleUploadedFile("anh.png", buffer.getvalue(), content_type="image/png")
    response = client.post(CREATE, {**_create_data(tree["cell_a"]), "photo": upload})
    assert response.status_code == 302
    member = Member.objects.get(full_name="Nông Thị Lan")
    assert member.photo
    url = reverse("members:photo", args=[member.pk])
    assert url in client.get(_detail(member)).content.decode()
    response = client.get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"\x89PNG")
    login(outsider)
    assert client.get(url).status_code == 404


def test_a_file_that_is_not_an_image_is_refused(client, login, officer, tree):
    from django.core.files.uploadedfile import SimpleUploadedFile

    login(officer)
    upload = SimpleUploadedFile("anh.png", b"not an image", content_type="image/png")
    response = client.post(CREATE, {**_create_data(tree["cell_a"]), "photo": upload})
    assert response.status_code == 200
    assert "photo" in response.context["form"].errors
    assert not Member.objects.filter(full_name="Nông Thị Lan").exists()


def test_edit_keeps_history(client, login, officer, member_a):
    login(officer)
    page = client.get(_edit(member_a)).content.decode()
    assert 'value="17/05/1980"' in page
    response = client.post(_edit(member_a), _profile(member_a, full_name="Lê Văn Đạt"))
    assert response.status_code == 302
    member_a.refresh_from_db()
    assert member_a.full_name == "Lê Văn Đạt"
    assert member_a.search_name == "le van dat"
    history = client.get(_detail(member_a)).context["history"]
    assert history[0].who == str(officer)
    assert {c.new for c in history[0].changes} >= {"Lê Văn Đạt"}


# --- Status events from the member page (MEM-02) ---------------------------------------


def test_secretary_records_full_membership(client, login, secretary, tree):
    member = _admitted("Lò Văn Tiến", tree["cell_a"], date(2024, 3, 1))
    login(secretary)
    page = client.get(_detail(member))
    assert page.context["event_form"] is not None
    response = client.post(
        _event(member),
        {"kind": EventKind.FULL_MEMBERSHIP, "on": "01/03/2025", "document": "20-QĐ/ĐU"},
    )
    assert response.status_code == 302
    member.refresh_from_db()
    assert member.status == MemberStatus.FULL
    assert member.full_member_on == date(2025, 3, 1)


def test_full_membership_before_12_months_is_refused_PRB_01(client, login, officer, tree):
    member = _admitted("Lò Văn Tiến", tree["cell_a"], date(2024, 3, 1))
    login(officer)
    response = client.post(_event(member), {"kind": EventKind.FULL_MEMBERSHIP, "on": "28/02/2025"})
    assert response.status_code == 200
    assert response.context["form"].errors["on"] == [
        "Ngày chính thức phải sau ngày vào Đảng đủ 12 tháng (thời gian dự bị)."
    ]
    member.refresh_from_db()
    assert member.status == MemberStatus.PROBATIONARY
    assert member.events.count() == 1


def test_struck_off_needs_a_document_or_reason(client, login, officer, tree):
    member = _admitted("Lò Văn Tiến", tree["cell_a"], date(2020, 3, 1), full_on=date(2021, 3, 1))
    login(officer)
    response = client.post(_event(member), {"kind": EventKind.STRUCK_OFF, "on": "01/06/2025"})
    assert response.status_code == 200
    assert response.context["form"].errors["document"] == ["Cần ghi số quyết định hoặc lý do."]
    response = client.post(
        _event(member),
        {"kind": EventKind.STRUCK_OFF, "on": "01/06/2025", "document": "05-QĐ/CB"},
    )
    assert response.status_code == 302
    member.refresh_from_db()
    assert member.status == MemberStatus.STRUCK_OFF
    assert member.memberships.get().ends_on == date(2025, 6, 1)
    # A member who left is shown without the event form.
    assert client.get(_detail(member)).context["event_form"] is None


def test_event_in_the_future_is_refused(client, login, officer, tree):
    member = _admitted("Lò Văn Tiến", tree["cell_a"], date(2020, 3, 1), full_on=date(2021, 3, 1))
    login(officer)
    tomorrow = (timezone.localdate() + timedelta(days=1)).strftime("%d/%m/%Y")
    response = client.post(
        _event(member), {"kind": EventKind.DECEASED, "on": tomorrow, "reason": "x"}
    )
    assert response.context["form"].errors["on"] == ["Ngày của sự kiện không được ở tương lai."]
    member.refresh_from_db()
    assert member.status == MemberStatus.FULL


def test_transfer_kinds_are_not_typed_on_the_member_page(client, login, officer, tree):
    member = _admitted("Lò Văn Tiến", tree["cell_a"], date(2020, 3, 1), full_on=date(2021, 3, 1))
    login(officer)
    response = client.post(
        _event(member), {"kind": EventKind.TRANSFER_OUT, "on": "01/06/2025", "reason": "x"}
    )
    assert response.status_code == 200
    assert "kind" in response.context["form"].errors
    assert member.events.count() == 2


# --- Member page -----------------------------------------------------------------------


def test_member_page_shows_the_record(client, login, officer, tree):
    from members.enums import SeatRole
    from members.models import CommitteeSeat
    from organizations.enums import CommitteeKind
    from organizations.models import Committee, Term

    member = _admitted(
        "Nguyễn Văn Đức",
        tree["cell_a"],
        date(1990, 2, 3),
        full_on=date(1991, 2, 3),
        date_of_birth=date(1960, 5, 17),
        home_town="Xã Tân Lập, Lạng Sơn",
        citizen_id="020060123456",
    )
    Badge.objects.create(member=member, years=30, presented_on=date(2020, 2, 3))
    term = Term.objects.create(
        organization=tree["cell_a"], name="2025–2030", starts_on=date(2025, 5, 1)
    )
    committee = Committee.objects.create(
        organization=tree["cell_a"], term=term, kind=CommitteeKind.CELL_COMMITTEE
    )
    CommitteeSeat.objects.create(
        committee=committee, member=member, role=SeatRole.SECRETARY, starts_on=date(2025, 5, 1)
    )
    login(officer)
    response = client.get(_detail(member))
    html = response.content.decode()
    today = timezone.localdate()
    assert "Nguyễn Văn Đức" in html
    assert "17/05/1960" in html and f"{member.age_on(today)} tuổi" in html
    assert "Xã Tân Lập, Lạng Sơn" in html and "020060123456" in html
    assert "Chính thức" in html
    assert tree["cell_a"].get_absolute_url() in html
    assert "Bí thư" in html and "2025–2030" in html
    party_age = today.year - 1990 - ((today.month, today.day) < (2, 3))
    assert response.context["page"].party_age == party_age
    assert f"{party_age} năm" in html
    assert "30 năm tuổi đảng (trao ngày 03/02/2020)" in html
    events = response.context["page"].events
    assert [e.kind for e in events] == [EventKind.FULL_MEMBERSHIP, EventKind.ADMITTED]
    assert "03/02/1990" in html and "Sinh hoạt chính thức" in html
    assert 'data-testid="history"' in html
    assert " style=" not in html and "<script>" not in html
    for name in ("transfer_create", "exemption_create", "badge_member"):
        assert reverse(f"members:{name}", args=[member.pk]) in html


def test_member_page_links_for_a_reader(client, login, inspector, member_a):
    login(inspector)
    html = client.get(_detail(member_a)).content.decode()
    assert reverse("members:badge_member", args=[member_a.pk]) in html
    assert reverse("members:transfer_create", args=[member_a.pk]) not in html
    assert reverse("members:edit", args=[member_a.pk]) not in html
    assert 'data-testid="event-form"' not in html


def test_member_page_party_age_deducts_gaps_AGE_01(client, login, officer, tree):
    member = _admitted("Lò Văn Tiến", tree["cell_a"], date(2000, 3, 1), full_on=date(2001, 3, 1))
    record_event(member, EventKind.TRANSFER_OUT, date(2010, 3, 1), by=officer, counterpart="X")
    # 365 days without any membership (a transfer gap, TRF-02).
    record_event(
        member, EventKind.TRANSFER_IN, date(2011, 3, 2), by=officer, organization=tree["cell_b"]
    )
    login(officer)
    page = client.get(_detail(member)).context["page"]
    today = timezone.localdate()
    start = date(2001, 3, 1)
    expected = today.year - start.year - ((today.month, today.day) < (start.month, start.day))
    assert page.party_age == expected
    assert [m.organization for m in page.memberships] == [tree["cell_b"], tree["cell_a"]]


def test_member_page_queries_do_not_grow(client, login, officer, tree):
    member = _admitted("Lò Văn Tiến", tree["cell_a"], date(1990, 3, 1), full_on=date(1991, 3, 1))
    login(officer)
    one = _count_queries(client, _detail(member))
    for year in range(2000, 2010):
        record_event(member, EventKind.TRANSFER_OUT, date(year, 1, 1), by=officer, counterpart="X")
        record_event(
            member, EventKind.TRANSFER_IN, date(year, 1, 5), by=officer, organization=tree["cell_a"]
        )
    for years in (30, 40):
        Badge.objects.create(member=member, years=years, presented_on=date(2025, 2, 3))
    assert _count_queries(client, _detail(member)) == one


# --- List: search, filters, sort, pagination, queries ----------------------------------
