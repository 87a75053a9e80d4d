"""Sign-off of the casebook: a monitor's source data verification of a form, and an
investigator's electronic signature of a form or of the whole casebook (issue 4).

Both are append-only: PostgreSQL refuses UPDATE and DELETE on their rows (21 CFR
11.70: a signature cannot be excised, copied or otherwise transferred). Each is bound to
the version of what it covers (StudyRecord.version, bumped by every save), so it is "in
force" only while that version is current: a later edit resets the form's state without
any write here (see ecrf/lifecycle.py).
"""

import pgtrigger
from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ecrf.models.core import audited
from ecrf.times import local_text


class SignatureMeaning(models.TextChoices):
    """What a signature means, shown with it (21 CFR 11.50(a)(3))."""

    APPROVAL = "approval", _("Approval: I approve these data as accurate and complete")
    REVIEW = "review", _("Review: I have reviewed these data")
    RESPONSIBILITY = "responsibility", _("Responsibility: I take responsibility for these data")


# Allowed while a casebook is frozen (verification and signing follow a freeze), refused
# once it is locked (issue 4, item 8).
@audited(allowed_while_frozen=True)
class SourceVerification(models.Model):
    """A monitor compared one version of a form with the source documents (ICH E6(R3)
    3.11.4: source data verification)."""

    subject = models.ForeignKey(
        "ecrf.Subject", on_delete=models.PROTECT, related_name="source_verifications"
    )
    content_type = models.ForeignKey(
        ContentType, on_delete=models.PROTECT, related_name="+", verbose_name=_("form")
    )
    object_id = models.PositiveBigIntegerField(_("record id"))
    record = GenericForeignKey("content_type", "object_id")
    form_version = models.PositiveIntegerField(_("form version verified"))
    verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("verified by"),
    )
    verified_at = models.DateTimeField(_("verified at"), default=timezone.now)
    note = models.TextField(_("note"), blank=True)

    class Meta:
        verbose_name = _("source data verification")
        verbose_name_plural = _("source data verifications")
        ordering = ["-verified_at", "-pk"]
        indexes = [
            models.Index(fields=["subject", "verified_at"], name="sdv_subject_idx"),
            models.Index(fields=["content_type", "object_id"], name="sdv_record_idx"),
        ]
        triggers = [
            pgtrigger.Protect(name="sdv_append_only", operation=pgtrigger.Update | pgtrigger.Delete)
        ]

    def __str__(self) -> str:
        return f"SDV {self.content_type_id}:{self.object_id} v{self.form_version}"


@audited(allowed_while_frozen=True)
class Signature(models.Model):
    """An investigator's electronic signature of one version of a form, or (no form) of
    the subject's whole casebook as listed in `manifest`.

    The printed name, the time and the meaning are stored with it and shown wherever it
    is shown (21 CFR 11.50); the username and re-entered password that executed it are
    checked by ecrf.actions.signoff (11.200(a)).
    """

    subject = models.ForeignKey("ecrf.Subject", on_delete=models.PROTECT, related_name="signatures")
    content_type = models.ForeignKey(
        ContentType,
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
        blank=True,
        verbose_name=_("form"),
        help_text=_("Blank: the subject's whole casebook."),
    )
    object_id = models.PositiveBigIntegerField(_("record id"), null=True, blank=True)
    record = GenericForeignKey("content_type", "object_id")
    form_version = models.PositiveIntegerField(_("form version signed"), null=True, blank=True)
    # Casebook signatures: [[model label, pk, version], ...] of every live form, sorted.
    manifest = models.JSONField(_("forms signed"), null=True, blank=True)
    meaning = models.CharField(_("meaning"), max_length=20, choices=SignatureMeaning.choices)
    signer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("signer"),
    )
    printed_name = models.CharField(_("printed name of the signer"), max_length=300)
    signed_at = models.DateTimeField(_("signed at"), default=timezone.now)

    class Meta:
        verbose_name = _("electronic signature")
        verbose_name_plural = _("electronic signatures")
        ordering = ["-signed_at", "-pk"]
        indexes = [
            models.Index(fields=["subject", "signed_at"], name="signature_subject_idx"),
            models.Index(fields=["content_type", "object_id"], name="signature_record_idx"),
        ]
        constraints = [
            # A form signature names a form and its version; a casebook one lists its forms.
            models.CheckConstraint(
                condition=Q(
                    content_type__isnull=False,
                    object_id__isnull=False,
                    form_version__isnull=False,
                    manifest__isnull=True,
                )
                | Q(
                    content_type__isnull=True,
                    object_id__isnull=True,
                    form_version__isnull=True,
                    manifest__isnull=False,
                ),
                name="signature_form_or_casebook",
            ),
            models.CheckConstraint(condition=~Q(printed_name=""), name="signature_printed_name"),
        ]
        triggers = [
            pgtrigger.Protect(
                name="signature_append_only", operation=pgtrigger.Update | pgtrigger.Delete
            )
        ]

    def __str__(self) -> str:
        what = "casebook"
        if self.object_id:
            what = f"{self.content_type_id}:{self.object_id} v{self.form_version}"
        return f"{self.printed_name} {local_text(self.signed_at)} {what}"

    @property
    def is_casebook(self) -> bool:
        return self.content_type_id is None
