"""Every write of inspection, supervision and discipline: keyword-only, one transaction.

By area: `inspections` (commissions, programmes, inspections and supervisions, their
recommendations, follow-up assignments), `disciplines` (recording and deciding a
discipline, its effects on the register and the tree), `appeals` (receipt, appeal, badge);
`common` holds what they share. The audit trail is written by django-simple-history on
each saved row.
"""
