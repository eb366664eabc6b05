"""manage.py seed_demo: the demo province, its district and communes, members, accounts.

Every member comes with a party life planned by members.services.events (dated home
memberships, status events, transfers including the 2025 reorganization, exemptions,
badges): see demo.lives. `--members N` adds N more members to the current (not
dissolved) cells, in batches, for benchmarks (bench/seed_members.py).
"""

import time

from django.core.management.base import BaseCommand, CommandError
from django.db.models import ProtectedError

from demo import builders
from demo.accounts import DEMO_PASSWORD
from organizations.models import Organization


class Command(BaseCommand):
    help = (
        "Tạo dữ liệu mẫu: Đảng bộ tỉnh Lạng Sơn với một huyện kiểu trước 2025 (59 tổ chức "
        "cơ sở đảng) và hai đảng bộ xã hiện nay, đảng viên và tài khoản mẫu."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--if-empty",
            action="store_true",
            help="Không làm gì (và không in gì) nếu cơ sở dữ liệu đã có tổ chức đảng.",
        )
        parser.add_argument(
            "--reset",
            action="store_true",
            help="Xóa dữ liệu mẫu cũ (tỉnh mẫu, đảng viên và tài khoản mẫu) rồi tạo lại.",
        )
        parser.add_argument(
            "--members",
            type=int,
            default=0,
            metavar="N",
            help=(
                "Thêm N đảng viên (kèm quá trình sinh hoạt, sự kiện, chuyển sinh hoạt, huy hiệu) "
                "rải đều vào các chi bộ mẫu hiện nay (ghi theo lô, cho đo hiệu năng)."
            ),
        )
        parser.add_argument("--seed", type=int, default=builders.SEED, help="Hạt giống ngẫu nhiên.")
        parser.add_argument(
            "--batch-size", type=int, default=builders.BATCH_SIZE, help="Số đảng viên mỗi lô."
        )

    def handle(self, *args, **options):
        count = options["members"]
        if count < 0:
            raise CommandError("--members phải là số không âm.")
        if options["reset"]:
            try:
                builders.delete_demo()
            except ProtectedError as exc:
                raise CommandError(
                    f"Không xóa được dữ liệu mẫu vì còn bản ghi khác tham chiếu tới: {exc}"
                ) from exc
        elif Organization.objects.exists():
            if options["if_empty"]:
                return
            if not count:
                raise CommandError(
                    "Cơ sở dữ liệu đã có tổ chức đảng; dùng --reset để tạo lại dữ liệu mẫu, "
                    "hoặc --members N để thêm đảng viên."
                )
        if builders.demo_root() is None:
            started = time.perf_counter()
            made = builders.build_demo(options["seed"])
            if options["verbosity"] >= 1:
                self.stdout.write(
                    f"Đã tạo dữ liệu mẫu trong {time.perf_counter() - started:.1f} giây; "
                    f"{len(made)} tài khoản mẫu, mật khẩu: {DEMO_PASSWORD}"
                )
        if count:
            self._add_members(count, options)

    def _add_members(self, count, options):
        started = time.perf_counter()
        verbose = options["verbosity"] > 1

        def progress(done):
            if verbose:
                self.stdout.write(f"  {done:,} / {count:,}".replace(",", "."))

        added = builders.add_members(
            count, seed=options["seed"], batch_size=options["batch_size"], on_batch=progress
        )
        if options["verbosity"] >= 1:
            self.stdout.write(
                f"Đã thêm {added:,} đảng viên trong {time.perf_counter() - started:.1f} giây.".replace(
                    ",", "."
                )
            )
