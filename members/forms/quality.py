"""The data quality page's filter: one organization (subtree) or all the user reaches."""

from accounts.forms import SubtreeFilterForm


class QualityFilterForm(SubtreeFilterForm):
    """accounts' subtree filter, with the field named for the page's browser tests."""

    def configure(self) -> None:
        super().configure()
        self.fields["organization"].widget.attrs["data-testid"] = "quality-organization"
