"""The annual report as DOCX and PDF (annual) and its server-drawn bar charts (charts)."""
