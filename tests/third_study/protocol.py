"""NCT99999993: a MADE-UP third BAL study for the test suite (issue 20 item 3). Nothing here
comes from a registry: it differs from the two real trials on purpose, to show that the
schedule, the device checks and a field of its own come from this package alone.

- one arm of two 5-hour sessions, 1 to 3 days apart;
- a 10-day screening window;
- its own schedule: screening, each session (liver panel and ammonia), and follow-up on
  days 2 and 21 after the final session, not the FS+1/3/7/14/28 of the real trials;
- its own device checks (two criteria) and a device pass-rate endpoint;
- its own field: the bioreactor's ammonia clearance in each session (models.py).
"""

import datetime as dt

from ecrf.lab_catalogue import Panel
from ecrf.protocol import (
    Anchor,
    Arm,
    Criterion,
    CriterionKind,
    DeviceCriterion,
    Endpoint,
    Protocol,
    ProtocolVersion,
    StudyOptions,
    Visit,
    deviation_first_session_outside_screening_window,
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

ARMS = (
    Arm(
        "T3TWO",
        "Two-session arm (made up)",
        4,
        planned_minutes=300,
        tolerance_minutes=30,
        sessions_min=2,
        sessions_max=2,
        interval_days=(1, 3),
        opens_at_study_start=True,
    ),
)

CRITERIA = (
    Criterion("IN01", CriterionKind.INCLUSION, "Liver failure needing extracorporeal support."),
    Criterion("EX01", CriterionKind.EXCLUSION, "Uncontrolled bleeding."),
)

VISITS = (
    Visit(
        "SCR",
        "Screening",
        Anchor.SCREENING,
        assessments=("Informed consent", "Eligibility", "Liver-failure diagnosis"),
        forms=("ecrf.liverfailurediagnosis", "ecrf.vitalsigns", "ecrf.labpanel"),
        panels=(Panel.LIVER, Panel.COAGULATION),
    ),
    Visit(
        "SESSION",
        "BAL session day",
        Anchor.EACH_SESSION,
        assessments=("BAL session", "Device checks", "Ammonia clearance"),
        forms=("ecrf.treatmentsession", "ecrf.labpanel"),
        panels=(Panel.LIVER, Panel.AMMONIA),
    ),
    Visit(
        "FS+2",
        "Day 2 after the final session",
        Anchor.FINAL_SESSION,
        day=2,
        window_after=1,
        forms=("ecrf.vitalsigns", "ecrf.labpanel"),
        panels=(Panel.LIVER, Panel.AMMONIA),
    ),
    Visit(
        "FS+21",
        "Day 21 after the final session",
        Anchor.FINAL_SESSION,
        day=21,
        window_before=2,
        window_after=2,
        forms=("ecrf.vitalsigns", "ecrf.labpanel", "ecrf.disposition"),
        panels=(Panel.LIVER, Panel.COAGULATION),
    ),
)

DEVICE_CRITERIA = (
    DeviceCriterion("OXYGENATOR", "Oxygenator gas flow held at the set rate"),
    DeviceCriterion("NO_HAEMOLYSIS", "No haemolysis at the plasma separator"),
)

PROTOCOL = Protocol(
    registry_id="NCT99999993",
    title="Made-up third BAL study (test suite only, not a registered trial)",
    phase="PHASE1",
    target_enrolment=4,
    sponsor="None: made up for the test suite",
    arms=ARMS,
    criteria=CRITERIA,
    visits=VISITS,
    options=StudyOptions(screening_window_days=10, max_sessions=2),
    session_form="tests.third_study.forms.SessionForm",
    session_rules=(
        rule_session_after_consent,
        rule_session_after_enrolment,
        rule_planned_duration_set,
    ),
    deviation_rules=(deviation_first_session_outside_screening_window,),
    device_criteria=DEVICE_CRITERIA,
    endpoints=(Endpoint.DEVICE_PASS_RATE,),
    enrolment_rules=(
        rule_consent_recorded,
        rule_enrolment_after_screening,
        rule_all_criteria_met,
        rule_screening_window,
        rule_cohort_open,
        rule_cohort_capacity,
    ),
    sdtm_treatment="MADE-UP BAL",
    trial_summary=(("STYPE", "INTERVENTIONAL"),),
)

# Published, as the real trials' 1.0 (manage.py protocol_fingerprint tests.third_study 1.0,
# under tests.settings).
VERSIONS = (
    ProtocolVersion(
        "1.0", dt.date(2025, 12, 31), "Made up.", PROTOCOL, fingerprint="498ad994711d5015"
    ),
)
