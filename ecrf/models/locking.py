"""Data locks: a data manager freezes (only queries allowed) or locks (nothing allowed)
a whole study, one subject's casebook, or one form (issue 4, item 8).

PostgreSQL enforces them: the RefuseWhenLocked trigger of every study table (audited() in
ecrf/models/core.py) reads the locks in force here. Releasing a lock is an update of its
row, with who, when and why; nothing is deleted, and the audit trail keeps each version.
"""

import pgtrigger
from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ecrf.models.core import audited


class LockLevel(models.TextChoices):
    FROZEN = "frozen", _("Frozen: only queries allowed")
    LOCKED = "locked", _("Locked: nothing allowed")


@audited()
class DataLock(models.Model):
    """A freeze or lock of a study (no subject), a subject (no form), or one form of a
    subject (form_table and form_id: the form's table and row, its parts included)."""

    study = models.ForeignKey("ecrf.Study", on_delete=models.PROTECT, related_name="locks")
    subject = models.ForeignKey(
        "ecrf.Subject",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="locks",
        help_text=_("Blank: the whole study."),
    )
    form_table = models.CharField(
        _("form"), max_length=63, blank=True, help_text=_("Blank: the whole casebook.")
    )
    form_id = models.PositiveBigIntegerField(_("form record id"), null=True, blank=True)
    level = models.CharField(_("level"), max_length=10, choices=LockLevel.choices)
    reason = models.TextField(_("reason"))
    set_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("set by"),
    )
    set_at = models.DateTimeField(_("set at"), default=timezone.now)
    released_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
        blank=True,
        verbose_name=_("released by"),
    )
    released_at = models.DateTimeField(_("released at"), null=True, blank=True)
    release_reason = models.TextField(_("reason for release"), blank=True)

    class Meta:
        verbose_name = _("data lock")
        verbose_name_plural = _("data locks")
        ordering = ["-set_at", "-pk"]
        constraints = [
            models.CheckConstraint(condition=~Q(reason=""), name="datalock_has_reason"),
            # A form lock names its table and row, and the subject whose form it is.
            models.CheckConstraint(
                condition=Q(form_table="", form_id__isnull=True)
                | (~Q(form_table="") & Q(form_id__isnull=False, subject__isnull=False)),
                name="datalock_form_named_in_full",
            ),
            models.CheckConstraint(
                condition=Q(released_at__isnull=True, released_by__isnull=True, release_reason="")
                | (Q(released_at__isnull=False, released_by__isnull=False) & ~Q(release_reason="")),
                name="datalock_release_in_full",
            ),
            # One lock in force per scope: a change of level releases the old one first.
            models.UniqueConstraint(
                fields=["study", "subject", "form_table", "form_id"],
                condition=Q(released_at__isnull=True),
                nulls_distinct=False,
                name="datalock_one_in_force_per_scope",
            ),
        ]
        indexes = [
            # The lock trigger's and the pages' lookup: the locks in force.
            models.Index(
                fields=["study", "subject"],
                condition=Q(released_at__isnull=True),
                name="datalock_in_force_idx",
            )
        ]
        triggers = [
            # Releasing is an update; a lock is never deleted (21 CFR 11.10(e)).
            pgtrigger.Protect(name="protect_delete", operation=pgtrigger.Delete)
        ]

    def __str__(self) -> str:
        return f"{self.get_level_display()} ({self.scope_label})"

    @property
    def in_force(self) -> bool:
        return self.released_at is None

    @property
    def scope_label(self) -> str:
        if self.form_table:
            return _("one form of %(subject)s") % {"subject": self.subject}
        if self.subject_id:
            return str(self.subject)
        return _("the whole study")
