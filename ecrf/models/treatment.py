"""BAL sessions (spec §2.7, §2.8) and protocol deviations (spec §2.16).

A session records what happened; rules that compare it with the protocol (duration
window, number of sessions, interval) create Deviation rows instead of blocking entry,
because the form must record what happened (issue 3).
"""

from decimal import Decimal

from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from ecrf import form_registry
from ecrf.models.core import CaseReportForm, StudyRecord, audited, between
from ecrf.times import local_text


class AccessSite(models.TextChoices):
    # [REG-A] "femoral, internal jugular, or subclavian vein"; spec §2.7.1.
    INTERNAL_JUGULAR = "internal_jugular", _("Internal jugular vein")
    FEMORAL = "femoral", _("Femoral vein")
    SUBCLAVIAN = "subclavian", _("Subclavian vein")
    OTHER = "other", _("Other")


class Laterality(models.TextChoices):
    LEFT = "left", _("Left")
    RIGHT = "right", _("Right")


class CatheterType(models.TextChoices):
    NON_TUNNELLED = "non_tunnelled", _("Non-tunnelled double-lumen dialysis catheter")
    TRIPLE_LUMEN = "triple_lumen", _("Triple-lumen dialysis catheter")
    TUNNELLED = "tunnelled", _("Tunnelled cuffed catheter")
    OTHER = "other", _("Other")


class Anticoagulation(models.TextChoices):
    # Spec §2.7.3.
    UFH = "ufh", _("Systemic unfractionated heparin")
    LMWH = "lmwh", _("Low-molecular-weight heparin")
    CITRATE = "citrate", _("Regional citrate")
    CITRATE_UFH = "citrate_ufh", _("Regional citrate + low-dose heparin")
    NONE = "none", _("No anticoagulant (saline flush)")
    OTHER = "other", _("Other")


class TerminationReason(models.TextChoices):
    # Spec §2.7 "Early termination reason".
    ADVERSE_EVENT = "adverse_event", _("Adverse event")
    DEVICE = "device", _("Device malfunction")
    ACCESS = "access", _("Access failure")
    CLOTTING = "clotting", _("Circuit clotting")
    CELL_PRODUCT = "cell_product", _("Cell product issue")
    PATIENT_REQUEST = "patient_request", _("Patient request")
    INVESTIGATOR = "investigator", _("Investigator decision")
    OTHER = "other", _("Other")


@audited()
class TreatmentSession(CaseReportForm):
    """One BAL session (EX/DX/PR). Durations are derived and stored for lists and exports."""

    subject = models.ForeignKey("ecrf.Subject", on_delete=models.PROTECT, related_name="sessions")
    number = models.PositiveSmallIntegerField(_("session number"))
    planned_minutes = models.PositiveSmallIntegerField(
        _("planned duration (min)"),
        validators=between(60, 720),
        help_text=_(
            "From the subject's arm, or set by the investigator within the protocol range."
        ),
    )
    started_at = models.DateTimeField(
        _("session start"), help_text=_("Blood pump started with the patient connected.")
    )
    ended_at = models.DateTimeField(
        _("session end"), help_text=_("Blood return completed and the patient disconnected.")
    )
    gross_minutes = models.PositiveIntegerField(
        _("gross duration (min)"), editable=False, default=0
    )
    interruption_minutes = models.PositiveIntegerField(
        _("interruptions (min)"), editable=False, default=0
    )
    net_minutes = models.PositiveIntegerField(_("net duration (min)"), editable=False, default=0)
    weight_kg = models.DecimalField(
        _("weight used for dosing (kg)"),
        max_digits=4,
        decimal_places=1,
        validators=between(Decimal(25), Decimal(250)),
    )
    # Vascular access (spec §2.7.1)
    access_site = models.CharField(
        _("vascular access site"), max_length=20, choices=AccessSite.choices
    )
    access_side = models.CharField(_("side"), max_length=5, choices=Laterality.choices)
    catheter_type = models.CharField(_("catheter"), max_length=20, choices=CatheterType.choices)
    catheter_size_fr = models.DecimalField(
        _("catheter size (Fr)"),
        max_digits=3,
        decimal_places=1,
        validators=between(Decimal(6), Decimal(16)),
    )
    # Circuit (spec §2.7.2)
    blood_flow_ml_min = models.PositiveSmallIntegerField(
        _("blood flow (mL/min)"), validators=between(0, 400)
    )
    plasma_flow_ml_min = models.PositiveSmallIntegerField(
        _("plasma flow (mL/min)"), validators=between(0, 100), null=True, blank=True
    )
    anticoagulation = models.CharField(
        _("anticoagulation"), max_length=20, choices=Anticoagulation.choices
    )
    # Cell product (spec §2.8.1)
    cell_lot = models.CharField(_("cell product lot"), max_length=40)
    total_cells_e9 = models.DecimalField(
        _("total cells loaded (×10⁹)"),
        max_digits=7,
        decimal_places=3,
        validators=between(Decimal("0.01"), Decimal(100)),
    )
    viability_percent = models.DecimalField(
        _("viability (%)"),
        max_digits=4,
        decimal_places=1,
        validators=between(Decimal(0), Decimal(100)),
    )
    device_serial = models.CharField(_("device serial number"), max_length=40, blank=True)
    completed_as_planned = models.BooleanField(_("completed as planned"), default=True)
    termination_reason = models.CharField(
        _("early-termination reason"), max_length=20, choices=TerminationReason.choices, blank=True
    )
    termination_details = models.TextField(_("early-termination details"), blank=True)

    class Meta:
        verbose_name = _("BAL session")
        verbose_name_plural = _("BAL sessions")
        ordering = ["subject", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["subject", "number"],
                condition=Q(voided_at__isnull=True),
                name="session_number_unique_per_subject",
            ),
            models.CheckConstraint(
                condition=Q(ended_at__gt=F("started_at")), name="session_ends_after_start"
            ),
            models.CheckConstraint(
                condition=Q(completed_as_planned=True) | ~Q(termination_reason=""),
                name="session_early_termination_has_reason",
            ),
        ]
        indexes = [models.Index(fields=["subject", "started_at"], name="session_subject_start_idx")]

    def __str__(self) -> str:
        return f"{self.subject} S{self.number}"

    @property
    def viable_cells(self) -> Decimal:
        """Total cells × viability (spec §3.1), in cells."""
        return self.total_cells_e9 * Decimal(10) ** 9 * self.viability_percent / 100


form_registry.register(
    TreatmentSession,
    casebook_order=110,
    page="ecrf:session_detail",
    page_kwargs={"session_number": "number"},
    voidable=True,
    queryable=True,
    signable=True,
    parts=("interruptions", "anticoagulation_checks", "device_checks"),
    sdtm_domain="EX",
    sdtm_variables={
        "number": "EXSPID",
        "started_at": "EXSTDTC",
        "ended_at": "EXENDTC",
        "planned_minutes": "PLANDUR in SUPPEX",
        "cell_lot": "EXLOT",
        "viability_percent": "VIABPCT in SUPPEX",
        "termination_reason": "EXADJ",
    },
)


class InterruptionReason(models.TextChoices):
    # Spec §2.7.4 (abridged to the common reasons plus "other").
    HYPOTENSION = "hypotension", _("Hypotension")
    ALLERGIC = "allergic", _("Allergic or infusion reaction")
    FEVER = "fever", _("Fever or chills")
    HYPOCALCAEMIA = "hypocalcaemia", _("Hypocalcaemia or citrate symptoms")
    ARRHYTHMIA = "arrhythmia", _("Arrhythmia")
    BLEEDING = "bleeding", _("Bleeding")
    CLOTTING = "clotting", _("Circuit clotting")
    ACCESS = "access", _("Access flow insufficient or catheter occlusion")
    PRESSURE_ALARM = "pressure_alarm", _("Pressure or TMP alarm")
    AIR_ALARM = "air_alarm", _("Air detector alarm")
    BLOOD_LEAK = "blood_leak", _("Blood-leak alarm or membrane rupture")
    BIOREACTOR_TEMPERATURE = "bioreactor_temp", _("Bioreactor temperature out of range")
    EQUIPMENT = "equipment", _("Power or equipment failure")
    PATIENT_REQUEST = "patient_request", _("Patient request")
    DETERIORATION = "deterioration", _("Clinical deterioration")
    OTHER = "other", _("Other")


class InterruptionOutcome(models.TextChoices):
    RESUMED = "resumed", _("Resumed unchanged")
    RESUMED_CHANGED = "resumed_changed", _("Resumed with parameter change")
    TERMINATED = "terminated", _("Session terminated")


@audited()
class SessionInterruption(StudyRecord):
    # Part of its session form: a lock on the session covers it (RefuseWhenLocked).
    lock_parent = "session"

    session = models.ForeignKey(
        TreatmentSession, on_delete=models.PROTECT, related_name="interruptions"
    )
    started_at = models.DateTimeField(_("interruption start"))
    ended_at = models.DateTimeField(_("interruption end"), null=True, blank=True)
    circulation_stopped = models.BooleanField(
        _("circulation stopped"),
        default=True,
        help_text=_("Only stopped circulation counts against the net duration."),
    )
    reason = models.CharField(_("reason"), max_length=20, choices=InterruptionReason.choices)
    outcome = models.CharField(_("outcome"), max_length=20, choices=InterruptionOutcome.choices)

    class Meta:
        verbose_name = _("session interruption")
        verbose_name_plural = _("session interruptions")
        ordering = ["session", "started_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ended_at__isnull=True) | Q(ended_at__gt=F("started_at")),
                name="interruption_ends_after_start",
            )
        ]

    def __str__(self) -> str:
        return f"{self.session} {self.get_reason_display()}"

    @property
    def minutes(self) -> int:
        if self.ended_at is None:
            return 0
        return int((self.ended_at - self.started_at).total_seconds() // 60)


@audited()
class AnticoagulationCheck(StudyRecord):
    """The ACT/APTT/ionised-calcium log of a session (spec §2.7.3)."""

    # Part of its session form: a lock on the session covers it (RefuseWhenLocked).
    lock_parent = "session"

    session = models.ForeignKey(
        TreatmentSession, on_delete=models.PROTECT, related_name="anticoagulation_checks"
    )
    measured_at = models.DateTimeField(_("time"))
    act_seconds = models.PositiveSmallIntegerField(
        _("ACT (s)"), null=True, blank=True, validators=between(50, 999)
    )
    aptt_seconds = models.DecimalField(
        _("APTT (s)"),
        max_digits=4,
        decimal_places=1,
        null=True,
        blank=True,
        validators=between(Decimal(10), Decimal(300)),
    )
    post_filter_ica = models.DecimalField(
        _("post-filter ionised calcium (mmol/L)"),
        max_digits=3,
        decimal_places=2,
        null=True,
        blank=True,
        validators=between(Decimal("0.10"), Decimal("1.00")),
    )
    systemic_ica = models.DecimalField(
        _("systemic ionised calcium (mmol/L)"),
        max_digits=3,
        decimal_places=2,
        null=True,
        blank=True,
        validators=between(Decimal("0.40"), Decimal("2.00")),
    )

    class Meta:
        verbose_name = _("anticoagulation check")
        verbose_name_plural = _("anticoagulation checks")
        ordering = ["session", "measured_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(act_seconds__isnull=False)
                | Q(aptt_seconds__isnull=False)
                | Q(post_filter_ica__isnull=False)
                | Q(systemic_ica__isnull=False),
                name="anticoagulation_check_has_a_value",
            )
        ]

    def __str__(self) -> str:
        return f"{self.session} {local_text(self.measured_at)}"


@audited()
class DeviceCheck(StudyRecord):
    """One device-performance criterion's result for a session (QH-1A, spec §2.8.2–2.8.3).

    The criteria are declared in the study's protocol module (sponsor-defined, [PROP]).
    """

    # Part of its session form: a lock on the session covers it (RefuseWhenLocked).
    lock_parent = "session"

    session = models.ForeignKey(
        TreatmentSession, on_delete=models.PROTECT, related_name="device_checks"
    )
    criterion = models.CharField(_("criterion"), max_length=20)
    passed = models.BooleanField(_("passed"))
    comment = models.CharField(_("comment"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("device-performance check")
        verbose_name_plural = _("device-performance checks")
        constraints = [
            models.UniqueConstraint(
                fields=["session", "criterion"],
                condition=Q(voided_at__isnull=True),
                name="device_check_once_per_session",
            )
        ]

    def __str__(self) -> str:
        return f"{self.session} {self.criterion}: {'pass' if self.passed else 'fail'}"


class DeviationCategory(models.TextChoices):
    # Spec §2.16.
    SESSION_DURATION = "session_duration", _("Session duration outside window")
    SESSION_COUNT = "session_count", _("Number of sessions")
    SESSION_INTERVAL = "session_interval", _("Interval between sessions")
    SCREENING_WINDOW = "screening_window", _("Screening window")
    DOSE = "dose", _("Cell dose outside tolerance")
    COHORT = "cohort", _("Cohort closed or full")
    VISIT_WINDOW = "visit_window", _("Visit out of window")
    ELIGIBILITY = "eligibility", _("Eligibility")
    CONSENT = "consent", _("Consent")
    OTHER = "other", _("Other")


class Severity(models.TextChoices):
    MAJOR = "major", _("Major")
    MINOR = "minor", _("Minor")


@audited()
class Deviation(StudyRecord):
    """A protocol deviation: found by a protocol rule (automatic) or reported by site staff.

    Automatic deviations carry the rule code and the record that caused them, so saving
    the record again updates, rather than duplicates, its deviation.
    """

    subject = models.ForeignKey("ecrf.Subject", on_delete=models.PROTECT, related_name="deviations")
    session = models.ForeignKey(
        TreatmentSession, on_delete=models.PROTECT, related_name="deviations", null=True, blank=True
    )
    rule = models.CharField(
        _("rule"), max_length=30, blank=True, help_text=_("The protocol rule that found it.")
    )
    category = models.CharField(_("category"), max_length=20, choices=DeviationCategory.choices)
    description = models.TextField(_("description"))
    occurred_on = models.DateField(_("date"))
    automatic = models.BooleanField(_("found by the system"), default=False)
    severity = models.CharField(
        _("severity"), max_length=5, choices=Severity.choices, default=Severity.MINOR
    )
    explanation = models.TextField(
        _("explanation"), blank=True, help_text=_("Why it happened, from the site.")
    )
    corrective_action = models.TextField(_("corrective action"), blank=True)
    resolved = models.BooleanField(
        _("no longer applies"),
        default=False,
        help_text=_("Set by the system when a corrected record no longer breaks the rule."),
    )

    class Meta:
        verbose_name = _("protocol deviation")
        verbose_name_plural = _("protocol deviations")
        ordering = ["-occurred_on", "subject"]
        constraints = [
            models.UniqueConstraint(
                fields=["subject", "rule", "session"],
                condition=Q(automatic=True),
                name="deviation_automatic_once_per_rule_and_record",
                nulls_distinct=False,
            )
        ]
        indexes = [
            models.Index(fields=["subject", "occurred_on"], name="deviation_subject_date_idx")
        ]

    def __str__(self) -> str:
        return f"{self.subject} {self.get_category_display()} {self.occurred_on}"


form_registry.register(
    Deviation,
    casebook_order=160,
    voidable=True,
    queryable=True,
    sdtm_domain="DV",
    sdtm_variables={
        "description": "DVTERM",
        "category": "DVDECOD",
        "severity": "DVCAT",
        "occurred_on": "DVSTDTC",
        "automatic": "DVAUTO in SUPPDV",
        "rule": "DVRULE in SUPPDV",
    },
)
