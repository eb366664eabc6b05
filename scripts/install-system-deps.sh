#!/usr/bin/env bash
# Installs the Debian packages the test suite needs, when they are missing:
# Chromium (browser tests through Playwright), Pango and fonts (WeasyPrint PDF),
# gettext (translations), poppler-utils (tests read PDF text with pdftotext), faketime (CI runs
# the suite once more under a shifted wall clock). Safe to run again: it does nothing when all
# are there.
set -euo pipefail
need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v msgfmt >/dev/null 2>&1 || need+=(gettext)
command -v pdftotext >/dev/null 2>&1 || need+=(poppler-utils)
command -v faketime >/dev/null 2>&1 || need+=(faketime)
ldconfig -p 2>/dev/null | grep -q libpango-1.0 || need+=(libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0)
fc-list 2>/dev/null | grep -qi "DejaVu" || need+=(fonts-dejavu-core)
fc-list 2>/dev/null | grep -qi "Liberation Serif" || need+=(fonts-liberation2)
if [ ${#need[@]} -eq 0 ]; then
  exit 0
fi
if [ "$(id -u)" != "0" ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "chibo: please install these Debian packages: ${need[*]}" >&2
  exit 1
fi
echo "chibo: installing ${need[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -q >/dev/null
apt-get install -y -q --no-install-recommends "${need[@]}" >/dev/null
