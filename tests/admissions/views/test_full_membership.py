"""admissions.views.full_membership: the probation list, opening a full-membership case, its page and documents."""

import io
from datetime import date

import pytest
from django.urls import reverse
from docx import Document

from admissions.enums import Stage
from admissions.models import AdmissionCase
from admissions.services.full_membership import open_full_case
from admissions.services.stages import advance

pytestmark = pytest.mark.django_db


def docx_text(content: bytes) -> str:
    document = Document(io.BytesIO(content))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts += [c.text for c in row.cells]
    return "\n".join(parts)


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
