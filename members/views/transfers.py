"""Transfer pages (TRF-01..02): list, create, detail, send, receive, return, cancel,
incoming from outside, deadlines (due and overdue) with XLSX export.

Thin views over members.queries.transfers / members.queries.deadlines (reads) and
members.services.transfers (writes). A transfer outside both sides' reach is a 404; a
step the user may read but not take answers 403.
"""

from typing import Any, cast

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from accounts.models import User
from core.audit import history_rows
from core.forms import Form
from core.pagination import paginate
from core.views.write import ConfirmActionView, Saved, WriteFormView

from ..exporters.transfers import DeadlineExporter
from ..forms.transfers import (
    DeadlineFilterForm,
    IncomingForm,
    ReceiveForm,
    ReturnForm,
    SendForm,
    TransferFilterForm,
    TransferForm,
)
from ..models import Transfer
from ..queries.deadlines import deadlines_for, transfer_findings
from ..queries.transfers import (
    get_reachable_member_for,
    get_transfer_for,
    open_steps,
    transfer_list_for,
)
from ..services import transfers as services

# The permission each step asks of the transfer (the side that may take it).
STEP_PERMISSIONS = {
    "can_send": "members.send_transfer",
    "can_cancel": "members.cancel_transfer",
    "can_receive": "members.receive_transfer",
    "can_return": "members.return_transfer",
}


def _actions(user, transfer) -> dict:
    """Which steps this user may take on this transfer now."""
    return {
        name: is_open and user.has_perm(STEP_PERMISSIONS[name], transfer)
        for name, is_open in open_steps(transfer).items()
    }


@login_required
def transfer_list(request):
    if not request.user.has_perm("members.view_register"):
        raise Http404  # a member reads only their own record
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
        return get_reachable_member_for(self.request.user, self.kwargs["pk"])

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
    without any reach ("members.view_register"), 403 for a reader who writes nowhere
    ("members.add_member" somewhere)."""

    permission = "members.add_member"
    form_class = IncomingForm
    success_message = gettext_lazy("Đã tiếp nhận đảng viên chuyển đến.")

    def get_object(self):
        if not self.request.user.has_perm("members.view_register"):
            raise Http404
        return None

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "by": self.request.user}

    def get_context_data(self, **kwargs):
        return super().get_context_data(title=_("Tiếp nhận đảng viên từ ngoài hệ thống"), **kwargs)

    def perform(self, form):
        return services.receive_from_outside(
            **form.service_kwargs(), by=cast(User, self.request.user)
        )


transfer_create = TransferCreateView.as_view()
transfer_incoming = TransferIncomingView.as_view()


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


class _TransferStepView(WriteFormView[Form, Transfer]):
    """One step on a transfer: 404 outside reach, 403 for the side that may not take it
    (`permission`); a step that is no longer open sends the user back to the transfer."""

    template_name = "members/transfers/step.html"
    step = ""  # the key of open_steps()
    title: Any = ""

    def get_object(self) -> Transfer:
        return get_transfer_for(self.request.user, self.kwargs["pk"])

    def closed(self) -> HttpResponse | None:
        if open_steps(self.object)[self.step]:
            return None
        messages.warning(self.request, _("Bước này không còn thực hiện được."))
        return redirect("members:transfer_detail", self.object.pk)

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        return self.closed() or super().get(request, *args, **kwargs)

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        return self.closed() or super().post(request, *args, **kwargs)

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return super().get_context_data(transfer=self.object, title=self.title, **kwargs)

    def get_success_url(self) -> str:
        return reverse("members:transfer_detail", args=[self.object.pk])


class TransferSendView(_TransferStepView):
    step = "can_send"
    permission = "members.send_transfer"
    form_class = SendForm
    title = gettext_lazy("Cấp giấy giới thiệu")
    success_message = gettext_lazy("Đã ghi giấy giới thiệu.")

    def perform(self, form: Form) -> Saved:
        return services.send_transfer(
            self.object,
            letter_number=form.cleaned_data["letter_number"],
            letter_on=form.cleaned_data["letter_on"],
            by=cast(User, self.request.user),
        )


class TransferReceiveView(_TransferStepView):
    step = "can_receive"
    permission = "members.receive_transfer"
    form_class = ReceiveForm
    title = gettext_lazy("Xác nhận tiếp nhận")
    success_message = gettext_lazy("Đã xác nhận tiếp nhận đảng viên.")

    def perform(self, form: Form) -> Saved:
        return services.receive_transfer(
            self.object,
            received_on=form.cleaned_data["received_on"],
            by=cast(User, self.request.user),
        )


class TransferReturnView(_TransferStepView):
    step = "can_return"
    permission = "members.return_transfer"
    form_class = ReturnForm
    title = gettext_lazy("Trở về sau sinh hoạt tạm thời")
    success_message = gettext_lazy("Đã ghi đảng viên trở về.")

    def perform(self, form: Form) -> Saved:
        return services.return_transfer(
            self.object,
            returned_on=form.cleaned_data["returned_on"],
            by=cast(User, self.request.user),
        )


class TransferCancelView(ConfirmActionView[Transfer]):
    """The sending side drops a transfer before the letter is issued (POST only)."""

    permission = "members.cancel_transfer"
    success_message = gettext_lazy("Đã hủy việc chuyển sinh hoạt.")

    def get_object(self) -> Transfer:
        return get_transfer_for(self.request.user, self.kwargs["pk"])

    def perform(self) -> Saved:
        services.cancel_transfer(self.object, by=cast(User, self.request.user))
        return reverse("members:transfer_detail", args=[self.object.pk])

    def get_error_url(self) -> str:
        return reverse("members:transfer_detail", args=[self.object.pk])


transfer_send = TransferSendView.as_view()
transfer_receive = TransferReceiveView.as_view()
transfer_return = TransferReturnView.as_view()
transfer_cancel = TransferCancelView.as_view()


# --- Deadlines (TRF-01..02) -------------------------------------------------------------


@login_required
def transfer_deadlines(request):
    if not request.user.has_perm("members.view_register"):
        raise Http404  # a member reads only their own record
    form = DeadlineFilterForm(request.GET or None, user=request.user)
    organization = form.selected_organization()
    today = timezone.localdate()
    rows = deadlines_for(
        request.user, organization=organization, today=today, overdue_only=form.overdue_only()
    )
    if request.GET.get("format") == "xlsx":
        return DeadlineExporter(rows=rows, organization=organization, today=today).response()
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
