"""Form helpers: Bootstrap classes on every widget, dd/mm/yyyy dates."""

from typing import TYPE_CHECKING, Any, TypeVar

from django import forms
from django.core.exceptions import ValidationError
from django.db import models

_M = TypeVar("_M", bound=models.Model)

# The base of a form mixin: the form it is mixed into, for the type checker only.
if TYPE_CHECKING:
    FormMixinBase = forms.BaseForm
else:
    FormMixinBase = object

DATE_FORMAT = "%d/%m/%Y"


class VNDateInput(forms.DateInput):
    """A text box for dates typed as dd/mm/yyyy (familiar to every secretary)."""

    input_type = "text"

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        defaults = {"placeholder": "dd/mm/yyyy", "inputmode": "numeric", "autocomplete": "off"}
        super().__init__(attrs={**defaults, **(attrs or {})}, format=DATE_FORMAT)


class BootstrapFormMixin(FormMixinBase):
    """Adds Bootstrap 5 classes to widgets and marks invalid fields."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            widget = field.widget
            if isinstance(widget, forms.DateInput) and not isinstance(widget, VNDateInput):
                field.widget = widget = VNDateInput(attrs=widget.attrs)
            if isinstance(
                widget, forms.CheckboxInput | forms.CheckboxSelectMultiple | forms.RadioSelect
            ):
                css = "form-check-input"
            elif isinstance(widget, forms.Select | forms.SelectMultiple):
                css = "form-select"
            else:
                css = "form-control"
            existing = widget.attrs.get("class", "")
            widget.attrs["class"] = f"{existing} {css}".strip()

    def full_clean(self) -> None:
        """Validate, then mark invalid fields (never during __init__: a form that narrows
        its choices after super().__init__() must be validated against the narrowed ones)."""
        super().full_clean()
        for name in self.errors:
            if name in self.fields:
                widget = self.fields[name].widget
                classes = widget.attrs.get("class", "")
                if "is-invalid" not in classes.split():
                    widget.attrs["class"] = f"{classes} is-invalid".strip()


class BootstrapModelForm(BootstrapFormMixin, forms.ModelForm[_M]):
    pass


class BootstrapForm(BootstrapFormMixin, forms.Form):
    pass


def apply_errors(form: forms.BaseForm, error: ValidationError) -> None:
    """Put a service's refusal (ValidationError) on the form that made the call: each error
    on its field when the form has that field, the others above the form."""
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error)
