"""Laboratory panels and results (spec §2.9), and each site's reference ranges.

A result keeps the value and unit as entered and the value in the test's standard unit
(ecrf/lab_catalogue.py holds the units and factors), with the normal range in force on
the sample date, its H/L flag and its CTCAE v5 grade where the grading spec defines one.
"""

from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from ecrf import form_registry
from ecrf.lab_catalogue import CATALOGUE, Panel, in_unit
from ecrf.models.core import CaseReportForm, Sex, StudyRecord, audited
from ecrf.numbers import plain


class Flag(models.TextChoices):
    LOW = "L", _("Low")
    NORMAL = "N", _("Normal")
    HIGH = "H", _("High")


class Qualitative(models.TextChoices):
    NEGATIVE = "negative", _("Negative")
    POSITIVE = "positive", _("Positive")
    EQUIVOCAL = "equivocal", _("Equivocal")


class NotDoneReason(models.TextChoices):
    # Spec §2: "Not done" is always an explicit option with a reason.
    NOT_REQUIRED = "not_required", _("Not required")
    SAMPLE_LOST = "sample_lost", _("Sample lost or haemolysed")
    REFUSED = "refused", _("Patient refused")
    CONDITION = "condition", _("Patient condition")
    OTHER = "other", _("Other")


@audited()
class LabPanel(CaseReportForm):
    """One panel drawn at one timepoint: BASELINE, PRE-S<n>, POST-S<n> or FS+<n>."""

    subject = models.ForeignKey("ecrf.Subject", on_delete=models.PROTECT, related_name="lab_panels")
    panel = models.CharField(_("panel"), max_length=20, choices=Panel.choices)
    timepoint = models.CharField(_("timepoint"), max_length=12)
    session = models.ForeignKey(
        "ecrf.TreatmentSession",
        on_delete=models.PROTECT,
        related_name="lab_panels",
        null=True,
        blank=True,
    )
    sampled_at = models.DateTimeField(_("sample date and time"))
    laboratory = models.CharField(_("laboratory"), max_length=100, blank=True)

    class Meta:
        verbose_name = _("lab panel")
        verbose_name_plural = _("lab panels")
        ordering = ["subject", "sampled_at", "panel"]
        constraints = [
            models.UniqueConstraint(
                fields=["subject", "panel", "timepoint"],
                condition=Q(voided_at__isnull=True),
                name="lab_panel_once_per_timepoint",
            )
        ]
        indexes = [
            models.Index(fields=["subject", "sampled_at"], name="lab_panel_subject_time_idx")
        ]

    def __str__(self) -> str:
        return f"{self.subject} {self.get_panel_display()} {self.timepoint}"


form_registry.register(
    LabPanel,
    casebook_order=120,
    page="ecrf:labs_subject",
    voidable=True,
    queryable=True,
    signable=True,
    parts=("results",),
    sdtm_domain="LB",
    sdtm_variables={"timepoint": "LBTPT", "sampled_at": "LBDTC", "laboratory": "LBNAM"},
)


@audited()
class LabResult(StudyRecord):
    # Part of its panel form: a lock on the panel covers it (RefuseWhenLocked).
    lock_parent = "panel"

    panel = models.ForeignKey(LabPanel, on_delete=models.PROTECT, related_name="results")
    # Denormalised from the panel so trends and grades query one table (lab rows are the
    # largest table: 250,000 in the benchmark).
    subject = models.ForeignKey(
        "ecrf.Subject", on_delete=models.PROTECT, related_name="lab_results"
    )
    sampled_at = models.DateTimeField(_("sample date and time"))
    test_code = models.CharField(_("test (LBTESTCD)"), max_length=10)
    value = models.DecimalField(
        _("result as entered"), max_digits=14, decimal_places=4, null=True, blank=True
    )
    unit = models.CharField(_("unit as entered"), max_length=20, blank=True)
    standard_value = models.DecimalField(
        _("result in standard unit"), max_digits=14, decimal_places=4, null=True, blank=True
    )
    qualitative = models.CharField(
        _("qualitative result"), max_length=10, choices=Qualitative.choices, blank=True
    )
    lln = models.DecimalField(
        _("lower limit of normal"), max_digits=14, decimal_places=4, null=True, blank=True
    )
    uln = models.DecimalField(
        _("upper limit of normal"), max_digits=14, decimal_places=4, null=True, blank=True
    )
    flag = models.CharField(_("flag"), max_length=1, choices=Flag.choices, blank=True)
    ctcae_grade = models.PositiveSmallIntegerField(_("CTCAE grade"), null=True, blank=True)
    ctcae_term = models.CharField(_("CTCAE term"), max_length=60, blank=True)
    not_done_reason = models.CharField(
        _("not done because"), max_length=20, choices=NotDoneReason.choices, blank=True
    )

    class Meta:
        verbose_name = _("lab result")
        verbose_name_plural = _("lab results")
        ordering = ["panel", "test_code"]
        constraints = [
            # A voided result does not block its re-entry (issue 4).
            models.UniqueConstraint(
                fields=["panel", "test_code"],
                condition=Q(voided_at__isnull=True),
                name="lab_result_once_per_panel",
            ),
            models.CheckConstraint(
                condition=Q(value__isnull=False, standard_value__isnull=False)
                | ~Q(qualitative="")
                | ~Q(not_done_reason=""),
                name="lab_result_has_value_or_reason",
            ),
            models.CheckConstraint(
                condition=Q(ctcae_grade__isnull=True) | Q(ctcae_grade__lte=5),
                name="lab_result_grade_0_to_5",
            ),
        ]
        indexes = [
            models.Index(fields=["subject", "test_code", "sampled_at"], name="lab_result_trend_idx")
        ]

    def __str__(self) -> str:
        return f"{self.panel} {self.test_code}"

    # Shown beside each other, a result and its range speak one unit (issue 19 item 3):
    # the result as typed, and the range (stored in the standard unit) converted to it.
    def _unit_code(self) -> str:
        test = CATALOGUE.get(self.test_code)
        if test is None or not self.unit or self.unit not in {u.code for u in test.units()}:
            return test.standard_unit.code if test else ""
        return self.unit

    @property
    def entered_text(self) -> str:
        """The value as typed, with its unit: "5.2 mg/dL" (not 5.2000)."""
        if self.value is None:
            return ""
        test = CATALOGUE.get(self.test_code)
        label = test.unit(self._unit_code()).label if test else self.unit
        return f"{plain(self.value)} {label}".strip()

    @property
    def normal_range_text(self) -> str:
        """The site's normal range in the unit of `entered_text`: "0.2–1.2 mg/dL"."""
        test = CATALOGUE.get(self.test_code)
        if test is None or (self.lln is None and self.uln is None):
            return ""
        unit = self._unit_code()
        low, high = (
            "" if limit is None else plain(in_unit(test, limit, unit))
            for limit in (self.lln, self.uln)
        )
        return f"{low}–{high} {test.unit(unit).label}"

    @property
    def standard_text(self) -> str:
        """The value in the standard unit, as stored without padding: "88.92 µmol/L"."""
        test = CATALOGUE.get(self.test_code)
        if self.standard_value is None or test is None:
            return ""
        return f"{plain(self.standard_value)} {test.standard_unit.label}"

    @property
    def standard_range_text(self) -> str:
        """The normal range in the standard unit, beside `standard_text`."""
        test = CATALOGUE.get(self.test_code)
        if test is None or (self.lln is None and self.uln is None):
            return ""
        return f"{plain(self.lln)}–{plain(self.uln)} {test.standard_unit.label}"


form_registry.register(
    LabResult,
    casebook_order=130,
    page="ecrf:labs_subject",
    voidable=True,
    queryable=True,
    name_reads=("panel__subject",),
    sdtm_domain="LB",
    sdtm_variables={
        "test_code": "LBTESTCD",
        "value": "LBORRES",
        "unit": "LBORRESU",
        "standard_value": "LBSTRESN",
        "qualitative": "LBORRES",
        "lln": "LBSTNRLO",
        "uln": "LBSTNRHI",
        "flag": "LBNRIND",
        "ctcae_grade": "LBTOXGR",
        "ctcae_term": "LBTOX",
        "not_done_reason": "LBREASND",
        "sampled_at": "LBDTC",
    },
)


@audited()
class ReferenceRange(models.Model):
    """A site laboratory's normal range for a test, by sex and age band, dated (spec §2.9)."""

    site = models.ForeignKey("ecrf.Site", on_delete=models.PROTECT, related_name="reference_ranges")
    test_code = models.CharField(_("test (LBTESTCD)"), max_length=10)
    sex = models.CharField(
        _("sex"), max_length=1, choices=Sex.choices, blank=True, help_text=_("Blank: both sexes.")
    )
    age_min = models.PositiveSmallIntegerField(_("from age (years)"), default=0)
    age_max = models.PositiveSmallIntegerField(_("to age (years)"), default=150)
    valid_from = models.DateField(_("valid from"))
    valid_to = models.DateField(_("valid to"), null=True, blank=True)
    lln = models.DecimalField(
        _("lower limit of normal"), max_digits=14, decimal_places=4, null=True, blank=True
    )
    uln = models.DecimalField(
        _("upper limit of normal"), max_digits=14, decimal_places=4, null=True, blank=True
    )

    class Meta:
        verbose_name = _("reference range")
        verbose_name_plural = _("reference ranges")
        ordering = ["site", "test_code", "sex", "age_min", "-valid_from"]
        constraints = [
            models.CheckConstraint(
                condition=Q(age_max__gte=F("age_min")), name="reference_range_age_band"
            ),
            models.CheckConstraint(
                condition=Q(valid_to__isnull=True) | Q(valid_to__gte=F("valid_from")),
                name="reference_range_dates",
            ),
            models.CheckConstraint(
                condition=Q(lln__isnull=True) | Q(uln__isnull=True) | Q(uln__gte=F("lln")),
                name="reference_range_limits",
            ),
        ]
        indexes = [
            models.Index(
                fields=["site", "test_code", "valid_from"], name="reference_range_lookup_idx"
            )
        ]

    def __str__(self) -> str:
        return f"{self.site.code} {self.test_code} {self.sex or '*'} {self.age_min}-{self.age_max}"
