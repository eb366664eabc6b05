"""The dashboard (due and overdue work) and the list of outstanding people."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.scope import can_write_org
from core.audit import history_rows
from core.exporters import export_xlsx
from core.pagination import paginate

from .. import queries, queries_due, services
from ..enums import STAGE_ORDER, Stage
from ..exporters import DUE_COLUMNS
from ..forms import (
    CandidateFilterForm,
    CandidateForm,
    OpenCaseForm,
    ReviewForm,
    StateForm,
)
from ..forms_due import DueFilterForm
from ..queries_certificates import candidate_certificates
from .common import (
    _REFUSED,
    _export_query,
    _form_write,
    _require_reach,
    _writable_candidate,
)

# --- dashboard --------------------------------------------------------------------------------


@login_required
def dashboard(request):
    _require_reach(request.user)
    form = DueFilterForm(request.GET or None, user=request.user)
    organization = form.selected_organization()
    today = timezone.localdate()
    rows = queries_due.due_rows_for(
        request.user, organization=organization, today=today, horizon_days=form.horizon_days()
    )
    if request.GET.get("format") == "xlsx":
        return export_xlsx(
            title=_("Phát triển đảng viên: việc đến hạn và quá hạn"),
            columns=DUE_COLUMNS,
            rows=rows,
            filename=_("Phát triển đảng viên đến hạn.xlsx"),
            organization=organization.name if organization else None,
            made_on=today,
        )
    return render(
        request,
        "admissions/dashboard.html",
        {
            "form": form,
            "rows": rows,
            "today": today,
            "overdue_count": sum(1 for r in rows if r.overdue),
            "stage_counts": _stage_counts(request.user, organization),
            "export_query": _export_query(request),
        },
    )


def _stage_counts(user, organization):
    counts = queries.counts_by_stage(user, organization)
    return [(Stage(s).label, counts.get(s, 0)) for s in STAGE_ORDER if counts.get(s)]


# --- candidates ---------------------------------------------------------------------------------


@login_required
def candidate_list(request):
    _require_reach(request.user)
    form = CandidateFilterForm(request.GET or None, user=request.user)
    candidates = queries.candidate_list_for(
        request.user, organization=form.selected_organization(), state=form.state_value()
    )
    page = paginate(request, candidates)
    return render(
        request,
        "admissions/candidate_list.html",
        {"form": form, "candidates": page, "page": page},
    )


@login_required
def candidate_new(request):
    _require_reach(request.user)
    form = CandidateForm(request.POST or None, user=request.user)
    if request.method == "POST":

        def write(data):
            fields = {k: v for k, v in data.items() if k not in ("cell", "on")}
            return services.add_candidate(
                by=request.user, cell=data["cell"], on=data["on"], **fields
            )

        candidate = _form_write(request, form, write, _("Đã thêm vào danh sách quần chúng ưu tú."))
        if candidate is not _REFUSED:
            return redirect(candidate)
    return render(request, "admissions/candidate_form.html", {"form": form})


@login_required
def candidate_detail(request, pk):
    _require_reach(request.user)
    candidate = queries.get_candidate_for(request.user, pk)
    return _candidate_page(request, candidate)


def _candidate_page(request, candidate, **forms):
    can_write = can_write_org(request.user, candidate.cell)
    context = {
        "candidate": candidate,
        "can_write": can_write,
        "events": candidate.events.select_related("recorded_by"),
        "reviews": candidate.reviews.all(),
        "cases": candidate.cases.all(),
        "state_form": forms.get("state_form")
        or StateForm(candidate=candidate, auto_id="id_state_%s"),
        "review_form": forms.get("review_form") or ReviewForm(auto_id="id_review_%s"),
        "open_form": forms.get("open_form")
        or OpenCaseForm(user=request.user, auto_id="id_open_%s"),
        "history": history_rows(candidate),
        # ADM-04: the awareness course certificates recorded in training.
        "certificates": candidate_certificates(candidate),
        "today": timezone.localdate(),
    }
    return render(request, "admissions/candidate_detail.html", context)


@login_required
@require_POST
def candidate_state(request, pk):
    candidate = _writable_candidate(request, pk)
    form = StateForm(request.POST, candidate=candidate, auto_id="id_state_%s")

    def write(data):
        return services.set_candidate_state(
            candidate,
            data["state"],
            by=request.user,
            on=data["on"],
            reason=data["reason"],
            helper=data["helper"],
        )

    if _form_write(request, form, write, _("Đã ghi nhận.")) is not _REFUSED:
        return redirect(candidate)
    return _candidate_page(request, candidate, state_form=form)


@login_required
@require_POST
def candidate_review(request, pk):
    candidate = _writable_candidate(request, pk)
    form = ReviewForm(request.POST, auto_id="id_review_%s")

    def write(data):
        return services.add_review(
            candidate, by=request.user, month=data["month"], note=data["note"]
        )

    if _form_write(request, form, write, _("Đã ghi nhận xét.")) is not _REFUSED:
        return redirect(candidate)
    return _candidate_page(request, candidate, review_form=form)


@login_required
@require_POST
def case_open(request, pk):
    candidate = _writable_candidate(request, pk)
    form = OpenCaseForm(request.POST, user=request.user, auto_id="id_open_%s")

    def write(data):
        return services.open_case(
            candidate,
            by=request.user,
            on=data["on"],
            previous_member=data["previous_member"],
            left_on=data["left_on"],
            leaving_way=data["leaving_way"] or "",
        )

    case = _form_write(request, form, write)
    if case is not _REFUSED:
        return redirect(case)
    return _candidate_page(request, candidate, open_form=form)
