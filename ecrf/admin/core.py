"""The Django admin: every model registered, scoped to the user's sites.

Study data is read-only here for everyone but the superuser: entry goes through the
eCRF screens, whose actions apply the protocol rules. Nothing can be deleted.
"""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from ecrf import access
from ecrf.models import (
    Arm,
    CommitteeDecision,
    EligibilityAnswer,
    Enrolment,
    GateChannel,
    GateRefusal,
    Membership,
    ScreenFailure,
    Site,
    Study,
    Subject,
)

admin.site.site_header = _("BAL eCRF administration")
admin.site.site_title = _("BAL eCRF")


class ScopedAdmin(admin.ModelAdmin):
    """Rows of the user's sites only; `site_path` says how a row reaches its site."""

    site_path = "site"
    list_per_page = 50
    # No full-table COUNT(*) on every changelist page (performance anchors §2.1).
    show_full_result_count = False

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        if request.user.is_superuser:
            return queryset
        return queryset.filter(**{f"{self.site_path}__in": access.visible_sites(request.user)})

    def has_module_permission(self, request):
        return access.may_use_admin(request.user)

    def has_view_permission(self, request, obj=None):
        return access.may_use_admin(request.user)

    def has_add_permission(self, request):
        return request.user.is_superuser

    def has_change_permission(self, request, obj=None):
        return request.user.is_superuser

    def has_delete_permission(self, request, obj=None):
        return False  # study data is never deleted (voided later, with a reason)


@admin.register(Study)
class StudyAdmin(ScopedAdmin):
    site_path = "sites"
    list_display = ["registry_id", "title", "phase", "target_enrolment"]
    search_fields = ["registry_id", "title"]
    list_filter = ["phase"]
    readonly_fields = ["registry_id", "package"]

    def get_queryset(self, request):
        return super().get_queryset(request).distinct()


@admin.register(Site)
class SiteAdmin(ScopedAdmin):
    site_path = "pk"
    list_display = ["code", "name", "study", "city", "time_zone"]
    list_filter = ["study"]
    search_fields = ["code", "name", "city"]

    def get_queryset(self, request):
        queryset = admin.ModelAdmin.get_queryset(self, request).select_related("study")
        if request.user.is_superuser:
            return queryset
        return queryset.filter(pk__in=access.visible_sites(request.user))


@admin.register(Membership)
class MembershipAdmin(ScopedAdmin):
    list_display = ["user", "role", "site"]
    list_filter = ["role", "site__study", "site"]
    search_fields = ["user__username", "site__code"]
    list_select_related = ["user", "site__study"]
    autocomplete_fields = ["user"]


@admin.register(Arm)
class ArmAdmin(ScopedAdmin):
    site_path = "study__sites"
    list_display = ["code", "label", "study", "capacity", "is_open", "planned_minutes"]
    list_filter = ["study", "is_open"]
    search_fields = ["code", "label"]
    list_select_related = ["study"]
    # Spec §5.4: a cohort opens, grows or gets its duration only by a signed committee
    # decision (ecrf/actions/committee.py); not even a superuser edits these here.
    COMMITTEE_FIELDS = ("is_open", "capacity", "planned_minutes")
    readonly_fields = COMMITTEE_FIELDS
    fieldsets = [
        (None, {"fields": ["study", "code", "label", "order"]}),
        (
            _("Set by the Safety Evaluation Committee"),
            {
                "fields": list(COMMITTEE_FIELDS),
                "description": _(
                    "Only a signed decision of the Safety Evaluation Committee opens a "
                    "cohort, changes its size or sets its duration (eCRF: study page, "
                    "cohort decision)."
                ),
            },
        ),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).distinct()

    def save_model(self, request, obj, form, change):
        # The fields are read-only, so a posted value is ignored; an attempt to post one
        # anyway (a crafted request) is logged for the monitor.
        tampered = [name for name in self.COMMITTEE_FIELDS if name in request.POST]
        if change and tampered:
            GateRefusal.objects.create(
                user=request.user,
                channel=GateChannel.ADMIN,
                arm=obj,
                rules="SEC-ONLY",
                message=f"Admin edit of {', '.join(tampered)} ignored: committee decision only.",
            )
        super().save_model(request, obj, form, change)


class CommitteeRecordAdmin(ScopedAdmin):
    """Append-only records: read, never added or changed here (the database refuses too)."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(CommitteeDecision)
class CommitteeDecisionAdmin(CommitteeRecordAdmin):
    site_path = "study__sites"
    list_display = ["arm", "decision", "mtd_minutes", "meeting_date", "printed_name", "signed_at"]
    list_filter = ["study", "decision"]
    list_select_related = ["arm", "study"]

    def get_queryset(self, request):
        return super().get_queryset(request).distinct()


@admin.register(GateRefusal)
class GateRefusalAdmin(CommitteeRecordAdmin):
    site_path = "arm__study__sites"
    list_display = ["at", "user", "channel", "subject", "arm", "rules"]
    list_filter = ["channel", "arm__study", "arm"]
    list_select_related = ["user", "subject", "arm"]
    search_fields = ["subject__screening_number", "rules"]

    def get_queryset(self, request):
        return super().get_queryset(request).distinct()


@admin.register(Subject)
class SubjectAdmin(ScopedAdmin):
    list_display = ["screening_number", "study", "site", "status", "sex", "screening_date"]
    list_filter = ["study", "site", "status", "sex"]
    search_fields = ["screening_number"]
    list_select_related = ["study", "site"]
    date_hierarchy = "screening_date"


@admin.register(EligibilityAnswer)
class EligibilityAnswerAdmin(ScopedAdmin):
    site_path = "subject__site"
    list_display = ["subject", "criterion_code", "answer", "created_at"]
    list_filter = ["subject__study", "subject__site", "criterion_code", "answer"]
    search_fields = ["subject__screening_number", "criterion_code"]
    list_select_related = ["subject"]


@admin.register(ScreenFailure)
class ScreenFailureAdmin(ScopedAdmin):
    site_path = "subject__site"
    list_display = ["subject", "date", "failed_criteria", "other_reason"]
    list_filter = ["subject__study", "subject__site"]
    search_fields = ["subject__screening_number", "other_reason"]
    list_select_related = ["subject"]


@admin.register(Enrolment)
class EnrolmentAdmin(ScopedAdmin):
    site_path = "subject__site"
    list_display = ["subject", "arm", "enrolment_date", "planned_first_treatment"]
    list_filter = ["arm__study", "arm", "subject__site"]
    search_fields = ["subject__screening_number"]
    list_select_related = ["subject", "arm"]
