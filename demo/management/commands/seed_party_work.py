"""manage.py seed_party_work: admissions, training, reviews and discipline for the demo.

Run after seed_demo (and seed_meetings when present); see demo.party_work.
"""

import time

from django.core.management.base import BaseCommand, CommandError

from demo import party_work
from demo.builders import demo_root
from demo.today import add_today_argument, today_from


class Command(BaseCommand):
    help = (
        "Tạo dữ liệu mẫu công tác đảng: kết nạp đảng viên, bồi dưỡng, học tập nghị quyết, "
        "đánh giá xếp loại, kiểm tra, giám sát và kỷ luật (qua các nghiệp vụ, tất định)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--if-empty",
            action="store_true",
            help="Không làm gì (và không in gì) nếu đã có dữ liệu kết nạp đảng viên.",
        )
        parser.add_argument(
            "--seed", type=int, default=party_work.SEED, help="Hạt giống ngẫu nhiên."
        )
        add_today_argument(parser)

    def handle(self, *args, **options):
        if party_work.has_data():
            if options["if_empty"]:
                return
            raise CommandError("Đã có dữ liệu kết nạp đảng viên; dùng --if-empty để bỏ qua.")
        if demo_root() is None:
            raise CommandError("Chưa có dữ liệu mẫu: chạy manage.py seed_demo trước.")
        started = time.perf_counter()
        try:
            r = party_work.Seeder(options["seed"], today=today_from(options)).run()
        except ValueError as exc:
            raise CommandError(str(exc)) from exc
        if options["verbosity"] >= 1:
            self.stdout.write(
                f"Đã tạo trong {time.perf_counter() - started:.1f} giây: {r.courses} lớp, "
                f"{r.enrollments} học viên, {r.directives} văn bản, {r.sessions} hội nghị học "
                f"tập; {r.candidates} quần chúng, {r.cases} hồ sơ kết nạp ({r.admitted} đã "
                f"kết nạp), {r.full_cases} hồ sơ chuyển chính thức, {r.targets} chỉ tiêu; "
                f"{r.org_reviews} tổ chức và {r.member_reviews} đảng viên được đánh giá; "
                f"{r.inspections} cuộc kiểm tra, giám sát, {r.disciplines} kỷ luật."
            )
