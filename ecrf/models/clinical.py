"""The other forms of the casebook: medical history (spec §2.3), liver-failure diagnosis
(§2.4; CiPS-BAL's small-for-size operation, §2.5, is in studies/cips_bal), vital signs
(§2.6), clinical status for the scores, concomitant medications and procedures (§2.13)
and disposition (§2.14)."""

from decimal import Decimal

from django.contrib.postgres.fields import ArrayField
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from ecrf import form_registry
from ecrf.models.core import CaseReportForm, audited, between
from ecrf.scores import Ascites
from ecrf.times import local_text

PARTIAL_DATE = RegexValidator(
    r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$",
    _("Enter YYYY, YYYY-MM or YYYY-MM-DD."),
)


class HistoryCategory(models.TextChoices):
    # Spec §2.3: categories drive eligibility checks (QH EX03, EX04; CiPS EX04).
    GENERAL = "general", _("General")
    LIVER = "liver", _("Liver-related")
    CARDIOVASCULAR = (
        "cardiovascular",
        _("Cardiovascular event (MI, cerebral infarction or haemorrhage)"),
    )
    MALIGNANCY = "malignancy", _("Malignancy")
    ALLERGY = "allergy", _("Allergy or hypersensitivity")
    SURGERY = "surgery", _("Surgery")


@audited()
class MedicalHistory(CaseReportForm):
    subject = models.ForeignKey(
        "ecrf.Subject", on_delete=models.PROTECT, related_name="medical_history"
    )
    term = models.CharField(_("condition or procedure"), max_length=200)
    category = models.CharField(_("category"), max_length=20, choices=HistoryCategory.choices)
    start = models.CharField(
        _("start date"),
        max_length=10,
        validators=[PARTIAL_DATE],
        help_text=_("YYYY, YYYY-MM or YYYY-MM-DD."),
    )
    ongoing = models.BooleanField(_("ongoing"))
    end = models.CharField(_("end date"), max_length=10, blank=True, validators=[PARTIAL_DATE])
    allergen = models.CharField(_("allergen"), max_length=100, blank=True)

    class Meta:
        verbose_name = _("medical history")
        verbose_name_plural = _("medical history")
        ordering = ["subject", "start"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ongoing=True) | ~Q(end=""), name="history_end_unless_ongoing"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.subject} {self.term}"


form_registry.register(
    MedicalHistory,
    casebook_order=50,
    page="ecrf:clinical_history",
    casebook_row=True,
    add_page="ecrf:clinical_history_new",
    voidable=True,
    queryable=True,
    signable=True,
    sdtm_domain="MH",
    sdtm_variables={
        "term": "MHTERM",
        "category": "MHCAT",
        "start": "MHSTDTC",
        "ongoing": "MHENRTPT",
        "end": "MHENDTC",
        "allergen": "MHALLERG in SUPPMH",
    },
)


class LiverFailureCategory(models.TextChoices):
    ALF = "ALF", _("Acute liver failure")
    SALF = "SALF", _("Subacute liver failure")
    ACLF = "ACLF", _("Acute-on-chronic liver failure")
    CLF = "CLF", _("Chronic liver failure")
    SFSS = "SFSS", _("Small-for-size syndrome")


class Cirrhosis(models.TextChoices):
    NONE = "none", _("No cirrhosis")
    COMPENSATED = "compensated", _("Compensated cirrhosis")
    DECOMPENSATED = "decompensated", _("Decompensated cirrhosis")


class Aetiology(models.TextChoices):
    HBV = "HBV", "HBV"
    HCV = "HCV", "HCV"
    ALCOHOL = "alcohol", _("Alcohol")
    MASLD = "MASLD", _("MASLD/NAFLD")
    AUTOIMMUNE = "autoimmune", _("Autoimmune hepatitis")
    DRUG = "drug", _("Drug or herb-induced")
    WILSON = "wilson", _("Wilson disease")
    CRYPTOGENIC = "cryptogenic", _("Cryptogenic")
    OTHER = "other", _("Other")


@audited()
class LiverFailureDiagnosis(CaseReportForm):
    # One live diagnosis per subject (the constraint below), not a OneToOneField: a
    # diagnosis entered in error is voided and a new one entered (issue 4).
    subject = models.ForeignKey(
        "ecrf.Subject", on_delete=models.PROTECT, related_name="liver_failure_diagnoses"
    )
    category = models.CharField(
        _("liver-failure category"), max_length=4, choices=LiverFailureCategory.choices
    )
    diagnosed_on = models.DateField(_("date of diagnosis"))
    guideline = models.CharField(
        _("criteria used"),
        max_length=20,
        choices=[
            ("CN2024", _("Chinese guideline 2024")),
            ("CN2018", _("Chinese guideline 2018")),
            ("APASL2019", _("APASL 2019")),
            ("EASL-CLIF", _("EASL-CLIF")),
            ("COSSH", _("COSSH")),
            ("SFSS", _("Small-for-size criteria (Dahm / ILTS)")),
        ],
    )
    chronic_liver_disease = models.BooleanField(_("chronic liver disease present"), null=True)
    aetiology = ArrayField(
        models.CharField(max_length=12, choices=Aetiology.choices),
        verbose_name=_("aetiology"),
        blank=True,
        default=list,
    )
    cirrhosis = models.CharField(_("cirrhosis"), max_length=15, choices=Cirrhosis.choices)
    # Small-for-size syndrome's index operation (spec §2.5) is CiPS-BAL's own part of
    # this form: studies/cips_bal/models.py SmallForSizeOperation.

    class Meta:
        verbose_name = _("liver-failure diagnosis")
        verbose_name_plural = _("liver-failure diagnoses")
        constraints = [
            models.UniqueConstraint(
                fields=["subject"],
                condition=Q(voided_at__isnull=True),
                name="liver_failure_one_live_per_subject",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.subject} {self.category}"

    def casebook_summary(self) -> str:
        """The casebook's line for it: the category, and the ACLF type (§3.5)."""
        summary = str(self.get_category_display())
        if self.aclf_type:
            summary += " — " + str(_("type %(t)s") % {"t": self.aclf_type})
        return summary

    @property
    def aclf_type(self) -> str | None:
        """Chinese ACLF type (§3.5): no cirrhosis → A, compensated → B, decompensated → C."""
        if self.category != LiverFailureCategory.ACLF:
            return None
        return {"none": "A", "compensated": "B", "decompensated": "C"}.get(self.cirrhosis)


form_registry.register(
    LiverFailureDiagnosis,
    casebook_order=60,
    page="ecrf:clinical_liver_failure",
    casebook_row=True,
    add_page="ecrf:clinical_liver_failure_edit",
    one_per_subject=True,
    summary_columns=("category", "cirrhosis"),
    voidable=True,
    queryable=True,
    signable=True,
    sdtm_domain="MH",
    sdtm_variables={
        "category": "MHTERM where MHCAT=LIVER FAILURE DIAGNOSIS",
        "diagnosed_on": "MHSTDTC where MHCAT=LIVER FAILURE DIAGNOSIS",
    },
)


class VitalsTimepoint(models.TextChoices):
    SCREENING = "screening", _("Screening")
    PRE_SESSION = "pre_session", _("Pre-session")
    INTRA_SESSION = "intra_session", _("During session")
    END_OF_SESSION = "end_of_session", _("End of session")
    FOLLOW_UP = "follow_up", _("Follow-up")
    UNSCHEDULED = "unscheduled", _("Unscheduled")


@audited()
class VitalSigns(CaseReportForm):
    # Readings taken during a session are entered on the session form: a lock on the
    # session covers them too (RefuseWhenLocked; the session is null otherwise).
    lock_parent = "session"

    subject = models.ForeignKey(
        "ecrf.Subject", on_delete=models.PROTECT, related_name="vital_signs"
    )
    session = models.ForeignKey(
        "ecrf.TreatmentSession",
        on_delete=models.PROTECT,
        related_name="vital_signs",
        null=True,
        blank=True,
    )
    timepoint = models.CharField(_("timepoint"), max_length=15, choices=VitalsTimepoint.choices)
    measured_at = models.DateTimeField(_("date and time"))
    systolic_bp = models.PositiveSmallIntegerField(
        _("systolic BP (mmHg)"), validators=between(40, 260)
    )
    diastolic_bp = models.PositiveSmallIntegerField(
        _("diastolic BP (mmHg)"), validators=between(20, 160)
    )
    heart_rate = models.PositiveSmallIntegerField(
        _("heart rate (beats/min)"), validators=between(20, 250)
    )
    respiratory_rate = models.PositiveSmallIntegerField(
        _("respiratory rate (breaths/min)"), validators=between(4, 70), null=True, blank=True
    )
    temperature_c = models.DecimalField(
        _("temperature (°C)"),
        max_digits=3,
        decimal_places=1,
        validators=between(Decimal(30), Decimal(43)),
        null=True,
        blank=True,
    )
    spo2_percent = models.PositiveSmallIntegerField(
        _("SpO₂ (%)"), validators=between(50, 100), null=True, blank=True
    )

    class Meta:
        verbose_name = _("vital signs")
        verbose_name_plural = _("vital signs")
        ordering = ["subject", "measured_at"]
        constraints = [
            # Spec §2.6: DBP < SBP (hard).
            models.CheckConstraint(
                condition=Q(diastolic_bp__lt=F("systolic_bp")),
                name="vitals_diastolic_below_systolic",
            ),
        ]
        indexes = [models.Index(fields=["subject", "measured_at"], name="vitals_subject_time_idx")]

    def __str__(self) -> str:
        return f"{self.subject} {self.get_timepoint_display()} {local_text(self.measured_at)}"

    @property
    def mean_arterial_pressure(self) -> int:
        """MAP = (SBP + 2 × DBP) / 3 (spec §3.1)."""
        return round((self.systolic_bp + 2 * self.diastolic_bp) / 3)


form_registry.register(
    VitalSigns,
    casebook_order=70,
    page="ecrf:clinical_vitals",
    casebook_row=True,
    add_page="ecrf:clinical_vitals_new",
    voidable=True,
    queryable=True,
    signable=True,
    sdtm_domain="VS",
    sdtm_variables={
        "timepoint": "VSTPT",
        "measured_at": "VSDTC",
        "systolic_bp": "VSORRES where VSTESTCD=SYSBP",
        "diastolic_bp": "VSORRES where VSTESTCD=DIABP",
        "heart_rate": "VSORRES where VSTESTCD=HR",
        "respiratory_rate": "VSORRES where VSTESTCD=RESP",
        "temperature_c": "VSORRES where VSTESTCD=TEMP",
        "spo2_percent": "VSORRES where VSTESTCD=OXYSAT",
    },
)


@audited()
class ClinicalStatus(CaseReportForm):
    """The clinical inputs of the scores at a timepoint: ascites, encephalopathy, dialysis
    (spec §2.4, repeated at each timepoint that feeds the scores)."""

    subject = models.ForeignKey(
        "ecrf.Subject", on_delete=models.PROTECT, related_name="clinical_status"
    )
    assessed_on = models.DateField(_("date"))
    ascites = models.CharField(_("ascites"), max_length=16, choices=Ascites.choices)
    encephalopathy_grade = models.PositiveSmallIntegerField(
        _("hepatic encephalopathy (West Haven grade)"), validators=between(0, 4)
    )
    dialysed_twice_last_week = models.BooleanField(
        _("dialysis ≥ 2 times or CVVHD ≥ 24 h in the past 7 days"), default=False
    )

    class Meta:
        verbose_name = _("clinical status")
        verbose_name_plural = _("clinical status")
        ordering = ["subject", "assessed_on"]
        constraints = [
            models.UniqueConstraint(
                fields=["subject", "assessed_on"],
                condition=Q(voided_at__isnull=True),
                name="clinical_status_once_a_day",
            ),
            models.CheckConstraint(
                condition=Q(encephalopathy_grade__lte=4), name="clinical_status_he_grade_0_to_4"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.subject} {self.assessed_on}"


form_registry.register(
    ClinicalStatus,
    casebook_order=80,
    page="ecrf:labs_clinical_status",
    voidable=True,
    queryable=True,
    signable=True,
)


class MedicationCategory(models.TextChoices):
    ANTIVIRAL = "antiviral", _("Antiviral (nucleos(t)ide analogue)")
    ANTIBIOTIC = "antibiotic", _("Antibiotic or antifungal")
    VASOPRESSOR = "vasopressor", _("Vasopressor or inotrope")
    ALBUMIN = "albumin", _("Albumin")
    DIURETIC = "diuretic", _("Diuretic")
    HE_TREATMENT = "he_treatment", _("Lactulose, rifaximin or L-ornithine-L-aspartate")
    CORTICOSTEROID = "corticosteroid", _("Corticosteroid")
    IMMUNOSUPPRESSANT = "immunosuppressant", _("Immunosuppressant")
    ANTICOAGULANT = "anticoagulant", _("Anticoagulant outside session")
    HAEMOSTATIC = "haemostatic", _("Haemostatic")
    BLOOD_PRODUCT = "blood_product", _("Blood product")
    TCM = "tcm", _("Traditional Chinese medicine or herbal")
    OTHER = "other", _("Other")


@audited()
class ConcomitantMedication(CaseReportForm):
    subject = models.ForeignKey(
        "ecrf.Subject", on_delete=models.PROTECT, related_name="medications"
    )
    name = models.CharField(_("medication"), max_length=200)
    category = models.CharField(_("category"), max_length=20, choices=MedicationCategory.choices)
    indication = models.CharField(_("indication"), max_length=200)
    dose = models.DecimalField(_("dose"), max_digits=10, decimal_places=3, null=True, blank=True)
    dose_unit = models.CharField(_("dose unit"), max_length=20, blank=True)
    frequency = models.CharField(_("frequency"), max_length=40, blank=True)
    route = models.CharField(_("route"), max_length=40, blank=True)
    start_date = models.DateField(_("start date"))
    end_date = models.DateField(_("end date"), null=True, blank=True)
    ongoing = models.BooleanField(_("ongoing"), default=False)

    class Meta:
        verbose_name = _("concomitant medication")
        verbose_name_plural = _("concomitant medications")
        ordering = ["subject", "start_date"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__isnull=True) | Q(end_date__gte=F("start_date")),
                name="medication_end_after_start",
            ),
            models.CheckConstraint(
                condition=Q(ongoing=True) | Q(end_date__isnull=False),
                name="medication_end_unless_ongoing",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.subject} {self.name}"


form_registry.register(
    ConcomitantMedication,
    casebook_order=90,
    page="ecrf:clinical_medications",
    casebook_row=True,
    add_page="ecrf:clinical_medication_new",
    voidable=True,
    queryable=True,
    signable=True,
    sdtm_domain="CM",
    sdtm_variables={
        "name": "CMTRT",
        "category": "CMCAT",
        "indication": "CMINDC",
        "dose": "CMDOSE",
        "dose_unit": "CMDOSU",
        "frequency": "CMDOSFRQ",
        "route": "CMROUTE",
        "start_date": "CMSTDTC",
        "end_date": "CMENDTC",
        "ongoing": "CMENRTPT",
    },
)


class ProcedureName(models.TextChoices):
    # Spec §2.13.
    PLASMA_EXCHANGE = "plasma_exchange", _("Plasma exchange (non-study)")
    DPMAS = "dpmas", _("DPMAS or other artificial liver (non-study)")
    DIALYSIS = "dialysis", _("Haemodialysis or CRRT")
    VENTILATION = "ventilation", _("Mechanical ventilation")
    TRANSPLANT = "transplant", _("Liver transplantation")
    PARACENTESIS = "paracentesis", _("Paracentesis")
    VARICEAL_LIGATION = "variceal_ligation", _("Endoscopic variceal ligation")
    TIPS = "tips", _("TIPS")
    CENTRAL_LINE = "central_line", _("Central line insertion")
    TRANSFUSION = "transfusion", _("Transfusion")
    SURGERY = "surgery", _("Surgery")
    OTHER = "other", _("Other")


@audited()
class Procedure(CaseReportForm):
    subject = models.ForeignKey("ecrf.Subject", on_delete=models.PROTECT, related_name="procedures")
    name = models.CharField(_("procedure"), max_length=20, choices=ProcedureName.choices)
    details = models.CharField(_("details"), max_length=200, blank=True)
    started_on = models.DateField(_("start date"))
    ended_on = models.DateField(_("end date"), null=True, blank=True)

    class Meta:
        verbose_name = _("procedure")
        verbose_name_plural = _("procedures")
        ordering = ["subject", "started_on"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ended_on__isnull=True) | Q(ended_on__gte=F("started_on")),
                name="procedure_end_after_start",
            ),
        ]
        indexes = [models.Index(fields=["name", "started_on"], name="procedure_name_date_idx")]

    def __str__(self) -> str:
        return f"{self.subject} {self.get_name_display()}"


form_registry.register(
    Procedure,
    casebook_order=100,
    page="ecrf:clinical_procedures",
    casebook_row=True,
    add_page="ecrf:clinical_procedure_new",
    voidable=True,
    queryable=True,
    signable=True,
    sdtm_domain="PR",
    sdtm_variables={
        "name": "PRTRT",
        # The details of an "Other" procedure name it (PRTRT); another's are kept beside it.
        "details": "PRDETAIL in SUPPPR",
        "started_on": "PRSTDTC",
        "ended_on": "PRENDTC",
    },
)


class ImagingModality(models.TextChoices):
    ULTRASOUND = "ultrasound", _("Ultrasound")
    CONTRAST_ULTRASOUND = "ceus", _("Contrast-enhanced ultrasound")
    CT = "ct", _("CT")
    MRI = "mri", _("MRI")


# A liver imaging outside the protocol's visits (spec §1.5 "long-term visits", or for cause).
UNSCHEDULED = "UNS"


@audited()
class LiverImaging(CaseReportForm):
    """Liver imaging for tumorigenicity surveillance of a stem-cell-derived product (spec
    §1.5 "AFP; liver imaging (tumorigenicity surveillance, CiPS)": at screening, FS+28 and
    long-term visits; §5.3 AESI "new liver/other masses"). The visits that expect it are
    the study protocol's (studies/cips_bal/protocol.py)."""

    subject = models.ForeignKey(
        "ecrf.Subject", on_delete=models.PROTECT, related_name="liver_imaging"
    )
    visit = models.CharField(
        _("visit"), max_length=12, help_text=_("The visit of the schedule, or unscheduled.")
    )
    examined_on = models.DateField(_("date of examination"))
    modality = models.CharField(_("modality"), max_length=12, choices=ImagingModality.choices)
    new_lesion = models.BooleanField(
        _("new focal liver lesion"),
        help_text=_("A focal lesion not seen on the previous imaging."),
    )
    lesion_size_mm = models.PositiveSmallIntegerField(
        _("largest new lesion (mm)"), null=True, blank=True, validators=between(1, 300)
    )
    findings = models.TextField(_("findings"), blank=True)

    class Meta:
        verbose_name = _("liver imaging")
        verbose_name_plural = _("liver imaging")
        ordering = ["subject", "examined_on"]
        constraints = [
            # The size of a new lesion is given, and only for one.
            models.CheckConstraint(
                condition=Q(new_lesion=True, lesion_size_mm__isnull=False)
                | Q(new_lesion=False, lesion_size_mm__isnull=True),
                name="liverimaging_lesion_size_with_lesion",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.subject} {self.get_modality_display()} {self.examined_on}"


form_registry.register(
    LiverImaging,
    casebook_order=105,
    page="ecrf:clinical_liver_imaging",
    casebook_row=True,
    add_page="ecrf:clinical_liver_imaging_new",
    only_where_expected=True,
    visit_field="visit",
    voidable=True,
    queryable=True,
    signable=True,
    # Not in the SDTM export yet: spec §6 names no domain for the imaging (PR for the
    # examination and a findings domain for its result would be the candidates).
)


class StudyDisposition(models.TextChoices):
    # Issue 3: completed, died, transplanted, withdrew, lost to follow-up (spec §2.14).
    COMPLETED = "completed", _("Completed follow-up (FS+28)")
    DIED = "died", _("Died")
    TRANSPLANTED = "transplanted", _("Liver transplantation")
    WITHDREW = "withdrew", _("Withdrawal by subject")
    LOST = "lost", _("Lost to follow-up")
    PHYSICIAN = "physician", _("Physician decision")
    SPONSOR = "sponsor", _("Study terminated by sponsor")


class SurvivalStatus(models.TextChoices):
    ALIVE = "alive", _("Alive")
    DEAD = "dead", _("Dead")
    UNKNOWN = "unknown", _("Unknown")


@audited()
class Disposition(CaseReportForm):
    # One live disposition per subject (the constraint below): see LiverFailureDiagnosis.
    subject = models.ForeignKey(
        "ecrf.Subject", on_delete=models.PROTECT, related_name="dispositions"
    )
    status = models.CharField(
        _("study disposition"), max_length=15, choices=StudyDisposition.choices
    )
    disposition_date = models.DateField(_("date of disposition"))
    death_date = models.DateField(_("date of death"), null=True, blank=True)
    cause_of_death = models.CharField(_("primary cause of death"), max_length=200, blank=True)
    transplant_date = models.DateField(_("date of liver transplantation"), null=True, blank=True)
    survival_status_fs28 = models.CharField(
        _("survival status at FS+28"), max_length=10, choices=SurvivalStatus.choices, blank=True
    )
    last_known_alive = models.DateField(_("last known alive"), null=True, blank=True)

    class Meta:
        verbose_name = _("disposition")
        verbose_name_plural = _("dispositions")
        constraints = [
            models.UniqueConstraint(
                fields=["subject"],
                condition=Q(voided_at__isnull=True),
                name="disposition_one_live_per_subject",
            ),
            models.CheckConstraint(
                condition=~Q(status="died") | Q(death_date__isnull=False),
                name="disposition_died_has_death_date",
            ),
            models.CheckConstraint(
                condition=~Q(status="transplanted") | Q(transplant_date__isnull=False),
                name="disposition_transplant_has_date",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.subject} {self.get_status_display()}"

    def casebook_summary(self) -> str:
        return str(self.get_status_display())


form_registry.register(
    Disposition,
    casebook_order=170,
    page="ecrf:clinical_disposition",
    casebook_row=True,
    add_page="ecrf:clinical_disposition_edit",
    one_per_subject=True,
    summary_columns=("status",),
    after_enrolment=True,
    voidable=True,
    queryable=True,
    signable=True,
    sdtm_domain="DS",
    sdtm_variables={
        "status": "DSDECOD",
        "disposition_date": "DSSTDTC",
        "death_date": "DTHDTC",
    },
)
