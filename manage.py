#!/usr/bin/env python
"""Django's command-line utility for chibo."""

import os
import sys

import django
from django.core.management import execute_from_command_line

from chibo.config import ensure_database_reachable


def main():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "chibo.settings")
    django.setup()
    ensure_database_reachable(sys.argv)
    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
