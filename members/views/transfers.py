"""Transfer pages (TRF-01..02): list, create, detail, send, receive, return, cancel,
incoming from outside, deadlines (due and overdue) with XLSX export.

Thin views over members.queries_transfers / members.deadlines (reads) and
members.services.transfers (writes). A transfer outside both sides' reach is a 404; a
step the user may read but not take answers 403.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from accounts.enums import Role
from accounts.scope import active_roles, can_write_org
from core.audit import history_rows
from core.exporters import DATE, INTEGER, Column, export_xlsx
from core.forms import apply_errors
from core.pagination import paginate
from core.views_write import WriteFormView
from organizations.queries import writable_organizations_for

from ..deadlines import deadlines_for, transfer_findings
from ..enums import TransferKind, TransferState
from ..forms_transfers import (
    DeadlineFilterForm,
    IncomingForm,
    ReceiveForm,
    ReturnForm,
    SendForm,
    TransferFilterForm,
    TransferForm,
)
from ..queries_transfers import get_transfer_for, readable_members_in_reach, transfer_list_for
from ..services import transfers as services


def require_reach(user) -> None:
    """Transfer and exemption pages are for those who reach some organization: a
    member (own record only) gets a 404, as for any record outside their reach."""
    if not (active_roles(user) - {Role.MEMBER}):
        raise Http404


def _sides(user, transfer) -> tuple[bool, bool]:
    """(writes the sending organization, writes the receiving organization)."""
    writes_from = transfer.from_organization is not None and can_write_org(
        user, transfer.from_organization
    )
    writes_to = transfer.to_organization is not None and can_write_org(
        user, transfer.to_organization
    )
    return writes_from, writes_to


# Which side may take each step (whatever the state).
STEP_SIDES = {
    "can_send": lambda f, t: f,
    "can_cancel": lambda f, t: f,
    "can_receive": lambda f, t: t,
    "can_return": lambda f, t: f or t,
}


def _actions(user, transfer) -> dict:
    """Which steps this user may take on this transfer now."""
    writes_from, writes_to = _sides(user, transfer)
    state = transfer.state
    now = {
        "can_send": state == TransferState.PENDING,
        "can_cancel": state == TransferState.PENDING,
        "can_receive": state == TransferState.SENT and transfer.to_organization_id is not None,
        "can_return": transfer.kind == TransferKind.TEMPORARY
        and state in (TransferState.SENT, TransferState.RECEIVED),
    }
    return {
        name: allowed and STEP_SIDES[name](writes_from, writes_to) for name, allowed in now.items()
    }


@login_required
def transfer_list(request):
    require_reach(request.user)
    form = TransferFilterForm(request.GET or None, user=request.user)
    transfers = transfer_list_for(request.user, **form.filters())
    page = paginate(request, transfers)
    return render(request, "members/transfers/list.html", {"form": form, "page": page})


class _TransferFormView(WriteFormView):
    """Opens a transfer, then shows it."""

    template_name = "members/transfers/form.html"

    def get_success_url(self):
        return reverse("members:transfer_detail", args=[self.saved.pk])


class TransferCreateView(_TransferFormView):
    """The sending side opens a transfer for member `pk` (in the user's reach): whoever may
    change the member's record ("members.change_member")."""

    permission = "members.change_member"
    form_class = TransferForm
    success_message = gettext_lazy("Đã tạo việc chuyển sinh hoạt đảng.")

    def get_object(self):
        return get_object_or_404(
            readable_members_in_reach(self.request.user).select_related("organization"),
            pk=self.kwargs["pk"],
        )

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "member": self.object}

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            member=self.object, title=_("Chuyển sinh hoạt đảng"), **kwargs
        )

    def perform(self, form):
        return services.create_transfer(
            member=self.object, **form.service_kwargs(), by=self.request.user
        )


class TransferIncomingView(_TransferFormView):
    """The receiving side takes in a member coming back from outside the system: 404
    without any reach, 403 for a reader who writes nowhere."""

    form_class = IncomingForm
    success_message = gettext_lazy("Đã tiếp nhận đảng viên chuyển đến.")

    def get_object(self):
        require_reach(self.request.user)
        return None

    def has_permission(self, obj):
        return _writes_any(self.request.user)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "by": self.request.user}

    def get_context_data(self, **kwargs):
        return super().get_context_data(title=_("Tiếp nhận đảng viên từ ngoài hệ thống"), **kwargs)

    def perform(self, form):
        return services.receive_from_outside(**form.service_kwargs(), by=self.request.user)


transfer_create = TransferCreateView.as_view()
transfer_incoming = TransferIncomingView.as_view()


def _writes_any(user) -> bool:
    return writable_organizations_for(user).exists()


@login_required
def transfer_detail(request, pk):
    transfer = get_transfer_for(request.user, pk)
    context = {
        "transfer": transfer,
        "findings": transfer_findings(transfer),
        "history": history_rows(transfer),
        "send_form": SendForm(),
        "receive_form": ReceiveForm(),
        "return_form": ReturnForm(),
        **_actions(request.user, transfer),
    }
    return render(request, "members/transfers/detail.html", context)


def _step(request, pk, action, form_class, run, success, template_title):
    """One step on a transfer: 404 outside reach, 403 for the side that may not take it;
    a step that is no longer open sends the user back to the transfer page."""
    transfer = get_transfer_for(request.user, pk)
    if not STEP_SIDES[action](*_sides(request.user, transfer)):
        raise PermissionDenied
    if not _actions(request.user, transfer)[action]:
        messages.warning(request, _("Bước này không còn thực hiện được."))
        return redirect("members:transfer_detail", transfer.pk)
    form = form_class(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            run(transfer, form.cleaned_data)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, success)
            return redirect("members:transfer_detail", transfer.pk)
    return render(
        request,
        "members/transfers/step.html",
        {"form": form, "transfer": transfer, "title": template_title},
    )


@login_required
def transfer_send(request, pk):
    return _step(
        request,
        pk,
        "can_send",
        SendForm,
        lambda t, d: services.send_transfer(
            t, letter_number=d["letter_number"], letter_on=d["letter_on"], by=request.user
        ),
        _("Đã ghi giấy giới thiệu."),
        _("Cấp giấy giới thiệu"),
    )


@login_required
def transfer_receive(request, pk):
    return _step(
        request,
        pk,
        "can_receive",
        ReceiveForm,
        lambda t, d: services.receive_transfer(t, received_on=d["received_on"], by=request.user),
        _("Đã xác nhận tiếp nhận đảng viên."),
        _("Xác nhận tiếp nhận"),
    )


@login_required
def transfer_return(request, pk):
    return _step(
        request,
        pk,
        "can_return",
        ReturnForm,
        lambda t, d: services.return_transfer(t, returned_on=d["returned_on"], by=request.user),
        _("Đã ghi đảng viên trở về."),
        _("Trở về sau sinh hoạt tạm thời"),
    )


@login_required
def transfer_cancel(request, pk):
    transfer = get_transfer_for(request.user, pk)  # 404 outside reach, whatever the method
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    try:
        services.cancel_transfer(transfer, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Đã hủy việc chuyển sinh hoạt."))
    return redirect("members:transfer_detail", transfer.pk)


# --- Deadlines (TRF-01..02) -------------------------------------------------------------

DEADLINE_COLUMNS = [
    Column(gettext_lazy("Họ và tên"), "transfer.member.full_name", width=28),
    Column(gettext_lazy("Hình thức"), "transfer.get_kind_display"),
    Column(gettext_lazy("Nơi đi"), "transfer.from_label", width=30),
    Column(gettext_lazy("Nơi đến"), "transfer.to_label", width=30),
    Column(gettext_lazy("Việc phải làm"), "label", width=36),
    Column(gettext_lazy("Quy định"), "rule_id"),
    Column(gettext_lazy("Hạn cuối"), "due", DATE),
    Column(gettext_lazy("Số ngày làm việc còn lại"), "days_left", INTEGER),
    Column(gettext_lazy("Quá hạn"), "overdue"),
]


@login_required
def transfer_deadlines(request):
    require_reach(request.user)
    form = DeadlineFilterForm(request.GET or None, user=request.user)
    organization = form.selected_organization()
    today = timezone.localdate()
    rows = deadlines_for(
        request.user, organization=organization, today=today, overdue_only=form.overdue_only()
    )
    if request.GET.get("format") == "xlsx":
        return export_xlsx(
            title=_("Chuyển sinh hoạt đảng đến hạn và quá hạn"),
            columns=DEADLINE_COLUMNS,
            rows=rows,
            filename=_("Chuyển sinh hoạt đến hạn.xlsx"),
            organization=organization.name if organization else None,
            made_on=today,
        )
    return render(
        request,
        "members/transfers/deadlines.html",
        {
            "form": form,
            "rows": rows,
            "today": today,
            "overdue_count": sum(1 for r in rows if r.overdue),
            "export_query": _export_query(request),
        },
    )


def _export_query(request) -> str:
    query = request.GET.copy()
    query["format"] = "xlsx"
    return query.urlencode()
