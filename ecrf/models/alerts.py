"""Safety alerts (issue 9): who was told of a serious adverse event or of a reporting clock
running out, when, and whether they have read it.

One row is one alert to one person: it is their in-app notification and, once mailed, the
record of the e-mail. The unique constraint makes each alert happen once per trigger, event
and person, however many processes try (INSERT ... ON CONFLICT DO NOTHING). The rows are
audited (pghistory triggers), so the sending and the reading are in the trail as well.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ecrf.models.core import audited


class AlertTrigger(models.TextChoices):
    # Entered with the AE (ecrf/actions/adverse_events.py).
    SAE_ENTERED = "sae_entered", _("Serious adverse event entered")
    BECAME_SERIOUS = "became_serious", _("Adverse event became serious")
    GRADE_5 = "grade_5", _("Grade 5 (fatal) adverse event entered")
    # Spec §5.2 clocks, found by `manage.py send_due_alerts`.
    SITE_CLOCK_DUE_SOON = "site_clock_due_soon", _("SAE report to the sponsor due soon")
    SITE_CLOCK_OVERDUE = "site_clock_overdue", _("SAE report to the sponsor overdue")
    SPONSOR_CLOCK_DUE_SOON = "sponsor_clock_due_soon", _("Expedited report due soon")
    SPONSOR_CLOCK_OVERDUE = "sponsor_clock_overdue", _("Expedited report overdue")
    # A protocol rule's breach recorded as a deviation (issue 18, ecrf/actions/sessions.py
    # and the enrolment): the site's monitors, and for a major one the safety reviewers.
    DEVIATION = "deviation", _("Protocol deviation recorded")
    MAJOR_DEVIATION = "major_deviation", _("Major protocol deviation recorded")


CLOCK_TRIGGERS = frozenset(
    {
        AlertTrigger.SITE_CLOCK_DUE_SOON,
        AlertTrigger.SITE_CLOCK_OVERDUE,
        AlertTrigger.SPONSOR_CLOCK_DUE_SOON,
        AlertTrigger.SPONSOR_CLOCK_OVERDUE,
    }
)


@audited()
class Alert(models.Model):
    """One alert to one monitor or safety reviewer, about an adverse event or a protocol
    deviation: in their notification list at once, and e-mailed (emailed_at) after the
    write that raised it commits."""

    trigger = models.CharField(_("trigger"), max_length=30, choices=AlertTrigger.choices)
    subject = models.ForeignKey(
        "ecrf.Subject",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("subject"),
        # Required (alert_has_subject); nullable in the column only because the audit
        # rows of alerts raised before it existed have none, and they are append-only.
        null=True,
    )
    adverse_event = models.ForeignKey(
        "ecrf.AdverseEvent",
        on_delete=models.PROTECT,
        related_name="alerts",
        verbose_name=_("adverse event"),
        null=True,
        blank=True,
    )
    deviation = models.ForeignKey(
        "ecrf.Deviation",
        on_delete=models.PROTECT,
        related_name="alerts",
        verbose_name=_("protocol deviation"),
        null=True,
        blank=True,
    )
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="alerts",
        verbose_name=_("recipient"),
    )
    created_at = models.DateTimeField(_("raised at"), default=timezone.now)
    due_at = models.DateTimeField(
        _("report due"), null=True, blank=True, help_text=_("The reporting clock's due time.")
    )
    emailed_at = models.DateTimeField(_("e-mailed at"), null=True, blank=True)
    email_attempts = models.PositiveSmallIntegerField(_("e-mail attempts"), default=0)
    email_error = models.CharField(_("last e-mail error"), max_length=500, blank=True)
    read_at = models.DateTimeField(_("read at"), null=True, blank=True)

    class Meta:
        verbose_name = _("safety alert")
        verbose_name_plural = _("safety alerts")
        ordering = ["-created_at", "-pk"]
        constraints = [
            # Issue 9: each alert is sent once, even when two send_due_alerts run at once.
            models.UniqueConstraint(
                fields=["trigger", "adverse_event", "recipient"],
                name="alert_once_per_trigger_event_recipient",
            ),
            models.UniqueConstraint(
                fields=["trigger", "deviation", "recipient"],
                name="alert_once_per_trigger_deviation_recipient",
            ),
            models.CheckConstraint(condition=Q(subject__isnull=False), name="alert_has_subject"),
            # An alert is about one record: an adverse event or a deviation.
            models.CheckConstraint(
                condition=Q(adverse_event__isnull=False, deviation__isnull=True)
                | Q(adverse_event__isnull=True, deviation__isnull=False),
                name="alert_about_one_record",
            ),
        ]
        indexes = [
            # The nav bar counts a user's unread notifications on every page.
            models.Index(fields=["recipient", "read_at"], name="alert_recipient_read_idx"),
            models.Index(
                fields=["created_at"],
                condition=Q(emailed_at__isnull=True),
                name="alert_unsent_idx",
            ),
        ]

    def __str__(self) -> str:
        about = f"AE {self.adverse_event_id}" if self.adverse_event_id else "deviation"
        return f"{self.get_trigger_display()}: {about} → {self.recipient_id}"

    @property
    def is_clock_alert(self) -> bool:
        return self.trigger in CLOCK_TRIGGERS
