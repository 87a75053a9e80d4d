"""The sign-in log and the audit contexts: read-only, for superusers only.

A site's own change history is read on the subject's audit-trail page
(ecrf/views/audit.py), which is scoped to the site like every eCRF screen.
"""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from ecrf.models import AuditContext, LoginEvent


class ReadOnlyAdmin(admin.ModelAdmin):
    """The database refuses changes to these rows anyway (append-only triggers)."""

    list_per_page = 100
    show_full_result_count = False

    def has_module_permission(self, request):
        return request.user.is_active and request.user.is_superuser

    def has_view_permission(self, request, obj=None):
        return request.user.is_active and request.user.is_superuser

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(LoginEvent)
class LoginEventAdmin(ReadOnlyAdmin):
    list_display = ["at", "kind", "username", "ip_address", "request_id"]
    list_filter = ["kind"]
    search_fields = ["username", "ip_address", "request_id"]
    date_hierarchy = "at"


@admin.register(AuditContext)
class AuditContextAdmin(ReadOnlyAdmin):
    list_display = ["created_at", "username", "request_id", "url", "reason"]
    search_fields = ["id", "metadata__username", "metadata__request_id"]
    ordering = ["-created_at"]

    @admin.display(description=_("username"))
    def username(self, context):
        return context.metadata.get("username")

    @admin.display(description=_("request id"))
    def request_id(self, context):
        return context.metadata.get("request_id")

    @admin.display(description=_("page"))
    def url(self, context):
        return context.metadata.get("url")

    @admin.display(description=_("reason"))
    def reason(self, context):
        return context.metadata.get("reason")
