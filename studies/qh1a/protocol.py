"""NCT06996392: Phase I trial of the QH-1A hybrid bio-artificial liver with ex vivo
blood-purifying MSCs in acute-on-chronic liver failure (Guangzhou).

Every fact below cites its source: [REG-B] is the registry text
(shared/protocol/NCT06996392-qh-1a.txt), §n is crf-domain-spec.md.
"""

import datetime as dt
from collections.abc import Mapping

from django.utils.translation import gettext_lazy as _

from ecrf.lab_catalogue import Panel
from ecrf.protocol import (
    Anchor,
    Arm,
    Criterion,
    CriterionKind,
    DeviceCriterion,
    Endpoint,
    Finding,
    Protocol,
    ProtocolVersion,
    Refusal,
    RuleClass,
    StudyOptions,
    TreatmentCourse,
    Visit,
    age_at_consent_between,
    declare,
    deviation_first_session_outside_screening_window,
    follow_up_visits,
    history_warnings,
    months_before,
    partial_date_bounds,
    rule_all_criteria_met,
    rule_cohort_capacity,
    rule_cohort_open,
    rule_consent_recorded,
    rule_enrolment_after_screening,
    rule_planned_duration_set,
    rule_screening_window,
    rule_session_after_consent,
    rule_session_after_enrolment,
    window_position,
)

INC, EXC = CriterionKind.INCLUSION, CriterionKind.EXCLUSION

# [REG-B] "4-hour group (3 patients) ... Multiple-treatment group (6 patients)";
# each single-session group is 4/6/8 hours (±15 minutes); the multiple-treatment group
# has "2-3 treatments at this maximum duration, with an interval of 3 (±1) days".
# The Chinese labels are the interface's (issue 19 item 8), not registry text.
ARMS = (
    Arm(
        "QH4H",
        "4-hour group",
        3,
        planned_minutes=240,
        tolerance_minutes=15,
        opens_at_study_start=True,
        label_zh="4小时组",
    ),
    Arm("QH6H", "6-hour group", 3, planned_minutes=360, tolerance_minutes=15, label_zh="6小时组"),
    Arm("QH8H", "8-hour group", 3, planned_minutes=480, tolerance_minutes=15, label_zh="8小时组"),
    Arm(
        "QHMT",
        "Multiple-treatment group",
        6,
        planned_minutes=None,
        tolerance_minutes=15,
        sessions_min=2,
        sessions_max=3,
        interval_days=(2, 4),
        label_zh="多次治疗组",
    ),
)

AGE_RANGE = (18, 65)  # [REG-B] structured fields "18 Years", "65 Years"

# Verbatim from [REG-B] "Eligibility Criteria", including the "- -" artefact (spec §1.3).
CRITERIA = (
    Criterion(
        "IN01",
        INC,
        "Patients with acute-on-chronic liver failure, diagnosed according "
        "to the - - Guideline for diagnosis and treatment of liver failure (2024 version) "
        "in China.",
    ),
    Criterion(
        "IN02",
        INC,
        "Subjects must provide informed consent prior to the study and "
        "voluntarily sign the written informed consent form.",
    ),
    Criterion(
        "IN03",
        INC,
        "Subjects must be able to communicate effectively with the "
        "investigators and comply with the study protocol.",
    ),
    # [REG-B] structured fields "18 Years", "65 Years" (spec V2): decided by the
    # registration's date of birth and consent date, never asked.
    Criterion(
        "IN-AGE",
        INC,
        "18 Years - 65 Years",
        derived=True,
        decided_by=age_at_consent_between(*AGE_RANGE),
    ),
    Criterion("EX01", EXC, "Allergies to the blood products or medications used during treatment."),
    Criterion("EX02", EXC, "Circulatory failure."),
    Criterion(
        "EX03",
        EXC,
        "Occurrence of myocardial infarction, cerebral infarction, or "
        "cerebral hemorrhage within the past 6 months.",
    ),
    Criterion(
        "EX04",
        EXC,
        "A history of malignant tumors within the past 5 years (except for "
        "cured basal cell carcinoma of the skin or carcinoma in situ of the cervix).",
    ),
    Criterion(
        "EX05",
        EXC,
        "Any other conditions that, in the opinion of the investigator, "
        "render the subject unsuitable for participation in the study.",
    ),
)


def rule_ex03_cardiovascular_history(
    *, consent_date: dt.date, history: list, answers: Mapping[str, bool]
) -> list[Refusal]:
    """[REG-B] EX03 "Occurrence of myocardial infarction, cerebral infarction, or cerebral
    hemorrhage within the past 6 months." A cardiovascular event in the medical history
    starting on/after consent − 6 months contradicts an EX03 answer of No; a partial date
    that may fall in the window needs its month (spec §2.3: "query otherwise").
    Soft: the investigator's checklist stays the record."""
    window_start = months_before(consent_date, 6)
    return history_warnings(
        rule="EX03",
        rows=[r for r in history if r.category == "cardiovascular"],
        window_start=window_start,
        answer=answers.get("EX03"),
        presence=lambda row, start: window_position(partial_date_bounds(row.start), start),
        found_message=_(
            "%(term)s (%(date)s) falls within 6 months of consent, but the eligibility "
            "checklist does not record exclusion EX03."
        ),
        unknown_message=_(
            "%(term)s (%(date)s) may fall within 6 months of consent: enter the month and "
            "day to settle exclusion EX03."
        ),
        missing_message=_(
            "The checklist records exclusion EX03, but no cardiovascular event within 6 "
            "months of consent is in the medical history."
        ),
    )


def rule_ex04_malignancy_history(
    *, consent_date: dt.date, history: list, answers: Mapping[str, bool]
) -> list[Refusal]:
    """[REG-B] EX04 "A history of malignant tumors within the past 5 years (except for cured
    basal cell carcinoma of the skin or carcinoma in situ of the cervix)." A malignancy
    ongoing, or ended on/after consent − 5 years, contradicts an EX04 answer of No. The
    exceptions are free text, so this stays a warning the investigator settles."""
    window_start = months_before(consent_date, 5 * 12)

    def presence(row, start: dt.date) -> str:
        if row.ongoing or not row.end:
            return "in"
        return window_position(partial_date_bounds(row.end), start)

    return history_warnings(
        rule="EX04",
        rows=[r for r in history if r.category == "malignancy"],
        window_start=window_start,
        answer=answers.get("EX04"),
        presence=presence,
        found_message=_(
            "%(term)s (from %(date)s) was present within 5 years of consent, but the "
            "eligibility checklist does not record exclusion EX04 (unless it is a cured basal "
            "cell carcinoma of the skin or carcinoma in situ of the cervix)."
        ),
        unknown_message=_(
            "%(term)s (from %(date)s) may have been present within 5 years of consent: enter "
            "the month of its end date to settle exclusion EX04."
        ),
        missing_message=_(
            "The checklist records exclusion EX04, but no malignancy within 5 years of consent "
            "is in the medical history."
        ),
    )


# Schedule of assessments (spec §1.5). Follow-up days are counted from the final
# session because QH-1A counts survival "28 days after the final treatment" [REG-B]. The
# screening window is the option screening_window_days below ([REG-B] 14 days), stated once.
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
            _("Medical history and liver-failure diagnosis"),
            _("Vital signs"),
            _("Laboratory panels"),
            _("Virology"),
        ),
        forms=(
            "ecrf.medicalhistory",
            "ecrf.liverfailurediagnosis",
            "ecrf.vitalsigns",
            "ecrf.labpanel",
        ),
        panels=(*ROUTINE, Panel.AMMONIA, Panel.LACTATE, Panel.VIROLOGY),
    ),
    Visit(
        "SESSION",
        _("BAL session day"),
        Anchor.EACH_SESSION,
        assessments=(
            _("Pre-session labs"),
            _("BAL session"),
            _("Intra-session vital signs"),
            _("Device performance"),
            _("End-of-session labs"),
            _("Immunogenicity (before first session)"),
        ),
        forms=("ecrf.treatmentsession", "ecrf.labpanel"),
        # Spec §2.10: anti-HLA antibodies and DSA before the first session, FS+14, FS+28.
        panels=(*ROUTINE, Panel.AMMONIA, Panel.LACTATE, Panel.IMMUNOGENICITY),
    ),
    # The labs of spec §1.5; anti-HLA and DSA at FS+14 and FS+28 (§2.10).
    *follow_up_visits(
        {
            1: (*ROUTINE, Panel.AMMONIA, Panel.LACTATE),
            3: (*ROUTINE, Panel.AMMONIA, Panel.LACTATE),
            7: (*ROUTINE, Panel.AMMONIA, Panel.LACTATE, Panel.VIROLOGY),  # HBV DNA
            14: (*ROUTINE, Panel.IMMUNOGENICITY),
            28: (*ROUTINE, Panel.AMMONIA, Panel.LACTATE, Panel.VIROLOGY, Panel.IMMUNOGENICITY),
        },
        end_of_study=("ecrf.disposition",),
    ),
)

# --- BAL sessions (spec §1.6 T1, T3, T5, T6) -----------------------------------------


@declare(
    "QH-DURATION",
    RuleClass.BREACH,
    '[REG-B] "treatment session lasts 4 hours (±15 minutes)"; spec T3',
    "minor",
)
def deviation_duration_outside_window(course: TreatmentCourse) -> list[Finding]:
    """[REG-B] "treatment session lasts 4 hours (±15 minutes)" (6 h, 8 h likewise; the
    multiple-treatment group at the chosen duration ±15 min): net duration outside
    planned ± 15 min is a deviation; the session is still saved (spec T3)."""
    tolerance = course.design.tolerance_minutes or 0
    findings = []
    for session, day in zip(course.sessions, course.session_dates, strict=True):
        low, high = session.planned_minutes - tolerance, session.planned_minutes + tolerance
        if not low <= session.net_minutes <= high:
            findings.append(
                Finding(
                    "QH-DURATION",
                    "session_duration",
                    str(
                        _(
                            "Net duration %(net)d min is outside the planned %(planned)d ± "
                            "%(tol)d min (%(low)d–%(high)d)."
                        )
                        % {
                            "net": session.net_minutes,
                            "planned": session.planned_minutes,
                            "tol": tolerance,
                            "low": low,
                            "high": high,
                        }
                    ),
                    day,
                    session.number,
                )
            )
    return findings


@declare(
    "QH-SINGLE-SESSION",
    RuleClass.BREACH,
    '[REG-B] "will receive a single biological artificial liver treatment"; spec T6, V5',
    "major",
)
def deviation_second_session_in_single_session_cohort(course: TreatmentCourse) -> list[Finding]:
    """[REG-B] "will receive a single biological artificial liver treatment": a second
    session in the 4/6/8-hour groups (spec T6) is recorded as a deviation, not refused,
    because the form records what happened (issue 3)."""
    if course.design.sessions_max != 1:
        return []
    return [
        Finding(
            "QH-SINGLE-SESSION",
            "session_count",
            str(
                _("Session %(n)d in %(arm)s, a single-session cohort.")
                % {"n": session.number, "arm": course.arm.label}
            ),
            day,
            session.number,
        )
        for session, day in zip(course.sessions, course.session_dates, strict=True)
        if session.number > 1
    ]


@declare(
    "QHMT-SESSION-COUNT",
    RuleClass.BREACH,
    '[REG-B] "2-3 treatments at this maximum duration"; spec T5, V5',
    "major",
)
def deviation_multiple_treatment_count(course: TreatmentCourse) -> list[Finding]:
    """[REG-B] "Subjects in the multiple-treatment group will receive 2-3 sessions". A
    session beyond the third took place: it is saved and recorded as a deviation (spec T5:
    breach). Once treatment is over (a disposition is recorded), fewer than 2 sessions
    is a deviation of the course."""
    design = course.design
    if design.sessions_max is None or design.sessions_max <= 1:
        return []
    beyond = [
        Finding(
            "QHMT-SESSION-COUNT",
            "session_count",
            str(
                _("Session %(n)d in %(arm)s, which allows at most %(high)d sessions.")
                % {"n": session.number, "arm": course.arm.label, "high": design.sessions_max}
            ),
            day,
            session.number,
        )
        for session, day in zip(course.sessions, course.session_dates, strict=True)
        if session.number > design.sessions_max
    ]
    count = len(course.sessions)
    if beyond or not course.treatment_over or count >= design.sessions_min:
        return beyond
    day = course.session_dates[-1] if course.session_dates else course.subject.screening_date
    return [
        Finding(
            "QHMT-SESSION-COUNT",
            "session_count",
            str(
                _("%(n)d session(s) given; %(arm)s requires %(low)d to %(high)d.")
                % {
                    "n": count,
                    "arm": course.arm.label,
                    "low": design.sessions_min,
                    "high": design.sessions_max,
                }
            ),
            day,
        )
    ]


@declare(
    "QHMT-INTERVAL",
    RuleClass.BREACH,
    '[REG-B] "with an interval of 3 (±1) days between sessions"; spec T5 (soft + deviation)',
    "minor",
)
def deviation_multiple_treatment_interval(course: TreatmentCourse) -> list[Finding]:
    """[REG-B] "with an interval of 3 (±1) days between sessions": 2 to 4 calendar days
    between consecutive session start dates (spec §1.2, T5: soft + deviation)."""
    if course.design.interval_days is None:
        return []
    low, high = course.design.interval_days
    findings = []
    pairs = zip(course.session_dates, course.session_dates[1:], course.sessions[1:], strict=False)
    for previous, day, session in pairs:
        days = (day - previous).days
        if not low <= days <= high:
            findings.append(
                Finding(
                    "QHMT-INTERVAL",
                    "session_interval",
                    str(
                        _(
                            "%(days)d days between sessions %(a)d and %(b)d; the protocol "
                            "allows %(low)d to %(high)d."
                        )
                        % {
                            "days": days,
                            "a": session.number - 1,
                            "b": session.number,
                            "low": low,
                            "high": high,
                        }
                    ),
                    day,
                    session.number,
                )
            )
    return findings


# Device-performance acceptance criteria (spec §2.8.2–2.8.3). The registry names a
# "predefined device performance pass rate" but not the criteria (spec O1): these are
# sponsor-defined [PROP] and must be confirmed before go-live.
DEVICE_CRITERIA = (
    DeviceCriterion("BLOOD_PUMP", _("Blood pump delivered the set flow throughout")),
    DeviceCriterion("TMP", _("Transmembrane pressure stayed within the sponsor's limit")),
    DeviceCriterion("BIOREACTOR_TEMP", _("Bioreactor temperature held at 37 ± 1 °C")),
    DeviceCriterion("NO_CLOTTING", _("No visible clotting in the circuit")),
    DeviceCriterion("NO_BLOOD_LEAK", _("Blood-leak detector not triggered")),
    DeviceCriterion("NO_CELL_LEAK", _("No cell leakage detected in returned plasma")),
)

OPTIONS = StudyOptions(
    screening_window_days=14,  # [REG-B] "screened within 14 days before their first treatment"
    max_sessions=3,  # [REG-B] 1 session (4/6/8 h), 2-3 in the multiple-treatment group
    # [REG-B] "based on safety data from a 28-day observation period, which will be
    # reviewed by a Safety Evaluation Committee"; "completed their 4-week follow-up".
    committee_observation_days=28,
)

PROTOCOL = Protocol(
    registry_id="NCT06996392",
    title="Phase I Trial of QH-1A Hybrid Bio-Artificial Liver With Ex Vivo Blood-Purifying "
    "MSCs in Acute-on-Chronic Liver Failure",
    phase="PHASE1",
    target_enrolment=15,  # [REG-B] "15 participants"
    sponsor="Third Affiliated Hospital, Sun Yat-Sen University",
    arms=ARMS,
    criteria=CRITERIA,
    visits=VISITS,
    options=OPTIONS,
    age_range=AGE_RANGE,
    registration_form="studies.qh1a.forms.RegistrationForm",
    session_rules=(
        rule_session_after_consent,  # ICH GCP; spec T2
        rule_session_after_enrolment,  # spec V1
        rule_planned_duration_set,  # spec T8: QHMT waits for the committee's duration
    ),
    deviation_rules=(
        deviation_first_session_outside_screening_window,  # [REG-B] "within 14 days"; T1
        deviation_duration_outside_window,  # [REG-B] "(±15 minutes)"; spec T3
        deviation_second_session_in_single_session_cohort,  # [REG-B] "single"; spec T6
        deviation_multiple_treatment_count,  # [REG-B] "2-3 sessions"; spec T5
        deviation_multiple_treatment_interval,  # [REG-B] "3 (±1) days"; spec T5
    ),
    device_criteria=DEVICE_CRITERIA,
    # [REG-B] "sequential escalation ... reviewed by a Safety Evaluation Committee".
    safety_committee=True,
    endpoints=(
        # [REG-B] "Does the combined therapy improve the 28-day survival rate after the
        # final treatment?"; transplant-free survival as secondary (spec §1.4, §3.7).
        Endpoint.SURVIVAL_FS28,
        Endpoint.TRANSPLANT_FREE_FS28,
        # [REG-B] "Does the QH-1A device in its HBAL mode consistently achieve the
        # predefined device performance pass rate?"
        Endpoint.DEVICE_PASS_RATE,
        # [REG-B] "Do patients show significant improvements in their biochemical markers
        # following treatment?"
        Endpoint.LAB_CHANGE,
        # Registry outcome "Incidence of adverse events and serious adverse events",
        # time frame 28-day (spec §1.4).
        Endpoint.AE_INCIDENCE,
        # [REG-B] "What is the immunogenicity profile of the mesenchymal stem cells used
        # for blood purification?" (spec §2.10: anti-HLA I/II, DSA).
        Endpoint.IMMUNOGENICITY,
    ),
    ae_window_days=28,  # registry outcome time frame "28-day" (spec §1.4)
    # [REG-B] IN01 "Patients with acute-on-chronic liver failure, diagnosed according to the
    # - - Guideline for diagnosis and treatment of liver failure (2024 version)".
    liver_failure_categories=("ACLF",),
    required_guideline="CN2024",
    # [REG-B] EX03 and EX04, checked softly against the medical history (spec §2.3).
    history_rules=(rule_ex03_cardiovascular_history, rule_ex04_malignancy_history),
    enrolment_rules=(
        rule_consent_recorded,  # ICH GCP; spec §2.1
        rule_enrolment_after_screening,  # ICH GCP 4.8.8; spec T2, §2.2
        rule_all_criteria_met,  # [REG-B] eligibility criteria, IN-AGE 18–65; spec §2.2, V2
        rule_screening_window,  # [REG-B] "within 14 days before their first treatment"
        rule_cohort_open,  # [REG-B] sequential escalation reviewed by the SEC
        rule_cohort_capacity,  # [REG-B] 3/3/3/6
    ),
    # SDTM EX and TS (spec §6 "BAL session — cell exposure", "Trial design"; §1.1).
    sdtm_treatment="QH-1A HYBRID BAL WITH IMMORTALIZED MSC",
    trial_summary=(
        ("STYPE", "INTERVENTIONAL"),  # [REG-B] interventional
        ("INTMODEL", "SEQUENTIAL"),  # [REG-B] sequential; spec §6 "check CT"
        ("RANDOM", "N"),  # [REG-B] non-randomised
        ("TBLIND", "OPEN LABEL"),  # [REG-B] no masking
        ("ADDON", "Y"),  # [REG-B] added to standard care
        ("SEXPOP", "BOTH"),  # [REG-B] sex ALL
        ("HLTSUBJI", "N"),  # [REG-B] no healthy volunteers
    ),
)

# Issue 21: the protocol's versions, oldest first (ecrf/versions.py). 1.0 is the protocol
# as registered, dated by the registry record's "Last Updated"
# (shared/protocol/NCT06996392-qh-1a.txt).
# Published: its fingerprint is recorded here, and `manage.py check` fails when the
# declaration drifts from it. An amendment is a further ProtocolVersion, never an edit.
VERSIONS = (
    ProtocolVersion(
        "1.0",
        dt.date(2025, 5, 30),
        "As registered.",
        PROTOCOL,
        fingerprint="81f3e25d1fe9e3c4",
    ),
)
