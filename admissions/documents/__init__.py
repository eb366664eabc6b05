"""DOC-01 documents of the admission work: the forms rendered (`resolutions`) and their DOCX templates (`build`)."""
