"""Builds the DOCX templates of the admission documents (DOC-01), reproducibly.

Run `python -m admissions.documents.build` after changing this file; it rewrites
admissions/templates/admissions/docx/*.docx. Context of each template: see
admissions.documents.resolutions._context.
"""

from pathlib import Path

from core.docx_builder import TemplateBuilder

TEMPLATE_DIR = Path(__file__).resolve().parents[1] / "templates" / "admissions" / "docx"


def _person_lines(b, who: str) -> None:
    open_, close = "{{ ", " }}"
    b.paragraph(
        f"Họ và tên: {open_}{who}.full_name{close}; "
        f"sinh ngày {open_}{who}.date_of_birth|short_date{close}."
    )
    b.paragraph(
        f"Quê quán: {open_}{who}.home_town{close}; nơi ở hiện nay: {open_}{who}.address{close}."
    )


def build_cell_resolution(path):
    b = TemplateBuilder()
    b.paragraph(
        "Ngày {{ case.cell_resolution_on.day }} tháng {{ case.cell_resolution_on.month }} năm "
        "{{ case.cell_resolution_on|year }}, {{ doc.body_name }} họp xét đề nghị kết nạp quần "
        "chúng {{ person.full_name }} vào Đảng Cộng sản Việt Nam."
    )
    _person_lines(b, "person")
    b.paragraph(
        "Tổng số đảng viên chính thức của chi bộ: {{ case.vote_base }} đồng chí; số tán thành: "
        "{{ case.votes_for }} đồng chí (đạt {{ rate|percent(1) }}); số không tán thành: "
        "{{ case.votes_against }} đồng chí."
    )
    b.paragraph(
        "Chi bộ đề nghị cấp ủy cấp trên xem xét, kết nạp quần chúng {{ person.full_name }} "
        "vào Đảng Cộng sản Việt Nam."
    )
    return b.save(path)


def build_committee_resolution(path):
    b = TemplateBuilder()
    b.paragraph(
        "Căn cứ Nghị quyết của {{ cell.name }} đề nghị kết nạp quần chúng {{ person.full_name }} "
        "vào Đảng ngày {{ case.cell_resolution_on|short_date }};"
    )
    b.paragraph(
        "Ngày {{ case.committee_resolution_on|short_date }}, {{ doc.body_name }} đã xem xét; "
        "tổng số cấp ủy viên: {{ case.committee_size }} đồng chí; số tán thành: "
        "{{ case.committee_for }} đồng chí (đạt {{ committee_rate|percent(1) }})."
    )
    _person_lines(b, "person")
    b.paragraph(
        "{{ doc.body_name }} đề nghị cấp ủy cấp trên xem xét, quyết định kết nạp quần chúng "
        "{{ person.full_name }} vào Đảng Cộng sản Việt Nam."
    )
    return b.save(path)


def build_decision(path):
    b = TemplateBuilder()
    b.paragraph("- Căn cứ Điều lệ Đảng Cộng sản Việt Nam;")
    b.paragraph(
        "- Xét Nghị quyết đề nghị kết nạp đảng viên của {{ cell.name }} ngày "
        "{{ case.cell_resolution_on|short_date }}"
        "{%- if case.committee_resolution_on %} và của {{ grassroots.name }} ngày "
        "{{ case.committee_resolution_on|short_date }}{% endif %},"
    )
    b.paragraph("QUYẾT ĐỊNH", bold=True, indent=False, align="center")
    b.paragraph(
        "Điều 1. Kết nạp quần chúng {{ person.full_name }}, sinh ngày "
        "{{ person.date_of_birth|short_date }}, quê quán {{ person.home_town }}, vào Đảng Cộng "
        "sản Việt Nam."
    )
    b.paragraph("Điều 2. Thời gian dự bị 12 tháng kể từ ngày {{ cell.name }} tổ chức lễ kết nạp.")
    b.paragraph(
        "Điều 3. {{ cell.name }} và đồng chí {{ person.full_name }} chịu trách nhiệm thi hành "
        "Quyết định này."
    )
    return b.save(path)


def build_full_cell_resolution(path):
    b = TemplateBuilder()
    b.paragraph(
        "Ngày {{ fcase.cell_resolution_on|short_date }}, {{ doc.body_name }} họp xét "
        "{% if strike_off %}đề nghị xóa tên{% else %}đề nghị công nhận đảng viên chính thức "
        "cho{% endif %} đồng chí {{ member.full_name }}, đảng viên dự bị từ ngày "
        "{{ fcase.probation_from|short_date }}, hết thời gian dự bị ngày "
        "{{ fcase.probation_ends_on|short_date }}."
    )
    b.paragraph(
        "Tổng số đảng viên chính thức của chi bộ: {{ fcase.vote_base }} đồng chí; số tán thành: "
        "{{ fcase.votes_for }} đồng chí (đạt {{ rate|percent(1) }})."
    )
    return b.save(path)


def build_full_committee_resolution(path):
    """15-KNĐ: the grassroots committee's resolution on full membership (PRB-04, ADM-06)."""
    b = TemplateBuilder()
    b.paragraph(
        "Căn cứ Nghị quyết của {{ cell.name }} ngày {{ fcase.cell_resolution_on|short_date }} "
        "{% if strike_off %}đề nghị xóa tên đảng viên dự bị{% else %}đề nghị công nhận đảng "
        "viên chính thức{% endif %} đối với đồng chí {{ member.full_name }};"
    )
    b.paragraph(
        "Ngày {{ fcase.committee_resolution_on|short_date }}, {{ doc.body_name }} đã xem xét; "
        "tổng số cấp ủy viên: {{ fcase.committee_size }} đồng chí; số tán thành: "
        "{{ fcase.committee_for }} đồng chí (đạt {{ committee_rate|percent(1) }}); số không tán "
        "thành: {{ fcase.committee_against }} đồng chí."
    )
    _person_lines(b, "member")
    b.paragraph(
        "Đảng viên dự bị từ ngày {{ fcase.probation_from|short_date }}, hết thời gian dự bị ngày "
        "{{ fcase.probation_ends_on|short_date }}."
    )
    b.paragraph(
        "{{ doc.body_name }} đề nghị cấp ủy cấp trên xem xét, quyết định "
        "{% if strike_off %}xóa tên đồng chí {{ member.full_name }} trong danh sách đảng viên "
        "dự bị{% else %}công nhận đồng chí {{ member.full_name }} là đảng viên chính thức kể "
        "từ ngày {{ fcase.probation_ends_on|short_date }}{% endif %}."
    )
    return b.save(path)


def build_full_decision(path):
    b = TemplateBuilder()
    b.paragraph("- Căn cứ Điều lệ Đảng Cộng sản Việt Nam;")
    b.paragraph(
        "- Xét Nghị quyết của {{ cell.name }} ngày {{ fcase.cell_resolution_on|short_date }}"
        "{%- if fcase.committee_resolution_on %} và của {{ grassroots.name }} ngày "
        "{{ fcase.committee_resolution_on|short_date }}{% endif %},"
    )
    b.paragraph("QUYẾT ĐỊNH", bold=True, indent=False, align="center")
    b.paragraph(
        "{% if strike_off %}Điều 1. Xóa tên đồng chí {{ member.full_name }} trong danh sách "
        "đảng viên dự bị.{% else %}Điều 1. Công nhận đồng chí {{ member.full_name }} là đảng "
        "viên chính thức kể từ ngày {{ fcase.probation_ends_on|short_date }}.{% endif %}"
    )
    b.paragraph(
        "Điều 2. {{ cell.name }} và đồng chí {{ member.full_name }} chịu trách nhiệm thi hành "
        "Quyết định này."
    )
    return b.save(path)


def build_all() -> list[Path]:
    return [
        build_cell_resolution(TEMPLATE_DIR / "cell_resolution.docx"),
        build_committee_resolution(TEMPLATE_DIR / "committee_resolution.docx"),
        build_decision(TEMPLATE_DIR / "decision.docx"),
        build_full_cell_resolution(TEMPLATE_DIR / "full_cell_resolution.docx"),
        build_full_committee_resolution(TEMPLATE_DIR / "full_committee_resolution.docx"),
        build_full_decision(TEMPLATE_DIR / "full_decision.docx"),
    ]


if __name__ == "__main__":
    import os

    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "chibo.settings")
    django.setup()
    for built in build_all():
        print(built)
