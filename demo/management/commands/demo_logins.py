"""manage.py demo_logins: the demo accounts and their password, as a small table."""

from django.core.management.base import BaseCommand

from accounts.enums import Role
from demo.accounts import existing_accounts


class Command(BaseCommand):
    help = "In danh sách tài khoản mẫu (tên đăng nhập, mật khẩu, vai trò, tổ chức)."

    def handle(self, *args, **options):
        rows = existing_accounts()
        if not rows:
            self.stdout.write("Chưa có tài khoản mẫu: chạy `manage.py seed_demo` trước.")
            return
        header = ("Tên đăng nhập", "Mật khẩu", "Vai trò", "Tổ chức")
        table = [header] + [
            (
                a.username,
                a.password,
                str(Role(a.role).label) if a.role else "",
                a.organization or "Toàn hệ thống",
            )
            for a in rows
        ]
        widths = [max(len(row[i]) for row in table) for i in range(len(header))]
        rule = "  ".join("-" * w for w in widths)
        self.stdout.write("Tài khoản mẫu:")
        for index, row in enumerate(table):
            self.stdout.write(
                "  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip()
            )
            if index == 0:
                self.stdout.write(rule)
