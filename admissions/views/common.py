"""What the admission pages share: the query string of a page's XLSX download."""


def export_query(request) -> str:
    """The page's own filters, asking for the XLSX download."""
    query = request.GET.copy()
    query["format"] = "xlsx"
    return query.urlencode()
