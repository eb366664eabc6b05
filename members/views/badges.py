"""Badge pages (BDG-01): who is due at a presentation day in a subtree, recording badges
presented, the XLSX of the due list, and one member's party age and badges (AGE-01).

Thin views over members.queries.badges (reads) and members.services.badges (writes). An
organization or member outside the user's reach is a 404; a reader who may not write
(an inspector) gets 403 on a write ("members.record_badges", "members.record_badge").
"""

from datetime import date
from typing import Any, cast

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from accounts.models import User
from core.pagination import paginate
from core.views.write import Saved, WriteFormView
from organizations.models import Organization
from organizations.queries import get_organization_for, tree_roots_for

from ..exporters.badges import BadgeDueExporter
from ..forms.badges import BadgeBulkForm, BadgeRecordForm, PresentationForm
from ..models import Member
from ..queries.badges import (
    badge_candidates,
    badge_counts,
    badge_due,
    badge_due_early,
    describe,
    next_badge,
    with_party_life,
)
from ..queries.party_age import party_age_on, party_age_start_on
from ..queries.register import get_member_for, members_for
from ..rules import BADGE_YEARS, next_presentation_date
from ..services.badges import record_badge, record_badges


def first_root(user: Any) -> Organization:
    """The highest organization the user reaches (404 for none): where a subtree page
    opens by default."""
    roots = tree_roots_for(user)
    if not roots:
        raise Http404
    return roots[0]


@login_required
def badge_home(request):
    return redirect("members:badge_due", first_root(request.user).pk)


def _due_url(org, on: date, years: int) -> str:
    query = urlencode({"on": on.isoformat(), "years": str(years)})
    return f"{reverse('members:badge_due', args=[org.pk])}?{query}"


def picked_elsewhere(request, form, org, name):
    """The organization picker chose another organization: the same page there."""
    picked = form.selected_organization()
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
            "can_record": request.user.has_perm("members.record_badges", org),
            "bulk_form": BadgeBulkForm(members=None, initial=initial, prefix="regular"),
            "early_form": BadgeBulkForm(
                members=None, initial={**initial, "early": True}, prefix="early"
            ),
        },
    )


class BadgeRecordView(WriteFormView[BadgeBulkForm, Organization]):
    """Record every member checked on a due list as presented (all or nothing); errors
    become messages and the user is back on the due list."""

    http_method_names = ["post"]
    permission = "members.record_badges"
    form_class = BadgeBulkForm

    def get_object(self) -> Organization:
        return get_organization_for(self.request.user, self.kwargs["org_pk"])

    def get_form_kwargs(self) -> dict[str, Any]:
        prefix = "early" if self.request.POST.get("list") == "early" else "regular"
        return {
            **super().get_form_kwargs(),
            "members": badge_candidates(members_for(self.request.user), self.object),
            "prefix": prefix,
        }

    def due_url(self, form: BadgeBulkForm) -> str:
        try:
            list_on = date.fromisoformat(self.request.POST.get("list_on", ""))
        except ValueError:
            list_on = None
        years = form.cleaned_data.get("years") or BADGE_YEARS[0]
        on = list_on or next_presentation_date(timezone.localdate())
        return _due_url(self.object, on, years)

    def perform(self, form: BadgeBulkForm) -> Saved:
        data = form.cleaned_data
        self.badges = record_badges(
            data["members"],
            years=data["years"],
            presented_on=data["presented_on"],
            decision=data["decision"],
            early=data["early"],
            by=cast(User, self.request.user),
        )
        return self.due_url(form)

    def get_success_message(self, saved: Saved) -> str:
        return _("Đã ghi nhận trao huy hiệu %(years)s năm tuổi Đảng cho %(n)s đảng viên.") % {
            "years": self.badges[0].years,
            "n": len(self.badges),
        }

    def form_invalid(self, form: BadgeBulkForm) -> HttpResponse:
        for errors in form.errors.values():
            for error in errors:
                messages.error(self.request, str(error))
        return redirect(self.due_url(form))


record = BadgeRecordView.as_view()


@login_required
def export(request, org_pk):
    org = get_organization_for(request.user, org_pk)
    on = PresentationForm(request.GET or None, user=request.user).presentation_date()
    return BadgeDueExporter(user=request.user, organization=org, on=on).response()


class MemberBadgesView(WriteFormView[BadgeRecordForm, Member]):
    """One member: party age today (exact, AGE-01), badges received, the next one, and
    the form to record a badge presented (writers only: a reader's POST is 403)."""

    form_class = BadgeRecordForm
    template_name = "members/badges/member.html"

    def get_object(self) -> Member:
        return get_member_for(self.request.user, self.kwargs["pk"])

    def has_permission(self, obj: Member) -> bool:
        # Everyone who reads the member sees the page; recording is for its writers.
        return self.request.method != "POST" or self.request.user.has_perm(
            "members.record_badge", obj
        )

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        today = timezone.localdate()
        member = with_party_life(self.object)
        return super().get_context_data(
            member=self.object,
            party_age=party_age_on(member, today),
            party_age_from=party_age_start_on(member, today),
            badges=list(member.badges.all()),
            next=next_badge(member, today),
            can_record=self.request.user.has_perm("members.record_badge", self.object),
            **kwargs,
        )

    def perform(self, form: BadgeRecordForm) -> Saved:
        return record_badge(self.object, **form.cleaned_data, by=cast(User, self.request.user))

    def get_success_message(self, saved: Saved) -> str:
        assert saved is not None and not isinstance(saved, str)
        return _("Đã ghi nhận trao huy hiệu %(years)s năm tuổi Đảng.") % {
            "years": getattr(saved, "years", "")
        }

    def get_success_url(self) -> str:
        return reverse("members:badge_member", args=[self.object.pk])


member_badges = MemberBadgesView.as_view()
