"""Tests of admissions/views."""
