"""The protocol drives the schedule (issue 20 item 2): each study's protocol module
declares its visits, their windows and the forms and lab panels expected at each; the
schedule, the overdue lists, the lab timepoints and the protocol page read it."""

import dataclasses

from django.urls import reverse

from ecrf.actions import clinical
from ecrf.checks import visit_errors
from ecrf.lab_catalogue import Panel
from ecrf.lab_results import expected_timepoints, study_panels
from ecrf.protocol import FOLLOW_UP_WINDOWS, Anchor, Visit, get_protocol
from ecrf.schedule import FormState, records_for, subject_schedule
from tests.clinical.conftest import liver_imaging_values
from tests.conftest import amend_options
from tests.sessions.conftest import at, days


def forms_at(schedule, code):
    return {f.name: f.status for v in schedule if v.code == code for f in v.forms}


def test_the_schedule_is_the_protocols_visits(qh1a, make_subject, record):
    # Spec §1.5: "FS+1 (24 ± 4 h after session end); FS+3 ± 1 d; FS+7 ± 1 d; FS+14 ± 2 d;
    # FS+28 ± 3 d" [PROP], counted from the final session (spec §0 "FS").
    subject = make_subject(qh1a, "enrolled", planned_first_treatment=days(-1))
    record(subject, at(days(-1)), 240)
    schedule = subject_schedule(subject)
    follow_up = [v for v in schedule if v.code.startswith("FS+")]
    protocol = qh1a.protocol
    assert [v.code for v in follow_up] == [v.code for v in protocol.follow_up_visits]
    for visit, (day, before, after) in zip(follow_up, FOLLOW_UP_WINDOWS, strict=True):
        assert visit.target == days(-1 + day)
        assert (visit.earliest, visit.latest) == (days(-1 + day - before), days(-1 + day + after))
    # The forms expected at each visit are those the protocol names.
    assert list(forms_at(schedule, "FS+28")) == ["Vital signs", "Lab panels", "Disposition"]
    assert list(forms_at(schedule, "SCR"))[1:] == [
        "Medical history",
        "Liver-failure diagnosis",
        "Vital signs",
        "Lab panels",
    ]


def test_the_screening_window_is_stated_once(qh1a, cips, make_subject):
    """QH-1A [REG-B] "screened within 14 days before their first treatment" (spec T1); the
    CiPS-BAL window is [PROP] ("e.g. ≤ 7 days"), a study option the sponsor may change."""
    for study in (qh1a, cips):
        screening = study.protocol.screening_visit
        assert screening.anchor == Anchor.SCREENING
        assert (screening.day, screening.window_before, screening.window_after) == (0, 0, 0)
    assert qh1a.protocol.screening_visit.window(qh1a.effective_options) == (-14, 0, 13)
    assert cips.protocol.screening_visit.window(cips.effective_options) == (-7, 0, 6)
    # Issue 21: a changed option is a new protocol version, put in force at the sites; a
    # subject screened under it is scheduled by it.
    amend_options(cips, {"screening_window_days": 10})
    subject = make_subject(cips, "enrolled", planned_first_treatment=days(2))
    screening = subject_schedule(subject)[0]
    assert (screening.earliest, screening.latest) == (days(2 - 10), days(1))


def test_cips_collects_afp_and_liver_imaging_at_screening_and_fs28(cips, qh1a):
    # Spec §1.5: "AFP; liver imaging (tumorigenicity surveillance, CiPS)": Screening X,
    # FS+28 (EOS) X.
    protocol = cips.protocol
    at_visits = {v.code for v in protocol.visits if "ecrf.liverimaging" in v.forms}
    assert at_visits == {"SCR", "FS+28"}
    afp = {v.code for v in protocol.visits if Panel.TUMOUR_MARKER in v.panels}
    assert afp == {"SCR", "FS+28"}
    assert Panel.TUMOUR_MARKER in study_panels(cips)
    assert Panel.TUMOUR_MARKER not in study_panels(qh1a)
    assert not qh1a.protocol.expects("ecrf.liverimaging")
    # QH-1A's cells are allogeneic MSCs: anti-HLA antibodies are its question (§2.10).
    assert Panel.IMMUNOGENICITY in study_panels(qh1a)
    assert Panel.IMMUNOGENICITY not in study_panels(cips)


def test_liver_imaging_counts_at_the_visit_it_names(cips, make_subject, record):
    subject = make_subject(cips, "enrolled", screening_date=days(-5), consent_date=days(-5))
    record(subject, at(days(-4)), 300, planned_minutes=300)
    clinical.liver_imaging_record(
        subject=subject, by=subject.created_by, **liver_imaging_values(visit="SCR")
    )
    schedule = subject_schedule(subject, today=days(40))
    assert forms_at(schedule, "SCR")["Liver imaging"] == FormState.COMPLETE
    # FS+28's window (days(24) ± 3) has passed: its imaging is overdue, not the screening's.
    assert forms_at(schedule, "FS+28")["Liver imaging"] == FormState.OVERDUE
    assert forms_at(subject_schedule(subject), "FS+28")["Liver imaging"] == FormState.EXPECTED


def test_overdue_lists_cost_the_same_for_more_forms(cips, make_subject, django_assert_num_queries):
    subjects = [make_subject(cips, "enrolled") for _ in range(3)]
    for subject in subjects:
        subject.study, subject.site  # noqa: B018  (loaded, as the pages select them)
    with django_assert_num_queries(4):
        records_for(subjects)


def test_lab_timepoints_are_the_visits_that_expect_panels(cips, make_subject, record):
    subject = make_subject(cips, "enrolled", planned_first_treatment=days(-1))
    assert [t.code for t in expected_timepoints(subject, [])] == ["BASELINE"]
    session = record(subject, at(days(-1)), 300, planned_minutes=300)
    codes = [t.code for t in expected_timepoints(subject, [session])]
    assert codes == ["BASELINE", "PRE-S1", "POST-S1", "FS+1", "FS+3", "FS+7", "FS+14", "FS+28"]


def test_check_validates_the_visit_declarations():
    protocol = get_protocol("studies.cips_bal")
    assert visit_errors(protocol) == []
    bad = dataclasses.replace(
        protocol,
        visits=(
            Visit("SCR", "Screening", Anchor.SCREENING, day=-7, window_after=6),
            Visit("FS+1", "FS+1", Anchor.FINAL_SESSION, day=1, forms=("ecrf.xray",)),
            Visit("FS+1", "FS+1", Anchor.FINAL_SESSION, day=1, forms=("ecrf.labpanel",)),
            Visit("FS+2", "FS+2", Anchor.FINAL_SESSION, day=2, panels=("CYTOKINES",)),
        ),
    )
    problems = " | ".join(visit_errors(bad))
    assert "visit codes are not unique" in problems
    assert "SCR states the screening window a second time" in problems
    assert "expects ecrf.xray, not a registered form" in problems
    assert "expects panel CYTOKINES, not in the catalogue" in problems
    assert "lab panels and the lab panel form go together" in problems


def test_protocol_page_shows_the_declared_schedule(client, cips, staff_beijing):
    client.force_login(staff_beijing)
    response = client.get(reverse("ecrf:protocol", args=[cips.registry_id]))
    content = response.content.decode()
    assert response.status_code == 200
    # As the rule SCREENING-WINDOW enforces it (issue 18 item 6): 1 to 7 days.
    assert "1 to 7 days before the first session" in content
    assert "Liver imaging" in content and "Tumour marker (AFP)" in content
    assert "28 days after the final session" in content
