"""The one base form: `Form` and `ModelForm`, with one hook, `configure()`.

Every form in chibo subclasses one of the two. `configure()` runs once the fields exist and
before the widgets are styled and the errors looked at: everything validation depends on
(a queryset narrowed to the user's reach, extra fields, choices of today) is set there,
from what the subclass stored before calling `super().__init__()`. Then Bootstrap classes
go on every widget (dates become dd/mm/yyyy text boxes) and, after validation, invalid
fields are marked. A service's refusal is put on the form by `apply_errors` (core.views.write
calls it) or, for errors a form's own `clean()` asks a service for, by `add_errors`.
"""

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
    """The hook, Bootstrap 5 classes on widgets, invalid fields marked."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.configure()
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

    def configure(self) -> None:
        """The one hook: set up fields from what the subclass stored before
        `super().__init__()`. A mixin that overrides it calls `super().configure()`."""

    def add_errors(self, errors: dict[str, list[str]]) -> None:
        """Put errors a service computed (by field name) beside their fields; unknown
        names above the form."""
        for name, messages in errors.items():
            target = name if name in self.fields else None
            for message in messages:
                self.add_error(target, message)

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


class ModelForm(BootstrapFormMixin, forms.ModelForm[_M]):
    pass


class Form(BootstrapFormMixin, forms.Form):
    pass


def apply_errors(form: forms.BaseForm, error: ValidationError) -> None:
    """Put a service's refusal (ValidationError) on the form that made the call: each error
    on its field when the form has that field, the others above the form."""
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error)


# The base of a mixin over chibo's forms (one that overrides `configure()`): `Form` for the
# type checker, nothing at run time.
if TYPE_CHECKING:
    FormMixin = Form
else:
    FormMixin = object
