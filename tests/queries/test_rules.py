"""Query rules (issue 4 item 6): who raises, answers, closes and reopens, and the soft
checks that raise queries by themselves (spec §0: "Soft = value accepted but raises a
query/alert"; §2.6 vital-sign soft alerts; V15 lab check [PROP])."""

import datetime as dt

import pytest
from django.core.management import call_command
from django.utils import timezone

from ecrf import audit
from ecrf.actions import ProtocolRefusal, queries
from ecrf.actions.clinical import vital_signs_record
from ecrf.models import DataQuery, LabResult
from tests.conftest import amend_options, reconsent_to

pytestmark = pytest.mark.django_db


def rules(refusal):
    return {r.rule for r in refusal.value.refusals}


# --- Roles ------------------------------------------------------------------------------------


def test_monitor_raises_a_field_level_query(query, session, monitor_guangzhou):
    # Issue 4 item 6: a query names the record and, optionally, one of its fields.
    assert (query.status, query.field, query.automatic) == ("open", "blood_flow_ml_min", False)
    assert query.record == session and query.subject == session.subject
    assert query.field_label == "blood flow (mL/min)"
    assert [(m.kind, m.author) for m in query.messages.all()] == [("raise", monitor_guangzhou)]


def test_data_manager_raises_on_the_whole_form(subject, datamanager_guangzhou):
    query = queries.query_raise(record=subject, text="Consent version?", by=datamanager_guangzhou)
    assert (query.field, query.record_label) == ("", subject.screening_number)


def test_site_staff_cannot_raise(session, staff_guangzhou, investigator_guangzhou):
    # Issue 4 item 6: only monitors and data managers of the record's site raise queries.
    for user in (staff_guangzhou, investigator_guangzhou):
        with pytest.raises(ProtocolRefusal) as refusal:
            queries.query_raise(record=session, text="?", by=user)
        assert rules(refusal) == {"QUERY-ROLE"}
    assert not DataQuery.objects.exists()


def test_another_sites_monitor_cannot_raise(session, monitor_beijing):
    with pytest.raises(ProtocolRefusal) as refusal:
        queries.query_raise(record=session, text="?", by=monitor_beijing)
    assert rules(refusal) == {"QUERY-ROLE"}


def test_unknown_field_and_empty_text_are_refused(session, monitor_guangzhou):
    with pytest.raises(ProtocolRefusal) as refusal:
        queries.query_raise(record=session, field="nonsense", text="  ", by=monitor_guangzhou)
    assert {(r.rule, r.field) for r in refusal.value.refusals} == {
        ("QUERY-FIELD", "field"),
        ("QUERY-TEXT", "text"),
    }


def test_staff_answers_monitor_closes_and_reopens(
    query, staff_guangzhou, investigator_guangzhou, monitor_guangzhou
):
    # open -> answered -> closed; closed -> reopened = open again.
    query = queries.query_answer(query=query, text="Source corrected.", by=staff_guangzhou)
    assert (query.status, query.version) == ("answered", 2)
    query = queries.query_close(query=query, by=monitor_guangzhou)
    assert query.status == "closed"
    query = queries.query_reopen(query=query, text="Still 120 on screen.", by=monitor_guangzhou)
    assert query.status == "open"
    query = queries.query_answer(query=query, text="Now 150.", by=investigator_guangzhou)
    kinds = list(query.messages.values_list("kind", flat=True))
    assert kinds == ["raise", "answer", "close", "reopen", "answer"]


def test_only_the_site_answers_and_only_while_open(query, monitor_guangzhou, staff_guangzhou):
    with pytest.raises(ProtocolRefusal) as refusal:
        queries.query_answer(query=query, text="x", by=monitor_guangzhou)
    assert rules(refusal) == {"QUERY-ROLE"}
    queries.query_answer(query=query, text="Done.", by=staff_guangzhou)
    with pytest.raises(ProtocolRefusal) as refusal:
        queries.query_answer(query=query, text="Again.", by=staff_guangzhou)
    assert rules(refusal) == {"QUERY-STATUS"}


def test_site_staff_cannot_close_or_reopen(query, staff_guangzhou, monitor_guangzhou):
    with pytest.raises(ProtocolRefusal) as refusal:
        queries.query_close(query=query, by=staff_guangzhou)
    assert rules(refusal) == {"QUERY-ROLE"}
    queries.query_close(query=query, by=monitor_guangzhou)
    with pytest.raises(ProtocolRefusal) as refusal:
        queries.query_reopen(query=query, text="x", by=staff_guangzhou)
    assert rules(refusal) == {"QUERY-ROLE"}
    with pytest.raises(ProtocolRefusal) as refusal:
        queries.query_close(query=query, by=monitor_guangzhou)
    assert rules(refusal) == {"QUERY-STATUS"}


def test_answer_and_reopen_need_a_message(query, staff_guangzhou, monitor_guangzhou):
    with pytest.raises(ProtocolRefusal) as refusal:
        queries.query_answer(query=query, text=" ", by=staff_guangzhou)
    assert rules(refusal) == {"QUERY-TEXT"}
    queries.query_close(query=query, by=monitor_guangzhou)
    with pytest.raises(ProtocolRefusal) as refusal:
        queries.query_reopen(query=query, text="", by=monitor_guangzhou)
    assert rules(refusal) == {"QUERY-TEXT"}


# --- Soft checks raise queries --------------------------------------------------------------


def vitals(subject, entry=None, **overrides):
    values = {
        "timepoint": "screening",
        "measured_at": timezone.now() - dt.timedelta(hours=1),
        "systolic_bp": 118,
        "diastolic_bp": 72,
        "heart_rate": 84,
        "respiratory_rate": 16,
        "temperature_c": None,
        "spo2_percent": 97,
    }
    values.update(overrides)
    return vital_signs_record(subject=subject, by=subject.created_by, entry=entry, **values)


def test_normal_vital_signs_raise_no_query(subject):
    vitals(subject)
    assert not DataQuery.objects.exists()


def test_low_systolic_bp_raises_one_automatic_query_even_if_saved_twice(subject):
    # Spec §2.6: systolic BP "Soft (alert) < 90"; §0: a soft value "raises a query".
    reading = vitals(subject, systolic_bp=85, diastolic_bp=63)
    with audit.reason("entry_error", "86, not 85"):  # a correction of a complete form
        vitals(subject, entry=reading, systolic_bp=86, diastolic_bp=63)
    query = DataQuery.objects.get()
    assert (query.automatic, query.rule, query.field, query.raised_by) == (
        True,
        "VS-SYSBP",
        "systolic_bp",
        None,
    )
    assert query.record == reading and "90" in query.text
    assert [(m.kind, m.author) for m in query.messages.all()] == [("raise", None)]


def test_a_closed_automatic_query_is_raised_again_by_a_new_save(subject, monitor_guangzhou):
    reading = vitals(subject, systolic_bp=85, diastolic_bp=63)
    queries.query_close(query=DataQuery.objects.get(), by=monitor_guangzhou, text="Confirmed.")
    with audit.reason("entry_error", "84, not 85"):
        vitals(subject, entry=reading, systolic_bp=84, diastolic_bp=63)
    assert list(DataQuery.objects.values_list("status", flat=True).order_by("pk")) == [
        "closed",
        "open",
    ]
    # Reopening the first would duplicate the active one.
    with pytest.raises(ProtocolRefusal) as refusal:
        queries.query_reopen(query=DataQuery.objects.earliest("pk"), text="x", by=monitor_guangzhou)
    assert rules(refusal) == {"QUERY-DUPLICATE"}


def test_map_alert_is_a_query_on_the_form(subject):
    # Spec §2.6: MAP is derived, "< 65" alerts; the query names no stored field.
    vitals(subject, systolic_bp=90, diastolic_bp=50)  # MAP 63, DBP 50 not < 50
    assert set(DataQuery.objects.values_list("rule", "field")) == {("VS-MAP", "")}


def lab_panel(subject, **values):
    from ecrf.actions.labs import lab_panel_record
    from ecrf.lab_results import ResultEntry

    entries = []
    for code, (value, unit) in values.items():
        entry = ResultEntry(code, value, unit)
        entry.standard_value = value
        entries.append(entry)
    return lab_panel_record(
        subject=subject,
        panel="HAEMATOLOGY",
        timepoint="BASELINE",
        sampled_at=timezone.now() - dt.timedelta(days=1),
        entries=entries,
        by=subject.created_by,
    )


@pytest.fixture
def reference_ranges(guangzhou):
    call_command("load_reference_ranges", verbosity=0)


def test_lab_result_flagged_with_grade_3_raises_a_query(
    subject, reference_ranges, monitor_guangzhou
):
    # Spec V15 soft check [PROP]: flagged L, CTCAE "Platelet count decreased" < 50 -> grade 3.
    from decimal import Decimal

    lab_panel(subject, PLAT=(Decimal("40"), "10^9/L"), WBC=(Decimal("3.0"), "10^9/L"))
    grades = dict(LabResult.objects.values_list("test_code", "ctcae_grade"))
    assert grades["PLAT"] == 3 and grades["WBC"] < 3
    query = DataQuery.objects.get()
    assert (query.rule, query.field, query.record.test_code) == ("V15", "value", "PLAT")
    with audit.reason("query_response", "41 on the lab report"):
        lab_panel(subject, PLAT=(Decimal("41"), "10^9/L"))  # corrected, still grade 3: no second
    assert DataQuery.objects.count() == 1
    # Once closed, the next correction still at grade 3 is queried again (the check reads
    # whether a query is active with the results it locks).
    queries.query_close(query=query, by=monitor_guangzhou, text="Confirmed on the report")
    with audit.reason("query_response", "42 on the lab report"):
        lab_panel(subject, PLAT=(Decimal("42"), "10^9/L"))
    assert DataQuery.objects.filter(status="open", rule="V15").count() == 1
    assert DataQuery.objects.count() == 2


def test_the_lab_grade_threshold_is_a_study_option(subject, reference_ranges):
    # [PROP] values are per-study options: from grade 4 only, grade 3 is not queried.
    from decimal import Decimal

    # Changed as the admin does: a new version (issue 21), the subject's once re-consented.
    reconsent_to(subject, amend_options(subject.study, {"queries": {"lab_min_grade": 4}}))
    lab_panel(subject, PLAT=(Decimal("40"), "10^9/L"))
    assert not DataQuery.objects.exists()


def test_query_rules_refuse_a_bad_grade():
    with pytest.raises(ValueError):
        queries.QueryRules(lab_min_grade=7)
