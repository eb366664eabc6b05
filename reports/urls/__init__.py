"""URL modules: the start page at "/" (home) and "reports/" (reports)."""
