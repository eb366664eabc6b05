"""Inspection, supervision and discipline screens: thin views over queries and services.

Reads follow the tree (404 outside it); inspectors read, officers record inspections and
assignments, the deciding organization's officers (or a cell's secretary for the cell's
own decisions, DIS-02) record disciplines; anything else readable answers 403 to a write.
"""

from datetime import date
from typing import Any, cast

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.forms import Form
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from accounts.models import User
from accounts.scope import top_organizations
from core.audit import history_rows
from core.forms import apply_errors
from core.views_write import Saved, WriteFormView
from organizations.models import Organization

from . import exporters, queries, services
from .forms import (
    AppealForm,
    AssignmentForm,
    BadgeForm,
    CompleteForm,
    ConcludeForm,
    DecideForm,
    DisciplineRecordForm,
    InspectionForm,
    PeriodForm,
    ProgrammeForm,
    ReceiptForm,
    RecommendationForm,
    ResolveForm,
)
from .models import Recommendation


def _year(year):
    if year < 1930 or year > timezone.localdate().year + 1:
        raise Http404
    return year


@login_required
def index(request):
    return render(
        request,
        "discipline/index.html",
        {"organizations": top_organizations(request.user), "year": timezone.localdate().year},
    )


@login_required
def overview(request, org_pk, year):
    organization = queries.get_organization_for(request.user, org_pk)
    year = _year(year)
    return render(
        request,
        "discipline/overview.html",
        {
            "org": organization,
            "year": year,
            "programmes": list(
                queries.programmes_for(request.user).filter(organization=organization, year=year)
            ),
            "inspections": list(queries.subtree_inspections(request.user, organization, year=year)),
            "disciplines": list(queries.subtree_disciplines(request.user, organization, year=year)),
            "assignments": list(queries.subtree_assignments(organization, year=year)),
            "can_manage": queries.can_manage(request.user, organization),
            "can_decide": queries.can_decide(request.user, organization),
        },
    )


class _OrganizationFormView(WriteFormView[Form, Organization]):
    """A form on the overview of an organization (the page's organization, 404 outside the
    reader's reach); officers and administrators of the subtree write (DIS: inspectors
    read): 403 for anyone else who can read it. A form shown again answers 400."""

    template_name = "discipline/form.html"
    invalid_status = 400
    title: str | Promise = ""

    @property
    def by(self) -> User:
        """The writer: logged in (the view lets no one else through)."""
        return cast(User, self.request.user)

    def get_object(self) -> Organization:
        return queries.get_organization_for(self.request.user, self.kwargs["org_pk"])

    def has_permission(self, obj: Organization) -> bool:
        return queries.can_manage(self.request.user, obj)

    # The forms that narrow their choices to the organization's subtree take it.
    form_takes_organization = True

    def get_form_kwargs(self) -> dict[str, Any]:
        kwargs = super().get_form_kwargs()
        return {**kwargs, "organization": self.object} if self.form_takes_organization else kwargs

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context: dict[str, Any] = {"org": self.object, "title": self.title, "back": self.object}
        return super().get_context_data(**context, **kwargs)

    def _overview(self, year: int) -> str:
        return reverse("discipline:overview", kwargs={"org_pk": self.object.pk, "year": year})


class ProgrammeCreateView(_OrganizationFormView):
    form_class = ProgrammeForm
    title = gettext_lazy("Chương trình kiểm tra, giám sát năm")
    success_message = gettext_lazy("Đã thêm chương trình kiểm tra, giám sát.")

    form_takes_organization = False

    def get_initial(self) -> dict[str, Any]:
        return {"year": timezone.localdate().year}

    def perform(self, form: Form) -> Saved:
        programme = services.create_programme(
            organization=self.object, by=self.by, **form.cleaned_data
        )
        return self._overview(programme.year)


class InspectionCreateView(_OrganizationFormView):
    form_class = InspectionForm
    title = gettext_lazy("Cuộc kiểm tra, giám sát")
    success_message = gettext_lazy("Đã thêm cuộc kiểm tra, giám sát.")

    def perform(self, form: Form) -> Saved:
        return services.create_inspection(organization=self.object, by=self.by, **form.cleaned_data)


class AssignmentCreateView(_OrganizationFormView):
    form_class = AssignmentForm
    title = gettext_lazy("Phân công cấp ủy viên theo dõi địa bàn, lĩnh vực")
    success_message = gettext_lazy("Đã phân công cấp ủy viên theo dõi.")

    def perform(self, form: Form) -> Saved:
        services.assign_follow(organization=self.object, by=self.by, **form.cleaned_data)
        return self._overview(form.cleaned_data["starts_on"].year)


class DisciplineCreateView(_OrganizationFormView):
    """The deciding organization is the page's organization: its officers, or the cell's
    secretary for the cell's own decisions (DIS-02)."""

    form_class = DisciplineRecordForm
    title = gettext_lazy("Thi hành kỷ luật")
    success_message = gettext_lazy("Đã ghi kỷ luật.")

    def has_permission(self, obj: Organization) -> bool:
        return queries.can_decide(self.request.user, obj)

    def perform(self, form: Form) -> Saved:
        return services.record_discipline(
            deciding_organization=self.object, by=self.by, **form.cleaned_data
        )


@login_required
def inspection_detail(request, pk):
    inspection = queries.get_inspection_for(request.user, pk)
    can_manage = queries.can_manage(request.user, inspection.organization)
    action = request.POST.get("action") if request.method == "POST" else None
    if action and not can_manage:
        raise PermissionDenied
    conclude = ConcludeForm(
        request.POST if action == "conclude" else None,
        initial={
            "findings": inspection.findings,
            "conclusion": inspection.conclusion,
            "concluded_on": inspection.concluded_on,
            "violation_found": inspection.violation_found,
        },
        prefix="c",
    )
    recommend = RecommendationForm(request.POST if action == "recommend" else None, prefix="r")
    complete = CompleteForm(request.POST if action == "complete" else None, prefix="d")
    if action:
        try:
            if action == "conclude" and conclude.is_valid():
                services.conclude_inspection(inspection, by=request.user, **conclude.cleaned_data)
            elif action == "recommend" and recommend.is_valid():
                services.add_recommendation(inspection, by=request.user, **recommend.cleaned_data)
            elif action == "complete" and complete.is_valid():
                rec = get_object_or_404(
                    Recommendation, pk=request.POST.get("recommendation"), inspection=inspection
                )
                services.complete_recommendation(rec, by=request.user, **complete.cleaned_data)
            else:
                raise ValidationError(_("Thông tin chưa hợp lệ."))
        except ValidationError as error:
            form = {"conclude": conclude, "recommend": recommend}.get(action, complete)
            apply_errors(form, error)
        else:
            messages.success(request, _("Đã lưu."))
            return redirect(inspection)
    return render(
        request,
        "discipline/inspection.html",
        {
            "i": inspection,
            "recommendations": list(queries.open_recommendations(inspection)),
            "can_manage": can_manage,
            "conclude": conclude,
            "recommend": recommend,
            "complete": complete,
            "disciplines": list(
                inspection.disciplines.select_related("subject_member", "subject_organization")
            ),
            "history": history_rows(inspection),
            "today": timezone.localdate(),
        },
        status=400 if action else 200,
    )


ACTIONS = {
    "decide": (DecideForm, services.decide_deferred),
    "receipt": (ReceiptForm, services.record_receipt),
    "appeal": (AppealForm, services.record_appeal),
    "resolve": (ResolveForm, services.resolve_appeal),
    "badge": (BadgeForm, services.mark_badge_returned),
}


@login_required
def discipline_detail(request, pk):
    d = queries.get_discipline_for(request.user, pk)
    can_decide = queries.can_decide(request.user, d.deciding_organization)
    action = request.POST.get("action") if request.method == "POST" else None
    if action and (not can_decide or action not in ACTIONS):
        raise PermissionDenied
    forms = {
        name: cls(request.POST if action == name else None, prefix=name)
        for name, (cls, _f) in ACTIONS.items()
    }
    if action:
        form = forms[action]
        if form.is_valid():
            try:
                ACTIONS[action][1](d, by=request.user, **form.cleaned_data)
            except ValidationError as error:
                apply_errors(form, error)
            else:
                messages.success(request, _("Đã lưu."))
                return redirect(d)
    return render(
        request,
        "discipline/discipline.html",
        {
            "d": d,
            "can_decide": can_decide,
            "forms": forms,
            "history": history_rows(d),
            "restore_tasks": [d] if d.membership_to_restore or d.organization_to_restore else [],
        },
        status=400 if action else 200,
    )


def _period(request):
    today = timezone.localdate()
    form = PeriodForm(
        request.GET or None, initial={"date_from": date(today.year, 1, 1), "date_to": today}
    )
    if request.GET and form.is_valid():
        return form, form.cleaned_data["date_from"], form.cleaned_data["date_to"]
    return form, date(today.year, 1, 1), date(today.year, 12, 31)


@login_required
def stats(request, org_pk):
    organization = queries.get_organization_for(request.user, org_pk)
    form, date_from, date_to = _period(request)
    data = queries.inspection_stats(organization, date_from, date_to)
    return render(request, "discipline/stats.html", {"org": organization, "form": form, "s": data})


@login_required
def stats_xlsx(request, org_pk):
    organization = queries.get_organization_for(request.user, org_pk)
    _form, date_from, date_to = _period(request)
    return exporters.stats_xlsx(queries.inspection_stats(organization, date_from, date_to))
