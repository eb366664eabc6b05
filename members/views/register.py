"""Member pages: thin views over members.queries.register (reads) and
members.services.profile (writes).

A record outside the user's reach is a 404; a record the user may read but not
change answers 403 to a write. The list's exports read exactly what the list reads.
"""

from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.audit import history_rows
from core.pagination import paginate
from core.views.write import WriteFormView

from ..documents import register_docx as register_document
from ..enums import ACTIVE_STATUSES
from ..exporters.register import MemberListExporter, RegisterExporter
from ..forms.register import (
    EventForm,
    MemberCreateForm,
    MemberFilterForm,
    MemberProfileForm,
    profile_sections,
)
from ..queries.register import (
    get_member_for,
    member_list_for,
    member_page_for,
    own_member,
    register_for,
)
from ..rules import full_years
from ..services.profile import create_member, record_status_event, update_member


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


@login_required
def export_list(request):
    """The current filtered list as XLSX (scoped like the list)."""
    form = _filter_form(request)
    return MemberListExporter(user=request.user, filters=form.filters()).response()


@login_required
def register_xlsx(request):
    """The 7-HSĐV register (MEM-01) of the filtered list as XLSX."""
    form = _filter_form(request)
    return RegisterExporter(user=request.user, filters=form.filters()).response()


@login_required
def register_docx(request):
    """The 7-HSĐV register (MEM-01) of the filtered list as DOCX (A4 landscape)."""
    form = _filter_form(request)
    filters = form.filters()
    chosen = filters.get("organization")
    return register_document(
        register_for(request.user, **filters),
        organization=chosen.name if chosen is not None else None,
    )


@login_required
def me(request):
    member = own_member(request.user)
    if member is None:
        raise Http404
    return redirect(member.get_absolute_url())


@login_required
def detail(request, pk):
    member = get_member_for(request.user, pk)
    can_change = request.user.has_perm("members.change_member", member)
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


class MemberCreateView(WriteFormView):
    """Creating touches no existing record: a user who may not add answers 403 (no leak)."""

    permission = "members.add_member"
    form_class = MemberCreateForm
    template_name = "members/form.html"

    def get_initial(self):
        organization = self.request.GET.get("organization")
        return {"organization": organization} if organization else {}

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "by": self.request.user}

    def get_context_data(self, **kwargs):
        return super().get_context_data(title=_("Thêm đảng viên"), creating=True, **kwargs)

    def perform(self, form):
        # The form offers only the cells the user writes ("members.add_member" on each).
        return create_member(**form.service_arguments(), by=self.request.user)

    def get_success_message(self, saved):
        return _("Đã thêm đảng viên %(name)s.") % {"name": saved}


class _MemberWriteView(WriteFormView):
    """A write on one member's record: 404 outside the reach, 403 for a reader who may not
    change it ("members.change_member"); then back to the member's page."""

    permission = "members.change_member"

    def get_object(self):
        return get_member_for(self.request.user, self.kwargs["pk"])

    def get_context_data(self, **kwargs):
        return super().get_context_data(member=self.object, **kwargs)

    def get_success_url(self):
        return self.object.get_absolute_url()


class MemberEditView(_MemberWriteView):
    form_class = MemberProfileForm
    template_name = "members/form.html"
    success_message = gettext_lazy("Đã lưu thay đổi.")

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "by": self.request.user, "instance": self.object}

    def get_context_data(self, **kwargs):
        return super().get_context_data(title=_("Sửa thông tin đảng viên"), **kwargs)

    def perform(self, form):
        return update_member(self.object, **form.profile_changes(), by=self.request.user)


class RecordEventView(_MemberWriteView):
    """Full membership or leaving the Party (MEM-02), from the member page (POST only)."""

    http_method_names = ["post"]
    form_class = EventForm
    template_name = "members/event_form.html"
    success_message = gettext_lazy("Đã ghi sự kiện.")

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "member": self.object}

    def perform(self, form):
        return record_status_event(self.object, **form.cleaned_data, by=self.request.user)


create = MemberCreateView.as_view()
edit = MemberEditView.as_view()
record_event = RecordEventView.as_view()
