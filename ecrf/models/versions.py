"""Protocol versions in the database (issue 21): the versions published for a study, the
version in force at each site, and each subject's re-consent to a later version.

The versions themselves are declared in code (ecrf.protocol.ProtocolVersion, listed in
each study's protocol module); these tables record what happened to them. All three
are append-only or void-only: a published version, a version put in force and a
re-consent are never edited in place (PostgreSQL refuses it, whoever asks).
"""

import pgtrigger
from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ecrf import form_registry
from ecrf.models.core import CaseReportForm, audited


@audited()
class StudyVersion(models.Model):
    """A protocol version published for a study: one its protocol module declares
    (`declared` = `number`), or one made by changing the study's options in the admin
    (`declared` is the version it builds on, `options` the study's new overrides). Never
    changed once saved: a further change is a further version."""

    study = models.ForeignKey(
        "ecrf.Study", on_delete=models.PROTECT, related_name="protocol_versions"
    )
    number = models.CharField(_("version"), max_length=20)
    declared = models.CharField(
        _("declared version"),
        max_length=20,
        help_text=_("The version of the protocol module this one builds on."),
    )
    options = models.JSONField(
        _("protocol options"), default=dict, blank=True, help_text=_("Overrides of the defaults.")
    )
    date = models.DateField(_("version date"))
    summary = models.TextField(_("summary of changes"), max_length=2000)
    created_at = models.DateTimeField(_("published at"), default=timezone.now)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
        blank=True,
        verbose_name=_("published by"),
    )

    class Meta:
        verbose_name = _("protocol version")
        verbose_name_plural = _("protocol versions")
        ordering = ["study", "created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["study", "number"], name="study_version_number_unique_in_study"
            )
        ]
        triggers = [
            pgtrigger.Protect(
                name="study_version_append_only", operation=pgtrigger.Update | pgtrigger.Delete
            )
        ]

    def __str__(self) -> str:
        return f"{self.study_id and self.study.registry_id} v{self.number}"


@audited()
class SiteVersion(models.Model):
    """A version put in force at a site from a date, after its ethics approval there,
    signed by a data manager (21 CFR 11.50: printed name, date and time, meaning). The
    site's version on a date is the latest put in force on or before it. Rows written by
    migration 0032 (version 1.0 at the sites that existed) have no signature and say so."""

    site = models.ForeignKey("ecrf.Site", on_delete=models.PROTECT, related_name="versions")
    version = models.ForeignKey(StudyVersion, on_delete=models.PROTECT, related_name="sites")
    ethics_approved_on = models.DateField(_("ethics approval date"), null=True, blank=True)
    in_force_from = models.DateField(_("in force from"))
    signed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
        blank=True,
        verbose_name=_("signed by"),
    )
    printed_name = models.CharField(_("printed name of the signer"), max_length=150, blank=True)
    signed_at = models.DateTimeField(_("signed at"), default=timezone.now)
    signature_meaning = models.CharField(_("meaning of the signature"), max_length=200)
    recorded_by_migration = models.BooleanField(
        _("recorded by migration"),
        default=False,
        help_text=_("Version 1.0 at a site that existed before versions were recorded."),
    )

    class Meta:
        verbose_name = _("version in force at a site")
        verbose_name_plural = _("versions in force at sites")
        ordering = ["site", "in_force_from", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["site", "in_force_from"], name="site_version_one_per_day"
            ),
            models.CheckConstraint(
                condition=Q(recorded_by_migration=True)
                | (
                    Q(ethics_approved_on__isnull=False, signed_by__isnull=False)
                    & ~Q(printed_name="")
                    & ~Q(signature_meaning="")
                ),
                name="site_version_signed_after_ethics_approval",
            ),
            models.CheckConstraint(
                condition=Q(ethics_approved_on__isnull=True)
                | Q(in_force_from__gte=models.F("ethics_approved_on")),
                name="site_version_in_force_after_approval",
            ),
        ]
        triggers = [
            pgtrigger.Protect(
                name="site_version_append_only", operation=pgtrigger.Update | pgtrigger.Delete
            )
        ]

    def __str__(self) -> str:
        return (
            f"{self.site_id and self.site.code}: v{self.version.number} from {self.in_force_from}"
        )


@audited()
class Reconsent(CaseReportForm):
    """A subject's consent to a later protocol version (issue 21): from its date, the
    subject's rules are judged by that version. A re-consent entered in error is voided,
    never deleted; the subject is then on the version before it again."""

    subject = models.ForeignKey("ecrf.Subject", on_delete=models.PROTECT, related_name="reconsents")
    reconsent_date = models.DateField(_("date of re-consent"))
    protocol_version = models.ForeignKey(
        StudyVersion,
        on_delete=models.PROTECT,
        related_name="reconsents",
        verbose_name=_("protocol version"),
    )
    consent_version = models.CharField(
        _("informed consent form version"), max_length=20, help_text=_("As printed on the form.")
    )

    class Meta:
        verbose_name = _("re-consent")
        verbose_name_plural = _("re-consents")
        ordering = ["subject", "reconsent_date", "pk"]

    def __str__(self) -> str:
        return f"{self.subject} v{self.protocol_version.number} ({self.reconsent_date})"


form_registry.register(
    Reconsent,
    casebook_order=15,
    page="ecrf:reconsent",
    casebook_row=True,
    add_page="ecrf:reconsent_new",
    voidable=True,
    queryable=True,
    signable=True,
    name_reads=("protocol_version",),
)
