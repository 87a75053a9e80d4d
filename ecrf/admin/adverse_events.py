"""Adverse events in the admin: the monitors' review list."""

from django.contrib import admin

from ecrf.admin.core import ScopedAdmin
from ecrf.models import AdverseEvent, AdverseEventReview, SaeReport


@admin.register(AdverseEvent)
class AdverseEventAdmin(ScopedAdmin):
    site_path = "subject__site"
    list_display = ["subject", "number", "ctcae_term", "grade", "serious", "onset_date"]
    list_filter = ["subject__study", "subject__site", "grade", "serious"]
    search_fields = ["subject__screening_number", "ctcae_term", "verbatim_term"]
    list_select_related = ["subject"]


@admin.register(SaeReport)
class SaeReportAdmin(ScopedAdmin):
    site_path = "adverse_event__subject__site"
    list_display = ["adverse_event", "awareness_at", "reported_to_sponsor_at"]
    list_select_related = ["adverse_event__subject"]


@admin.register(AdverseEventReview)
class AdverseEventReviewAdmin(ScopedAdmin):
    site_path = "adverse_event__subject__site"
    list_display = ["adverse_event", "reviewer", "reviewed_at"]
    list_select_related = ["adverse_event__subject", "reviewer"]
