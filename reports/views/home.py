"""The start page: the committee officer's home page (reports.queries.home) at "/".

It lives in reports, not core, because it reads every app's figures (reports.queries.home).
"""

from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils import timezone

from accounts.scope import active_roles, top_organizations

from ..queries.home import indicators


@login_required
def home(request):
    """Start page: the user's organizations and the key indicators of the chosen one
    (this year beside last year, reports.queries.home), or their own record for a member."""
    roots = top_organizations(request.user)
    if not roots and not active_roles(request.user) - {"member"}:
        if getattr(request.user, "member", None) is not None:
            return redirect("members:me")
    context = {"roots": roots}
    if roots:
        picked = request.GET.get("org", "")
        org = next((o for o in roots if str(o.pk) == picked), roots[0])
        context["org"] = org
        context["indicators"] = indicators(request.user, org, timezone.localdate())
    return render(request, "reports/home.html", context)
