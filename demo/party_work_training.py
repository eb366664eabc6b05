"""The training of `seed_party_work` (see demo.party_work for the whole story): courses and
certificates, directives and study conferences; a mixin of demo.party_work.Seeder."""

from __future__ import annotations

from datetime import date, timedelta

from django.db.models import Q

from members.enums import MemberStatus
from members.models import Member
from members.queries.register import members_of
from training import services as trn
from training.enums import CourseKind, Result
from training.models import Directive

from .party_work_common import DAY, SeederState


class TrainingMixin(SeederState):
    # --- training: courses ------------------------------------------------------------------

    def course(self, organizer, kind, title, starts_on, ends_on, place):
        course = trn.create_course(
            organizer=organizer,
            kind=kind,
            title=title,
            starts_on=starts_on,
            ends_on=ends_on,
            place=place,
            by=self.by,
        )
        self.result.courses += 1
        return course

    def training(self) -> None:
        """Awareness courses: three of the district's (2024–2025), then six of each commune.
        The candidates of section `admissions` are enrolled in them."""
        district_courses = []
        for start in (date(2024, 3, 18), date(2024, 9, 16), date(2025, 3, 17)):
            district_courses.append(
                self.course(
                    self.district,
                    CourseKind.PARTY_AWARENESS,
                    f"Lớp bồi dưỡng nhận thức về Đảng khóa {start:%m/%Y}",
                    start,
                    start + 4 * DAY,
                    "Trung tâm Chính trị huyện Tràng Định",
                )
            )
        starts = [
            date(2025, 8, 11),
            date(2025, 11, 10),
            date(2026, 3, 16),
            date(2026, 6, 15),
            date(2026, 9, 14),
            date(2026, 12, 7),
        ]
        for commune in self.communes:
            place = f"Hội trường {commune.name.replace('Đảng bộ ', 'Đảng ủy ')}"
            courses = list(district_courses)
            for start in starts:
                courses.append(
                    self.course(
                        commune,
                        CourseKind.PARTY_AWARENESS,
                        f"Lớp bồi dưỡng nhận thức về Đảng khóa {start:%m/%Y}",
                        start,
                        start + 4 * DAY,
                        place,
                    )
                )
            self.awareness[commune.pk] = courses
            self.new_member_courses[commune.pk] = [
                self.course(
                    commune,
                    CourseKind.NEW_MEMBER,
                    f"Lớp bồi dưỡng lý luận chính trị cho đảng viên mới khóa {start:%m/%Y}",
                    start,
                    start + 6 * DAY,
                    place,
                )
                for start in (
                    date(2025, 9, 22),
                    date(2026, 1, 12),
                    date(2026, 5, 11),
                    date(2026, 9, 21),
                )
            ]

    def certificate(self, enrollment, course) -> None:
        """The learner's result once the course has ended (nothing before)."""
        if not self.past(course.ends_on):
            return
        if self.rng.random() < 0.03:
            trn.record_result(enrollment, result=Result.ABSENT, by=self.by)
            return
        trn.record_result(
            enrollment,
            result=Result.COMPLETED,
            certificate_number=f"{self.rng.randrange(100, 999)}/{course.starts_on:%Y}/GCN",
            certificate_on=course.ends_on,
            by=self.by,
        )

    def new_member_training(self) -> None:
        """Every probationary member of a commune attends the first new-member course after
        admission (PRB-04)."""
        for commune in self.communes:
            done: set[int] = set()
            for course in self.new_member_courses[commune.pk]:
                newcomers = (
                    Member.objects.filter(
                        organization__path__startswith=commune.path,
                        admitted_on__lte=course.starts_on,
                        admitted_on__gt=course.starts_on - timedelta(days=330),
                    )
                    .filter(
                        Q(status=MemberStatus.PROBATIONARY) | Q(full_member_on__gt=course.starts_on)
                    )
                    .exclude(pk__in=done)
                    .order_by("pk")
                )
                for member in newcomers:
                    if member.status not in (MemberStatus.PROBATIONARY, MemberStatus.FULL):
                        continue
                    enrollment = trn.enroll_member(course, member=member, by=self.by)
                    self.result.enrollments += 1
                    done.add(member.pk)
                    if self.past(course.ends_on):
                        trn.record_result(
                            enrollment,
                            result=Result.COMPLETED,
                            certificate_number=f"{self.rng.randrange(100, 999)}/{course.starts_on:%Y}/ĐVM",
                            certificate_on=course.ends_on,
                            by=self.by,
                        )

    def elementary_theory(self) -> None:
        """One elementary political theory course per commune in 2026 (raises STA-01 levels)."""
        for commune in self.communes:
            start = date(2026, 8, 3)
            course = self.course(
                commune,
                CourseKind.ELEMENTARY_THEORY,
                f"Lớp sơ cấp lý luận chính trị năm {start.year}",
                start,
                date(2026, 8, 28),
                f"Hội trường {commune.name.replace('Đảng bộ ', 'Đảng ủy ')}",
            )
            learners = list(
                Member.objects.filter(
                    organization__path__startswith=commune.path,
                    status=MemberStatus.FULL,
                    theory_level__in=["", "none"],
                    date_of_birth__gt=date(1976, 1, 1),
                ).order_by("pk")
            )
            self.rng.shuffle(learners)
            for member in learners[:30]:
                enrollment = trn.enroll_member(course, member=member, by=self.by)
                self.result.enrollments += 1
                self.certificate(enrollment, course)

    # --- training: directives and study conferences --------------------------------------------

    DIRECTIVES = [
        (
            "05-CT/TW",
            "Về đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh",
            date(2016, 5, 15),
            "Bộ Chính trị",
        ),
        (
            "04-NQ/TW",
            "Nghị quyết Hội nghị lần thứ tư Ban Chấp hành Trung ương Đảng khóa XII về tăng "
            "cường xây dựng, chỉnh đốn Đảng; ngăn chặn, đẩy lùi sự suy thoái về tư tưởng "
            "chính trị, đạo đức, lối sống, những biểu hiện “tự diễn biến”, “tự chuyển hóa” "
            "trong nội bộ",
            date(2016, 10, 30),
            "Ban Chấp hành Trung ương",
        ),
        (
            "28-CT/TW",
            "Về nâng cao chất lượng kết nạp đảng viên và rà soát, sàng lọc, đưa những đảng "
            "viên không đủ tư cách ra khỏi Đảng",
            date(2023, 12, 21),
            "Ban Bí thư",
        ),
    ]

    def directive(self, code, title, issued_on, issuer) -> Directive:
        found = Directive.objects.filter(code__iexact=code).first()
        if found is not None:
            return found
        self.result.directives += 1
        return trn.create_directive(
            code=code, title=title, issued_on=issued_on, issuer=issuer, by=self.by
        )

    def session(self, directive, organization, held_on, *, others: float = 0.0) -> None:
        members = members_of(organization, held_on, subtree=True).count()
        if not members:
            return
        present = max(1, round(members * self.rng.uniform(0.86, 0.97)))
        trn.record_study_session(
            directive=directive,
            organization=organization,
            held_on=held_on,
            members_count=present,
            others_count=round(present * others),
            notes="Học tập, quán triệt bằng hình thức trực tiếp, kết hợp trực tuyến.",
            by=self.by,
        )
        self.result.sessions += 1

    def directives(self) -> None:
        """A district conference then one per grassroots organization for each directive
        (before 2025); after the reorganization the communes study 05-CT/TW (2025) and
        28-CT/TW (2026) with their grassroots organizations."""
        found = {code: self.directive(code, t, d, i) for code, t, d, i in self.DIRECTIVES}
        district_gr = [
            g
            for g in self.grassroots_under(self.district)
            if g.established_on is None or g.established_on < date(2016, 1, 1)
        ]
        for code, first, span in (
            ("05-CT/TW", date(2016, 6, 20), 80),
            ("04-NQ/TW", date(2016, 12, 12), 90),
            ("28-CT/TW", date(2024, 2, 26), 60),
        ):
            self.session(found[code], self.district, first, others=0.0)
            for g in district_gr:
                self.session(found[code], g, first + timedelta(days=self.rng.randrange(7, span)))
        for commune in self.communes:
            for code, first in (("05-CT/TW", date(2025, 8, 25)), ("28-CT/TW", date(2026, 3, 9))):
                self.session(found[code], commune, first)
                for g in self.grassroots_under(commune):
                    held = first + timedelta(days=self.rng.randrange(5, 40))
                    if self.past(held):
                        self.session(found[code], g, held, others=0.05)
