"""Reads of the reports app: the figures of the annual report (annual) and of the officer's
home page (home), the STA-01 membership tables (membership), the building blocks they share
(sections) and the kept report files (files)."""
