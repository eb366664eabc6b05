"""Forms of the party tree: the boundary between what a user types and the services.

Forms parse and run the same checks as the services (services.*_errors) so that the
messages appear beside the field; the services check again before writing.
"""

from typing import cast

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.forms import Form, ModelForm

from .enums import CellCategory, CommitteeKind, OrgKind, SuccessionKind
from .models import Committee, ModelCellDesignation, Organization, ResidentialUnit, Term
from .services import base, committees, tree, units

CODE_TAKEN = _("Mã tổ chức này đã được dùng cho một tổ chức khác (ORG-05).")


class _OrganizationChoiceField(forms.ModelChoiceField[Organization]):
    """Organizations labelled with their kind ("Chi bộ 1 (Chi bộ cơ sở)")."""

    def label_from_instance(self, obj: Organization) -> str:
        return f"{obj.name} ({obj.get_kind_display()})"


class OrganizationForm(ModelForm):
    """Create a subordinate of `superior`, or edit an organization (ORG-01, -03, -05)."""

    class Meta:
        model = Organization
        fields = [
            "name",
            "kind",
            "category",
            "code",
            "established_on",
            "address",
            "especially_difficult",
            "merged_cell",
            "notes",
        ]
        widgets = {"notes": forms.Textarea(attrs={"rows": 3})}
        error_messages = {"code": {"unique": CODE_TAKEN}}

    def __init__(self, *args, superior: Organization | None, **kwargs):
        self.superior = superior
        super().__init__(*args, **kwargs)

    def configure(self) -> None:
        allowed = base.allowed_kinds_under(self.superior)
        current = self.instance.kind if self.instance.pk else None
        cast(forms.ChoiceField, self.fields["kind"]).choices = [
            (value, label)
            for value, label in OrgKind.choices
            if value in allowed or value == current
        ]
        cast(forms.ChoiceField, self.fields["category"]).choices = [
            ("", _("— (chỉ với chi bộ) —")),
            *CellCategory.choices,
        ]
        self.fields["category"].help_text = _("Bắt buộc với chi bộ cơ sở và chi bộ trực thuộc.")
        self.fields["code"].widget.attrs.setdefault("placeholder", "38.168.053.000.001")

    def clean(self):
        data = super().clean()
        kind = data.get("kind")
        if not kind:
            return data
        editing = bool(self.instance.pk)
        established_on = data.get("established_on")
        if editing:
            placement_on = None
            if kind != self.instance.kind:
                placement_on = timezone.localdate()
            elif established_on and established_on != self.instance.established_on:
                placement_on = established_on
        else:
            placement_on = established_on or timezone.localdate()
        errors = tree.organization_errors(
            kind=kind,
            category=data.get("category") or "",
            superior=self.superior,
            established_on=established_on,
            dissolved_on=self.instance.dissolved_on if editing else None,
            code=None,  # uniqueness: the model form's own check, with CODE_TAKEN
            instance=self.instance if editing else None,
            check_placement_on=placement_on,
        )
        self.add_errors(errors)
        return data


class MoveForm(Form):
    """Move an organization and its subtree under a new superior (ORG-01)."""

    to = _OrganizationChoiceField(
        label=_("Chuyển đến tổ chức cấp trên"), queryset=Organization.objects.none()
    )
    moved_on = forms.DateField(label=_("Ngày hiệu lực"))
    reason = forms.CharField(
        label=_("Căn cứ, lý do"),
        max_length=255,
        help_text=_("Ví dụ: Quyết định số 123-QĐ/TU ngày 30/06/2025."),
    )

    def __init__(self, *args, org: Organization, targets, **kwargs):
        self.org = org
        self.targets = targets
        super().__init__(*args, **kwargs)

    def configure(self) -> None:
        to = cast(_OrganizationChoiceField, self.fields["to"])
        to.queryset = self.targets
        to.empty_label = _("— Chọn tổ chức —")
        if not self.is_bound and not self.targets.exists():
            to.help_text = _(
                "Trong phạm vi bạn phụ trách không có tổ chức nào có thể nhận tổ chức này (ORG-01)."
            )

    def clean(self):
        data = super().clean()
        if data.get("to") and data.get("moved_on"):
            self.add_errors(tree.move_errors(self.org, to=data["to"], moved_on=data["moved_on"]))
        return data


class DissolveForm(Form):
    dissolved_on = forms.DateField(label=_("Ngày giải thể, hợp nhất"))
    reason = forms.CharField(label=_("Căn cứ, lý do"), max_length=255)

    def __init__(self, *args, org: Organization, **kwargs):
        self.org = org
        super().__init__(*args, **kwargs)

    def clean(self):
        data = super().clean()
        if data.get("dissolved_on"):
            self.add_errors(tree.dissolve_errors(self.org, on=data["dissolved_on"]))
        return data


class SuccessionForm(Form):
    """Predecessor → successor between this organization and another one."""

    PREDECESSOR = "predecessor"
    SUCCESSOR = "successor"

    direction = forms.ChoiceField(
        label=_("Tổ chức này là"),
        choices=[
            (SUCCESSOR, _("Tổ chức kế thừa (tổ chức kia là tiền thân)")),
            (PREDECESSOR, _("Tổ chức tiền thân (tổ chức kia kế thừa)")),
        ],
        widget=forms.RadioSelect,
    )
    other = _OrganizationChoiceField(label=_("Tổ chức kia"), queryset=Organization.objects.none())
    kind = forms.ChoiceField(label=_("Hình thức"), choices=SuccessionKind.choices)
    effective_on = forms.DateField(label=_("Ngày hiệu lực"))
    note = forms.CharField(label=_("Ghi chú"), max_length=255, required=False)

    def __init__(self, *args, org: Organization, others, **kwargs):
        self.org = org
        self.others = others
        super().__init__(*args, **kwargs)

    def configure(self) -> None:
        other = cast(_OrganizationChoiceField, self.fields["other"])
        other.queryset = self.others.exclude(pk=self.org.pk)
        other.empty_label = _("— Chọn tổ chức —")

    def pair(self) -> tuple[Organization, Organization]:
        other = self.cleaned_data["other"]
        if self.cleaned_data["direction"] == self.PREDECESSOR:
            return self.org, other
        return other, self.org

    def clean(self):
        data = super().clean()
        if data.get("other") and data.get("direction") and data.get("effective_on"):
            predecessor, successor = self.pair()
            self.add_errors(
                tree.succession_errors(
                    predecessor=predecessor, successor=successor, effective_on=data["effective_on"]
                )
            )
        return data


class ResidentialUnitForm(ModelForm):
    class Meta:
        model = ResidentialUnit
        fields = ["name", "kind", "households", "no_party_member"]


class TermForm(ModelForm):
    class Meta:
        model = Term
        fields = ["name", "starts_on", "ends_on"]
        help_texts = {"name": _("Ví dụ: 2025–2030")}

    def __init__(self, *args, org: Organization, **kwargs):
        self.org = org
        super().__init__(*args, instance=Term(organization=org), **kwargs)

    def clean(self):
        data = super().clean()
        if data.get("starts_on"):
            self.add_errors(
                committees.term_errors(
                    organization=self.org, starts_on=data["starts_on"], ends_on=data.get("ends_on")
                )
            )
        return data


class CommitteeForm(ModelForm):
    class Meta:
        model = Committee
        fields = ["term", "kind"]
        labels = {"term": _("Nhiệm kỳ")}

    def __init__(self, *args, org: Organization, **kwargs):
        self.org = org
        super().__init__(*args, instance=Committee(organization=org), **kwargs)

    def configure(self) -> None:
        cast(forms.ModelChoiceField[Term], self.fields["term"]).queryset = self.org.terms.order_by(
            "-starts_on"
        )
        kinds = committees.committee_kinds_for(self.org)
        cast(forms.ChoiceField, self.fields["kind"]).choices = [
            (v, lbl) for v, lbl in CommitteeKind.choices if v in kinds
        ]

    def clean(self):
        data = super().clean()
        if data.get("term") and data.get("kind"):
            self.add_errors(
                committees.committee_errors(
                    organization=self.org, term=data["term"], kind=data["kind"]
                )
            )
        return data


class ModelCellForm(ModelForm):
    """ORG-03: a model cell (chi bộ điểm) for a year."""

    class Meta:
        model = ModelCellDesignation
        fields = ["year", "note"]

    def __init__(self, *args, cell: Organization, **kwargs):
        self.cell = cell
        kwargs.setdefault("initial", {"year": timezone.localdate().year})
        super().__init__(*args, instance=ModelCellDesignation(organization=cell), **kwargs)

    def configure(self) -> None:
        self.fields["year"].widget.attrs.update({"min": 1930, "max": 2100})

    def clean(self):
        data = super().clean()
        if data.get("year"):
            self.add_errors(units.model_year_errors(cell=self.cell, year=data["year"]))
        return data
