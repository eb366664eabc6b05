"""Training courses: lists, forms, enrolment, completion and certificates."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from accounts.scope import can_write_org
from core.audit import history_rows
from core.exporters import DATE, INTEGER, Column, Sheet, xlsx_response
from core.forms import apply_errors
from core.pagination import paginate
from core.views_write import WriteFormView
from members.enums import ACTIVE_STATUSES
from members.queries import members_for
from organizations.queries import (
    get_organization_for,
)

from .. import links, services
from ..enums import CourseKind
from ..forms import (
    CompleteForm,
    CourseFilterForm,
    CourseForm,
    EnrollMemberForm,
    EnrollPersonForm,
    ResultForm,
)
from ..queries import (
    courses_in,
    enrollments_of,
    get_course_for,
    get_enrollment_for,
)
from .common import _first_root

# --- courses -----------------------------------------------------------------------------


@login_required
def home(request):
    return redirect("training:course_list", _first_root(request.user).pk)


@login_required
def course_list(request, org_pk):
    org = get_organization_for(request.user, org_pk)
    form = CourseFilterForm(request.GET or None)
    courses = courses_in(org, kind=form.value("kind") or "", year=form.value("year"))
    page = paginate(request, courses)
    return render(
        request,
        "training/course_list.html",
        {"org": org, "form": form, "page": page, "can_write": can_write_org(request.user, org)},
    )


COURSE_COLUMNS = [
    Column(gettext_lazy("Tên lớp"), "title", width=36),
    Column(gettext_lazy("Loại lớp"), "get_kind_display", width=32),
    Column(gettext_lazy("Đơn vị tổ chức"), "organizer.name", width=30),
    Column(gettext_lazy("Từ ngày"), "starts_on", DATE),
    Column(gettext_lazy("Đến ngày"), "ends_on", DATE),
    Column(gettext_lazy("Địa điểm"), "place"),
    Column(gettext_lazy("Số học viên"), "enrolled", INTEGER),
    Column(gettext_lazy("Hoàn thành"), "completed", INTEGER),
]


@login_required
def course_export(request, org_pk):
    org = get_organization_for(request.user, org_pk)
    form = CourseFilterForm(request.GET or None)
    courses = courses_in(org, kind=form.value("kind") or "", year=form.value("year"))
    return xlsx_response(
        Sheet(_("Danh sách lớp bồi dưỡng"), COURSE_COLUMNS, courses, organization=org.name),
        filename=_("Lớp bồi dưỡng.xlsx"),
    )


class CourseCreateView(WriteFormView):
    """Open a course organized by `org_pk`: its writers ("organizations.change_organization")."""

    permission = "organizations.change_organization"
    form_class = CourseForm
    template_name = "training/course_form.html"

    def get_object(self):
        return get_organization_for(self.request.user, self.kwargs["org_pk"])

    def get_context_data(self, **kwargs):
        return super().get_context_data(org=self.object, title=_("Mở lớp bồi dưỡng"), **kwargs)

    def perform(self, form):
        return services.create_course(
            organizer=self.object, by=self.request.user, **form.cleaned_data
        )

    def get_success_message(self, saved):
        return _("Đã tạo lớp %(title)s.") % {"title": saved.title}


class CourseEditView(WriteFormView):
    """Edit a course: the writers of its organizer."""

    form_class = CourseForm
    template_name = "training/course_form.html"
    success_message = gettext_lazy("Đã lưu.")

    def get_object(self):
        return get_course_for(self.request.user, self.kwargs["pk"])

    def has_permission(self, obj):
        return self.request.user.has_perm("organizations.change_organization", obj.organizer)

    def get_initial(self):
        return {name: getattr(self.object, name) for name in services.COURSE_FIELDS}

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            org=self.object.organizer, course=self.object, title=_("Sửa lớp"), **kwargs
        )

    def perform(self, form):
        services.update_course(self.object, by=self.request.user, **form.cleaned_data)
        return self.object.get_absolute_url()


course_create = CourseCreateView.as_view()
course_edit = CourseEditView.as_view()


def _enrollable_members(user, course):
    """Active members of the organizer's subtree that the user reads (ordered by name)."""
    return (
        members_for(user)
        .filter(course.organizer.subtree_q("organization__"), status__in=ACTIVE_STATUSES)
        .exclude(enrollments__course=course)
        .order_by("sort_key", "id")
    )


def _linkable_people(user, course):
    """Candidates of the organizer's subtree that the user may read (training.links,
    scoped by admissions), less those already on the course."""
    taken = set(
        course.enrollments.exclude(candidate_ref="").values_list("candidate_ref", flat=True)
    )
    people = links.directory().linkable_for(user, within=course.organizer)
    return [p for p in people if p.ref not in taken]


def _course_page(request, course, *, member_form=None, person_form=None, status=200):
    can_write = can_write_org(request.user, course.organizer)
    if can_write:
        if member_form is None and course.kind != CourseKind.PARTY_AWARENESS:
            member_form = EnrollMemberForm(
                members=_enrollable_members(request.user, course), prefix="m"
            )
        if person_form is None and course.kind != CourseKind.NEW_MEMBER:
            person_form = EnrollPersonForm(
                people=_linkable_people(request.user, course), prefix="p"
            )
    enrollments = list(enrollments_of(course))
    # The candidates the learners are linked to, when the user may read them (ADM-04).
    linked = links.directory().describe(
        request.user, {e.candidate_ref for e in enrollments if e.candidate_ref}
    )
    for e in enrollments:
        e.linked_person = linked.get(e.candidate_ref)
    return render(
        request,
        "training/course_detail.html",
        {
            "course": course,
            "org": course.organizer,
            "enrollments": enrollments,
            "can_write": can_write,
            "member_form": member_form if can_write else None,
            "complete_form": CompleteForm() if can_write else None,
            "pending": sum(1 for e in enrollments if e.result == "enrolled"),
            "person_form": person_form if can_write else None,
            "history": history_rows(course),
        },
        status=status,
    )


@login_required
def course_detail(request, pk):
    return _course_page(request, get_course_for(request.user, pk))


@login_required
@require_POST
def enroll(request, pk):
    course = get_course_for(request.user, pk)
    if not can_write_org(request.user, course.organizer):
        raise PermissionDenied
    if request.POST.get("who") == "person":
        form = EnrollPersonForm(
            request.POST, people=_linkable_people(request.user, course), prefix="p"
        )
        if form.is_valid():
            try:
                enrollment = services.enroll_person(course, by=request.user, **form.cleaned_data)
            except ValidationError as error:
                apply_errors(form, error)
            else:
                messages.success(
                    request, _("Đã ghi tên %(name)s.") % {"name": enrollment.learner_name}
                )
                return redirect(course)
        return _course_page(request, course, person_form=form, status=400)
    form = EnrollMemberForm(
        request.POST, members=_enrollable_members(request.user, course), prefix="m"
    )
    if form.is_valid():
        try:
            enrollment = services.enroll_member(
                course,
                member=form.cleaned_data["member"],
                notes=form.cleaned_data["notes"],
                by=request.user,
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("Đã ghi tên %(name)s.") % {"name": enrollment.learner_name})
            return redirect(course)
    return _course_page(request, course, member_form=form, status=400)


@login_required
@require_POST
def complete(request, pk):
    """Every learner still enrolled completes the course (certificates dated as typed)."""
    course = get_course_for(request.user, pk)
    if not can_write_org(request.user, course.organizer):
        raise PermissionDenied
    form = CompleteForm(request.POST)
    if not form.is_valid():
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
        return redirect(course)
    try:
        count = services.complete_course(
            course, certificate_on=form.cleaned_data["certificate_on"], by=request.user
        )
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(request, _("Đã ghi hoàn thành cho %(n)s học viên.") % {"n": count})
    return redirect(course)


ENROLLMENT_COLUMNS = [
    Column(gettext_lazy("Họ và tên"), "learner_name", width=28),
    Column(gettext_lazy("Ngày sinh"), "learner_birth_date", DATE),
    Column(
        gettext_lazy("Đảng viên sinh hoạt tại"),
        lambda e: e.member.organization.name if e.member_id else "",
        width=30,
    ),
    Column(gettext_lazy("Kết quả"), "get_result_display"),
    Column(gettext_lazy("Số giấy chứng nhận"), "certificate_number"),
    Column(gettext_lazy("Ngày cấp"), "certificate_on", DATE),
    Column(gettext_lazy("Ghi chú"), "notes"),
]


@login_required
def course_export_enrollments(request, pk):
    course = get_course_for(request.user, pk)
    return xlsx_response(
        Sheet(
            _("Danh sách học viên lớp %(title)s") % {"title": course.title},
            ENROLLMENT_COLUMNS,
            enrollments_of(course),
            organization=course.organizer.name,
            name=_("Học viên"),
        ),
        filename=_("Học viên %(title)s.xlsx") % {"title": course.title},
    )


@login_required
def enrollment_result(request, pk):
    enrollment = get_enrollment_for(request.user, pk)
    course = enrollment.course
    if not can_write_org(request.user, course.organizer):
        raise PermissionDenied
    initial = {
        "result": enrollment.result if enrollment.result != "enrolled" else "completed",
        "certificate_number": enrollment.certificate_number,
        "certificate_on": enrollment.certificate_on,
    }
    form = ResultForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.record_result(enrollment, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(
                request,
                _("Đã ghi kết quả của %(name)s.") % {"name": enrollment.learner_name},
            )
            return redirect(course)
    return render(
        request,
        "training/enrollment_result.html",
        {"enrollment": enrollment, "course": course, "form": form},
    )
