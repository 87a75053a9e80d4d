"""NCT06996392: Phase I trial of the QH-1A hybrid bio-artificial liver with ex vivo
blood-purifying MSCs in acute-on-chronic liver failure (Guangzhou).

Every fact below cites its source: [REG-B] is the registry text
(shared/protocol/NCT06996392-qh-1a.txt), §n is crf-domain-spec.md.
"""

from django.utils.translation import gettext_lazy as _

from ecrf.protocol import (
    Anchor,
    Arm,
    Criterion,
    CriterionKind,
    EnrolmentCase,
    Protocol,
    Refusal,
    StudyOptions,
    Visit,
    age_at,
    rule_all_criteria_met,
    rule_cohort_capacity,
    rule_cohort_open,
    rule_consent_recorded,
    rule_screening_window,
)

INC, EXC = CriterionKind.INCLUSION, CriterionKind.EXCLUSION

# [REG-B] "4-hour group (3 patients) ... Multiple-treatment group (6 patients)";
# each single-session group is 4/6/8 hours (±15 minutes); the multiple-treatment group
# has "2-3 treatments at this maximum duration, with an interval of 3 (±1) days".
ARMS = (
    Arm(
        "QH4H",
        "4-hour group",
        3,
        planned_minutes=240,
        tolerance_minutes=15,
        opens_at_study_start=True,
    ),
    Arm("QH6H", "6-hour group", 3, planned_minutes=360, tolerance_minutes=15),
    Arm("QH8H", "8-hour group", 3, planned_minutes=480, tolerance_minutes=15),
    Arm(
        "QHMT",
        "Multiple-treatment group",
        6,
        planned_minutes=None,
        tolerance_minutes=15,
        sessions_min=2,
        sessions_max=3,
        interval_days=(2, 4),
    ),
)

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
    Criterion("IN-AGE", INC, "18 Years - 65 Years", derived=True),
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

AGE_RANGE = (18, 65)  # [REG-B] structured fields "18 Years", "65 Years"


def rule_age_at_consent(case: EnrolmentCase) -> Refusal | None:
    """[REG-B] "18 Years / 65 Years": age at consent 18–65 inclusive (spec V2, IN-AGE)."""
    subject = case.subject
    age = age_at(subject.date_of_birth, subject.consent_date)
    low, high = AGE_RANGE
    if not low <= age <= high:
        return Refusal(
            "IN-AGE",
            _(
                "Age at consent is %(age)d years; inclusion criterion IN-AGE requires "
                "%(low)d to %(high)d years."
            )
            % {"age": age, "low": low, "high": high},
        )
    return None


# Schedule of assessments (spec §1.5). Follow-up days are counted from the final
# session because QH-1A counts survival "28 days after the final treatment" [REG-B].
VISITS = (
    Visit(
        "SCR",
        _("Screening"),
        Anchor.FIRST_SESSION,
        day=-14,
        window_before=0,
        window_after=13,
        assessments=(
            _("Informed consent"),
            _("Eligibility"),
            _("Demographics"),
            _("Medical history and liver-failure diagnosis"),
            _("Vital signs"),
            _("Laboratory panels"),
            _("Virology"),
        ),
    ),
    Visit(
        "SESSION",
        _("BAL session day"),
        Anchor.EACH_SESSION,
        day=0,
        assessments=(
            _("Pre-session labs"),
            _("BAL session"),
            _("Intra-session vital signs"),
            _("Device performance"),
            _("End-of-session labs"),
            _("Immunogenicity (before first session)"),
        ),
    ),
)

OPTIONS = StudyOptions(
    screening_window_days=14,  # [REG-B] "screened within 14 days before their first treatment"
    max_sessions=3,  # [REG-B] 1 session (4/6/8 h), 2-3 in the multiple-treatment group
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
    enrolment_rules=(
        rule_consent_recorded,  # ICH GCP; spec §2.1
        rule_all_criteria_met,  # [REG-B] eligibility criteria; spec §2.2
        rule_age_at_consent,  # [REG-B] 18–65 years
        rule_screening_window,  # [REG-B] "within 14 days before their first treatment"
        rule_cohort_open,  # [REG-B] sequential escalation reviewed by the SEC
        rule_cohort_capacity,  # [REG-B] 3/3/3/6
    ),
)
