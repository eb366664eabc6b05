"""Reads of the annual review: the scoped getters and the round page (`rounds`), the
discipline facts behind the checks (`checks`), the results as the articles print them
(`results`, REV-06) and the one-figure summary of dashboards (`summary`)."""
