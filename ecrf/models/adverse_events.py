"""Adverse events (spec §2.11), the SAE supplement (§2.12) and monitors' reviews.

The term comes from the shipped CTCAE v5.0 list (ecrf/ctcae.py), keyed by its MedDRA
LLT code; an "Other, specify" term carries the verbatim text for coding.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.db.models.functions import Collate, Upper
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ecrf import ctcae, form_registry
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


# Outcomes that close the event: they need the resolution date (spec §2.11).
RESOLVED_OUTCOMES = frozenset({Outcome.RECOVERED, Outcome.SEQUELAE, Outcome.FATAL})

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
            # The admin lists newest onset first: (onset_date, id) lets PostgreSQL read the
            # first page off the index instead of sorting every AE (100,000 in the benchmark).
            models.Index(fields=["onset_date", "id"], name="ae_onset_order_idx"),
            models.Index(fields=["ctcae_term"], name="ae_term_idx"),
            models.Index(fields=["dlt"], name="ae_dlt_idx"),
            models.Index(fields=["related_device"], name="ae_related_device_idx"),
            models.Index(fields=["related_cells"], name="ae_related_cells_idx"),
            models.Index(fields=["related_procedure"], name="ae_related_procedure_idx"),
            # The admin's search matches how these texts begin (issue 7). A btree serves
            # UPPER(text) LIKE 'WORD%' only in the "C" collation, whatever the database's.
            models.Index(Collate(Upper("verbatim_term"), "C"), name="ae_verbatim_prefix_idx"),
            models.Index(Collate(Upper("other_specify"), "C"), name="ae_other_specify_prefix_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.subject} AE{self.number} {self.ctcae_term}"

    @property
    def seriousness_criteria(self) -> list[str]:
        return [name for name in SERIOUSNESS_CRITERIA if getattr(self, name)]

    @property
    def term_as_reported(self) -> str:
        """The CTCAE term with the site's "other, specify" text, so that a reader never
        sees a bare "Gastrointestinal disorders - Other, specify" (issue 19 item 5)."""
        if self.other_specify:
            return f"{self.ctcae_term}: {self.other_specify}"
        return self.ctcae_term

    def clean(self) -> None:
        """Single-row checks of spec §2.11 (V11-V14); the constraints above back them."""
        errors = {}
        term = ctcae.load_terms().get(self.ctcae_code or "")
        if self.ctcae_code and term is None:
            errors["ctcae_code"] = _("Choose a term from the CTCAE v5.0 list.")
        elif term is not None:
            # V11: only the grades NCI defines for the term (e.g. Anaphylaxis 3-5).
            if message := ctcae.grade_error(self.ctcae_code, self.grade):
                errors["grade"] = message
            if term.is_other_specify and not (self.other_specify or "").strip():
                errors["other_specify"] = _('Describe the event for an "Other, specify" term.')
            elif not term.is_other_specify and (self.other_specify or "").strip():
                errors["other_specify"] = _('Only an "Other, specify" term takes this text.')
        # V11: grade 5 if and only if the outcome is fatal.
        if self.grade == 5 and self.outcome and self.outcome != Outcome.FATAL:
            errors["outcome"] = _("A grade 5 event has the outcome fatal.")
        elif self.outcome == Outcome.FATAL and self.grade and self.grade != 5:
            errors["grade"] = _("A fatal event is grade 5.")
        # §2.11 "End date/time or ongoing": exactly one of them; a fatal event ends at death.
        if self.ongoing and self.resolved_date:
            errors["ongoing"] = _("An event with a resolution date is not ongoing.")
        elif not self.ongoing and not self.resolved_date:
            errors["resolved_date"] = _("Give the resolution date, or tick ongoing.")
        if self.outcome in RESOLVED_OUTCOMES and self.ongoing:
            errors["ongoing"] = _(
                "A recovered or fatal event is not ongoing: give its resolution date."
            )
        # V14: end >= start; neither is in the future.
        today = timezone.localdate()
        if self.onset_date and self.onset_date > today:
            errors["onset_date"] = _("The onset date cannot be in the future.")
        if self.resolved_date and self.resolved_date > today:
            errors["resolved_date"] = _("The resolution date cannot be in the future.")
        elif self.resolved_date and self.onset_date and self.resolved_date < self.onset_date:
            errors["resolved_date"] = _("The resolution date cannot precede the onset.")
        # V12: serious => at least one criterion; a criterion makes the event serious (ICH E2A).
        if self.serious and not self.seriousness_criteria:
            errors["serious"] = _("Tick at least one seriousness criterion.")
        elif not self.serious and self.seriousness_criteria:
            errors["serious"] = _("A seriousness criterion is ticked: the event is serious.")
        # §2.11: expectedness is required for an SAE (it drives the SUSAR flag).
        if self.serious and self.expected is None:
            errors["expected"] = _("Assess expectedness for a serious event.")
        if errors:
            raise ValidationError(errors)


form_registry.register(
    AdverseEvent,
    casebook_order=140,
    page="ecrf:ae_detail",
    page_kwargs={"ae_number": "number"},
    voidable=True,
    queryable=True,
    signable=True,
    sdtm_domain="AE",
    sdtm_variables={
        "number": "AESPID",
        "verbatim_term": "AETERM",
        "ctcae_code": "AELLTCD",
        "ctcae_term": "AEDECOD",
        "soc": "AESOC",
        "other_specify": "AEOTHSP in SUPPAE",
        "grade": "AETOXGR",
        "onset_date": "AESTDTC",
        "onset_time": "AESTDTC",
        "resolved_date": "AEENDTC",
        "serious": "AESER",
        "results_in_death": "AESDTH",
        "life_threatening": "AESLIFE",
        "hospitalisation": "AESHOSP",
        "disability": "AESDISAB",
        "congenital_anomaly": "AESCONG",
        "important_medical_event": "AESMIE",
        "intervention_required": "AESINTV in SUPPAE",
        "related_device": "AERELDEV in SUPPAE",
        "related_cells": "AERELCEL in SUPPAE",
        "related_procedure": "AERELPRC in SUPPAE",
        "expected": "AEEXPECT in SUPPAE",
        "action_taken": "AEACN",
        "outcome": "AEOUT",
        "dlt_candidate": "AEDLTCAN in SUPPAE",
        "dlt": "AEDLT in SUPPAE",
    },
)


class ReportType(models.TextChoices):
    INITIAL = "initial", _("Initial")
    FOLLOW_UP = "follow_up", _("Follow-up")
    FINAL = "final", _("Final")


@audited()
class SaeReport(StudyRecord):
    """The SAE supplement: the awareness time that starts the 24-hour clock (spec §2.12)."""

    # Part of its adverse event's form: a lock on the adverse event covers it (RefuseWhenLocked).
    lock_parent = "adverse_event"

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

    def clean(self) -> None:
        """Reports follow awareness (spec §2.12); nothing is dated in the future."""
        errors = {}
        now = timezone.now()
        for name in (
            "awareness_at",
            "reported_to_sponsor_at",
            "reported_to_ethics_at",
            "sponsor_awareness_at",
            "regulatory_submitted_at",
        ):
            value = getattr(self, name)
            if value and value > now:
                errors[name] = _("This time is in the future.")
        if self.awareness_at:
            for name in ("reported_to_sponsor_at", "reported_to_ethics_at"):
                value = getattr(self, name)
                if value and value < self.awareness_at and name not in errors:
                    errors[name] = _("A report cannot precede the investigator's awareness.")
        if (
            self.regulatory_submitted_at
            and self.sponsor_awareness_at
            and self.regulatory_submitted_at < self.sponsor_awareness_at
            and "regulatory_submitted_at" not in errors
        ):
            errors["regulatory_submitted_at"] = _(
                "The submission cannot precede the sponsor's awareness (Day 0)."
            )
        if errors:
            raise ValidationError(errors)


form_registry.register(
    SaeReport,
    casebook_order=150,
    page="ecrf:ae_detail",
    page_kwargs={"ae_number": "adverse_event.number"},
    queryable=True,
    subject_path="adverse_event__subject",
)


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


@audited()
class AdverseEventCoding(StudyRecord):
    """A data manager's coding of an "Other, specify" AE to a term of the shipped CTCAE
    v5.0 list, with its MedDRA LLT code and SOC (spec §2.11 "MedDRA LLT/PT/SOC + version:
    R (DM coding)"). Any other AE is coded by its CTCAE term itself.

    The coding keeps the text it coded: when the site changes the AE's "other, specify"
    text, the AE waits in the coding queue again (ecrf/coding.py). A change of coding
    needs a reason for change (check_change); the audit trail keeps every version.
    """

    # Part of its AE's form: a freeze or lock of the AE covers it (RefuseWhenLocked).
    lock_parent = "adverse_event"

    adverse_event = models.OneToOneField(
        AdverseEvent, on_delete=models.PROTECT, related_name="coding", editable=False
    )
    coded_text = models.CharField(
        _("text coded"),
        max_length=200,
        editable=False,
        help_text=_('The AE\'s "other, specify" text when it was coded.'),
    )
    llt_code = models.CharField(
        _("MedDRA LLT code"), max_length=10, help_text=_("A term of the CTCAE v5.0 list.")
    )
    term = models.CharField(_("coded term"), max_length=120, editable=False)
    soc = models.CharField(_("system organ class"), max_length=120, editable=False)
    dictionary = models.CharField(
        _("dictionary"), max_length=30, default=f"CTCAE v{ctcae.CTCAE_VERSION}", editable=False
    )
    coded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        editable=False,
        verbose_name=_("coded by"),
    )
    coded_at = models.DateTimeField(_("coded at"), default=timezone.now, editable=False)

    class Meta:
        verbose_name = _("AE coding")
        verbose_name_plural = _("AE codings")
        ordering = ["-coded_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.adverse_event} → {self.term}"

    def clean(self) -> None:
        if self.llt_code and self.llt_code not in ctcae.load_terms():
            raise ValidationError({"llt_code": _("Choose a term from the CTCAE v5.0 list.")})
