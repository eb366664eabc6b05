"""Login is Django's; the rest are the administration screens (system administrators only).

Everyone else gets 404 on these URLs, so their existence is not revealed.
"""

from functools import wraps

from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.audit import history_rows
from core.forms import apply_errors
from core.pagination import paginate

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


@admin_required
def user_create(request):
    form = UserCreateForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            user = services.create_user(
                username=data["username"],
                full_name=data["full_name"],
                phone=data["phone"],
                email=data["email"],
                password=data["password1"],
                by=request.user,
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("Đã tạo tài khoản %(name)s.") % {"name": user})
            return redirect("accounts:user_detail", pk=user.pk)
    return render(
        request, "accounts/user_form.html", {"form": form, "title": _("Tạo tài khoản mới")}
    )


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


@admin_required
def user_edit(request, pk):
    account = get_user_for(request.user, pk)
    form = UserEditForm(request.POST or None, instance=account)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.update_user(
                account,
                username=data["username"],
                full_name=data["full_name"],
                phone=data["phone"],
                email=data["email"],
                by=request.user,
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("Đã lưu thay đổi."))
            return redirect("accounts:user_detail", pk=account.pk)
    return render(
        request,
        "accounts/user_form.html",
        {"form": form, "account": account, "title": _("Sửa tài khoản")},
    )


@admin_required
@require_POST
def user_set_active(request, pk):
    account = get_user_for(request.user, pk)
    active = request.POST.get("active") == "1"
    try:
        services.set_active(account, active=active, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        if active:
            messages.success(request, _("Đã mở lại tài khoản."))
        else:
            messages.success(request, _("Đã khóa tài khoản."))
    return redirect("accounts:user_detail", pk=account.pk)


@admin_required
def user_password(request, pk):
    account = get_user_for(request.user, pk)
    form = PasswordResetForm(request.POST or None, user=account)
    if request.method == "POST" and form.is_valid():
        services.reset_password(account, password=form.cleaned_data["password1"], by=request.user)
        messages.success(request, _("Đã đặt lại mật khẩu."))
        return redirect("accounts:user_detail", pk=account.pk)
    return render(
        request,
        "accounts/user_form.html",
        {"form": form, "account": account, "title": _("Đặt lại mật khẩu")},
    )


@admin_required
def assignment_create(request, pk):
    account = get_user_for(request.user, pk)
    initial = {}
    if request.GET.get("organization"):
        initial["organization"] = request.GET["organization"]
    form = AssignmentForm(request.POST or None, by=request.user, user=account, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.add_assignment(
                user=account,
                role=data["role"],
                organization=data["organization"],
                starts_on=data["starts_on"],
                ends_on=data["ends_on"],
                member=data.get("member"),
                by=request.user,
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("Đã thêm phân quyền."))
            return redirect("accounts:user_detail", pk=account.pk)
    return render(
        request,
        "accounts/assignment_form.html",
        {"form": form, "account": account, "title": _("Thêm phân quyền")},
    )


@admin_required
def assignment_detail(request, pk):
    assignment = get_assignment_for(request.user, pk)
    form = EndAssignmentForm(request.POST or None, assignment=assignment)
    if request.method == "POST" and form.is_valid():
        try:
            services.end_assignment(
                assignment, ends_on=form.cleaned_data["ends_on"], by=request.user
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("Đã kết thúc phân quyền."))
            return redirect("accounts:user_detail", pk=assignment.user_id)
    return render(
        request,
        "accounts/assignment_detail.html",
        {"assignment": assignment, "form": form, "history": history_rows(assignment)},
    )
