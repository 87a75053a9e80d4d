"""The admin site: Django's, with its list of apps built only for a page that shows it.

Django builds the list of every registered model (with each one's permissions and
URLs) for every admin page, for the navigation sidebar. On the monitors' AE list, which
shows no sidebar, that was a fifth of the page's time (issue 7, bench/profile.py).

Its own module, outside ecrf/admin/: the admin modules register on this site, so
loading it must not load them (ecrf/apps.py: EcrfAdminConfig names it).
"""

from django.contrib import admin
from django.utils.functional import SimpleLazyObject


class EcrfAdminSite(admin.AdminSite):
    def get_app_list(self, request, app_label=None):
        # Lazy: built when a template reads it (the index, the nav sidebar).
        build = super().get_app_list
        return SimpleLazyObject(lambda: build(request, app_label))
