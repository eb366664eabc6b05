"""MTG-05: the province's weights of the 100-point meeting score (a configurable default)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from accounts.scope import is_system_admin
from core.forms import apply_errors
from organizations.models import Organization

from .. import queries, services
from ..forms import ScoringForm
from ..models import ScoringConfig
from ..rules import Weights


def _provinces_for(user):
    """The top-level organizations the user may edit the weights of."""
    roots = Organization.objects.get_root_nodes()
    if is_system_admin(user):
        return list(roots)
    return [
        o
        for o in roots.filter(pk__in=queries.organizations_for(user).values("pk"))
        if services.can_edit_scoring(user, o)
    ]


@login_required
def scoring_index(request):
    """System administrators: the default and every province; a province's officer goes
    straight to their province; anyone else has nothing here (404)."""
    provinces = _provinces_for(request.user)
    admin = is_system_admin(request.user)
    if not admin and len(provinces) == 1:
        return redirect("meetings:scoring", org_pk=provinces[0].pk)
    if not admin and not provinces:
        raise Http404
    configs = {c.organization_id: c for c in ScoringConfig.objects.all()}
    return render(
        request,
        "meetings/scoring_index.html",
        {
            "is_admin": admin,
            "default": configs.get(None),
            "rows": [(p, configs.get(p.pk)) for p in provinces],
            "fallback": Weights(),
        },
    )


@login_required
def scoring(request, org_pk=None):
    organization = None
    if org_pk is not None:
        # 404 outside the user's reach, and for anything but a province.
        organization = (
            Organization.objects.get_root_nodes()
            .filter(pk__in=queries.organizations_for(request.user).values("pk"))
            .filter(pk=org_pk)
            .first()
        )
        if organization is None:
            raise Http404
    elif not request.user.is_authenticated:
        raise Http404
    if not services.can_edit_scoring(request.user, organization):
        if organization is None:
            raise Http404
        raise PermissionDenied
    config = ScoringConfig.objects.filter(organization=organization).first()
    inherited = None
    if config is None and organization is not None:
        inherited = ScoringConfig.objects.filter(organization__isnull=True).first()
    base = config or inherited
    fallback = Weights()
    initial = {
        name: getattr(base, name) if base else getattr(fallback, name)
        for name in ("preparation", "attendance", "conduct", "closing", "min_speakers")
    }
    initial["source"] = config.source if config else ""
    form = ScoringForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.save_scoring(organization=organization, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("Đã lưu thang điểm."))
            if organization is None:
                return redirect("meetings:scoring_default")
            return redirect("meetings:scoring", org_pk=organization.pk)
    return render(
        request,
        "meetings/scoring.html",
        {
            "form": form,
            "organization": organization,
            "config": config,
            "inherited": inherited,
            "fallback": fallback,
            "is_admin": is_system_admin(request.user),
        },
    )
