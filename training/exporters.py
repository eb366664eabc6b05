"""The training downloads (XLSX): courses of a subtree, the learners of a course, the
directives studied in a subtree and the study conferences of one directive.

Each is built from what the view already scoped (the organization of the URL, a course
the user reads) and streams the query of training.queries the page shows.
"""

from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.exporters import DATE, INTEGER, Column, Exporter, Sheet, register
from organizations.models import Organization

from .models import Course, Directive
from .queries import courses_in, directives_in, enrollments_of, sessions_in


def _member_organization(enrollment: Any) -> str:
    return enrollment.member.organization.name if enrollment.member_id else ""


@register
class CourseExporter(Exporter):
    """The courses organized in a subtree, with their learner counts."""

    identifier = "training.courses"
    verbose_name = gettext_lazy("Danh sách lớp bồi dưỡng")
    columns = [
        Column(gettext_lazy("Tên lớp"), "title", width=36),
        Column(gettext_lazy("Loại lớp"), "get_kind_display", width=32),
        Column(gettext_lazy("Đơn vị tổ chức"), "organizer.name", width=30),
        Column(gettext_lazy("Từ ngày"), "starts_on", DATE),
        Column(gettext_lazy("Đến ngày"), "ends_on", DATE),
        Column(gettext_lazy("Địa điểm"), "place"),
        Column(gettext_lazy("Số học viên"), "enrolled", INTEGER),
        Column(gettext_lazy("Hoàn thành"), "completed", INTEGER),
    ]

    def __init__(self, *, organization: Organization, kind: str = "", year: int | None = None):
        self.organization = organization
        self.kind = kind
        self.year = year

    def sheets(self) -> Sheet:
        return Sheet(
            str(self.verbose_name),
            self.columns,
            courses_in(self.organization, kind=self.kind, year=self.year),
            organization=self.organization.name,
        )

    def filename(self) -> str:
        return _("Lớp bồi dưỡng.xlsx")


@register
class EnrollmentExporter(Exporter):
    """The learners of one course, with their results and certificates."""

    identifier = "training.enrollments"
    verbose_name = gettext_lazy("Danh sách học viên lớp")
    columns = [
        Column(gettext_lazy("Họ và tên"), "learner_name", width=28),
        Column(gettext_lazy("Ngày sinh"), "learner_birth_date", DATE),
        Column(gettext_lazy("Đảng viên sinh hoạt tại"), _member_organization, width=30),
        Column(gettext_lazy("Kết quả"), "get_result_display"),
        Column(gettext_lazy("Số giấy chứng nhận"), "certificate_number"),
        Column(gettext_lazy("Ngày cấp"), "certificate_on", DATE),
        Column(gettext_lazy("Ghi chú"), "notes"),
    ]

    def __init__(self, *, course: Course):
        self.course = course

    def sheets(self) -> Sheet:
        return Sheet(
            _("Danh sách học viên lớp %(title)s") % {"title": self.course.title},
            self.columns,
            enrollments_of(self.course),
            organization=self.course.organizer.name,
            name=_("Học viên"),
        )

    def filename(self) -> str:
        return _("Học viên %(title)s.xlsx") % {"title": self.course.title}


@register
class DirectiveExporter(Exporter):
    """Every directive with its conferences and attendances in a subtree (a year, or all)."""

    identifier = "training.directives"
    verbose_name = gettext_lazy("Học tập, quán triệt chỉ thị, nghị quyết")
    columns = [
        Column(gettext_lazy("Số, ký hiệu"), "code"),
        Column(gettext_lazy("Loại văn bản"), "get_kind_display"),
        Column(gettext_lazy("Trích yếu"), "title", width=50),
        Column(gettext_lazy("Ngày ban hành"), "issued_on", DATE),
        Column(gettext_lazy("Cơ quan ban hành"), "issuer"),
        Column(gettext_lazy("Số hội nghị"), "conferences", INTEGER),
        Column(gettext_lazy("Lượt đảng viên"), "members", INTEGER),
        Column(gettext_lazy("Lượt người khác"), "others", INTEGER),
        Column(gettext_lazy("Tổng số lượt"), lambda d: d.members + d.others, INTEGER),
    ]

    def __init__(self, *, organization: Organization, year: int | None = None):
        self.organization = organization
        self.year = year

    def sheets(self) -> Sheet:
        title = str(self.verbose_name)
        if self.year:
            title = _("%(title)s năm %(year)s") % {"title": title, "year": self.year}
        return Sheet(
            title,
            self.columns,
            directives_in(self.organization, year=self.year),
            organization=self.organization.name,
        )

    def filename(self) -> str:
        return _("Học tập nghị quyết.xlsx")


@register
class StudySessionExporter(Exporter):
    """The study conferences of one directive held in a subtree."""

    identifier = "training.study_sessions"
    verbose_name = gettext_lazy("Hội nghị học tập, quán triệt")
    columns = [
        Column(gettext_lazy("Ngày tổ chức"), "held_on", DATE),
        Column(gettext_lazy("Đơn vị tổ chức"), "organization.name", width=32),
        Column(gettext_lazy("Cấp"), "get_level_display"),
        Column(gettext_lazy("Lượt đảng viên"), "members_count", INTEGER),
        Column(gettext_lazy("Lượt người khác"), "others_count", INTEGER),
        Column(gettext_lazy("Tổng số lượt"), "attendances", INTEGER),
        Column(gettext_lazy("Ghi chú"), "notes"),
    ]

    def __init__(self, *, organization: Organization, directive: Directive):
        self.organization = organization
        self.directive = directive

    def sheets(self) -> Sheet:
        return Sheet(
            _("Hội nghị học tập, quán triệt %(d)s") % {"d": self.directive},
            self.columns,
            sessions_in(self.organization, self.directive),
            organization=self.organization.name,
            name=self.directive.code.replace("/", "-"),
        )

    def filename(self) -> str:
        return _("Hội nghị %(code)s.xlsx") % {"code": self.directive.code.replace("/", "-")}
