"""Spreadsheet import and export of the register.

- `layout`: the sheets and columns (docs/import-format.md describes them for people);
- `reading`: opening an uploaded file safely and streaming its rows;
- `validation`: row-by-row checks, with problems by sheet, row and column;
- `writing`: the all-or-nothing apply, its dated changes planned and written in bulk
  by the one lifecycle (members.services.events: `plan_event`; members.services.bulk_events: `write_plans`);
- `template` / `export`: the Vietnamese template and the export in the same layout;
- `tasks`: the django-tasks task that runs a preview or an apply in the background.
"""
