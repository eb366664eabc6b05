"""The meetings app's URLs: `meetings` (namespace "meetings") and `statistics` (namespace
"meeting_stats"), each included by chibo/urls.py."""
