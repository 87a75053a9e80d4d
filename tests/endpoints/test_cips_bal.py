"""CiPS-BAL uses the QH-1A definitions where its registry allows (spec §1.4, O9): survival
and transplant-free survival at FS+28, lab change, and TEAE incidence with no end date
(the registry gives no time frame); no device pass rate or immunogenicity."""

from ecrf.endpoints import Survival, Unknown, study_endpoints
from ecrf.protocol import Endpoint
from tests.endpoints.conftest import T, day, dispose, transplant


def compute(study):
    return study_endpoints(study, study.sites.all(), today=T)


def status(summary, subject):
    row = {r.course.subject: r for r in summary.rows}[subject]
    return row.status, row.reason


def test_cips_declares_its_registry_endpoints(cips):
    declared = set(cips.protocol.endpoints)
    assert Endpoint.DEVICE_PASS_RATE not in declared
    assert Endpoint.IMMUNOGENICITY not in declared
    endpoints = compute(cips)
    assert endpoints.device is None and endpoints.dsa == [] and endpoints.ae.window_days is None


def test_unknown_says_lost_withdrawn_or_not_recorded(cips, treated):
    lost, withdrew, silent = (treated(cips, 30) for _ in range(3))  # FS+28 = T-2
    dispose(lost, "lost", 10, last_known_alive=day(15))
    dispose(withdrew, "withdrew", 12, last_known_alive=day(12))
    survival = compute(cips).survival
    assert status(survival, lost) == (Survival.UNKNOWN, Unknown.LOST)
    assert status(survival, withdrew) == (Survival.UNKNOWN, Unknown.WITHDRAWN)
    assert status(survival, silent) == (Survival.UNKNOWN, Unknown.NOT_RECORDED)
    assert day(15).isoformat() in {r.course.subject: r for r in survival.rows}[lost].note
    assert survival.rate == 0


def test_alive_from_completed_follow_up_or_a_death_after_fs28(cips, treated, died):
    completed, late_death = treated(cips, 40), treated(cips, 40)  # FS+28 = T-12
    dispose(completed, "completed", 11, survival_status_fs28="alive", last_known_alive=day(11))
    died(late_death, 9, survival="alive")  # FS+31: alive at FS+28 (spec §2.14)
    endpoints = compute(cips)
    assert status(endpoints.survival, completed) == (Survival.ALIVE, "")
    assert status(endpoints.survival, late_death) == (Survival.ALIVE, "")
    assert status(endpoints.transplant_free, late_death) == (Survival.EVENT_FREE, "")
    assert endpoints.survival.rate == 100


def test_transplant_recorded_only_as_a_procedure_is_an_event(cips, treated):
    subject = treated(cips, 20, 17)  # two sessions: FS = T-17, Day 1 = T-20
    transplant(subject, 12)
    row = {r.course.subject: r for r in compute(cips).transplant_free.rows}[subject]
    assert (row.status, row.event, row.fs_day, row.study_day) == (
        Survival.EVENT,
        "transplant",
        5,
        9,
    )


def test_teae_without_end_date_and_enrolled_untreated_not_counted(
    cips, treated, make_subject, report_ae
):
    subject = treated(cips, 60)
    make_subject(cips, "enrolled")  # no session: not in the denominators
    report_ae(subject, onset_date=day(5), resolved_date=day(5))  # FS+55
    endpoints = compute(cips)
    assert endpoints.not_treated == 1
    assert (endpoints.ae.total.treated, endpoints.ae.total.events) == (1, 1)


def test_manage_py_check_refuses_a_pass_rate_without_device_criteria(cips):
    import dataclasses

    from ecrf.checks import protocol_errors

    broken = dataclasses.replace(
        cips.protocol, endpoints=(Endpoint.DEVICE_PASS_RATE, "overall_cure"), ae_window_days=0
    )
    problems = protocol_errors(broken)
    assert "unknown endpoints: overall_cure" in problems
    assert "the device pass rate needs device criteria" in problems
    assert "the AE incidence window must be at least one day" in problems
