"""Meeting screens: thin views over meetings.queries (reads) and meetings.services (writes).

A meeting or cell outside the user's reach is a 404; a member of the cell reads its
meetings but a write answers 403 (meetings.permissions). Split by area; the URL modules
import each view from its module.
"""
