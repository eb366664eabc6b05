"""The reviews and the inspection and discipline work of `seed_party_work` (see
demo.party_work for the whole story): a mixin of demo.party_work.Seeder."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from django.db.models import Q
from django.utils import timezone
from simple_history.utils import bulk_create_with_history

from discipline import services as dis
from discipline.enums import Activity, Area, DecidingBody, DisciplineForm, InspectionKind
from discipline.models import InspectionCommission
from members.enums import MemberStatus
from members.models import CommitteeSeat, Exemption, Member
from members.queries import membership_on
from organizations.enums import GRASSROOTS_KINDS
from organizations.enums import CellCategory as C
from organizations.models import Organization
from reviews import rules as rev_rules
from reviews import services as rev
from reviews.enums import Level, Step
from reviews.models import MemberReview, OrganizationReview
from reviews.queries import REVIEWED_KINDS

L = Level
# Decided levels of cells and members (HTXS, HTT, HT, KHT), as shares.
# KHT only where a discipline of the year calls for it (see `reviews`).
CELL_SHARES = ((L.EXCELLENT, 0.12), (L.GOOD, 0.77), (L.COMPLETED, 0.11))
MEMBER_SHARES = ((L.EXCELLENT, 0.11), (L.GOOD, 0.80), (L.COMPLETED, 0.09))
SCORES = {L.EXCELLENT: (90, 98), L.GOOD: (72, 89), L.COMPLETED: (55, 69), L.FAILED: (38, 49)}
HIGHER = {L.GOOD: L.EXCELLENT, L.COMPLETED: L.GOOD, L.FAILED: L.COMPLETED}
# 2018, as the seed reports for the district's 59 grassroots organizations.
GRASSROOTS_2018 = {L.EXCELLENT: 5, L.GOOD: 50, L.COMPLETED: 4}
GRASSROOTS_2023 = {L.EXCELLENT: 8, L.GOOD: 46, L.COMPLETED: 5}
PUBLISHED = {2018: date(2019, 1, 18), 2023: date(2024, 1, 19), 2025: date(2026, 1, 23)}


class ReviewsMixin:
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
        members = (
            Member.objects.filter(
                pk__in=ids, status__in=[MemberStatus.FULL, MemberStatus.PROBATIONARY]
            )
            .filter(admitted_on__lte=round_.cutoff_on, organization__path__startswith=commune.path)
            .exclude(pk__in=exempted)
            .select_related("organization")
            .order_by("pk")
        )
        members = list(members)
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

    # --- inspection, supervision, discipline ---------------------------------------------------

    def inspection(
        self,
        *,
        programme,
        organization,
        activity,
        kind,
        body,
        subject,
        starts_on,
        areas,
        findings,
        conclusion,
        violation=False,
        members_covered=0,
        recommendations=(),
        team="",
    ):
        if not self.past(starts_on):
            return None
        member = subject if isinstance(subject, Member) else None
        inspection = dis.create_inspection(
            organization=organization,
            activity=activity,
            kind=kind,
            starts_on=starts_on,
            subject_organization=None if member else subject,
            subject_member=member,
            programme=programme,
            conducted_by=body,
            areas=list(areas),
            members_covered=members_covered,
            team=team,
            by=self.by,
        )
        self.result.inspections += 1
        concluded = starts_on + timedelta(days=self.rng.randint(14, 35))
        if not self.past(concluded):
            return inspection
        dis.conclude_inspection(
            inspection,
            findings=findings,
            conclusion=conclusion,
            concluded_on=concluded,
            violation_found=violation,
            ends_on=concluded - timedelta(days=self.rng.randint(2, 7)),
            by=self.by,
        )
        for text in recommendations:
            rec = dis.add_recommendation(
                inspection, text=text, due_on=concluded + timedelta(days=60), by=self.by
            )
            done = concluded + timedelta(days=self.rng.randint(20, 55))
            if self.past(done):
                dis.complete_recommendation(
                    rec, completed_on=done, note="Đã khắc phục, báo cáo bằng văn bản", by=self.by
                )
        return inspection

    def plain_member(self, cell, on: date) -> Member | None:
        """A full member of the cell, holding no committee seat (DIS-01 forms stay simple)."""
        seated = CommitteeSeat.objects.values("member_id")
        pool = list(
            Member.objects.filter(
                organization=cell,
                status=MemberStatus.FULL,
                full_member_on__lt=on - timedelta(days=365 * 3),
                date_of_birth__gt=date(1966, 1, 1),
            )
            .exclude(pk__in=seated)
            .order_by("pk")
        )
        return self.rng.choice(pool) if pool else None

    def discipline(self) -> dict:
        """Returns the disciplines by year (the reviews take them into account)."""
        by_year: dict[int, list] = {}
        for org, founded in [(self.district, date(1946, 3, 1))] + [
            (c, c.established_on) for c in self.communes
        ]:
            if not InspectionCommission.objects.filter(organization=org).exists():
                dis.create_commission(organization=org, established_on=founded, by=self.by)
        self.district_2018()
        for i, commune in enumerate(self.communes):
            for d in self.commune_work(commune, first=i == 0):
                by_year.setdefault(d.decided_on.year, []).append(d)
                self.result.disciplines += 1
        return by_year

    def district_2018(self) -> None:
        """The seed's 2018: 3 organizations on signs of violation, 5 finance inspections,
        3 supervision rounds."""
        district, rng = self.district, self.rng
        programme = dis.create_programme(
            organization=district,
            year=2018,
            title="Chương trình kiểm tra, giám sát năm 2018 của Ban Chấp hành Đảng bộ huyện",
            note="Kiểm tra khi có dấu hiệu vi phạm, kiểm tra tài chính đảng, giám sát chuyên đề.",
            by=self.by,
        )
        grassroots = self.grassroots_under(district)
        picks = rng.sample(grassroots, 11)
        for n, org in enumerate(picks[:3]):
            violation = n < 2
            self.inspection(
                programme=programme,
                organization=district,
                activity=Activity.INSPECTION,
                kind=InspectionKind.SIGNS_OF_VIOLATION,
                body=DecidingBody.INSPECTION_COMMISSION,
                subject=org,
                starts_on=date(2018, 3 + 3 * n, 12),
                areas=[Area.DEMOCRATIC_CENTRALISM, Area.WORKING_RULES],
                findings="Việc thực hiện nguyên tắc tập trung dân chủ, quy chế làm việc có "
                "thiếu sót: một số nội dung quan trọng không đưa ra tập thể bàn bạc.",
                conclusion="Có vi phạm ở mức chưa đến phải xử lý kỷ luật; yêu cầu kiểm điểm rút "
                "kinh nghiệm."
                if violation
                else "Không có vi phạm; nhắc nhở chấn chỉnh thiếu sót.",
                violation=violation,
                recommendations=[
                    "Tổ chức kiểm điểm tập thể, cá nhân có liên quan; báo cáo kết quả về Ủy ban "
                    "Kiểm tra Huyện ủy."
                ],
                team="Đoàn kiểm tra của Ủy ban Kiểm tra Huyện ủy",
            )
        for n, org in enumerate(picks[3:8]):
            self.inspection(
                programme=programme,
                organization=district,
                activity=Activity.INSPECTION,
                kind=InspectionKind.THEMATIC,
                body=DecidingBody.INSPECTION_COMMISSION,
                subject=org,
                starts_on=date(2018, 4 + n, 9),
                areas=[Area.FINANCES],
                findings="Thu, nộp đảng phí cơ bản đúng quy định; sổ sách kế toán chưa cập nhật "
                "kịp thời.",
                conclusion="Chấp hành tốt chế độ tài chính đảng.",
                recommendations=["Cập nhật sổ thu, nộp đảng phí hằng tháng."],
            )
        for n, org in enumerate(picks[8:11]):
            self.inspection(
                programme=programme,
                organization=district,
                activity=Activity.SUPERVISION,
                kind=InspectionKind.THEMATIC,
                body=DecidingBody.STANDING_COMMITTEE,
                subject=org,
                starts_on=date(2018, 5 + 2 * n, 14),
                areas=[Area.RESOLUTIONS, Area.ADMISSION],
                members_covered=rng.randint(4, 8),
                findings="Lãnh đạo thực hiện nghị quyết và công tác phát triển đảng viên đạt "
                "kế hoạch.",
                conclusion="Thực hiện tốt; tiếp tục nâng cao chất lượng sinh hoạt chi bộ.",
            )

    def commune_work(self, commune, *, first: bool) -> list:
        """A commune's 2025 and 2026 programmes, and its disciplines: a reprimand by a
        village cell in 2025 (the first commune), a warning by the standing committee in
        2026 after an inspection on signs of violation (the second)."""
        rng = self.rng
        made = []
        villages = [
            c for c in self.cells_under(commune) if c.category in (C.RURAL_VILLAGE, C.URBAN_BLOCK)
        ]
        cells = self.cells_under(commune)
        short = commune.name.replace("Đảng bộ ", "")
        p2025 = dis.create_programme(
            organization=commune,
            year=2025,
            title=f"Chương trình kiểm tra, giám sát 6 tháng cuối năm 2025 của Đảng ủy {short}",
            by=self.by,
        )
        p2026 = dis.create_programme(
            organization=commune,
            year=2026,
            title=f"Chương trình kiểm tra, giám sát năm 2026 của Đảng ủy {short}",
            by=self.by,
        )
        for n, cell in enumerate(rng.sample(cells, 2)):
            self.inspection(
                programme=p2025,
                organization=commune,
                activity=Activity.SUPERVISION,
                kind=InspectionKind.REGULAR,
                body=DecidingBody.STANDING_COMMITTEE,
                subject=cell,
                starts_on=date(2025, 9 + n, 8),
                areas=[Area.WORKING_RULES, Area.RESOLUTIONS],
                members_covered=rng.randint(3, 6),
                findings="Chi bộ duy trì sinh hoạt định kỳ sau sắp xếp; nội dung sinh hoạt "
                "còn chung chung.",
                conclusion="Cơ bản thực hiện tốt; đổi mới nội dung sinh hoạt chi bộ.",
            )
        sample = rng.sample(cells, 4)
        for n, (cell, kind, areas, text) in enumerate(
            [
                (
                    sample[0],
                    InspectionKind.REGULAR,
                    [Area.WORKING_RULES],
                    "Chấp hành quy chế làm việc",
                ),
                (
                    sample[1],
                    InspectionKind.THEMATIC,
                    [Area.ADMISSION],
                    "Công tác phát triển đảng viên",
                ),
                (sample[2], InspectionKind.THEMATIC, [Area.FINANCES], "Thu, chi tài chính đảng"),
            ]
        ):
            self.inspection(
                programme=p2026,
                organization=commune,
                activity=Activity.INSPECTION,
                kind=kind,
                body=DecidingBody.INSPECTION_COMMISSION
                if kind == InspectionKind.THEMATIC
                else DecidingBody.STANDING_COMMITTEE,
                subject=cell,
                starts_on=date(2026, 3 + 2 * n, 10),
                areas=areas,
                findings=f"{text}: thực hiện cơ bản đúng quy định; hồ sơ lưu trữ chưa đầy đủ.",
                conclusion="Không có vi phạm.",
                recommendations=["Bổ sung, hoàn thiện hồ sơ theo quy định."],
            )
        self.inspection(
            programme=p2026,
            organization=commune,
            activity=Activity.SUPERVISION,
            kind=InspectionKind.THEMATIC,
            body=DecidingBody.STANDING_COMMITTEE,
            subject=sample[3],
            starts_on=date(2026, 8, 17),
            areas=[Area.RESOLUTIONS],
            members_covered=rng.randint(4, 9),
            findings="Triển khai Chỉ thị 28-CT/TW kịp thời; rà soát đảng viên đầy đủ.",
            conclusion="Thực hiện tốt.",
        )
        if first:
            cell = rng.choice(villages)
            member = self.plain_member(cell, date(2025, 8, 1))
            if member is not None and self.past(date(2025, 10, 20)):
                made.append(
                    dis.record_discipline(
                        form=DisciplineForm.REPRIMAND,
                        deciding_organization=cell,
                        deciding_body=DecidingBody.CELL,
                        offence="Không thực hiện đúng quy định về việc đảng viên đang công tác "
                        "thường xuyên giữ mối liên hệ với chi ủy nơi cư trú; vắng sinh hoạt "
                        "3 kỳ không có lý do.",
                        offence_on=date(2025, 8, 14),
                        decided_on=date(2025, 10, 20),
                        subject_member=member,
                        decision_number=f"01-QĐ/CB {cell.name.replace('Chi bộ ', '')}",
                        by=self.by,
                    )
                )
        else:
            cell = rng.choice(villages)
            member = self.plain_member(cell, date(2026, 3, 1))
            if member is not None:
                inspection = self.inspection(
                    programme=p2026,
                    organization=commune,
                    activity=Activity.INSPECTION,
                    kind=InspectionKind.SIGNS_OF_VIOLATION,
                    body=DecidingBody.INSPECTION_COMMISSION,
                    subject=member,
                    starts_on=date(2026, 4, 6),
                    areas=[Area.THRIFT_ANTI_CORRUPTION],
                    findings="Có vi phạm trong việc sử dụng đất được giao, xây dựng công trình "
                    "trái phép trên đất nông nghiệp.",
                    conclusion="Có vi phạm, đến mức phải xem xét xử lý kỷ luật.",
                    violation=True,
                    recommendations=["Khắc phục hậu quả, tháo dỡ công trình vi phạm."],
                    team=f"Ủy ban Kiểm tra Đảng ủy {short}",
                )
                if inspection is not None and self.past(date(2026, 6, 15)):
                    made.append(
                        dis.record_discipline(
                            form=DisciplineForm.WARNING,
                            deciding_organization=commune,
                            deciding_body=DecidingBody.STANDING_COMMITTEE,
                            offence="Vi phạm quy định về quản lý, sử dụng đất đai; những điều "
                            "đảng viên không được làm.",
                            offence_on=date(2026, 2, 20),
                            decided_on=date(2026, 6, 15),
                            subject_member=member,
                            decision_number="15-QĐ/ĐU",
                            inspection=inspection,
                            by=self.by,
                        )
                    )
        return made
