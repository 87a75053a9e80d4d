"""QH-1A endpoints on a hand-worked 4-hour cohort (spec §1.4, §3.7; [REG-B]).

T is the site's today. Three subjects of QH4H, one session each:
  A: session T-40 (FS+28 = T-12); fatal hepatic failure and death on T-20 = FS+20.
  B: session T-35 (FS+28 = T-7); liver transplantation on T-25 = FS+10; alive at FS+28.
  C: session T-10 (FS+28 = T+18); nothing else: FS+28 not yet reached.
"""

from decimal import Decimal

import pytest

from ecrf import scores
from ecrf.endpoints import Survival, Unknown, study_endpoints
from ecrf.models import DeviceCheck
from tests.adverse_events.conftest import HYPOTENSION
from tests.endpoints.conftest import T, at, clinical_status, day, dispose, panel


@pytest.fixture
def cohort(qh1a, treated, died, report_ae):
    a, b, c = (treated(qh1a, k) for k in (40, 35, 10))
    died(a, 20)
    dispose(
        b,
        "transplanted",
        25,
        transplant_date=day(25),
        survival_status_fs28="alive",
        last_known_alive=day(5),
    )
    # A grade 2 hypotension the day after B's session; a fever before A's treatment
    # (after consent) is not treatment-emergent.
    report_ae(
        b,
        ctcae_code=HYPOTENSION,
        verbatim_term="Hypotension",
        grade=2,
        onset_date=day(34),
        resolved_date=day(34),
    )
    report_ae(a, onset_date=day(45), resolved_date=day(45))
    return a, b, c


def rows_by_subject(summary):
    return {row.course.subject: row for row in summary.rows}


def compute(study):
    return study_endpoints(study, study.sites.all(), today=T)


def test_death_on_fs20_counts_as_dead_by_fs28(cohort, qh1a):
    a, b, c = cohort
    survival = rows_by_subject(compute(qh1a).survival)
    assert survival[a].status == Survival.DEAD
    assert survival[a].event_date == day(20)
    # Day 1 is T-40, so T-20 is study day 21; and 20 days after the final session.
    assert (survival[a].study_day, survival[a].fs_day) == (21, 20)


def test_transplanted_subject_alive_but_a_transplant_free_event(cohort, qh1a):
    a, b, c = cohort
    endpoints = compute(qh1a)
    assert rows_by_subject(endpoints.survival)[b].status == Survival.ALIVE
    row = rows_by_subject(endpoints.transplant_free)[b]
    assert (row.status, row.event, row.event_date) == (Survival.EVENT, "transplant", day(25))
    assert (row.study_day, row.fs_day) == (11, 10)
    death = rows_by_subject(endpoints.transplant_free)[a]
    assert (death.status, death.event, death.fs_day) == (Survival.EVENT, "death", 20)


def test_subject_not_yet_at_fs28_is_unknown_and_says_why(cohort, qh1a):
    a, b, c = cohort
    endpoints = compute(qh1a)
    for summary in (endpoints.survival, endpoints.transplant_free):
        row = rows_by_subject(summary)[c]
        assert (row.status, row.reason) == (Survival.UNKNOWN, Unknown.NOT_REACHED)
        assert "FS+10" in row.note


def test_rates_keep_unknowns_in_the_denominator(cohort, qh1a):
    endpoints = compute(qh1a)
    # Spec §1.4 "Rate = alive/treated": 1 alive (B) of 3 treated.
    assert (endpoints.survival.favourable, endpoints.survival.treated) == (1, 3)
    assert endpoints.survival.rate == Decimal("33.3")
    assert endpoints.survival.unknown_by_reason == [(Unknown.NOT_REACHED.label, 1)]
    assert endpoints.transplant_free.favourable == 0
    assert endpoints.transplant_free.rate == Decimal("0.0")


def test_ae_incidence_by_arm_counts_treatment_emergent_events(cohort, qh1a):
    incidence = compute(qh1a).ae
    arm = {row.arm: row for row in incidence.by_arm}["QH4H"]
    # A: the fatal SAE (the earlier fever is before Day 1); B: hypotension; C: none.
    assert (arm.treated, arm.with_ae, arm.events, arm.with_sae, arm.sae_events) == (3, 2, 2, 1, 1)
    assert (arm.ae_percent, arm.sae_percent) == (Decimal("66.7"), Decimal("33.3"))
    assert {row.arm: row.treated for row in incidence.by_arm} == {
        "QH4H": 3,
        "QH6H": 0,
        "QH8H": 0,
        "QHMT": 0,
    }
    assert incidence.total.events == 2
    assert incidence.window_days == 28


def test_ae_after_fs28_is_outside_the_28_day_time_frame(cohort, qh1a, report_ae):
    a, b, c = cohort
    report_ae(b, onset_date=day(6), resolved_date=day(6))  # FS+29 for B
    arm = {row.arm: row for row in compute(qh1a).ae.by_arm}["QH4H"]
    assert arm.events == 2


def test_device_pass_rate_reuses_the_session_rule(cohort, qh1a):
    a, b, c = cohort
    criteria = qh1a.protocol.device_criteria
    for subject, failing in ((a, None), (b, "TMP")):
        session = subject.sessions.get()
        for criterion in criteria:
            DeviceCheck.objects.create(
                session=session,
                criterion=criterion.code,
                passed=criterion.code != failing,
                created_by=subject.created_by,
            )
    device = compute(qh1a).device
    # C has no checks recorded: not PASS (spec §2.8.3 "PASS only if all criteria met").
    assert (device.passed, device.total, device.rate) == (1, 3, Decimal("33.3"))
    assert [(s.screening_number, n, p) for s, n, p in device.by_subject()] == [
        (a.screening_number, 1, 1),
        (b.screening_number, 1, 0),
        (c.screening_number, 1, 0),
    ]


def test_lab_change_from_the_last_value_before_the_first_session(cohort, qh1a):
    a, b, c = cohort
    # BASELINE (screening) at T-41 is superseded by PRE-S1, the last value before the
    # session started at 09:00 on T-40.
    panel(a, "LIVER", "BASELINE", at(41), BILI=("300", "umol/L"))
    panel(a, "LIVER", "PRE-S1", at(40, 8), BILI=("280", "umol/L"), ALT=("120", "U/L"))
    panel(a, "COAGULATION", "PRE-S1", at(40, 8), INR=("2.0", "ratio"))
    panel(a, "RENAL", "PRE-S1", at(40, 8), CREAT=("100", "umol/L"))
    panel(a, "AMMONIA", "PRE-S1", at(40, 8), AMMONIA=("80", "umol/L"))
    panel(a, "LIVER", "POST-S1", at(40, 14), BILI=("200", "umol/L"), ALT=("100", "U/L"))
    panel(a, "COAGULATION", "POST-S1", at(40, 14), INR=("1.6", "ratio"))
    panel(a, "RENAL", "POST-S1", at(40, 14), CREAT=("100", "umol/L"))
    panel(a, "AMMONIA", "POST-S1", at(40, 14), AMMONIA=("60", "umol/L"))
    panel(a, "LIVER", "FS+7", at(33), BILI=("7", "mg/dL"))  # 119.7 µmol/L
    clinical_status(a, 40)

    labs = {change.code: change for change in compute(qh1a).labs}
    assert list(labs) == ["BILI", "INR", "ALT", "AMMONIA", "MELD"]
    points = [p.code for p in labs["BILI"].points]
    assert points == ["POST", "FS+1", "FS+3", "FS+7", "FS+14", "FS+28"]
    bili = {row.course.subject: row for row in labs["BILI"].rows}[a]
    assert bili.baseline == Decimal("280")
    assert bili.cells[0].change == Decimal("-80")
    assert bili.cells[3].value == Decimal("119.7")
    assert bili.cells[3].change == Decimal("-160.3")
    assert bili.cells[1].value is None
    assert {row.course.subject: row for row in labs["INR"].rows}[a].cells[0].change == Decimal(
        "-0.4"
    )
    assert {row.course.subject: row for row in labs["AMMONIA"].rows}[a].cells[0].change == -20
    # MELD (spec §3.2): 26 before, 22 at the end of the session.
    meld = {row.course.subject: row for row in labs["MELD"].rows}[a]
    assert meld.baseline == scores.meld(280, Decimal("2.0"), 100, False) == 26
    assert (meld.cells[0].value, meld.cells[0].change) == (22, -4)
    summary = labs["BILI"].summary
    assert (summary[0].n, summary[0].mean_change, summary[0].median_change) == (
        1,
        Decimal("-80.00"),
        Decimal("-80.00"),
    )
    assert summary[1].n == 0 and summary[1].mean_change is None
    # B and C have no labs: rows without values, not errors.
    assert {row.course.subject: row for row in labs["BILI"].rows}[c].baseline is None


def test_immunogenicity_de_novo_dsa(cohort, qh1a):
    a, b, c = cohort
    panel(a, "IMMUNOGENICITY", "PRE-S1", at(40, 8), DSA="negative", HLA1MFI=("500", "MFI"))
    panel(a, "IMMUNOGENICITY", "FS+14", at(26), DSA="positive", HLA1MFI=("3000", "MFI"))
    panel(b, "IMMUNOGENICITY", "PRE-S1", at(35, 8), DSA="negative")
    endpoints = compute(qh1a)
    # A: negative before, positive at FS+14; B: no result after treatment; C: none.
    assert endpoints.de_novo_dsa == (1, 1)
    dsa = {row.course.subject: row for row in endpoints.dsa}
    assert dsa[a].later == [("FS+14", "positive")] and dsa[a].de_novo
    assert not dsa[b].evaluable
    hla1 = {change.code: change for change in endpoints.immunogenicity}["HLA1MFI"]
    assert [p.code for p in hla1.points] == ["FS+14", "FS+28"]
    row = {r.course.subject: r for r in hla1.rows}[a]
    assert (row.baseline, row.cells[0].change) == (Decimal("500"), Decimal("2500"))
