"""MTG-05: the province's weights of the 100-point meeting score (a configurable default)."""

from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext_lazy

from accounts.scope import is_system_admin
from core.views.write import Saved, WriteFormView
from organizations.models import Organization

from ..forms import ScoringForm
from ..queries.scoring import get_province_for, provinces_for, scoring_config_of, scoring_configs
from ..rules.quality import Weights
from ..services import scoring as services
from .common import writer


def editable_provinces(user) -> list[Organization]:
    """The top-level organizations whose weights the user may edit."""
    return [o for o in provinces_for(user) if user.has_perm("meetings.edit_scoring", o)]


@login_required
def scoring_index(request):
    """System administrators: the default and every province; a province's officer goes
    straight to their province; anyone else has nothing here (404)."""
    provinces = editable_provinces(request.user)
    admin = is_system_admin(request.user)
    if not admin and len(provinces) == 1:
        return redirect("meetings:scoring", org_pk=provinces[0].pk)
    if not admin and not provinces:
        raise Http404
    configs = scoring_configs()
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


class ScoringView(WriteFormView[ScoringForm, Organization | None]):
    """A province's weights (404 outside the reach and for anything but a province, 403
    for a reader), or the system-wide default (no organization: 404 unless allowed)."""

    permission = "meetings.edit_scoring"
    form_class = ScoringForm
    template_name = "meetings/scoring.html"
    success_message = gettext_lazy("Đã lưu thang điểm.")

    def get_object(self) -> Organization | None:
        org_pk = self.kwargs.get("org_pk")
        if org_pk is None:
            return None
        return get_province_for(self.request.user, org_pk)

    def permission_denied(self) -> HttpResponseBase:
        if self.object is None:
            raise Http404  # the default hides itself
        return super().permission_denied()

    def get_initial(self) -> dict[str, Any]:
        self.config = scoring_config_of(self.object)
        self.inherited = None
        if self.config is None and self.object is not None:
            self.inherited = scoring_config_of(None)
        base = self.config or self.inherited
        fallback = Weights()
        initial: dict[str, Any] = {
            name: getattr(base, name) if base else getattr(fallback, name)
            for name in ("preparation", "attendance", "conduct", "closing", "min_speakers")
        }
        initial["source"] = self.config.source if self.config else ""
        return initial

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)  # the form, then its initial rows
        context.update(
            organization=self.object,
            config=self.config,
            inherited=self.inherited,
            fallback=Weights(),
            is_admin=is_system_admin(self.request.user),
        )
        return context

    def perform(self, form: ScoringForm) -> Saved:
        services.save_scoring(
            organization=self.object, by=writer(self.request), **form.cleaned_data
        )
        if self.object is None:
            return reverse("meetings:scoring_default")
        return reverse("meetings:scoring", kwargs={"org_pk": self.object.pk})


scoring = ScoringView.as_view()
