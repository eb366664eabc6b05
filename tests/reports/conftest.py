"""Reports fixtures: the reports templates found before "reports" is an installed app,
and a small dataset whose STA-01 tables are computed by hand in test_membership.py."""

from datetime import date
from pathlib import Path

import pytest

import reports
from members.enums import MembershipKind, MemberStatus, Sex
from members.models import Ethnicity, Membership, Religion
from organizations.enums import CellCategory, OrgKind
from tests.factories import MemberFactory, OrganizationFactory

ON = date(2025, 6, 30)


@pytest.fixture(autouse=True)
def _reports_templates(settings):
    """Until "reports" is in INSTALLED_APPS its templates are not found by APP_DIRS."""
    templates = [dict(engine) for engine in settings.TEMPLATES]
    templates[0]["DIRS"] = [*templates[0]["DIRS"], Path(reports.__file__).parent / "templates"]
    settings.TEMPLATES = templates


def member(org, name, *, starts_on=date(2010, 1, 1), ends_on=None, **fields):
    fields.setdefault("status", MemberStatus.FULL)
    m = MemberFactory(full_name=name, organization=org, **fields)
    Membership.objects.create(
        member=m, organization=org, kind=MembershipKind.HOME, starts_on=starts_on, ends_on=ends_on
    )
    return m


@pytest.fixture
def dataset(tree):
    """Five members counted in the commune on ON (A–E), four that are not (F–I), and
    organizations active or not on ON."""
    eth = {e.name: e for e in Ethnicity.objects.filter(name__in=["Kinh", "Tày", "Nùng"])}
    rel = {r.code: r for r in Religion.objects.filter(code__in=["00", "01"])}
    cell_a, cell_b = tree["cell_a"], tree["cell_b"]
    people = {
        "A": member(
            cell_a,
            "Nguyễn Thị A",
            sex=Sex.FEMALE,
            date_of_birth=date(1990, 7, 1),  # 34 on ON
            ethnicity=eth["Kinh"],
            religion=rel["00"],
            education="upper_secondary",
            qualification="university",
            theory_level="elementary",
            occupation="civil_servant",
            admitted_on=date(2015, 1, 10),
            full_member_on=date(2016, 1, 10),
            party_age_from=date(2015, 1, 10),  # 10 years on ON
        ),
        "B": member(
            cell_a,
            "Trần Văn B",
            sex=Sex.MALE,
            date_of_birth=date(1995, 6, 30),  # 30 exactly on ON
            ethnicity=eth["Tày"],
            religion=rel["01"],
            education="upper_secondary",
            qualification="master",
            theory_level="intermediate",
            occupation="farmer",
            status=MemberStatus.PROBATIONARY,
            admitted_on=date(2025, 1, 5),
            party_age_from=date(2025, 1, 5),
            starts_on=date(2025, 1, 5),
        ),
        "C": member(
            cell_b,
            "Lê Văn C",
            sex=Sex.MALE,
            date_of_birth=date(1960, 7, 1),  # 64
            ethnicity=eth["Kinh"],
            religion=None,
            education="lower_secondary",
            qualification="",
            theory_level="",
            occupation="retired",
            admitted_on=date(1985, 1, 1),
            full_member_on=date(1986, 1, 1),
            party_age_from=date(1985, 1, 1),  # 40 years
        ),
        "D": member(
            cell_b,
            "Phạm Thị D",
            sex=Sex.FEMALE,
            date_of_birth=date(1996, 1, 1),  # 29
            ethnicity=eth["Nùng"],
            religion=rel["00"],
            education="upper_secondary",
            qualification="university",
            theory_level="none",
            occupation="student",
            admitted_on=date(2024, 9, 1),
            full_member_on=date(2025, 9, 1),  # full today, probationary on ON
            party_age_from=date(2024, 9, 1),
            starts_on=date(2024, 9, 1),
        ),
        # Died after ON: the leaving closed the membership; counted on ON.
        "E": member(
            cell_a,
            "Hoàng Văn E",
            sex=Sex.MALE,
            date_of_birth=date(1950, 3, 3),  # 75
            ethnicity=eth["Kinh"],
            religion=rel["00"],
            education="primary",
            qualification="none",
            theory_level="advanced",
            occupation="retired",
            status=MemberStatus.DECEASED,
            admitted_on=date(1975, 1, 1),
            full_member_on=date(1976, 1, 1),
            party_age_from=date(1975, 1, 1),
            ends_on=date(2025, 12, 1),
        ),
        # Not counted: struck off before ON.
        "F": member(cell_a, "Vũ Văn F", status=MemberStatus.STRUCK_OFF, ends_on=date(2025, 5, 1)),
        # Not counted: a leaving status with the membership left open (inconsistent).
        "G": member(cell_a, "Đỗ Văn G", status=MemberStatus.EXPELLED),
        # Not counted: another commune.
        "H": member(tree["other_cell"], "Bùi Văn H"),
        # Not counted: joined after ON.
        "I": member(cell_b, "Đinh Văn I", starts_on=date(2025, 7, 1)),
    }
    # A temporary membership in the commune does not count there (TRF-01).
    Membership.objects.create(
        member=people["H"],
        organization=cell_a,
        kind=MembershipKind.TEMPORARY,
        starts_on=date(2025, 1, 1),
    )
    commune = tree["commune"]
    OrganizationFactory(
        name="Chi bộ Trường Tiểu học",
        kind=OrgKind.CELL,
        category=CellCategory.SCHOOL,
        superior=tree["grassroots"],
        established_on=date(2026, 1, 1),  # not yet on ON
    )
    OrganizationFactory(
        name="Chi bộ thôn cũ",
        kind=OrgKind.CELL,
        superior=tree["grassroots"],
        dissolved_on=date(2025, 3, 1),  # gone by ON
    )
    OrganizationFactory(
        name="Chi bộ Ủy ban",
        kind=OrgKind.CELL,
        category=CellCategory.AGENCY,
        superior=tree["grassroots"],
        dissolved_on=date(2025, 12, 31),  # still there on ON
    )
    OrganizationFactory(
        name="Chi bộ khu phố 1",
        kind=OrgKind.GRASSROOTS_CELL,
        category=CellCategory.URBAN_BLOCK,
        superior=commune,
    )
    cell_a.refresh_from_db()
    OrganizationFactory(name="Tổ đảng số 1", kind=OrgKind.PARTY_GROUP, superior=cell_a)
    for org in tree.values():
        org.refresh_from_db()
    return people
