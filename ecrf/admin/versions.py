"""Admin pages for protocol versions (issue 21): read-only. A version is published, put in
force and re-consented to through the app's actions, never edited here (the database
refuses an edit of a published version or of a version put in force)."""

from django.contrib import admin

from ecrf.admin.core import CommitteeRecordAdmin, ScopedAdmin, SiteFilter, StudyFilter
from ecrf.models import Reconsent, SiteVersion, StudyVersion


@admin.register(StudyVersion)
class StudyVersionAdmin(CommitteeRecordAdmin):
    site_path = "study__sites"
    study_path = "study"
    list_display = ["study", "number", "declared", "date", "created_at", "created_by"]
    list_filter = [StudyFilter]
    list_select_related = ["study", "created_by"]

    def get_queryset(self, request):
        return super().get_queryset(request).distinct()


@admin.register(SiteVersion)
class SiteVersionAdmin(CommitteeRecordAdmin):
    list_display = [
        "site",
        "version",
        "in_force_from",
        "ethics_approved_on",
        "printed_name",
        "signed_at",
        "recorded_by_migration",
    ]
    list_filter = [StudyFilter, SiteFilter]
    list_select_related = ["site", "version__study"]


@admin.register(Reconsent)
class ReconsentAdmin(ScopedAdmin):
    site_path = "subject__site"
    list_display = ["subject", "reconsent_date", "protocol_version", "consent_version"]
    list_filter = [StudyFilter, SiteFilter]
    search_fields = ["subject__screening_number"]
    list_select_related = ["subject", "protocol_version"]

    def has_add_permission(self, request):
        return False  # a re-consent is entered on its page, through its action
