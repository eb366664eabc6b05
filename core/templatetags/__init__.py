"""core's template tags: the pager's links (pagination)."""
