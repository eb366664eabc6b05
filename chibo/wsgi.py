import os

from django.core.wsgi import get_wsgi_application

from chibo.config import ensure_database_reachable

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "chibo.settings")
application = get_wsgi_application()
# A web server started against a database it cannot reach stops with one line.
ensure_database_reachable(["wsgi", "serve"])
