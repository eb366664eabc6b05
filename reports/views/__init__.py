"""Screens of the reports app: the start page (home), the STA-01 tables (membership), the
annual report (annual)."""
