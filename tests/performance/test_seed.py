"""Issue 7, item 2: the benchmark's study (bench/seed.py), seeded small. The rows must be
what the forms would have entered: keys unique, no date in the future, each row with its
audit record, and the pages the benchmark loads must work on them."""

import datetime as dt

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db.models import Count, F, Max
from django.http import HttpRequest
from django.utils import timezone

from bench import seed
from bench.load import correct_one_value, next_form, post_form
from ecrf import audit
from ecrf.models import AdverseEvent, LabPanel, LabResult, Subject, TreatmentSession

COUNTS = seed.Counts(subjects=4, sessions=9, lab_values=130, adverse_events=10, audit_records=0)


@pytest.fixture
def seeded(db):
    call_command("load_demo", verbosity=0)
    totals = seed.seed(COUNTS, workers=1, log=lambda message: None)
    return totals, Subject.all_objects.filter(created_by__username=seed.SEED_USERNAME)


def test_the_counts_asked_are_written(seeded):
    totals, subjects = seeded
    assert totals == {
        "subjects": 4,
        "sessions": 9,
        "lab_values": 130,
        "adverse_events": 10,
        "audit_records": seed.audit_record_count(),
    }
    # Both studies, numbered after the demo's own subjects of each site.
    assert set(subjects.values_list("study__package", flat=True)) == set(seed.SHARES)
    assert sorted(subjects.values_list("screening_number", flat=True)) == [
        "BFH-004",
        "BFH-005",
        "SYSU3-006",
        "SYSU3-007",
    ]


def test_keys_are_numbered_per_subject_and_no_date_is_in_the_future(seeded):
    _totals, subjects = seeded
    for subject in subjects:
        numbers = list(subject.sessions.order_by("number").values_list("number", flat=True))
        assert numbers == list(range(1, len(numbers) + 1))
        aes = list(subject.adverse_events.order_by("number").values_list("number", flat=True))
        assert aes == list(range(1, len(aes) + 1))
    now = timezone.now()
    assert LabResult.objects.filter(subject__in=subjects).aggregate(m=Max("sampled_at"))["m"] < now
    assert (
        TreatmentSession.objects.filter(subject__in=subjects).aggregate(m=Max("ended_at"))["m"]
        < now
    )
    latest_onset = AdverseEvent.objects.filter(subject__in=subjects).aggregate(m=Max("onset_date"))[
        "m"
    ]
    assert latest_onset < dt.date.today()
    # A lab result lies in its panel's subject and time (the trend index reads them).
    results = LabResult.objects.filter(subject__in=subjects)
    assert (
        results.count()
        == results.filter(subject=F("panel__subject"), sampled_at=F("panel__sampled_at")).count()
    )


def test_each_seeded_row_has_its_insert_event(seeded):
    _totals, subjects = seeded
    for model in (Subject, TreatmentSession, LabPanel, LabResult, AdverseEvent):
        event_model = audit.subject_links()[model].event_model
        if model is Subject:
            rows = subjects
        else:
            rows = model.all_objects.filter(subject__in=subjects)
        ids = list(rows.values_list("pk", flat=True))
        inserts = event_model.objects.filter(pgh_obj_id__in=ids, pgh_label="insert")
        assert inserts.count() == len(ids), model


def test_the_audit_trail_is_topped_up_with_update_events(db):
    call_command("load_demo", verbosity=0)
    before = seed.audit_record_count()
    target = before + 1500  # more than the inserts (~700): the rest are re-saves
    seed.seed(seed.Counts(4, 9, 130, 10, audit_records=target), workers=1, log=lambda message: None)
    assert seed.audit_record_count() == target
    event_model = audit.subject_links()[LabResult].event_model
    updates = event_model.objects.filter(pgh_label="update")
    assert updates.exists()
    # Re-saves under a reason for change, as corrections are.
    assert {e.pgh_context.metadata.get("reason") for e in updates[:20]} == {"source_corrected"}
    # A result was re-saved at most once more than any other (passes over the results).
    per_row = updates.values("pgh_obj_id").annotate(n=Count("pgh_id")).values_list("n", flat=True)
    assert max(per_row) - min(per_row) <= 1


def test_seeding_again_adds_nothing(seeded):
    totals, _subjects = seeded
    assert seed.seed(COUNTS, workers=1, log=lambda message: None) == totals


def test_the_benchmark_pages_work_on_seeded_subjects(seeded, client):
    """The casebook, and a lab panel saved back corrected as the load driver does: its
    form fetched once, then POSTs back to back, each with the form next_form predicts."""
    _totals, subjects = seeded
    client.login(request=HttpRequest(), username="investigator", password="bal-demo-2026")
    subject = subjects.order_by("pk").first()
    base = f"/studies/{subject.study.registry_id}/subjects/{subject.screening_number}/"
    assert client.get(base).status_code == 200
    panel = LabPanel.objects.filter(subject=subject, timepoint="BASELINE", panel="LIVER").get()
    path = f"{base}labs/BASELINE/LIVER/"
    fields = correct_one_value(post_form(client.get(path).content.decode()), 0)
    response = client.post(path, fields)
    assert response.status_code == 302, response.content.decode()[:2000]
    panel.refresh_from_db()
    assert panel.version == 2
    # The form the server shows now is the one next_form predicted, but for the
    # one-time key (fresh in each), the CSRF token (masked afresh, same secret) and the
    # reason for change (blank: typed again for each change, as correct_one_value does),
    # and the signed snapshot of what the form showed (signed afresh in each; read only
    # when a save is refused as stale, issue 17 item 4).
    predicted = next_form(fields)
    shown = post_form(client.get(path).content.decode())
    assert shown.keys() == predicted.keys()
    changing = {
        "idempotency_key",
        "csrfmiddlewaretoken",
        "change_reason",
        "change_reason_detail",
        "opened",
    }
    assert {k: v for k, v in shown.items() if k not in changing} == {
        k: v for k, v in predicted.items() if k not in changing
    }
    assert predicted["idempotency_key"] != fields["idempotency_key"]
    again = correct_one_value(predicted, 1)
    assert client.post(path, again).status_code == 302
    panel.refresh_from_db()
    assert panel.version == 3
    # A POST of a form older than the save is refused as stale: the benchmark counts it.
    stale = next_form(fields) | {"version": "2"}
    assert client.post(path, correct_one_value(stale, 0)).status_code == 422
    assert get_user_model().objects.get(username=seed.SEED_USERNAME).has_usable_password() is False
