"""Entry-time alerts (issue 9): an SAE entered, an AE that becomes serious, a grade 5 event.
Raised with the AE write, mailed once it commits, to the monitors of the subject's site and
the study's safety reviewers, and nobody else; one alert per trigger and person."""

import datetime as dt

import pytest
from django.core import mail
from django.utils import timezone

from ecrf import audit
from ecrf.actions import adverse_events as ae_actions
from ecrf.models import Alert, AlertTrigger
from tests.alerts.conftest import HYPOTENSION, ae_values, sae_values, serious

pytestmark = pytest.mark.django_db


def alerts_of(ae):
    return {(a.trigger, a.recipient) for a in Alert.objects.filter(adverse_event=ae)}


def test_an_sae_alerts_the_sites_monitors_and_the_studys_safety_reviewers_only(
    enrolled, report_ae, people, told, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        ae = report_ae(
            enrolled,
            sae=sae_values(),
            ctcae_code=HYPOTENSION,
            verbatim_term="Low blood pressure after a fall at home",
            grade=4,
            **serious(),
        )
    assert alerts_of(ae) == {(AlertTrigger.SAE_ENTERED, person) for person in told}
    # Nobody else: not another site's monitor, another study's people, the data manager,
    # the site staff, the investigator who reported it, nor an inactive account.
    assert {m.to[0] for m in mail.outbox} == {person.email for person in told}
    assert len(mail.outbox) == len(told)
    assert all(a.emailed_at is not None for a in Alert.objects.filter(adverse_event=ae))


def test_the_e_mail_names_the_subject_by_code_and_tells_term_grade_and_seriousness_only(
    enrolled, report_ae, people, django_capture_on_commit_callbacks, settings
):
    settings.SITE_URL = "https://ecrf.hospital.example"
    with django_capture_on_commit_callbacks(execute=True):
        ae = report_ae(
            enrolled,
            sae=sae_values(narrative="Fell in the bathroom; daughter called the ambulance."),
            ctcae_code=HYPOTENSION,
            verbatim_term="Low blood pressure after a fall at home",
            grade=4,
            **serious(),
        )
    message = mail.outbox[0]
    text = message.subject + message.body
    assert enrolled.screening_number in message.subject and "NCT06996392" in message.subject
    assert "Hypotension" in text and "Grade: 4" in text and "Serious: yes" in text
    url = (
        f"https://ecrf.hospital.example/studies/NCT06996392/subjects/"
        f"{enrolled.screening_number}/adverse-events/{ae.number}/"
    )
    assert url in message.body
    # No health details beyond term, grade and seriousness, no identifying data.
    for private in ("fall", "daughter", "bathroom", str(enrolled.date_of_birth), "hospitalis"):
        assert private not in text.lower(), private


def test_a_non_serious_event_below_grade_5_alerts_nobody(enrolled, report_ae, people):
    ae = report_ae(enrolled, grade=2)
    assert not Alert.objects.filter(adverse_event=ae).exists()


def test_an_ae_that_becomes_serious_alerts_once(
    enrolled, report_ae, people, told, investigator_guangzhou
):
    ae = report_ae(enrolled, grade=3, ctcae_code=HYPOTENSION, verbatim_term="Hypotension")
    assert not Alert.objects.exists()
    with audit.reason("new_information", "Hospital stay prolonged"):
        ae = ae_actions.ae_update(
            adverse_event=ae,
            by=investigator_guangzhou,
            sae=sae_values(),
            **ae_values(
                enrolled, grade=3, ctcae_code=HYPOTENSION, verbatim_term="Hypotension", **serious()
            ),
        )
    assert alerts_of(ae) == {(AlertTrigger.BECAME_SERIOUS, person) for person in told}
    # A later correction of the same SAE raises nothing new.
    with audit.reason("new_information", "Cells reassessed"):
        ae_actions.ae_update(
            adverse_event=ae,
            by=investigator_guangzhou,
            sae=sae_values(),
            **ae_values(
                enrolled,
                grade=3,
                ctcae_code=HYPOTENSION,
                verbatim_term="Hypotension",
                related_cells="not_related",
                **serious(),
            ),
        )
    assert Alert.objects.count() == len(told)


def test_a_grade_5_event_alerts_with_its_sae(enrolled, report_ae, people, told):
    ae = report_ae(
        enrolled,
        sae=sae_values(),
        ctcae_code=HYPOTENSION,
        verbatim_term="Refractory shock",
        grade=5,
        outcome="fatal",
        **serious(results_in_death=True),
    )
    assert alerts_of(ae) == {
        (trigger, person)
        for trigger in (AlertTrigger.SAE_ENTERED, AlertTrigger.GRADE_5)
        for person in told
    }


def test_a_grade_5_event_not_marked_serious_still_alerts(enrolled, report_ae, people, told):
    ae = report_ae(
        enrolled, ctcae_code=HYPOTENSION, verbatim_term="Shock", grade=5, outcome="fatal"
    )
    assert alerts_of(ae) == {(AlertTrigger.GRADE_5, person) for person in told}
    assert Alert.objects.filter(due_at__isnull=False).count() == 0


def test_a_refused_ae_raises_no_alert(enrolled, report_ae, people):
    from ecrf.actions import ProtocolRefusal

    with pytest.raises(ProtocolRefusal):
        # Awareness before onset: SAE-AWARENESS refuses the whole write.
        report_ae(
            enrolled,
            sae=sae_values(
                awareness_at=timezone.make_aware(
                    dt.datetime.combine(enrolled.consent_date - dt.timedelta(days=1), dt.time())
                )
            ),
            **serious(),
        )
    assert not Alert.objects.exists()
