"""Annual review screens: thin views over reviews.queries (reads) and reviews.services (writes).

Anything outside the user's reach is a 404; a readable page whose write the user may not
make answers 403.
"""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.scope import can_manage_subtree, top_organizations
from core.audit import history_rows
from core.forms import apply_errors

from . import exporters, queries, services
from .enums import STEP_ORDER, Step, Subject
from .forms import PublishForm, RoundForm, StepForm
from .rules import rule_set_for


def _year(year: int) -> int:
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
            "own": list(queries.own_reviews(member)) if member else [],
            "year": year,
        },
    )


def _page_number(request, name: str) -> int:
    try:
        return max(1, int(request.GET.get(name, 1)))
    except ValueError:
        return 1


def _page_links(current: int, total: int, per_page: int) -> list[int | None]:
    """Page numbers to link: the first, the last and two either side of the current one;
    None where pages are skipped. Empty when everything fits on one page."""
    pages = (total + per_page - 1) // per_page
    if pages <= 1:
        return []
    keep = sorted(p for p in {1, pages, *range(current - 2, current + 3)} if 1 <= p <= pages)
    links: list[int | None] = []
    for p in keep:
        if links and p - links[-1] > 1:
            links.append(None)
        links.append(p)
    return links


@login_required
def round_view(request, org_pk, year):
    organization = queries.get_organization_for(request.user, org_pk)
    year = _year(year)
    page_no = _page_number(request, "page")
    missing_no = _page_number(request, "missing")
    per_page = settings.PAGE_SIZE
    page = queries.round_page(
        organization, year, member_page=page_no, missing_page=missing_no, per_page=per_page
    )
    can_manage = can_manage_subtree(request.user, organization)
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
            "page_no": page_no,
            "pages": _page_links(page_no, page.member_total, per_page),
            "missing_no": missing_no,
            "missing_pages": _page_links(
                missing_no, max(page.missing_orgs_total, page.missing_members_total), per_page
            ),
        },
    )


def _manage(request, org_pk):
    organization = queries.get_organization_for(request.user, org_pk)
    if not can_manage_subtree(request.user, organization):
        raise PermissionDenied
    return organization


@login_required
@require_POST
def round_open(request, org_pk, year):
    organization = _manage(request, org_pk)
    form = RoundForm(request.POST)
    if form.is_valid():
        try:
            services.open_round(
                organization=organization, year=_year(year), by=request.user, **form.cleaned_data
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Đã mở đợt đánh giá, xếp loại năm %(y)s.") % {"y": year})
    else:
        messages.error(request, _("Thông tin đợt đánh giá không hợp lệ."))
    return redirect("reviews:round", org_pk=organization.pk, year=year)


@login_required
@require_POST
def round_settings(request, org_pk, year):
    organization = _manage(request, org_pk)
    round_ = queries.covering_round(organization.path, year)
    if round_ is None or round_.organization_id != organization.pk:
        raise Http404
    form = RoundForm(request.POST)
    if form.is_valid():
        services.update_round(round_, by=request.user, **form.cleaned_data)
        messages.success(request, _("Đã lưu cấu hình đợt đánh giá."))
    return redirect("reviews:round", org_pk=organization.pk, year=year)


@login_required
@require_POST
def round_publish(request, org_pk, year):
    organization = _manage(request, org_pk)
    round_ = queries.covering_round(organization.path, year)
    if round_ is None or round_.organization_id != organization.pk:
        raise Http404
    form = PublishForm(request.POST)
    if form.is_valid():
        try:
            n = services.publish_round(
                round_, published_on=form.cleaned_data["published_on"], by=request.user
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Đã công bố kết quả của %(n)s bản đánh giá.") % {"n": n})
    return redirect("reviews:round", org_pk=organization.pk, year=year)


def _step_forms(request, review, rule_set, subject, allowed):
    """One form per step the user may record now (the next step only)."""
    forms = {}
    posted = request.POST.get("step") if request.method == "POST" else None
    for step in STEP_ORDER:
        if not allowed(step):
            continue
        data = request.POST if posted == step else None
        initial = {}
        if review is not None:
            initial = {
                "level": getattr(review, f"{step}_level"),
                "score": getattr(review, f"{step}_score"),
                "note": getattr(review, f"{step}_note"),
            }
        forms[step] = StepForm(
            data, rule_set=rule_set, subject=subject, initial=initial, prefix=step
        )
        forms[step].step_label = Step(step).label
    return forms, posted


def _steps(review, rule_set, subject):
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


def _review_page(
    request, *, subject, subject_kind, subject_type, year, reviews, allowed, record, done
):
    """The one review page of a member or an organization: its steps (self-assessment,
    proposal, decision, publication), the step forms the user may fill, the checks and the
    history. `record(step, data)` writes through the service; `done()` redirects."""
    review = reviews.filter(year=year).select_related(*(f"{s}_by" for s in STEP_ORDER)).first()
    rule_set = review.rules if review else rule_set_for(year)
    forms, posted = _step_forms(request, review, rule_set, subject_type, allowed)
    if request.method == "POST":
        form = forms.get(posted)
        if form is None:
            raise PermissionDenied
        if form.is_valid():
            try:
                record(posted, form.cleaned_data)
            except ValidationError as error:
                apply_errors(form, error)
            else:
                messages.success(request, _("Đã ghi bước “%(s)s”.") % {"s": Step(posted).label})
                return done()
    return render(
        request,
        "reviews/review.html",
        {
            "subject": subject,
            "subject_kind": subject_kind,
            "year": year,
            "review": review,
            "rule_set": rule_set,
            "steps": _steps(review, rule_set, subject_type),
            "forms": forms,
            "findings": queries.review_findings(review, subject_type) if review else [],
            "history": history_rows(review) if review else [],
            "level_label": rule_set.label(review.decision_level, subject_type)
            if review and review.decision_level
            else "",
        },
        status=400 if request.method == "POST" else 200,
    )


@login_required
def member_review(request, member_pk, year):
    member = queries.get_member_for(request.user, member_pk)
    year = _year(year)
    return _review_page(
        request,
        subject=member,
        subject_kind="member",
        subject_type=Subject.MEMBER,
        year=year,
        reviews=queries.own_reviews(member),
        allowed=lambda s: queries.member_step_allowed(request.user, member, s),
        record=lambda step, data: services.record_member_step(
            member=member, year=year, step=step, by=request.user, **data
        ),
        done=lambda: redirect("reviews:member", member_pk=member.pk, year=year),
    )


@login_required
def organization_review(request, org_pk, year):
    organization = queries.get_organization_for(request.user, org_pk)
    year = _year(year)
    return _review_page(
        request,
        subject=organization,
        subject_kind="organization",
        subject_type=Subject.ORGANIZATION,
        year=year,
        reviews=organization.reviews.all(),
        allowed=lambda s: queries.organization_step_allowed(request.user, organization, s),
        record=lambda step, data: services.record_organization_step(
            organization=organization, year=year, step=step, by=request.user, **data
        ),
        done=lambda: redirect("reviews:organization", org_pk=organization.pk, year=year),
    )


@login_required
def results_view(request, org_pk, year):
    organization = queries.get_organization_for(request.user, org_pk)
    data = queries.results(organization, _year(year))
    return render(request, "reviews/results.html", {"org": organization, "year": year, "r": data})


@login_required
def results_xlsx(request, org_pk, year):
    organization = queries.get_organization_for(request.user, org_pk)
    return exporters.results_xlsx(queries.results(organization, _year(year)))


@login_required
def results_docx(request, org_pk, year):
    organization = queries.get_organization_for(request.user, org_pk)
    data = exporters.results_docx(queries.results(organization, _year(year)))
    response = HttpResponse(data, content_type=exporters.DOCX_CONTENT_TYPE)
    response["Content-Disposition"] = exporters.content_disposition(
        _("Kết quả đánh giá xếp loại %(y)s.docx") % {"y": year}
    )
    return response
