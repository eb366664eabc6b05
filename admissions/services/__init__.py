"""Every write of the admission work, one module per concept: candidates, cases (sponsors,
dossier, closing), stages (the one table of stage handlers and its dispatcher `advance`),
full membership, certificates (ADM-04, PRB-04), targets (ADM-11)."""
