"""NCT07312864: Safety and tolerability study of a novel bioartificial liver (CiPS-BAL)
in liver failure and small-for-size syndrome (Beijing).

[REG-A] is the registry text (shared/protocol/NCT07312864-cips-bal.txt); §n is
crf-domain-spec.md. The registry sets no age limits, no screening window and no number
of sessions; those are [PROP] options a study may change.
"""

import datetime as dt
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from zoneinfo import ZoneInfo

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ecrf.lab_catalogue import Panel
from ecrf.protocol import (
    PREGNANT_OR_BREASTFEEDING,
    Anchor,
    Arm,
    Criterion,
    CriterionKind,
    Endpoint,
    Finding,
    Protocol,
    ProtocolVersion,
    Refusal,
    RuleClass,
    StudyOptions,
    TreatmentCourse,
    Visit,
    declare,
    deviation_planned_duration_outside_range,
    follow_up_visits,
    rule_all_criteria_met,
    rule_cohort_capacity,
    rule_cohort_open,
    rule_consent_recorded,
    rule_enrolment_after_screening,
    rule_planned_duration_set,
    rule_screening_window,
    rule_session_after_consent,
    rule_session_after_enrolment,
)

INC, EXC = CriterionKind.INCLUSION, CriterionKind.EXCLUSION

# [REG-A] single group of 12; "4-8 hours per session"; frequency "adjusted according to
# clinical response", so the number of sessions is capped only by a [PROP] option.
ARMS = (
    Arm(
        "CIPSBAL",
        "CiPS-BAL",
        12,
        planned_minutes=None,
        duration_range_minutes=(240, 480),
        sessions_min=1,
        sessions_max=None,
        opens_at_study_start=True,
        label_zh="CiPS-BAL治疗组",  # the interface's Chinese label (issue 19 item 8)
    ),
)

# Verbatim from [REG-A], including the missing bullets of the exclusion list (spec §1.3).
CRITERIA = (
    Criterion(
        "IN01",
        INC,
        "Patients diagnosed with liver failure (including acute, "
        "subacute/acute-on-chronic, and chronic liver failure) or small-for-size "
        "syndrome",
    ),
    Criterion("EX01", EXC, "Presence of severe extrahepatic systemic end-stage diseases"),
    Criterion("EX02", EXC, "Uncontrollable infection or active bleeding"),
    # Spec §2.1: "Pregnancy test ... Positive → CiPS EX03 = Y"; "Breastfeeding ... CiPS
    # EX03": the registration's answers decide it, the checklist must agree.
    Criterion("EX03", EXC, "Pregnant or breastfeeding women", decided_by=PREGNANT_OR_BREASTFEEDING),
    Criterion(
        "EX04",
        EXC,
        "History of allergy or known severe hypersensitivity to "
        "CiPSC-derived cell products or blood products",
    ),
    Criterion(
        "EX05",
        EXC,
        "Peripheral vascular collapse leading to inability to obtain venous "
        "access or collect blood",
    ),
    Criterion(
        "EX06",
        EXC,
        "Unable or unwilling to provide informed consent or unable to "
        "comply with study requirements",
    ),
    Criterion("EX07", EXC, "Unwilling to receive CiPSC-based therapy"),
)

# Schedule of assessments (spec §1.5; every window [PROP] but the registry's). The
# screening window is the option screening_window_days below, stated once. AFP and liver
# imaging are the tumorigenicity surveillance of a pluripotent-stem-cell-derived product
# (spec §1.5 "AFP; liver imaging (tumorigenicity surveillance, CiPS)": screening and FS+28).
ROUTINE = (Panel.LIVER, Panel.COAGULATION, Panel.HAEMATOLOGY, Panel.RENAL)
VISITS = (
    Visit(
        "SCR",
        _("Screening"),
        Anchor.SCREENING,
        assessments=(
            _("Informed consent"),
            _("Eligibility"),
            _("Demographics"),
            _("Pregnancy test (women of child-bearing potential)"),
            _("Medical history, liver-failure or small-for-size diagnosis"),
            _("Vital signs"),
            _("Laboratory panels"),
            _("AFP and liver imaging"),
        ),
        forms=(
            "ecrf.medicalhistory",
            "ecrf.liverfailurediagnosis",
            "ecrf.vitalsigns",
            "ecrf.labpanel",
            "ecrf.liverimaging",
        ),
        panels=(
            *ROUTINE,
            Panel.AMMONIA,
            Panel.LACTATE,
            Panel.VIROLOGY,
            Panel.TUMOUR_MARKER,
        ),
    ),
    Visit(
        "SESSION",
        _("BAL session day"),
        Anchor.EACH_SESSION,
        assessments=(
            _("Pre-session labs"),
            _("BAL session"),
            _("Cell dose"),
            _("Intra-session vital signs"),
            _("End-of-session labs"),
        ),
        forms=("ecrf.treatmentsession", "ecrf.labpanel"),
        panels=(*ROUTINE, Panel.AMMONIA, Panel.LACTATE),
    ),
    # Follow-up counts from the final session (spec §0 "FS"); windows spec §1.5 [PROP].
    # Follow-up counts from the final session (spec §0 "FS"); the labs of spec §1.5.
    *follow_up_visits(
        {
            1: (*ROUTINE, Panel.AMMONIA, Panel.LACTATE),
            3: (*ROUTINE, Panel.AMMONIA, Panel.LACTATE),
            7: (*ROUTINE, Panel.AMMONIA, Panel.LACTATE, Panel.VIROLOGY),  # HBV DNA
            14: ROUTINE,
            28: (*ROUTINE, Panel.AMMONIA, Panel.LACTATE, Panel.VIROLOGY, Panel.TUMOUR_MARKER),
        },
        end_of_study=("ecrf.disposition", "ecrf.liverimaging"),
    ),
)

# --- BAL sessions (spec §1.6 T4, §3.1) -----------------------------------------------


@declare(
    "SESSION-MAX",
    RuleClass.BREACH,
    '[PROP] spec §1.2 "max per subject = configurable" (study option max_sessions)',
    "major",
)
def deviation_sessions_beyond_study_maximum(course: TreatmentCourse) -> list[Finding]:
    """[REG-A] frequency "adjusted according to clinical response": the number of sessions
    is capped only by the study option max_sessions ([PROP] spec §1.2 "max per subject =
    configurable"). A session beyond it took place: it is saved and recorded as a
    deviation (issue 18), never refused."""
    limit = course.options.max_sessions
    return [
        Finding(
            "SESSION-MAX",
            "session_count",
            str(
                _("Session %(n)d: this study allows at most %(max)d sessions per subject.")
                % {"n": session.number, "max": limit}
            ),
            day,
            session.number,
        )
        for session, day in zip(course.sessions, course.session_dates, strict=True)
        if session.number > limit
    ]


@declare("CIPS-DURATION", RuleClass.BREACH, '[REG-A] "4-8 hours per session"; spec T4', "minor")
def deviation_duration_outside_4_to_8_hours(course: TreatmentCourse) -> list[Finding]:
    """[REG-A] "for 4-8 hours per session": a net duration outside 240–480 min is a
    deviation; the session is still saved (spec T4, soft + deviation)."""
    low, high = course.design.duration_range_minutes
    return [
        Finding(
            "CIPS-DURATION",
            "session_duration",
            str(
                _("Net duration %(net)d min is outside %(low)d–%(high)d min.")
                % {"net": session.net_minutes, "low": low, "high": high}
            ),
            day,
            session.number,
        )
        for session, day in zip(course.sessions, course.session_dates, strict=True)
        if not low <= session.net_minutes <= high
    ]


# --- Small-for-size syndrome (spec §2.5, §3.6): CiPS-BAL's own part of the diagnosis ---


@declare(
    "SFSS-OPERATION",
    RuleClass.IMPOSSIBLE,
    'spec §2.5: the index operation date is "≤ consent"',
)
def rule_sfss_operation_before_consent(*, subject, values) -> list[Refusal]:
    operated = values.get("sfss_operation_date")
    if operated and operated > subject.consent_date:
        return [
            Refusal(
                "SFSS-OPERATION",
                _("The index operation must not be after informed consent (%(date)s).")
                % {"date": subject.consent_date.isoformat()},
                "sfss_operation_date",
            )
        ]
    return []


@declare("V18", RuleClass.IMPOSSIBLE, 'spec V18: "SFSS category ⇒ SFSS form complete"')
def rule_sfss_has_its_operation(*, subject, values) -> list[Refusal]:
    # Was the database constraint liver_failure_sfss_has_operation while the operation
    # was a column of the core diagnosis; it spans two rows now (issue 20 item 3).
    if values.get("category") != "SFSS":
        return []
    return [
        Refusal("V18", _("Required for small-for-size syndrome."), name)
        for name in ("sfss_operation", "sfss_operation_date")
        if not values.get(name)
    ]


def graft_recipient_weight_ratio(graft_weight_g: int | None, weight_kg) -> Decimal | None:
    """GRWR (%) = graft weight (g) / (recipient weight (kg) × 10), 2 dp (spec §3.6)."""
    if not graft_weight_g or not weight_kg:
        return None
    ratio = Decimal(graft_weight_g) / (Decimal(weight_kg) * 10)
    return ratio.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


# Spec §3.6: "small-for-size if < 0.8 %".
SMALL_FOR_SIZE_GRWR = Decimal("0.80")


def warn_small_graft(diagnosis) -> list[Refusal]:
    """Spec §2.5 "flag < 0.8 %": a soft check of the saved diagnosis, never a refusal."""
    warnings = []
    for operation in diagnosis.small_for_size.all():
        grwr = graft_recipient_weight_ratio(operation.graft_weight_g, diagnosis.subject.weight_kg)
        if grwr is not None and grwr < SMALL_FOR_SIZE_GRWR:
            message = _("GRWR %(grwr)s %% is below 0.8 %% (small for size).") % {"grwr": grwr}
            warnings.append(Refusal("GRWR", message))
    return warnings


@dataclass(frozen=True)
class DoseTarget:
    """The cell-dose target, an option group: Study.options["dose"] overrides it."""

    # [REG-A] "approximately 1.67 × 10^8 functional hepatocytes per kg of body weight".
    cells_per_kg: Decimal = Decimal("1.67e8")
    # [PROP] spec §3.1 "soft alert outside ± 20 % [tolerance not in registry]".
    tolerance_percent: Decimal = Decimal(20)


@dataclass(frozen=True)
class CellDose:
    """The delivered dose of one session (spec §2.8.1, §3.1). Counts are in cells."""

    viable_cells: Decimal
    functional_cells: Decimal
    target_cells: Decimal
    per_kg: Decimal
    delivered_percent: Decimal
    tolerance_percent: Decimal

    @property
    def within_tolerance(self) -> bool:
        return abs(self.delivered_percent - 100) <= self.tolerance_percent


def functional_percent(session) -> Decimal | None:
    """The session's functional fraction if measured: CiPS-BAL's own field, kept in
    studies/cips_bal/models.py (FunctionalHepatocytes; prefetch it for lists)."""
    row = next(iter(session.functional_hepatocytes.all()), None)
    return row.functional_percent if row else None


def dose_options(subject, on: dt.date | None) -> DoseTarget:
    """The [PROP] dose options of the subject's protocol version on the date (issue 21:
    options belong to a version, and the dose target is a subject's)."""
    from ecrf import versions  # it reads the models, which import this module

    return versions.option_group("dose", DoseTarget, subject=subject, on=on)


def cell_dose(session, subject) -> CellDose:
    """Target = 1.67 × 10^8 cells/kg × weight used for dosing; functional cells = viable
    × functional fraction when measured, else viable (spec §3.1; O7: the sponsor must
    confirm what "functional" means). By the subject's version on the session's date."""
    on = timezone.localtime(session.started_at, ZoneInfo(subject.site.time_zone)).date()
    tolerance = dose_options(subject, on).tolerance_percent
    viable = session.viable_cells
    functional = viable
    fraction = functional_percent(session)
    if fraction is not None:
        functional = viable * fraction / 100
    target = target_cells(session.weight_kg, subject, on)
    return CellDose(
        viable_cells=viable,
        functional_cells=functional,
        target_cells=target,
        per_kg=functional / session.weight_kg,
        delivered_percent=functional / target * 100,
        tolerance_percent=Decimal(str(tolerance)),
    )


def target_cells(weight_kg: Decimal, subject, on: dt.date | None = None) -> Decimal:
    """The cells a session's dose aims at: 1.67 × 10^8 per kg of the session's dosing
    weight ([REG-A]; spec §3.1), shown on the session form before the cells are typed;
    by the subject's version on the session's date (today when not given)."""
    return Decimal(str(dose_options(subject, on).cells_per_kg)) * weight_kg


@declare(
    "CIPS-DOSE",
    RuleClass.BREACH,
    '[REG-A] "approximately 1.67 × 10^8 functional hepatocytes per kg"; [PROP] spec §3.1, V7 '
    '"within configured tolerance" (study option dose.tolerance_percent, ±20 %)',
    "minor",
)
def deviation_dose_outside_tolerance(course: TreatmentCourse) -> list[Finding]:
    """A delivered dose outside the study's tolerance of the target (±20 % unless
    Study.options["dose"] says otherwise) is recorded as a deviation (issue 18): the
    session page showed "outside the tolerance" but nothing was recorded."""
    findings = []
    for session, day in zip(course.sessions, course.session_dates, strict=True):
        dose = cell_dose(session, course.subject)
        if dose.within_tolerance:
            continue
        findings.append(
            Finding(
                "CIPS-DOSE",
                "dose",
                str(
                    _(
                        "Delivered dose %(percent)s %% of the target (%(target)s cells for "
                        "%(weight)s kg); the tolerance is ± %(tolerance)s %%."
                    )
                    % {
                        "percent": dose.delivered_percent.quantize(Decimal(1)),
                        "target": f"{dose.target_cells:.3g}",
                        "weight": session.weight_kg,
                        "tolerance": dose.tolerance_percent.normalize(),
                    }
                ),
                day,
                session.number,
            )
        )
    return findings


OPTIONS = StudyOptions(
    screening_window_days=7,  # [PROP] spec §1.5 "CiPS window to be set, e.g. ≤ 7 days"
    max_sessions=5,  # [PROP] spec §1.2 "max per subject = configurable"
)

PROTOCOL = Protocol(
    registry_id="NCT07312864",
    title="Safety and Tolerability Study of a Novel Bioartificial Liver in Liver Failure and "
    "Small-for-Size Syndrome",
    phase="PHASE1/PHASE2",  # [REG-A] registry value, kept as registered (spec §1.1)
    target_enrolment=12,  # [REG-A] "12 participants"
    sponsor="Beijing Friendship Hospital",
    arms=ARMS,
    criteria=CRITERIA,
    visits=VISITS,
    options=OPTIONS,
    registration_form="studies.cips_bal.forms.RegistrationForm",
    session_form="studies.cips_bal.forms.SessionForm",
    session_rules=(
        rule_session_after_consent,  # ICH GCP; spec T2
        rule_session_after_enrolment,  # spec V1
        rule_planned_duration_set,  # spec §2.7: planned duration required
    ),
    deviation_rules=(
        deviation_planned_duration_outside_range,  # [REG-A] "4-8 hours per session"
        deviation_sessions_beyond_study_maximum,  # [PROP] spec §1.2 max per subject
        deviation_dose_outside_tolerance,  # [REG-A] 1.67 × 10^8/kg; [PROP] ± 20 %; spec V7
        deviation_duration_outside_4_to_8_hours,  # [REG-A] "4-8 hours"; spec T4
    ),
    cell_dose=cell_dose,
    dose_target=target_cells,
    # Study.options["dose"] overrides the cell-dose target (a [PROP] tolerance, §3.1).
    option_groups={"dose": "studies.cips_bal.protocol.DoseTarget"},
    endpoints=(
        # [REG-A] "Is the novel bioartificial liver system safe and well tolerated ...?";
        # outcome "participants with treatment-emergent adverse events and serious
        # adverse events" (spec §1.4; the time frame was not retrieved, so no end).
        Endpoint.AE_INCIDENCE,
        # [REG-A] "What effects does the treatment have on liver function and other
        # clinical and laboratory indicators?" Spec §1.4 reads this as the lab changes
        # and 28-day (transplant-free) survival; the registry names no anchor (spec O9),
        # so the QH-1A anchor, the final session, is used until the protocol chooses.
        Endpoint.LAB_CHANGE,
        Endpoint.SURVIVAL_FS28,
        Endpoint.TRANSPLANT_FREE_FS28,
    ),
    # [REG-A] IN01 "liver failure (including acute, subacute/acute-on-chronic, and chronic
    # liver failure) or small-for-size syndrome".
    liver_failure_categories=("ALF", "SALF", "ACLF", "CLF", "SFSS"),
    # Spec §2.4 "SFSS (CiPS only)", §2.5: the index operation with the SFSS category.
    liver_failure_form="studies.cips_bal.forms.LiverFailureForm",
    diagnosis_rules=(
        rule_sfss_operation_before_consent,  # spec §2.5 "≤ consent"
        rule_sfss_has_its_operation,  # spec V18
    ),
    diagnosis_warnings=(warn_small_graft,),  # spec §2.5, §3.6 GRWR < 0.8 %
    enrolment_rules=(
        rule_consent_recorded,  # ICH GCP; spec §2.1
        rule_enrolment_after_screening,  # ICH GCP 4.8.8; spec T2, §2.2
        rule_all_criteria_met,  # [REG-A] eligibility criteria; spec §2.2
        rule_screening_window,  # [PROP] option screening_window_days
        rule_cohort_open,  # the single arm opens at study start
        rule_cohort_capacity,  # [REG-A] 12 participants
    ),
    # SDTM EX and TS (spec §6 "BAL session — cell exposure", "Trial design"; §1.1).
    sdtm_treatment="CIPS-DERIVED HEPATOCYTES",
    trial_summary=(
        ("STYPE", "INTERVENTIONAL"),  # [REG-A] interventional
        ("INTMODEL", "SINGLE GROUP"),  # [REG-A] single group
        ("RANDOM", "N"),  # [REG-A] allocation N/A
        ("TBLIND", "OPEN LABEL"),  # [REG-A] no masking
        ("ADDON", "Y"),  # [REG-A] with standard medical care
        ("SEXPOP", "BOTH"),  # [REG-A] sex ALL
        ("HLTSUBJI", "N"),  # [REG-A] no healthy volunteers
    ),
)

# Issue 21: the protocol's versions, oldest first (ecrf/versions.py). 1.0 is the protocol
# as registered, dated by the registry record's "Last Updated"
# (shared/protocol/NCT07312864-cips-bal.txt).
# Published: its fingerprint is recorded here, and `manage.py check` fails when the
# declaration drifts from it. An amendment is a further ProtocolVersion, never an edit.
VERSIONS = (
    ProtocolVersion(
        "1.0",
        dt.date(2025, 12, 31),
        "As registered.",
        PROTOCOL,
        fingerprint="de0a30c82b3ddff7",
    ),
)
