"""The lab panel form and the subject's lab page (spec §2.9, §3.2, §3.3, §4.2, V15, V16).

Every view: happy path, bad input (422, message at the field, values kept), another
site's user (404), read-only role (403), and a query count that does not grow.
"""

import datetime as dt
import re
from decimal import Decimal as D

import lxml.html
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from ecrf import audit
from ecrf.actions.queries import query_raise
from ecrf.models import ClinicalStatus, LabPanel, LabResult
from tests.conftest import NOW as CLOCK
from tests.conftest import amend_options
from tests.labs.conftest import local, panel_url, subject_url

pytestmark = pytest.mark.django_db

NOW = CLOCK  # the tests' frozen instant (tests/conftest.py)
BEFORE_S1 = NOW - dt.timedelta(days=3)  # session 1 starts two days ago
AFTER_S1 = NOW - dt.timedelta(days=1)


def record_status(subject, day, dialysis=False):
    return ClinicalStatus.objects.create(
        subject=subject,
        assessed_on=day,
        ascites="none",
        encephalopathy_grade=0,
        dialysed_twice_last_week=dialysis,
        created_by=subject.created_by,
    )


def local_day(moment):
    return timezone.localtime(moment, timezone=dt.timezone(dt.timedelta(hours=8))).date()


# The reason for change a correction of a panel saved complete carries (issue 4).
REASON = {
    "change_reason": "entry_error",
    "change_reason_detail": "transcribed from the wrong report",
}


def correct_panel(client, subject, timepoint, panel, at, **values):
    """Post the panel form again over the saved panel: the version it showed and a reason
    for change, with the tests' values (BILI="35", ...); the correction must be saved."""
    saved = LabPanel.objects.get(subject=subject, timepoint=timepoint, panel=panel)
    data = {"sampled_at": local(at), "laboratory": "Central lab", "version": saved.version}
    data |= {f"{code}_value": value for code, value in values.items()} | REASON
    response = client.post(panel_url(subject, timepoint, panel), data)
    assert response.status_code == 302, response.context["form"].errors
    return response


def enter_meld_inputs(post_panel, subject, at, bili):
    post_panel(subject, "BASELINE", "LIVER", at, BILI=bili, ALB=("30", "g/L"))
    post_panel(subject, "BASELINE", "COAGULATION", at, INR="1.5")
    post_panel(subject, "BASELINE", "RENAL", at, CREAT=("1.2", "mg/dL"), SODIUM="130")


# --- Entry and unit conversion -------------------------------------------------------------


def test_bilirubin_in_mg_dl_is_stored_as_entered_and_in_umol_l(
    client, treated, staff_guangzhou, post_panel
):
    # §2.9 "Store the value as entered plus its unit, and a computed standard (SI) value";
    # §3.8 bilirubin mg/dL x 17.1 = µmol/L: 5 mg/dL -> 85.5 µmol/L.
    client.force_login(staff_guangzhou)
    response = post_panel(treated, "BASELINE", "LIVER", BEFORE_S1, BILI=("5", "mg/dL"))
    assert response.status_code == 302
    assert response["Location"] == subject_url("labs_subject", treated)
    result = LabResult.objects.get(test_code="BILI")
    assert (result.value, result.unit, result.standard_value) == (D("5"), "mg/dL", D("85.5"))
    panel = LabPanel.objects.get()
    assert panel.created_by == staff_guangzhou and panel.laboratory == "Central lab"
    assert result.subject == treated and result.sampled_at == panel.sampled_at


def test_converted_bilirubin_feeds_meld(client, treated, staff_guangzhou, post_panel):
    # §3.2 MELD(i) = 9.57 ln Cr + 3.78 ln Bili + 11.2 ln INR + 6.43, bilirubin in mg/dL:
    #   bili 5 (85.5 µmol/L entered as 5 mg/dL), INR 1.5, creat 1.2 mg/dL
    #   = 9.57 x 0.182322 + 3.78 x 1.609438 + 11.2 x 0.405465 + 6.43 = 18.80 -> 19
    client.force_login(staff_guangzhou)
    enter_meld_inputs(post_panel, treated, BEFORE_S1, ("5", "mg/dL"))
    record_status(treated, local_day(BEFORE_S1))
    response = client.get(subject_url("labs_subject", treated))
    baseline = next(row for row in response.context["rows"] if row.code == "BASELINE")
    assert baseline.scores.meld == 19
    assert baseline.scores.inputs["BILI"].standard_value == D("85.5")


def test_meld_worked_example_from_same_day_labs(client, treated, staff_guangzhou, post_panel):
    # §3.2 worked example: bili 2 mg/dL (34.2 µmol/L), INR 1.5, creat 1.2 mg/dL
    #   = 1.7448 + 2.6201 + 4.5412 + 6.43 = 15.336 -> 15
    # MELD-Na (Na 130): 15 + 1.32 x 7 - 0.033 x 15 x 7 = 20.775 -> 21.
    # Child-Pugh (§3.3): bili 34.2 -> 2, albumin 30 -> 2, INR 1.5 -> 1, no ascites 1, no HE 1 = 7 B
    client.force_login(staff_guangzhou)
    enter_meld_inputs(post_panel, treated, BEFORE_S1, ("34.2", "umol/L"))
    record_status(treated, local_day(BEFORE_S1))
    response = client.get(subject_url("labs_subject", treated))
    scores = next(row for row in response.context["rows"] if row.code == "BASELINE").scores
    assert (scores.meld, scores.meld_na, scores.child_pugh) == (15, 21, (7, "B"))
    assert scores.meld_3 is not None
    assert 'class="score-meld">15<' in response.content.decode()


def test_score_inputs_outside_24_hours_are_not_used(client, treated, staff_guangzhou, post_panel):
    # V16: "Scores computed only when all inputs from the same time point (± 24 h) exist;
    # otherwise NULL with reason." INR drawn 30 h before the bilirubin is not used.
    client.force_login(staff_guangzhou)
    at = BEFORE_S1
    post_panel(treated, "BASELINE", "LIVER", at, BILI="34.2", ALB="30")
    post_panel(treated, "BASELINE", "COAGULATION", at - dt.timedelta(hours=30), INR="1.5")
    post_panel(treated, "BASELINE", "RENAL", at, CREAT="106", SODIUM="130")
    record_status(treated, local_day(at))
    response = client.get(subject_url("labs_subject", treated))
    scores = next(row for row in response.context["rows"] if row.code == "BASELINE").scores
    assert scores.meld is None and scores.child_pugh is None
    assert "INR" in scores.reason("meld")


def test_missing_input_gives_no_score_with_a_reason(client, treated, staff_guangzhou, post_panel):
    # §3: "store NULL (not 0) when an input is missing"; MELD needs the dialysis answer of
    # the clinical status, Child-Pugh its ascites and encephalopathy.
    client.force_login(staff_guangzhou)
    enter_meld_inputs(post_panel, treated, BEFORE_S1, ("2", "mg/dL"))
    response = client.get(subject_url("labs_subject", treated))
    scores = next(row for row in response.context["rows"] if row.code == "BASELINE").scores
    assert scores.meld is None and scores.child_pugh is None
    assert "clinical status" in scores.reason("meld")
    assert "Missing within the time window" in response.content.decode()


def test_hard_range_rejects_at_the_field_and_keeps_values(
    client, treated, staff_guangzhou, post_panel
):
    # §2.9 hard range bilirubin 0-1500 µmol/L; 100 mg/dL = 1710 µmol/L is a unit error (V15).
    client.force_login(staff_guangzhou)
    response = post_panel(
        treated, "BASELINE", "LIVER", BEFORE_S1, laboratory="Lab 7", BILI=("100", "mg/dL"), ALT="45"
    )
    assert response.status_code == 422
    form = response.context["form"]
    assert "outside the accepted range" in form.errors["BILI_value"][0]
    assert set(form.errors) == {"BILI_value"}
    content = response.content.decode()
    assert 'value="100"' in content and 'value="45"' in content and 'value="Lab 7"' in content
    assert '<option value="mg/dL" selected>' in content
    assert not LabPanel.objects.exists() and not LabResult.objects.exists()


def test_bad_number_and_conflicting_not_done_are_field_errors(
    client, treated, staff_guangzhou, post_panel
):
    client.force_login(staff_guangzhou)
    response = post_panel(
        treated,
        "BASELINE",
        "LIVER",
        BEFORE_S1,
        BILI="abc",
        ALT={"value": "40", "not_done": "sample_lost"},
    )
    assert response.status_code == 422
    errors = response.context["form"].errors
    assert "BILI_value" in errors and "ALT_not_done" in errors


def test_empty_panel_is_refused(client, treated, staff_guangzhou, post_panel):
    client.force_login(staff_guangzhou)
    response = post_panel(treated, "BASELINE", "LIVER", BEFORE_S1)
    assert response.status_code == 422 and response.context["form"].non_field_errors()


def test_not_done_and_qualitative_results(client, treated, staff_guangzhou, post_panel):
    # §2: "Not done" is an explicit option with a reason; serology is pos/neg/equivocal ± S/CO.
    client.force_login(staff_guangzhou)
    response = post_panel(
        treated,
        "BASELINE",
        "VIROLOGY",
        BEFORE_S1,
        HBEAG={"qualitative": "positive", "value": "12.5", "unit": "S/CO"},
        HCVAB={"qualitative": "negative"},
        HBVDNA={"not_done": "sample_lost"},
    )
    assert response.status_code == 302
    rows = {r.test_code: r for r in LabResult.objects.all()}
    assert rows["HBEAG"].qualitative == "positive" and rows["HBEAG"].value == D("12.5")
    assert rows["HBVDNA"].not_done_reason == "sample_lost" and rows["HBVDNA"].value is None


def test_each_control_of_a_test_row_is_named_with_the_test(client, treated, staff_guangzhou):
    # Only the value has a <label>; the unit, qualitative result and not-done reason of
    # each row are named with their test too (WCAG 1.3.1), so that "Total bilirubin unit"
    # is told apart from "Creatinine unit" (issue 7, journey (a)).
    client.force_login(staff_guangzhou)
    response = client.get(panel_url(treated, "BASELINE", "VIROLOGY"))
    page = lxml.html.fromstring(response.content)
    assert page.xpath('//*[@name="HBEAG_unit"]/@aria-label') == ["HBeAg unit"]
    assert page.xpath('//*[@name="HBEAG_qualitative"]/@aria-label') == ["HBeAg qualitative result"]
    assert page.xpath('//*[@name="HBEAG_not_done"]/@aria-label') == ["HBeAg not done because"]


def test_a_correction_rewrites_the_panel_and_only_the_changed_result(
    client, treated, staff_guangzhou, post_panel
):
    # A correction of one value is one change (issue 4): the panel's new version and that
    # result's, with one update event under the reason; the others keep their version.
    client.force_login(staff_guangzhou)
    post_panel(treated, "BASELINE", "LIVER", BEFORE_S1, BILI="30", ALT="40", AST="30")
    correct_panel(client, treated, "BASELINE", "LIVER", BEFORE_S1, BILI="35", ALT="40", AST="30")
    assert LabPanel.objects.get().version == 2
    versions = dict(LabResult.objects.values_list("test_code", "version"))
    assert versions == {"BILI": 2, "ALT": 1, "AST": 1}
    updates = audit.subject_links()[LabResult].event_model.objects.filter(pgh_label="update")
    assert [(e.test_code, e.pgh_context.metadata["reason"]) for e in updates] == [
        ("BILI", "entry_error")
    ]


def test_a_new_sample_time_rewrites_every_result(client, treated, staff_guangzhou, post_panel):
    # A result's derived values are compared too: each result carries the panel's sample
    # time, so moving it rewrites them all, values unchanged.
    client.force_login(staff_guangzhou)
    post_panel(treated, "BASELINE", "LIVER", BEFORE_S1, BILI="30", ALT="40")
    earlier = BEFORE_S1 - dt.timedelta(hours=2)
    correct_panel(client, treated, "BASELINE", "LIVER", earlier, BILI="30", ALT="40")
    rows = LabResult.objects.all()
    assert {(r.version, local(r.sampled_at)) for r in rows} == {(2, local(earlier))}


def test_correcting_a_panel_bumps_versions_and_removes_cleared_tests(
    client, treated, staff_guangzhou, post_panel
):
    client.force_login(staff_guangzhou)
    post_panel(treated, "BASELINE", "LIVER", BEFORE_S1, BILI="30", ALT="40")
    assert client.get(panel_url(treated, "BASELINE", "LIVER")).status_code == 200
    correct_panel(client, treated, "BASELINE", "LIVER", BEFORE_S1, BILI="35")
    panel = LabPanel.objects.get()
    assert panel.version == 2
    assert list(LabResult.objects.values_list("test_code", "standard_value", "version")) == [
        ("BILI", D("35"), 2)
    ]


# --- Reference ranges, flags and grades ----------------------------------------------------


def test_flags_from_the_site_reference_range(client, treated, staff_guangzhou, post_panel):
    # §2.9: LLN/ULN from the reference table, abnormal flag L/H derived. Shipped ranges:
    # ALT men 9-50 U/L, albumin 40-55 g/L, AST men 15-40 U/L.
    client.force_login(staff_guangzhou)
    post_panel(treated, "BASELINE", "LIVER", BEFORE_S1, ALT="120", ALB="30", AST="30")
    rows = {r.test_code: r for r in LabResult.objects.all()}
    assert (rows["ALT"].flag, rows["ALT"].lln, rows["ALT"].uln) == ("H", D("9"), D("50"))
    assert rows["ALB"].flag == "L" and rows["AST"].flag == "N"


def test_no_reference_range_means_no_flag(client, qh1a, make_subject, staff_guangzhou, post_panel):
    subject = make_subject(qh1a, "enrolled")  # no ranges loaded
    client.force_login(staff_guangzhou)
    post_panel(subject, "BASELINE", "LIVER", BEFORE_S1, ALT="120")
    result = LabResult.objects.get()
    assert (result.flag, result.lln, result.uln, result.ctcae_grade) == ("", None, None, None)


def test_ctcae_grade_is_stored_with_the_worst_term(client, treated, staff_guangzhou, post_panel):
    # §4.2 Platelet count decreased "< 50-25" -> grade 3; Anemia "Hb < 80 g/L" -> grade 3
    # (haemoglobin also maps to "Hemoglobin increased", grade 0: the worst is kept).
    client.force_login(staff_guangzhou)
    post_panel(treated, "BASELINE", "HAEMATOLOGY", BEFORE_S1, PLAT="40", HGB=("7.5", "g/dL"))
    rows = {r.test_code: r for r in LabResult.objects.all()}
    assert (rows["PLAT"].ctcae_grade, rows["PLAT"].ctcae_term) == (3, "Platelet count decreased")
    assert (rows["HGB"].ctcae_grade, rows["HGB"].ctcae_term) == (3, "Anemia")
    assert rows["HGB"].standard_value == D("75")


def test_ctcae_grade_uses_the_pre_session_baseline(client, treated, staff_guangzhou, post_panel):
    # §2.9 [PROP]: baseline = last value before the first session. §4.2 ALT increased with
    # an abnormal baseline: "1.5-3 x baseline" = grade 1. Baseline 100 (ULN 50, high);
    # ALT 200 after session 1 is 2 x baseline -> grade 1 (4 x ULN would be grade 2).
    client.force_login(staff_guangzhou)
    post_panel(treated, "BASELINE", "LIVER", BEFORE_S1, ALT="100")
    post_panel(treated, "POST-S1", "LIVER", AFTER_S1, ALT="200")
    after = LabResult.objects.get(panel__timepoint="POST-S1")
    assert (after.ctcae_grade, after.ctcae_term) == (1, "Alanine aminotransferase increased")
    assert after.panel.session.number == 1


def test_calcium_is_graded_corrected_for_albumin(client, treated, staff_guangzhou, post_panel):
    # lab_grading: CTCAE grades corrected calcium. Ca 1.9 with albumin 20 g/L corrects to
    # 1.9 + 0.02 x 20 = 2.3 mmol/L (normal, grade 0); uncorrected it would be grade 2.
    client.force_login(staff_guangzhou)
    post_panel(treated, "BASELINE", "LIVER", BEFORE_S1, ALB="20")
    post_panel(treated, "BASELINE", "RENAL", BEFORE_S1, CA="1.9")
    assert LabResult.objects.get(test_code="CA").ctcae_grade == 0


def test_a_normal_inr_is_graded_0_not_left_blank(client, treated, staff_guangzhou, post_panel):
    # Issue 18: "a normal result of a test that has CTCAE criteria (INR included) is graded
    # 0, never left blank". §4.2 INR increased G1 ">1.2 - 1.5": INR 1.0 at baseline (no
    # earlier value to compare with) meets no grade.
    client.force_login(staff_guangzhou)
    post_panel(treated, "BASELINE", "COAGULATION", BEFORE_S1, INR="1.0")
    result = LabResult.objects.get(test_code="INR")
    assert (result.ctcae_grade, result.ctcae_term) == (0, "")


# --- Timepoints and panels per study -------------------------------------------------------


def test_page_lists_timepoints_from_recorded_sessions(client, treated, staff_guangzhou):
    # §1.5: pre- and end-of-session samples per session; FS+n from the final session.
    client.force_login(staff_guangzhou)
    response = client.get(subject_url("labs_subject", treated))
    assert response.status_code == 200
    codes = [row.code for row in response.context["rows"]]
    assert codes == ["BASELINE", "PRE-S1", "POST-S1", "FS+1", "FS+3", "FS+7", "FS+14", "FS+28"]
    panels = [code for code, _label in response.context["columns"]]
    assert "IMMUNOGENICITY" in panels  # §2.10: anti-HLA and DSA for QH-1A


def test_cips_offers_no_immunogenicity_panel(client, cips, make_subject, staff_beijing):
    subject = make_subject(cips, "enrolled")
    client.force_login(staff_beijing)
    response = client.get(subject_url("labs_subject", subject))
    assert "IMMUNOGENICITY" not in [code for code, _label in response.context["columns"]]
    assert client.get(panel_url(subject, "BASELINE", "IMMUNOGENICITY")).status_code == 404
    assert client.get(panel_url(subject, "PRE-S1", "LIVER")).status_code == 404  # no session


def test_a_save_at_a_timepoint_the_subject_lacks_answers_404(
    client, treated, staff_guangzhou, post_panel
):
    # A save leaves the timepoints to the action, which reads them under the subject's
    # lock: its refusal of a session not recorded answers 404, as the form's GET does.
    client.force_login(staff_guangzhou)
    for timepoint in ("PRE-S2", "FS+2", "SOMEDAY"):
        response = post_panel(treated, timepoint, "LIVER", BEFORE_S1, BILI="12")
        assert response.status_code == 404, timepoint
    assert not LabPanel.objects.exists()
    # A recorded session's timepoint saves.
    assert post_panel(treated, "PRE-S1", "LIVER", BEFORE_S1, BILI="12").status_code == 302


# --- Access ---------------------------------------------------------------------------------


def test_another_sites_user_gets_404(client, treated, staff_beijing):
    client.force_login(staff_beijing)
    for url in [
        subject_url("labs_subject", treated),
        subject_url("labs_clinical_status", treated),
        panel_url(treated, "BASELINE", "LIVER"),
    ]:
        assert client.get(url).status_code == 404
        assert client.post(url, {}).status_code == 404


def test_monitor_reads_labs_but_cannot_enter(client, treated, monitor_guangzhou, post_panel):
    client.force_login(monitor_guangzhou)
    response = client.get(subject_url("labs_subject", treated))
    assert response.status_code == 200 and not response.context["can_enter"]
    assert client.get(panel_url(treated, "BASELINE", "LIVER")).status_code == 403
    assert post_panel(treated, "BASELINE", "LIVER", BEFORE_S1, BILI="30").status_code == 403
    assert client.post(subject_url("labs_clinical_status", treated), {}).status_code == 403
    assert not LabResult.objects.exists()


# --- Clinical status form ---------------------------------------------------------------------


def test_clinical_status_is_recorded_and_corrected(client, treated, investigator_guangzhou):
    client.force_login(investigator_guangzhou)
    url = subject_url("labs_clinical_status", treated)
    day = local_day(BEFORE_S1).isoformat()
    values = {"assessed_on": day, "ascites": "mild", "encephalopathy_grade": "2"}
    assert client.post(url, values).status_code == 302
    # A second entry for the date corrects the first, saved complete: it needs a reason.
    values["dialysed_twice_last_week"] = "on"
    response = client.post(url, values)
    assert response.status_code == 422 and "change_reason" in response.context["form"].errors
    assert not ClinicalStatus.objects.get().dialysed_twice_last_week
    assert client.post(url, values | REASON).status_code == 302
    status = ClinicalStatus.objects.get()
    assert status.dialysed_twice_last_week and status.version == 2
    assert status.created_by == investigator_guangzhou


def test_clinical_status_bad_input_is_422(client, treated, staff_guangzhou):
    # West Haven grades 0-4 (§3.3).
    client.force_login(staff_guangzhou)
    url = subject_url("labs_clinical_status", treated)
    response = client.post(
        url, {"assessed_on": "2026-01-05", "ascites": "mild", "encephalopathy_grade": "7"}
    )
    assert response.status_code == 422
    assert "encephalopathy_grade" in response.context["form"].errors
    assert 'value="2026-01-05"' in response.content.decode()
    assert not ClinicalStatus.objects.exists()


# --- Query count ---------------------------------------------------------------------------


def test_lab_page_query_count_does_not_grow_with_panels(
    client, treated, staff_guangzhou, post_panel, django_assert_max_num_queries
):
    client.force_login(staff_guangzhou)
    post_panel(treated, "BASELINE", "LIVER", BEFORE_S1, BILI="30", ALT="60")
    url = subject_url("labs_subject", treated)
    # A fixed few for the lifecycle badges and the voided panels (issue 4).
    with django_assert_max_num_queries(21) as few:
        client.get(url)
    # Read the count now: each later request resets Django's query log.
    baseline_count = len(few.captured_queries)
    post_panel(treated, "BASELINE", "COAGULATION", BEFORE_S1, INR="1.6", APTT="40")
    post_panel(treated, "BASELINE", "RENAL", BEFORE_S1, CREAT="120", SODIUM="131", K="4")
    post_panel(treated, "POST-S1", "LIVER", AFTER_S1, BILI="40", ALT="80", ALB="31")
    post_panel(treated, "POST-S1", "HAEMATOLOGY", AFTER_S1, PLAT="60", HGB="95")
    record_status(treated, local_day(BEFORE_S1))
    with django_assert_max_num_queries(baseline_count):
        response = client.get(url)
    assert sum(len(row.lines) for row in response.context["rows"]) == 12


# The liver panel's ten tests, each within the Guangzhou men's normal range (no query).
LIVER_NORMAL = {
    "BILI": "10",
    "ALT": "30",
    "AST": "30",
    "BILDIR": "3",
    "ALP": "80",
    "GGT": "30",
    "ALB": "45",
    "PREALB": "300",
    "CHOLINES": "8000",
    "BILEAC": "5",
}


def test_lab_save_query_count_does_not_grow_with_results(
    client, treated, staff_guangzhou, post_panel, django_assert_max_num_queries
):
    # Issue 7 (lab save throughput): reads per panel, not per result, and a correction
    # of one value writes the panel and that result only.
    client.force_login(staff_guangzhou)
    three = dict(list(LIVER_NORMAL.items())[:3])
    post_panel(treated, "BASELINE", "LIVER", BEFORE_S1, **three)

    def correction(values):
        version = LabPanel.objects.get().version
        data = {"sampled_at": local(BEFORE_S1), "laboratory": "Central lab", "version": version}
        return data | {f"{code}_value": value for code, value in values.items()} | REASON

    url = panel_url(treated, "BASELINE", "LIVER")
    data = correction(three | {"BILI": "11"})
    with CaptureQueriesContext(connection) as few:
        assert client.post(url, data).status_code == 302
    count = len(few)  # now: each later request resets Django's query log
    assert client.post(url, correction(LIVER_NORMAL)).status_code == 302
    assert LabResult.objects.count() == 10
    data = correction(LIVER_NORMAL | {"BILI": "12"})
    with django_assert_max_num_queries(count):
        assert client.post(url, data).status_code == 302
    assert LabResult.objects.get(test_code="BILI").standard_value == D("12")


def _top_level(sql: str) -> str:
    """The statement without its parenthesised parts (subqueries read, never locked)."""
    while (shorter := re.sub(r"\([^()]*\)", "", sql)) != sql:
        sql = shorter
    return sql


def test_the_lab_save_locks_only_its_own_rows(client, treated, staff_guangzhou, post_panel):
    # SELECT ... FOR UPDATE locks a row of every table it joins: a join to the study (the
    # models' default orders go through it) would serialise every lab save of the study,
    # and hold up each insert referencing it (its foreign key check) until the commit.
    client.force_login(staff_guangzhou)
    post_panel(treated, "BASELINE", "LIVER", BEFORE_S1, BILI="30", ALT="40")
    with CaptureQueriesContext(connection) as saved:
        correct_panel(client, treated, "BASELINE", "LIVER", BEFORE_S1, BILI="31", ALT="40")
    locking = [_top_level(q["sql"]) for q in saved.captured_queries if "FOR UPDATE" in q["sql"]]
    assert [sql.split(" FROM ")[1].split()[0] for sql in locking] == [
        '"ecrf_subject"',
        '"ecrf_labpanel"',
        '"ecrf_labresult"',
    ]
    for sql in locking:
        assert " JOIN " not in sql or 'FOR UPDATE OF "ecrf_subject"' in sql, sql


@pytest.mark.parametrize("hostile", ["\x00", "<script>alert(1)</script>", "9" * 40, "1e400"])
def test_hostile_panel_input_is_a_4xx(client, treated, staff_guangzhou, post_panel, hostile):
    client.force_login(staff_guangzhou)
    response = post_panel(treated, "BASELINE", "LIVER", BEFORE_S1, laboratory=hostile, BILI=hostile)
    assert response.status_code == 422
    assert "<script>alert" not in response.content.decode()
    assert not LabResult.objects.exists()


def test_score_window_is_a_study_option(
    client, qh1a, make_subject, make_session, reference_ranges, staff_guangzhou, post_panel
):
    # V16 "± 24 h" is [PROP]: a study may widen it in Study.options["labs"]. Changed as
    # the admin does, it is a new version (issue 21): a subject screened under it.
    amend_options(qh1a, {"labs": {"score_window_hours": 48}})
    treated = make_subject(qh1a, "enrolled")
    make_session(treated, 1, start=NOW - dt.timedelta(days=2))
    client.force_login(staff_guangzhou)
    post_panel(treated, "BASELINE", "LIVER", BEFORE_S1, BILI="34.2", ALB="30")
    post_panel(treated, "BASELINE", "COAGULATION", BEFORE_S1 - dt.timedelta(hours=30), INR="1.5")
    post_panel(treated, "BASELINE", "RENAL", BEFORE_S1, CREAT="106.08", SODIUM="130")
    record_status(treated, local_day(BEFORE_S1))
    response = client.get(subject_url("labs_subject", treated))
    assert next(r for r in response.context["rows"] if r.code == "BASELINE").scores.meld == 15


def test_follow_up_counts_from_the_final_recorded_session(
    client, treated, staff_guangzhou, make_session
):
    # §0 "FS": follow-up timepoints count from the final session; each session has its
    # pre- and end-of-session samples (§1.5).
    make_session(treated, 2, start=timezone.now() - dt.timedelta(hours=6))
    client.force_login(staff_guangzhou)
    response = client.get(subject_url("labs_subject", treated))
    codes = [row.code for row in response.context["rows"]]
    assert codes[:5] == ["BASELINE", "PRE-S1", "POST-S1", "PRE-S2", "POST-S2"]
    assert codes[5:] == ["FS+1", "FS+3", "FS+7", "FS+14", "FS+28"]


def test_a_panel_read_before_anothers_save_is_read_again_under_the_lock(
    client, treated, staff_guangzhou, post_panel
):
    # The form's page reads the panel before the action locks it (lab_panel_record's
    # `seen`): when someone else saved it in between, the stored row is read again and the
    # stale form is refused, never written over the newer save.
    from ecrf.actions.integrity import StaleForm
    from ecrf.actions.labs import lab_panel_record
    from ecrf.lab_catalogue import CATALOGUE
    from ecrf.lab_results import ResultEntry

    client.force_login(staff_guangzhou)
    post_panel(treated, "BASELINE", "LIVER", BEFORE_S1, BILI="30")
    seen = LabPanel.objects.get()

    def save(value, **kwargs):
        entry = ResultEntry("BILI", D(value), CATALOGUE["BILI"].standard_unit.code)
        entry.standard_value = D(value)
        with audit.reason("entry_error", "Typed from the wrong report"):
            return lab_panel_record(
                subject=treated,
                panel="LIVER",
                timepoint="BASELINE",
                sampled_at=seen.sampled_at,
                entries=[entry],
                by=staff_guangzhou,
                **kwargs,
            )

    save("31", version=seen.version)  # another user's save, after the page was read
    with pytest.raises(StaleForm):
        save("32", version=seen.version, seen=seen)
    assert LabResult.objects.get().standard_value == D("31")
    # The form shown again carries the stored version: then it saves.
    current = LabPanel.objects.get()
    save("32", version=current.version, seen=current)
    assert LabResult.objects.get().standard_value == D("32")


# --- The panel's open queries on its form (issue 19 item 7; issue 20: read only if any) ---


def test_the_panel_form_shows_the_panels_open_queries_and_reads_none_without(
    client, treated, staff_guangzhou, monitor_guangzhou, post_panel
):
    client.force_login(staff_guangzhou)
    post_panel(treated, "BASELINE", "LIVER", BEFORE_S1, BILI="30", ALT="40")
    url = panel_url(treated, "BASELINE", "LIVER")
    with CaptureQueriesContext(connection) as read:
        content = client.get(url).content.decode()
    assert "field-query" not in content and "form-query" not in content
    # Asked within the panel's read (a subquery), not read.
    assert not [q for q in read.captured_queries if '"ecrf_dataquery"' in _top_level(q["sql"])]

    panel = LabPanel.objects.get()
    on_time = query_raise(
        record=panel, field="sampled_at", text="Time of the draw?", by=monitor_guangzhou
    )
    on_form = query_raise(record=panel, text="Which laboratory?", by=monitor_guangzhou)
    page = lxml.html.fromstring(client.get(url).content)
    # Beside the sample time's input, and the form's own at the top.
    [beside] = page.xpath(f'//div[@id="div_id_sampled_at"]/div[@data-query="{on_time.pk}"]')
    assert "Time of the draw?" in beside.text_content()
    [top] = page.xpath(f'//div[contains(@class, "form-query")][@data-query="{on_form.pk}"]')
    assert "Which laboratory?" in top.text_content()
