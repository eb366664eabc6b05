"""Every write to the party tree, by area: organizations (tree), residential units and
model cells (units), terms and committees (committees); the shared checks (base) and the
document-number register (numbering).

Each function takes keyword-only options and the acting user `by`, checks that the user
holds the permission (organizations/permissions.py; PermissionDenied otherwise), validates
the domain rules (ValidationError with Vietnamese messages keyed by form field), and writes
in one transaction. The `*_errors` functions are the same checks without writing, for the
forms.
"""
