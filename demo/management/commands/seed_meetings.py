"""manage.py seed_meetings: a year of cell meetings with attendance for the demo cells."""

import time

from django.core.management.base import BaseCommand, CommandError
from django.db.models import Q

from demo import meetings
from demo.today import add_today_argument, today_from
from organizations.models import Organization


def n(value: int) -> str:
    return f"{value:,}".replace(",", ".")


class Command(BaseCommand):
    help = (
        "Tạo dữ liệu mẫu sinh hoạt chi bộ: một năm sinh hoạt định kỳ, chuyên đề và điểm danh "
        "cho mọi chi bộ của tỉnh mẫu (ghi theo lô, tất định theo hạt giống)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--year",
            type=int,
            default=None,
            help="Năm sinh hoạt (mặc định: năm trước, năm trọn vẹn gần nhất).",
        )
        parser.add_argument(
            "--this-year",
            action="store_true",
            help="Năm nay (theo --today): các buổi đến hôm nay đã sinh hoạt, sau đó còn kế hoạch.",
        )
        add_today_argument(parser)
        parser.add_argument(
            "--cells",
            default="demo",
            help=(
                "demo (mặc định): các chi bộ của tỉnh mẫu; all: mọi chi bộ trong cơ sở dữ liệu; "
                "hoặc danh sách id/mã tổ chức, cách nhau bởi dấu phẩy (các chi bộ trong cây con)."
            ),
        )
        parser.add_argument("--seed", type=int, default=meetings.SEED, help="Hạt giống ngẫu nhiên.")
        parser.add_argument(
            "--batch-size",
            type=int,
            default=meetings.BATCH_SIZE,
            help="Số dòng điểm danh mỗi lô (một giao dịch).",
        )
        parser.add_argument(
            "--no-history", action="store_true", help="Không ghi lịch sử thay đổi (nhanh hơn)."
        )

    def handle(self, *args, **options):
        today = today_from(options)
        if options["this_year"] and options["year"]:
            raise CommandError("Chỉ dùng một trong hai: --year hoặc --this-year.")
        year = today.year if options["this_year"] else options["year"] or today.year - 1
        if not 1930 <= year <= today.year:
            raise CommandError("--year không hợp lệ.")
        cells = self._cells(options["cells"], year)
        started = time.perf_counter()
        verbose = options["verbosity"] > 1

        def progress(result):
            if verbose:
                self.stdout.write(f"  {result.cells} chi bộ, {n(result.attendances)} điểm danh")

        result = meetings.seed_meetings(
            year=year,
            cells=cells,
            seed=options["seed"],
            batch_size=options["batch_size"],
            history=not options["no_history"],
            today=today,
            on_batch=progress,
        )
        if options["verbosity"] >= 1:
            text = (
                f"Năm {year}: {n(result.cells)} chi bộ, {n(result.meetings)} buổi sinh hoạt "
                f"({n(result.held)} đã sinh hoạt), {n(result.attendances)} lượt điểm danh "
                f"trong {time.perf_counter() - started:.1f} giây"
            )
            if result.skipped:
                text += f"; bỏ qua {result.skipped} chi bộ đã có dữ liệu năm {year}"
            self.stdout.write(text + ".")

    def _cells(self, value: str, year: int):
        if value == "demo":
            cells = meetings.demo_cells(year)
            if not cells.exists():
                raise CommandError("Chưa có dữ liệu mẫu: chạy manage.py seed_demo trước.")
            return cells
        if value == "all":
            return meetings.demo_cells(year, everything=True)
        q = Q(pk__in=[])
        for part in (p.strip() for p in value.split(",") if p.strip()):
            match = Q(code=part) | (Q(pk=int(part)) if part.isdigit() else Q(pk__in=[]))
            root = Organization.objects.filter(match).first()
            if root is None:
                raise CommandError(f"Không tìm thấy tổ chức {part!r}.")
            q |= root.subtree_q()
        return meetings.demo_cells(year, everything=True).filter(q)
