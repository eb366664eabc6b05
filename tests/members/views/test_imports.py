"""Import pages: scope (officer, secretary, outsider, member, anonymous), upload → preview →
confirm inline and in the background (immediate task backend), template and export."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import load_workbook

from core.models import BackgroundJob, JobState
from members.imports import layout
from members.imports import tasks as import_tasks
from members.models import Member
from members.views import imports as import_views
from tests.members.import_support import CODES, make_xlsx, member, set_codes


@pytest.fixture
def coded_tree(tree):
    return set_codes(tree)


# The project's URLs plus the job progress ones (chibo/urls.py gets the same include line).


def upload(client, path, name="dang-vien.xlsx"):
    with open(path, "rb") as fh:
        data = fh.read()
    return client.post(
        reverse("members:import_start"), {"file": SimpleUploadedFile(name, data)}, follow=True
    )


def test_anonymous_goes_to_login(client, tree):
    for name in ("import_start", "import_template", "export_layout"):
        response = client.get(reverse(f"members:{name}"))
        assert response.status_code == 302 and "login" in response["Location"]


def test_member_and_inspector_get_404(login, member_user, inspector):
    client = login(member_user)
    for name in ("import_start", "import_template", "export_layout"):
        assert client.get(reverse(f"members:{name}")).status_code == 404
    client = login(inspector)
    assert client.get(reverse("members:import_start")).status_code == 404
    assert client.get(reverse("members:export_layout")).status_code == 200  # reads only


def test_upload_preview_confirm_inline(login, officer, coded_tree, tmp_path):
    client = login(officer)
    page = client.get(reverse("members:import_start"))
    assert page.status_code == 200 and "Tải tệp mẫu" in page.content.decode()
    response = upload(client, make_xlsx(tmp_path / "a.xlsx", [member()]))
    assert response.status_code == 200
    html = response.content.decode()
    assert 'data-testid="import-confirm"' in html
    job = BackgroundJob.objects.get()
    assert job.step == "preview" and job.state == JobState.DONE
    assert not Member.objects.exists()
    response = client.post(reverse("members:import_confirm", args=[job.pk]), follow=True)
    assert 'data-testid="import-applied"' in response.content.decode()
    assert Member.objects.count() == 1
    # The file is gone after the apply: a second confirm is refused.
    response = client.post(reverse("members:import_confirm", args=[job.pk]), follow=True)
    assert Member.objects.count() == 1
    assert "không thể xác nhận" in response.content.decode()


def test_preview_lists_problems_by_row_and_column(login, officer, coded_tree, tmp_path):
    client = login(officer)
    rows = [member(), member(citizen_id="001080000001", card_number="B", full_name="Lê Văn B")]
    html = upload(client, make_xlsx(tmp_path / "a.xlsx", rows)).content.decode()
    assert 'data-testid="problem-table"' in html
    assert "Số CCCD 001080000001 trùng với dòng 2." in html
    assert "<td>3</td><td>Số CCCD</td>" in html
    assert 'data-testid="import-confirm"' not in html


def test_hostile_upload_gives_one_message_and_no_500(login, officer, coded_tree, tmp_path):
    client = login(officer)
    bad = tmp_path / "a.xlsx"
    bad.write_bytes(b"PK\x03\x04 truncated")
    response = upload(client, bad)
    assert response.status_code == 200
    assert 'data-testid="file-error"' in response.content.decode()


def test_too_big_upload_is_refused_by_the_form(login, officer, coded_tree, tmp_path, monkeypatch):
    monkeypatch.setattr(import_views, "MAX_FILE_BYTES", 10)
    client = login(officer)
    response = upload(client, make_xlsx(tmp_path / "a.xlsx", [member()]))
    assert "quá lớn" in response.content.decode()
    assert not BackgroundJob.objects.exists()


def test_secretary_cannot_import_into_another_cell(login, secretary, coded_tree, tmp_path):
    client = login(secretary)
    rows = [member(organization=CODES["cell_b"])]
    html = upload(client, make_xlsx(tmp_path / "a.xlsx", rows)).content.decode()
    assert "ngoài phạm vi" in html
    assert not Member.objects.exists()


def test_background_path_with_progress(login, officer, coded_tree, tmp_path, monkeypatch):
    monkeypatch.setattr(import_tasks, "INLINE_MAX_ROWS", 1)
    client = login(officer)
    rows = [member(), member(citizen_id="001080000002", card_number="A2")]
    response = upload(client, make_xlsx(tmp_path / "a.xlsx", rows))
    # The immediate backend ran the task during the request; the status page forwards.
    assert 'data-testid="import-confirm"' in response.content.decode()
    job = BackgroundJob.objects.get()
    assert job.total == 2 and job.progress == 2
    response = client.post(reverse("members:import_confirm", args=[job.pk]), follow=True)
    assert 'data-testid="import-applied"' in response.content.decode()
    assert Member.objects.count() == 2


def test_status_page_polls_while_running(login, officer, coded_tree):
    job = BackgroundJob.objects.create(
        kind="members.import", step="preview", state=JobState.RUNNING, total=10, progress=4,
        created_by=officer,
    )  # fmt: skip
    client = login(officer)
    html = client.get(reverse("members:import_status", args=[job.pk])).content.decode()
    assert 'hx-trigger="every 1s"' in html and 'value="40"' in html
    assert client.get(reverse("members:import_preview", args=[job.pk])).status_code == 302


def test_outsider_gets_404_on_another_users_job(login, officer, outsider, admin_user, coded_tree):
    job = BackgroundJob.objects.create(
        kind="members.import", step="preview", state=JobState.DONE, created_by=officer
    )
    for user in (outsider, admin_user):
        client = login(user)
        for name in ("import_preview", "import_status"):
            assert client.get(reverse(f"members:{name}", args=[job.pk])).status_code == 404
        assert client.post(reverse("members:import_confirm", args=[job.pk])).status_code == 404
        assert client.get(reverse("core_jobs:status", args=[job.pk])).status_code == 404


def test_template_download(login, officer, coded_tree, tmp_path):
    response = login(officer).get(reverse("members:import_template"))
    assert response.status_code == 200
    path = tmp_path / "t.xlsx"
    path.write_bytes(b"".join(response.streaming_content))
    wb = load_workbook(path)
    assert layout.MEMBER_SHEET in wb.sheetnames and "Hướng dẫn" in wb.sheetnames


def test_export_is_scoped(login, officer, outsider, coded_tree, tmp_path):
    Member.objects.create(
        full_name="Nguyễn Văn An", sex="male", date_of_birth="1980-05-17", status="full",
        organization=coded_tree["cell_a"],
    )  # fmt: skip
    for user, expected in ((officer, 1), (outsider, 0)):
        response = login(user).get(reverse("members:export_layout"))
        path = tmp_path / f"{user.username}.xlsx"
        path.write_bytes(b"".join(response.streaming_content))
        book = load_workbook(path, read_only=True)  # read-only keeps the file open: close it
        names = [
            r[1]
            for r in book[layout.MEMBER_SHEET].iter_rows(values_only=True)
            if len(r) > 1 and r[1] == "Nguyễn Văn An"
        ]
        book.close()
        assert len(names) == expected
