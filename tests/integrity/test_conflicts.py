"""Issue 17 item 4: a conflict never reverts another user's save. Two people open one
form at one version; the second save is refused with, for each field that differs, what
its user opened, what the other saved and what its user entered. Saving again applies
only the second person's changes; a field both changed needs an explicit choice. The
same holds for a session's rows and a panel's results."""

import datetime as dt

import lxml.html
import pytest
from django.test import Client

from ecrf.actions import clinical as clinical_actions
from ecrf.actions import sessions as session_actions
from ecrf.models import LabResult, MedicalHistory, TreatmentSession
from tests.clinical.conftest import history_values, url
from tests.labs.conftest import panel_url
from tests.sessions.conftest import ALL_PASS, at, days, session_values

REASON = {"change_reason": ["entry_error"], "change_reason_detail": ["typed wrong"]}


def form_values(response) -> dict[str, list[str]]:
    """What a browser submits from the page's entry form (the one with a version)."""
    page = lxml.html.fromstring(response.content)
    form = next(f for f in page.forms if "version" in f.inputs.keys())
    values: dict[str, list[str]] = {}
    for name, value in form.form_values():
        values.setdefault(name, []).append(value)
    return values


def opened(user, address) -> tuple[Client, dict]:
    client = Client()
    client.force_login(user)
    response = client.get(address)
    assert response.status_code == 200
    return client, form_values(response)


def save(client, address, values, **changes):
    data = values | REASON | {name: [value] for name, value in changes.items()}
    return client.post(address, data)


def shown(response, key) -> list[str]:
    """The three values of a field on the refusal page: opened, theirs, mine."""
    page = lxml.html.fromstring(response.content)
    row = page.xpath(f'//*[@id="conflicts"]//tr[@data-conflict-field="{key}"]')[0]
    return [row.xpath(f'.//*[@class="conflict-{c}"]')[0].text_content().strip() for c in
            ("opened", "theirs", "mine")]  # fmt: skip


@pytest.fixture
def subject(qh1a, make_subject):
    return make_subject(qh1a, "enrolled")


@pytest.fixture
def history(subject, staff_guangzhou):
    entry = clinical_actions.medical_history_record(
        subject=subject, by=staff_guangzhou, **history_values()
    )
    return url("clinical_history_edit", subject, pk=entry.pk)


def test_a_save_after_someone_elses_keeps_both_changes(
    history, staff_guangzhou, investigator_guangzhou
):
    first, first_form = opened(investigator_guangzhou, history)
    second, second_form = opened(staff_guangzhou, history)
    assert save(first, history, first_form, term="Essential hypertension").status_code == 302

    refused = save(second, history, second_form, start="2016-04")
    assert refused.status_code == 422
    assert "Someone else saved this form after you opened it" in refused.content.decode()
    assert shown(refused, "term") == ["Hypertension", "Essential hypertension", "Hypertension"]
    # The page now shows their term (this user did not change it) and this user's start.
    again = form_values(refused)
    assert again["term"] == ["Essential hypertension"] and again["start"] == ["2016-04"]
    entry = MedicalHistory.objects.get()
    assert (entry.term, entry.start, entry.version) == ("Essential hypertension", "2015-03", 2)

    assert save(second, history, again).status_code == 302
    entry.refresh_from_db()
    assert (entry.term, entry.start, entry.version) == ("Essential hypertension", "2016-04", 3)


@pytest.mark.parametrize(("choice", "kept"), [("theirs", "Their term"), ("mine", "My term")])
def test_a_field_both_changed_needs_a_choice(
    history, staff_guangzhou, investigator_guangzhou, choice, kept
):
    first, first_form = opened(investigator_guangzhou, history)
    second, second_form = opened(staff_guangzhou, history)
    assert save(first, history, first_form, term="Their term").status_code == 302
    refused = save(second, history, second_form, term="My term", start="2016-04")
    assert refused.status_code == 422
    assert shown(refused, "term") == ["Hypertension", "Their term", "My term"]
    assert refused.context["form"].differences[0].conflict

    # Saving again without a choice is refused, and nothing is written.
    again = form_values(refused)
    unchosen = save(second, history, again)
    assert unchosen.status_code == 422
    assert "whose value to keep" in unchosen.content.decode()
    # The choices are still offered on the page refused for want of one.
    assert shown(unchosen, "term") == ["Hypertension", "Their term", "My term"]
    assert MedicalHistory.objects.get().version == 2

    assert save(second, history, again | {"resolve-term": [choice]}).status_code == 302
    entry = MedicalHistory.objects.get()
    assert (entry.term, entry.start, entry.version) == (kept, "2016-04", 3)


def test_a_third_save_meanwhile_is_refused_again(history, staff_guangzhou, investigator_guangzhou):
    # The refused form moved to the version it was shown; a save made after that one
    # makes it stale again, compared with what the refusal page showed.
    first, first_form = opened(investigator_guangzhou, history)
    second, second_form = opened(staff_guangzhou, history)
    assert save(first, history, first_form, term="Their term").status_code == 302
    again = form_values(save(second, history, second_form, start="2016-04"))
    _, third_form = opened(investigator_guangzhou, history)
    assert save(first, history, third_form, term="Third term").status_code == 302
    refused = save(second, history, again)
    assert refused.status_code == 422
    assert shown(refused, "term") == ["Their term", "Third term", "Their term"]
    assert save(second, history, form_values(refused)).status_code == 302
    entry = MedicalHistory.objects.get()
    assert (entry.term, entry.start, entry.version) == ("Third term", "2016-04", 4)


def test_a_sessions_rows_are_merged_too(subject, staff_guangzhou, investigator_guangzhou):
    start = at(days(-1))
    session_actions.session_record(
        subject=subject,
        by=staff_guangzhou,
        values=session_values(start, 240),
        interruptions=[
            {
                "started_at": start + dt.timedelta(minutes=60),
                "ended_at": start + dt.timedelta(minutes=70),
                "circulation_stopped": True,
                "reason": "hypotension",
                "outcome": "resumed",
            }
        ],
        device_checks=ALL_PASS,
    )
    edit = url("session_edit", subject, session_number=1)
    first, first_form = opened(investigator_guangzhou, edit)
    second, second_form = opened(staff_guangzhou, edit)
    # One corrects the interruption's outcome, the other the session's blood flow.
    page = lxml.html.fromstring(first.get(edit).content)
    choices = page.xpath('//select[@name="interruptions-0-outcome"]/option/@value')
    outcome = next(v for v in choices if v and v != "resumed")
    assert save(first, edit, first_form, **{"interruptions-0-outcome": outcome}).status_code == 302
    refused = save(second, edit, second_form, blood_flow_ml_min="110")
    assert refused.status_code == 422
    row = TreatmentSession.objects.get().interruptions.get()
    opened_outcome, theirs, mine = shown(refused, f"interruptions:{row.pk}:outcome")
    assert opened_outcome == mine == "Resumed unchanged" and theirs != opened_outcome

    assert save(second, edit, form_values(refused)).status_code == 302
    session = TreatmentSession.objects.get()
    row = session.interruptions.get()
    assert (session.blood_flow_ml_min, row.outcome, session.version) == (110, outcome, 3)


def test_a_panels_results_are_merged_too(
    client, treated, staff_guangzhou, investigator_guangzhou, post_panel
):
    client.force_login(staff_guangzhou)
    sampled = dt.datetime.now(dt.UTC) - dt.timedelta(days=3)
    assert post_panel(treated, "BASELINE", "LIVER", sampled, BILI="30", ALT="40").status_code == 302
    address = panel_url(treated, "BASELINE", "LIVER")
    first, first_form = opened(investigator_guangzhou, address)
    second, second_form = opened(staff_guangzhou, address)
    assert save(first, address, first_form, ALT_value="45").status_code == 302
    refused = save(second, address, second_form, BILI_value="35")
    assert refused.status_code == 422
    assert shown(refused, "ALT_value") == ["40", "45", "40"]
    assert save(second, address, form_values(refused)).status_code == 302
    values = dict(LabResult.objects.values_list("test_code", "value"))
    assert (values["BILI"], values["ALT"]) == (35, 45)


def test_an_aes_sae_supplement_is_merged_with_it(subject, staff_guangzhou, investigator_guangzhou):
    from ecrf.actions import adverse_events as ae_actions
    from ecrf.models import AdverseEvent
    from tests.adverse_events.conftest import ae_values, sae_values, serious

    ae = ae_actions.ae_report(
        subject=subject,
        by=investigator_guangzhou,
        sae=sae_values(),
        **ae_values(subject, **serious()),
    )
    edit = url("ae_edit", subject, ae_number=ae.number)
    first, first_form = opened(investigator_guangzhou, edit)
    second, second_form = opened(staff_guangzhou, edit)
    assert save(first, edit, first_form, **{"sae-narrative": "Their narrative"}).status_code == 302
    refused = save(second, edit, second_form, verbatim_term="High fever")
    assert refused.status_code == 422
    assert shown(refused, "sae:narrative") == [
        "Admitted for observation.",
        "Their narrative",
        "Admitted for observation.",
    ]
    assert save(second, edit, form_values(refused)).status_code == 302
    ae = AdverseEvent.objects.select_related("sae_report").get()
    assert (ae.verbatim_term, ae.sae_report.narrative) == ("High fever", "Their narrative")


def test_a_form_that_showed_no_record_moves_to_the_stored_one(
    treated, staff_guangzhou, investigator_guangzhou
):
    # The clinical status form opens blank; a second entry for a date corrects the first.
    # Saved by someone else meanwhile, it is refused once, then saved as a correction.
    from ecrf.models import ClinicalStatus
    from tests.labs.conftest import subject_url

    address = subject_url("labs_clinical_status", treated)
    first, first_form = opened(investigator_guangzhou, address)
    second, second_form = opened(staff_guangzhou, address)
    day = {"assessed_on": "2026-01-05", "ascites": "mild", "encephalopathy_grade": "1"}
    assert save(first, address, first_form, **day).status_code == 302
    refused = save(second, address, second_form, **(day | {"encephalopathy_grade": "2"}))
    assert refused.status_code == 422
    assert save(second, address, form_values(refused)).status_code == 302
    assert ClinicalStatus.objects.get().encephalopathy_grade == 2
