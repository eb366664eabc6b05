"""Tests of admissions/documents."""
