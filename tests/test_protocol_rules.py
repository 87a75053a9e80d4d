"""Each screening and enrolment rule, quoting the protocol text it enforces."""

import dataclasses
import datetime as dt

import pytest

from ecrf import actions
from ecrf.actions import ProtocolRefusal
from ecrf.checks import protocol_errors
from ecrf.models import Subject, SubjectStatus
from ecrf.protocol import EnrolmentCase, age_at, get_protocol, rule_consent_recorded
from tests.conftest import TODAY, amend_options, eligible_answers

pytestmark = pytest.mark.django_db


def enrol(subject, arm_code, first=None):
    return actions.subject_enrol(
        subject=subject,
        arm=subject.study.arms.get(code=arm_code),
        by=subject.created_by,
        enrolment_date=TODAY,
        planned_first_treatment=first or TODAY + dt.timedelta(days=2),
    )


def refused_rules(excinfo) -> list[str]:
    return [r.rule for r in excinfo.value.refusals]


def born_years_before_consent(years, days=0):
    consent = TODAY - dt.timedelta(days=2)
    return consent.replace(year=consent.year - years) + dt.timedelta(days=days)


# --- Eligibility (spec §2.2: eligible only if every inclusion = Y and every exclusion = N)


def test_inclusion_not_met_refuses_enrolment(qh1a, make_subject):
    # [REG-B] IN01 "Patients with acute-on-chronic liver failure, diagnosed according to ..."
    subject = make_subject(qh1a)
    answers = eligible_answers(qh1a) | {"IN01": False}
    result = actions.eligibility_record(subject=subject, answers=answers, by=subject.created_by)
    assert not result.eligible and [r.rule for r in result.refusals] == ["IN01"]
    with pytest.raises(ProtocolRefusal) as excinfo:
        enrol(subject, "QH4H")
    assert refused_rules(excinfo) == ["ELIGIBILITY"]
    assert "IN01" in str(excinfo.value)


def test_exclusion_present_refuses_enrolment(cips, make_subject):
    # [REG-A] EX03 "Pregnant or breastfeeding women"
    subject = make_subject(
        cips, sex="F", childbearing_potential=True, pregnancy_test="positive", breastfeeding=False
    )
    answers = eligible_answers(cips) | {"EX03": True}
    actions.eligibility_record(subject=subject, answers=answers, by=subject.created_by)
    with pytest.raises(ProtocolRefusal) as excinfo:
        enrol(subject, "CIPSBAL")
    assert "EX03" in str(excinfo.value)


def test_unanswered_criterion_refuses_enrolment(cips, make_subject):
    # Spec §2.2: "One row per criterion, all rows pre-populated"; every answer is required.
    subject = make_subject(cips)
    partial = {"IN01": True, "EX01": False}
    result = actions.eligibility_record(subject=subject, answers=partial, by=subject.created_by)
    assert not result.complete and "EX02" in result.unanswered
    with pytest.raises(ProtocolRefusal):
        enrol(subject, "CIPSBAL")


def test_eligible_subject_is_enrolled(cips, make_subject):
    subject = make_subject(cips, "eligible")
    enrolment = enrol(subject, "CIPSBAL")
    subject.refresh_from_db()
    assert subject.status == SubjectStatus.ENROLLED and enrolment.arm.code == "CIPSBAL"


# --- QH-1A age: [REG-B] structured eligibility "18 Years" / "65 Years" ---------------


@pytest.mark.parametrize(
    "years, days, allowed",
    [(17, 0, False), (18, 0, True), (65, 0, True), (66, 0, False), (65, -365, False)],
)
def test_qh1a_age_at_consent_18_to_65(qh1a, make_subject, years, days, allowed):
    # [REG-B] "18 Years 65 Years": age at consent 18-65 inclusive (spec V2).
    subject = make_subject(qh1a, "eligible", date_of_birth=born_years_before_consent(years, days))
    if allowed:
        enrol(subject, "QH4H")
    else:
        with pytest.raises(ProtocolRefusal) as excinfo:
            enrol(subject, "QH4H")
        assert refused_rules(excinfo) == ["ELIGIBILITY"]
        assert "IN-AGE" in str(excinfo.value.refusals[0].message)
        # Issue 18 item 4: the checklist itself no longer says "eligible".
        assert [r.rule for r in actions.eligibility_of(subject).refusals] == ["IN-AGE"]


def test_cips_has_no_age_limit(cips, make_subject):
    # [REG-A] gives no minimum or maximum age (spec §1.3 "no minimum/maximum age").
    subject = make_subject(cips, "eligible", date_of_birth=born_years_before_consent(80))
    enrol(subject, "CIPSBAL")


def test_age_is_completed_years_by_calendar():
    # Spec §2.1: "Completed years on the consent date (birthday-based calendar arithmetic)".
    assert age_at(dt.date(1960, 11, 22), dt.date(2026, 11, 21)) == 65
    assert age_at(dt.date(1960, 11, 22), dt.date(2026, 11, 22)) == 66
    assert age_at(dt.date(2000, 2, 29), dt.date(2018, 2, 28)) == 17


# --- QH-1A screening window: [REG-B] "screened within 14 days before their first treatment"


@pytest.mark.parametrize(
    "days_after_screening, allowed", [(1, True), (14, True), (15, False), (0, False)]
)
def test_qh1a_screening_within_14_days_before_first_treatment(
    qh1a, make_subject, days_after_screening, allowed
):
    subject = make_subject(qh1a, "eligible", screening_date=TODAY, consent_date=TODAY)
    first = TODAY + dt.timedelta(days=days_after_screening)
    if allowed:
        enrol(subject, "QH4H", first=first)
    else:
        with pytest.raises(ProtocolRefusal) as excinfo:
            enrol(subject, "QH4H", first=first)
        assert refused_rules(excinfo) == ["SCREENING-WINDOW"]


def test_cips_screening_window_is_a_study_option(cips, make_subject):
    # [PROP] spec §1.5 "CiPS window to be set, e.g. ≤ 7 days": default 7, changeable per study.
    subject = make_subject(cips, "eligible", screening_date=TODAY, consent_date=TODAY)
    with pytest.raises(ProtocolRefusal):
        enrol(subject, "CIPSBAL", first=TODAY + dt.timedelta(days=10))
    # Issue 21: a change of options is a new protocol version; a subject screened under
    # it is judged by it, one screened before stays on theirs.
    amend_options(cips, {"screening_window_days": 10})
    later = make_subject(cips, "eligible", screening_date=TODAY, consent_date=TODAY)
    enrol(later, "CIPSBAL", first=TODAY + dt.timedelta(days=10))
    with pytest.raises(ProtocolRefusal):
        enrol(subject, "CIPSBAL", first=TODAY + dt.timedelta(days=10))


# --- Cohort capacity: [REG-B] "4-hour group (3 patients) ..."; [REG-A] "12 participants"


def test_qh1a_4_hour_cohort_takes_3_subjects(qh1a, make_subject):
    for _ in range(3):
        make_subject(qh1a, "enrolled")
    fourth = make_subject(qh1a, "eligible")
    with pytest.raises(ProtocolRefusal) as excinfo:
        enrol(fourth, "QH4H")
    assert refused_rules(excinfo) == ["COHORT-CAPACITY"]


def test_cips_arm_takes_12_subjects(cips, make_subject):
    for _ in range(12):
        make_subject(cips, "enrolled")
    with pytest.raises(ProtocolRefusal) as excinfo:
        enrol(make_subject(cips, "eligible"), "CIPSBAL")
    assert refused_rules(excinfo) == ["COHORT-CAPACITY"]


def test_capacities_are_3_3_3_6_and_12(qh1a, cips):
    assert [(a.code, a.capacity) for a in qh1a.arms.all()] == [
        ("QH4H", 3),
        ("QH6H", 3),
        ("QH8H", 3),
        ("QHMT", 6),
    ]
    assert [(a.code, a.capacity) for a in cips.arms.all()] == [("CIPSBAL", 12)]


# --- Cohort gate: [REG-B] "sequential escalation ... reviewed by a Safety Evaluation Committee"


def test_only_the_4_hour_cohort_is_open_at_study_start(qh1a):
    assert list(qh1a.arms.filter(is_open=True).values_list("code", flat=True)) == ["QH4H"]


def test_closed_cohort_refuses_enrolment_until_opened(qh1a, make_subject):
    subject = make_subject(qh1a, "eligible")
    with pytest.raises(ProtocolRefusal) as excinfo:
        enrol(subject, "QH6H")
    assert refused_rules(excinfo) == ["COHORT-OPEN"]
    qh1a.arms.filter(code="QH6H").update(is_open=True)  # a committee decision, later issue
    subject.refresh_from_db()
    assert enrol(subject, "QH6H").arm.code == "QH6H"


def test_protocol_sync_keeps_a_cohort_opened_later(qh1a):
    qh1a.arms.filter(code="QH6H").update(is_open=True)
    actions.protocol_sync(study_package="studies.qh1a")
    assert qh1a.arms.get(code="QH6H").is_open


# --- Consent: ICH GCP 4.8.8, spec §2.1 "Informed consent date/time ... R" ------------


def test_no_enrolment_without_consent(qh1a, make_subject):
    subject = make_subject(qh1a, "eligible")
    subject.consent_version = ""
    case = EnrolmentCase(
        subject=subject,
        arm=qh1a.arms.first(),
        enrolled_in_arm=0,
        eligibility={},
        enrolment_date=TODAY,
        planned_first_treatment=TODAY,
        options=qh1a.effective_options,
        cohort_open=True,
        capacity=3,
    )
    assert rule_consent_recorded(case).rule == "CONSENT"


@pytest.mark.parametrize("study_name", ["qh1a", "cips"])
def test_enrolment_cannot_precede_screening(request, study_name, make_subject):
    # ICH GCP 4.8.8 and spec T2: consent precedes every study procedure; spec §2.2: the
    # subject is enrolled once screened eligible. (Found by the fuzz tests, issue 7.)
    from ecrf.actions import ProtocolRefusal, subject_enrol

    study = request.getfixturevalue(study_name)
    subject = make_subject(study, "eligible")
    with pytest.raises(ProtocolRefusal) as refused:
        subject_enrol(
            subject=subject,
            arm=study.arms.get(is_open=True, order=1),
            by=subject.created_by,
            enrolment_date=subject.screening_date - dt.timedelta(days=1),
            planned_first_treatment=TODAY + dt.timedelta(days=1),
            reason="Entered after the fact",
        )
    assert [(r.rule, r.field) for r in refused.value.refusals] == [
        ("ENROLMENT-DATE", "enrolment_date")
    ]


def test_screening_cannot_precede_consent(qh1a, make_subject):
    # Spec T2: "Consent date/time ≤ date/time of every study-specific procedure."
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError) as excinfo:
        make_subject(qh1a, consent_date=TODAY, screening_date=TODAY - dt.timedelta(days=1))
    assert "screening_date" in excinfo.value.message_dict


# --- Status rules ----------------------------------------------------------------------


def test_screen_failed_subject_cannot_be_enrolled(qh1a, make_subject):
    subject = make_subject(qh1a, "screen_failed")
    with pytest.raises(ProtocolRefusal) as excinfo:
        enrol(subject, "QH4H")
    assert refused_rules(excinfo) == ["STATUS"]


def test_screening_numbers_follow_the_site_sequence(qh1a, make_subject):
    # Spec §2 [PROP]: subject ID "<site>-<3-digit sequence>", e.g. SYSU3-001.
    first, second = make_subject(qh1a), make_subject(qh1a)
    assert (first.screening_number, second.screening_number) == ("SYSU3-001", "SYSU3-002")


def test_the_thousandth_and_first_subject_gets_a_new_number(qh1a, make_subject):
    # Sorted as text, SYSU3-999 would come after SYSU3-1000 and 1000 be given again.
    subject = make_subject(qh1a)
    Subject.all_objects.filter(pk=subject.pk).update(screening_number="SYSU3-999")
    make_subject(qh1a)  # SYSU3-1000
    assert make_subject(qh1a).screening_number == "SYSU3-1001"


# --- Declarations: `manage.py check` validates each protocol -------------------------


@pytest.mark.parametrize("package", ["studies.cips_bal", "studies.qh1a"])
def test_protocol_declarations_are_valid(package):
    assert protocol_errors(get_protocol(package)) == []


def test_check_reports_a_broken_declaration():
    protocol = get_protocol("studies.qh1a")
    broken = dataclasses.replace(protocol, target_enrolment=16, arms=protocol.arms[1:])
    problems = protocol_errors(broken)
    assert "arm capacities do not add up to the target enrolment" in problems
    assert "no arm opens at study start" in problems


def test_criteria_are_verbatim_from_the_registry():
    # Spec §1.3: "Text below is verbatim from the seed files (including the "- -" artefact)".
    from pathlib import Path

    registry = Path(__file__).resolve().parents[2] / "shared" / "protocol"
    if not registry.exists():
        pytest.skip("shared/protocol is not beside the checkout")
    for package, filename in [
        ("studies.qh1a", "NCT06996392-qh-1a.txt"),
        ("studies.cips_bal", "NCT07312864-cips-bal.txt"),
    ]:
        text = (registry / filename).read_text()
        for criterion in get_protocol(package).asked_criteria:
            assert criterion.text in text, criterion.code


# --- Rule classes (issue 18; spec conventions "Gate / breach", revised 2026-12-07) -------


@pytest.mark.parametrize("package", ["studies.qh1a", "studies.cips_bal"])
def test_every_rule_declares_its_class_severity_and_source(package):
    # Issue 18: "Each rule declares its class and severity in its protocol module."
    from ecrf.protocol import RuleClass

    protocol = get_protocol(package)
    for group in (protocol.enrolment_rules, protocol.session_rules, protocol.deviation_rules):
        for rule in group:
            declaration = rule.declaration
            assert declaration.kind in RuleClass.values and declaration.source
            assert (declaration.severity == "") == (declaration.kind == RuleClass.IMPOSSIBLE)
    # The breach rules are the deviation rules: run over what happened, never refusing.
    assert all(r.declaration.kind == RuleClass.BREACH for r in protocol.deviation_rules)


@pytest.mark.parametrize("package", ["studies.qh1a", "studies.cips_bal"])
def test_sessions_labs_aes_and_follow_up_have_no_gate_rules(package):
    # Issue 18: "Sessions, labs, AEs and follow-up forms have no gate rules: what happened
    # can always be entered." Spec conventions: a breach "is always saved".
    from ecrf.protocol import RuleClass

    for where, declaration in get_protocol(package).rules():
        if where != "enrolment":
            assert declaration.kind != RuleClass.GATE, (where, declaration.code)


def test_the_readme_lists_every_rule_as_the_protocol_modules_declare_it():
    # Issue 18: "A README table lists every rule with its class, severity and source ...
    # generated from the protocol modules, or a test checks it against them."
    from pathlib import Path

    from django.conf import settings

    from ecrf.protocol import rules_table

    readme = (Path(settings.BASE_DIR) / "README.md").read_text()
    start = readme.index("<!-- rules table: manage.py rules_table -->\n")
    end = readme.index("<!-- end of rules table -->")
    copy = readme[start:end].split("\n", 1)[1]
    # The README documents production's studies, not the suite's made-up third.
    from ecrf import settings as production

    table = rules_table(production.ECRF_STUDIES)
    assert copy == table, "README rules table is stale: run manage.py rules_table"


def test_spec_revises_the_hard_timing_rules_to_gate_or_breach():
    # Issue 18: the spec's "Hard" on T1, T5, T6, V3, V5 and V7 "was revised to gate or
    # breach, and its conventions table defines both": docs/rules.md keeps that copy.
    from pathlib import Path

    from django.conf import settings

    rules = (Path(settings.BASE_DIR) / "docs" / "rules.md").read_text()
    for code in ("T1", "T5", "T6", "V3", "V5", "V7"):
        line = next(line for line in rules.splitlines() if line.startswith(f"| {code} |"))
        assert "gate" in line or "breach" in line
    assert "| **Gate** |" in rules and "| **Breach** |" in rules
