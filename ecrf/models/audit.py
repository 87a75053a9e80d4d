"""The audit trail's own tables: sign-in events, and the protection of pghistory's context.

Changes to study data are recorded by the pghistory triggers on each model (see
`audited()` in ecrf/models/core.py); ecrf/audit.py adds who, the request and the reason.
"""

import pghistory.models
import pgtrigger
from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ecrf.times import iso


class AuditContext(pghistory.models.Context):
    """pghistory's context table (who, which request, why), made tamper-evident.

    A context row may gain keys while its request runs, but no key may change or
    disappear, and no row may be deleted: the events point at these rows.
    """

    class Meta:
        proxy = True
        verbose_name = _("audit context")
        verbose_name_plural = _("audit contexts")
        triggers = [
            pgtrigger.Protect(name="audit_context_no_delete", operation=pgtrigger.Delete),
            pgtrigger.Protect(
                name="audit_context_append_only",
                operation=pgtrigger.Update,
                condition=pgtrigger.Condition(
                    'NEW."id" IS DISTINCT FROM OLD."id"'
                    ' OR NEW."created_at" IS DISTINCT FROM OLD."created_at"'
                    ' OR NOT (NEW."metadata" @> OLD."metadata")'
                ),
            ),
        ]


class ChangeReason(models.TextChoices):
    """Why saved data changed: chosen from this list, with free text beside it (issue 4;
    ICH E6(R3) 4.2.2 and Annex 11 §9 want the reason recorded with each change). The
    list follows the reasons monitors see most; "other" needs the free text to say it."""

    ENTRY_ERROR = "entry_error", _("Data entry error")
    SOURCE_CORRECTED = "source_corrected", _("Source document corrected")
    NEW_INFORMATION = "new_information", _("New information received")
    QUERY_RESPONSE = "query_response", _("Response to a data query")
    MONITOR_FINDING = "monitor_finding", _("Finding at source data verification")
    OTHER = "other", _("Other")


class LoginEventKind(models.TextChoices):
    LOGGED_IN = "logged_in", _("Logged in")
    LOGGED_OUT = "logged_out", _("Logged out")
    LOGIN_FAILED = "login_failed", _("Login failed")
    LOCKED_OUT = "locked_out", _("Locked out")
    # A wrong password re-entered to sign (21 CFR 11.200(a), 11.300(d)).
    SIGNATURE_FAILED = "signature_failed", _("Signature refused: wrong password")
    # 21 CFR 11.300: a password changed (by its user, or set by an administrator), and an
    # administrator's demand for a change at the next sign-in.
    PASSWORD_CHANGED = "password_changed", _("Password changed")
    PASSWORD_CHANGE_REQUIRED = "change_required", _("Password change required")


class LoginEvent(models.Model):
    """One sign-in, sign-out, failed attempt or lock-out (21 CFR 11.300(d); ASVS 16.3.1).

    Append-only: the database refuses UPDATE and DELETE. The username is kept as typed,
    so attempts on unknown accounts are recorded too.
    """

    kind = models.CharField(_("event"), max_length=20, choices=LoginEventKind.choices)
    at = models.DateTimeField(_("time"), default=timezone.now, editable=False)
    username = models.CharField(_("username"), max_length=150, blank=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    ip_address = models.GenericIPAddressField(_("IP address"), null=True, blank=True)
    user_agent = models.CharField(_("browser"), max_length=300, blank=True)
    request_id = models.CharField(_("request id"), max_length=64, blank=True)
    path = models.CharField(_("page"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("login event")
        verbose_name_plural = _("login events")
        ordering = ["-at"]
        indexes = [models.Index(fields=["username", "at"], name="login_event_username_idx")]
        triggers = [
            pgtrigger.Protect(
                name="login_event_append_only", operation=pgtrigger.Update | pgtrigger.Delete
            )
        ]

    def __str__(self) -> str:
        return f"{iso(self.at)} {self.username} {self.get_kind_display()}"
