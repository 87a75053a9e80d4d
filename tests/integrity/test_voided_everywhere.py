"""Issue 4 item 3: "Voided records stay visible in the history and in exports, flagged as
voided." The pages that list deviations, clinical statuses, lab panels, the study's AEs
and data queries keep a voided record, flagged, at no extra query per row; the lab panels
and clinical statuses show their lifecycle badge."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from ecrf.actions import adverse_events as ae_actions
from ecrf.actions import clinical, sessions
from ecrf.actions import labs as lab_actions
from ecrf.actions import queries as query_actions
from ecrf.actions.integrity import record_void
from ecrf.lab_results import ResultEntry
from tests.adverse_events.conftest import ae_values
from tests.clinical.conftest import history_values
from tests.conftest import TODAY

pytestmark = pytest.mark.django_db

FLAG = "Voided (entered in error): Typed into the wrong casebook, investigator_gz,"
REASON = "Typed into the wrong casebook"


@pytest.fixture
def subject(qh1a, make_subject):
    return make_subject(qh1a, "enrolled")


def subject_url(name, subject):
    return reverse(
        f"ecrf:{name}",
        kwargs={"registry_id": subject.study.registry_id, "number": subject.screening_number},
    )


def study_url(name, subject):
    return reverse(f"ecrf:{name}", kwargs={"registry_id": subject.study.registry_id})


def deviation(subject, by, i):
    return sessions.deviation_report(
        subject=subject,
        by=by,
        category="other",
        description=f"Consent form version {i}",
        occurred_on=TODAY,
        severity="minor",
    )


def status(subject, by, i):
    return lab_actions.clinical_status_record(
        subject=subject,
        by=by,
        assessed_on=TODAY - dt.timedelta(days=i),
        ascites="none",
        encephalopathy_grade=0,
        dialysed_twice_last_week=False,
    )


def panel(subject, by, i):
    entries = []
    for code, value in {"HGB": Decimal("120"), "PLAT": Decimal("200")}.items():
        entry = ResultEntry(code, value, "")
        entry.standard_value = value
        entries.append(entry)
    return lab_actions.lab_panel_record(
        subject=subject,
        panel="HAEMATOLOGY",
        timepoint="BASELINE",
        sampled_at=timezone.now() - dt.timedelta(days=1, minutes=i),
        entries=entries,
        by=by,
    )


def adverse_event(subject, by, i):
    return ae_actions.ae_report(subject=subject, by=by, **ae_values(subject, verbatim_term=f"F{i}"))


# page -> (url of the page, how to enter one row of it)
PAGES = {
    "casebook deviations": (lambda s: subject_url("casebook", s), deviation),
    "study deviations": (lambda s: study_url("session_deviations", s), deviation),
    "clinical status": (lambda s: subject_url("labs_clinical_status", s), status),
    "labs": (lambda s: subject_url("labs_subject", s), panel),
    "study AEs": (lambda s: study_url("ae_study_list", s), adverse_event),
}


@pytest.fixture
def ranges(guangzhou):
    call_command("load_reference_ranges", verbosity=0)


@pytest.mark.parametrize("page", PAGES)
def test_a_voided_row_stays_listed_flagged(
    client, subject, investigator_guangzhou, monitor_guangzhou, ranges, page
):
    url, make = PAGES[page]
    # Voided first: a live lab panel would be corrected, not doubled, by a second one.
    record_void(
        record=make(subject, investigator_guangzhou, 2), by=investigator_guangzhou, reason=REASON
    )
    make(subject, investigator_guangzhou, 1)
    readers = [investigator_guangzhou, monitor_guangzhou]
    if page == "clinical status":
        readers.pop()  # an entry page: a monitor gets 403 there
    for reader in readers:
        client.force_login(reader)
        content = client.get(url(subject)).content.decode()
        assert content.count(FLAG) == 1, (page, reader)
        assert content.count('class="text-muted voided"') == 1


@pytest.mark.parametrize("page", PAGES)
def test_voided_rows_cost_no_query_each(
    client, subject, investigator_guangzhou, ranges, page, django_assert_max_num_queries
):
    url, make = PAGES[page]
    client.force_login(investigator_guangzhou)

    def add_voided(i):
        record_void(
            record=make(subject, investigator_guangzhou, i),
            by=investigator_guangzhou,
            reason=REASON,
        )

    add_voided(1)
    with django_assert_max_num_queries(60) as few:
        client.get(url(subject))
    for i in (2, 3, 4):
        add_voided(i)
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(url(subject))
    assert response.content.decode().count(FLAG) == 4


@pytest.mark.parametrize("page", ["clinical status", "labs"])
def test_lab_panels_and_clinical_statuses_show_their_lifecycle(
    client, subject, investigator_guangzhou, ranges, page, django_assert_max_num_queries
):
    url, make = PAGES[page]
    client.force_login(investigator_guangzhou)
    make(subject, investigator_guangzhou, 1)
    with django_assert_max_num_queries(60) as few:
        content = client.get(url(subject)).content.decode()
    assert content.count('class="lifecycle" data-state="complete"') == 1
    if page == "clinical status":
        for i in (2, 3, 4):
            make(subject, investigator_guangzhou, i)
        with django_assert_max_num_queries(len(few.captured_queries)):
            content = client.get(url(subject)).content.decode()
        assert content.count('class="lifecycle" data-state="complete"') == 4


def test_a_query_on_a_voided_record_is_flagged(
    client, subject, investigator_guangzhou, monitor_guangzhou
):
    entry = clinical.medical_history_record(
        subject=subject, by=investigator_guangzhou, **history_values()
    )
    query = query_actions.query_raise(record=entry, text="Which year?", by=monitor_guangzhou)
    other = clinical.medical_history_record(
        subject=subject, by=investigator_guangzhou, **history_values(term="Asthma")
    )
    query_actions.query_raise(record=other, text="Still?", by=monitor_guangzhou)
    record_void(record=entry, by=investigator_guangzhou, reason=REASON)
    client.force_login(monitor_guangzhou)
    listed = client.get(study_url("query_list", subject)).content.decode()
    assert listed.count("on a voided record") == 1
    assert client.get(reverse("ecrf:query_waiting")).status_code == 200
    detail = client.get(
        reverse(
            "ecrf:query_detail",
            kwargs={"registry_id": subject.study.registry_id, "pk": query.pk},
        )
    ).content.decode()
    assert "on a voided record" in detail and FLAG in detail
