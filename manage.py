#!/usr/bin/env python
"""Django's command-line utility for chibo."""

import os
import sys


def main():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "chibo.settings")
    import django
    from django.core.management import execute_from_command_line

    from chibo.config import ensure_database_reachable

    django.setup()
    ensure_database_reachable(sys.argv)
    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
