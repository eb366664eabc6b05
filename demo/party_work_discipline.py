"""The inspection, supervision and discipline work of `seed_party_work` (see
demo.party_work for the whole story): a mixin of demo.party_work.Seeder."""

from __future__ import annotations

from datetime import date, timedelta

from discipline.enums import Activity, Area, DecidingBody, DisciplineForm, InspectionKind
from discipline.models import InspectionCommission
from discipline.services import disciplines as dis_disciplines
from discipline.services import inspections as dis
from members.enums import MemberStatus
from members.models import CommitteeSeat, Member
from organizations.enums import CellCategory as C

from .party_work_common import SeederState


class DisciplineMixin(SeederState):
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
                    dis_disciplines.record_discipline(
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
                        dis_disciplines.record_discipline(
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
