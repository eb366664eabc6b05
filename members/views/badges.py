"""Badge pages (BDG-01): who is due at a presentation day in a subtree, recording badges
presented, the XLSX of the due list, and one member's party age and badges (AGE-01).

Thin views over members.badges (reads) and members.services.badges (writes). An
organization or member outside the user's reach is a 404; a reader who may not write
(an inspector) gets 403 on a write.
"""

from datetime import date

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from accounts.scope import can_write_org
from core.exporters import BOOLEAN, DATE, INTEGER, Column, Sheet, xlsx_response
from core.pagination import paginate
from organizations.queries import get_organization_for, tree_roots_for

from ..badges import (
    badge_candidates,
    badge_counts,
    badge_due,
    badge_due_early,
    badge_due_rows,
    describe,
    next_badge,
    party_age_on,
    party_age_start_on,
)
from ..forms_badges import BadgeBulkForm, BadgeRecordForm, PresentationForm
from ..models import Badge, Membership
from ..queries import get_member_for, members_for
from ..rules import BADGE_YEARS, next_presentation_date
from ..services.badges import record_badge, record_badges


def _first_root(user):
    roots = tree_roots_for(user)
    if not roots:
        raise Http404
    return roots[0]


@login_required
def badge_home(request):
    return redirect("members:badge_due", _first_root(request.user).pk)


def _due_url(org, on: date, years: int) -> str:
    query = urlencode({"on": on.isoformat(), "years": str(years)})
    return f"{reverse('members:badge_due', args=[org.pk])}?{query}"


def picked_elsewhere(request, form, org, name):
    """The organization picker chose another organization: the same page there."""
    picked = form.picked_organization()
    if picked is None or picked.pk == org.pk:
        return None
    query = request.GET.copy()
    query.pop("organization", None)
    query.pop("page", None)
    url = reverse(name, args=[picked.pk])
    return redirect(f"{url}?{query.urlencode()}" if query else url)


def with_organization(request, org):
    data = request.GET.copy()
    data["organization"] = data.get("organization") or str(org.pk)
    return data


@login_required
def due(request, org_pk):
    org = get_organization_for(request.user, org_pk)
    form = PresentationForm(with_organization(request, org), user=request.user)
    if elsewhere := picked_elsewhere(request, form, org, "members:badge_due"):
        return elsewhere
    on = form.presentation_date()
    candidates = badge_candidates(members_for(request.user), org)
    counts = badge_counts(candidates, on)
    years = form.badge_years()
    if years is None:
        years = next((c.years for c in counts if c.total), BADGE_YEARS[0])
    page = paginate(request, badge_due(candidates, years, on))
    for member in page:
        describe(member, years, on)
    early = [describe(m, years, on) for m in badge_due_early(candidates, years, on)]
    can_record = can_write_org(request.user, org)
    initial = {"years": years, "presented_on": on}
    return render(
        request,
        "members/badges/due.html",
        {
            "org": org,
            "form": form,
            "on": on,
            "years": years,
            "counts": counts,
            "current": next(c for c in counts if c.years == years),
            "page": page,
            "early": early,
            "can_record": can_record,
            "bulk_form": BadgeBulkForm(members=None, initial=initial, prefix="regular"),
            "early_form": BadgeBulkForm(
                members=None, initial={**initial, "early": True}, prefix="early"
            ),
        },
    )


@login_required
@require_POST
def record(request, org_pk):
    """Record every member checked on a due list as presented (all or nothing)."""
    org = get_organization_for(request.user, org_pk)
    if not can_write_org(request.user, org):
        raise PermissionDenied
    prefix = "early" if request.POST.get("list") == "early" else "regular"
    candidates = badge_candidates(members_for(request.user), org)
    form = BadgeBulkForm(request.POST, members=candidates, prefix=prefix)
    try:
        list_on = date.fromisoformat(request.POST.get("list_on", ""))
    except ValueError:
        list_on = None
    if not form.is_valid():
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
        years = form.cleaned_data.get("years") or BADGE_YEARS[0]
    else:
        data = form.cleaned_data
        years = data["years"]
        try:
            badges = record_badges(
                data["members"],
                years=years,
                presented_on=data["presented_on"],
                decision=data["decision"],
                early=data["early"],
                by=request.user,
            )
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
        else:
            messages.success(
                request,
                _("Đã ghi nhận trao huy hiệu %(years)s năm tuổi Đảng cho %(n)s đảng viên.")
                % {"years": years, "n": len(badges)},
            )
    on = list_on or next_presentation_date(timezone.localdate())
    return redirect(_due_url(org, on, years))


DUE_COLUMNS = [
    Column(gettext_lazy("Huy hiệu (năm)"), "years", INTEGER),
    Column(gettext_lazy("Họ và tên"), "member.full_name", width=28),
    Column(gettext_lazy("Ngày sinh"), "member.date_of_birth", DATE),
    Column(gettext_lazy("Sinh hoạt tại"), "member.organization.name", width=32),
    Column(gettext_lazy("Ngày vào Đảng"), "member.admitted_on", DATE),
    Column(gettext_lazy("Tuổi đảng tính từ"), "member.party_age_from", DATE),
    Column(gettext_lazy("Đủ tuổi Đảng ngày"), "reached_on", DATE),
    Column(gettext_lazy("Tuổi đảng tại đợt trao"), "party_age", INTEGER),
    Column(gettext_lazy("Quá hạn (chưa được trao)"), "overdue", BOOLEAN),
    Column(gettext_lazy("Trao sớm (ốm nặng)"), "early", BOOLEAN),
    Column(gettext_lazy("Số thẻ đảng viên"), "member.card_number"),
]


@login_required
def export(request, org_pk):
    org = get_organization_for(request.user, org_pk)
    on = PresentationForm(request.GET or None).presentation_date()
    candidates = badge_candidates(members_for(request.user), org)
    title = _("Danh sách đảng viên đề nghị trao huy hiệu Đảng đợt %(day)s") % {
        "day": on.strftime("%d/%m/%Y")
    }
    return xlsx_response(
        Sheet(title, DUE_COLUMNS, badge_due_rows(candidates, on), organization=org.name),
        filename=_("Huy hiệu Đảng %(day)s.xlsx") % {"day": on.strftime("%d-%m-%Y")},
    )


@login_required
def member_badges(request, pk):
    """One member: party age today (exact, AGE-01), badges received, the next one, and
    the form to record a badge presented (writers only: a reader's POST is 403)."""
    member = get_member_for(request.user, pk)
    can_record = can_write_org(request.user, member.organization)
    form = BadgeRecordForm(request.POST or None)
    if request.method == "POST":
        if not can_record:
            raise PermissionDenied
        if form.is_valid():
            try:
                badge = record_badge(member, **form.cleaned_data, by=request.user)
            except ValidationError as error:
                for message in error.messages:
                    form.add_error(None, message)
            else:
                messages.success(
                    request,
                    _("Đã ghi nhận trao huy hiệu %(years)s năm tuổi Đảng.")
                    % {"years": badge.years},
                )
                return redirect("members:badge_member", member.pk)
    today = timezone.localdate()
    member_with = (
        type(member)
        .objects.prefetch_related(
            Prefetch("memberships", queryset=Membership.objects.order_by("starts_on", "id")),
            Prefetch("badges", queryset=Badge.objects.order_by("years")),
            "non_participations",  # AGE-01: periods out of contact
        )
        .get(pk=member.pk)
    )
    return render(
        request,
        "members/badges/member.html",
        {
            "member": member,
            "party_age": party_age_on(member_with, today),
            "party_age_from": party_age_start_on(member_with, today),
            "badges": list(member_with.badges.all()),
            "next": next_badge(member_with, today),
            "form": form,
            "can_record": can_record,
        },
    )
