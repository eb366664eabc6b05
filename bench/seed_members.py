"""Benchmark: how fast `manage.py seed_demo --members N` generates members.

    .venv/bin/python bench/seed_members.py [--members 100000] [--database-url URL] [--json]

Creates a fresh database (SQLite in a temporary directory by default; with
--database-url postgres://user@host:5432/name, or DATABASE_URL in the environment,
that PostgreSQL database is dropped and created anew, and dropped again at the end
unless --keep), migrates, runs `seed_demo`, then times `seed_demo --members N` and
reports the seconds (wall clock, and CPU of this process: the machine is shared), the
rows written (each member comes with memberships, events, transfers, exemptions and
badges, and every row with its history row) and the peak resident memory (ru_maxrss) of
the process that runs that step (migrate and seed_demo run in child processes first).
"""

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import django
import psycopg
from django.core.management import call_command
from django.db import connection

ROOT = Path(__file__).resolve().parent.parent


def cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def peak_mib() -> float:
    # ru_maxrss is in kibibytes on Linux.
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


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


def manage(*argv: str) -> None:
    subprocess.run([sys.executable, str(ROOT / "manage.py"), *argv], check=True, cwd=ROOT)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--members", type=int, default=100_000)
    parser.add_argument("--batch-size", type=int, default=5000)
    parser.add_argument("--database-url", default=os.environ.get("DATABASE_URL", ""))
    parser.add_argument("--keep", action="store_true", help="keep the PostgreSQL database")
    parser.add_argument("--json", action="store_true", help="print one JSON line of results")
    args = parser.parse_args()

    tmp = tempfile.TemporaryDirectory(prefix="chibo-bench-")
    os.environ["CHIBO_VAR_DIR"] = tmp.name
    postgres = args.database_url.startswith(("postgres://", "postgresql://"))
    if postgres:
        recreate_postgres(args.database_url)
        os.environ["DATABASE_URL"] = args.database_url
    else:
        os.environ.pop("DATABASE_URL", None)  # SQLite under the temporary directory
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "chibo.settings")
    os.environ.setdefault("DJANGO_DEBUG", "1")
    sys.path.insert(0, str(ROOT))

    # Migrate and build the demo in child processes, so that this process's peak memory
    # (ru_maxrss) is the members step's alone (argon2 hashing of the demo passwords
    # alone takes 100 MiB).
    try:
        started = time.perf_counter()
        manage("migrate", "--noinput", "-v0")
        migrated = time.perf_counter()
        manage("seed_demo", "-v0")
        seeded = time.perf_counter()

        django.setup()

        from members.models import Badge, Exemption, Member, MemberEvent, Membership, Transfer  # noqa: PLC0415 (reason: app-registry)

        register = (Member, Membership, MemberEvent, Transfer, Exemption, Badge)
        counts_before = {m.__name__: m.objects.count() for m in register}
        base_members = counts_before["Member"]
        peak_before = peak_mib()
        cpu_before = cpu_seconds()
        step_started = time.perf_counter()
        call_command(
            "seed_demo",
            members=args.members,
            batch_size=args.batch_size,
            verbosity=0,
            stdout=open(os.devnull, "w"),  # noqa: SIM115
        )
        step = time.perf_counter() - step_started
        cpu = cpu_seconds() - cpu_before
        peak_after = peak_mib()
        rows = {m.__name__: m.objects.count() - counts_before[m.__name__] for m in register}
        assert rows["Member"] == args.members
        vendor = connection.vendor
        connection.close()
    finally:
        if postgres and not args.keep:
            recreate_postgres(args.database_url, drop_only=True)
        tmp.cleanup()

    result = {
        "database": vendor,
        "members": args.members,
        "batch_size": args.batch_size,
        "migrate_seconds": round(migrated - started, 2),
        "seed_demo_seconds": round(seeded - migrated, 2),
        "seed_demo_members": base_members,
        "members_seconds": round(step, 2),
        "members_per_second": round(args.members / step) if step else None,
        "members_cpu_seconds": round(cpu, 2),
        "rows": rows,
        "rows_with_history": 2 * sum(rows.values()),
        "peak_rss_mib_before": round(peak_before, 1),
        "peak_rss_mib_after": round(peak_after, 1),
    }
    if args.json:
        print(json.dumps(result))
        return
    print(f"Database:            {result['database']}")
    print(f"migrate:             {result['migrate_seconds']:.2f} s")
    print(f"seed_demo:           {result['seed_demo_seconds']:.2f} s ({base_members} members)")
    print(
        f"--members {args.members}: {step:.2f} s "
        f"({result['members_per_second']} members/s, batches of {args.batch_size})"
    )
    print(f"CPU of the step:     {cpu:.2f} s (this process; the database server's not included)")
    print("Rows written:        " + ", ".join(f"{k} {v}" for k, v in rows.items()))
    print(f"                     {result['rows_with_history']} with their history rows")
    print(f"Peak RSS:            {peak_before:.0f} MiB before, {peak_after:.0f} MiB after")


if __name__ == "__main__":
    main()
