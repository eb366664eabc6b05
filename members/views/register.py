"""Member pages: thin views over members.queries (reads) and members.services (writes).

A record outside the user's reach is a 404; a record the user may read but not
change answers 403 to a write. The list's exports read exactly what the list reads.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.audit import history_rows
from core.forms import apply_errors
from core.pagination import paginate

from .. import exporters, services
from ..enums import ACTIVE_STATUSES
from ..forms import (
    EventForm,
    MemberCreateForm,
    MemberFilterForm,
    MemberProfileForm,
    profile_sections,
)
from ..models import Member
from ..queries import get_member_for, member_list_for, member_page_for, register_for
from ..rules import full_years


def _filter_form(request) -> MemberFilterForm:
    form = MemberFilterForm(request.GET or None, user=request.user)
    # An organization outside the user's reach is a 404, never "everything" (no leak).
    if form.organization_out_of_reach():
        raise Http404
    return form


def _export_query(request) -> str:
    params = request.GET.copy()
    params.pop("page", None)
    return params.urlencode()


@login_required
def member_list(request):
    form = _filter_form(request)
    members = member_list_for(request.user, **form.filters())
    page = paginate(request, members)
    today = timezone.localdate()
    for member in page:
        start = member.party_age_from
        member.party_age = full_years(start, today) if start and start <= today else None
    return render(
        request,
        "members/list.html",
        {
            "form": form,
            "page": page,
            "can_add": request.user.has_perm("members.add_member"),
            "export_query": _export_query(request),
        },
    )


def _organization_label(request, form) -> str | None:
    chosen = form.filters().get("organization")
    return chosen.name if chosen is not None else None


@login_required
def export_list(request):
    """The current filtered list as XLSX (scoped like the list)."""
    form = _filter_form(request)
    members = member_list_for(request.user, **form.filters())
    return exporters.list_xlsx(members, organization=_organization_label(request, form))


@login_required
def register_xlsx(request):
    """The 7-HSĐV register (MEM-01) of the filtered list as XLSX."""
    form = _filter_form(request)
    members = register_for(request.user, **form.filters())
    return exporters.register_xlsx(members, organization=_organization_label(request, form))


@login_required
def register_docx(request):
    """The 7-HSĐV register (MEM-01) of the filtered list as DOCX (A4 landscape)."""
    form = _filter_form(request)
    members = register_for(request.user, **form.filters())
    return exporters.register_docx(members, organization=_organization_label(request, form))


@login_required
def me(request):
    member = Member.objects.filter(user=request.user).first()
    if member is None:
        raise Http404
    return redirect(member.get_absolute_url())


def _can_change(user, member) -> bool:
    return user.has_perm("members.change_member", member)


@login_required
def detail(request, pk):
    member = get_member_for(request.user, pk)
    can_change = _can_change(request.user, member)
    event_form = None
    if can_change and member.status in ACTIVE_STATUSES:
        event_form = EventForm(member=member)
    return render(
        request,
        "members/detail.html",
        {
            "member": member,
            "page": member_page_for(member),
            "sections": profile_sections(member),
            "history": history_rows(member),
            "can_change": can_change,
            "is_active": member.status in ACTIVE_STATUSES,
            "event_form": event_form,
            "today": timezone.localdate(),
        },
    )


@login_required
def photo(request, pk):
    """The member's photo, served only to those who may read the record."""
    member = get_member_for(request.user, pk)
    if not member.photo:
        raise Http404
    try:
        handle = member.photo.open("rb")
    except OSError as error:
        raise Http404 from error
    return FileResponse(handle)


@login_required
def create(request):
    # Creating touches no existing record: a user who may not add answers 403 (no leak).
    if not request.user.has_perm("members.add_member"):
        raise PermissionDenied
    initial = {}
    if request.GET.get("organization"):
        initial["organization"] = request.GET["organization"]
    form = MemberCreateForm(
        request.POST or None, request.FILES or None, by=request.user, initial=initial
    )
    if request.method == "POST" and form.is_valid():
        try:
            member = services.create_member(**form.service_arguments(), by=request.user)
        except ValidationError as error:
            apply_errors(form, error)
        except PermissionDenied:
            form.add_error("organization", _("Bạn không có quyền thêm đảng viên vào chi bộ này."))
        else:
            messages.success(request, _("Đã thêm đảng viên %(name)s.") % {"name": member})
            return redirect(member)
    return render(
        request,
        "members/form.html",
        {"form": form, "title": _("Thêm đảng viên"), "creating": True},
    )


@login_required
def edit(request, pk):
    member = get_member_for(request.user, pk)
    if not _can_change(request.user, member):
        raise PermissionDenied
    form = MemberProfileForm(
        request.POST or None, request.FILES or None, by=request.user, instance=member
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.update_member(member, **form.profile_changes(), by=request.user)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("Đã lưu thay đổi."))
            return redirect(member)
    return render(
        request,
        "members/form.html",
        {"form": form, "member": member, "title": _("Sửa thông tin đảng viên")},
    )


@login_required
@require_POST
def record_event(request, pk):
    """Full membership or leaving the Party (MEM-02), from the member page."""
    member = get_member_for(request.user, pk)
    if not _can_change(request.user, member):
        raise PermissionDenied
    form = EventForm(request.POST, member=member)
    if form.is_valid():
        try:
            services.record_status_event(member, **form.cleaned_data, by=request.user)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("Đã ghi sự kiện."))
            return redirect(member)
    return render(request, "members/event_form.html", {"form": form, "member": member}, status=200)
