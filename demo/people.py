"""Realistic people, fast: names from lists, ages and sex by kind of cell, and the
profile columns of the register (MEM-01): ethnicity, religion, home town, education,
qualification, theory level, occupation, citizen ID, phone.

Used by demo.lives for the demo tree (a few thousand members) and for
`seed_demo --members N` (a hundred thousand and more): the derived search and sort
columns are computed once per distinct name; everything is drawn from one seeded
random.Random. Party life (admission, memberships, events) is demo.lives's job.
"""

import random
from bisect import bisect
from collections.abc import Iterable
from datetime import date, timedelta
from itertools import accumulate
from typing import TYPE_CHECKING

from core.text import fold, name_sort_key
from members.enums import Education as Ed
from members.enums import Occupation as Occ
from members.enums import Qualification as Q
from members.enums import Sex
from members.enums import TheoryLevel as T
from members.models import Ethnicity, Member, Religion
from organizations.enums import CellCategory as C

from . import names

# The demo's "today": ages are computed on it and no event is later, so the same seed
# gives the same register whatever the clock says (it must not be in the future).
REFERENCE_DATE = date(2026, 11, 1)
TODAY = REFERENCE_DATE

# Age bands (from, to, weight) by cell category: village cells keep their elders,
# agencies and schools are of working age, armed forces are younger.
_VILLAGE_AGES = [(20, 30, 8), (30, 45, 22), (45, 60, 30), (60, 75, 28), (75, 90, 12)]
_WORKING_AGES = [(23, 30, 14), (30, 40, 32), (40, 50, 30), (50, 60, 24)]
_ARMED_AGES = [(20, 30, 30), (30, 40, 40), (40, 50, 22), (50, 58, 8)]
# Keyed by CellCategory, looked up by the stored category value (a plain str).
AGE_BANDS: dict[str, list[tuple[int, int, int]]] = {
    C.RURAL_VILLAGE: _VILLAGE_AGES,
    C.URBAN_BLOCK: _VILLAGE_AGES,
    C.AGENCY: _WORKING_AGES,
    C.PUBLIC_SERVICE: _WORKING_AGES,
    C.STATE_ENTERPRISE: _WORKING_AGES,
    C.PRIVATE_ENTERPRISE: _WORKING_AGES,
    C.SCHOOL: _WORKING_AGES,
    C.ARMED_FORCES: _ARMED_AGES,
}
# Share of women by category.
FEMALE_SHARE: dict[str, float] = {
    C.RURAL_VILLAGE: 0.30,
    C.URBAN_BLOCK: 0.42,
    C.AGENCY: 0.40,
    C.PUBLIC_SERVICE: 0.55,
    C.STATE_ENTERPRISE: 0.30,
    C.PRIVATE_ENTERPRISE: 0.30,
    C.SCHOOL: 0.70,
    C.ARMED_FORCES: 0.08,
}
RESIDENTIAL = frozenset({C.RURAL_VILLAGE, C.URBAN_BLOCK})

# Lạng Sơn: mostly Nùng, Tày and Kinh, some Dao, Hoa and Sán Chay (codes of the official
# list, members.models.reference.ETHNICITIES). Tràng Định is mostly Tày.
ETHNICITY_WEIGHTS = [("02", 42), ("07", 33), ("01", 17), ("09", 4), ("04", 2), ("15", 2)]
# Almost all members declare no religion.
RELIGION_WEIGHTS = [("00", 96), ("01", 3), ("02", 1)]

# Qualification and political theory level by category (value, weight).
_QUALIFICATION: dict[str, list[tuple[str, int]]] = {
    C.AGENCY: [(Q.UNIVERSITY, 66), (Q.MASTER, 12), (Q.COLLEGE, 8), (Q.INTERMEDIATE, 14)],
    C.PUBLIC_SERVICE: [
        (Q.UNIVERSITY, 50), (Q.MASTER, 6), (Q.DOCTOR, 1), (Q.COLLEGE, 18), (Q.INTERMEDIATE, 25)
    ],
    C.SCHOOL: [(Q.UNIVERSITY, 74), (Q.MASTER, 6), (Q.COLLEGE, 18), (Q.INTERMEDIATE, 2)],
    C.STATE_ENTERPRISE: [
        (Q.UNIVERSITY, 45), (Q.COLLEGE, 15), (Q.INTERMEDIATE, 20), (Q.VOCATIONAL, 15), (Q.NONE, 5)
    ],
    C.PRIVATE_ENTERPRISE: [
        (Q.UNIVERSITY, 25), (Q.COLLEGE, 10), (Q.INTERMEDIATE, 20), (Q.VOCATIONAL, 25), (Q.NONE, 20)
    ],
    C.ARMED_FORCES: [
        (Q.UNIVERSITY, 35), (Q.INTERMEDIATE, 45), (Q.COLLEGE, 10), (Q.MASTER, 4), (Q.NONE, 6)
    ],
    C.URBAN_BLOCK: [
        (Q.NONE, 30), (Q.VOCATIONAL, 10), (Q.INTERMEDIATE, 25), (Q.COLLEGE, 10), (Q.UNIVERSITY, 25)
    ],
    C.RURAL_VILLAGE: [
        (Q.NONE, 62), (Q.VOCATIONAL, 14), (Q.INTERMEDIATE, 14), (Q.COLLEGE, 4), (Q.UNIVERSITY, 6)
    ],
}  # fmt: skip
_THEORY: dict[str, list[tuple[str, int]]] = {
    C.AGENCY: [(T.ELEMENTARY, 30), (T.INTERMEDIATE, 52), (T.ADVANCED, 12), (T.BACHELOR, 2), (T.NONE, 4)],
    C.PUBLIC_SERVICE: [(T.ELEMENTARY, 60), (T.INTERMEDIATE, 25), (T.ADVANCED, 3), (T.NONE, 12)],
    C.SCHOOL: [(T.ELEMENTARY, 65), (T.INTERMEDIATE, 22), (T.ADVANCED, 2), (T.NONE, 11)],
    C.STATE_ENTERPRISE: [(T.ELEMENTARY, 60), (T.INTERMEDIATE, 15), (T.NONE, 25)],
    C.PRIVATE_ENTERPRISE: [(T.ELEMENTARY, 55), (T.INTERMEDIATE, 5), (T.NONE, 40)],
    C.ARMED_FORCES: [(T.ELEMENTARY, 45), (T.INTERMEDIATE, 40), (T.ADVANCED, 5), (T.NONE, 10)],
    C.URBAN_BLOCK: [(T.ELEMENTARY, 60), (T.INTERMEDIATE, 12), (T.NONE, 28)],
    C.RURAL_VILLAGE: [(T.ELEMENTARY, 55), (T.INTERMEDIATE, 4), (T.NONE, 41)],
}  # fmt: skip
_WORK_OCCUPATION: dict[str, str] = {
    C.AGENCY: Occ.CIVIL_SERVANT,
    C.PUBLIC_SERVICE: Occ.PUBLIC_EMPLOYEE,
    C.SCHOOL: Occ.PUBLIC_EMPLOYEE,
    C.STATE_ENTERPRISE: Occ.ENTERPRISE_EMPLOYEE,
    C.ARMED_FORCES: Occ.ARMED_FORCES,
}
_VILLAGE_OCCUPATION = [(Occ.FARMER, 70), (Occ.FREELANCE, 12), (Occ.BUSINESS, 8), (Occ.OTHER, 10)]
_BLOCK_OCCUPATION = [
    (Occ.BUSINESS, 30), (Occ.FREELANCE, 25), (Occ.ENTERPRISE_EMPLOYEE, 25), (Occ.FARMER, 10), (Occ.OTHER, 10)
]  # fmt: skip
_LANGUAGES = [("", 40), ("Tiếng Anh B", 30), ("Tiếng Anh B1", 18), ("Tiếng Trung A2", 8), ("Tiếng Trung B", 4)]  # fmt: skip

# Places of origin (quê quán): the district's communes, other districts, other provinces.
OTHER_DISTRICTS = ["Văn Lãng", "Bình Gia", "Cao Lộc", "Văn Quan", "Bắc Sơn", "Lộc Bình", "Chi Lăng"]
OTHER_PROVINCES = ["Cao Bằng", "Bắc Kạn", "Thái Nguyên", "Bắc Giang", "Hải Dương", "Nam Định"]
PHONE_PREFIXES = ["096", "097", "098", "086", "091", "094", "088", "032", "033", "035", "038", "039", "083", "084", "085"]  # fmt: skip
# 12-digit citizen ID (CCCD): province of birth registration, sex and century, year.
CITIZEN_ID_PROVINCE = "020"  # Lạng Sơn


def _cumulative(pairs):
    values = [value for value, _ in pairs]
    return values, list(accumulate(weight for _, weight in pairs))


class People:
    """Draws people with a seeded random.Random, so runs are repeatable.

    `used_citizen_ids` and `used_cards` hold the numbers already taken (in the database
    and in this run), so that new ones are unique.
    """

    def __init__(
        self,
        rng: random.Random,
        *,
        used_citizen_ids: Iterable[str | None] = (),  # a nullable column's values
        used_cards: Iterable[str] = (),
    ):
        self.rng = rng
        self._family = _cumulative(names.FAMILY_NAMES)
        self._middle = {
            Sex.MALE: _cumulative(names.MALE_MIDDLE),
            Sex.FEMALE: _cumulative(names.FEMALE_MIDDLE),
        }
        self._given = {Sex.MALE: names.MALE_GIVEN, Sex.FEMALE: names.FEMALE_GIVEN}
        self._bands = {
            category: _cumulative([((lo, hi), w) for lo, hi, w in bands])
            for category, bands in AGE_BANDS.items()
        }
        self._derived: dict[str, tuple[str, str]] = {}
        ethnicities = dict(Ethnicity.objects.values_list("code", "pk"))
        religions = dict(Religion.objects.values_list("code", "pk"))
        self._ethnicity = _cumulative([(ethnicities[c], w) for c, w in ETHNICITY_WEIGHTS])
        self._religion = _cumulative([(religions[c], w) for c, w in RELIGION_WEIGHTS])
        self._qualification = {c: _cumulative(p) for c, p in _QUALIFICATION.items()}
        self._theory = {c: _cumulative(p) for c, p in _THEORY.items()}
        self._village_occupation = _cumulative(_VILLAGE_OCCUPATION)
        self._block_occupation = _cumulative(_BLOCK_OCCUPATION)
        self._languages = _cumulative(_LANGUAGES)
        communes = [f"{word} {name}" for word, name, _ in names.OLD_COMMUNES]
        district = f"huyện {names.DISTRICT_NAME}, tỉnh {names.PROVINCE_NAME}"
        self._home_towns = (
            [f"{c}, {district}" for c in communes],
            [f"huyện {d}, tỉnh {names.PROVINCE_NAME}" for d in OTHER_DISTRICTS],
            [f"tỉnh {p}" for p in OTHER_PROVINCES],
        )
        self.used_citizen_ids = set(used_citizen_ids)
        self.used_cards = set(used_cards)

    def _pick(self, cumulative):
        # What rng.choices(values, cum_weights=weights)[0] does, without its overhead.
        values, weights = cumulative
        return values[bisect(weights, self.rng.random() * weights[-1], 0, len(weights) - 1)]

    def name(self, sex: Sex) -> str:
        family = self._pick(self._family)
        middle = self._pick(self._middle[sex])
        given = self.rng.choice(self._given[sex])
        return f"{family} {middle} {given}"

    def derived(self, full_name: str) -> tuple[str, str]:
        """(search_name, sort_key) as Member.refresh_derived() sets them, cached."""
        found = self._derived.get(full_name)
        if found is None:
            found = self._derived[full_name] = (fold(full_name), name_sort_key(full_name))
        return found

    def citizen_id(self, born: date, sex: str) -> str:
        """MEM-01: 020 (Lạng Sơn), sex and century, last two digits of the year, 6 digits."""
        century = 0 if born.year < 2000 else 2
        prefix = f"{CITIZEN_ID_PROVINCE}{century + (sex == Sex.FEMALE)}{born.year % 100:02d}"
        while True:
            value = f"{prefix}{self.rng.randrange(1_000_000):06d}"
            if value not in self.used_citizen_ids:
                self.used_citizen_ids.add(value)
                return value

    def card_number(self) -> str:
        """A party card number (8 digits), unique in the register."""
        while True:
            value = f"{self.rng.randrange(10_000_000, 100_000_000)}"
            if value not in self.used_cards:
                self.used_cards.add(value)
                return value

    def phone(self) -> str:
        return f"{self.rng.choice(PHONE_PREFIXES)}{self.rng.randrange(10_000_000):07d}"

    def home_town(self) -> str:
        r = self.rng.random()
        group = self._home_towns[0 if r < 0.8 else 1 if r < 0.95 else 2]
        return self.rng.choice(group)

    def person(self, organization_id: int, category: str, address: str = "") -> "Person":
        """A new (unsaved) member of a cell of `category`: identity and profile columns.

        Party dates, status, card number and party age are demo.lives's to fill in.
        """
        rng = self.rng
        sex = Sex.FEMALE if rng.random() < FEMALE_SHARE.get(category, 0.35) else Sex.MALE
        lo, hi = self._pick(self._bands.get(category, self._bands[C.AGENCY]))
        age_days = rng.randint(lo * 365 + 1, hi * 365 - 1)
        born = REFERENCE_DATE - timedelta(days=age_days)
        age = age_days // 365
        full_name = self.name(sex)
        search_name, sort_key = self.derived(full_name)
        member = Person(
            full_name=full_name,
            birth_name=full_name,
            date_of_birth=born,
            sex=sex,
            ethnicity_id=self._pick(self._ethnicity),
            religion_id=self._pick(self._religion),
            home_town=self.home_town(),
            citizen_id=self.citizen_id(born, sex),
            phone=self.phone() if rng.random() < 0.6 else "",
            address=address,
            organization_id=organization_id,
            search_name=search_name,
            sort_key=sort_key,
        )
        self._work(member, category, age)
        return member

    def _work(self, member: "Person", category: str, age: int) -> None:
        """Education, qualification, theory level, language and occupation for the cell."""
        rng = self.rng
        residential = category in RESIDENTIAL
        if residential and age >= 60:
            r = rng.random()
            member.education = (
                Ed.PRIMARY if r < 0.15 else Ed.LOWER_SECONDARY if r < 0.6 else Ed.UPPER_SECONDARY
            )
        elif residential or category == C.PRIVATE_ENTERPRISE:
            member.education = Ed.LOWER_SECONDARY if rng.random() < 0.2 else Ed.UPPER_SECONDARY
        else:
            member.education = Ed.UPPER_SECONDARY
        member.qualification = self._pick(
            self._qualification.get(category, self._qualification[C.AGENCY])
        )
        member.theory_level = self._pick(self._theory.get(category, self._theory[C.AGENCY]))
        if not residential:
            member.foreign_language = self._pick(self._languages)
        if category == C.ARMED_FORCES:
            member.occupation, member.armed_forces = Occ.ARMED_FORCES, True
        elif residential and age >= 60 and rng.random() < 0.45:
            # Retired officials, teachers and soldiers live on in their village.
            member.occupation, member.retired = Occ.RETIRED, True
        elif category == C.RURAL_VILLAGE:
            member.occupation = self._pick(self._village_occupation)
        elif category == C.URBAN_BLOCK:
            member.occupation = self._pick(self._block_occupation)
        elif category == C.PRIVATE_ENTERPRISE:
            member.occupation = Occ.BUSINESS if rng.random() < 0.2 else Occ.ENTERPRISE_EMPLOYEE
        else:
            member.occupation = _WORK_OCCUPATION.get(category, Occ.OTHER)


_COLUMNS = [f.attname for f in Member._meta.concrete_fields]
_DEFAULTS = {
    f.attname: (f.get_default() if f.has_default() or not f.null else None)
    for f in Member._meta.concrete_fields
}


class Person:
    """A member's columns before they are written: a light stand-in for Member.

    Building a Django model instance costs more than drawing the whole person; the demo
    turns the few thousand it keeps into Member objects with `to_member()`.
    """

    __slots__ = tuple(_COLUMNS)
    columns = _COLUMNS

    if TYPE_CHECKING:
        # The Member columns the demo reads and sets (all of _COLUMNS exist at run time).
        id: int | None
        organization_id: int
        sex: str
        date_of_birth: date
        education: str
        qualification: str
        theory_level: str
        foreign_language: str
        occupation: str
        armed_forces: bool
        retired: bool
        admitted_on: date | None
        full_member_on: date | None
        party_age_from: date | None
        seriously_ill: bool
        card_number: str
        file_number: str
        status: str
        exempted: bool

    def __init__(self, **values):
        for name, default in _DEFAULTS.items():
            setattr(self, name, values.pop(name, default))
        if values:
            raise TypeError(f"unknown member columns: {sorted(values)}")

    def values(self) -> dict:
        """The member's column values, by attname."""
        return {name: getattr(self, name) for name in _COLUMNS}

    def to_member(self) -> Member:
        member = Member(**{name: getattr(self, name) for name in _COLUMNS})
        member._state.adding = False
        member._state.db = "default"
        return member


def age_on(member, day: date) -> int:
    born = member.date_of_birth
    return day.year - born.year - ((day.month, day.day) < (born.month, born.day))
