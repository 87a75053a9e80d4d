"""What a user chooses for their own account, kept across browsers and computers; and
their passwords: the former ones (refused again) and an administrator's demand for a
new one."""

import pgtrigger
from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ecrf.times import local_text


class AccountPreference(models.Model):
    """The interface language a user chose (issue 6: "each user chooses the language, and
    the choice is remembered"). A cookie alone would be forgotten on the ward's other
    computer; the account carries it to every browser the user signs in from."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="preference",
    )
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES)
    changed_at = models.DateTimeField(_("changed at"), auto_now=True)

    class Meta:
        verbose_name = _("account preference")
        verbose_name_plural = _("account preferences")

    def __str__(self):
        return f"{self.user}: {self.language}"


class PasswordHistory(models.Model):
    """Each password an account has had, as its hash: the last PASSWORD_HISTORY are
    refused when a new one is chosen (21 CFR 11.300(b): passwords are periodically
    revised and, EU Annex 11 §12.1 with it, not simply set back). Written by
    ecrf.passwords.PasswordHistoryValidator whenever Django saves a new password."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    password = models.CharField(_("password hash"), max_length=128)
    set_at = models.DateTimeField(_("set at"), default=timezone.now)

    class Meta:
        verbose_name = _("former password")
        verbose_name_plural = _("former passwords")
        ordering = ["-set_at", "-pk"]
        indexes = [
            models.Index(fields=["user", "-set_at", "-id"], name="password_history_user_idx")
        ]
        triggers = [
            pgtrigger.Protect(name="password_history_append_only", operation=pgtrigger.Update)
        ]

    def __str__(self):
        return f"{self.user_id} {local_text(self.set_at)}"


class PasswordChangeRequired(models.Model):
    """An administrator requires the account to choose a new password at its next
    sign-in (21 CFR 11.300(b)); the account's own change removes it. Until then every
    page answers with the change-password page (ecrf.middleware.password_change_required)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="password_change_required",
    )
    required_at = models.DateTimeField(_("required at"), default=timezone.now)
    required_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("required by"),
    )

    class Meta:
        verbose_name = _("password change required")
        verbose_name_plural = _("password changes required")

    def __str__(self):
        return f"{self.user}: {local_text(self.required_at)}"
