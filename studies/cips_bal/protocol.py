"""NCT07312864: Safety and tolerability study of a novel bioartificial liver (CiPS-BAL)
in liver failure and small-for-size syndrome (Beijing).

[REG-A] is the registry text (shared/protocol/NCT07312864-cips-bal.txt); §n is
crf-domain-spec.md. The registry sets no age limits, no screening window and no number
of sessions; those are [PROP] options a study may change.
"""

from django.utils.translation import gettext_lazy as _

from ecrf.protocol import (
    Anchor,
    Arm,
    Criterion,
    CriterionKind,
    Protocol,
    StudyOptions,
    Visit,
    rule_all_criteria_met,
    rule_cohort_capacity,
    rule_cohort_open,
    rule_consent_recorded,
    rule_screening_window,
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
    Criterion("EX03", EXC, "Pregnant or breastfeeding women"),
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

VISITS = (
    Visit(
        "SCR",
        _("Screening"),
        Anchor.FIRST_SESSION,
        day=-7,
        window_before=0,
        window_after=6,
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
    ),
    Visit(
        "SESSION",
        _("BAL session day"),
        Anchor.EACH_SESSION,
        day=0,
        assessments=(
            _("Pre-session labs"),
            _("BAL session"),
            _("Cell dose"),
            _("Intra-session vital signs"),
            _("End-of-session labs"),
        ),
    ),
)

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
    enrolment_rules=(
        rule_consent_recorded,  # ICH GCP; spec §2.1
        rule_all_criteria_met,  # [REG-A] eligibility criteria; spec §2.2
        rule_screening_window,  # [PROP] option screening_window_days
        rule_cohort_open,  # the single arm opens at study start
        rule_cohort_capacity,  # [REG-A] 12 participants
    ),
)
