"""Tests of admissions/services."""
