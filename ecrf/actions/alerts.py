"""Safety alerts (issue 9): raise them, mail each once, and mark them read.

- Entry-time alerts (an SAE entered, an AE become serious, a grade 5 event) are raised by
  the AE actions in their own transaction, so an alert exists exactly when its AE write
  does; the e-mail goes once that transaction commits. A mail failure leaves the alert
  unsent (the AE is saved, the page answers as usual) and send_due_alerts retries it.
- Clock alerts (spec §5.2: a report about to run out, or run out) are raised by
  `manage.py send_due_alerts`, run every few minutes from cron or a systemd timer.

Each alert happens once per trigger, event and person: the unique constraint with
INSERT ... ON CONFLICT DO NOTHING when raising, and SELECT ... FOR UPDATE SKIP LOCKED
when sending, so two runs at the same time neither raise nor mail anything twice.
"""

from __future__ import annotations

import datetime as dt
import functools
import logging
from collections.abc import Iterable

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from ecrf import alerts
from ecrf.models import AdverseEvent, Alert, AlertTrigger, Deviation, SaeReport
from ecrf.models.treatment import Severity

logger = logging.getLogger(__name__)


def alerts_raise(*, adverse_event: AdverseEvent, triggers: Iterable[alerts.Trigger]) -> None:
    """Raise the alerts of one AE for its monitors and safety reviewers, in the caller's
    transaction, and mail them once it commits. An alert already raised is left as it
    is (ON CONFLICT DO NOTHING)."""
    triggers = list(triggers)
    if not triggers:
        return
    people = alerts.recipients(adverse_event.subject)
    Alert.objects.bulk_create(
        [
            Alert(
                trigger=trigger,
                subject_id=adverse_event.subject_id,
                adverse_event=adverse_event,
                recipient=person,
                due_at=due,
            )
            for trigger, due in triggers
            for person in people
        ],
        ignore_conflicts=True,
    )
    # robust: a failure to mail is logged, never raised into the page that saved the AE.
    transaction.on_commit(
        functools.partial(alerts_send, adverse_event_id=adverse_event.pk), robust=True
    )


def deviation_alerts_raise(*, deviation: Deviation) -> None:
    """Tell the site's monitors of a deviation a protocol rule recorded, and the study's
    safety reviewers too when it is major (issue 18: a breach is saved, flagged and
    alerted, never refused). In the caller's transaction; mailed once it commits."""
    major = deviation.severity == Severity.MAJOR
    trigger = AlertTrigger.MAJOR_DEVIATION if major else AlertTrigger.DEVIATION
    people = alerts.recipients(deviation.subject, reviewers=major)
    Alert.objects.bulk_create(
        [
            Alert(
                trigger=trigger,
                subject_id=deviation.subject_id,
                deviation=deviation,
                recipient=person,
            )
            for person in people
        ],
        ignore_conflicts=True,
    )
    transaction.on_commit(functools.partial(alerts_send, deviation_id=deviation.pk), robust=True)


@transaction.atomic
def alerts_raise_due(*, now: dt.datetime | None = None) -> None:
    """Raise the clock alerts of every open SAE whose reporting clock is about to run
    out or has run out (spec §5.2), once per clock state, event and person."""
    from ecrf.actions.adverse_events import safety_rules  # it imports this module
    from ecrf.versions import with_subject_versions

    now = now or timezone.now()
    # Each SAE's clocks by its subject's protocol version on its onset (issue 21).
    reports = with_subject_versions(
        SaeReport.objects.filter(adverse_event__serious=True, adverse_event__voided_at=None)
        .filter(
            Q(reported_to_sponsor_at=None)
            | Q(sponsor_awareness_at__isnull=False, regulatory_submitted_at=None)
        )
        .select_related("adverse_event__subject__study", "adverse_event__subject__site")
        .order_by("pk"),
        "adverse_event__subject",
    )
    people, rows = {}, []
    for report in reports:
        ae = report.adverse_event  # select_related also caches ae.sae_report
        subject = ae.subject
        # Issue 21: the clocks of the subject's protocol version on the AE's onset.
        rules = safety_rules(subject, on=ae.onset_date)
        triggers = alerts.clock_triggers(ae, rules, now)
        if triggers and subject.site_id not in people:
            people[subject.site_id] = alerts.recipients(subject)
        rows += [
            Alert(
                trigger=trigger,
                subject_id=ae.subject_id,
                adverse_event=ae,
                recipient=person,
                due_at=due,
                created_at=now,
            )
            for trigger, due in triggers
            for person in people.get(subject.site_id, [])
        ]
    Alert.objects.bulk_create(rows, ignore_conflicts=True)


def alert_send(*, alert_id: int) -> bool | None:
    """Mail one alert unless it is mailed already or another process is mailing it now
    (the row lock, skipped): True when sent, False when the mail failed (recorded on the
    alert, retried by the next send_due_alerts), None when there was nothing to do."""
    with transaction.atomic():
        alert = (
            Alert.objects.select_for_update(skip_locked=True, of=("self",))
            .select_related(
                "recipient",
                "subject__study",
                "subject__site",
                "deviation",
                "adverse_event__subject__study",
                "adverse_event__subject__site",
            )
            .filter(pk=alert_id, emailed_at=None)
            .first()
        )
        if alert is None or not alert.recipient.email:
            return None
        alert.email_attempts += 1
        try:
            alerts.message(alert).send()
        except Exception as exc:  # any mail failure: SMTP, network, TLS, a bad address
            logger.warning(
                "Alert %s not mailed (attempt %s): %s", alert.pk, alert.email_attempts, exc
            )
            alert.email_error = f"{type(exc).__name__}: {exc}"[:500]
            alert.save(update_fields=["email_attempts", "email_error"])
            return False
        alert.emailed_at = timezone.now()
        alert.email_error = ""
        alert.save(update_fields=["email_attempts", "email_error", "emailed_at"])
        return True


def alerts_send(
    *, adverse_event_id: int | None = None, deviation_id: int | None = None
) -> tuple[int, int]:
    """Mail every alert not mailed yet (or only one AE's, or one deviation's), each in its
    own transaction, so one failure stops nothing else. Returns (sent, failed)."""
    unsent = Alert.objects.filter(emailed_at=None, recipient__is_active=True).exclude(
        recipient__email=""
    )
    if adverse_event_id is not None:
        unsent = unsent.filter(adverse_event_id=adverse_event_id)
    if deviation_id is not None:
        unsent = unsent.filter(deviation_id=deviation_id)
    sent = failed = 0
    for alert_id in list(unsent.order_by("pk").values_list("pk", flat=True)):
        result = alert_send(alert_id=alert_id)
        sent += result is True
        failed += result is False
    return sent, failed


@transaction.atomic
def notification_read(*, alert: Alert, by) -> Alert:
    """Mark one of the user's own notifications read (another's: Alert.DoesNotExist; the
    view answers 404 before asking)."""
    alert = Alert.objects.select_for_update().get(pk=alert.pk, recipient=by)
    if alert.read_at is None:
        alert.read_at = timezone.now()
        alert.save(update_fields=["read_at"])
    return alert


@transaction.atomic
def notifications_read_all(*, by) -> int:
    """Mark every unread notification of the user read; returns how many. One UPDATE:
    the audit triggers record each row all the same."""
    return Alert.objects.filter(recipient=by, read_at=None).update(read_at=timezone.now())
