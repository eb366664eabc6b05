from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from training import links


class AdmissionsConfig(AppConfig):
    name = "admissions"
    verbose_name = _("Phát triển đảng viên")

    def ready(self) -> None:
        from . import permissions  # noqa: F401, PLC0415 (reason: app-registry)

        # ADM-04, PRB-04: training links its learners to our candidates and tells us of
        # certificates, without importing admissions (training.links).
        from .links import CandidateDirectory, on_certificate_changed  # noqa: PLC0415 (reason: app-registry)

        links.register(CandidateDirectory())
        links.certificate_changed.connect(
            on_certificate_changed, dispatch_uid="admissions.prb04_certificate"
        )
