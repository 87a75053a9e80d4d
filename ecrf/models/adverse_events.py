"""Adverse events (spec §2.11), the SAE supplement (§2.12) and monitors' reviews.

The term comes from the shipped CTCAE v5.0 list (ecrf/ctcae.py), keyed by its MedDRA
LLT code; an "Other, specify" term carries the verbatim text for coding.
"""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ecrf.models.core import CaseReportForm, StudyRecord, audited
from ecrf.safety import Relatedness, SessionTiming


class ActionTaken(models.TextChoices):
    # Spec §2.11 "Action taken with BAL therapy".
    NONE = "none", _("None")
    INTERRUPTED = "interrupted", _("Session interrupted and resumed")
    TERMINATED = "terminated", _("Session terminated early")
    REDUCED = "reduced", _("Flow or dose reduced")
    POSTPONED = "postponed", _("Next session postponed")
    DISCONTINUED = "discontinued", _("Treatment permanently discontinued")
    NOT_APPLICABLE = "not_applicable", _("Not applicable (after the last session)")


class Outcome(models.TextChoices):
    RECOVERED = "recovered", _("Recovered/resolved")
    RECOVERING = "recovering", _("Recovering/resolving")
    NOT_RECOVERED = "not_recovered", _("Not recovered/not resolved")
    SEQUELAE = "sequelae", _("Recovered with sequelae")
    FATAL = "fatal", _("Fatal")
    UNKNOWN = "unknown", _("Unknown")


SERIOUSNESS_CRITERIA = (
    "results_in_death",
    "life_threatening",
    "hospitalisation",
    "disability",
    "congenital_anomaly",
    "important_medical_event",
    "intervention_required",
)


@audited()
class AdverseEvent(CaseReportForm):
    subject = models.ForeignKey(
        "ecrf.Subject", on_delete=models.PROTECT, related_name="adverse_events"
    )
    number = models.PositiveSmallIntegerField(_("AE number"), editable=False)
    verbatim_term = models.CharField(_("verbatim term"), max_length=200)
    ctcae_code = models.CharField(
        _("CTCAE term"),
        max_length=10,
        help_text=_("CTCAE v5.0 term, stored as its MedDRA LLT code."),
    )
    ctcae_term = models.CharField(_("CTCAE term name"), max_length=120, editable=False)
    soc = models.CharField(_("system organ class"), max_length=120, editable=False)
    other_specify = models.CharField(
        _("other, specify"),
        max_length=200,
        blank=True,
        help_text=_('Required for an "Other, specify" term.'),
    )
    grade = models.PositiveSmallIntegerField(
        _("CTCAE grade"), choices=[(g, str(g)) for g in range(1, 6)]
    )
    onset_date = models.DateField(_("onset date"))
    onset_time = models.TimeField(
        _("onset time"), null=True, blank=True, help_text=_("Required on a session day.")
    )
    resolved_date = models.DateField(_("resolution date"), null=True, blank=True)
    ongoing = models.BooleanField(_("ongoing"), default=False)
    timing = models.CharField(
        _("timing relative to BAL"),
        max_length=20,
        choices=SessionTiming.choices,
        blank=True,
        editable=False,
    )
    serious = models.BooleanField(_("serious"), default=False)
    results_in_death = models.BooleanField(_("results in death"), default=False)
    life_threatening = models.BooleanField(_("life-threatening"), default=False)
    hospitalisation = models.BooleanField(_("requires or prolongs hospitalisation"), default=False)
    disability = models.BooleanField(_("persistent or significant disability"), default=False)
    congenital_anomaly = models.BooleanField(_("congenital anomaly or birth defect"), default=False)
    important_medical_event = models.BooleanField(_("other important medical event"), default=False)
    intervention_required = models.BooleanField(
        _("intervention required to prevent permanent impairment"), default=False
    )
    related_device = models.CharField(
        _("relationship to the BAL device"), max_length=12, choices=Relatedness.choices
    )
    related_cells = models.CharField(
        _("relationship to the cells"), max_length=12, choices=Relatedness.choices
    )
    related_procedure = models.CharField(
        _("relationship to the procedure"), max_length=12, choices=Relatedness.choices
    )
    expected = models.BooleanField(
        _("expected"),
        null=True,
        blank=True,
        help_text=_("Against the reference safety information."),
    )
    action_taken = models.CharField(
        _("action taken with BAL therapy"), max_length=20, choices=ActionTaken.choices
    )
    outcome = models.CharField(_("outcome"), max_length=20, choices=Outcome.choices)
    dlt_candidate = models.BooleanField(_("DLT candidate"), default=False, editable=False)
    dlt = models.BooleanField(
        _("dose-limiting toxicity"),
        null=True,
        blank=True,
        help_text=_("Adjudicated by the Safety Evaluation Committee."),
    )

    class Meta:
        verbose_name = _("adverse event")
        verbose_name_plural = _("adverse events")
        ordering = ["subject", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["subject", "number"], name="ae_number_unique_per_subject"
            ),
            models.CheckConstraint(condition=Q(grade__gte=1, grade__lte=5), name="ae_grade_1_to_5"),
            # Spec V11: grade 5 ⇔ outcome fatal.
            models.CheckConstraint(
                condition=Q(grade=5, outcome="fatal") | (~Q(grade=5) & ~Q(outcome="fatal")),
                name="ae_grade_5_if_and_only_if_fatal",
            ),
            # Spec V14: end ≥ start.
            models.CheckConstraint(
                condition=Q(resolved_date__isnull=True) | Q(resolved_date__gte=F("onset_date")),
                name="ae_resolved_after_onset",
            ),
            # Spec V12: serious ⇒ at least one seriousness criterion.
            models.CheckConstraint(
                condition=Q(serious=False)
                | Q(results_in_death=True)
                | Q(life_threatening=True)
                | Q(hospitalisation=True)
                | Q(disability=True)
                | Q(congenital_anomaly=True)
                | Q(important_medical_event=True)
                | Q(intervention_required=True),
                name="ae_serious_has_a_criterion",
            ),
        ]
        indexes = [
            # The monitors' changelist filters on these (issue 3: indexes on filtered columns).
            models.Index(fields=["grade"], name="ae_grade_idx"),
            models.Index(fields=["serious", "grade"], name="ae_serious_grade_idx"),
            models.Index(fields=["dlt_candidate"], name="ae_dlt_candidate_idx"),
            models.Index(fields=["onset_date"], name="ae_onset_idx"),
            models.Index(fields=["ctcae_term"], name="ae_term_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.subject} AE{self.number} {self.ctcae_term}"


class ReportType(models.TextChoices):
    INITIAL = "initial", _("Initial")
    FOLLOW_UP = "follow_up", _("Follow-up")
    FINAL = "final", _("Final")


@audited()
class SaeReport(StudyRecord):
    """The SAE supplement: the awareness time that starts the 24-hour clock (spec §2.12)."""

    adverse_event = models.OneToOneField(
        AdverseEvent, on_delete=models.PROTECT, related_name="sae_report"
    )
    report_type = models.CharField(
        _("report type"), max_length=10, choices=ReportType.choices, default=ReportType.INITIAL
    )
    awareness_at = models.DateTimeField(_("investigator awareness"))
    reported_to_sponsor_at = models.DateTimeField(_("reported to sponsor"), null=True, blank=True)
    reported_to_ethics_at = models.DateTimeField(
        _("reported to ethics committee"), null=True, blank=True
    )
    sponsor_awareness_at = models.DateTimeField(
        _("sponsor awareness (Day 0)"), null=True, blank=True
    )
    regulatory_submitted_at = models.DateTimeField(
        _("submitted to regulators"), null=True, blank=True
    )
    narrative = models.TextField(_("narrative"), max_length=4000, blank=True)
    # Denormalised from the clock so the admin can filter "overdue" with an index.
    site_report_due_at = models.DateTimeField(_("report to sponsor due"), editable=False)

    class Meta:
        verbose_name = _("SAE report")
        verbose_name_plural = _("SAE reports")
        constraints = [
            models.CheckConstraint(
                condition=Q(reported_to_sponsor_at__isnull=True)
                | Q(reported_to_sponsor_at__gte=F("awareness_at")),
                name="sae_reported_after_awareness",
            )
        ]
        indexes = [
            models.Index(
                fields=["reported_to_sponsor_at", "site_report_due_at"], name="sae_clock_idx"
            ),
        ]

    def __str__(self) -> str:
        return f"SAE {self.adverse_event}"

    @property
    def site_clock_overdue(self) -> bool:
        return self.reported_to_sponsor_at is None and timezone.now() > self.site_report_due_at


@audited()
class AdverseEventReview(models.Model):
    """A monitor's review of an AE: who, when, and a comment. The AE itself is not touched."""

    adverse_event = models.ForeignKey(
        AdverseEvent, on_delete=models.PROTECT, related_name="reviews"
    )
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    reviewed_at = models.DateTimeField(_("reviewed at"), default=timezone.now)
    comment = models.TextField(_("comment"), blank=True)

    class Meta:
        verbose_name = _("AE review")
        verbose_name_plural = _("AE reviews")
        ordering = ["-reviewed_at"]
        indexes = [models.Index(fields=["adverse_event", "reviewed_at"], name="ae_review_idx")]

    def __str__(self) -> str:
        return f"{self.adverse_event} reviewed by {self.reviewer}"
