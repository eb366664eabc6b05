"""The one way a list page is cut into pages: `settings.PAGE_SIZE` rows (env `CHIBO_PAGE_SIZE`).

Templates show the page with `core/_pagination.html`.
"""

from collections.abc import Sequence
from typing import TypeVar

from django.conf import settings
from django.core.paginator import Page, Paginator
from django.db.models import Model, QuerySet
from django.http import HttpRequest

T = TypeVar("T")
M = TypeVar("M", bound=Model)


def paginate(
    request: HttpRequest,
    object_list: "QuerySet[M, T] | Sequence[T]",
    *,
    per_page: int | None = None,
) -> Page[T]:
    """The page asked for in `?page=`: the first one if the number is not a number, the last
    one if it is past the end (never a 404 or a 500). Rows per page: `per_page`, else
    `settings.PAGE_SIZE`."""
    size: int = per_page if per_page is not None else settings.PAGE_SIZE
    return Paginator(object_list, size).get_page(request.GET.get("page"))
