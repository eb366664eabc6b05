"""Probation, full membership (PRB-01..04) and admission targets (ADM-11) of
`seed_party_work` (see demo.party_work); a mixin of demo.party_work.Seeder."""

from __future__ import annotations

from datetime import timedelta

from admissions.enums import DocKind
from admissions.models import AdmissionCase
from admissions.queries.stages import committee_size_on, full_members_on, grassroots_of
from admissions.rules.probation import probation_ends_on
from admissions.rules.sponsors import two_thirds
from admissions.rules.stages import has_committee_stage
from admissions.services.cases import record_document
from admissions.services.full_membership import open_full_case, probation_start
from admissions.services.stages import advance
from admissions.services.targets import set_target
from members.enums import MemberStatus
from members.models import Member
from organizations.models import Term
from training.enums import CourseKind, Result

from .party_work_common import RESIDENTIAL, SeederState, wd


class ProbationMixin(SeederState):
    # --- probation, full membership and targets ----------------------------------------------

    def full_memberships(self) -> None:
        """PRB-01..04: the new-member course, then a full-membership case for every
        probationary member whose 12 months have ended (decided when the dates have
        passed), and an open case for those due within the next two and a half months."""
        self.new_member_training()
        rng = self.rng
        for commune in self.communes:
            probationary = Member.objects.filter(
                organization__path__startswith=commune.path, status=MemberStatus.PROBATIONARY
            ).order_by("pk")
            for member in probationary:
                start = probation_start(member)
                assert start is not None  # a probationary member has been admitted
                end = probation_ends_on(start)
                if end > self.today + timedelta(days=75):
                    continue
                fcase = open_full_case(member, by=self.by)
                self.result.full_cases += 1
                ready = min(self.today, end - timedelta(days=rng.randint(3, 20)))
                for doc in fcase.documents.all():
                    if doc.kind in (
                        DocKind.SELF_REVIEW,
                        DocKind.HELPER_COMMENTS,
                        DocKind.MASS_COMMENTS,
                    ):
                        record_document(doc, by=self.by, received_on=ready)
                    elif doc.kind == DocKind.NEW_MEMBER_COURSE:
                        cert = (
                            member.enrollments.filter(
                                result=Result.COMPLETED, course__kind=CourseKind.NEW_MEMBER
                            )
                            .order_by("certificate_on")
                            .first()
                        )
                        if cert is not None:
                            record_document(doc, by=self.by, received_on=cert.certificate_on)
                on = wd(end, rng.randint(1, 8))
                if not self.past(on):
                    continue
                cell = member.organization
                base = full_members_on(cell, on).exclude(pk=member.pk).count()
                votes = max(two_thirds(base), base - rng.choice([0, 1, 1, 2]))
                advance(
                    fcase,
                    "cell_resolution",
                    by=self.by,
                    on=on,
                    proposal="full",
                    votes_for=votes,
                    votes_against=0,
                )
                if has_committee_stage(cell):
                    on = wd(on, rng.randint(3, 8))
                    if not self.past(on):
                        continue
                    # ADM-06: the vote base is the committee seated on that day.
                    size = committee_size_on(grassroots_of(cell), on)
                    if not size:
                        continue
                    advance(
                        fcase,
                        "committee_resolution",
                        by=self.by,
                        on=on,
                        committee_for=size,
                        committee_against=0,
                    )
                on = wd(on, rng.randint(5, 20))
                if self.past(on):
                    advance(
                        fcase,
                        "decision",
                        by=self.by,
                        on=on,
                        decision_number=self.next_number("QĐ/ĐU"),
                    )

    def targets(self) -> None:
        """ADM-11: yearly targets of each commune and its grassroots organizations (2025 from
        the reorganization, 2026), met at about 90–110%, and the commune's term target."""
        rng = self.rng
        for commune in self.communes:
            total = {}
            for year in (2025, 2026):
                admitted = AdmissionCase.objects.filter(
                    cell__path__startswith=commune.path, decision_on__year=year
                )
                count = admitted.count()
                total[year] = count
                if count:
                    set_target(
                        by=self.by,
                        organization=commune,
                        year=year,
                        target=max(1, round(count / rng.uniform(0.9, 1.1))),
                    )
                    self.result.targets += 1
                for g in self.grassroots_under(commune):
                    n = admitted.filter(cell__path__startswith=g.path).count()
                    if n or g.category in RESIDENTIAL:
                        set_target(
                            by=self.by,
                            organization=g,
                            year=year,
                            target=max(1, n + rng.choice([-1, 0, 0, 0, 1])),
                        )
                        self.result.targets += 1
            term = Term.objects.filter(organization=commune).order_by("-starts_on").first()
            if term is not None:
                per_year = max(total.values()) or 10
                set_target(by=self.by, organization=commune, term=term, target=per_year * 5)
                self.result.targets += 1
