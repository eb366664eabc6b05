"""accounts.services: every write, with its author in the audit trail."""

from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from accounts import services
from accounts.enums import Role
from accounts.models import RoleAssignment, User
from accounts.scope import is_system_admin
from tests.factories import MemberFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_create_user_validates_the_password(admin_user):
    with pytest.raises(ValidationError) as error:
        services.create_user(username="moi", password="123", by=admin_user)
    # Django's own messages (one still English, see accounts.forms): check the codes.
    assert {item.code for item in error.value.error_list} >= {
        "password_too_short",
        "password_entirely_numeric",
    }
    assert not User.objects.filter(username="moi").exists()


def test_create_user_refuses_duplicate_username(admin_user):
    services.create_user(username="moi", password="Mat-khau-rat-dai-2026", by=admin_user)
    with pytest.raises(ValidationError, match="Tên đăng nhập đã được sử dụng") as error:
        services.create_user(username="moi", password="Mat-khau-rat-dai-2026", by=admin_user)
    assert "username" in error.value.message_dict


def test_options_are_keyword_only(admin_user):
    with pytest.raises(TypeError, match="takes 0 positional arguments"):
        services.create_user("moi", "Mat-khau-rat-dai-2026", admin_user)


def test_add_assignment_checks(admin_user, tree):
    user = UserFactory()
    with pytest.raises(ValidationError, match="Chọn tổ chức đảng cho vai trò này") as error:
        services.add_assignment(user=user, role=Role.OFFICER, organization=None, by=admin_user)
    assert "organization" in error.value.message_dict
    with pytest.raises(
        ValidationError, match="Ngày kết thúc không được trước ngày bắt đầu"
    ) as error:
        services.add_assignment(
            user=user,
            role=Role.OFFICER,
            organization=tree["commune"],
            starts_on=date(2026, 3, 1),
            ends_on=date(2026, 2, 1),
            by=admin_user,
        )
    assert "ends_on" in error.value.message_dict
    with pytest.raises(ValidationError, match="Chọn hồ sơ đảng viên của tài khoản này") as error:
        services.add_assignment(
            user=user, role=Role.MEMBER, organization=tree["cell_a"], by=admin_user
        )
    assert "member" in error.value.message_dict
    assert not RoleAssignment.objects.filter(user=user).exists()


def test_member_role_rolls_back_when_the_member_is_taken(admin_user, tree, member_user):
    user = UserFactory()
    with pytest.raises(
        ValidationError, match="Hồ sơ đảng viên này đã gắn với tài khoản khác"
    ) as error:
        services.add_assignment(
            user=user,
            role=Role.MEMBER,
            organization=tree["cell_a"],
            member=member_user.member,
            by=admin_user,
        )
    assert "member" in error.value.message_dict
    assert not RoleAssignment.objects.filter(user=user).exists()


def test_relinking_moves_the_account_to_the_new_record(admin_user, tree):
    user = UserFactory()
    first = MemberFactory(organization=tree["cell_a"])
    second = MemberFactory(organization=tree["cell_b"])
    services.add_assignment(
        user=user, role=Role.MEMBER, organization=tree["cell_a"], member=first, by=admin_user
    )
    services.add_assignment(
        user=user, role=Role.MEMBER, organization=tree["cell_b"], member=second, by=admin_user
    )
    first.refresh_from_db()
    second.refresh_from_db()
    assert first.user is None
    assert second.user == user
    assert second.history.first().history_user == admin_user


def test_end_assignment_takes_effect_and_is_audited(admin_user):
    user = UserFactory()
    assignment = services.add_assignment(
        user=user, role=Role.ADMIN, organization=None, starts_on=date(2020, 1, 1), by=admin_user
    )
    assert is_system_admin(user)
    yesterday = timezone.localdate() - timedelta(days=1)
    services.end_assignment(assignment, ends_on=yesterday, by=admin_user)
    assert not is_system_admin(user)
    record = assignment.history.first()
    assert record.history_user == admin_user
    assert record.history_change_reason == "Kết thúc phân quyền"
    with pytest.raises(
        ValidationError, match="Ngày kết thúc không được trước ngày bắt đầu"
    ) as error:
        services.end_assignment(assignment, ends_on=date(2019, 1, 1), by=admin_user)
    assert "ends_on" in error.value.message_dict


def test_set_active_and_reset_password_are_audited(admin_user):
    user = UserFactory()
    services.set_active(user, active=False, by=admin_user)
    assert user.history.first().history_change_reason == "Khóa tài khoản"
    services.reset_password(user, password="Mot-mat-khau-moi-2026", by=admin_user)
    user.refresh_from_db()
    assert user.check_password("Mot-mat-khau-moi-2026")
    assert user.history.first().history_user == admin_user
    # The password hash itself never enters the history table.
    assert not hasattr(user.history.first(), "password")
