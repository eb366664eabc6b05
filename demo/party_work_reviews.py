"""The reviews and the inspection and discipline work of `seed_party_work` (see
demo.party_work for the whole story): a mixin of demo.party_work.Seeder."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from django.db.models import Q
from django.utils import timezone
from simple_history.utils import bulk_create_with_history

from members.enums import MemberStatus
from members.models import Exemption, Member
from members.queries.register import membership_on
from organizations.enums import GRASSROOTS_KINDS
from organizations.models import Organization
from reviews import rules as rev_rules
from reviews import services as rev
from reviews.enums import Level, Step
from reviews.models import MemberReview, OrganizationReview
from reviews.queries.rounds import REVIEWED_KINDS

from .party_work_common import SeederState

L = Level
# Decided levels of cells and members (HTXS, HTT, HT, KHT), as shares.
# KHT only where a discipline of the year calls for it (see `reviews`).
CELL_SHARES = ((L.EXCELLENT, 0.12), (L.GOOD, 0.77), (L.COMPLETED, 0.11))
MEMBER_SHARES = ((L.EXCELLENT, 0.11), (L.GOOD, 0.80), (L.COMPLETED, 0.09))
# Keyed by Level, looked up by a level value (a str).
SCORES: dict[str, tuple[int, int]] = {
    L.EXCELLENT: (90, 98),
    L.GOOD: (72, 89),
    L.COMPLETED: (55, 69),
    L.FAILED: (38, 49),
}
HIGHER: dict[str, str] = {L.GOOD: L.EXCELLENT, L.COMPLETED: L.GOOD, L.FAILED: L.COMPLETED}
# 2018, as the seed reports for the district's 59 grassroots organizations.
GRASSROOTS_2018 = {L.EXCELLENT: 5, L.GOOD: 50, L.COMPLETED: 4}
GRASSROOTS_2023 = {L.EXCELLENT: 8, L.GOOD: 46, L.COMPLETED: 5}
PUBLISHED = {2018: date(2019, 1, 18), 2023: date(2024, 1, 19), 2025: date(2026, 1, 23)}


class ReviewsMixin(SeederState):
    # --- levels ---------------------------------------------------------------------------

    def draw(self, shares) -> str:
        r, acc = self.rng.random(), 0.0
        for level, share in shares:
            acc += share
            if r < acc:
                return level
        return shares[1][0]

    def score(self, level: str) -> int:
        return self.rng.randint(*SCORES[level])

    def org_steps(self, org, year: int, level: str, scored: bool, *, decide: bool = True):
        """Self-assessment (sometimes one level higher), the superior's proposal, decision."""
        self_level = level
        if level in HIGHER and self.rng.random() < 0.2:
            self_level = HIGHER[level]
        steps = [(Step.SELF, self_level), (Step.PROPOSAL, level)]
        if decide:
            steps.append((Step.DECISION, level))
        for step, lv in steps:
            if step == Step.DECISION and not decide:
                continue
            rev.record_organization_step(
                organization=org,
                year=year,
                step=step,
                level=lv,
                score=self.score(lv) if scored else None,
                by=self.by,
            )

    def org_levels(self, orgs, year: int, grassroots_counts) -> dict:
        """Planned levels: the grassroots organizations from the seed's counts, the rest
        drawn; REV-03: HTXS within 20% of HTT in each group under the same superior."""
        levels = {}
        grassroots = [o for o in orgs if o.kind in GRASSROOTS_KINDS and o.depth == 3]
        if grassroots_counts:
            pool = [lv for lv, n in grassroots_counts.items() for _ in range(n)]
            pool += [L.GOOD] * max(0, len(grassroots) - len(pool))
            self.rng.shuffle(pool)
            levels.update({o.pk: lv for o, lv in zip(grassroots, pool, strict=False)})
        for o in orgs:
            if o.pk not in levels:
                levels[o.pk] = self.draw(CELL_SHARES)
        if rev_rules.rule_set_for(year).cap_by_default:
            groups: dict = {}
            for o in orgs:
                key = (o.path[: -Organization.steplen], o.category or o.kind)
                groups.setdefault(key, []).append(o)
            for members in groups.values():
                excellent = [o for o in members if levels[o.pk] == L.EXCELLENT]
                good = sum(1 for o in members if levels[o.pk] == L.GOOD)
                while excellent and len(excellent) > rev_rules.excellent_allowed(good):
                    levels[excellent.pop().pk] = L.GOOD
                    good += 1
        return levels

    def reviewed_orgs(self, root, year: int) -> list[Organization]:
        end = date(year, 12, 31)
        return list(
            Organization.objects.filter(path__startswith=root.path, kind__in=REVIEWED_KINDS)
            .exclude(pk=root.pk)
            .filter(Q(established_on__isnull=True) | Q(established_on__lte=end))
            .filter(Q(dissolved_on__isnull=True) | Q(dissolved_on__gt=end))
            .order_by("path")
        )

    def review_orgs(self, root, round_, year: int, grassroots_counts, avoid=()) -> None:
        """Grassroots organizations (and in the current communes every organization)
        through `record_organization_step`; the cells of the dissolved district in bulk."""
        orgs = self.reviewed_orgs(root, year)
        levels = self.org_levels(orgs, year, grassroots_counts)
        for o in orgs:
            if o.pk in avoid and levels[o.pk] == L.EXCELLENT:
                levels[o.pk] = L.GOOD
        scored = rev_rules.rule_set_for(year).scored
        past = root.dissolved_on is not None
        through_service = [o for o in orgs if not past or o.kind in GRASSROOTS_KINDS]
        # Every decision below HTXS first, so the cap (REV-03) counts them.
        order = sorted(through_service, key=lambda o: levels[o.pk] == L.EXCELLENT)
        for o in order:
            self.org_steps(o, year, levels[o.pk], scored)
        rows = []
        for o in orgs:
            if o in through_service:
                continue
            row = OrganizationReview(organization=o)
            self.fill(row, round_, year, levels[o.pk])
            rows.append(row)
        bulk_create_with_history(rows, OrganizationReview, batch_size=2000, default_user=self.by)
        self.result.org_reviews += len(orgs)

    def fill(self, review, round_, year: int, level: str) -> None:
        """The three steps of a review written in bulk, checked as the service checks them
        (the level exists in the year's rule set; the score agrees with it, REV-04)."""
        rule_set = round_.rules
        self_level = HIGHER.get(level, level) if self.rng.random() < 0.1 else level
        stamp = timezone.make_aware(datetime.combine(date(year, 12, 15), time(9)))
        review.round, review.year, review.rule_set = round_, year, rule_set.code
        for step, lv, at in (
            ("self", self_level, stamp),
            ("proposal", level, stamp + timedelta(days=5)),
            ("decision", level, stamp + timedelta(days=12)),
        ):
            score = self.score(lv) if rule_set.scored else None
            problems = rev_rules.level_findings(rule_set, review.SUBJECT, lv) + (
                rev_rules.score_findings(rule_set, lv, score)
            )
            assert not [f for f in problems if f.severity == "blocking"], problems
            setattr(review, f"{step}_level", lv)
            setattr(review, f"{step}_score", score)
            setattr(review, f"{step}_by", self.by)
            setattr(review, f"{step}_at", at)
        if year in PUBLISHED and self.past(PUBLISHED[year]):
            review.published_on = PUBLISHED[year]

    # --- members --------------------------------------------------------------------------

    def exempted_on(self, on: date) -> set[int]:
        return set(
            Exemption.objects.filter(starts_on__lte=on)
            .filter(Q(ends_on__isnull=True) | Q(ends_on__gte=on))
            .values_list("member_id", flat=True)
        )

    def past_member_reviews(self, round_, year: int) -> None:
        """Members of the dissolved district reviewed in the cell they belonged to on 31/12
        of the year: the rows `record_member_step` writes (it reviews members only in
        their current organization), checked with the same level rules."""
        end = date(year, 12, 31)
        exempted = self.exempted_on(end)
        rows = []
        memberships = (
            membership_on(end)
            .filter(organization__path__startswith=self.district.path)
            .order_by("member_id")
            .values_list("member_id", "organization_id")
        )
        for member_id, org_id in memberships:
            if member_id in exempted:
                continue
            review = MemberReview(member_id=member_id, organization_id=org_id)
            self.fill(review, round_, year, self.draw(MEMBER_SHARES))
            rows.append(review)
        bulk_create_with_history(rows, MemberReview, batch_size=2000, default_user=self.by)
        self.result.member_reviews += len(rows)

    def current_member_reviews(self, commune, round_, year: int, failed: dict) -> None:
        """Every member of the commune at the end of the year, through the service."""
        end = date(year, 12, 31)
        exempted = self.exempted_on(end)
        ids = (
            membership_on(end)
            .filter(organization__path__startswith=commune.path)
            .values("member_id")
        )
        members = list(
            Member.objects.filter(
                pk__in=ids, status__in=[MemberStatus.FULL, MemberStatus.PROBATIONARY]
            )
            .filter(admitted_on__lte=round_.cutoff_on, organization__path__startswith=commune.path)
            .exclude(pk__in=exempted)
            .select_related("organization")
            .order_by("pk")
        )
        # Through the service: the members of the disciplined members' cells and of a few
        # more cells; the others written in bulk with the same checks (a few seconds
        # instead of a minute).
        cells = sorted({m.organization_id for m in members})
        chosen = set(self.rng.sample(cells, min(4, len(cells))))
        chosen |= {m.organization_id for m in members if m.pk in failed}
        rows = []
        for member in members:
            if member.organization_id not in chosen:
                review = MemberReview(member=member, organization_id=member.organization_id)
                self.fill(review, round_, year, self.draw(MEMBER_SHARES))
                rows.append(review)
                continue
            level = L.FAILED if member.pk in failed else self.draw(MEMBER_SHARES)
            self_level = HIGHER.get(level, level) if self.rng.random() < 0.1 else level
            for step, lv in (
                (Step.SELF, self_level),
                (Step.PROPOSAL, level),
                (Step.DECISION, level),
            ):
                rev.record_member_step(
                    member=member,
                    year=year,
                    step=step,
                    level=lv,
                    score=self.score(lv),
                    note=failed.get(member.pk, "") if step == Step.DECISION else "",
                    by=self.by,
                )
            self.result.member_reviews += 1
        bulk_create_with_history(rows, MemberReview, batch_size=2000, default_user=self.by)
        self.result.member_reviews += len(rows)

    def reviews(self, disciplined: dict) -> None:
        for year, counts in ((2018, GRASSROOTS_2018), (2023, GRASSROOTS_2023)):
            round_ = rev.open_round(organization=self.district, year=year, by=self.by)
            self.review_orgs(self.district, round_, year, counts)
            self.past_member_reviews(round_, year)
            rev.publish_round(round_, published_on=PUBLISHED[year], by=self.by)
        year = 2025
        for commune in self.communes:
            round_ = rev.open_round(
                organization=commune, year=year, by=self.by, cutoff_on=date(2025, 11, 30)
            )
            failed = {
                d.subject_member_id: f"Bị kỷ luật {d.get_form_display().lower()} trong năm "
                f"(quyết định {d.decision_number})"
                for d in disciplined.get(year, [])
                if d.subject_member.organization.path.startswith(commune.path)
            }
            avoid = {
                d.subject_organization_id
                for d in disciplined.get(year, [])
                if d.subject_organization.path.startswith(commune.path)
            }
            self.review_orgs(commune, round_, year, None, avoid=avoid)
            self.current_member_reviews(commune, round_, year, failed)
            if self.past(PUBLISHED[year]):
                rev.publish_round(round_, published_on=PUBLISHED[year], by=self.by)
