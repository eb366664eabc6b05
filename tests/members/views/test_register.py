"""Member pages (members.views.register) for every persona: who reads and who writes which
record (MEM-01, MEM-02); the register list (search ignoring diacritics, Vietnamese sort,
filters and bands at their boundaries, pagination, export links, constant query count);
create, edit, status events and the member page (MEM-01, MEM-02, AGE-01), whose query
count does not grow."""

from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from members.enums import EventKind, MembershipKind, MemberStatus, Sex
from members.models import Badge, Ethnicity, Member
from members.rules import add_years
from members.services.events import record_event
from organizations.enums import CellCategory
from tests.factories import MemberFactory
from tests.members.views_support import (
    CREATE,
    LIST,
    admitted_member,
    count_queries,
    create_data,
    detail_url,
    edit_url,
    event_url,
    listed_names,
    profile_data,
)

pytestmark = pytest.mark.django_db

# --- Anonymous -------------------------------------------------------------------------


def test_anonymous_is_sent_to_login(client, member_a):
    urls = [
        LIST,
        CREATE,
        reverse("members:me"),
        reverse("members:export_list"),
        reverse("members:register_xlsx"),
        reverse("members:register_docx"),
        reverse("members:quality"),
        reverse("members:quality_export"),
        detail_url(member_a),
        edit_url(member_a),
        reverse("members:photo", args=[member_a.pk]),
    ]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 302, url
        assert response.url.startswith(reverse("accounts:login")), url
    response = client.post(event_url(member_a), {})
    assert response.status_code == 302
    assert response.url.startswith(reverse("accounts:login"))


# --- Who reads which record ------------------------------------------------------------

# (persona, reads member_a in cell_a, reads member_b in cell_b, reads member_other)
READS = [
    ("admin_user", True, True, True),
    ("officer", True, True, False),
    ("inspector", True, True, False),
    ("secretary", True, False, False),
    ("other_secretary", False, True, False),
    ("member_user", False, False, False),
    ("outsider", False, False, True),
]


@pytest.mark.parametrize("name, reads_a, reads_b, reads_other", READS)
def test_detail_by_persona(
    name, reads_a, reads_b, reads_other, persona, client, login, member_a, member_b, member_other
):
    login(persona(name))
    for member, reads in [(member_a, reads_a), (member_b, reads_b), (member_other, reads_other)]:
        assert client.get(detail_url(member)).status_code == (200 if reads else 404), member


@pytest.mark.parametrize("name, reads_a, reads_b, reads_other", READS)
def test_list_by_persona(
    name, reads_a, reads_b, reads_other, persona, client, login, member_a, member_b, member_other
):
    login(persona(name))
    response = client.get(LIST)
    assert response.status_code == 200
    names = listed_names(response)
    assert ("Lê Văn Đức" in names) == reads_a
    assert ("Hà Thị Mai" in names) == reads_b
    assert ("Vi Văn Hùng" in names) == reads_other


# (persona, filtering the list by cell_a: 200 or 404)
FILTER_CELL_A = [
    ("admin_user", 200),
    ("officer", 200),
    ("inspector", 200),
    ("secretary", 200),
    ("other_secretary", 404),
    ("member_user", 404),
    ("outsider", 404),
]


@pytest.mark.parametrize("name, status", FILTER_CELL_A)
def test_list_filtered_by_an_organization_out_of_reach_is_404(
    name, status, persona, client, login, tree, member_a
):
    login(persona(name))
    response = client.get(LIST, {"organization": tree["cell_a"].pk})
    assert response.status_code == status
    if status == 200:
        assert "Lê Văn Đức" in listed_names(response)


def test_member_sees_only_their_own_record(client, login, member_user, member_a):
    login(member_user)
    own = member_user.member
    response = client.get(reverse("members:me"))
    assert response.status_code == 302
    assert response.url == detail_url(own)
    assert client.get(detail_url(own)).status_code == 200
    assert client.get(detail_url(member_a)).status_code == 404
    assert listed_names(client.get(LIST)) == [own.full_name]


def test_me_without_member_record_is_404(client, login, officer):
    login(officer)
    assert client.get(reverse("members:me")).status_code == 404


# --- Who changes which record ----------------------------------------------------------

# (persona, member_a's edit page, the create page, a status event on member_a)
WRITES = [
    ("admin_user", 200, 200, 302),
    ("officer", 200, 200, 302),
    ("secretary", 200, 200, 302),
    ("inspector", 403, 403, 403),
    ("other_secretary", 404, 200, 404),
    ("member_user", 404, 403, 404),
    ("outsider", 404, 200, 404),
]


@pytest.mark.parametrize("name, edit_status, create_status, event_status", WRITES)
def test_writes_by_persona(
    name, edit_status, create_status, event_status, persona, client, login, tree, officer
):
    member = admitted_member(
        "Lê Văn Đức", tree["cell_a"], date(2020, 1, 10), full_on=date(2021, 1, 10)
    )
    login(persona(name))
    assert client.get(edit_url(member)).status_code == edit_status
    assert client.get(CREATE).status_code == create_status
    response = client.post(edit_url(member), profile_data(member, full_name="Đổi Tên"))
    assert response.status_code in (302, edit_status)
    member.refresh_from_db()
    assert (member.full_name == "Đổi Tên") == (edit_status == 200)
    response = client.post(
        event_url(member), {"kind": EventKind.DECEASED, "on": "02/01/2025", "reason": "Ốm"}
    )
    assert response.status_code == event_status
    member.refresh_from_db()
    assert (member.status == MemberStatus.DECEASED) == (event_status == 302)


def test_member_cannot_edit_own_record(client, login, member_user):
    login(member_user)
    assert client.get(edit_url(member_user.member)).status_code == 403
    assert client.post(event_url(member_user.member), {}).status_code == 403


@pytest.mark.parametrize("name", ["other_secretary", "outsider"])
def test_cannot_create_in_someone_elses_cell(name, persona, client, login, tree):
    login(persona(name))
    response = client.post(CREATE, create_data(tree["cell_a"]))
    assert response.status_code == 200
    assert "organization" in response.context["form"].errors
    assert not Member.objects.filter(full_name="Nông Thị Lan").exists()


def test_edit_does_not_offer_status_or_organization(client, login, officer, member_a):
    login(officer)
    fields = client.get(edit_url(member_a)).context["form"].fields
    assert "status" not in fields and "organization" not in fields
    assert "citizen_id" in fields and "photo" in fields


def test_record_event_is_post_only(client, login, officer, member_a):
    login(officer)
    assert client.get(event_url(member_a)).status_code == 405


# --- Create: admission or paper register (MEM-02) ------------------------------------


def test_search_ignores_diacritics(client, login, officer, tree):
    MemberFactory(full_name="Nguyễn Văn Đức", organization=tree["cell_a"])
    MemberFactory(full_name="Nguyễn Văn Dũng", organization=tree["cell_a"])
    login(officer)
    assert listed_names(client.get(LIST, {"q": "nguyen van duc"})) == ["Nguyễn Văn Đức"]
    assert listed_names(client.get(LIST, {"q": "  DUC  nguyen "})) == ["Nguyễn Văn Đức"]
    assert listed_names(client.get(LIST, {"q": "Đức"})) == ["Nguyễn Văn Đức"]


def test_sorted_the_vietnamese_way(client, login, officer, tree):
    for name in ["Trần Văn Đức", "Lê Thị Dung", "Nguyễn Văn An", "Phạm Thị Ánh", "Bế Văn Bình"]:
        MemberFactory(full_name=name, organization=tree["cell_a"])
    login(officer)
    assert listed_names(client.get(LIST)) == [
        "Nguyễn Văn An",
        "Phạm Thị Ánh",
        "Bế Văn Bình",
        "Lê Thị Dung",
        "Trần Văn Đức",
    ]


def test_filter_by_organization_subtree_and_status(client, login, officer, tree):
    MemberFactory(full_name="Lê Văn A", organization=tree["cell_a"])
    MemberFactory(full_name="Lê Văn B", organization=tree["cell_b"])
    MemberFactory(
        full_name="Lê Văn C", organization=tree["cell_b"], status=MemberStatus.PROBATIONARY
    )
    MemberFactory(full_name="Lê Văn D", organization=tree["cell_b"], status=MemberStatus.DECEASED)
    login(officer)
    assert listed_names(client.get(LIST, {"organization": tree["cell_a"].pk})) == ["Lê Văn A"]
    grassroots = listed_names(client.get(LIST, {"organization": tree["grassroots"].pk}))
    assert sorted(grassroots) == ["Lê Văn A", "Lê Văn B", "Lê Văn C", "Lê Văn D"]
    assert listed_names(client.get(LIST, {"status": "probationary"})) == ["Lê Văn C"]
    assert sorted(listed_names(client.get(LIST, {"status": "active"}))) == [
        "Lê Văn A",
        "Lê Văn B",
        "Lê Văn C",
    ]


def test_filter_by_profile_columns_and_category(client, login, officer, tree):
    kinh, tay = Ethnicity.objects.get(name="Kinh"), Ethnicity.objects.get(name="Tày")
    MemberFactory(
        full_name="Lê Văn A",
        organization=tree["cell_a"],
        ethnicity=kinh,
        education="upper_secondary",
        theory_level="intermediate",
    )
    MemberFactory(
        full_name="Hoàng Thị B",
        organization=tree["cell_a"],
        sex=Sex.FEMALE,
        ethnicity=tay,
        education="lower_secondary",
        theory_level="elementary",
    )
    tree["cell_b"].category = CellCategory.SCHOOL
    tree["cell_b"].save()
    MemberFactory(full_name="Vi Văn C", organization=tree["cell_b"])
    login(officer)
    assert listed_names(client.get(LIST, {"sex": "female"})) == ["Hoàng Thị B"]
    assert listed_names(client.get(LIST, {"ethnicity": tay.pk})) == ["Hoàng Thị B"]
    assert listed_names(client.get(LIST, {"education": "upper_secondary"})) == ["Lê Văn A"]
    assert listed_names(client.get(LIST, {"theory_level": "elementary"})) == ["Hoàng Thị B"]
    assert listed_names(client.get(LIST, {"category": CellCategory.SCHOOL})) == ["Vi Văn C"]
    assert sorted(listed_names(client.get(LIST, {"category": CellCategory.RURAL_VILLAGE}))) == [
        "Hoàng Thị B",
        "Lê Văn A",
    ]


# Each age band at its boundaries: (age on today, band expected).
AGE_CASES = [
    (29, "lt30"),
    (30, "30_40"),
    (40, "30_40"),
    (41, "41_50"),
    (50, "41_50"),
    (51, "51_60"),
    (60, "51_60"),
    (61, "61_70"),
    (70, "61_70"),
    (71, "gt70"),
]


def test_age_bands_at_their_boundaries(client, login, officer, tree):
    today = timezone.localdate()
    for age, _band in AGE_CASES:
        born = add_years(today, -age)
        # Born exactly `age` years ago today, and one day later (one year younger).
        MemberFactory(full_name=f"Đúng {age}", organization=tree["cell_a"], date_of_birth=born)
        MemberFactory(
            full_name=f"Gần {age}",
            organization=tree["cell_a"],
            date_of_birth=born + timedelta(days=1),
        )
    login(officer)
    bands = {}
    for key in ["lt30", "30_40", "41_50", "51_60", "61_70", "gt70"]:
        for name in listed_names(client.get(LIST, {"age_band": key})):
            bands[name] = key
    for age, band in AGE_CASES:
        assert bands[f"Đúng {age}"] == band, age
    # One day short of a birthday is a year younger.
    assert bands["Gần 30"] == "lt30"
    assert bands["Gần 41"] == "30_40"
    assert bands["Gần 71"] == "61_70"


# Party-age bands (AGE-01) at their boundaries: (full years, band expected).
PARTY_AGE_CASES = [
    (4, "lt5"),
    (5, "5_10"),
    (9, "5_10"),
    (10, "10_20"),
    (19, "10_20"),
    (20, "20_30"),
    (29, "20_30"),
    (30, "30_40"),
    (39, "30_40"),
    (40, "ge40"),
]


def test_party_age_bands_at_their_boundaries(client, login, officer, tree):
    today = timezone.localdate()
    for years, _band in PARTY_AGE_CASES:
        start = add_years(today, -years)
        for label, since in (("Đúng", start), ("Gần", start + timedelta(days=1))):
            member = MemberFactory(
                full_name=f"{label} {years}",
                organization=tree["cell_a"],
                date_of_birth=date(1930, 1, 1),
            )
            Member.objects.filter(pk=member.pk).update(admitted_on=since, party_age_from=since)
    MemberFactory(full_name="Chưa vào Đảng", organization=tree["cell_a"])
    login(officer)
    bands = {}
    for key in ["lt5", "5_10", "10_20", "20_30", "30_40", "ge40"]:
        for name in listed_names(client.get(LIST, {"party_age_band": key})):
            bands[name] = key
    for years, band in PARTY_AGE_CASES:
        assert bands[f"Đúng {years}"] == band, years
    assert bands["Gần 5"] == "lt5"
    assert bands["Gần 10"] == "5_10"
    assert bands["Gần 40"] == "30_40"
    assert "Chưa vào Đảng" not in bands


def test_an_unknown_band_is_ignored_with_a_warning(client, login, officer, member_a):
    login(officer)
    response = client.get(LIST, {"age_band": "99"})
    assert response.status_code == 200
    assert "Lê Văn Đức" in listed_names(response)
    assert "Một số bộ lọc không hợp lệ" in response.content.decode()


def test_list_is_paginated(client, login, officer, tree, settings):
    settings.PAGE_SIZE = 3
    for i in range(5):
        MemberFactory(full_name=f"Lê Văn Tư {i}", organization=tree["cell_a"])
    login(officer)
    assert len(listed_names(client.get(LIST))) == 3
    second = client.get(LIST, {"page": 2, "q": "tu"})
    assert len(listed_names(second)) == 2


def test_list_export_links_carry_the_filters(client, login, officer, tree, member_a):
    login(officer)
    html = client.get(
        LIST, {"q": "duc", "organization": tree["cell_a"].pk, "page": 1}
    ).content.decode()
    query = f"?q=duc&amp;organization={tree['cell_a'].pk}"
    for name in ("export_list", "register_xlsx", "register_docx"):
        assert reverse(f"members:{name}") + query in html


@pytest.mark.parametrize(
    "url_params",
    [
        "",
        "?q=le&status=active",
        "?age_band=41_50&party_age_band=lt5&sex=male&category=rural_village",
    ],
)
def test_list_queries_do_not_grow(client, login, officer, tree, url_params):
    kinh = Ethnicity.objects.get(name="Kinh")
    today = timezone.localdate()
    admitted_member(
        "Lê Văn Một",
        tree["cell_a"],
        today - timedelta(days=400),
        date_of_birth=add_years(today, -45),
        ethnicity=kinh,
    )
    login(officer)
    url = LIST + url_params
    one = count_queries(client, url)
    for i in range(49):
        admitted_member(
            f"Lê Văn {i}",
            tree["cell_a"],
            today - timedelta(days=400),
            date_of_birth=add_years(today, -45),
            ethnicity=kinh,
        )
    response = client.get(url)
    assert len(listed_names(response)) == 50
    assert count_queries(client, url) == one


def test_secretary_records_an_admission(client, login, secretary, tree):
    login(secretary)
    response = client.post(CREATE, create_data(tree["cell_a"], citizen_id="020190123456"))
    member = Member.objects.get(full_name="Nông Thị Lan")
    assert response.status_code == 302
    assert response.url == detail_url(member)
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
        create_data(tree["cell_b"], entry="existing", full_member_on="10/04/2021"),
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
    from members.services.profile import PROFILE_FIELDS

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
    response = client.post(CREATE, {**create_data(tree["cell_a"]), "photo": upload})
    assert response.status_code == 302
    member = Member.objects.get(full_name="Nông Thị Lan")
    assert member.photo
    url = reverse("members:photo", args=[member.pk])
    assert url in client.get(detail_url(member)).content.decode()
    response = client.get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"\x89PNG")
    login(outsider)
    assert client.get(url).status_code == 404


def test_a_file_that_is_not_an_image_is_refused(client, login, officer, tree):
    from django.core.files.uploadedfile import SimpleUploadedFile

    login(officer)
    upload = SimpleUploadedFile("anh.png", b"not an image", content_type="image/png")
    response = client.post(CREATE, {**create_data(tree["cell_a"]), "photo": upload})
    assert response.status_code == 200
    assert "photo" in response.context["form"].errors
    assert not Member.objects.filter(full_name="Nông Thị Lan").exists()


def test_edit_keeps_history(client, login, officer, member_a):
    login(officer)
    page = client.get(edit_url(member_a)).content.decode()
    assert 'value="17/05/1980"' in page
    response = client.post(edit_url(member_a), profile_data(member_a, full_name="Lê Văn Đạt"))
    assert response.status_code == 302
    member_a.refresh_from_db()
    assert member_a.full_name == "Lê Văn Đạt"
    assert member_a.search_name == "le van dat"
    history = client.get(detail_url(member_a)).context["history"]
    assert history[0].who == str(officer)
    assert {c.new for c in history[0].changes} >= {"Lê Văn Đạt"}


# --- Status events from the member page (MEM-02) ---------------------------------------


def test_secretary_records_full_membership(client, login, secretary, tree):
    member = admitted_member("Lò Văn Tiến", tree["cell_a"], date(2024, 3, 1))
    login(secretary)
    page = client.get(detail_url(member))
    assert page.context["event_form"] is not None
    response = client.post(
        event_url(member),
        {"kind": EventKind.FULL_MEMBERSHIP, "on": "01/03/2025", "document": "20-QĐ/ĐU"},
    )
    assert response.status_code == 302
    member.refresh_from_db()
    assert member.status == MemberStatus.FULL
    assert member.full_member_on == date(2025, 3, 1)


def test_full_membership_before_12_months_is_refused_PRB_01(client, login, officer, tree):
    member = admitted_member("Lò Văn Tiến", tree["cell_a"], date(2024, 3, 1))
    login(officer)
    response = client.post(
        event_url(member), {"kind": EventKind.FULL_MEMBERSHIP, "on": "28/02/2025"}
    )
    assert response.status_code == 200
    assert response.context["form"].errors["on"] == [
        "Ngày chính thức phải sau ngày vào Đảng đủ 12 tháng (thời gian dự bị)."
    ]
    member.refresh_from_db()
    assert member.status == MemberStatus.PROBATIONARY
    assert member.events.count() == 1


def test_struck_off_needs_a_document_or_reason(client, login, officer, tree):
    member = admitted_member(
        "Lò Văn Tiến", tree["cell_a"], date(2020, 3, 1), full_on=date(2021, 3, 1)
    )
    login(officer)
    response = client.post(event_url(member), {"kind": EventKind.STRUCK_OFF, "on": "01/06/2025"})
    assert response.status_code == 200
    assert response.context["form"].errors["document"] == ["Cần ghi số quyết định hoặc lý do."]
    response = client.post(
        event_url(member),
        {"kind": EventKind.STRUCK_OFF, "on": "01/06/2025", "document": "05-QĐ/CB"},
    )
    assert response.status_code == 302
    member.refresh_from_db()
    assert member.status == MemberStatus.STRUCK_OFF
    assert member.memberships.get().ends_on == date(2025, 6, 1)
    # A member who left is shown without the event form.
    assert client.get(detail_url(member)).context["event_form"] is None


def test_event_in_the_future_is_refused(client, login, officer, tree):
    member = admitted_member(
        "Lò Văn Tiến", tree["cell_a"], date(2020, 3, 1), full_on=date(2021, 3, 1)
    )
    login(officer)
    tomorrow = (timezone.localdate() + timedelta(days=1)).strftime("%d/%m/%Y")
    response = client.post(
        event_url(member), {"kind": EventKind.DECEASED, "on": tomorrow, "reason": "x"}
    )
    assert response.context["form"].errors["on"] == ["Ngày của sự kiện không được ở tương lai."]
    member.refresh_from_db()
    assert member.status == MemberStatus.FULL


def test_transfer_kinds_are_not_typed_on_the_member_page(client, login, officer, tree):
    member = admitted_member(
        "Lò Văn Tiến", tree["cell_a"], date(2020, 3, 1), full_on=date(2021, 3, 1)
    )
    login(officer)
    response = client.post(
        event_url(member), {"kind": EventKind.TRANSFER_OUT, "on": "01/06/2025", "reason": "x"}
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

    member = admitted_member(
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
    response = client.get(detail_url(member))
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
    html = client.get(detail_url(member_a)).content.decode()
    assert reverse("members:badge_member", args=[member_a.pk]) in html
    assert reverse("members:transfer_create", args=[member_a.pk]) not in html
    assert reverse("members:edit", args=[member_a.pk]) not in html
    assert 'data-testid="event-form"' not in html


def test_member_page_party_age_deducts_gaps_AGE_01(client, login, officer, tree):
    member = admitted_member(
        "Lò Văn Tiến", tree["cell_a"], date(2000, 3, 1), full_on=date(2001, 3, 1)
    )
    record_event(member, EventKind.TRANSFER_OUT, date(2010, 3, 1), by=officer, counterpart="X")
    # 365 days without any membership (a transfer gap, TRF-02).
    record_event(
        member, EventKind.TRANSFER_IN, date(2011, 3, 2), by=officer, organization=tree["cell_b"]
    )
    login(officer)
    page = client.get(detail_url(member)).context["page"]
    today = timezone.localdate()
    start = date(2001, 3, 1)
    expected = today.year - start.year - ((today.month, today.day) < (start.month, start.day))
    assert page.party_age == expected
    assert [m.organization for m in page.memberships] == [tree["cell_b"], tree["cell_a"]]


def test_member_page_queries_do_not_grow(client, login, officer, tree):
    member = admitted_member(
        "Lò Văn Tiến", tree["cell_a"], date(1990, 3, 1), full_on=date(1991, 3, 1)
    )
    login(officer)
    one = count_queries(client, detail_url(member))
    for year in range(2000, 2010):
        record_event(member, EventKind.TRANSFER_OUT, date(year, 1, 1), by=officer, counterpart="X")
        record_event(
            member, EventKind.TRANSFER_IN, date(year, 1, 5), by=officer, organization=tree["cell_a"]
        )
    for years in (30, 40):
        Badge.objects.create(member=member, years=years, presented_on=date(2025, 2, 3))
    assert count_queries(client, detail_url(member)) == one


# --- List: search, filters, sort, pagination, queries ----------------------------------


def test_event_form_placeholder_in_english(english, login, officer, member_a):
    html = login(officer).get(detail_url(member_a)).content.decode()
    assert "— Choose an event —" in html
    assert "chọn sự kiện" not in html
