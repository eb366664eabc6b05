"""core's URL modules, included by chibo/urls.py."""
