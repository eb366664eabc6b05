"""Login is Django's; the rest are the administration screens (system administrators only).

Everyone else gets 404 on these URLs, so their existence is not revealed.
"""

from functools import wraps

from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import render
from django.urls import reverse
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.audit import history_rows
from core.pagination import paginate
from core.views.write import ConfirmActionView, WriteFormView

from . import services
from .forms import (
    AssignmentForm,
    EndAssignmentForm,
    PasswordResetForm,
    UserCreateForm,
    UserEditForm,
    UserSearchForm,
)
from .links import member_records
from .queries import get_assignment_for, get_user_for, user_list_for


class LoginView(auth_views.LoginView):
    template_name = "accounts/login.html"
    redirect_authenticated_user = True


def admin_required(view):
    """Logged in (else the login page) and a system administrator (else 404)."""

    @login_required
    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if not request.user.has_perm("accounts.manage_users"):
            raise Http404
        return view(request, *args, **kwargs)

    return wrapped


@admin_required
def user_list(request):
    form = UserSearchForm(request.GET or None)
    text = form.cleaned_data["q"] if form.is_bound and form.is_valid() else ""
    page = paginate(request, user_list_for(request.user, text))
    return render(request, "accounts/user_list.html", {"form": form, "page": page})


class _AdminOnly:
    """System administrators ("accounts.manage_users"); everyone else gets a 404."""

    permission = "accounts.manage_users"

    def permission_denied(self):
        raise Http404


class _AccountFormView(_AdminOnly, WriteFormView):
    """A form about one account (`pk`), which the user goes back to after saving."""

    template_name = "accounts/user_form.html"
    title: str | Promise = ""

    def get_object(self):
        return get_user_for(self.request.user, self.kwargs["pk"])

    def get_context_data(self, **kwargs):
        return super().get_context_data(account=self.object, title=self.title, **kwargs)

    def get_success_url(self):
        return reverse("accounts:user_detail", kwargs={"pk": self.object.pk})


class UserCreateView(_AdminOnly, WriteFormView):
    form_class = UserCreateForm
    template_name = "accounts/user_form.html"

    def perform(self, form):
        data = form.cleaned_data
        return services.create_user(
            username=data["username"],
            full_name=data["full_name"],
            phone=data["phone"],
            email=data["email"],
            password=data["password1"],
            by=self.request.user,
        )

    def get_context_data(self, **kwargs):
        return super().get_context_data(title=_("Tạo tài khoản mới"), **kwargs)

    def get_success_message(self, saved):
        return _("Đã tạo tài khoản %(name)s.") % {"name": saved}

    def get_success_url(self):
        return reverse("accounts:user_detail", kwargs={"pk": self.saved.pk})


@admin_required
def user_detail(request, pk):
    account = get_user_for(request.user, pk)
    assignments = list(
        account.assignments.select_related("organization").order_by("-starts_on", "-id")
    )
    member = member_records().of_account(account)  # members.links
    return render(
        request,
        "accounts/user_detail.html",
        {
            "account": account,
            "assignments": assignments,
            "member": member,
            "history": history_rows(account),
        },
    )


class UserEditView(_AccountFormView):
    form_class = UserEditForm
    title = gettext_lazy("Sửa tài khoản")
    success_message = gettext_lazy("Đã lưu thay đổi.")

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": self.object}

    def perform(self, form):
        data = form.cleaned_data
        return services.update_user(
            self.object,
            username=data["username"],
            full_name=data["full_name"],
            phone=data["phone"],
            email=data["email"],
            by=self.request.user,
        )


class UserSetActiveView(_AdminOnly, ConfirmActionView):
    """Lock or reopen an account (POST only)."""

    def get_object(self):
        return get_user_for(self.request.user, self.kwargs["pk"])

    def perform(self):
        self.active = self.request.POST.get("active") == "1"
        services.set_active(self.object, active=self.active, by=self.request.user)
        return self.get_error_url()

    def get_success_message(self, saved):
        return _("Đã mở lại tài khoản.") if self.active else _("Đã khóa tài khoản.")

    def get_error_url(self):
        return reverse("accounts:user_detail", kwargs={"pk": self.object.pk})


class UserPasswordView(_AccountFormView):
    form_class = PasswordResetForm
    title = gettext_lazy("Đặt lại mật khẩu")
    success_message = gettext_lazy("Đã đặt lại mật khẩu.")

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "user": self.object}

    def perform(self, form):
        return services.reset_password(
            self.object, password=form.cleaned_data["password1"], by=self.request.user
        )


class AssignmentCreateView(_AccountFormView):
    form_class = AssignmentForm
    template_name = "accounts/assignment_form.html"
    title = gettext_lazy("Thêm phân quyền")
    success_message = gettext_lazy("Đã thêm phân quyền.")

    def get_initial(self):
        organization = self.request.GET.get("organization")
        return {"organization": organization} if organization else {}

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "by": self.request.user, "user": self.object}

    def perform(self, form):
        data = form.cleaned_data
        return services.add_assignment(
            user=self.object,
            role=data["role"],
            organization=data["organization"],
            starts_on=data["starts_on"],
            ends_on=data["ends_on"],
            member=data.get("member"),
            by=self.request.user,
        )


class AssignmentDetailView(_AdminOnly, WriteFormView):
    """An assignment's page, with the form that ends it."""

    form_class = EndAssignmentForm
    template_name = "accounts/assignment_detail.html"
    success_message = gettext_lazy("Đã kết thúc phân quyền.")

    def get_object(self):
        return get_assignment_for(self.request.user, self.kwargs["pk"])

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "assignment": self.object}

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            assignment=self.object, history=history_rows(self.object), **kwargs
        )

    def perform(self, form):
        return services.end_assignment(
            self.object, ends_on=form.cleaned_data["ends_on"], by=self.request.user
        )

    def get_success_url(self):
        return reverse("accounts:user_detail", kwargs={"pk": self.object.user_id})


user_create = UserCreateView.as_view()
user_edit = UserEditView.as_view()
user_set_active = UserSetActiveView.as_view()
user_password = UserPasswordView.as_view()
assignment_create = AssignmentCreateView.as_view()
assignment_detail = AssignmentDetailView.as_view()
