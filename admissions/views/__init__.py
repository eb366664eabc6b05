"""The admission screens, one module per concept: thin views over admissions.queries (reads,
scoped: 404 outside the user's reach) and admissions.services (writes: 403 when the user
may read but not write)."""
