"""Account preferences: read by the superuser (who may need to know why a user sees
Chinese), changed only by each user from the language menu. Users: Django's admin, with
an action that requires a new password at the next sign-in."""

from django.contrib import admin
from django.contrib.auth import admin as auth_admin
from django.contrib.auth import get_user_model
from django.db.models import Exists, OuterRef
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from ecrf.actions.accounts import password_change_require
from ecrf.admin.audit import ReadOnlyAdmin
from ecrf.models import AccountPreference, PasswordChangeRequired


@admin.register(AccountPreference)
class AccountPreferenceAdmin(ReadOnlyAdmin):
    list_display = ["user", "language", "changed_at"]
    list_filter = ["language"]
    search_fields = ["user__username"]


# --- Users: Django's admin, with the demand for a new password (issue 17, item 7) ---------

User = get_user_model()
admin.site.unregister(User)


@admin.register(User)
class UserAdmin(auth_admin.UserAdmin):
    """Django's user admin. Its password forms run every AUTH_PASSWORD_VALIDATORS entry, so
    a password of the account's history is refused here too (ecrf/passwords.py)."""

    actions = ["require_password_change"]
    list_display = [*auth_admin.UserAdmin.list_display, "must_change_password"]

    def get_queryset(self, request):
        demand = PasswordChangeRequired.objects.filter(user=OuterRef("pk"))
        return super().get_queryset(request).annotate(must_change=Exists(demand))

    @admin.display(boolean=True, description=_("must change password"), ordering="must_change")
    def must_change_password(self, user) -> bool:
        return user.must_change

    @admin.action(description=_("Require a new password at the next sign-in"))
    def require_password_change(self, request, queryset):
        for user in queryset:
            password_change_require(user=user, by=request.user, request=request)
        self.message_user(
            request,
            ngettext(
                "%(count)d account must choose a new password at its next sign-in.",
                "%(count)d accounts must choose a new password at their next sign-in.",
                len(queryset),
            )
            % {"count": len(queryset)},
        )
