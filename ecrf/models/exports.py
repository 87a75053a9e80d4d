"""The log of exports: who took which data out of the eCRF, when, in which format, and how
many rows (issue 6: "each export is audited: who, when, what").

Append-only: PostgreSQL refuses UPDATE and DELETE on its rows (21 CFR 11.10(e)), and the
pghistory triggers of audited() record the insert in the audit trail as well.
"""

from __future__ import annotations

import pgtrigger
from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ecrf.models.core import audited
from ecrf.times import local_text


class ExportFormat(models.TextChoices):
    CSV = "csv", _("CSV (zip, one file per form, with a data dictionary)")
    ODM = "odm", _("CDISC ODM 1.3.2 XML")
    SDTM = "sdtm", _("CDISC SDTM (SAS transport v5 .xpt and CSV, zip)")
    # Issue 22: a subject's casebook as a PDF certified copy, and a site's archive (zip).
    CASEBOOK = "casebook", _("Casebook, PDF certified copy")
    ARCHIVE = "archive", _("Site archive (zip)")


class ExportLogQuerySet(models.QuerySet):
    def covered_by(self, sites) -> ExportLogQuerySet:
        """The exports that hold no site but `sites` (of any study): a one-site data
        manager or monitor sees their site's exports, not another site's row counts. An
        export made before the log named its sites held every site of its study."""
        from ecrf.models.core import Site

        codes_by_study: dict[int, set[str]] = {}
        for site in sites:
            codes_by_study.setdefault(site.study_id, set()).add(site.code)
        every_site: dict[int, set[str]] = {}
        for study_id, code in Site.objects.filter(study__in=codes_by_study).values_list(
            "study_id", "code"
        ):
            every_site.setdefault(study_id, set()).add(code)
        covered = models.Q(pk__in=[])
        for study_id, codes in codes_by_study.items():
            in_study = models.Q(sites__contained_by=sorted(codes))
            if codes >= every_site.get(study_id, set()):
                in_study |= models.Q(sites__isnull=True)
            covered |= models.Q(in_study, study_id=study_id)
        return self.filter(covered)

    def of_sites(self, study, sites) -> ExportLogQuerySet:
        return self.covered_by(sites).filter(study=study)


@audited()
class ExportLog(models.Model):
    study = models.ForeignKey(
        "ecrf.Study", on_delete=models.PROTECT, related_name="exports", verbose_name=_("study")
    )
    format = models.CharField(_("format"), max_length=10, choices=ExportFormat.choices)
    exported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
        blank=True,
        verbose_name=_("exported by"),
        help_text=_("Blank: exported with the export_study command."),
    )
    exported_at = models.DateTimeField(_("exported at"), default=timezone.now)
    row_counts = models.JSONField(_("rows per form"), default=dict)
    total_rows = models.PositiveIntegerField(_("rows"))
    size_bytes = models.PositiveBigIntegerField(_("size (bytes)"))
    sha256 = models.CharField(_("SHA-256 of the file"), max_length=64)
    channel = models.CharField(_("channel"), max_length=20, default="page")
    # Issue 17: an export holds the rows of the sites where its author is a data manager.
    sites = ArrayField(
        models.CharField(max_length=10),
        verbose_name=_("sites covered"),
        null=True,
        blank=True,
        help_text=_(
            "The codes of the sites whose subjects the export holds. Blank: an export "
            "made before the log named its sites, which held every site of the study."
        ),
    )

    objects = ExportLogQuerySet.as_manager()

    class Meta:
        verbose_name = _("export")
        verbose_name_plural = _("exports")
        ordering = ["-exported_at", "-pk"]
        triggers = [
            pgtrigger.Protect(
                name="export_log_append_only", operation=pgtrigger.Update | pgtrigger.Delete
            )
        ]

    def __str__(self) -> str:
        study = self.study_id and self.study.registry_id
        return f"{study} {self.format} {local_text(self.exported_at)}"


class SiteArchive(models.Model):
    """A site's archive being built or built (issue 22 item 2): one zip of every subject's
    casebook PDF, their audit-trail CSVs and the site's ODM export, with a manifest of
    each file's SHA-256.

    It is built a piece at a time (ecrf/actions/archives.py): each poll of its progress
    page, on whichever server, builds the next piece within a bounded time and stores it
    here, so no request runs long and nothing lives in a server's memory; the last piece
    zips the stored parts. The subjects are fixed when it starts. Not audited: the export
    log (ExportLog) records the archive once built, with its SHA-256."""

    study = models.ForeignKey("ecrf.Study", on_delete=models.PROTECT, related_name="+")
    site = models.ForeignKey("ecrf.Site", on_delete=models.PROTECT, related_name="archives")
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
        blank=True,
        verbose_name=_("requested by"),
        help_text=_("Blank: built with the site_archive command."),
    )
    requested_at = models.DateTimeField(_("requested at"), default=timezone.now)
    subject_ids = ArrayField(models.BigIntegerField(), verbose_name=_("subjects"), default=list)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)
    # The zip, once built (PostgreSQL's bytea: up to 1 GB, read back in chunks).
    content = models.BinaryField(_("zip"), null=True, blank=True, editable=False)
    size_bytes = models.PositiveBigIntegerField(_("size (bytes)"), null=True, blank=True)
    sha256 = models.CharField(_("SHA-256 of the zip"), max_length=64, blank=True)
    export_log = models.OneToOneField(
        ExportLog, on_delete=models.PROTECT, null=True, blank=True, related_name="archive"
    )

    class Meta:
        verbose_name = _("site archive")
        verbose_name_plural = _("site archives")
        ordering = ["-requested_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.site} {self.requested_at:%Y-%m-%d %H:%M}"

    @property
    def is_finished(self) -> bool:
        return self.finished_at is not None


class SiteArchivePart(models.Model):
    """One file of an archive being built, kept until the zip is made (then deleted)."""

    archive = models.ForeignKey(SiteArchive, on_delete=models.CASCADE, related_name="parts")
    name = models.CharField(_("path in the zip"), max_length=200)
    content = models.BinaryField(_("content"))
    sha256 = models.CharField(_("SHA-256"), max_length=64)
    made_at = models.DateTimeField(_("made at"), default=timezone.now)

    class Meta:
        verbose_name = _("site archive part")
        verbose_name_plural = _("site archive parts")
        constraints = [
            # Two polls building the same piece at once: one of them saves it.
            models.UniqueConstraint(fields=["archive", "name"], name="archive_part_once")
        ]

    def __str__(self) -> str:
        return self.name
