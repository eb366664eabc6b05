"""manage.py import_members FILE [--user USERNAME] [--dry-run]

Checks the file in the import layout (docs/import-format.md) and, unless --dry-run, writes
it all or nothing. Prints every problem by sheet, row and column and exits with status 1
when there is any. With --user the import is limited to what that user may write (and the
history records them); without it, the command line acts for the system.
"""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from members.imports.validation import Problem
from members.imports.writing import run_import


class Command(BaseCommand):
    help = "Nhập đảng viên và tổ chức đảng từ tệp Excel theo mẫu nhập."

    def add_arguments(self, parser):
        parser.add_argument("file", help="tệp .xlsx theo mẫu nhập")
        parser.add_argument("--user", help="tên đăng nhập của người nhập (giới hạn phạm vi)")
        parser.add_argument("--dry-run", action="store_true", help="chỉ kiểm tra, không ghi")

    def handle(self, *args, **options):
        user = None
        if options["user"]:
            try:
                user = get_user_model().objects.get(username=options["user"])
            except get_user_model().DoesNotExist as exc:
                raise CommandError(f"Không có tài khoản {options['user']}.") from exc
        dry_run = options["dry_run"]

        def progress(done, total):
            if options["verbosity"] > 1 and done and done % 10000 == 0:
                self.stderr.write(f"{done}/{total}")

        try:
            report = run_import(options["file"], user=user, apply=not dry_run, progress=progress)
        except OSError as exc:
            raise CommandError(f"Không đọc được tệp: {exc}") from exc
        if report["file_error"]:
            raise CommandError(report["file_error"])
        for p in report["problems"]:
            self.stdout.write(str(Problem(p["sheet"], p["row"], p["column"], p["message"])))
        if report["problem_count"] > len(report["problems"]):
            self.stdout.write(f"… tổng cộng {report['problem_count']} lỗi.")
        c = report["counts"]
        summary = (
            f"Tổ chức: {c['organizations']} dòng ({c['org_new']} mới, {c['org_updated']} cập nhật, "
            f"{c['org_unchanged']} không đổi). Đảng viên: {c['members']} dòng ({c['member_new']} "
            f"mới, {c['member_updated']} cập nhật, {c['member_unchanged']} không đổi)."
        )
        self.stdout.write(summary)
        if report["problem_count"]:
            raise CommandError(f"Có {report['problem_count']} lỗi; không có gì được ghi.")
        if dry_run:
            self.stdout.write("Không có lỗi (chạy thử, chưa ghi).")
        else:
            self.stdout.write(self.style.SUCCESS("Đã nhập xong."))
