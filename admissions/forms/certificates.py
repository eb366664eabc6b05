"""The COURSE step's fields (ADM-04): the certificate comes from training when it is there.

The date and number are pre-filled from the candidate's latest awareness certificate
recorded in training; left as they are (or left blank) the step takes that certificate
and the case remembers the course it came from
(admissions.services.certificates.advance_with_certificate). With no certificate in the
system the date must be typed: an outside certificate.
"""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _
from django_stubs_ext import StrOrPromise

from core.forms import VNDateInput

from ..queries.certificates import latest_training_certificate


def certificate_fields(f, case) -> None:
    """Add `certificate_on` and `certificate_number` to the fields `f` of the step form."""
    found = latest_training_certificate(case)
    help_on: StrOrPromise
    if found is None:
        help_on = _(
            "Chưa có giấy chứng nhận của người này trong hệ thống đào tạo: nhập giấy chứng "
            "nhận ngoài hệ thống."
        )
    else:
        help_on = _(
            "Lấy từ lớp “%(course)s” (%(organizer)s), hết hiệu lực ngày %(expires)s. "
            "Để nguyên để dùng giấy chứng nhận này; sửa nếu dùng giấy chứng nhận khác."
        ) % {
            "course": found.course.title,
            "organizer": found.course.organizer.name,
            "expires": f"{found.expires_on:%d/%m/%Y}",
        }
    f["certificate_on"] = forms.DateField(
        label=_("Ngày cấp giấy chứng nhận"),
        widget=VNDateInput(),
        required=found is None,
        initial=found.issued_on if found else None,
        help_text=help_on,
        error_messages={
            "required": _(
                "Chưa có giấy chứng nhận trong hệ thống: cần nhập ngày cấp giấy chứng nhận."
            )
        },
    )
    f["certificate_number"] = forms.CharField(
        label=_("Số giấy chứng nhận"),
        required=False,
        max_length=50,
        initial=found.number if found else "",
    )
