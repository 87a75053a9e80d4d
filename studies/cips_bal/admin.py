"""Admin pages for CiPS-BAL's own fields: read-only reviews, scoped like the core's."""

from django.contrib import admin

from ecrf.admin.capture import SessionPartAdmin
from ecrf.admin.core import ScopedAdmin, SiteFilter, StudyFilter
from studies.cips_bal.models import FunctionalHepatocytes, SmallForSizeOperation


@admin.register(FunctionalHepatocytes)
class FunctionalHepatocytesAdmin(SessionPartAdmin):
    list_display = ["session", "functional_percent"]


@admin.register(SmallForSizeOperation)
class SmallForSizeOperationAdmin(ScopedAdmin):
    site_path = "diagnosis__subject__site"
    list_display = ["diagnosis", "sfss_operation", "sfss_operation_date", "graft_weight_g"]
    list_filter = [StudyFilter, SiteFilter]
    search_fields = ["diagnosis__subject__screening_number"]
    list_select_related = ["diagnosis__subject"]
