"""Benchmark: the annual party-building report for a province and for one commune.

    .venv/bin/python bench/annual_report.py [--members 100000] [--year 2025]
        [--database-url postgres://postgres@127.0.0.1:5432/chibo_rpt_bench] [--keep]
        [--reuse] [--repeat 3] [--json]

Builds a province-size dataset in a fresh database (with --database-url that PostgreSQL
database is dropped and created anew, and dropped at the end unless --keep; otherwise
SQLite in a temporary directory): `migrate`, `seed_demo`, `seed_demo --members N`,
`seed_meetings --year Y`, `seed_party_work` (admissions with yearly and term targets,
training, reviews, discipline: without it sections III–VI would have little or no data),
each in a child process and timed. With --reuse an existing
database holding at least N members is used as it is.

Then, in this process, for the province (the root) and for the commune with the most
cells, it times every section of the report (reports.queries.annual.SECTIONS: best and median
of --repeat runs), counts each section's queries, and checks that the count is the same
for the commune and for the province (the statistics are aggregate queries whose number
does not grow with the data). On PostgreSQL it runs ANALYZE first (a bulk-loaded database
has no planner statistics until autovacuum gets to it). Finally it times the files once per organization: the
DOC-01 header (document number), the charts, the DOCX, the PDF and the XLSX annex.
"""

import argparse
import json
import os
import statistics as stats
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import django
import psycopg
from django.db import connection, reset_queries

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def _admin_url(url: str) -> tuple[str, str]:
    parts = urlsplit(url)
    name = parts.path.lstrip("/")
    if not name:
        sys.exit("bench: the PostgreSQL URL names no database")
    return urlunsplit(parts._replace(path="/postgres")), name


def recreate_postgres(url: str, drop_only: bool = False) -> None:
    admin_url, name = _admin_url(url)
    with psycopg.connect(admin_url, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        if not drop_only:
            conn.execute(f'CREATE DATABASE "{name}"')


def postgres_exists(url: str) -> bool:
    admin_url, name = _admin_url(url)
    with psycopg.connect(admin_url, autocommit=True) as conn:
        row = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
    return row is not None


def manage(*argv: str) -> float:
    started = time.perf_counter()
    subprocess.run([sys.executable, str(ROOT / "manage.py"), *argv], check=True, cwd=ROOT)
    return time.perf_counter() - started


def timed(function, repeat: int) -> dict:
    function()  # warm the caches and the connection
    reset_queries()
    before = len(connection.queries)
    function()
    queries = len(connection.queries) - before
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        function()
        times.append(time.perf_counter() - started)
    return {
        "best_s": round(min(times), 3),
        "median_s": round(stats.median(times), 3),
        "queries": queries,
    }


def once(function):
    started = time.perf_counter()
    value = function()
    return value, round(time.perf_counter() - started, 3)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--members", type=int, default=100_000)
    parser.add_argument("--year", type=int, default=date.today().year - 1)
    parser.add_argument("--database-url", default=os.environ.get("DATABASE_URL", ""))
    parser.add_argument("--keep", action="store_true", help="keep the PostgreSQL database")
    parser.add_argument("--reuse", action="store_true", help="use an existing dataset")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--json", action="store_true", help="print one JSON line of results")
    args = parser.parse_args()

    tmp = tempfile.TemporaryDirectory(prefix="chibo-rpt-bench-")
    os.environ["CHIBO_VAR_DIR"] = tmp.name
    postgres = args.database_url.startswith(("postgres://", "postgresql://"))
    if postgres:
        if not (args.reuse and postgres_exists(args.database_url)):
            recreate_postgres(args.database_url)
        os.environ["DATABASE_URL"] = args.database_url
    else:
        os.environ.pop("DATABASE_URL", None)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "chibo.settings")
    os.environ["DJANGO_DEBUG"] = "1"  # connection.queries counts the queries

    build = {}
    try:
        django.setup()

        from meetings.models import Attendance  # noqa: PLC0415 (reason: app-registry)
        from members.models import Member  # noqa: PLC0415 (reason: app-registry)
        from organizations.enums import CELL_KINDS, COMMUNE_KINDS  # noqa: PLC0415 (reason: app-registry)
        from organizations.models import Organization  # noqa: PLC0415 (reason: app-registry)
        from reports.documents import annual as documents  # noqa: PLC0415 (reason: app-registry)
        from reports.queries import annual  # noqa: PLC0415 (reason: app-registry)

        def have_dataset() -> bool:
            try:
                return Member.objects.count() >= args.members
            except Exception:  # no tables yet
                return False

        if not (args.reuse and have_dataset()):
            connection.close()
            build["migrate_s"] = round(manage("migrate", "--noinput", "-v0"), 1)
            build["seed_demo_s"] = round(manage("seed_demo", "-v0"), 1)
            build["members_s"] = round(
                manage("seed_demo", "--members", str(args.members), "-v0"), 1
            )
            build["seed_meetings_s"] = round(
                manage("seed_meetings", "--year", str(args.year), "-v1"), 1
            )
            if connection.vendor == "postgresql":
                # seed_party_work reads members and memberships: without planner
                # statistics on the bulk-loaded tables its queries take minutes each.
                with connection.cursor() as cursor:
                    cursor.execute("ANALYZE")
                connection.close()
            build["seed_party_work_s"] = round(manage("seed_party_work", "-v1"), 1)
        if connection.vendor == "postgresql":
            # Bulk COPY leaves the planner without statistics until autovacuum runs;
            # a live database has them. Without this the STA-01 plans are 6x slower.
            started = time.perf_counter()
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
            build["analyze_s"] = round(time.perf_counter() - started, 1)
        members = Member.objects.count()
        attendance = Attendance.objects.filter(meeting__held_on__year=args.year).count()
        province = Organization.objects.filter(depth=1).order_by("path").first()
        communes = Organization.objects.filter(
            province.subtree_q(), kind__in=COMMUNE_KINDS, dissolved_on__isnull=True
        )
        commune = max(
            communes,
            key=lambda c: Organization.objects.filter(c.subtree_q(), kind__in=CELL_KINDS).count(),
        )
        results = {}
        for name, root in (("province", province), ("commune", commune)):
            sections = {}
            built = []
            for key, function in annual.SECTIONS:
                sections[key] = timed(lambda f=function, r=root: f(r, args.year), args.repeat)
                section = function(root, args.year)
                sections[key]["has_data"] = section.has_data
                built.append(section)
            head = annual.headline(root, annual.as_of(args.year))
            header, header_s = once(lambda r=root: documents.header(r, args.year))
            charts, charts_s = once(lambda b=built: documents.charts_of(b))
            docx, docx_s = once(
                lambda h=header, b=built, c=charts: documents.build_docx(h, args.year, b, c)
            )
            pdf, pdf_s = once(
                lambda h=header, b=built, c=charts: documents.build_pdf(h, args.year, b, c)
            )
            xlsx, xlsx_s = once(lambda r=root, b=built: documents.build_xlsx(r, args.year, b))
            results[name] = {
                "organization": root.name,
                "members": head.members,
                "cells": Organization.objects.filter(root.subtree_q(), kind__in=CELL_KINDS).count(),
                "sections": sections,
                "sections_best_s": round(sum(s["best_s"] for s in sections.values()), 3),
                "files": {
                    "header_s": header_s,
                    "charts_s": charts_s,
                    "docx_s": docx_s,
                    "pdf_s": pdf_s,
                    "xlsx_s": xlsx_s,
                    "docx_kib": len(docx) // 1024,
                    "pdf_kib": len(pdf) // 1024,
                    "xlsx_kib": len(xlsx) // 1024,
                },
            }
        vendor = connection.vendor
        connection.close()
    finally:
        if postgres and not args.keep:
            recreate_postgres(args.database_url, drop_only=True)
        tmp.cleanup()

    mismatched = {
        key: (results["commune"]["sections"][key]["queries"], s["queries"])
        for key, s in results["province"]["sections"].items()
        if results["commune"]["sections"][key]["queries"] != s["queries"]
    }
    result = {
        "database": vendor,
        "year": args.year,
        "members": members,
        "attendance_rows": attendance,
        "build": build,
        **results,
        "query_counts_equal": not mismatched,
    }
    if args.json:
        print(json.dumps(result, ensure_ascii=False))
    else:
        print(
            f"Database: {vendor}; {members:,} members; {attendance:,} attendance rows in {args.year}"
        )
        if build:
            print("Build:    " + ", ".join(f"{k} {v} s" for k, v in build.items()))
        for name in ("province", "commune"):
            r = results[name]
            print(f"\n{name}: {r['organization']} ({r['members']:,} members, {r['cells']} cells)")
            print(f"  {'section':12} {'best s':>8} {'median s':>9} {'queries':>8}  data")
            for key, s in r["sections"].items():
                print(
                    f"  {key:12} {s['best_s']:>8} {s['median_s']:>9} {s['queries']:>8}  "
                    f"{'yes' if s['has_data'] else 'no'}"
                )
            print(f"  {'all sections':12} {r['sections_best_s']:>8}")
            f = r["files"]
            print(
                f"  files: header {f['header_s']} s, charts {f['charts_s']} s, DOCX {f['docx_s']} s "
                f"({f['docx_kib']} KiB), PDF {f['pdf_s']} s ({f['pdf_kib']} KiB), "
                f"XLSX {f['xlsx_s']} s ({f['xlsx_kib']} KiB)"
            )
    if mismatched:
        sys.exit(f"bench: query counts differ between commune and province: {mismatched}")


if __name__ == "__main__":
    main()
