"""The register's data quality page (issue 3, item 9) and its XLSX export."""

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from core.exporters import DATE, INTEGER, Column, Sheet, xlsx_response

from .. import quality
from ..forms import QualityFilterForm


def _organization(request):
    """The chosen organization (404 outside the user's reach); the page needs some reach."""
    form = QualityFilterForm(request.GET or None, user=request.user)
    if not form.fields["organization"].queryset.exists():
        raise Http404  # the member role reads only their own record
    if form.is_bound and not form.is_valid():
        if request.GET.get("organization"):
            raise Http404
    organization = form.cleaned_data.get("organization") if form.is_bound else None
    return form, organization


@login_required
def page(request):
    form, organization = _organization(request)
    report = quality.quality_report(request.user, organization)
    return render(
        request,
        "members/quality.html",
        {
            "form": form,
            "organization": organization,
            "report": report,
            "shown": quality.SHOWN,
            "query": request.GET.urlencode(),
        },
    )


MEMBER_COLUMNS = [
    Column(_lazy("Họ và tên"), "full_name", width=28),
    Column(_lazy("Ngày sinh"), "date_of_birth", DATE),
    Column(_lazy("Sinh hoạt tại"), "organization.name", width=32),
    Column(_lazy("Trạng thái"), "get_status_display"),
]


@login_required
def export(request):
    form, organization = _organization(request)
    members = quality.scoped_members(request.user, organization)
    label = organization.name if organization else None
    sheets = [
        Sheet(_("Chưa có số CCCD"), MEMBER_COLUMNS, quality.without_citizen_id(members), label),
        Sheet(
            _("Có thể trùng lặp"),
            [*MEMBER_COLUMNS, Column(_lazy("Số CCCD"), "citizen_id")],
            quality.likely_duplicates(members),
            label,
            notes=[_("Cùng họ tên (không dấu) và ngày sinh.")],
        ),
        Sheet(
            _("Ngày tháng bất hợp lý"),
            [
                *MEMBER_COLUMNS,
                Column(_lazy("Ngày vào Đảng"), "admitted_on", DATE),
                Column(_lazy("Ngày chính thức"), "full_member_on", DATE),
                Column(
                    _lazy("Vấn đề"), lambda m: "; ".join(quality.date_problem_labels(m)), width=50
                ),
            ],
            quality.impossible_dates(members),
            label,
        ),
        Sheet(
            _("Chi bộ dưới 3 đảng viên chính thức"),
            [
                Column(_lazy("Chi bộ"), "name", width=40),
                Column(_lazy("Mã"), "code"),
                Column(_lazy("Số đảng viên chính thức"), "full_members", INTEGER),
            ],
            quality.small_cells(request.user, organization),
            label,
            name=_("Chi bộ dưới 3 ĐV chính thức"),
            notes=[_("ORG-02: chi bộ cần ít nhất 3 đảng viên chính thức.")],
        ),
    ]
    return xlsx_response(sheets, filename=_("Chất lượng dữ liệu đảng viên.xlsx"))
