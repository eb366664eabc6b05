"""The small forms written inline on a page (a dossier document, a target): their errors
come back as one message on the page, like a service's refusal."""

from django.core.exceptions import ValidationError

from core.forms import Form


class InlineForm(Form):
    def refusal(self) -> ValidationError:
        """The form's errors as one refusal (shown as a message)."""
        return ValidationError([str(e) for errors in self.errors.values() for e in errors])
