"""Study of directives and resolutions: documents, study conferences and their totals."""

from datetime import date

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from core.exporters import DATE, INTEGER, Column, Sheet, xlsx_response
from core.forms import apply_errors
from core.pagination import paginate
from organizations.queries import (
    get_organization_for,
    writable_organizations_for,
)

from .. import services
from ..forms import (
    DirectiveForm,
    StudyFilterForm,
    StudySessionForm,
)
from ..models import Directive
from ..queries import directives_in as directives_with_totals
from ..queries import (
    sessions_in,
    study_totals,
    study_totals_by_level,
)
from .common import _first_root

# --- study of directives and resolutions ---------------------------------------------------


@login_required
def study_home(request):
    return redirect("training:directive_list", _first_root(request.user).pk)


@login_required
def directive_list(request, org_pk):
    org = get_organization_for(request.user, org_pk)
    form = StudyFilterForm(request.GET or None)
    year = form.value("year")
    start = end = None
    if year:
        start, end = date(year, 1, 1), date(year, 12, 31)
    page = paginate(request, directives_with_totals(org, year=year))
    return render(
        request,
        "training/directive_list.html",
        {
            "org": org,
            "form": form,
            "year": year,
            "page": page,
            "total": study_totals(org, start=start, end=end),
            "can_add": services.can_record_directives(request.user),
        },
    )


DIRECTIVE_COLUMNS = [
    Column(gettext_lazy("Số, ký hiệu"), "code"),
    Column(gettext_lazy("Loại văn bản"), "get_kind_display"),
    Column(gettext_lazy("Trích yếu"), "title", width=50),
    Column(gettext_lazy("Ngày ban hành"), "issued_on", DATE),
    Column(gettext_lazy("Cơ quan ban hành"), "issuer"),
    Column(gettext_lazy("Số hội nghị"), "conferences", INTEGER),
    Column(gettext_lazy("Lượt đảng viên"), "members", INTEGER),
    Column(gettext_lazy("Lượt người khác"), "others", INTEGER),
    Column(gettext_lazy("Tổng số lượt"), lambda d: d.members + d.others, INTEGER),
]


@login_required
def directive_export(request, org_pk):
    org = get_organization_for(request.user, org_pk)
    year = StudyFilterForm(request.GET or None).value("year")
    title = _("Học tập, quán triệt chỉ thị, nghị quyết")
    if year:
        title = _("%(title)s năm %(year)s") % {"title": title, "year": year}
    return xlsx_response(
        Sheet(
            title, DIRECTIVE_COLUMNS, directives_with_totals(org, year=year), organization=org.name
        ),
        filename=_("Học tập nghị quyết.xlsx"),
    )


@login_required
def directive_create(request, org_pk):
    org = get_organization_for(request.user, org_pk)
    if not services.can_record_directives(request.user):
        raise PermissionDenied
    form = DirectiveForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            directive = services.create_directive(by=request.user, **form.cleaned_data)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("Đã thêm %(d)s.") % {"d": directive})
            return redirect("training:directive_detail", org.pk, directive.pk)
    return render(request, "training/directive_form.html", {"org": org, "form": form})


def _session_organizations(user, org):
    return writable_organizations_for(user).filter(org.subtree_q()).order_by("path")


def _directive_page(request, org, directive, *, session_form=None, status=200):
    organizations = _session_organizations(request.user, org)
    can_record = organizations.exists()
    if can_record and session_form is None:
        session_form = StudySessionForm(organizations=organizations, initial={"organization": org})
    page = paginate(request, sessions_in(org, directive))
    return render(
        request,
        "training/directive_detail.html",
        {
            "org": org,
            "directive": directive,
            "total": study_totals(org, directive=directive),
            "levels": study_totals_by_level(org, directive=directive),
            "page": page,
            "session_form": session_form if can_record else None,
        },
        status=status,
    )


@login_required
def directive_detail(request, org_pk, pk):
    org = get_organization_for(request.user, org_pk)
    directive = get_object_or_404(Directive, pk=pk)
    return _directive_page(request, org, directive)


@login_required
@require_POST
def session_create(request, org_pk, pk):
    org = get_organization_for(request.user, org_pk)
    directive = get_object_or_404(Directive, pk=pk)
    organizations = _session_organizations(request.user, org)
    if not organizations.exists():
        raise PermissionDenied
    form = StudySessionForm(request.POST, organizations=organizations)
    if form.is_valid():
        data = form.cleaned_data
        try:
            services.record_study_session(
                directive=directive,
                organization=data["organization"],
                held_on=data["held_on"],
                level=data["level"],
                members_count=data["members_count"],
                others_count=data["others_count"] or 0,
                notes=data["notes"],
                by=request.user,
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("Đã ghi hội nghị học tập, quán triệt."))
            return redirect("training:directive_detail", org.pk, directive.pk)
    return _directive_page(request, org, directive, session_form=form, status=400)


SESSION_COLUMNS = [
    Column(gettext_lazy("Ngày tổ chức"), "held_on", DATE),
    Column(gettext_lazy("Đơn vị tổ chức"), "organization.name", width=32),
    Column(gettext_lazy("Cấp"), "get_level_display"),
    Column(gettext_lazy("Lượt đảng viên"), "members_count", INTEGER),
    Column(gettext_lazy("Lượt người khác"), "others_count", INTEGER),
    Column(gettext_lazy("Tổng số lượt"), "attendances", INTEGER),
    Column(gettext_lazy("Ghi chú"), "notes"),
]


@login_required
def session_export(request, org_pk, pk):
    org = get_organization_for(request.user, org_pk)
    directive = get_object_or_404(Directive, pk=pk)
    return xlsx_response(
        Sheet(
            _("Hội nghị học tập, quán triệt %(d)s") % {"d": directive},
            SESSION_COLUMNS,
            sessions_in(org, directive),
            organization=org.name,
            name=directive.code.replace("/", "-"),
        ),
        filename=_("Hội nghị %(code)s.xlsx") % {"code": directive.code.replace("/", "-")},
    )
