"""Rendered casebook bodies, shared by every app server (ecrf/page_cache.py)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class RenderedCasebook(models.Model):
    """The casebook body last rendered for one subject and one kind of reader (role,
    language, time zone), and the fingerprint of the data it shows.

    A cache, not a record: it holds nothing that is not in the forms, is rewritten
    whenever the fingerprint differs, and its table is UNLOGGED (migration 0018): not
    written to the WAL, emptied by PostgreSQL after a crash. One row per subject and
    kind of reader, so it cannot grow beyond that. `subject_id` is a plain column, not a
    foreign key: rows linked to a subject count in its fingerprint, and this one must not.
    """

    subject_id = models.BigIntegerField(_("subject"))
    variant = models.CharField(_("reader"), max_length=200)
    fingerprint = models.CharField(_("fingerprint"), max_length=100)
    html = models.TextField(_("rendered body"))
    rendered_at = models.DateTimeField(_("rendered at"), auto_now=True)

    class Meta:
        verbose_name = _("rendered casebook")
        verbose_name_plural = _("rendered casebooks")
        constraints = [
            models.UniqueConstraint(fields=["subject_id", "variant"], name="rendered_casebook_key")
        ]

    def __str__(self) -> str:
        return f"{self.subject_id} {self.variant}"
