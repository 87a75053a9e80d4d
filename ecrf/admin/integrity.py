"""Processed form submissions (idempotency keys): read-only, for superusers diagnosing a
"This form was already saved." report."""

from django.contrib import admin

from ecrf.admin.audit import ReadOnlyAdmin
from ecrf.models import SubmissionKey


@admin.register(SubmissionKey)
class SubmissionKeyAdmin(ReadOnlyAdmin):
    list_display = ["created_at", "user", "path", "response_status", "redirect_to"]
    search_fields = ["key", "path", "user__username"]
    date_hierarchy = "created_at"
    list_select_related = ["user"]
