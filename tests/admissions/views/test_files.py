"""admissions.views.files: scans of steps and dossier documents, served only within reach."""

from datetime import date

import pytest
from django.urls import reverse

from admissions.enums import Stage
from admissions.services.stages import advance

pytestmark = pytest.mark.django_db


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
