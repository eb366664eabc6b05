"""Annual review screens: thin views over reviews.queries (reads) and reviews.services (writes).

Anything outside the user's reach is a 404; a readable page whose write the user may not
make answers 403.
"""

from typing import cast

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import User
from accounts.scope import top_organizations
from core.audit import history_rows
from core.pagination import page_number, page_of
from core.views.write import ConfirmActionView, Saved, WriteFormView
from organizations.models import Organization

from . import services
from .documents.results import results_docx_response
from .enums import STEP_ORDER, Step, Subject
from .exporters import ResultsExporter
from .forms import PublishForm, RoundForm, StepForm
from .models import ReviewRound
from .permissions import MEMBER_STEPS, ORGANIZATION_STEPS
from .queries.results import results
from .queries.rounds import (
    covering_round,
    get_member_for,
    get_organization_for,
    own_reviews,
    review_findings,
    round_page,
)
from .rules import rule_set_for


def checked_year(year: int) -> int:
    if year < 1930 or year > timezone.localdate().year + 1:
        raise Http404
    return year


@login_required
def index(request):
    member = getattr(request.user, "member", None)
    year = timezone.localdate().year - 1
    return render(
        request,
        "reviews/index.html",
        {
            "organizations": top_organizations(request.user),
            "member": member,
            "own": list(own_reviews(member)) if member else [],
            "year": year,
        },
    )


@login_required
def round_view(request, org_pk, year):
    organization = get_organization_for(request.user, org_pk)
    year = checked_year(year)
    page_no = page_number(request, "page")
    missing_no = page_number(request, "missing")
    per_page = settings.PAGE_SIZE
    page = round_page(
        organization, year, member_page=page_no, missing_page=missing_no, per_page=per_page
    )
    can_manage = request.user.has_perm("reviews.manage_round", organization)
    rule_set = page.rule_set
    round_form = None
    if can_manage:
        if page.round is not None and page.round.organization_id == organization.pk:
            r = page.round
            round_form = RoundForm(
                initial={
                    "cutoff_on": r.cutoff_on,
                    "review_exempted": r.review_exempted,
                    "apply_excellent_cap": r.apply_excellent_cap,
                }
            )
        elif page.round is None:
            round_form = RoundForm(initial={"apply_excellent_cap": rule_set.cap_by_default})
    return render(
        request,
        "reviews/round.html",
        {
            "org": organization,
            "year": year,
            "page": page,
            "rule_set": rule_set,
            "can_manage": can_manage,
            "round_form": round_form,
            "publish_form": PublishForm(initial={"published_on": timezone.localdate()})
            if can_manage and page.round
            else None,
            "member_pager": page_of(page.member_total, page_no, per_page=per_page),
            "missing_pager": page_of(
                max(page.missing_orgs_total, page.missing_members_total),
                missing_no,
                per_page=per_page,
            ),
        },
    )


class RoundActionView(ConfirmActionView[Organization]):
    """A write on the round of the organization of the URL (POST only): whoever manages
    its subtree ("reviews.manage_round"); 403 for anyone else who reads it. The user goes
    back to the round page, with a message."""

    permission = "reviews.manage_round"

    @property
    def by(self) -> User:
        """The writer: logged in (the view lets no one else through)."""
        return cast(User, self.request.user)

    def get_object(self) -> Organization:
        return get_organization_for(self.request.user, self.kwargs["org_pk"])

    @property
    def year(self) -> int:
        return checked_year(self.kwargs["year"])

    def own_round(self) -> ReviewRound:
        """The round opened at this organization for the year (404 for any other)."""
        round_ = covering_round(self.object.path, self.year)
        if round_ is None or round_.organization_id != self.object.pk:
            raise Http404
        return round_

    def round_url(self) -> str:
        return reverse(
            "reviews:round", kwargs={"org_pk": self.object.pk, "year": self.kwargs["year"]}
        )

    def get_success_url(self) -> str:
        return self.round_url()

    def get_error_url(self) -> str:
        return self.round_url()


class RoundOpenView(RoundActionView):
    """Open the round of the year at the organization (REV-01..04 settings of the form)."""

    def perform(self) -> Saved:
        form = RoundForm(self.request.POST)
        if not form.is_valid():
            raise ValidationError(_("Thông tin đợt đánh giá không hợp lệ."))
        services.open_round(
            organization=self.object, year=self.year, by=self.by, **form.cleaned_data
        )
        return None

    def get_success_message(self, saved: Saved) -> str:
        return _("Đã mở đợt đánh giá, xếp loại năm %(y)s.") % {"y": self.kwargs["year"]}


class RoundSettingsView(RoundActionView):
    """Change the settings of the organization's own round; a form that does not validate
    changes nothing and says nothing."""

    def perform(self) -> Saved:
        round_ = self.own_round()
        form = RoundForm(self.request.POST)
        self.changed = form.is_valid()
        if self.changed:
            services.update_round(round_, by=self.by, **form.cleaned_data)
        return None

    def get_success_message(self, saved: Saved) -> str:
        return _("Đã lưu cấu hình đợt đánh giá.") if self.changed else ""


class RoundPublishView(RoundActionView):
    """Publish the decided reviews of the organization's own round; a form that does not
    validate publishes nothing and says nothing."""

    def perform(self) -> Saved:
        round_ = self.own_round()
        form = PublishForm(self.request.POST)
        self.published: int | None = None
        if form.is_valid():
            self.published = services.publish_round(
                round_, published_on=form.cleaned_data["published_on"], by=self.by
            )
        return None

    def get_success_message(self, saved: Saved) -> str:
        if self.published is None:
            return ""
        return _("Đã công bố kết quả của %(n)s bản đánh giá.") % {"n": self.published}


round_open = RoundOpenView.as_view()
round_settings = RoundSettingsView.as_view()
round_publish = RoundPublishView.as_view()


def step_initial(review, step: str) -> dict:
    if review is None:
        return {}
    return {
        "level": getattr(review, f"{step}_level"),
        "score": getattr(review, f"{step}_score"),
        "note": getattr(review, f"{step}_note"),
    }


def step_form(review, rule_set, subject_type: str, step: str, data=None) -> StepForm:
    form = StepForm(
        data,
        rule_set=rule_set,
        subject=subject_type,
        initial=step_initial(review, step),
        prefix=step,
    )
    form.step_label = Step(step).label
    return form


def steps_of(review, rule_set, subject):
    rows = []
    for s in STEP_ORDER:
        row = (
            review.step(s)
            if review
            else {"level": "", "score": None, "note": "", "by": None, "at": None}
        )
        row["label"] = Step(s).label
        row["level_label"] = rule_set.label(row["level"], subject) if row["level"] else ""
        rows.append(row)
    return rows


def review_of(reviews, year: int):
    return reviews.filter(year=year).select_related(*(f"{s}_by" for s in STEP_ORDER)).first()


def review_page(request, subject, *, subject_kind, year, review, shown=None, status=200):
    """The one review page of a member or an organization: its steps (self-assessment,
    proposal, decision, publication), a form for each step the user may record (`shown`:
    one shown again with its errors), the checks and the history."""
    subject_type = SUBJECTS[subject_kind]
    permissions = STEP_PERMISSIONS[subject_kind]
    rule_set = review.rules if review else rule_set_for(year)
    forms = {}
    for step in STEP_ORDER:
        if request.user.has_perm(permissions[step], subject):
            forms[step] = step_form(review, rule_set, subject_type, step)
    if shown is not None:
        forms[shown.prefix] = shown
    return render(
        request,
        "reviews/review.html",
        {
            "subject": subject,
            "subject_kind": subject_kind,
            "year": year,
            "review": review,
            "rule_set": rule_set,
            "steps": steps_of(review, rule_set, subject_type),
            "forms": forms,
            "findings": review_findings(review, subject_type) if review else [],
            "history": history_rows(review) if review else [],
            "level_label": rule_set.label(review.decision_level, subject_type)
            if review and review.decision_level
            else "",
        },
        status=status,
    )


SUBJECTS = {"member": Subject.MEMBER, "organization": Subject.ORGANIZATION}
STEP_PERMISSIONS = {"member": MEMBER_STEPS, "organization": ORGANIZATION_STEPS}


class StepView(WriteFormView):
    """Record one step of a review (POST `step`): the step's permission on the subject
    (reviews.permissions); a step the user may not record now is a 403. A refused form is
    shown again on the review page with 400."""

    http_method_names = ["post"]
    invalid_status = 400
    subject_kind = ""

    @property
    def by(self) -> User:
        """The writer: logged in (the view lets no one else through)."""
        return cast(User, self.request.user)

    @property
    def step(self) -> str:
        return self.request.POST.get("step") or ""

    @property
    def year(self) -> int:
        return checked_year(self.kwargs["year"])

    def has_permission(self, obj) -> bool:
        permission = STEP_PERMISSIONS[self.subject_kind].get(self.step)
        return permission is not None and self.request.user.has_perm(permission, obj)

    def reviews(self):
        raise NotImplementedError

    def get_form(self, form_class=None) -> StepForm:
        self.review = review_of(self.reviews(), self.year)
        rule_set = self.review.rules if self.review else rule_set_for(self.year)
        return step_form(
            self.review, rule_set, SUBJECTS[self.subject_kind], self.step, self.request.POST
        )

    def get_success_message(self, saved) -> str:
        return _("Đã ghi bước “%(s)s”.") % {"s": Step(self.step).label}

    def form_invalid(self, form) -> HttpResponse:
        return review_page(
            self.request,
            self.object,
            subject_kind=self.subject_kind,
            year=self.year,
            review=self.review,
            shown=form,
            status=self.invalid_status,
        )


class MemberStepView(StepView):
    subject_kind = "member"

    def get_object(self):
        member = get_member_for(self.request.user, self.kwargs["member_pk"])
        checked_year(self.kwargs["year"])
        return member

    def reviews(self):
        return own_reviews(self.object)

    def perform(self, form):
        services.record_member_step(
            member=self.object,
            year=self.year,
            step=self.step,
            by=self.by,
            **form.cleaned_data,
        )
        return reverse("reviews:member", kwargs={"member_pk": self.object.pk, "year": self.year})


class OrganizationStepView(StepView):
    subject_kind = "organization"

    def get_object(self):
        organization = get_organization_for(self.request.user, self.kwargs["org_pk"])
        checked_year(self.kwargs["year"])
        return organization

    def reviews(self):
        return self.object.reviews.all()

    def perform(self, form):
        services.record_organization_step(
            organization=self.object,
            year=self.year,
            step=self.step,
            by=self.by,
            **form.cleaned_data,
        )
        return reverse("reviews:organization", kwargs={"org_pk": self.object.pk, "year": self.year})


@login_required
def member_review(request, member_pk, year):
    if request.method == "POST":
        return MemberStepView.as_view()(request, member_pk=member_pk, year=year)
    member = get_member_for(request.user, member_pk)
    year = checked_year(year)
    review = review_of(own_reviews(member), year)
    return review_page(request, member, subject_kind="member", year=year, review=review)


@login_required
def organization_review(request, org_pk, year):
    if request.method == "POST":
        return OrganizationStepView.as_view()(request, org_pk=org_pk, year=year)
    organization = get_organization_for(request.user, org_pk)
    year = checked_year(year)
    review = review_of(organization.reviews.all(), year)
    return review_page(request, organization, subject_kind="organization", year=year, review=review)


@login_required
def results_view(request, org_pk, year):
    organization = get_organization_for(request.user, org_pk)
    data = results(organization, checked_year(year))
    return render(request, "reviews/results.html", {"org": organization, "year": year, "r": data})


@login_required
def results_xlsx(request, org_pk, year):
    organization = get_organization_for(request.user, org_pk)
    return ResultsExporter(organization=organization, year=checked_year(year)).response()


@login_required
def results_docx(request, org_pk, year):
    organization = get_organization_for(request.user, org_pk)
    return results_docx_response(results(organization, checked_year(year)))
