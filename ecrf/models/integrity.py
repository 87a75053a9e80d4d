"""Submissions already processed: the idempotency keys of the eCRF's forms (issue 4).

Each POST form carries a one-time key (ecrf.middleware.idempotency). The key is stored
in the transaction of the write it guards, so a retried or double-clicked submission
is answered with the first one's redirect instead of writing twice. It lives in the
database because several stateless app servers answer requests.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class SubmissionKey(models.Model):
    key = models.UUIDField(_("idempotency key"), unique=True)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    path = models.CharField(_("page"), max_length=500)
    response_status = models.PositiveSmallIntegerField(_("response status"), null=True)
    redirect_to = models.CharField(_("redirected to"), max_length=2000, blank=True)
    created_at = models.DateTimeField(_("created at"), default=timezone.now, db_index=True)

    class Meta:
        verbose_name = _("form submission")
        verbose_name_plural = _("form submissions")

    def __str__(self) -> str:
        return f"{self.key} {self.path}"
