"""Every write of the meetings app: keyword-only options, one transaction each, `by` in the
audit trail (django-simple-history), a Vietnamese ValidationError for bad input, a
Vietnamese PermissionDenied when `by` lacks the permission (meetings.permissions).

Optimistic locking: each write to a meeting or its attendance states the `version` of
the meeting it was based on; if someone else saved in between, `Conflict` is raised and
nothing is written (the caller shows the message and the fresh data).

Split by area; import from the module itself (`meetings.services.plan`, ...).
"""
