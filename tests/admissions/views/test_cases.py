"""Admission pages by persona: scoped reads (404 outside reach), writes through the
services (403 when readable but not writable), refusals shown with rule IDs, exports."""

import io
from datetime import date

import pytest
from django.urls import reverse
from docx import Document
from openpyxl import load_workbook

from admissions.enums import Stage
from admissions.models import AdmissionCase
from admissions.services.cases import record_document
from admissions.services.full_membership import open_full_case
from admissions.services.stages import advance
from admissions.services.targets import set_target

from ..conftest import DATES

pytestmark = pytest.mark.django_db

LIST_PAGES = [
    "admissions:dashboard",
    "admissions:candidates",
    "admissions:incomplete",
    "admissions:probation",
    "admissions:results",
]


def docx_text(content: bytes) -> str:
    document = Document(io.BytesIO(content))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts += [c.text for c in row.cells]
    return "\n".join(parts)


@pytest.mark.parametrize("name", LIST_PAGES)
def test_list_pages_for_reaching_personas(name, login, officer, secretary, inspector, case):
    for user in (officer, secretary, inspector):
        response = login(user).get(reverse(name))
        assert response.status_code == 200, (name, user)


@pytest.mark.parametrize("name", LIST_PAGES)
def test_list_pages_404_for_member(name, login, member_user):
    assert login(member_user).get(reverse(name)).status_code == 404


def test_case_page_scoped(
    login, case, officer, secretary, inspector, other_secretary, outsider, member_user
):
    url = reverse("admissions:case", args=[case.pk])
    for user in (officer, secretary, inspector):
        response = login(user).get(url)
        assert response.status_code == 200
        assert "Lường Thị Hoa" in response.content.decode()
    for user in (other_secretary, outsider, member_user):
        assert login(user).get(url).status_code == 404


def test_candidate_page_scoped(login, candidate, officer, other_secretary, outsider):
    url = reverse("admissions:candidate", args=[candidate.pk])
    assert login(officer).get(url).status_code == 200
    assert login(other_secretary).get(url).status_code == 404
    assert login(outsider).get(url).status_code == 404


def test_lists_hide_other_cells(login, case, other_secretary, outsider):
    for user in (other_secretary, outsider):
        body = login(user).get(reverse("admissions:candidates")).content.decode()
        assert "Lường Thị Hoa" not in body


def test_inspector_reads_but_cannot_advance(login, case, inspector):
    response = login(inspector).post(
        reverse("admissions:case_advance", args=[case.pk]),
        {"stage": Stage.SYMPATHIZER, "on": "15/01/2024"},
    )
    assert response.status_code == 403
    case.refresh_from_db()
    assert case.stage == Stage.SOURCE


def test_outsider_cannot_post(login, case, outsider):
    response = login(outsider).post(
        reverse("admissions:case_advance", args=[case.pk]),
        {"stage": Stage.SYMPATHIZER, "on": "15/01/2024"},
    )
    assert response.status_code == 404


def test_add_candidate_through_the_form(login, secretary, cell):
    response = login(secretary).post(
        reverse("admissions:candidate_new"),
        {
            "cell": cell.pk,
            "full_name": "Hoàng Văn Bình",
            "sex": "male",
            "date_of_birth": "02/09/2001",
            "education": "upper_secondary",
            "source": "trade_union",
            "on": "01/10/2025",
        },
    )
    assert response.status_code == 302
    from admissions.models import Candidate

    assert Candidate.objects.get().events.count() == 1


def test_skipped_stage_refused_with_rule_id(login, case, officer):
    response = login(officer).post(
        reverse("admissions:case_advance", args=[case.pk]),
        {"stage": Stage.COURSE, "on": "01/03/2024", "certificate_on": "28/02/2024"},
    )
    assert response.status_code == 200
    assert "ADM-05" in response.content.decode()
    case.refresh_from_db()
    assert case.stage == Stage.SOURCE


def test_vote_over_base_refused_on_the_page(login, case, walk, officer):
    walk(case, Stage.SPONSORS)
    response = login(officer).post(
        reverse("admissions:case_advance", args=[case.pk]),
        {"stage": Stage.CELL_RESOLUTION, "on": "14/02/2025", "votes_for": 10, "votes_against": 0},
    )
    body = response.content.decode()
    assert 'data-testid="step-refused"' in body and "ADM-06" in body
    case.refresh_from_db()
    assert case.stage == Stage.SPONSORS


def test_case_page_shows_findings_with_rule_ids(login, case, walk, officer):
    walk(case, Stage.SYMPATHIZER)
    AdmissionCase.objects.filter(pk=case.pk).update(stage=Stage.SPONSORS)
    body = login(officer).get(reverse("admissions:case", args=[case.pk])).content.decode()
    assert 'data-rule="ADM-04"' in body  # no certificate recorded
    assert 'data-rule="ADM-03"' in body  # no sponsors


def test_documents_docx_and_pdf(login, case, walk, officer, other_secretary):
    walk(case, Stage.DECISION)
    client = login(officer)
    url = reverse("admissions:case_document", args=[case.pk, "9-knd", "docx"])
    response = client.get(url)
    assert response.status_code == 200
    text = docx_text(response.content)
    assert "Kết nạp quần chúng Lường Thị Hoa" in text
    assert "QUYẾT ĐỊNH" in text
    assert "Số 01-QĐ/" in text
    # the same number when downloaded again
    assert "Số 01-QĐ/" in docx_text(client.get(url).content)
    text6 = docx_text(
        client.get(reverse("admissions:case_document", args=[case.pk, "6-knd", "docx"])).content
    )
    assert "NGHỊ QUYẾT" in text6 and "số tán thành: 8 đồng chí (đạt 88,9%)" in text6
    text8 = docx_text(
        client.get(reverse("admissions:case_document", args=[case.pk, "8-knd", "docx"])).content
    )
    assert "số tán thành: 7 đồng chí" in text8
    pdf = client.get(reverse("admissions:case_document", args=[case.pk, "9-knd", "pdf"]))
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
    assert login(other_secretary).get(url).status_code == 404


def test_document_before_its_stage_is_404(login, case, officer):
    url = reverse("admissions:case_document", args=[case.pk, "9-knd", "docx"])
    assert login(officer).get(url).status_code == 404


def test_dashboard_shows_overdue_in_red_and_exports(login, case, walk, officer, outsider):
    walk(case, Stage.CELL_RESOLUTION)
    client = login(officer)
    body = client.get(reverse("admissions:dashboard")).content.decode()
    assert 'data-testid="overdue"' in body and "ADM-07" in body and "table-danger" in body
    response = client.get(reverse("admissions:dashboard") + "?format=xlsx")
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    values = [c.value for row in sheet.iter_rows() for c in row]
    assert "Lường Thị Hoa" in values
    response = login(outsider).get(reverse("admissions:dashboard") + "?format=xlsx")
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    assert "Lường Thị Hoa" not in [c.value for row in sheet.iter_rows() for c in row]


def test_incomplete_dossiers_view(login, case, walk, officer, outsider):
    walk(case, Stage.HISTORY)
    assert (
        "Lường Thị Hoa" not in login(officer).get(reverse("admissions:incomplete")).content.decode()
    )
    application = case.documents.get(kind="application")
    record_document(application, by=officer, received_on=None, note="Bản gốc bị thất lạc")
    body = login(officer).get(reverse("admissions:incomplete")).content.decode()
    assert "Lường Thị Hoa" in body and "1-KNĐ" in body
    assert (
        "Lường Thị Hoa"
        not in login(outsider).get(reverse("admissions:incomplete")).content.decode()
    )


def test_results_page_achievement_and_export(login, case, walk, officer, tree, outsider):
    walk(case, Stage.CEREMONY)
    set_target(by=officer, organization=tree["grassroots"], year=2025, target=1)
    client = login(officer)
    url = (
        reverse("admissions:results")
        + f"?organization={tree['grassroots'].pk}&year_from=2024&year_to=2025"
    )
    body = client.get(url).content.decode()
    assert "100,0%" in body
    assert 'id="results-chart-data"' in body and "<script>" not in body
    response = client.get(url + "&format=xlsx")
    assert response.status_code == 200
    assert login(outsider).get(url).status_code == 200  # the filter ignores an unreachable org
    assert "100,0%" not in login(outsider).get(url).content.decode()


def test_probation_page_and_full_case_flow(login, case, walk, officer, full_members):
    walk(case, Stage.MEMBER_FILE)
    client = login(officer)
    member = AdmissionCase.objects.get(pk=case.pk).member
    body = client.get(reverse("admissions:probation")).content.decode()
    assert member.full_name in body
    response = client.post(reverse("admissions:full_open", args=[member.pk]))
    assert response.status_code == 302
    fcase = member.full_cases.get()
    assert fcase.probation_ends_on == date(2026, 3, 19)
    response = client.post(
        reverse("admissions:full_advance", args=[fcase.pk]),
        {
            "stage": "cell_resolution",
            "on": "20/03/2026",
            "proposal": "full",
            "votes_for": 9,
            "votes_against": 0,
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    assert client.get(reverse("admissions:full_case", args=[fcase.pk])).status_code == 200


def test_candidate_state_and_review_forms(login, candidate, officer, full_members):
    client = login(officer)
    response = client.post(
        reverse("admissions:candidate_state", args=[candidate.pk]),
        {"state": "sympathizer", "on": "10/02/2024", "helper": full_members[0].pk},
    )
    assert response.status_code == 302
    response = client.post(
        reverse("admissions:candidate_review", args=[candidate.pk]),
        {"month": "15/03/2024", "note": "Tích cực tham gia phong trào"},
    )
    assert response.status_code == 302
    candidate.refresh_from_db()
    assert candidate.state == "sympathizer"
    assert candidate.reviews.get().month == date(2024, 3, 1)


def test_walk_dates_are_consistent():
    assert DATES[Stage.DECISION] < DATES[Stage.CEREMONY]


def test_full_case_pages_and_documents_scoped(
    login, case, walk, officer, other_secretary, outsider
):
    from admissions.enums import FullStage, Proposal

    walk(case, Stage.MEMBER_FILE)
    member = AdmissionCase.objects.get(pk=case.pk).member
    fcase = open_full_case(member, by=officer)
    advance(
        fcase,
        FullStage.CELL_RESOLUTION,
        by=officer,
        on=date(2026, 3, 20),
        proposal=Proposal.FULL,
        votes_for=9,
    )
    advance(
        fcase,
        FullStage.COMMITTEE_RESOLUTION,
        by=officer,
        on=date(2026, 3, 25),
        committee_for=7,
        committee_size=9,
    )
    advance(fcase, FullStage.DECISION, by=officer, on=date(2026, 4, 2))
    page = reverse("admissions:full_case", args=[fcase.pk])
    doc = reverse("admissions:full_document", args=[fcase.pk, "qd-chinh-thuc", "docx"])
    client = login(officer)
    assert client.get(page).status_code == 200
    text = docx_text(client.get(doc).content)
    assert "Công nhận đồng chí Lường Thị Hoa là đảng viên chính thức kể từ ngày 19/03/2026" in text
    text13 = docx_text(
        client.get(reverse("admissions:full_document", args=[fcase.pk, "13-knd", "docx"])).content
    )
    assert "hết thời gian dự bị ngày 19/03/2026" in text13
    for user in (other_secretary, outsider):
        assert login(user).get(page).status_code == 404
        assert login(user).get(doc).status_code == 404


def test_incomplete_export_scoped(login, case, walk, officer, outsider):
    walk(case, Stage.HISTORY)
    record_document(case.documents.get(kind="application"), by=officer, received_on=None)
    url = reverse("admissions:incomplete") + "?format=xlsx"

    def names(user):
        response = login(user).get(url)
        sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
        return [c.value for row in sheet.iter_rows() for c in row]

    assert "Lường Thị Hoa" in names(officer)
    assert "Lường Thị Hoa" not in names(outsider)


def test_document_record_scoped(login, case, officer, outsider, inspector):
    document = case.documents.get(kind="application")
    url = reverse("admissions:document_record", args=[document.pk])
    assert login(outsider).post(url, {"received_on": "05/03/2024"}).status_code == 404
    assert login(inspector).post(url, {"received_on": "05/03/2024"}).status_code == 403
    assert login(officer).post(url, {"received_on": "05/03/2024"}).status_code == 302
    document.refresh_from_db()
    assert document.received_on == date(2024, 3, 5)


def test_scans_served_only_within_reach(
    login, case, walk, officer, outsider, member_user, settings, tmp_path
):
    from django.core.files.uploadedfile import SimpleUploadedFile

    settings.MEDIA_ROOT = tmp_path
    walk(case, Stage.COURSE)
    scan = SimpleUploadedFile("don.pdf", b"%PDF-1.4 don", content_type="application/pdf")
    step = advance(case, Stage.APPLICATION, by=officer, on=date(2024, 3, 5), document=scan)
    document = case.documents.get(kind="application")
    for url in (
        reverse("admissions:step_file", args=[step.pk]),
        reverse("admissions:document_file", args=[document.pk]),
    ):
        response = login(officer).get(url)
        assert response.status_code == 200
        assert b"".join(response.streaming_content) == b"%PDF-1.4 don"
        assert login(outsider).get(url).status_code == 404
        assert login(member_user).get(url).status_code == 404
    body = login(officer).get(reverse("admissions:case", args=[case.pk])).content.decode()
    assert "/media/" not in body
