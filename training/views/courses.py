"""Training courses: lists, forms, enrolment, completion and certificates.

Every write asks "training.manage_courses" of the course's organizer (training.permissions):
a course outside the user's reach is a 404, a course the user reads but may not write a 403.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.audit import history_rows
from core.pagination import paginate
from core.views.write import WriteFormView
from organizations.queries import get_organization_for

from .. import links, services
from ..enums import CourseKind
from ..exporters import CourseExporter, EnrollmentExporter
from ..forms import (
    CompleteForm,
    CourseFilterForm,
    CourseForm,
    EnrollMemberForm,
    EnrollPersonForm,
    ResultForm,
)
from ..queries import (
    candidate_refs_on,
    courses_in,
    enrollable_members_for,
    enrollments_of,
    get_course_for,
    get_enrollment_for,
)
from .common import first_root

# --- courses -----------------------------------------------------------------------------


@login_required
def home(request):
    return redirect("training:course_list", first_root(request.user).pk)


@login_required
def course_list(request, org_pk):
    org = get_organization_for(request.user, org_pk)
    form = CourseFilterForm(request.GET or None)
    courses = courses_in(org, kind=form.value("kind") or "", year=form.value("year"))
    page = paginate(request, courses)
    return render(
        request,
        "training/course_list.html",
        {
            "org": org,
            "form": form,
            "page": page,
            "can_write": request.user.has_perm("training.manage_courses", org),
        },
    )


@login_required
def course_export(request, org_pk):
    org = get_organization_for(request.user, org_pk)
    form = CourseFilterForm(request.GET or None)
    return CourseExporter(
        organization=org, kind=form.value("kind") or "", year=form.value("year")
    ).response()


class CourseCreateView(WriteFormView):
    """Open a course organized by `org_pk`: its writers ("training.manage_courses")."""

    permission = "training.manage_courses"
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


class CourseWriteMixin:
    """A write on a course (the URL's `pk`): the writers of its organizer."""

    def get_object(self):
        return get_course_for(self.request.user, self.kwargs["pk"])

    def has_permission(self, obj):
        return self.request.user.has_perm("training.manage_courses", obj.organizer)


class CourseEditView(CourseWriteMixin, WriteFormView):
    """Edit a course."""

    form_class = CourseForm
    template_name = "training/course_form.html"
    success_message = gettext_lazy("Đã lưu.")

    def get_initial(self):
        return {name: getattr(self.object, name) for name in services.COURSE_FIELDS}

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            org=self.object.organizer, course=self.object, title=_("Sửa lớp"), **kwargs
        )

    def perform(self, form):
        services.update_course(self.object, by=self.request.user, **form.cleaned_data)
        return self.object.get_absolute_url()


def linkable_people(user, course):
    """Candidates of the organizer's subtree that the user may read (training.links,
    scoped by admissions), less those already on the course."""
    taken = candidate_refs_on(course)
    people = links.directory().linkable_for(user, within=course.organizer)
    return [p for p in people if p.ref not in taken]


def course_page(request, course, *, member_form=None, person_form=None, status=200):
    """The course page: learners, and the enrolment and completion forms for its writers
    (a form shown again with its errors answers `status`)."""
    can_write = request.user.has_perm("training.manage_courses", course.organizer)
    if can_write:
        if member_form is None and course.kind != CourseKind.PARTY_AWARENESS:
            member_form = EnrollMemberForm(
                members=enrollable_members_for(request.user, course), prefix="m"
            )
        if person_form is None and course.kind != CourseKind.NEW_MEMBER:
            person_form = EnrollPersonForm(people=linkable_people(request.user, course), prefix="p")
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
    return course_page(request, get_course_for(request.user, pk))


class EnrollView(CourseWriteMixin, WriteFormView):
    """Put a learner on the course (POST from the course page): a member of the organizer's
    subtree (prefix "m"), or a person who is not a member (`who=person`, prefix "p"). A
    refused form is shown again on the course page with 400."""

    http_method_names = ["post"]
    invalid_status = 400

    def for_person(self):
        return self.request.POST.get("who") == "person"

    def get_form_class(self):
        return EnrollPersonForm if self.for_person() else EnrollMemberForm

    def get_prefix(self):
        return "p" if self.for_person() else "m"

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        if self.for_person():
            kwargs["people"] = linkable_people(self.request.user, self.object)
        else:
            kwargs["members"] = enrollable_members_for(self.request.user, self.object)
        return kwargs

    def perform(self, form):
        if self.for_person():
            return services.enroll_person(self.object, by=self.request.user, **form.cleaned_data)
        return services.enroll_member(
            self.object,
            member=form.cleaned_data["member"],
            notes=form.cleaned_data["notes"],
            by=self.request.user,
        )

    def get_success_message(self, saved):
        return _("Đã ghi tên %(name)s.") % {"name": saved.learner_name}

    def get_success_url(self):
        return self.object.get_absolute_url()

    def form_invalid(self, form):
        shown = {"person_form": form} if self.for_person() else {"member_form": form}
        return course_page(self.request, self.object, status=self.invalid_status, **shown)


class CompleteView(CourseWriteMixin, WriteFormView):
    """Every learner still enrolled completes the course (certificates dated as typed);
    a refusal is shown as messages on the course page."""

    http_method_names = ["post"]
    form_class = CompleteForm

    def perform(self, form):
        self.completed = services.complete_course(
            self.object, certificate_on=form.cleaned_data["certificate_on"], by=self.request.user
        )
        return self.object.get_absolute_url()

    def get_success_message(self, saved):
        return _("Đã ghi hoàn thành cho %(n)s học viên.") % {"n": self.completed}

    def form_invalid(self, form):
        for errors in form.errors.values():
            for error in errors:
                messages.error(self.request, error)
        return redirect(self.object)


@login_required
def course_export_enrollments(request, pk):
    return EnrollmentExporter(course=get_course_for(request.user, pk)).response()


class EnrollmentResultView(WriteFormView):
    """The result and certificate of one learner: the writers of the course's organizer."""

    form_class = ResultForm
    template_name = "training/enrollment_result.html"

    def get_object(self):
        return get_enrollment_for(self.request.user, self.kwargs["pk"])

    def has_permission(self, obj):
        return self.request.user.has_perm("training.manage_courses", obj.course.organizer)

    def get_initial(self):
        enrollment = self.object
        return {
            "result": enrollment.result if enrollment.result != "enrolled" else "completed",
            "certificate_number": enrollment.certificate_number,
            "certificate_on": enrollment.certificate_on,
        }

    def get_context_data(self, **kwargs):
        return super().get_context_data(enrollment=self.object, course=self.object.course, **kwargs)

    def perform(self, form):
        services.record_result(self.object, by=self.request.user, **form.cleaned_data)
        return self.object.course.get_absolute_url()

    def get_success_message(self, saved):
        return _("Đã ghi kết quả của %(name)s.") % {"name": self.object.learner_name}


course_create = CourseCreateView.as_view()
course_edit = CourseEditView.as_view()
enroll = EnrollView.as_view()
complete = CompleteView.as_view()
enrollment_result = EnrollmentResultView.as_view()
