"""Study of directives and resolutions: documents, study conferences and their totals.

Adding a directive asks "training.add_directive"; recording a conference asks
"training.record_study_in_subtree" of the page's organization (the form lists the
organizations the user writes there) and the service "training.record_study" of the one
chosen (training.permissions).
"""

from datetime import date

from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.pagination import paginate
from core.views.write import WriteFormView
from organizations.queries import get_organization_for

from .. import services
from ..exporters import DirectiveExporter, StudySessionExporter
from ..forms import (
    DirectiveForm,
    StudyFilterForm,
    StudySessionForm,
)
from ..queries import (
    directives_in,
    get_directive,
    sessions_in,
    study_organizations_for,
    study_totals,
    study_totals_by_level,
)
from .common import first_root

# --- study of directives and resolutions ---------------------------------------------------


@login_required
def study_home(request):
    return redirect("training:directive_list", first_root(request.user).pk)


@login_required
def directive_list(request, org_pk):
    org = get_organization_for(request.user, org_pk)
    form = StudyFilterForm(request.GET or None)
    year = form.value("year")
    start = end = None
    if year:
        start, end = date(year, 1, 1), date(year, 12, 31)
    page = paginate(request, directives_in(org, year=year))
    return render(
        request,
        "training/directive_list.html",
        {
            "org": org,
            "form": form,
            "year": year,
            "page": page,
            "total": study_totals(org, start=start, end=end),
            "can_add": request.user.has_perm("training.add_directive"),
        },
    )


@login_required
def directive_export(request, org_pk):
    org = get_organization_for(request.user, org_pk)
    year = StudyFilterForm(request.GET or None).value("year")
    return DirectiveExporter(organization=org, year=year).response()


class DirectiveCreateView(WriteFormView):
    """Add a directive or resolution to the shared list (from an organization's page)."""

    permission = "training.add_directive"
    form_class = DirectiveForm
    template_name = "training/directive_form.html"

    def get_object(self):
        return get_organization_for(self.request.user, self.kwargs["org_pk"])

    def has_permission(self, obj):
        return self.request.user.has_perm(self.permission)

    def get_context_data(self, **kwargs):
        return super().get_context_data(org=self.object, **kwargs)

    def perform(self, form):
        return services.create_directive(by=self.request.user, **form.cleaned_data)

    def get_success_message(self, saved):
        return _("Đã thêm %(d)s.") % {"d": saved}

    def get_success_url(self):
        return reverse("training:directive_detail", args=[self.object.pk, self.saved.pk])


def directive_page(request, org, directive, *, session_form=None, status=200):
    """A directive's conferences in the subtree of `org`, with the form to record one when
    the user writes an organization there (a form shown again answers `status`)."""
    can_record = request.user.has_perm("training.record_study_in_subtree", org)
    if can_record and session_form is None:
        session_form = StudySessionForm(
            organizations=study_organizations_for(request.user, org),
            initial={"organization": org},
        )
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
    return directive_page(request, org, get_directive(pk))


class SessionCreateView(WriteFormView):
    """Record a study conference (POST from the directive page); a refused form is shown
    again on that page with 400."""

    http_method_names = ["post"]
    permission = "training.record_study_in_subtree"
    form_class = StudySessionForm
    invalid_status = 400
    success_message = gettext_lazy("Đã ghi hội nghị học tập, quán triệt.")

    def get_object(self):
        organization = get_organization_for(self.request.user, self.kwargs["org_pk"])
        self.directive = get_directive(self.kwargs["pk"])
        return organization

    def get_form_kwargs(self):
        return {
            **super().get_form_kwargs(),
            "organizations": study_organizations_for(self.request.user, self.object),
        }

    def perform(self, form):
        data = form.cleaned_data
        services.record_study_session(
            directive=self.directive,
            organization=data["organization"],
            held_on=data["held_on"],
            level=data["level"],
            members_count=data["members_count"],
            others_count=data["others_count"] or 0,
            notes=data["notes"],
            by=self.request.user,
        )
        return reverse("training:directive_detail", args=[self.object.pk, self.directive.pk])

    def form_invalid(self, form):
        return directive_page(
            self.request, self.object, self.directive, session_form=form, status=self.invalid_status
        )


@login_required
def session_export(request, org_pk, pk):
    org = get_organization_for(request.user, org_pk)
    return StudySessionExporter(organization=org, directive=get_directive(pk)).response()


directive_create = DirectiveCreateView.as_view()
session_create = SessionCreateView.as_view()
