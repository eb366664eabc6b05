"""factory_boy factories shared by every test module."""

from datetime import date

import factory
from django.contrib.auth import get_user_model

from accounts.enums import Role
from accounts.models import RoleAssignment, User
from members.enums import MemberStatus, Sex
from members.models import Member
from organizations.enums import CellCategory, OrgKind
from organizations.models import Organization

PASSWORD = "Mat-khau-thu-2026"


class UserFactory(factory.django.DjangoModelFactory[User]):
    class Meta:
        model = get_user_model()
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    full_name = factory.Sequence(lambda n: f"Người dùng {n}")
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def _save(obj, create, extracted, **kwargs):
        if create:
            obj.save()


class OrganizationFactory(factory.django.DjangoModelFactory[Organization]):
    """Builds a node; pass `superior=` for a child, none for a root (province)."""

    class Meta:
        model = Organization

    name = factory.Sequence(lambda n: f"Chi bộ số {n}")
    kind = OrgKind.CELL
    category = ""
    established_on = date(2000, 1, 1)

    @classmethod
    def _create(cls, model_class, *args, superior=None, **kwargs):
        if superior is None:
            return model_class.objects.add_root(kwargs)
        return model_class.objects.add_child(superior, kwargs)


class RoleAssignmentFactory(factory.django.DjangoModelFactory[RoleAssignment]):
    class Meta:
        model = RoleAssignment

    user = factory.SubFactory(UserFactory)
    role = Role.OFFICER
    starts_on = date(2020, 1, 1)


class MemberFactory(factory.django.DjangoModelFactory[Member]):
    class Meta:
        model = Member

    full_name = factory.Iterator(
        ["Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường", "Phạm Thị Dung", "Hoàng Văn Đức"]
    )
    date_of_birth = date(1980, 5, 17)
    sex = Sex.MALE
    status = MemberStatus.FULL


def make_tree():
    """A small province: two communes, a grassroots đảng bộ with two cells, a chi bộ cơ sở."""
    province = OrganizationFactory(
        name="Đảng bộ tỉnh Lạng Sơn", kind=OrgKind.PROVINCE, code="38.000.000.000.000"
    )
    commune = OrganizationFactory(
        name="Đảng bộ xã Tân Lập",
        kind=OrgKind.COMMUNE,
        superior=province,
        established_on=date(2025, 7, 1),
    )
    other_commune = OrganizationFactory(
        name="Đảng bộ phường Đông Kinh",
        kind=OrgKind.WARD,
        superior=province,
        established_on=date(2025, 7, 1),
    )
    grassroots = OrganizationFactory(
        name="Đảng bộ Trường THPT Tân Lập", kind=OrgKind.GRASSROOTS_COMMITTEE, superior=commune
    )
    cell_a = OrganizationFactory(
        name="Chi bộ thôn Nà Phát",
        kind=OrgKind.CELL,
        superior=grassroots,
        category=CellCategory.RURAL_VILLAGE,
    )
    cell_b = OrganizationFactory(
        name="Chi bộ thôn Khau Khoang",
        kind=OrgKind.CELL,
        superior=grassroots,
        category=CellCategory.RURAL_VILLAGE,
    )
    other_cell = OrganizationFactory(
        name="Chi bộ khối phố Đức Hạnh",
        kind=OrgKind.GRASSROOTS_CELL,
        superior=other_commune,
        category=CellCategory.URBAN_BLOCK,
    )
    for org in (province, commune, other_commune, grassroots, cell_a, cell_b, other_cell):
        org.refresh_from_db()
    return {
        "province": province,
        "commune": commune,
        "other_commune": other_commune,
        "grassroots": grassroots,
        "cell_a": cell_a,
        "cell_b": cell_b,
        "other_cell": other_cell,
    }
