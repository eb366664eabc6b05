"""Reads of the member register, by area: the register itself, transfers, exemptions,
non-participation, badges and party age, deadlines, data quality, reconciliation."""
