"""Benchmark: the meeting compliance statistics (ORM) against hand-written SQL.

    .venv/bin/python bench/meeting_statistics.py [--members 100000] [--year 2025]
        [--database-url postgres://postgres@127.0.0.1:5432/chibo_mtg_bench] [--keep]
        [--var-dir DIR] [--reuse] [--repeat 5] [--json]

Builds a province-size dataset in a fresh database (SQLite in a temporary directory, or
--var-dir; with --database-url that PostgreSQL database is dropped and created anew, and
dropped at the end unless --keep): `migrate`, `seed_demo`, `seed_demo --members N`,
`seed_meetings --year Y`, each in a child process and timed. With --reuse an existing
database that already holds the year's attendance is used as it is.

On PostgreSQL the database is ANALYZEd first (autovacuum has not caught up with the bulk
load). Then, in this process, it times `meetings.queries.statistics.result.compliance()` for the whole province
and for the commune with the most cells, and next to each the same figures computed by
hand-written SQL (three statements, the same buckets and definitions), checks that both
give the same numbers, and reports the best and median of --repeat runs of each (run
alternately, so that load from other jobs hits both alike) and the ratio ORM / SQL.
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
MIN_ATTENDANCE = 1_000_000


def recreate_postgres(url: str, drop_only: bool = False) -> None:
    parts = urlsplit(url)
    name = parts.path.lstrip("/")
    if not name:
        sys.exit("bench: the PostgreSQL URL names no database")
    admin_url = urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(admin_url, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        if not drop_only:
            conn.execute(f'CREATE DATABASE "{name}"')


def postgres_exists(url: str) -> bool:
    parts = urlsplit(url)
    admin_url = urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(admin_url, autocommit=True) as conn:
        row = conn.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", [parts.path.lstrip("/")]
        ).fetchone()
    return row is not None


def manage(*argv: str) -> float:
    started = time.perf_counter()
    subprocess.run([sys.executable, str(ROOT / "manage.py"), *argv], check=True, cwd=ROOT)
    return time.perf_counter() - started


# --- Hand-written SQL ----------------------------------------------------------------


def _sql_parts(vendor: str):
    if vendor == "postgresql":

        def month(col):
            return f"(EXTRACT(YEAR FROM {col})::int * 12 + EXTRACT(MONTH FROM {col})::int - 1)"

        def quarter_key(col):
            return f"(EXTRACT(YEAR FROM {col})::int * 10 + EXTRACT(QUARTER FROM {col})::int)"

        return month, quarter_key, "GREATEST", "LEAST"

    def month(col):
        return (
            f"(CAST(strftime('%%Y', {col}) AS INTEGER) * 12"
            f" + CAST(strftime('%%m', {col}) AS INTEGER) - 1)"
        )

    def quarter_key(col):
        return (
            f"(CAST(strftime('%%Y', {col}) AS INTEGER) * 10"
            f" + (CAST(strftime('%%m', {col}) AS INTEGER) + 2) / 3)"
        )

    return month, quarter_key, "MAX", "MIN"


BASE = (
    "(NOT a.temporary AND NOT a.away AND NOT a.exempted"
    " AND (NOT a.on_special_duty OR a.status = 'present'))"
)


def raw_compliance(root_path: str, period) -> dict:
    """The compliance figures by hand-written SQL: {category: {...}} (three statements)."""
    month, quarter_key, greatest, least = _sql_parts(connection.vendor)
    start, end = period.starts_on.isoformat(), period.ends_on.isoformat()
    first, last = period.first_index, period.last_index
    cells_where = (
        "o.path LIKE %s AND o.kind IN ('cell', 'grassroots_cell')"
        " AND (o.established_on IS NULL OR o.established_on <= %s)"
        " AND (o.dissolved_on IS NULL OR o.dissolved_on >= %s)"
    )
    cell_params = [root_path + "%", end, start]
    quarters = period.quarters
    t_cols = ", ".join(
        f"SUM(CASE WHEN m.kind = 'thematic' AND m.held_on BETWEEN '{q.starts_on}'"
        f" AND '{q.ends_on}' THEN 1 ELSE 0 END) AS t{i}"
        for i, q in enumerate(quarters)
    )
    gap = " OR ".join(
        f"(COALESCE(h.t{i}, 0) = 0"
        f" AND (c.established_on IS NULL OR c.established_on <= '{q.ends_on}')"
        f" AND (c.dissolved_on IS NULL OR c.dissolved_on >= '{q.starts_on}'))"
        for i, q in enumerate(quarters)
    )
    expected = (
        f"({least}({last}, COALESCE({month('c.dissolved_on')}, {last}))"
        f" - {greatest}({first}, COALESCE({month('c.established_on')}, {first})) + 1)"
    )
    cells_sql = f"""
        WITH c AS (SELECT o.id, o.category, o.established_on, o.dissolved_on
                   FROM organizations_organization o WHERE {cells_where}),
        h AS (SELECT m.organization_id AS cell_id,
                     COUNT(DISTINCT CASE WHEN m.kind = 'periodic'
                                    THEN {month("m.held_on")} END) AS months_held,
                     {t_cols}
              FROM meetings_meeting m JOIN c ON c.id = m.organization_id
              WHERE m.state = 'held' AND m.held_on BETWEEN %s AND %s
              GROUP BY m.organization_id),
        att AS (SELECT m.organization_id AS cell_id,
                       SUM(CASE WHEN {BASE} THEN 1 ELSE 0 END) AS base,
                       SUM(CASE WHEN {BASE} AND a.status = 'present' THEN 1 ELSE 0 END)
                           AS present
                FROM meetings_attendance a
                JOIN meetings_meeting m ON m.id = a.meeting_id
                JOIN c ON c.id = m.organization_id
                WHERE m.state = 'held' AND m.held_on BETWEEN %s AND %s
                GROUP BY m.organization_id),
        per_cell AS (
            SELECT c.category,
                   CASE WHEN COALESCE(h.months_held, 0) >= {expected} THEN 'full'
                        WHEN COALESCE(h.months_held, 0) * 4 >= {expected} * 3 THEN 'mid'
                        ELSE 'low' END AS bucket,
                   CASE WHEN {gap} THEN 1 ELSE 0 END AS gap,
                   COALESCE(att.base, 0) AS base, COALESCE(att.present, 0) AS present
            FROM c LEFT JOIN h ON h.cell_id = c.id LEFT JOIN att ON att.cell_id = c.id)
        SELECT category, bucket, COUNT(*), SUM(gap),
               SUM(CASE WHEN base > 0 THEN 1 ELSE 0 END),
               SUM(CASE WHEN base > 0 AND present * 100 > base * 85 THEN 1 ELSE 0 END)
        FROM per_cell GROUP BY category, bucket
    """
    attendance_sql = f"""
        WITH c AS (SELECT o.id, o.category FROM organizations_organization o
                   WHERE {cells_where}),
        pm AS (SELECT m.organization_id AS cell_id,
                      SUM(CASE WHEN {BASE} THEN 1 ELSE 0 END) AS base,
                      SUM(CASE WHEN {BASE} AND a.status = 'present' THEN 1 ELSE 0 END)
                          AS present,
                      SUM(CASE WHEN a.status = 'unexcused' THEN 1 ELSE 0 END) AS unexcused
               FROM meetings_attendance a
               JOIN meetings_meeting m ON m.id = a.meeting_id
               JOIN c ON c.id = m.organization_id
               WHERE m.state = 'held' AND m.held_on BETWEEN %s AND %s
               GROUP BY a.meeting_id, m.organization_id)
        SELECT c.category, SUM(pm.base), SUM(pm.present), SUM(pm.unexcused),
               SUM(CASE WHEN pm.base > 0 THEN 1 ELSE 0 END),
               SUM(CASE WHEN pm.present * 100 > pm.base * 85 THEN 1 ELSE 0 END)
        FROM pm JOIN c ON c.id = pm.cell_id GROUP BY c.category
    """
    meetings_sql = f"""
        SELECT o.category, m.kind, {quarter_key("m.held_on")}, COUNT(*)
        FROM meetings_meeting m JOIN organizations_organization o ON o.id = m.organization_id
        WHERE m.state = 'held' AND m.held_on BETWEEN %s AND %s AND {cells_where}
        GROUP BY o.category, m.kind, {quarter_key("m.held_on")}
    """
    out: dict = {}

    def row(category):
        return out.setdefault(
            category or "",
            {
                "cells": 0,
                "full": 0,
                "mid": 0,
                "low": 0,
                "gap": 0,
                "cells_measured": 0,
                "cells_ok": 0,
                "base": 0,
                "present": 0,
                "unexcused": 0,
                "meetings_measured": 0,
                "meetings_ok": 0,
                "periodic": 0,
                "thematic": 0,
            },
        )

    with connection.cursor() as cursor:
        cursor.execute(cells_sql, [*cell_params, start, end, start, end])
        for category, bucket, n, gaps, measured, ok in cursor.fetchall():
            r = row(category)
            r["cells"] += n
            r[bucket] += n
            r["gap"] += int(gaps or 0)
            r["cells_measured"] += int(measured or 0)
            r["cells_ok"] += int(ok or 0)
        cursor.execute(attendance_sql, [*cell_params, start, end])
        for category, base, present, unexcused, measured, ok in cursor.fetchall():
            r = row(category)
            r["base"] += int(base or 0)
            r["present"] += int(present or 0)
            r["unexcused"] += int(unexcused or 0)
            r["meetings_measured"] += int(measured or 0)
            r["meetings_ok"] += int(ok or 0)
        cursor.execute(meetings_sql, [start, end, *cell_params])
        for category, kind, _q, n in cursor.fetchall():
            r = row(category)
            if kind in ("periodic", "thematic"):
                r[kind] += n
    return out


def orm_figures(result) -> dict:
    """compliance() in the shape of raw_compliance(), to check that both agree."""
    out = {}
    for r in result.rows:
        out[r.category] = {
            "cells": r.cells,
            "full": r.buckets["full"],
            "mid": r.buckets["mid"],
            "low": r.buckets["low"],
            "gap": r.quarter_gap,
            "cells_measured": r.cells_measured,
            "cells_ok": r.cells_on_target,
            "base": r.base,
            "present": r.present,
            "unexcused": r.unexcused,
            "meetings_measured": r.meetings_measured,
            "meetings_ok": r.meetings_on_target,
            "periodic": r.periodic,
            "thematic": sum(r.thematic.values()),
        }
    return out


def time_pair(orm, raw, repeat: int) -> dict:
    orm_times, raw_times = [], []
    orm(), raw()  # warm the caches and the connection
    reset_queries()
    queries_before = len(connection.queries)
    orm()
    queries = len(connection.queries) - queries_before
    for _ in range(repeat):
        started = time.perf_counter()
        orm()
        orm_times.append(time.perf_counter() - started)
        started = time.perf_counter()
        raw()
        raw_times.append(time.perf_counter() - started)
    orm_best, raw_best = min(orm_times), min(raw_times)
    return {
        "orm_best_s": round(orm_best, 3),
        "orm_median_s": round(stats.median(orm_times), 3),
        "sql_best_s": round(raw_best, 3),
        "sql_median_s": round(stats.median(raw_times), 3),
        "ratio_best": round(orm_best / raw_best, 2),
        "ratio_median": round(stats.median(orm_times) / stats.median(raw_times), 2),
        "orm_queries": queries,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--members", type=int, default=100_000)
    parser.add_argument("--year", type=int, default=date.today().year - 1)
    parser.add_argument("--database-url", default=os.environ.get("DATABASE_URL", ""))
    parser.add_argument("--keep", action="store_true", help="keep the PostgreSQL database")
    parser.add_argument("--var-dir", default="", help="SQLite: keep the database in DIR")
    parser.add_argument("--reuse", action="store_true", help="use an existing dataset")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--json", action="store_true", help="print one JSON line of results")
    args = parser.parse_args()

    tmp = None
    if args.var_dir:
        Path(args.var_dir).mkdir(parents=True, exist_ok=True)
        os.environ["CHIBO_VAR_DIR"] = args.var_dir
    else:
        tmp = tempfile.TemporaryDirectory(prefix="chibo-bench-")
        os.environ["CHIBO_VAR_DIR"] = tmp.name
    postgres = args.database_url.startswith(("postgres://", "postgresql://"))
    if postgres:
        if not (args.reuse and postgres_exists(args.database_url)):
            recreate_postgres(args.database_url)
        os.environ["DATABASE_URL"] = args.database_url
    else:
        os.environ.pop("DATABASE_URL", None)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "chibo.settings")
    os.environ["DJANGO_DEBUG"] = "1"  # connection.queries counts the ORM's queries
    sys.path.insert(0, str(ROOT))

    build = {}
    try:
        django.setup()

        from meetings.models import Attendance  # noqa: PLC0415 (reason: app-registry)
        from meetings.queries.statistics.base import Period  # noqa: PLC0415 (reason: app-registry)
        from meetings.queries.statistics.result import compliance  # noqa: PLC0415 (reason: app-registry)
        from members.models import Member  # noqa: PLC0415 (reason: app-registry)
        from organizations.enums import CELL_KINDS, COMMUNE_KINDS  # noqa: PLC0415 (reason: app-registry)
        from organizations.models import Organization  # noqa: PLC0415 (reason: app-registry)

        def have_dataset() -> bool:
            try:
                return (
                    Attendance.objects.filter(meeting__held_on__year=args.year).count()
                    >= MIN_ATTENDANCE
                )
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
            # After a bulk load autovacuum has not analyzed the tables yet; without
            # statistics PostgreSQL plans the hand-written joins for empty tables (one
            # took minutes). A database in use has them; so does this one from here.
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
        members = Member.objects.count()
        attendance = Attendance.objects.filter(meeting__held_on__year=args.year).count()
        period = Period.year(args.year)
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
            orm = orm_figures(compliance(root, period))
            raw = raw_compliance(root.path, period)
            if orm != raw:
                print(json.dumps({"orm": orm, "raw": raw}, indent=1), file=sys.stderr)
                sys.exit(f"bench: ORM and SQL disagree for {root}")
            timing = time_pair(
                lambda r=root: compliance(r, period),
                lambda r=root: raw_compliance(r.path, period),
                args.repeat,
            )
            cells = sum(v["cells"] for v in orm.values())
            results[name] = {"organization": root.name, "cells": cells, **timing}
        vendor = connection.vendor
        connection.close()
    finally:
        if postgres and not args.keep:
            recreate_postgres(args.database_url, drop_only=True)
        if tmp is not None:
            tmp.cleanup()

    result = {
        "database": vendor,
        "year": args.year,
        "members": members,
        "attendance_rows": attendance,
        "build": build,
        **results,
    }
    if args.json:
        print(json.dumps(result, ensure_ascii=False))
        return
    print(f"Database: {vendor}; {members:,} members; {attendance:,} attendance rows in {args.year}")
    if build:
        print("Build:    " + ", ".join(f"{k} {v} s" for k, v in build.items()))
    for name in ("province", "commune"):
        r = results[name]
        print(
            f"{name:9} {r['organization']} ({r['cells']} cells): ORM {r['orm_best_s']} s "
            f"(median {r['orm_median_s']}, {r['orm_queries']} queries), SQL {r['sql_best_s']} s "
            f"(median {r['sql_median_s']}), ratio {r['ratio_best']} (median {r['ratio_median']})"
        )


if __name__ == "__main__":
    main()
