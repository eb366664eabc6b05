"""Meeting rules (RULES.md MTG-01..08, EXM-02, DOC-02) as pure functions over plain rows:
`quality` (attendance, score, vote base, the year plan), `agenda` (MTG-04), `minutes` (DOC-02)."""
