"""The annual report page: start a report (background job, immediate in tests), the
kept files listed and downloaded, the DOCX, PDF and XLSX opened and read; scope."""

import subprocess
from io import BytesIO

import pytest
from django.urls import reverse
from docx import Document
from openpyxl import load_workbook

from core.models import BackgroundJob, JobState
from reports.models import ReportFile
from tests.reports import annual_data


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def data(tree, officer):
    return annual_data.build(tree, officer)


def start(client, org, year=2025):
    return client.post(reverse("reports:annual", args=[org.pk]), {"year": year})


def docx_text(data: bytes) -> str:
    document = Document(BytesIO(data))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts.append(" | ".join(c.text for c in row.cells))
    return "\n".join(parts)


def pdf_text(data: bytes, tmp_path) -> str:
    path = tmp_path / "r.pdf"
    path.write_bytes(data)
    return subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


def test_officer_generates_and_downloads_the_report(login, officer, tree, data, tmp_path):
    client = login(officer)
    commune = tree["commune"]
    response = start(client, commune)
    assert response.status_code == 302
    job = BackgroundJob.objects.get(created_by=officer)
    assert response.url == f"{reverse('reports:annual', args=[commune.pk])}?job={job.pk}"
    assert job.state == JobState.DONE and job.progress == job.total == 9
    report = ReportFile.objects.get()
    assert (report.organization, report.year, report.created_by) == (commune, 2025, officer)
    assert report.number_line == "Số 01-BC/ĐU"

    page = client.get(response.url)
    body = page.content.decode()
    assert 'data-testid="job-progress"' in body and 'value="100"' in body
    assert "hx-get" not in body  # finished: no more polling
    assert reverse("reports:file", args=[report.pk, "docx"]) in body

    docx = client.get(reverse("reports:file", args=[report.pk, "docx"]))
    assert docx.status_code == 200 and "attachment" in docx["Content-Disposition"]
    data_docx = b"".join(docx.streaming_content)
    text = docx_text(data_docx)
    document = Document(BytesIO(data_docx))
    header_text = "\n".join(
        c.text for t in document.tables[:1] for row in t.rows for c in row.cells
    )
    assert "ĐẢNG CỘNG SẢN VIỆT NAM" in header_text
    assert "Số 01-BC/ĐU" in header_text
    assert "ĐẢNG ỦY XÃ TÂN LẬP" in header_text
    for heading in (
        "I. TỔ CHỨC ĐẢNG VÀ ĐẢNG VIÊN",
        "II. SINH HOẠT CHI BỘ",
        "III. PHÁT TRIỂN ĐẢNG VIÊN",
        "IV. ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG",
        "V. KIỂM TRA, GIÁM SÁT VÀ KỶ LUẬT ĐẢNG",
        "VI. ĐÀO TẠO, BỒI DƯỠNG VÀ HỌC TẬP NGHỊ QUYẾT, CHỈ THỊ",
    ):
        assert heading in text
    assert "Tổng kết công tác xây dựng Đảng năm 2025" in text
    assert "đủ 12 kỳ/năm đạt 50,00%" in text
    assert "Tổng cộng | 2 | 1 | 50,00% | 1 | 50,00% | 0 | 0,00% | 75,00%" in text
    assert "Không hoàn thành nhiệm vụ | 1 | 25,0%" in text
    assert "2025 | 4 | 3 | 2 | 2 | 50,0% | 0" in text
    assert len(document.inline_shapes) == 5  # age, meetings, admissions, 2 review charts
    assert "T/M ĐẢNG ỦY" in docx_text(data_docx).upper()

    pdf = client.get(reverse("reports:file", args=[report.pk, "pdf"]))
    assert pdf["Content-Type"] == "application/pdf"
    text = pdf_text(b"".join(pdf.streaming_content), tmp_path)
    assert "ĐẢNG CỘNG SẢN VIỆT NAM" in text
    assert "Số 01-BC/ĐU" in text
    assert "II. SINH HOẠT CHI BỘ" in text
    assert "75,00%" in text and "25,0%" in text

    xlsx = client.get(reverse("reports:file", args=[report.pk, "xlsx"]))
    workbook = load_workbook(BytesIO(b"".join(xlsx.streaming_content)))
    # contents + 12 STA-01 + 2 meetings + 1 admissions + 2 reviews + 1 INS-02 + 2 training
    assert len(workbook.sheetnames) == 21
    values = [
        c for ws in workbook.worksheets for row in ws.iter_rows(values_only=True) for c in row
    ]
    assert "Học tập, quán triệt nghị quyết, chỉ thị" in " ".join(str(v) for v in values if v)
    assert 0.75 in values  # attendance share kept as a number


def test_generating_again_keeps_both_files_and_the_number(login, officer, tree, data):
    client = login(officer)
    start(client, tree["commune"])
    start(client, tree["commune"])
    numbers = list(ReportFile.objects.values_list("number_line", flat=True))
    assert numbers == ["Số 01-BC/ĐU", "Số 01-BC/ĐU"]
    body = client.get(reverse("reports:annual", args=[tree["commune"].pk])).content.decode()
    assert body.count('data-testid="annual-file"') == 2


def test_a_year_without_data_says_so_in_the_document(login, officer, tree, data):
    client = login(officer)
    start(client, tree["commune"], 2010)
    report = ReportFile.objects.get()
    text = docx_text(b"".join(client.get(reverse("reports:file", args=[report.pk, "docx"]))))
    assert "Chưa có số liệu sinh hoạt chi bộ năm 2010." in text
    assert "Chưa có số liệu tổ chức đảng và đảng viên năm 2010." in text
    assert "Chưa có số liệu phát triển đảng viên năm 2010." in text
    assert "%" not in text.split("I. TỔ CHỨC")[1]  # no invented share anywhere


def test_future_year_is_refused(login, officer, tree):
    response = start(login(officer), tree["commune"], 2099)
    assert response.status_code == 200
    assert not BackgroundJob.objects.exists()


def test_secretary_gets_the_report_of_their_own_cell_only(login, secretary, tree, data):
    client = login(secretary)
    assert start(client, tree["commune"]).status_code == 404
    assert start(client, tree["cell_b"]).status_code == 404
    assert start(client, tree["cell_a"]).status_code == 302
    report = ReportFile.objects.get()
    assert report.organization == tree["cell_a"]
    assert report.number_line == "Số 01-BC/CB"
    text = docx_text(b"".join(client.get(reverse("reports:file", args=[report.pk, "docx"]))))
    assert "Chi bộ thôn Nà Phát có 0 tổ chức đảng trực thuộc và 2 đảng viên" in text


@pytest.mark.parametrize("persona", ["other_secretary", "outsider", "member_user"])
def test_others_get_404_on_page_start_and_files(request, login, officer, tree, data, persona):
    start(login(officer), tree["commune"])
    report = ReportFile.objects.get()
    client = login(request.getfixturevalue(persona))
    assert client.get(reverse("reports:annual", args=[tree["commune"].pk])).status_code == 404
    assert start(client, tree["commune"]).status_code == 404
    for fmt in ("docx", "pdf", "xlsx"):
        assert client.get(reverse("reports:file", args=[report.pk, fmt])).status_code == 404


def test_inspector_reads_and_downloads_but_does_not_start(login, officer, inspector, tree, data):
    start(login(officer), tree["commune"])
    report = ReportFile.objects.get()
    client = login(inspector)
    page = client.get(reverse("reports:annual", args=[tree["commune"].pk]))
    assert page.status_code == 200 and 'data-testid="annual-form"' not in page.content.decode()
    assert start(client, tree["commune"]).status_code == 403
    assert client.get(reverse("reports:file", args=[report.pk, "pdf"])).status_code == 200


def test_someone_elses_job_is_404(login, officer, admin_user, tree, data):
    start(login(officer), tree["commune"])
    job = BackgroundJob.objects.get()
    client = login(admin_user)
    url = reverse("reports:annual", args=[tree["commune"].pk])
    assert client.get(f"{url}?job={job.pk}").status_code == 404
    assert client.get(f"{url}?job=x").status_code == 404
    report = ReportFile.objects.get()
    assert client.get(reverse("reports:file", args=[report.pk, "doc"])).status_code == 404


def test_page_has_no_inline_script_or_style(login, officer, tree):
    body = login(officer).get(reverse("reports:annual", args=[tree["commune"].pk])).content.decode()
    assert "<script>" not in body and " style=" not in body


def test_a_running_job_polls_and_is_sent_back_to_the_page_when_done(login, officer, tree, data):
    """With a real worker the page comes back before the job is done: the bar polls
    core_jobs:status, which sends htmx back to the page once the task has finished."""
    from core import jobs
    from reports import tasks

    client = login(officer)
    job = jobs.start_job(tasks.KIND, by=officer, step="2025", total=tasks.TOTAL)
    page_url = f"{reverse('reports:annual', args=[tree['commune'].pk])}?job={job.pk}"
    body = client.get(page_url).content.decode()
    assert f'hx-get="/jobs/{job.pk}/?next=' in body and 'hx-trigger="every 1s"' in body
    tasks.run_annual_report(job.pk, tree["commune"].pk, 2025)
    status = client.get(f"/jobs/{job.pk}/", {"next": page_url}, HTTP_HX_REQUEST="true")
    assert status.status_code == 204 and status["HX-Redirect"] == page_url
    body = client.get(page_url).content.decode()
    assert "hx-get" not in body and "list-group-item-success" in body


def test_a_failing_job_says_so_and_keeps_no_file(login, officer, tree, data, monkeypatch):
    from reports.documents import annual as documents

    def broken(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(documents, "build_pdf", broken)
    client = login(officer)
    response = start(client, tree["commune"])
    job = BackgroundJob.objects.get()
    assert job.state == JobState.FAILED and not ReportFile.objects.exists()
    assert "Lỗi hệ thống khi tạo báo cáo" in client.get(response.url).content.decode()
