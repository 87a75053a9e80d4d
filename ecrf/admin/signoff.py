"""Source data verifications and signatures: listed for monitors, data managers and
safety reviewers of the sites they belong to; read-only for everyone (the database
refuses changes to these rows anyway)."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from ecrf.admin.core import ScopedAdmin, SiteFilter, StudyFilter
from ecrf.models import Signature, SourceVerification


class SignoffAdmin(ScopedAdmin):
    site_path = "subject__site"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    @admin.display(description=_("form"))
    def form_name(self, row):
        return row.content_type.model_class()._meta.verbose_name if row.content_type_id else ""


@admin.register(SourceVerification)
class SourceVerificationAdmin(SignoffAdmin):
    list_display = [
        "verified_at",
        "subject",
        "form_name",
        "object_id",
        "form_version",
        "verified_by",
    ]
    list_filter = [StudyFilter, SiteFilter, "content_type"]
    search_fields = ["subject__screening_number", "verified_by__username", "note"]
    list_select_related = ["subject", "content_type", "verified_by"]
    date_hierarchy = "verified_at"


@admin.register(Signature)
class SignatureAdmin(SignoffAdmin):
    list_display = [
        "signed_at",
        "subject",
        "what",
        "object_id",
        "form_version",
        "printed_name",
        "meaning",
    ]
    list_filter = [StudyFilter, SiteFilter, "meaning", "content_type"]
    search_fields = ["subject__screening_number", "printed_name", "signer__username"]
    list_select_related = ["subject", "content_type", "signer"]
    date_hierarchy = "signed_at"

    @admin.display(description=_("signed"))
    def what(self, row):
        return self.form_name(row) if row.content_type_id else _("the whole casebook")
