"""Alerts from the AE page and the notification list (issue 9): a mail failure loses
neither the AE nor the page, and leaves the alert for send_due_alerts to retry; each user
sees and marks only their own notifications; the list's query count stays flat."""

import datetime as dt

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from ecrf.models import AdverseEvent, Alert, AlertTrigger
from tests.adverse_events.conftest import ae_post
from tests.alerts.conftest import HYPOTENSION, ae_values, sae_values, serious

pytestmark = pytest.mark.django_db


def ae_new(subject):
    return reverse(
        "ecrf:ae_new",
        kwargs={"registry_id": subject.study.registry_id, "number": subject.screening_number},
    )


def post_sae(client, subject, grade=4):
    awareness = timezone.now().replace(second=0, microsecond=0) - dt.timedelta(hours=1)
    data = ae_post(
        ae_values(
            subject, ctcae_code=HYPOTENSION, verbatim_term="Hypotension", grade=grade, **serious()
        ),
        sae_values(awareness_at=awareness),
    )
    return client.post(ae_new(subject), data)


def test_a_mail_failure_loses_nothing_and_send_due_alerts_retries(
    client, enrolled, people, told, settings, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = "tests.alerts.conftest.BrokenMailBackend"
    client.force_login(people["staff"])
    with django_capture_on_commit_callbacks(execute=True):
        response = post_sae(client, enrolled)
    assert response.status_code == 302  # the page answers as usual, not 500
    ae = AdverseEvent.objects.get()
    alerts = Alert.objects.filter(adverse_event=ae)
    assert {a.recipient for a in alerts} == told
    assert all(a.emailed_at is None and "SMTPServerDisconnected" in a.email_error for a in alerts)
    assert mail.outbox == []

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    call_command("send_due_alerts")
    assert sorted(m.to[0] for m in mail.outbox) == sorted(p.email for p in told)
    assert all(a.emailed_at and a.email_attempts == 2 for a in alerts.all())
    call_command("send_due_alerts")
    assert len(mail.outbox) == len(told)


def test_staff_entering_a_grade_4_sae_mails_and_notifies(
    client, enrolled, people, told, django_capture_on_commit_callbacks
):
    client.force_login(people["staff"])
    with django_capture_on_commit_callbacks(execute=True):
        assert post_sae(client, enrolled).status_code == 302
    assert sorted(m.to[0] for m in mail.outbox) == sorted(p.email for p in told)
    client.force_login(people["monitor"])
    page = client.get(reverse("ecrf:notifications")).content.decode()
    assert 'id="unread-notifications">1<' in page
    assert enrolled.screening_number in page and "Serious adverse event entered" in page


def test_notifications_are_each_users_own(client, enrolled, report_ae, people):
    report_ae(enrolled, sae=sae_values(), **serious())
    mine = Alert.objects.get(recipient=people["monitor"])
    theirs = Alert.objects.get(recipient=people["safety"])
    client.force_login(people["monitor"])
    page = client.get(reverse("ecrf:notifications")).content.decode()
    assert f'data-alert="{mine.pk}"' in page and f'data-alert="{theirs.pk}"' not in page
    # Another's notification answers as one that does not exist, and stays unread.
    read = reverse("ecrf:notification_read", kwargs={"pk": theirs.pk})
    assert client.post(read).status_code == 404
    assert client.get(read).status_code == 405
    theirs.refresh_from_db()
    assert theirs.read_at is None

    response = client.post(reverse("ecrf:notification_read", kwargs={"pk": mine.pk}))
    assert response.status_code == 302
    mine.refresh_from_db()
    assert mine.read_at is not None
    page = client.get(reverse("ecrf:notifications")).content.decode()
    assert 'id="unread-notifications"' not in page


def test_mark_all_read_marks_only_the_users_own(client, enrolled, report_ae, people):
    report_ae(enrolled, sae=sae_values(), **serious())
    report_ae(enrolled, ctcae_code=HYPOTENSION, verbatim_term="Shock", grade=5, outcome="fatal")
    client.force_login(people["safety"])
    assert client.post(reverse("ecrf:notifications_read_all")).status_code == 302
    assert not Alert.objects.filter(recipient=people["safety"], read_at=None).exists()
    assert Alert.objects.filter(recipient=people["monitor"], read_at=None).count() == 2
    # The reading is in the audit trail (the alerts are audited).
    assert (
        Alert.objects.get(recipient=people["safety"], trigger=AlertTrigger.GRADE_5)
        .events.filter(pgh_label="update")
        .exists()
    )


def test_login_required_and_only_alert_roles_see_the_link(client, enrolled, people):
    url = reverse("ecrf:notifications")
    assert client.get(url).status_code == 302
    client.force_login(people["staff"])
    home = client.get(reverse("ecrf:home")).content.decode()
    assert 'id="notifications-link"' not in home
    client.force_login(people["monitor"])
    home = client.get(reverse("ecrf:home")).content.decode()
    assert 'id="notifications-link"' in home


def test_the_list_query_count_does_not_grow(
    client, enrolled, report_ae, people, django_assert_max_num_queries
):
    report_ae(enrolled, sae=sae_values(), **serious())
    client.force_login(people["monitor"])
    url = reverse("ecrf:notifications")
    with django_assert_max_num_queries(15) as few:
        assert client.get(url).status_code == 200
    for _ in range(5):
        report_ae(enrolled, sae=sae_values(), **serious())
    assert Alert.objects.filter(recipient=people["monitor"]).count() == 6
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert client.get(url).status_code == 200
