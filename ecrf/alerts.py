"""Safety alerts (issue 9): who is told, of what, and what the e-mail says.

Monitors of the subject's site and the study's safety reviewers learn of a serious adverse
event within hours, not at their next visit (spec §5.2: the site reports an SAE to the
sponsor within 24 h of awareness). The writes (raise, send, read) are the actions in
ecrf/actions/alerts.py; this module decides and composes, and reads nothing it does not
need.

An alert names the subject by study code only (screening number), and tells no health
detail beyond the CTCAE term, the grade and the seriousness: e-mail leaves the eCRF's
access control, so the rest stays behind the link (ICH E6(R3) 2.5.3, confidentiality).
"""

from __future__ import annotations

import datetime as dt
import functools
import zoneinfo
from collections.abc import Callable

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage
from django.db.models import Q
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from ecrf import access, safety
from ecrf.models import AdverseEvent, Alert, AlertTrigger, Role, Subject

# The two roles told (issue 9). Monitors belong to sites; a safety reviewer reviews the
# whole study, so a membership at any of its sites makes one.
SITE_ROLES = frozenset({Role.MONITOR})
STUDY_ROLES = frozenset({Role.SAFETY_REVIEWER})

CLOCK_TRIGGERS = {
    (safety.ClockName.SITE_TO_SPONSOR, safety.ClockStatus.DUE_SOON): (
        AlertTrigger.SITE_CLOCK_DUE_SOON
    ),
    (safety.ClockName.SITE_TO_SPONSOR, safety.ClockStatus.OVERDUE): (
        AlertTrigger.SITE_CLOCK_OVERDUE
    ),
    (safety.ClockName.SPONSOR_EXPEDITED, safety.ClockStatus.DUE_SOON): (
        AlertTrigger.SPONSOR_CLOCK_DUE_SOON
    ),
    (safety.ClockName.SPONSOR_EXPEDITED, safety.ClockStatus.OVERDUE): (
        AlertTrigger.SPONSOR_CLOCK_OVERDUE
    ),
}

Trigger = tuple[str, dt.datetime | None]  # an AlertTrigger value and the report's due time


def recipients(subject: Subject, *, reviewers: bool = True) -> list:
    """The active monitors of the subject's site and (unless `reviewers` is False: a minor
    deviation) the safety reviewers of its study."""
    told = Q(memberships__site=subject.site_id, memberships__role__in=SITE_ROLES)
    if reviewers:
        told |= Q(memberships__site__study=subject.study_id, memberships__role__in=STUDY_ROLES)
    return list(
        get_user_model().objects.filter(is_active=True).filter(told).distinct().order_by("pk")
    )


def entry_triggers(
    ae: AdverseEvent, *, was_serious: bool | None, old_grade: int | None
) -> list[Trigger]:
    """The alerts an AE write raises. `was_serious` and `old_grade` are the stored
    values before an update; None for a new AE."""
    new = was_serious is None
    report = getattr(ae, "sae_report", None) if ae.serious else None
    due = report.site_report_due_at if report is not None else None
    triggers = []
    if ae.serious and new:
        triggers.append((AlertTrigger.SAE_ENTERED, due))
    elif ae.serious and not was_serious:
        triggers.append((AlertTrigger.BECAME_SERIOUS, due))
    if ae.grade == 5 and (new or old_grade != 5):
        triggers.append((AlertTrigger.GRADE_5, due))
    return triggers


def clock_triggers(ae: AdverseEvent, rules: safety.SafetyRules, now: dt.datetime) -> list[Trigger]:
    """An SAE's reporting clocks (spec §5.2) that are about to run out or have run out.
    The warning lead time is the study's [PROP] option (SafetyRules.site_due_soon_hours,
    sponsor_due_soon_days). A clock first seen overdue raises only the overdue alert."""
    from ecrf.actions.adverse_events import sae_clocks_of

    triggers = []
    for clock in sae_clocks_of(ae, rules):
        trigger = CLOCK_TRIGGERS.get((clock.name, clock.status(now)))
        if trigger is not None:
            triggers.append((trigger, clock.due_at))
    return triggers


def event_url(ae: AdverseEvent) -> str:
    """The AE's page, as an absolute address (settings.SITE_URL)."""
    subject = ae.subject
    path = reverse(
        "ecrf:ae_detail",
        kwargs={
            "registry_id": subject.study.registry_id,
            "number": subject.screening_number,
            "ae_number": ae.number,
        },
    )
    return settings.SITE_URL + path


def deviation_url(subject: Subject) -> str:
    """The study's deviation list, as an absolute address (settings.SITE_URL)."""
    path = reverse("ecrf:session_deviations", kwargs={"registry_id": subject.study.registry_id})
    return settings.SITE_URL + path


def deviation_message(alert: Alert) -> EmailMessage:
    """A deviation alert's e-mail: the rule, date and severity; the description (which may
    name clinical values) stays behind the link, like an AE's details."""
    deviation, subject = alert.deviation, alert.subject
    with translation.override(settings.LANGUAGE_CODE):
        trigger = str(AlertTrigger(alert.trigger).label)
        title = _("[BAL eCRF] %(trigger)s: %(study)s %(subject)s %(rule)s") % {
            "trigger": trigger,
            "study": subject.study.registry_id,
            "subject": subject.screening_number,
            "rule": deviation.rule,
        }
        lines = [
            f"{trigger}.",
            "",
            _("Study: %(study)s") % {"study": subject.study.registry_id},
            _("Site: %(site)s") % {"site": subject.site.code},
            _("Subject: %(subject)s") % {"subject": subject.screening_number},
            _("Rule: %(rule)s") % {"rule": deviation.rule},
            _("Date: %(date)s") % {"date": deviation.occurred_on.isoformat()},
            _("Severity: %(severity)s") % {"severity": deviation.get_severity_display()},
            "",
            _("Open it in the eCRF: %(url)s") % {"url": deviation_url(subject)},
        ]
    return EmailMessage(subject=title, body="\n".join(lines), to=[alert.recipient.email])


def message(alert: Alert) -> EmailMessage:
    """The alert's e-mail, in the installation's language (settings.LANGUAGE_CODE)."""
    if alert.deviation_id is not None:
        return deviation_message(alert)
    ae = alert.adverse_event
    subject = ae.subject
    with translation.override(settings.LANGUAGE_CODE):
        trigger = str(AlertTrigger(alert.trigger).label)
        title = _("[BAL eCRF] %(trigger)s: %(study)s %(subject)s AE %(n)d") % {
            "trigger": trigger,
            "study": subject.study.registry_id,
            "subject": subject.screening_number,
            "n": ae.number,
        }
        lines = [
            f"{trigger}.",
            "",
            _("Study: %(study)s") % {"study": subject.study.registry_id},
            _("Site: %(site)s") % {"site": subject.site.code},
            _("Subject: %(subject)s") % {"subject": subject.screening_number},
            _("Adverse event: AE %(n)d") % {"n": ae.number},
            _("CTCAE term: %(term)s") % {"term": ae.ctcae_term},
            _("Grade: %(grade)d") % {"grade": ae.grade},
            _("Serious: %(answer)s") % {"answer": _("yes") if ae.serious else _("no")},
        ]
        if alert.due_at is not None:
            zone = zoneinfo.ZoneInfo(subject.site.time_zone)
            lines.append(
                _("Report due: %(due)s")
                % {"due": alert.due_at.astimezone(zone).strftime("%Y-%m-%d %H:%M %Z")}
            )
        lines += [
            "",
            _("Open it in the eCRF: %(url)s") % {"url": event_url(ae)},
            "",
            _(
                "You receive this as a monitor or safety reviewer of the study. The subject "
                "is named by study code only; the details are in the eCRF."
            ),
        ]
    return EmailMessage(subject=title, body="\n".join(lines), to=[alert.recipient.email])


def unread_count(user) -> int:
    return Alert.objects.filter(recipient=user, read_at__isnull=True).count()


def receives_alerts(user) -> bool:
    """A monitor or safety reviewer somewhere (the memberships are cached per request)."""
    return bool(set(access.roles_by_site(user).values()) & (SITE_ROLES | STUDY_ROLES))


def unread_notifications(request) -> dict:
    """Context processor: the nav bar's notifications link and badge, for the people who
    receive alerts. The count is a callable, so its one COUNT query runs only on a page
    that shows it; other roles' pages cost nothing."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated or not receives_alerts(user):
        return {}
    count: Callable[[], int] = functools.partial(unread_count, user)
    return {"notifications_shown": True, "unread_notifications": count}
