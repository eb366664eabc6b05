"""members.imports: the row checks (problems by sheet, row and column), all-or-nothing,
idempotent re-import, the bulk path's rows, the template and the export round trip."""

import io
from datetime import date, datetime

import pytest
from openpyxl import load_workbook

from members.enums import EventKind, MembershipKind, MemberStatus
from members.imports import layout, writing
from members.imports.layout import MEMBER_COLUMNS, MEMBER_SHEET, ORG_COLUMNS, ORG_SHEET
from members.imports.writing import run_import
from members.models import Member, MemberEvent, Membership
from organizations.models import Organization
from tests.members.import_support import (
    CODES,
    HEADERS,
    find,
    make_xlsx,
    member,
    problems_of,
)

# --- a clean file --------------------------------------------------------------------


def test_preview_of_a_clean_file_counts_and_writes_nothing(coded_tree, officer, tmp_path):
    path = make_xlsx(tmp_path / "a.xlsx", [member()])
    report = run_import(path, user=officer)
    assert report["problem_count"] == 0, problems_of(report)
    assert report["counts"]["member_new"] == 1
    assert not report["applied"]
    assert not Member.objects.exists()


def test_apply_writes_member_membership_events_and_history(coded_tree, officer, tmp_path):
    path = make_xlsx(tmp_path / "a.xlsx", [member(), member(
        full_name="Trần Thị Bình", sex="Nữ", date_of_birth="1985-02-03",
        citizen_id="001185000002", card_number="A002", full_member_on=None,
    )])  # fmt: skip
    report = run_import(path, user=officer, apply=True)
    assert report["applied"], problems_of(report)
    an = Member.objects.get(citizen_id="001080000001")
    assert an.status == MemberStatus.FULL
    assert an.organization == coded_tree["cell_a"]
    assert an.date_of_birth == date(1980, 5, 17)
    assert an.ethnicity.name == "Kinh" and an.religion.code == "00"
    assert an.search_name == "nguyen van an"
    assert an.party_age_from == date(2005, 6, 1)
    (home,) = an.memberships.all()
    assert (home.kind, home.starts_on, home.ends_on) == (
        MembershipKind.HOME,
        date(2005, 6, 1),
        None,
    )
    assert list(an.events.values_list("kind", "on")) == [
        (EventKind.ADMITTED, date(2005, 6, 1)),
        (EventKind.FULL_MEMBERSHIP, date(2006, 6, 1)),
    ]
    assert an.events.first().recorded_by == officer
    assert an.history.count() == 1 and an.history.first().history_user == officer
    assert home.history.count() == 1
    binh = Member.objects.get(citizen_id="001185000002")
    assert binh.status == MemberStatus.PROBATIONARY and binh.date_of_birth == date(1985, 2, 3)
    assert binh.events.count() == 1


def test_leaving_status_writes_the_leaving_event_and_closes_the_membership(
    coded_tree, officer, tmp_path
):
    path = make_xlsx(tmp_path / "a.xlsx", [member(status="Từ trần", left_on="03/04/2020")])
    report = run_import(path, user=officer, apply=True)
    assert report["applied"], problems_of(report)
    m = Member.objects.get()
    assert m.status == MemberStatus.DECEASED
    assert m.memberships.get().ends_on == date(2020, 4, 3)
    assert m.events.last().kind == EventKind.DECEASED


# --- every kind of problem, by row and column ----------------------------------------


def test_problems_by_row_and_column(coded_tree, officer, tmp_path):
    rows = [
        member(),  # row 2: fine
        member(organization="38.999.000.000.001", citizen_id="001080000003", card_number="B3"),
        member(citizen_id="12345", card_number="B4"),  # bad format
        member(citizen_id="003080000005", card_number="B5"),  # no province 003
        member(citizen_id="001085000006", card_number="B6"),  # year 1985 ≠ 1980
        member(citizen_id="001180000007", card_number="B7"),  # female code, sex male
        member(citizen_id="001080000008", card_number="B8", date_of_birth="31/02/1980"),
        member(citizen_id="001080000009", card_number="B9", admitted_on="01/06/2090"),
        member(citizen_id="001080000010", card_number="B10", admitted_on="01/01/1997"),
        member(citizen_id="001080000011", card_number="B11", full_member_on="01/12/2005"),
        member(citizen_id="001080000012", card_number="B12", sex="Không rõ", ethnicity="Sao Hỏa"),
        member(citizen_id="001080000013", card_number="B13", full_name=None),
        member(card_number="B14"),  # citizen ID of row 2 again
        member(citizen_id="001080000015", card_number="A001"),  # card of row 2 again
        member(
            citizen_id="001080000016", card_number="B16", status="Từ trần", left_on="01/01/1970"
        ),
        member(citizen_id="001080000017", card_number="B17", date_of_birth="12/25/1980"),
        member(citizen_id="001080000018", card_number="B18", organization=CODES["grassroots"]),
        member(citizen_id="001080000019", card_number="B19", organization="38-001"),
    ]
    report = run_import(make_xlsx(tmp_path / "a.xlsx", rows), user=officer)
    h = HEADERS
    assert not find(report, 2, h["citizen_id"])
    assert find(report, 3, h["organization"]) == ["Không có tổ chức mã 38.999.000.000.001."]
    assert "12 chữ số" in find(report, 4, h["citizen_id"])[0]
    assert "mã tỉnh 003" in find(report, 5, h["citizen_id"])[0]
    assert "năm sinh 1985" in find(report, 6, h["citizen_id"])[0]
    assert "giới tính" in find(report, 7, h["citizen_id"])[0]
    assert "không tồn tại" in find(report, 8, h["date_of_birth"])[0]
    assert "tương lai" in find(report, 9, h["admitted_on"])[0]
    assert "chưa đủ 18 tuổi" in find(report, 10, h["admitted_on"])[0]
    assert "12 tháng" in find(report, 11, h["full_member_on"])[0]
    assert "Không rõ" in find(report, 12, h["sex"])[0]
    assert "Sao Hỏa" in find(report, 12, h["ethnicity"])[0]
    assert find(report, 13, h["full_name"]) == ["Thiếu giá trị bắt buộc."]
    assert find(report, 14, h["citizen_id"]) == ["Số CCCD 001080000001 trùng với dòng 2."]
    assert find(report, 15, h["card_number"]) == ["Số thẻ đảng viên A001 trùng với dòng 2."]
    assert "trước ngày sinh" in find(report, 16, h["left_on"])[0]
    assert "tháng/ngày/năm" in find(report, 17, h["date_of_birth"])[0]
    assert "không phải chi bộ" in find(report, 18, h["organization"])[0]
    assert "M1.M2.M3.M4.M5" in find(report, 19, h["organization"])[0]
    assert all(p[0] == MEMBER_SHEET for p in problems_of(report))
    assert not Member.objects.exists()


def test_dates_as_real_dates_and_text_in_either_accepted_order(coded_tree, officer, tmp_path):
    rows = [
        member(date_of_birth=datetime(1980, 5, 17), admitted_on=date(2005, 6, 1)),
        member(
            citizen_id="001080000002", card_number="A2", date_of_birth="1980-05-17",
            admitted_on="1.6.2005", full_member_on="01-06-2006",
        ),
    ]  # fmt: skip
    report = run_import(make_xlsx(tmp_path / "a.xlsx", rows), user=officer, apply=True)
    assert report["applied"], problems_of(report)
    assert set(Member.objects.values_list("date_of_birth", flat=True)) == {date(1980, 5, 17)}


def test_number_in_a_date_column_and_citizen_id_as_a_number(coded_tree, officer, tmp_path):
    rows = [member(citizen_id=1080000001, date_of_birth=29358)]
    report = run_import(make_xlsx(tmp_path / "a.xlsx", rows), user=officer)
    assert not find(report, 2, HEADERS["citizen_id"])  # 1080000001 → 001080000001
    assert "không phải là ngày" in find(report, 2, HEADERS["date_of_birth"])[0]


def test_outside_scope_organization_and_member(coded_tree, officer, secretary, tmp_path):
    report = run_import(
        make_xlsx(tmp_path / "a.xlsx", [member(organization=CODES["other_cell"])]), user=officer
    )
    assert "ngoài phạm vi" in find(report, 2, HEADERS["organization"])[0]
    # A member of cell_b exists; cell_a's secretary may not touch it.
    Member.objects.create(
        full_name="X", sex="male", date_of_birth=date(1980, 5, 17), status="full",
        organization=coded_tree["cell_b"], citizen_id="001080000001",
    )  # fmt: skip
    report = run_import(make_xlsx(tmp_path / "b.xlsx", [member()]), user=secretary)
    assert "ngoài phạm vi" in find(report, 2, HEADERS["citizen_id"])[0]
    assert (
        run_import(make_xlsx(tmp_path / "c.xlsx", [member()]), user=officer)["problem_count"] == 0
    )


# --- all or nothing ------------------------------------------------------------------


def test_a_bad_row_at_the_end_leaves_nothing_written(coded_tree, officer, tmp_path, monkeypatch):
    monkeypatch.setattr(layout, "CHUNK_ROWS", 10)
    monkeypatch.setattr(writing, "CHUNK_ROWS", 10)
    rows = [
        member(citizen_id=f"0010800{i:05d}", card_number=f"C{i}", full_name=f"Người {i}")
        for i in range(1, 36)
    ]
    rows.append(member(citizen_id="001080099999", card_number="Z", date_of_birth="hôm qua"))
    written = []
    original = writing.ImportRun._write
    monkeypatch.setattr(
        writing.ImportRun, "_write", lambda self, b: written.append(1) or original(self, b)
    )
    report = run_import(make_xlsx(tmp_path / "a.xlsx", rows), user=officer, apply=True)
    assert not report["applied"]
    assert report["problem_count"] == 1 and report["problems"][0]["row"] == 37
    assert len(written) == 3  # the first chunks were written, then rolled back
    assert not Member.objects.exists()
    assert not Membership.objects.exists() and not MemberEvent.objects.exists()
    assert not Member.history.exists()


def test_an_exception_in_the_middle_of_writing_rolls_back(
    coded_tree, officer, tmp_path, monkeypatch
):
    monkeypatch.setattr(writing, "CHUNK_ROWS", 5)
    rows = [
        member(citizen_id=f"0010800{i:05d}", card_number=f"C{i}", full_name=f"Người {i}")
        for i in range(1, 16)
    ]
    path = make_xlsx(tmp_path / "a.xlsx", rows)
    original = writing.ImportRun._write
    calls = []

    def failing(self, batch):
        calls.append(1)
        if len(calls) == 2:
            raise RuntimeError("disk full")
        return original(self, batch)

    monkeypatch.setattr(writing.ImportRun, "_write", failing)
    with pytest.raises(RuntimeError):
        run_import(path, user=officer, apply=True)
    assert not Member.objects.exists() and not Membership.objects.exists()


# --- idempotent re-import ------------------------------------------------------------


def test_reimport_updates_the_same_members_and_creates_no_duplicates(coded_tree, officer, tmp_path):
    rows = [member(), member(citizen_id=None, card_number="A2", full_name="Lê Văn Cường")]
    path = make_xlsx(tmp_path / "a.xlsx", rows)
    first = run_import(path, user=officer, apply=True)
    assert first["counts"]["member_new"] == 2
    counts = (Member.objects.count(), Membership.objects.count(), MemberEvent.objects.count())
    history = Member.history.count()
    again = run_import(path, user=officer, apply=True)
    assert again["applied"]
    assert again["counts"]["member_unchanged"] == 2 and again["counts"]["member_new"] == 0
    assert (
        Member.objects.count(),
        Membership.objects.count(),
        MemberEvent.objects.count(),
    ) == counts
    assert Member.history.count() == history  # nothing changed, nothing recorded
    # Changed fields: matched by citizen ID, and by card number when there is none.
    rows[0]["phone"] = "0912345678"
    rows[1]["address"] = "Thôn Nà Phát"
    rows[1]["full_member_on"] = "01/06/2006"
    report = run_import(make_xlsx(tmp_path / "b.xlsx", rows), user=officer, apply=True)
    assert report["counts"]["member_updated"] == 2, problems_of(report)
    assert Member.objects.count() == 2
    assert Member.objects.get(citizen_id="001080000001").phone == "0912345678"
    cuong = Member.objects.get(card_number="A2")
    assert cuong.address == "Thôn Nà Phát"
    assert cuong.status == MemberStatus.FULL
    assert cuong.events.filter(kind=EventKind.FULL_MEMBERSHIP).count() == 1


def test_reimport_cannot_rewrite_the_admission_date(coded_tree, officer, tmp_path):
    run_import(make_xlsx(tmp_path / "a.xlsx", [member()]), user=officer, apply=True)
    report = run_import(
        make_xlsx(tmp_path / "b.xlsx", [member(admitted_on="02/06/2005")]), user=officer
    )
    assert "Khác ngày vào Đảng" in find(report, 2, HEADERS["admitted_on"])[0]


# --- the organizations sheet ---------------------------------------------------------


def test_organizations_sheet_creates_and_members_can_use_them(coded_tree, officer, tmp_path):
    orgs = [
        {
            "code": "38.001.001.000.003",
            "name": "Chi bộ thôn Mới",
            "kind": "Chi bộ trực thuộc",
            "superior": CODES["grassroots"],
            "category": "Thôn, bản, ấp",
            "established_on": "01/01/2020",
        },
        {
            "code": CODES["cell_a"],
            "name": "Chi bộ thôn Nà Phát (đổi tên)",
            "kind": "Chi bộ trực thuộc",
            "superior": CODES["grassroots"],
            "category": "Thôn, bản, ấp",
            "established_on": "01/01/2000",
        },
    ]
    rows = [member(organization="38.001.001.000.003")]
    path = make_xlsx(tmp_path / "a.xlsx", rows, orgs)
    report = run_import(path, user=officer, apply=True)
    assert report["applied"], problems_of(report)
    assert report["counts"]["org_new"] == 1 and report["counts"]["org_updated"] == 1
    new = Organization.objects.get(code="38.001.001.000.003")
    assert Organization.objects.get_parent(new) == coded_tree["grassroots"]
    assert Member.objects.get().organization == new
    coded_tree["cell_a"].refresh_from_db()
    assert coded_tree["cell_a"].name.endswith("(đổi tên)")
    again = run_import(path, user=officer, apply=True)
    assert again["counts"]["org_unchanged"] == 2 and again["counts"]["member_unchanged"] == 1


def test_organization_problems(coded_tree, officer, tmp_path):
    orgs = [
        {"code": "38.001.001.000.004", "name": "A", "kind": "Chi bộ trực thuộc",
         "superior": CODES["other_commune"], "category": "Thôn, bản, ấp"},
        {"code": "38.001.001.000.005", "name": "B", "kind": "Chi bộ trực thuộc",
         "superior": CODES["grassroots"]},
        {"code": "38.001.001.000.005", "name": "C", "kind": "Chi bộ trực thuộc",
         "superior": CODES["grassroots"], "category": "Thôn, bản, ấp"},
        {"code": "38.001.001.000.006", "name": "D", "kind": "Tổ đảng",
         "superior": "38.777.000.000.000"},
    ]  # fmt: skip
    report = run_import(make_xlsx(tmp_path / "a.xlsx", [], orgs), user=officer)
    problems = problems_of(report)
    sup, cat = ORG_COLUMNS[3].header, ORG_COLUMNS[4].header
    assert any(p[1] == 2 and p[2] == sup and "ngoài phạm vi" in p[3] for p in problems)
    assert any(p[1] == 3 and p[2] == cat for p in problems)
    assert any(p[1] == 4 and "lặp" in p[3] for p in problems)
    assert any(p[1] == 5 and p[2] == sup and "38.777" in p[3] for p in problems)
    assert all(p[0] == ORG_SHEET for p in problems)


def test_template_has_the_layout_and_the_allowed_values(db):
    from members.imports.template import build_template

    buffer = io.BytesIO()
    build_template(buffer)
    wb = load_workbook(io.BytesIO(buffer.getvalue()))
    assert wb.sheetnames[:2] == [ORG_SHEET, MEMBER_SHEET]
    assert [c.value for c in wb[MEMBER_SHEET][1]] == [c.header for c in MEMBER_COLUMNS]
    assert [c.value for c in wb[ORG_SHEET][1]] == [c.header for c in ORG_COLUMNS]
    guide = "\n".join(str(c.value) for row in wb["Hướng dẫn"].iter_rows() for c in row if c.value)
    for label in ("Trung học phổ thông", "Kinh", "Phật giáo", "Cao cấp", "Từ trần", "Nữ"):
        assert label in guide
    assert wb[MEMBER_SHEET].data_validations.dataValidation


def test_export_imports_back_unchanged(coded_tree, officer, tmp_path):
    from members.imports.export import export_response

    run_import(make_xlsx(tmp_path / "a.xlsx", [member(), member(
        citizen_id="001185000002", card_number="A2", full_name="Trần Thị Bình", sex="Nữ",
        date_of_birth="03/02/1985", status="Xóa tên", left_on="01/01/2015", retired="Có",
    )]), user=officer, apply=True)  # fmt: skip
    response = export_response(officer)
    path = tmp_path / "export.xlsx"
    path.write_bytes(b"".join(response.streaming_content))
    response.file_to_stream.close()  # as the server does once the download is sent
    report = run_import(path, user=officer, apply=True)
    assert report["applied"], problems_of(report)
    assert report["counts"]["member_unchanged"] == 2
    assert report["counts"]["org_unchanged"] >= 4


def test_command_line_without_user_has_no_scope_limit(coded_tree, tmp_path):
    report = run_import(
        make_xlsx(tmp_path / "a.xlsx", [member(organization=CODES["other_cell"])]),
        user=None,
        apply=True,
    )
    assert report["applied"], problems_of(report)
