"""The one way a list page is cut into pages: `settings.PAGE_SIZE` rows (env `CHIBO_PAGE_SIZE`).

Templates show the page with `core/_pagination.html`. A list whose query pages itself (two
lists on one page, each a slice and a count in SQL) gives the pager `page_of(total, number)`.
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
    param: str = "page",
) -> Page[T]:
    """The page asked for in `?page=` (or `?<param>=`): the first one if the number is not a number, the last
    one if it is past the end (never a 404 or a 500). Rows per page: `per_page`, else
    `settings.PAGE_SIZE`."""
    size: int = per_page if per_page is not None else settings.PAGE_SIZE
    return Paginator(object_list, size).get_page(request.GET.get(param))


def page_number(request: HttpRequest, param: str = "page") -> int:
    """The page number asked for in `?<param>=`: 1 when it is missing or not a number."""
    try:
        return max(1, int(request.GET.get(param, 1)))
    except ValueError:
        return 1


def page_of(total: int, number: int, *, per_page: int | None = None) -> Page[int]:
    """The pager of a list of `total` rows that the query itself cut at page `number` (a
    number past the end shows the last page's links)."""
    size: int = per_page if per_page is not None else settings.PAGE_SIZE
    return Paginator(range(total), size).get_page(number)
