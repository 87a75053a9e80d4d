from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EcrfConfig(AppConfig):
    name = "ecrf"
    verbose_name = _("BAL eCRF")

    def ready(self):
        from ecrf import audit, checks, languages  # noqa: F401  sign-in log, checks, language
