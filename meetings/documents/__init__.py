"""Documents built from a meeting's data: the biên bản and nghị quyết (`minutes`, DOCX and
PDF in the DOC-01 frame) and the cell's calendar feed (`ics`)."""
