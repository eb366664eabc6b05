"""The scans uploaded with a step or a dossier document."""

from django import forms
from django.utils.translation import gettext_lazy as _

MAX_SCAN_BYTES = 10 * 1024 * 1024
SCAN_TYPES = (".pdf", ".jpg", ".jpeg", ".png")


def check_scan(upload):
    """A scan uploaded with a step or a dossier document: PDF, JPG or PNG, at most 10 MB."""
    if upload is None:
        return upload
    if upload.size > MAX_SCAN_BYTES:
        raise forms.ValidationError(_("Tệp quá lớn (tối đa 10 MB)."))
    if not upload.name.lower().endswith(SCAN_TYPES):
        raise forms.ValidationError(_("Chỉ nhận tệp PDF, JPG hoặc PNG."))
    return upload
