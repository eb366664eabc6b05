"""The one pagination of the API: pages of `settings.PAGE_SIZE` (env `CHIBO_PAGE_SIZE`, 50)
by default, at most 100 (`page_size`)."""

from django.conf import settings
from ninja.pagination import PageNumberPagination

MAX_PAGE_SIZE = 100


class Pagination(PageNumberPagination):
    """`?page=2&page_size=100`; the answer is `{"items": [...], "count": n}` (two queries:
    the count and the page)."""

    def __init__(self, **kwargs):
        kwargs.setdefault("page_size", min(settings.PAGE_SIZE, MAX_PAGE_SIZE))
        kwargs.setdefault("max_page_size", MAX_PAGE_SIZE)
        super().__init__(**kwargs)
