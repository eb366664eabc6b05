"""Benchmark: importing members from XLSX with full validation (members.imports).

    .venv/bin/python bench/import_members.py [--members 100000] [--database-url URL] [--json]
        [--shared-strings]

Creates a fresh database as bench/seed_members.py does (SQLite in a temporary directory;
with --database-url postgres://… that database is dropped and created anew, and dropped
at the end unless --keep), migrates and runs `seed_demo` in child processes, generates an
XLSX of N members in the import layout for the demo's cells in another child process
(openpyxl write-only: text as inline strings; with --shared-strings rewritten with a
shared-strings table, as Excel saves text), then, in this process, as an officer of the
demo province:

1. the preview: every row read and checked, nothing written (`run_import(apply=False)`);
2. the apply: the same checks again plus the writes, in one transaction (`apply=True`);
3. the re-import of the same file (every row matched, nothing changed).

For each step it reports the seconds, rows per second and the peak resident memory of
this process (resource.getrusage ru_maxrss) after the step, and the load average then (the
machine may be shared). The write rate is the rows divided by (apply − preview) seconds.
"""

import argparse
import cProfile
import json
import os
import pstats
import random
import re
import resource
import subprocess
import sys
import tempfile
import time
import zipfile
from datetime import date, timedelta
from pathlib import Path

import django
from django.db import connection
from openpyxl import Workbook

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from seed_members import manage, recreate_postgres  # noqa: E402


def peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def generate(path: str, count: int, seed: int = 2026) -> None:
    """Write `count` members of the demo's cells in the import layout (child process)."""
    django.setup()

    from demo.names import FAMILY_NAMES, FEMALE_GIVEN, FEMALE_MIDDLE, MALE_GIVEN, MALE_MIDDLE  # noqa: PLC0415 (reason: app-registry)
    from members.imports.layout import MEMBER_COLUMNS, MEMBER_SHEET  # noqa: PLC0415 (reason: app-registry)
    from organizations.enums import CELL_KINDS  # noqa: PLC0415 (reason: app-registry)
    from organizations.models import Organization  # noqa: PLC0415 (reason: app-registry)

    cells = list(
        Organization.objects.filter(
            kind__in=CELL_KINDS, code__isnull=False, dissolved_on__isnull=True
        ).values_list("code", flat=True)
    )
    rng = random.Random(seed)
    families = [name for name, _weight in FAMILY_NAMES]
    male_middle = [m if isinstance(m, str) else m[0] for m in MALE_MIDDLE]
    female_middle = [m if isinstance(m, str) else m[0] for m in FEMALE_MIDDLE]
    today = date.today()
    educations = ["Trung học phổ thông", "Trung học cơ sở", "Tiểu học"]
    qualifications = ["Đại học", "Cao đẳng", "Trung cấp", "Chưa qua đào tạo", "Thạc sĩ"]
    theory = ["Sơ cấp", "Trung cấp", "Cao cấp", "Chưa qua đào tạo"]
    occupations = ["Nông dân", "Cán bộ, công chức", "Viên chức", "Hưu trí", "Công nhân"]
    wb = Workbook(write_only=True)
    ws = wb.create_sheet(MEMBER_SHEET)
    ws.append([c.header for c in MEMBER_COLUMNS])
    keys = [c.key for c in MEMBER_COLUMNS]
    for i in range(count):
        female = rng.random() < 0.4
        sex = "Nữ" if female else "Nam"
        middle = rng.choice(female_middle if female else male_middle)
        given = rng.choice(FEMALE_GIVEN if female else MALE_GIVEN)
        name = f"{rng.choice(families)} {middle} {given}"
        born = date(1945, 1, 1) + timedelta(days=rng.randint(0, 365 * 55))
        admitted = born + timedelta(days=365 * 18 + rng.randint(200, 365 * 25))
        if admitted > today - timedelta(days=30):
            admitted = today - timedelta(days=rng.randint(30, 300))
        full = admitted + timedelta(days=366 + rng.randint(0, 120))
        full = full if full <= today else None
        century = 0 if born.year < 2000 else 2
        cid = f"096{century + (1 if female else 0)}{born.year % 100:02d}{i:06d}"
        as_text = i % 2 == 0  # half the dates as dd/mm/yyyy text, half as real dates
        row = {
            "organization": rng.choice(cells),
            "full_name": name,
            "sex": sex,
            "date_of_birth": born.strftime("%d/%m/%Y") if as_text else born,
            "citizen_id": cid,
            "ethnicity": rng.choice(["Tày", "Nùng", "Kinh", "Dao"]),
            "religion": "Không",
            "home_town": "Tràng Định, Lạng Sơn",
            "address": f"Thôn {rng.randint(1, 30)}",
            "phone": f"09{rng.randint(10_000_000, 99_999_999)}",
            "education": rng.choice(educations),
            "qualification": rng.choice(qualifications),
            "theory_level": rng.choice(theory),
            "occupation": rng.choice(occupations),
            "admitted_on": admitted.strftime("%d/%m/%Y") if as_text else admitted,
            "full_member_on": (full.strftime("%d/%m/%Y") if as_text else full) if full else None,
            "card_number": f"NB{i + 1:08d}",
            "file_number": f"LL{i + 1}",
        }
        ws.append([row.get(k) for k in keys])
    wb.save(path)


def to_shared_strings(path: str) -> int:
    """Rewrite the file's inline strings as a shared-strings table, as Excel saves text.

    openpyxl's write-only files keep text in the cells (inline strings); a file saved by
    Excel refers to one table of every distinct text (`xl/sharedStrings.xml`), which the
    reader must hold or store before the first row. Returns the distinct strings.
    """
    inline = re.compile(rb'<c r="([A-Z]+\d+)" t="inlineStr"><is><t>(.*?)</t></is></c>')
    index: dict[bytes, int] = {}

    def shared(m: re.Match) -> bytes:
        number = index.setdefault(m.group(2), len(index))
        return b'<c r="%s" t="s"><v>%d</v></c>' % (m.group(1), number)

    main_ns = b"http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    rel = b"http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings"
    ctype = b"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"
    rewritten = path + ".sst"
    with (
        zipfile.ZipFile(path) as zin,
        zipfile.ZipFile(rewritten, "w", zipfile.ZIP_DEFLATED) as zout,
    ):
        for info in zin.infolist():
            data = zin.read(info.filename)
            if info.filename.startswith("xl/worksheets/"):
                data = inline.sub(shared, data)
            elif info.filename == "[Content_Types].xml":
                override = b'<Override PartName="/xl/sharedStrings.xml" ContentType="%s"/>' % ctype
                data = data.replace(b"</Types>", override + b"</Types>")
            elif info.filename == "xl/_rels/workbook.xml.rels":
                link = b'<Relationship Id="rIdSST" Type="%s" Target="sharedStrings.xml"/>' % rel
                data = data.replace(b"</Relationships>", link + b"</Relationships>")
            zout.writestr(info.filename, data)
        head = b'<sst xmlns="%s" count="%d" uniqueCount="%d">' % (main_ns, len(index), len(index))
        items = b"".join(b"<si><t>" + text + b"</t></si>" for text in index)
        zout.writestr("xl/sharedStrings.xml", head + items + b"</sst>")
    os.replace(rewritten, path)
    return len(index)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--members", type=int, default=100_000)
    parser.add_argument("--database-url", default=os.environ.get("DATABASE_URL", ""))
    parser.add_argument("--keep", action="store_true", help="keep the PostgreSQL database")
    parser.add_argument("--json", action="store_true", help="print one JSON line of results")
    parser.add_argument("--generate", help=argparse.SUPPRESS)  # child: write the XLSX there
    parser.add_argument("--no-reimport", action="store_true", help="skip step 3")
    parser.add_argument("--profile", action="store_true", help="cProfile the preview")
    parser.add_argument(
        "--shared-strings",
        action="store_true",
        help="text in a shared-strings table, as Excel saves it (default: inline strings)",
    )
    args = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "chibo.settings")
    if args.generate:
        generate(args.generate, args.members)
        if args.shared_strings:  # here, not in the measuring process (its peak memory)
            print(to_shared_strings(args.generate))
        return

    tmp = tempfile.TemporaryDirectory(prefix="chibo-bench-import-")
    os.environ["CHIBO_VAR_DIR"] = tmp.name
    # Production settings (no query log), with a throw-away key for this run only.
    os.environ.setdefault("DJANGO_DEBUG", "0")
    os.environ.setdefault("DJANGO_SECRET_KEY", os.urandom(32).hex())
    postgres = args.database_url.startswith(("postgres://", "postgresql://"))
    if postgres:
        recreate_postgres(args.database_url)
        os.environ["DATABASE_URL"] = args.database_url
    else:
        os.environ.pop("DATABASE_URL", None)
    xlsx = str(Path(tmp.name) / "members.xlsx")
    result: dict = {"members": args.members}
    try:
        manage("migrate", "--noinput", "-v0")
        manage("seed_demo", "-v0")
        started = time.perf_counter()
        generated = subprocess.run(
            [sys.executable, __file__, "--generate", xlsx, "--members", str(args.members)]
            + (["--shared-strings"] if args.shared_strings else []),
            check=True,
            cwd=ROOT,
            stdout=subprocess.PIPE,
            text=True,
        )
        if args.shared_strings:
            result["shared_strings"] = int(generated.stdout.split()[-1])
        result["generate_seconds"] = round(time.perf_counter() - started, 1)
        result["file_mib"] = round(os.path.getsize(xlsx) / 1024 / 1024, 1)

        django.setup()

        from accounts.enums import Role  # noqa: PLC0415 (reason: app-registry)
        from accounts.models import RoleAssignment, User  # noqa: PLC0415 (reason: app-registry)
        from members.imports.writing import run_import  # noqa: PLC0415 (reason: app-registry)
        from members.models import Member  # noqa: PLC0415 (reason: app-registry)
        from organizations.models import Organization  # noqa: PLC0415 (reason: app-registry)

        root = Organization.objects.filter(depth=1).first()
        user = User.objects.create(username="bench-officer", full_name="Bench")
        RoleAssignment.objects.create(
            user=user, role=Role.OFFICER, organization=root, starts_on=date(2020, 1, 1)
        )
        result["database"] = connection.vendor
        result["peak_rss_mib_start"] = round(peak_mib(), 1)
        before = Member.objects.count()

        steps = [("preview", False), ("apply", True)]
        if not args.no_reimport:
            steps.append(("reimport", True))
        for name, apply in steps:
            t0 = time.perf_counter()
            if args.profile and name == "preview":
                profiler = cProfile.Profile()
                report = profiler.runcall(run_import, xlsx, user=user, apply=apply)
                pstats.Stats(profiler).sort_stats("cumulative").print_stats(30)
            else:
                report = run_import(xlsx, user=user, apply=apply)
            seconds = time.perf_counter() - t0
            if report["file_error"] or report["problem_count"]:
                sys.exit(
                    f"bench: {name} found problems: {report['file_error']} {report['problems'][:5]}"
                )
            result[f"{name}_seconds"] = round(seconds, 2)
            result[f"{name}_rows_per_second"] = round(args.members / seconds)
            result[f"{name}_peak_rss_mib"] = round(peak_mib(), 1)
            result[f"{name}_loadavg"] = [round(x, 2) for x in os.getloadavg()]
            result[f"{name}_counts"] = {
                k: v for k, v in report["counts"].items() if k.startswith("member")
            }
        assert Member.objects.count() == before + args.members
        write_seconds = result["apply_seconds"] - result["preview_seconds"]
        result["write_rows_per_second"] = (
            round(args.members / write_seconds) if write_seconds > 0 else None
        )
        connection.close()
    finally:
        if postgres and not args.keep:
            recreate_postgres(args.database_url, drop_only=True)
        tmp.cleanup()

    if args.json:
        print(json.dumps(result))
        return
    print(f"Database:        {result['database']}")
    print(
        f"File:            {args.members} members, {result['file_mib']} MiB "
        f"(generated in {result['generate_seconds']} s)"
        + (f", {result['shared_strings']} shared strings" if args.shared_strings else "")
    )
    print(f"Peak RSS start:  {result['peak_rss_mib_start']} MiB")
    for name in ("preview", "apply", "reimport"):
        if f"{name}_seconds" in result:
            print(
                f"{name:<16} {result[f'{name}_seconds']:>7.2f} s  "
                f"{result[f'{name}_rows_per_second']:>6} rows/s  "
                f"peak RSS {result[f'{name}_peak_rss_mib']} MiB  "
                f"load {result[f'{name}_loadavg']}  {result[f'{name}_counts']}"
            )
    print(f"Writing alone:   {result['write_rows_per_second']} rows/s (apply − preview)")


if __name__ == "__main__":
    main()
