"""Reading the party tree: the tree browser, its search and the organization page."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.views.decorators.http import require_GET

from core.audit import history_rows

from ..queries import (
    children_for,
    get_organization_for,
    organization_page_for,
    search_for,
    tree_roots_for,
)
from .common import permissions


@login_required
@require_GET
def tree(request):
    """The user's roots, expanded lazily (htmx), and the search box (GET fallback)."""
    query = request.GET.get("q", "")
    return render(
        request,
        "organizations/tree.html",
        {
            "roots": tree_roots_for(request.user),
            "query": query,
            "result": search_for(request.user, query) if query else None,
        },
    )


@login_required
@require_GET
def search(request):
    """The search results partial (htmx); diacritics ignored ("na phat" → "Nà Phát")."""
    query = request.GET.get("q", "")
    return render(
        request,
        "organizations/_search_results.html",
        {"query": query, "result": search_for(request.user, query)},
    )


@login_required
@require_GET
def children(request, pk):
    """The subordinates of one node of the tree browser (htmx partial)."""
    org = get_organization_for(request.user, pk)
    return render(
        request,
        "organizations/_nodes.html",
        {"nodes": children_for(request.user, org)},
    )


@login_required
@require_GET
def detail(request, pk):
    org = get_organization_for(request.user, pk)
    page = organization_page_for(request.user, org)
    return render(
        request,
        "organizations/detail.html",
        {
            "org": org,
            "page": page,
            "can": permissions(request.user, org),
            "history": history_rows(org),
        },
    )
