"""Account preferences: read by the superuser (who may need to know why a user sees
Chinese), changed only by each user from the language menu."""

from django.contrib import admin

from ecrf.admin.audit import ReadOnlyAdmin
from ecrf.models import AccountPreference


@admin.register(AccountPreference)
class AccountPreferenceAdmin(ReadOnlyAdmin):
    list_display = ["user", "language", "changed_at"]
    list_filter = ["language"]
    search_fields = ["user__username"]
