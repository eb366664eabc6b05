"""The link of another page of a list, keeping every other query parameter: used by the one
pager, core/_pagination.html, for lists paged by `?page=` or by another parameter (a page
with two lists pages the second by `?missing=`)."""

from typing import Any

from django import template
from django.http import HttpRequest

register = template.Library()


@register.simple_tag(takes_context=True)
def page_query(context: dict[str, Any], number: int, param: str = "page") -> str:
    """`?<the current query with param=number>`."""
    request: HttpRequest = context["request"]
    query = request.GET.copy()
    query[param or "page"] = str(number)
    return "?" + query.urlencode()
