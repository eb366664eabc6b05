"""`manage.py seed_party_work`: admissions, training, reviews and discipline for the demo.

Run after `seed_demo` (and `seed_meetings` when present). Everything is written through
the apps' services, as the screens write it, so every row passes the same checks:

- training (training.services): party-awareness courses (the district's before the 2025
  reorganization, then each current commune's) whose certificates the candidates use
  (ADM-04), new-member courses for the probationary members (PRB-04), an elementary
  political theory course (raising theory levels, STA-01); the directives 05-CT/TW,
  04-NQ/TW (Hội nghị Trung ương 4 khóa XII) and 28-CT/TW with a study conference of the
  district and of every grassroots organization, then of the communes and their
  grassroots organizations, with participant counts from the dated memberships;
- admissions (admissions.services) in the two current communes: outstanding people and
  sympathizers with helpers and monthly review notes, and cases moved with `advance`
  stage by stage on dates chosen so that every rule passes (ADM-01 age, ADM-02
  education, ADM-03 two full members of the same grassroots organization for 12+
  months, ADM-04 a certificate from a course above, ADM-06 2/3 of the full members on
  that day, ADM-07..09 deadlines in working days). A case's next step is taken only when
  its date is not after today, so cases stand at every stage; the completed ones created
  their probationary member through the register (record_event ADMITTED). A few cases
  are refused or withdrawn. Yearly and term targets (ADM-11) are set so the results are
  met at 90–110%. Probationary members whose 12 months have ended get their
  full-membership case (`advance`), those due within the next months an open case;
- reviews (reviews.services): rounds for 2018 (REV-02) and 2023 (REV-03) of the old
  district, 2025 (REV-04, scored) of the two communes, published. The grassroots
  organizations of the district and every organization of the communes go through
  `record_organization_step` (2018 matches the seed: 59 grassroots organizations, 5
  HTXS, 50 HTT, 4 HT; 2023 keeps HTXS within the REV-03 20% cap of each group, HTT
  decided first). The service reviews a member only in their current organization, so
  the dissolved district's cells and members (2018, 2023: in the cell they belonged to
  on 31/12) are written in bulk (bulk_create_with_history) with the service's fields
  and its level and score checks; in 2025 the members of the disciplined member's cell
  and of four more cells per commune go through `record_member_step`, the others in
  bulk the same way (a minute saved). KHT only for the member disciplined in 2025;
- discipline (discipline.services): inspection commissions, the district's 2018
  programme (3 organizations on signs of violation, 5 finance inspections, 3 supervision
  rounds, as the seed reports), each commune's 2026 programme with regular, thematic
  and signs-of-violation inspections, findings, conclusions and recommendations, a
  supervision round, and two disciplines (a reprimand by a cell in 2025, a warning by
  the commune's standing committee in 2026), each by a body that may decide (DIS-02).

Deterministic: one random.Random seeded by `seed`; the dates do not depend on the clock
except that nothing after `today` (an argument: the command's `--today`) is written.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.contrib.auth import get_user_model
from django.db import transaction

from admissions.enums import CandidateSource, CandidateState, Outcome, SponsorKind, Stage
from admissions.models import AdmissionCase, Candidate
from admissions.queries.stages import (
    committee_size_on,
    decision_body,
    full_members_on,
    grassroots_of,
)
from admissions.rules.sponsors import two_thirds
from admissions.rules.stages import has_committee_stage
from admissions.services.candidates import add_candidate, add_review, set_candidate_state
from admissions.services.cases import add_sponsor, close_case, open_case
from admissions.services.stages import advance
from members.enums import Education, MemberStatus, Sex
from members.models import Member
from organizations.enums import CELL_KINDS, GRASSROOTS_KINDS, OrgKind
from organizations.enums import CellCategory as C
from organizations.models import Organization
from training import services as trn
from training.enums import Result
from training.queries import candidate_ref_of

from .party_work_common import RESIDENTIAL, wd
from .party_work_discipline import DisciplineMixin
from .party_work_probation import ProbationMixin
from .party_work_reviews import ReviewsMixin
from .party_work_training import TrainingMixin
from .people import People
from .tree import REORGANIZED

SEED = 1951


@dataclass
class Result_:
    courses: int = 0
    enrollments: int = 0
    directives: int = 0
    sessions: int = 0
    candidates: int = 0
    cases: int = 0
    admitted: int = 0
    stages: dict = field(default_factory=dict)
    full_cases: int = 0
    targets: int = 0
    org_reviews: int = 0
    member_reviews: int = 0
    inspections: int = 0
    disciplines: int = 0


def has_data() -> bool:
    return AdmissionCase.objects.exists() or Candidate.objects.exists()


def acting_user():
    """The demo's system administrator (every service checks `by`'s reach)."""
    User = get_user_model()
    return User.objects.filter(username="admin").first() or (
        User.objects.filter(is_superuser=True).order_by("pk").first()
    )


def _abbr(org) -> str:
    """ "Đảng bộ xã Thất Khê" → "ĐU" (the committee's symbol on its documents)."""
    return "ĐU" if org.kind not in CELL_KINDS else "CB"


class Seeder(TrainingMixin, ProbationMixin, ReviewsMixin, DisciplineMixin):
    def __init__(self, seed: int = SEED, *, today: date):
        self.rng = random.Random(seed)
        self.today = today
        self.by = acting_user()
        if self.by is None:
            raise ValueError("no administrator account: run seed_demo first")
        self.result = Result_()
        self.people = People(
            self.rng,
            used_citizen_ids=Member.objects.exclude(citizen_id=None)
            .exclude(citizen_id="")
            .values_list("citizen_id", flat=True),
        )
        self.province = Organization.objects.get(depth=1, code="38.000.000.000.000")
        district = Organization.objects.filter(kind=OrgKind.DISTRICT).order_by("path").first()
        if district is None:
            raise ValueError("no district: run seed_demo first")
        self.district = district
        self.communes = list(
            Organization.objects.filter(
                depth=2, kind=OrgKind.COMMUNE, dissolved_on__isnull=True
            ).order_by("path")
        )
        self.awareness: dict[int, list] = {}  # commune pk → courses, oldest first
        self.new_member_courses: dict[int, list] = {}
        self.number = 0

    # --- small helpers ---------------------------------------------------------------------

    def past(self, d: date) -> bool:
        return d <= self.today

    def next_number(self, prefix: str) -> str:
        self.number += 1
        return f"{self.number:03d}-{prefix}"

    def grassroots_under(self, root) -> list[Organization]:
        return list(
            Organization.objects.filter(
                path__startswith=root.path, kind__in=GRASSROOTS_KINDS
            ).order_by("path")
        )

    def cells_under(self, root) -> list[Organization]:
        return list(
            Organization.objects.filter(path__startswith=root.path, kind__in=CELL_KINDS).order_by(
                "path"
            )
        )

    # --- the whole run ---------------------------------------------------------------------

    def run(self) -> Result_:
        with transaction.atomic():
            self.training()
            self.directives()
            for commune in self.communes:
                self.admissions(commune)
            self.full_memberships()
            self.targets()
            self.elementary_theory()
            disciplined = self.discipline()
            self.reviews(disciplined)
        return self.result

    # --- admissions -------------------------------------------------------------------------

    REVIEW_NOTES = [
        "Chấp hành tốt chủ trương của Đảng, chính sách, pháp luật của Nhà nước; tích cực "
        "tham gia các phong trào của thôn.",
        "Có ý thức học tập, tu dưỡng; tham gia đầy đủ các buổi sinh hoạt đoàn thể.",
        "Gương mẫu trong lao động sản xuất, giúp đỡ các hộ khó khăn trong thôn.",
        "Nhiệt tình, trách nhiệm trong công việc; quan hệ tốt với quần chúng nơi cư trú.",
        "Tích cực tìm hiểu Điều lệ Đảng; đã hoàn thiện bản tự khai lý lịch.",
        "Lập trường tư tưởng vững vàng, lối sống giản dị, được quần chúng tín nhiệm.",
    ]
    OCCUPATION = {
        C.RURAL_VILLAGE: ["Làm ruộng", "Trồng rừng, làm vườn", "Kinh doanh tự do", "Chăn nuôi"],
        C.URBAN_BLOCK: ["Kinh doanh", "Lao động tự do", "Nhân viên bán hàng", "Thợ sửa chữa"],
        C.AGENCY: ["Công chức", "Viên chức hợp đồng"],
        C.PUBLIC_SERVICE: ["Y sĩ", "Điều dưỡng", "Dược sĩ"],
        C.SCHOOL: ["Giáo viên", "Nhân viên thư viện"],
        C.ARMED_FORCES: ["Chiến sĩ", "Cán bộ"],
    }
    SOURCES = {
        C.RURAL_VILLAGE: [
            CandidateSource.RESIDENCE,
            CandidateSource.YOUTH_UNION,
            CandidateSource.FARMERS,
            CandidateSource.WOMEN_UNION,
        ],
        C.URBAN_BLOCK: [CandidateSource.RESIDENCE, CandidateSource.YOUTH_UNION],
        C.ARMED_FORCES: [CandidateSource.ARMED_FORCES, CandidateSource.YOUTH_UNION],
    }

    def admission_cells(self, commune) -> list[Organization]:
        """The commune's cells with enough full members to admit (weighted toward villages)."""
        cells = []
        for cell in self.cells_under(commune):
            if full_members_on(cell, date(2025, 7, 15)).count() < 5:
                continue
            weight = 3 if cell.category in RESIDENTIAL else 1
            cells += [cell] * weight
        return cells

    def new_candidate(self, commune, cell, on: date, *, age: tuple[int, int] = (19, 38)):
        sex = Sex.FEMALE if self.rng.random() < 0.45 else Sex.MALE
        years = self.rng.randint(*age)
        born = on - timedelta(days=years * 365 + self.rng.randrange(365))
        place = cell.name.replace("Chi bộ ", "")
        commune_name = commune.name.replace("Đảng bộ ", "")
        address = (
            f"{place}, {commune_name}, tỉnh Lạng Sơn"
            if cell.category in RESIDENTIAL
            else f"{commune_name}, tỉnh Lạng Sơn"
        )
        candidate = add_candidate(
            by=self.by,
            cell=cell,
            on=on,
            full_name=self.people.name(sex),
            sex=sex,
            date_of_birth=born,
            education=Education.UPPER_SECONDARY
            if self.rng.random() < 0.65
            else Education.LOWER_SECONDARY,
            citizen_id=self.people.citizen_id(born, sex),
            home_town=self.people.home_town(),
            address=address,
            occupation=self.rng.choice(self.OCCUPATION.get(cell.category, ["Lao động tự do"])),
            source=self.rng.choice(
                self.SOURCES.get(
                    cell.category,
                    [
                        CandidateSource.WORKPLACE,
                        CandidateSource.TRADE_UNION,
                        CandidateSource.YOUTH_UNION,
                    ],
                )
            ),
            youth_union_member=years <= 30,
        )
        self.result.candidates += 1
        return candidate

    def full_member(self, cell, on: date, exclude=()) -> list[Member]:
        pool = list(
            full_members_on(cell, on)
            .filter(status=MemberStatus.FULL, full_member_on__lte=on - timedelta(days=400))
            .exclude(pk__in=[m.pk for m in exclude])
            .order_by("pk")
        )
        return pool

    def attend_course(self, commune, candidate, after: date):
        """The candidate's awareness course: the first one ending on or after `after` minus
        two months (the district's before the reorganization count too)."""
        for course in self.awareness[commune.pk]:
            if course.ends_on >= after - timedelta(days=60):
                enrollment = trn.enroll_person(
                    course,
                    full_name=candidate.full_name,
                    date_of_birth=candidate.date_of_birth,
                    citizen_id=candidate.citizen_id,
                    candidate_ref=candidate_ref_of(candidate),
                    by=self.by,
                )
                self.result.enrollments += 1
                if self.past(course.ends_on):
                    trn.record_result(
                        enrollment,
                        result=Result.COMPLETED,
                        certificate_number=f"{self.rng.randrange(100, 999)}/{course.starts_on:%Y}/CN-NTVĐ",
                        certificate_on=course.ends_on,
                        by=self.by,
                    )
                    enrollment.refresh_from_db()
                return enrollment
        return None

    def monthly_reviews(self, candidate, since: date, until: date) -> None:
        month = since.replace(day=1)
        while month <= min(until, self.today):
            add_review(candidate, by=self.by, month=month, note=self.rng.choice(self.REVIEW_NOTES))
            month = (month + timedelta(days=32)).replace(day=1)

    def step(self, case, stage, on, **facts) -> bool:
        if not self.past(on):
            return False
        advance(case, stage, by=self.by, on=on, **facts)
        return True

    def admissions(self, commune) -> None:
        """Candidates and cases of one commune, from the reorganization to today."""
        rng = self.rng
        cells = self.admission_cells(commune)
        first = REORGANIZED + timedelta(days=6)
        span = (self.today - first).days - 20
        # More cases opened lately: the pipeline takes months, so older ones are done.
        starts = sorted(
            first + timedelta(days=int(max(span, 1) * rng.random() ** 0.6)) for _ in range(36)
        )
        endings = {5: "withdrawn", 11: "refused"}
        for i, start in enumerate(starts):
            cell = rng.choice(cells)
            self.case(commune, cell, start, ending=endings.get(i))
        # People still on the list only, and two taken off it.
        for i in range(12):
            cell = rng.choice(cells)
            on = first + timedelta(days=rng.randrange(max(span, 1)))
            candidate = self.new_candidate(commune, cell, on)
            if i < 2 and self.past(on + timedelta(days=90)):
                set_candidate_state(
                    candidate,
                    CandidateState.REMOVED,
                    by=self.by,
                    on=on + timedelta(days=90),
                    reason="Chuyển đi làm ăn xa, không còn cư trú tại địa phương",
                )
            elif i < 6:
                self.attend_course(commune, candidate, on)

    def case(self, commune, cell, start: date, *, ending: str | None = None) -> None:
        rng = self.rng
        candidate = self.new_candidate(commune, cell, start)
        case = open_case(candidate, by=self.by, on=start)
        self.result.cases += 1
        on = wd(start, rng.randint(5, 15))
        helpers = self.full_member(cell, on)
        if not helpers or not self.step(case, Stage.SYMPATHIZER, on, helper=rng.choice(helpers)):
            return
        sympathizer_on = on
        enrollment = self.attend_course(commune, candidate, on)
        if enrollment is None or enrollment.certificate_on is None:
            self.monthly_reviews(candidate, sympathizer_on, self.today)
            return
        on = max(wd(on, 1), wd(enrollment.certificate_on, rng.randint(1, 5)))
        if not self.step(
            case,
            Stage.COURSE,
            on,
            certificate_on=enrollment.certificate_on,
            certificate_number=enrollment.certificate_number,
        ):
            self.monthly_reviews(candidate, sympathizer_on, self.today)
            return
        if ending == "withdrawn":
            closed = wd(on, rng.randint(10, 30))
            self.monthly_reviews(candidate, sympathizer_on, closed)
            if self.past(closed):
                case.refresh_from_db()
                close_case(
                    case,
                    by=self.by,
                    on=closed,
                    outcome=Outcome.WITHDRAWN,
                    reason="Đi làm việc tại tỉnh khác, xin dừng xem xét",
                )
            return
        for stage, gap in (
            (Stage.APPLICATION, (3, 10)),
            (Stage.HISTORY, (5, 12)),
            (Stage.VERIFICATION, (10, 25)),
            (Stage.COMMENTS, (3, 8)),
        ):
            on = wd(on, rng.randint(*gap))
            if not self.step(case, stage, on):
                self.monthly_reviews(candidate, sympathizer_on, self.today)
                return
        # ADM-03: two full members of the cell (or the Youth Union and one member).
        on = wd(on, rng.randint(2, 6))
        cell_on = wd(on, rng.randint(3, 10))
        if not self.past(on):
            self.monthly_reviews(candidate, sympathizer_on, self.today)
            return
        still = set(self.full_member(cell, cell_on))
        pool = [m for m in self.full_member(cell, on) if m in still]
        rng.shuffle(pool)
        youth = candidate.youth_union_member and rng.random() < 0.35
        sponsors = pool[: 1 if youth else 2]
        if len(sponsors) < (1 if youth else 2):
            return
        since = date(on.year - rng.randint(2, 8), rng.randint(1, 12), 1)
        for member in sponsors:
            add_sponsor(
                case, by=self.by, kind=SponsorKind.MEMBER, member=member, since=since, letter_on=on
            )
        if youth:
            add_sponsor(
                case,
                by=self.by,
                kind=SponsorKind.YOUTH_UNION,
                youth_union_name=f"Ban Chấp hành Đoàn {commune.name.replace('Đảng bộ ', '')}",
                since=since,
                letter_on=on,
            )
        self.step(case, Stage.SPONSORS, on)
        self.monthly_reviews(candidate, sympathizer_on, cell_on)
        if ending == "refused":
            if self.past(cell_on):
                case.refresh_from_db()
                close_case(
                    case,
                    by=self.by,
                    on=cell_on,
                    outcome=Outcome.REFUSED,
                    reason="Chi bộ họp xét: số đảng viên chính thức tán thành chưa đạt 2/3",
                )
            return
        if not self.past(cell_on):
            return
        base = full_members_on(cell, cell_on).count()
        absent = rng.choice([0, 0, 1, 1, 2, 3])
        votes = max(two_thirds(base), base - absent)
        if not self.step(case, Stage.CELL_RESOLUTION, cell_on, votes_for=votes, votes_against=0):
            return
        on = cell_on
        if has_committee_stage(cell):
            on = wd(on, rng.randint(3, 8))
            grassroots = grassroots_of(cell)
            # ADM-06: the vote base is the committee seated on that day in the register.
            size = committee_size_on(grassroots, on)
            if not size or not self.step(
                case,
                Stage.COMMITTEE_RESOLUTION,
                on,
                committee_for=size - rng.choice([0, 0, 1]),
                committee_against=0,
            ):
                return
        on = wd(on, rng.randint(5, 25))
        body = decision_body(cell)
        if not self.step(
            case, Stage.DECISION, on, decision_number=self.next_number(f"QĐ/{_abbr(body)}")
        ):
            return
        received = wd(on, rng.randint(1, 3))
        on = wd(received, rng.randint(3, 15))
        if not self.step(case, Stage.CEREMONY, on, decision_received_on=received):
            return
        self.result.admitted += 1
        self.step(case, Stage.MEMBER_FILE, wd(on, rng.randint(5, 20)))
