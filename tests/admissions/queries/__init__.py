"""Tests of admissions/queries."""
