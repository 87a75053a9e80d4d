from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps
from django.utils.translation import gettext_lazy as _


class EcrfConfig(AppConfig):
    name = "ecrf"
    verbose_name = _("BAL eCRF")

    def ready(self):
        from ecrf import audit, checks, languages  # noqa: F401  sign-in log, checks, language


class EcrfAdminConfig(admin_apps.AdminConfig):
    """Django's admin on EcrfAdminSite (ecrf/admin_site.py: the app list built lazily)."""

    default = False  # "ecrf" alone still means EcrfConfig
    default_site = "ecrf.admin_site.EcrfAdminSite"
