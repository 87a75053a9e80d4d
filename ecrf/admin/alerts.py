"""Safety alerts and AE codings in the admin: read-only records of what was sent to whom
and how each "Other, specify" AE was coded (issue 9). Alerts are raised by the AE actions
and send_due_alerts; codings are made on the data managers' coding page."""

from django.contrib import admin

from ecrf.admin.adverse_events import ReadOnlyAdmin
from ecrf.admin.core import SiteFilter, StudyFilter
from ecrf.models import AdverseEventCoding, Alert


@admin.register(Alert)
class AlertAdmin(ReadOnlyAdmin):
    site_path = "subject__site"
    list_display = [
        "created_at",
        "trigger",
        "subject",
        "adverse_event",
        "deviation",
        "recipient",
        "emailed_at",
        "read_at",
    ]
    list_filter = [StudyFilter, SiteFilter, "trigger"]
    list_select_related = ["subject", "adverse_event__subject", "deviation__subject", "recipient"]
    search_fields = ["subject__screening_number", "recipient__username"]
    date_hierarchy = "created_at"


@admin.register(AdverseEventCoding)
class AdverseEventCodingAdmin(ReadOnlyAdmin):
    site_path = "adverse_event__subject__site"
    list_display = [
        "adverse_event",
        "coded_text",
        "term",
        "llt_code",
        "soc",
        "coded_by",
        "coded_at",
    ]
    list_filter = [StudyFilter, SiteFilter, "soc"]
    list_select_related = ["adverse_event__subject", "coded_by"]
    search_fields = ["adverse_event__subject__screening_number", "coded_text", "term"]
