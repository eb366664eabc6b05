"""Demo accounts, one per role, all with the documented demo password.

| username        | role                         | organization                          |
|-----------------|------------------------------|---------------------------------------|
| admin           | system administrator         | (whole system)                        |
| canbo.tinh      | committee officer            | Đảng bộ tỉnh Lạng Sơn                 |
| canbo.thatkhe   | committee officer            | Đảng bộ xã Thất Khê                   |
| canbo.quockhanh | committee officer            | Đảng bộ xã Quốc Khánh                 |
| kiemtra         | inspector                    | Đảng bộ xã Thất Khê                   |
| bithu           | cell secretary (linked to the member who is its secretary) | a cell of xã Thất Khê |
| dangvien        | member (linked to a member of the same cell) | that cell             |
"""

from dataclasses import dataclass
from datetime import date

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import check_password, make_password

from accounts.enums import Role
from accounts.models import RoleAssignment
from members.enums import MemberStatus, SeatRole
from organizations.enums import CellCategory

DEMO_PASSWORD = "chibo-demo-2026"
ASSIGNED_ON = date(2025, 7, 1)

# (username, role) in the order demo_logins prints them.
DEMO_ACCOUNTS = [
    ("admin", Role.ADMIN),
    ("canbo.tinh", Role.OFFICER),
    ("canbo.thatkhe", Role.OFFICER),
    ("canbo.quockhanh", Role.OFFICER),
    ("kiemtra", Role.INSPECTOR),
    ("bithu", Role.SECRETARY),
    ("dangvien", Role.MEMBER),
]
DEMO_USERNAMES = [username for username, _ in DEMO_ACCOUNTS]


@dataclass
class DemoAccount:
    username: str
    role: str
    organization: str
    full_name: str
    password: str = DEMO_PASSWORD


def _secretary_cell(commune):
    """The first village or block cell of the commune with a full cell committee."""
    for node in commune.children:
        if (
            node.is_cell
            and node.category in (CellCategory.URBAN_BLOCK, CellCategory.RURAL_VILLAGE)
            and len(node.seats) >= 3
        ):
            return node
    raise LookupError("no cell with a committee in the demo commune")


def create_accounts(root) -> list["DemoAccount"]:
    """Create the demo accounts for the tree just written (demo.tree.Node objects)."""
    district, that_khe, quoc_khanh = root.children
    cell = _secretary_cell(that_khe)
    secretary = next(m for role, m in cell.seats if role == SeatRole.SECRETARY)
    seated = {m.pk for _, m in cell.seats}
    plain = next(m for m in cell.members if m.pk not in seated and m.status == MemberStatus.FULL)
    commune_seats = [m for role, m in that_khe.seats if role == SeatRole.MEMBER]
    officer_tk = next(m for role, m in that_khe.seats if role == SeatRole.STANDING)
    officer_qk = next(m for role, m in quoc_khanh.seats if role == SeatRole.STANDING)
    inspector = commune_seats[0]
    plan = {
        "admin": ("Quản trị hệ thống", None, None),
        "canbo.tinh": ("Hoàng Minh Tuấn", root, None),
        "canbo.thatkhe": (officer_tk.full_name, that_khe, officer_tk),
        "canbo.quockhanh": (officer_qk.full_name, quoc_khanh, officer_qk),
        "kiemtra": (inspector.full_name, that_khe, inspector),
        "bithu": (secretary.full_name, cell, secretary),
        "dangvien": (plain.full_name, cell, plain),
    }
    User = get_user_model()
    password = make_password(DEMO_PASSWORD)
    made = []
    for username, role in DEMO_ACCOUNTS:
        full_name, node, member = plan[username]
        if User.objects.filter(username=username).exists():
            continue  # never overwrite an account someone already has
        user = User(username=username, full_name=full_name, password=password)
        if role == Role.ADMIN:
            user.is_staff = user.is_superuser = True
        user.save()
        organization = node.obj if node is not None else None
        RoleAssignment.objects.create(
            user=user, organization=organization, role=role, starts_on=ASSIGNED_ON
        )
        if member is not None:
            member.user = user
            member.save(update_fields=["user"])
        made.append(
            DemoAccount(username, role, organization.name if organization else "", full_name)
        )
    return made


def delete_accounts() -> None:
    get_user_model().objects.filter(username__in=DEMO_USERNAMES).delete()


def existing_accounts() -> list[DemoAccount]:
    """The demo accounts in the database, for demo_logins (a changed password shows)."""
    User = get_user_model()
    users = {
        u.username: u
        for u in User.objects.filter(username__in=DEMO_USERNAMES).prefetch_related(
            "assignments__organization"
        )
    }
    # The demo accounts share one password hash (argon2 is slow on purpose): check each
    # distinct hash once.
    checked: dict[str, bool] = {}
    rows = []
    for username, _role in DEMO_ACCOUNTS:
        user = users.get(username)
        if user is None:
            continue
        if user.password not in checked:
            checked[user.password] = check_password(DEMO_PASSWORD, user.password)
        password = DEMO_PASSWORD if checked[user.password] else "(đã đổi)"
        assignments: list[RoleAssignment | None] = list(user.assignments.all()) or [None]
        for a in assignments:
            rows.append(
                DemoAccount(
                    username=username,
                    role=a.role if a else "",
                    organization=a.organization.name if a and a.organization else "",
                    full_name=user.full_name,
                    password=password,
                )
            )
    return rows
