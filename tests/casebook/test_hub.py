"""The casebook as the subject's hub (issue 19 item 1): every expected form of every visit is a
cell with its status, open queries, verification and signature, linking to its form; the
AEs inline; the kept casebook changes with each of them; "Save and go to next"."""

import re

import pytest
from django.urls import reverse

from ecrf.actions import queries
from ecrf.actions import signoff as signoff_actions
from ecrf.actions.adverse_events import ae_report
from ecrf.models import RenderedCasebook
from ecrf.schedule import subject_schedule
from tests.adverse_events.conftest import ae_values
from tests.clinical.conftest import form_post, history_values
from tests.signoff.conftest import PASSWORD

pytestmark = pytest.mark.django_db


def url(name, subject, **kwargs):
    ids = {"registry_id": subject.study.registry_id, "number": subject.screening_number}
    return reverse(f"ecrf:{name}", kwargs=ids | kwargs)


def cells(content: str, visit: str) -> str:
    """The HTML of one visit's row of the schedule."""
    start = content.index(f'data-visit="{visit}"')
    return content[start : content.index("</tr>", start)]


@pytest.fixture
def subject(qh1a, make_subject):
    return make_subject(qh1a, "enrolled")


@pytest.fixture
def session(subject, make_session):
    return make_session(subject, 1, 240)


@pytest.fixture
def signer(investigator_guangzhou):
    investigator_guangzhou.set_password(PASSWORD)
    investigator_guangzhou.save()
    return investigator_guangzhou


def test_every_expected_form_of_every_visit_is_a_cell_linking_to_its_form(
    client, subject, session, staff_guangzhou
):
    client.force_login(staff_guangzhou)
    content = client.get(url("casebook", subject)).content.decode()
    schedule = subject_schedule(subject)
    for visit in schedule:
        row = cells(content, visit.code)
        for form in visit.forms:
            assert form.name in row, (visit.code, form.name)
    screening = cells(content, "SCR")
    # Registration and the checklist keep their links after enrolment.
    assert f'href="{url("subject_edit", subject)}"' in screening
    assert f'href="{url("eligibility", subject)}"' in screening
    assert f'href="{url("labs_subject", subject)}#tp-BASELINE"' in screening
    assert f'href="{url("clinical_vitals_new", subject)}"' in screening  # none saved yet
    assert f'href="{url("clinical_history_new", subject)}"' in screening
    assert f'href="{url("session_detail", subject, session_number=1)}"' in cells(content, "S1")
    assert f'href="{url("labs_subject", subject)}#tp-FS+1"' in cells(content, "FS+1")
    # Every cell links somewhere.
    assert content.count('class="form-cell ') == content.count('class="form-cell-link"')


def test_a_reader_is_led_to_what_they_may_read(client, subject, session, monitor_guangzhou):
    client.force_login(monitor_guangzhou)
    content = client.get(url("casebook", subject)).content.decode()
    screening = cells(content, "SCR")
    assert url("subject_edit", subject) not in screening
    history = url("audit_record_history", subject, model="ecrf.subject", pk=subject.pk)
    assert f'href="{history}"' in screening
    assert f'href="{url("clinical_vitals", subject)}"' in screening  # the list, not "new"


def test_cells_show_open_queries_verification_and_signature(
    client, subject, session, staff_guangzhou, monitor_guangzhou, signer
):
    client.force_login(staff_guangzhou)
    query = queries.query_raise(record=session, text="Flow?", by=monitor_guangzhou)
    s1 = cells(client.get(url("casebook", subject)).content.decode(), "S1")
    assert 'data-open-queries="1"' in s1 and "mark-unverified" in s1
    queries.query_answer(query=query, text="120.", by=staff_guangzhou)
    signoff_actions.form_verify(record=session, by=monitor_guangzhou)
    s1 = cells(client.get(url("casebook", subject)).content.decode(), "S1")
    assert "data-open-queries" not in s1 and "mark-verified" in s1
    signoff_actions.form_sign(record=session, by=signer, password=PASSWORD, meaning="review")
    s1 = cells(client.get(url("casebook", subject)).content.decode(), "S1")
    assert "mark-signed" in s1


def test_adverse_events_are_listed_inline(client, subject, staff_guangzhou, monitor_guangzhou):
    ae = ae_report(
        subject=subject,
        by=staff_guangzhou,
        **ae_values(subject, grade=3, verbatim_term="Hypotension on the pump"),
    )
    queries.query_raise(record=ae, field="grade", text="Grade 3?", by=monitor_guangzhou)
    client.force_login(staff_guangzhou)
    content = client.get(url("casebook", subject)).content.decode()
    table = content[content.index('id="casebook-aes"') :]
    table = table[: table.index("</table>")]
    row = table[table.index('data-ae="1"') :]
    assert f'href="{url("ae_detail", subject, ae_number=1)}"' in row
    assert "Fever" in row and 'bg-danger">3<' in row and 'data-open-queries="1"' in row


def test_the_kept_casebook_changes_with_each_row_it_shows(
    client, subject, session, staff_guangzhou, monitor_guangzhou, settings
):
    # ecrf/page_cache.py keeps the body while nothing it shows has changed: an AE, a
    # query and a verification each change it.
    settings.CASEBOOK_CACHE = True
    client.force_login(staff_guangzhou)

    def body():
        html = client.get(url("casebook", subject)).content.decode()
        return html[html.index("<main") : html.index("</main>")]

    first = body()
    assert body() == first and RenderedCasebook.objects.filter(subject_id=subject.pk).exists()
    ae = ae_report(subject=subject, by=staff_guangzhou, **ae_values(subject))
    with_ae = body()
    assert 'data-ae="1"' in with_ae and with_ae != first
    queries.query_raise(record=ae, text="Onset?", by=monitor_guangzhou)
    with_query = body()
    assert with_query != with_ae and 'data-open-queries="1"' in with_query
    signoff_actions.form_verify(record=session, by=monitor_guangzhou)
    assert "mark-verified" in cells(body(), "S1")


def test_save_and_go_to_next_opens_the_next_form_to_enter(
    client, subject, session, staff_guangzhou
):
    client.force_login(staff_guangzhou)
    # From the casebook: the first form still to enter, in casebook order.
    response = client.get(url("casebook_next", subject))
    assert response.status_code == 302
    assert response["Location"] == url("clinical_history_new", subject)
    # After saving a form, the form just saved is not the next one.
    response = client.get(
        url("casebook_next", subject) + "?after=" + url("clinical_history_new", subject)
    )
    assert response["Location"] != url("clinical_history_new", subject)


def test_entry_forms_offer_save_and_go_to_next(client, subject, staff_guangzhou):
    client.force_login(staff_guangzhou)
    content = client.get(url("clinical_vitals_new", subject)).content.decode()
    assert re.search(r'<input type="submit"\s+name="_next"', content)


def test_a_save_with_next_goes_to_the_next_form(client, subject, staff_guangzhou):
    client.force_login(staff_guangzhou)
    new = url("clinical_history_new", subject)
    response = client.post(new, form_post(history_values()) | {"_next": "1"})
    assert response.status_code == 302
    assert response["Location"].startswith(url("casebook_next", subject) + "?after=")
    following = client.get(response["Location"])
    # The history is saved complete: the liver-failure diagnosis comes next.
    assert following["Location"] == url("clinical_liver_failure_edit", subject)
