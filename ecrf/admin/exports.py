"""The export log, read-only for everyone (its rows are append-only in the database)."""

from django.contrib import admin

from ecrf import access
from ecrf.admin.core import ScopedAdmin, StudyFilter
from ecrf.models import ExportLog


@admin.register(ExportLog)
class ExportLogAdmin(ScopedAdmin):
    site_path = "study__sites"
    study_path = "study"
    list_display = [
        "exported_at",
        "study",
        "format",
        "sites",
        "exported_by",
        "total_rows",
        "channel",
    ]
    list_filter = [StudyFilter, "format", "channel"]  # only the user's studies
    list_select_related = ["study", "exported_by"]
    date_hierarchy = "exported_at"

    def get_queryset(self, request):
        queryset = super().get_queryset(request).distinct()
        if request.user.is_superuser:
            return queryset
        # Issue 17: an export's row counts are its sites' data.
        return queryset.covered_by(access.visible_sites(request.user))

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
