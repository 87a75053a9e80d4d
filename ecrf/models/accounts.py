"""What a user chooses for their own account, kept across browsers and computers."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


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
