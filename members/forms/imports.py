"""The upload form of the member import."""

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.forms import Form

from ..imports.layout import MAX_FILE_BYTES


class UploadForm(Form):
    """The workbook to import; `max_bytes`: the largest file accepted (the layout's)."""

    file = forms.FileField(
        label=gettext_lazy("Tệp Excel (.xlsx)"),
        help_text=gettext_lazy("Theo mẫu nhập; tối đa 50 MB."),
        widget=forms.ClearableFileInput(attrs={"accept": ".xlsx"}),
    )

    def __init__(self, *args, max_bytes: int = MAX_FILE_BYTES, **kwargs):
        self.max_bytes = max_bytes
        super().__init__(*args, **kwargs)

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > self.max_bytes:
            raise forms.ValidationError(_("Tệp quá lớn (tối đa 50 MB). Hãy chia thành nhiều tệp."))
        return upload
