"""Scoped reads of meetings, the register on a meeting date, and the rule evaluations.

Reach: a user reads the meetings of the organizations they reach (accounts.scope), and a
member also reads the meetings of the cell they belong to (read only). Anything else is
a 404. Every function here issues a fixed number of queries whatever the size of the
cell or of the year.
"""
