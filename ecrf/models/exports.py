"""The log of exports: who took which data out of the eCRF, when, in which format, and how
many rows (issue 6: "each export is audited: who, when, what").

Append-only: PostgreSQL refuses UPDATE and DELETE on its rows (21 CFR 11.10(e)), and the
pghistory triggers of audited() record the insert in the audit trail as well.
"""

import pgtrigger
from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ecrf.models.core import audited


class ExportFormat(models.TextChoices):
    CSV = "csv", _("CSV (zip, one file per form, with a data dictionary)")
    ODM = "odm", _("CDISC ODM 1.3.2 XML")
    SDTM = "sdtm", _("CDISC SDTM (SAS transport v5 .xpt and CSV, zip)")


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
        return f"{study} {self.format} {self.exported_at:%Y-%m-%d %H:%M}"
