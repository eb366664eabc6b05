"""Inspection, supervision and discipline screens: thin views over queries and services.

Reads follow the tree (404 outside it); officers and inspectors of the subtree record
inspections and assignments (INS-01), the deciding organization's officers (or a cell's
secretary for the cell's own decisions, DIS-02) record disciplines; anything else readable
answers 403 to a write.
"""

from collections.abc import Callable
from datetime import date
from typing import Any, cast

from django.contrib.auth.decorators import login_required
from django.forms import Form
from django.http import Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from accounts.models import User
from accounts.scope import top_organizations
from core.audit import history_rows
from core.views.write import Saved, WriteFormView
from organizations.models import Organization

from . import queries
from .exporters import InspectionStatsExporter
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
from .models import Discipline, Inspection
from .services import appeals, disciplines, inspections


def checked_year(year):
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
    year = checked_year(year)
    return render(
        request,
        "discipline/overview.html",
        {
            "org": organization,
            "year": year,
            "programmes": list(queries.programmes_of(request.user, organization, year)),
            "inspections": list(queries.subtree_inspections(request.user, organization, year=year)),
            "disciplines": list(queries.subtree_disciplines(request.user, organization, year=year)),
            "assignments": list(queries.subtree_assignments(organization, year=year)),
            "can_assign": request.user.has_perm("discipline.assign_followers", organization),
            "can_manage": request.user.has_perm("discipline.manage_inspections", organization),
            "can_decide": request.user.has_perm("discipline.decide", organization),
        },
    )


class OrganizationFormView(WriteFormView[Form, Organization]):
    """A form on the overview of an organization (the page's organization, 404 outside the
    reader's reach); officers, administrators and inspectors of the subtree write
    ("discipline.manage_inspections"): 403 for anyone else who can read it. A form shown
    again answers 400."""

    template_name = "discipline/form.html"
    invalid_status = 400
    title: str | Promise = ""

    @property
    def by(self) -> User:
        """The writer: logged in (the view lets no one else through)."""
        return cast(User, self.request.user)

    def get_object(self) -> Organization:
        return queries.get_organization_for(self.request.user, self.kwargs["org_pk"])

    permission = "discipline.manage_inspections"

    # The forms that narrow their choices to the organization's subtree take it.
    form_takes_organization = True

    def get_form_kwargs(self) -> dict[str, Any]:
        kwargs = super().get_form_kwargs()
        return {**kwargs, "organization": self.object} if self.form_takes_organization else kwargs

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context: dict[str, Any] = {"org": self.object, "title": self.title, "back": self.object}
        return super().get_context_data(**context, **kwargs)

    def overview_url(self, year: int) -> str:
        return reverse("discipline:overview", kwargs={"org_pk": self.object.pk, "year": year})


class ProgrammeCreateView(OrganizationFormView):
    form_class = ProgrammeForm
    title = gettext_lazy("Chương trình kiểm tra, giám sát năm")
    success_message = gettext_lazy("Đã thêm chương trình kiểm tra, giám sát.")

    form_takes_organization = False

    def get_initial(self) -> dict[str, Any]:
        return {"year": timezone.localdate().year}

    def perform(self, form: Form) -> Saved:
        programme = inspections.create_programme(
            organization=self.object, by=self.by, **form.cleaned_data
        )
        return self.overview_url(programme.year)


class InspectionCreateView(OrganizationFormView):
    form_class = InspectionForm
    title = gettext_lazy("Cuộc kiểm tra, giám sát")
    success_message = gettext_lazy("Đã thêm cuộc kiểm tra, giám sát.")

    def perform(self, form: Form) -> Saved:
        return inspections.create_inspection(
            organization=self.object, by=self.by, **form.cleaned_data
        )


class AssignmentCreateView(OrganizationFormView):
    permission = "discipline.assign_followers"
    form_class = AssignmentForm
    title = gettext_lazy("Phân công cấp ủy viên theo dõi địa bàn, lĩnh vực")
    success_message = gettext_lazy("Đã phân công cấp ủy viên theo dõi.")

    def perform(self, form: Form) -> Saved:
        inspections.assign_follow(organization=self.object, by=self.by, **form.cleaned_data)
        return self.overview_url(form.cleaned_data["starts_on"].year)


class DisciplineCreateView(OrganizationFormView):
    """The deciding organization is the page's organization: its officers, or the cell's
    secretary for the cell's own decisions (DIS-02)."""

    form_class = DisciplineRecordForm
    title = gettext_lazy("Thi hành kỷ luật")
    success_message = gettext_lazy("Đã ghi kỷ luật.")

    permission = "discipline.decide"

    def perform(self, form: Form) -> Saved:
        return disciplines.record_discipline(
            deciding_organization=self.object, by=self.by, **form.cleaned_data
        )


def inspection_page(
    request: HttpRequest, inspection: Inspection, *, status: int = 200, **shown: Form
) -> HttpResponse:
    """The inspection page: its recommendations and, for whoever manages the conducting
    organization, the forms to conclude it, add a recommendation, complete one (a form in
    `shown` is one shown again with its errors)."""
    forms: dict[str, Form] = {
        "conclude": ConcludeForm(
            initial={
                "findings": inspection.findings,
                "conclusion": inspection.conclusion,
                "concluded_on": inspection.concluded_on,
                "violation_found": inspection.violation_found,
            },
            prefix="c",
        ),
        "recommend": RecommendationForm(prefix="r"),
        "complete": CompleteForm(prefix="d"),
    }
    forms.update(shown)
    return render(
        request,
        "discipline/inspection.html",
        {
            "i": inspection,
            "recommendations": list(queries.open_recommendations(inspection)),
            "can_manage": request.user.has_perm(
                "discipline.manage_inspections", inspection.organization
            ),
            **forms,
            "disciplines": list(queries.disciplines_of(inspection)),
            "history": history_rows(inspection),
            "today": timezone.localdate(),
        },
        status=status,
    )


class InspectionActionView(WriteFormView[Form, Inspection]):
    """One form of the inspection page (POST `action`): conclude the inspection, add a
    recommendation, complete one. Whoever manages the conducting organization; a form
    shown again answers 400 on the inspection page, with "Thông tin chưa hợp lệ." above
    it when the form itself was refused."""

    http_method_names = ["post"]
    invalid_status = 400
    success_message = gettext_lazy("Đã lưu.")
    # action → (form, prefix); an unknown action shows the completion form with the error.
    FORMS: dict[str, tuple[type[Form], str]] = {
        "conclude": (ConcludeForm, "c"),
        "recommend": (RecommendationForm, "r"),
        "complete": (CompleteForm, "d"),
    }

    @property
    def action(self) -> str:
        return self.request.POST.get("action") or ""

    def get_object(self) -> Inspection:
        return queries.get_inspection_for(self.request.user, self.kwargs["pk"])

    def has_permission(self, obj: Inspection) -> bool:
        return self.request.user.has_perm("discipline.manage_inspections", obj.organization)

    def get_form_class(self) -> type[Form]:
        return self.FORMS.get(self.action, (CompleteForm, "d"))[0]

    def get_prefix(self) -> str:
        return self.FORMS.get(self.action, (CompleteForm, "d"))[1]

    def get_form_kwargs(self) -> dict[str, Any]:
        kwargs = super().get_form_kwargs()
        if self.action not in self.FORMS:
            kwargs.pop("data", None)
            kwargs.pop("files", None)
        return kwargs

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        form = self.get_form()
        if self.action in self.FORMS and form.is_valid():
            return self.form_valid(form)
        form.add_error(None, _("Thông tin chưa hợp lệ."))
        return self.form_invalid(form)

    def perform(self, form: Form) -> Saved:
        by, data = cast(User, self.request.user), form.cleaned_data
        if self.action == "conclude":
            inspections.conclude_inspection(self.object, by=by, **data)
        elif self.action == "recommend":
            inspections.add_recommendation(self.object, by=by, **data)
        else:
            recommendation = queries.get_recommendation_of(
                self.object, self.request.POST.get("recommendation")
            )
            inspections.complete_recommendation(recommendation, by=by, **data)
        return self.object.get_absolute_url()

    def form_invalid(self, form: Form) -> HttpResponse:
        shown = {self.action if self.action in self.FORMS else "complete": form}
        return inspection_page(self.request, self.object, status=self.invalid_status, **shown)


@login_required
def inspection_detail(request: HttpRequest, pk: int) -> HttpResponseBase:
    """The inspection page; a POST with an `action` is one of its forms."""
    if request.method == "POST" and request.POST.get("action"):
        return InspectionActionView.as_view()(request, pk=pk)
    return inspection_page(request, queries.get_inspection_for(request.user, pk))


ACTIONS: dict[str, tuple[type[Form], Callable[..., Any]]] = {
    "decide": (DecideForm, disciplines.decide_deferred),
    "receipt": (ReceiptForm, appeals.record_receipt),
    "appeal": (AppealForm, appeals.record_appeal),
    "resolve": (ResolveForm, appeals.resolve_appeal),
    "badge": (BadgeForm, appeals.mark_badge_returned),
}


def discipline_page(
    request: HttpRequest, d: Discipline, *, status: int = 200, **shown: Form
) -> HttpResponse:
    """The discipline page, with the forms of what follows the decision (deferral, receipt,
    appeal, badge) for whoever decides for the deciding organization."""
    forms = {name: cls(prefix=name) for name, (cls, _f) in ACTIONS.items()}
    forms.update(shown)
    return render(
        request,
        "discipline/discipline.html",
        {
            "d": d,
            "can_decide": request.user.has_perm("discipline.decide", d.deciding_organization),
            "forms": forms,
            "history": history_rows(d),
            "restore_tasks": [d] if d.membership_to_restore or d.organization_to_restore else [],
        },
        status=status,
    )


class DisciplineActionView(WriteFormView[Form, Discipline]):
    """One form of the discipline page (POST `action`, one of ACTIONS): whoever decides for
    the deciding organization ("discipline.decide"); an unknown action is refused (403). A
    form shown again answers 400 on the discipline page."""

    http_method_names = ["post"]
    invalid_status = 400
    success_message = gettext_lazy("Đã lưu.")

    @property
    def action(self) -> str:
        return self.request.POST.get("action") or ""

    def get_object(self) -> Discipline:
        return queries.get_discipline_for(self.request.user, self.kwargs["pk"])

    def has_permission(self, obj: Discipline) -> bool:
        return self.action in ACTIONS and self.request.user.has_perm(
            "discipline.decide", obj.deciding_organization
        )

    def get_form_class(self) -> type[Form]:
        return ACTIONS[self.action][0]

    def get_prefix(self) -> str:
        return self.action

    def perform(self, form: Form) -> Saved:
        ACTIONS[self.action][1](self.object, by=self.request.user, **form.cleaned_data)
        return self.object.get_absolute_url()

    def form_invalid(self, form: Form) -> HttpResponse:
        return discipline_page(
            self.request, self.object, status=self.invalid_status, **{self.action: form}
        )


@login_required
def discipline_detail(request: HttpRequest, pk: int) -> HttpResponseBase:
    """The discipline page; a POST with an `action` is one of its forms."""
    if request.method == "POST" and request.POST.get("action"):
        return DisciplineActionView.as_view()(request, pk=pk)
    return discipline_page(request, queries.get_discipline_for(request.user, pk))


def period(request):
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
    form, date_from, date_to = period(request)
    data = queries.inspection_stats(organization, date_from, date_to)
    return render(request, "discipline/stats.html", {"org": organization, "form": form, "s": data})


@login_required
def stats_xlsx(request, org_pk):
    organization = queries.get_organization_for(request.user, org_pk)
    _form, date_from, date_to = period(request)
    return InspectionStatsExporter(
        organization=organization, date_from=date_from, date_to=date_to
    ).response()
