"""A subject's expected visits, computed from its protocol (spec §1.5).

Screening precedes the first session; session days follow the arm's design; follow-up
days count from the final session ("FS+n") because QH-1A counts survival "28 days after
the final treatment" [REG-B]. Until sessions are recorded the planned first treatment
date anchors the plan.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from ecrf.models import Subject


@dataclass(frozen=True)
class ScheduledVisit:
    code: str
    label: str
    target: dt.date | None
    earliest: dt.date | None
    latest: dt.date | None
    optional: bool = False


def subject_schedule(subject: Subject) -> list[ScheduledVisit]:
    options = subject.study.effective_options
    enrolment = getattr(subject, "enrolment", None) if subject.status == "enrolled" else None
    first = enrolment.planned_first_treatment if enrolment else None
    day = dt.timedelta

    visits = [
        ScheduledVisit(
            "SCR",
            _("Screening"),
            subject.screening_date,
            first - day(options.screening_window_days) if first else None,
            first - day(1) if first else None,
        )
    ]
    if enrolment is None:
        return visits

    design = subject.study.protocol.arm(enrolment.arm.code)
    interval = design.interval_days
    # Midpoint of the allowed interval: 3 (±1) days for the QH-1A multiple-treatment group.
    step = (interval[0] + interval[1]) // 2 if interval else 0
    planned = design.sessions_max or 1
    session_dates = [first + day(step * n) for n in range(planned)]
    for n, target in enumerate(session_dates, start=1):
        low = target - day(step - interval[0]) if interval and n > 1 else target
        high = target + day(interval[1] - step) if interval and n > 1 else target
        visits.append(
            ScheduledVisit(
                f"S{n}",
                _("BAL session %(n)d") % {"n": n},
                target,
                low,
                high,
                optional=n > design.sessions_min,
            )
        )
    final = session_dates[design.sessions_min - 1] if design.sessions_min else first
    for offset, before, after in options.follow_up:
        target = final + day(offset)
        visits.append(
            ScheduledVisit(
                f"FS+{offset}",
                _("Follow-up day %(n)d after final session") % {"n": offset},
                target,
                target - day(before),
                target + day(after),
            )
        )
    return visits
