"""Data queries in the admin: read-only and scoped to the user's sites, like every form;
queries are raised, answered and closed on the eCRF screens, whose actions check roles."""

from django.contrib import admin

from ecrf.admin.core import ScopedAdmin, SiteFilter, StudyFilter
from ecrf.models import DataQuery, DataQueryMessage


class DataQueryMessageInline(admin.TabularInline):
    model = DataQueryMessage
    fields = ["at", "kind", "author", "text"]
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(DataQuery)
class DataQueryAdmin(ScopedAdmin):
    site_path = "subject__site"
    list_display = ["pk", "subject", "record_label", "field", "status", "automatic", "raised_at"]
    study_path = "study"
    list_filter = [StudyFilter, SiteFilter, "status", "automatic", "rule"]
    search_fields = ["subject__screening_number", "record_label", "text"]
    list_select_related = ["subject"]
    inlines = [DataQueryMessageInline]
    readonly_fields = [
        "study",
        "subject",
        "content_type",
        "object_id",
        "record_label",
        "field",
        "text",
        "status",
        "automatic",
        "rule",
        "raised_by",
        "raised_at",
    ]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False  # the thread's steps go through the actions (roles, statuses)


@admin.register(DataQueryMessage)
class DataQueryMessageAdmin(ScopedAdmin):
    site_path = "query__subject__site"
    list_display = ["query", "kind", "author", "at"]
    list_filter = ["kind"]
    search_fields = ["query__subject__screening_number", "text"]
    list_select_related = ["query", "author"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
