"""DOC-01 documents of the annual review: the results report rendered (`results`) and its
DOCX template (`build`)."""
