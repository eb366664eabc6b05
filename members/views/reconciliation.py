"""Quarterly reconciliation of member counts (MEM-03): page and XLSX, thin views over
members.reconciliation. An organization outside the user's reach is a 404."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.exporters import INTEGER, TEXT, Column, Sheet, xlsx_response
from organizations.queries import children_for, get_organization_for

from ..forms_badges import QuarterForm
from ..reconciliation import reconcile
from .badges import _first_root, picked_elsewhere, with_organization


@login_required
def reconciliation_home(request):
    return redirect("members:reconciliation", _first_root(request.user).pk)


def _reconcile(request, org_pk):
    org = get_organization_for(request.user, org_pk)
    form = QuarterForm(with_organization(request, org), user=request.user)
    year, quarter = form.period()
    if not form.is_valid():
        form = QuarterForm(
            initial={"year": year, "quarter": quarter, "organization": org}, user=request.user
        )
    return org, form, reconcile(org, year, quarter, list(children_for(request.user, org)))


@login_required
def reconciliation(request, org_pk):
    org, form, result = _reconcile(request, org_pk)
    if form.is_bound and (
        elsewhere := picked_elsewhere(request, form, org, "members:reconciliation")
    ):
        return elsewhere
    return render(
        request,
        "members/reconciliation/page.html",
        {"org": org, "form": form, "result": result},
    )


def _check(row) -> str:
    return _("Khớp") if row.balanced else _("Lệch %(n)+d") % {"n": row.difference}


COLUMNS = [
    Column(gettext_lazy("Tổ chức"), "label", TEXT, width=36),
    Column(gettext_lazy("Đầu quý"), "start", INTEGER),
    Column(gettext_lazy("Kết nạp"), "admitted", INTEGER),
    Column(gettext_lazy("Chuyển đến"), "transferred_in", INTEGER),
    Column(gettext_lazy("Chuyển đi"), "transferred_out", INTEGER),
    Column(gettext_lazy("Xóa tên"), "struck_off", INTEGER),
    Column(gettext_lazy("Khai trừ"), "expelled", INTEGER),
    Column(gettext_lazy("Xin ra khỏi Đảng"), "resigned", INTEGER),
    Column(gettext_lazy("Từ trần"), "deceased", INTEGER),
    Column(gettext_lazy("Cuối quý"), "end", INTEGER),
    Column(gettext_lazy("Trong đó dự bị"), "end_probationary", INTEGER),
    Column(gettext_lazy("Trong đó chính thức"), "end_full", INTEGER),
    Column(gettext_lazy("Kiểm tra (đầu + vào − ra = cuối)"), _check, TEXT),
]


@login_required
def reconciliation_export(request, org_pk):
    org, _form, result = _reconcile(request, org_pk)
    notes = [
        _("Từ %(first)s đến %(last)s")
        % {
            "first": result.starts_on.strftime("%d/%m/%Y"),
            "last": result.ends_on.strftime("%d/%m/%Y"),
        }
    ]
    if not result.level_matches:
        notes.append(
            _("Không khớp giữa cấp trên và cấp dưới: toàn đảng bộ đầu quý %(a)s, cuối quý %(b)s.")
            % {"a": result.subtree_start, "b": result.subtree_end}
        )
    title = _("Đối chiếu số lượng đảng viên quý %(q)s năm %(y)s") % {
        "q": result.quarter,
        "y": result.year,
    }
    return xlsx_response(
        Sheet(title, COLUMNS, [*result.rows, result.total], organization=org.name, notes=notes),
        filename=_("Đối chiếu đảng viên Q%(q)s-%(y)s.xlsx")
        % {"q": result.quarter, "y": result.year},
    )
