"""manage.py import_members FILE [--user] [--dry-run]."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from members.models import Member
from tests.members.import_support import CODES, make_xlsx, member, set_codes


@pytest.fixture
def coded_tree(tree):
    return set_codes(tree)


def run(*args):
    out = StringIO()
    call_command("import_members", *args, stdout=out)
    return out.getvalue()


def test_dry_run_then_import(coded_tree, officer, tmp_path):
    path = make_xlsx(tmp_path / "a.xlsx", [member()])
    out = run(path, "--user", "officer", "--dry-run")
    assert "chạy thử" in out and not Member.objects.exists()
    out = run(path, "--user", "officer")
    assert "Đã nhập xong" in out and Member.objects.count() == 1
    assert "1 không đổi" in run(path, "--user", "officer")


def test_problems_are_printed_by_row_and_column_and_exit_non_zero(coded_tree, tmp_path):
    path = make_xlsx(tmp_path / "a.xlsx", [member(), member(card_number="B")])
    out = StringIO()
    with pytest.raises(CommandError, match="1 lỗi"):
        call_command("import_members", path, stdout=out)
    assert "Trang tính “Đảng viên”, dòng 3, cột “Số CCCD”: Số CCCD 001080000001 trùng" in (
        out.getvalue()
    )
    assert not Member.objects.exists()


def test_user_scope_and_file_errors(coded_tree, officer, tmp_path):
    path = make_xlsx(tmp_path / "a.xlsx", [member(organization=CODES["other_cell"])])
    with pytest.raises(CommandError, match="Có 1 lỗi; không có gì được ghi"):
        run(path, "--user", "officer")
    with pytest.raises(CommandError, match="Không có tài khoản"):
        run(path, "--user", "nobody")
    bad = tmp_path / "b.xlsx"
    bad.write_text("x")
    with pytest.raises(CommandError, match="không phải là bảng tính"):
        run(str(bad))
    with pytest.raises(CommandError, match="Không đọc được tệp"):
        run(str(tmp_path / "missing.xlsx"))
