"""Clock alerts (issue 9; spec §5.2): `manage.py send_due_alerts` raises an alert when an
SAE's reporting clock is about to run out (the study's [PROP] warning window, default 4 h
before the 24-hour site clock is due) and when it has run out; each once, by e-mail and in
the app, whether the command runs twice in a row or twice at the same time."""

import datetime as dt
import threading
import time

import pytest
from django.core import mail
from django.core.mail.backends.locmem import EmailBackend
from django.core.management import call_command
from django.db import connections, transaction
from django.utils import timezone

from ecrf.actions import alerts as alert_actions
from ecrf.actions import integrity
from ecrf.models import Alert, AlertTrigger, SaeReport
from tests.alerts.conftest import HYPOTENSION, sae_values, serious
from tests.conftest import amend_options, reconsent_to

pytestmark = pytest.mark.django_db

H = dt.timedelta(hours=1)
MIN = dt.timedelta(minutes=1)
CLOCK_TRIGGERS = [
    AlertTrigger.SITE_CLOCK_DUE_SOON,
    AlertTrigger.SITE_CLOCK_OVERDUE,
    AlertTrigger.SPONSOR_CLOCK_DUE_SOON,
    AlertTrigger.SPONSOR_CLOCK_OVERDUE,
]


def sae(report_ae, subject, awareness_at, **sae_overrides):
    return report_ae(
        subject,
        sae=sae_values(awareness_at=awareness_at, **sae_overrides),
        ctcae_code=HYPOTENSION,
        verbatim_term="Hypotension",
        grade=3,
        **serious(),
    )


def clock_alerts(ae=None):
    alerts = Alert.objects.filter(trigger__in=CLOCK_TRIGGERS)
    if ae is not None:
        alerts = alerts.filter(adverse_event=ae)
    return {(a.trigger, a.recipient) for a in alerts}


def test_23_h_59_min_after_awareness_the_report_is_due_soon(enrolled, report_ae, people, told):
    # Spec §2.12/§5.2: the site reports an SAE to the sponsor within 24 h of awareness.
    aware = timezone.now() - H
    ae = sae(report_ae, enrolled, aware)
    alert_actions.alerts_raise_due(now=aware + 23 * H + 59 * MIN)
    assert clock_alerts(ae) == {(AlertTrigger.SITE_CLOCK_DUE_SOON, p) for p in told}
    assert {a.due_at for a in Alert.objects.filter(trigger__in=CLOCK_TRIGGERS)} == {aware + 24 * H}


def test_24_h_01_min_after_awareness_the_report_is_overdue(enrolled, report_ae, people, told):
    aware = timezone.now() - H
    ae = sae(report_ae, enrolled, aware)
    alert_actions.alerts_raise_due(now=aware + 24 * H + MIN)
    # First seen overdue: only the overdue alert, no belated "due soon".
    assert clock_alerts(ae) == {(AlertTrigger.SITE_CLOCK_OVERDUE, p) for p in told}


def test_due_soon_then_overdue_each_once(enrolled, report_ae, people, told):
    aware = timezone.now() - H
    ae = sae(report_ae, enrolled, aware)
    for now in (aware + 23 * H, aware + 23 * H + 59 * MIN, aware + 24 * H + MIN, aware + 30 * H):
        alert_actions.alerts_raise_due(now=now)
    assert clock_alerts(ae) == {
        (trigger, p)
        for trigger in (AlertTrigger.SITE_CLOCK_DUE_SOON, AlertTrigger.SITE_CLOCK_OVERDUE)
        for p in told
    }


def test_the_warning_window_is_a_study_option(qh1a, enrolled, report_ae, people, told):
    aware = timezone.now() - H
    ae = sae(report_ae, enrolled, aware)
    alert_actions.alerts_raise_due(now=aware + 19 * H + 59 * MIN)
    assert clock_alerts(ae) == set()  # the default window opens 4 h before the due time
    alert_actions.alerts_raise_due(now=aware + 20 * H + MIN)
    assert clock_alerts(ae) == {(AlertTrigger.SITE_CLOCK_DUE_SOON, p) for p in told}

    # [PROP] per study (Study.options, as the other safety options): warn 1 h before.
    # Seen on a second SAE of the same awareness time (the app may not delete alerts).
    # Changed as the admin does: a new version (issue 21), the subject's once re-consented.
    reconsent_to(enrolled, amend_options(qh1a, {"safety": {"site_due_soon_hours": 1}}))
    second = sae(report_ae, enrolled, aware)
    alert_actions.alerts_raise_due(now=aware + 22 * H)
    assert clock_alerts(second) == set()
    alert_actions.alerts_raise_due(now=aware + 23 * H + MIN)
    assert clock_alerts(second) == {(AlertTrigger.SITE_CLOCK_DUE_SOON, p) for p in told}


def test_a_reported_or_voided_sae_raises_no_clock_alert(
    enrolled, report_ae, people, investigator_guangzhou
):
    aware = timezone.now() - 2 * H
    reported = sae(report_ae, enrolled, aware, reported_to_sponsor_at=aware + H)
    voided = sae(report_ae, enrolled, aware)
    integrity.record_void(record=voided, by=investigator_guangzhou, reason="Wrong subject.")
    alert_actions.alerts_raise_due(now=aware + 30 * H)
    assert clock_alerts() == set()
    assert SaeReport.objects.filter(adverse_event=reported).exists()


def test_the_sponsors_expedited_clock_alerts_too(enrolled, report_ae, people, told):
    # Spec §5.2: a non-fatal SUSAR is due to regulators 15 calendar days after Day 0.
    aware = timezone.now() - 2 * H
    ae = report_ae(
        enrolled,
        sae=sae_values(
            awareness_at=aware, reported_to_sponsor_at=aware + H, sponsor_awareness_at=aware + H
        ),
        ctcae_code=HYPOTENSION,
        verbatim_term="Hypotension",
        grade=3,
        related_device="possible",
        **serious(),
    )
    # Counted from the sponsor's awareness (Day 0): from the site's awareness, an hour
    # earlier, the days fell a date short when that hour crossed the site's midnight.
    day0 = aware + H
    alert_actions.alerts_raise_due(now=day0 + dt.timedelta(days=14))
    assert clock_alerts(ae) == {(AlertTrigger.SPONSOR_CLOCK_DUE_SOON, p) for p in told}
    alert_actions.alerts_raise_due(now=day0 + dt.timedelta(days=17))
    assert (AlertTrigger.SPONSOR_CLOCK_OVERDUE, next(iter(told))) in clock_alerts(ae)


def test_send_due_alerts_twice_mails_each_alert_once(enrolled, report_ae, people, told):
    ae = sae(report_ae, enrolled, timezone.now() - 24 * H - MIN)
    call_command("send_due_alerts")
    # The overdue alert, and the SAE alert whose mail did not go with its entry (in a
    # test the entry's on-commit mail never runs): unsent alerts are retried.
    subjects = sorted(m.subject.split(":")[0] for m in mail.outbox)
    assert subjects == sorted(
        ["[BAL eCRF] SAE report to the sponsor overdue"] * len(told)
        + ["[BAL eCRF] Serious adverse event entered"] * len(told)
    )
    call_command("send_due_alerts")
    assert len(mail.outbox) == 2 * len(told)
    assert clock_alerts(ae) == {(AlertTrigger.SITE_CLOCK_OVERDUE, p) for p in told}
    assert not Alert.objects.filter(emailed_at=None).exists()


def test_23_h_59_min_with_the_command(enrolled, report_ae, people, told):
    ae = sae(report_ae, enrolled, timezone.now() - 23 * H - 59 * MIN)
    call_command("send_due_alerts")
    assert clock_alerts(ae) == {(AlertTrigger.SITE_CLOCK_DUE_SOON, p) for p in told}


# --- Two runs at the same time, against the real PostgreSQL -----------------------------------


class SlowMailBackend(EmailBackend):
    """The test outbox, with a mail server that takes its time: two runs that start
    together are then both sending at once."""

    def send_messages(self, messages):
        time.sleep(0.2)
        return super().send_messages(messages)


def _together(target, count=2):
    barrier = threading.Barrier(count)
    errors = []

    def run():
        try:
            barrier.wait()
            target()
        except Exception as exc:  # reported below, in the test's thread
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run) for _ in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []


@pytest.mark.django_db(transaction=True)
def test_two_concurrent_runs_mail_each_alert_once(enrolled, report_ae, people, told, settings):
    sae(report_ae, enrolled, timezone.now() - 24 * H - MIN)  # its entry mail went at commit
    assert len(mail.outbox) == len(told)
    mail.outbox.clear()
    settings.EMAIL_BACKEND = "tests.alerts.test_clocks.SlowMailBackend"
    _together(lambda: call_command("send_due_alerts"))
    overdue = Alert.objects.filter(trigger=AlertTrigger.SITE_CLOCK_OVERDUE)
    assert sorted(a.recipient_id for a in overdue) == sorted(p.pk for p in told)
    assert sorted(m.to[0] for m in mail.outbox) == sorted(p.email for p in told)
    assert all(a.emailed_at and a.email_attempts == 1 for a in overdue)


@pytest.mark.django_db(transaction=True)
def test_an_alert_being_mailed_by_another_run_is_skipped(enrolled, report_ae, people, told):
    ae = sae(report_ae, enrolled, timezone.now() - H)
    mail.outbox.clear()
    Alert.objects.filter(adverse_event=ae).update(emailed_at=None)
    first = Alert.objects.filter(adverse_event=ae).order_by("pk").first()
    locked, release = threading.Event(), threading.Event()

    def other_run():
        # Another process has this alert's row locked, as alert_send does while mailing.
        with transaction.atomic():
            Alert.objects.select_for_update().get(pk=first.pk)
            locked.set()
            release.wait(10)
        connections.close_all()

    thread = threading.Thread(target=other_run)
    thread.start()
    locked.wait(10)
    try:
        sent, failed = alert_actions.alerts_send()
    finally:
        release.set()
        thread.join()
    assert (sent, failed) == (len(told) - 1, 0)
    assert first.recipient.email not in [m.to[0] for m in mail.outbox]
    assert alert_actions.alerts_send() == (1, 0)  # unlocked: the next run mails it
    assert alert_actions.alerts_send() == (0, 0)
