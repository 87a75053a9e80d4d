"""One death, told the same way everywhere (spec V11, §2.11, §2.14; issue 18 item 5).

Spec V11: "grade 5 ⇔ outcome fatal ⇔ death date = AE end date = DS death date", and
§2.14 asks the survival status at FS+28. A death is written on several forms: each
fatal adverse event, the disposition's death date, and its survival status at FS+28
(or "completed FS+28", which says alive then). This module is the one place that says
whether they agree:

- the AE and disposition actions call it after a save: a contradiction with another form
  is saved and raises an automatic query naming both records (a contradiction inside one
  form is refused by that form's own checks);
- the endpoints page, the committee report and SDTM call it too, and show a subject
  whose records disagree as unreconciled: no date is chosen among them.

A death recorded on the disposition without a fatal AE is no contradiction: the protocol
may not record the progression of liver failure as an AE (spec O10).
"""

from __future__ import annotations

import datetime as dt
import zoneinfo
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from itertools import combinations

from django.utils import timezone
from django.utils.translation import gettext as _

from ecrf.models.clinical import StudyDisposition, SurvivalStatus

# Spec §2.14, §3.7: the survival status is ascertained 28 days after the final session.
SURVIVAL_DAY = 28
RULE = "V11"


@dataclass(frozen=True)
class FatalEvent:
    """A fatal adverse event: its number and the day it ended in death (its resolution
    date, else its onset when an older record has none)."""

    number: int
    ends_on: dt.date

    @classmethod
    def of(cls, ae) -> FatalEvent:
        return cls(ae.number, ae.resolved_date or ae.onset_date)


@dataclass(frozen=True)
class DispositionFacts:
    """What the disposition says of life and death (spec §2.14)."""

    status: str
    death_date: dt.date | None
    survival_status_fs28: str

    @classmethod
    def of(cls, disposition) -> DispositionFacts | None:
        """From a Disposition, a dict of its values, or None."""
        if disposition is None:
            return None
        if isinstance(disposition, Mapping):
            return cls(
                disposition["status"],
                disposition["death_date"],
                disposition["survival_status_fs28"],
            )
        return cls(disposition.status, disposition.death_date, disposition.survival_status_fs28)

    @property
    def says_alive_at_fs28(self) -> bool:
        # "Completed follow-up (FS+28)" is the end of study reached alive (spec §2.14).
        return (
            self.survival_status_fs28 == SurvivalStatus.ALIVE
            or self.status == StudyDisposition.COMPLETED
        )

    def describe(self) -> str:
        text = str(StudyDisposition(self.status).label)
        if self.survival_status_fs28:
            text += ", " + _("%(status)s at FS+28") % {
                "status": str(SurvivalStatus(self.survival_status_fs28).label).lower()
            }
        return text


@dataclass(frozen=True)
class Conflict:
    """Two records that tell the death differently: the AEs (by number) and whether the
    disposition is one of them."""

    message: str
    events: tuple[int, ...] = ()
    disposition: bool = False
    within_disposition: bool = False  # the disposition contradicts itself (given FS)


@dataclass(frozen=True)
class DeathAccount:
    """The subject's death as the casebook tells it."""

    conflicts: tuple[Conflict, ...]
    # The death date every record agrees on; None while they disagree or none says death.
    death_date: dt.date | None

    @property
    def reconciled(self) -> bool:
        return not self.conflicts

    @property
    def summary(self) -> str:
        return " ".join(c.message for c in self.conflicts)

    def about_event(self, number: int) -> list[Conflict]:
        return [c for c in self.conflicts if number in c.events]

    def about_disposition(self) -> list[Conflict]:
        return [c for c in self.conflicts if c.disposition]


def death_account(
    *,
    fatal_events: Iterable[FatalEvent],
    disposition: DispositionFacts | None,
    fs28: dt.date | None,
) -> DeathAccount:
    """Do the fatal AEs, the disposition's death date and its survival status at FS+28
    tell one death (spec V11, §2.14)? `fs28`: FS+28, None before the first session."""
    events = sorted(fatal_events, key=lambda e: e.number)
    conflicts = []
    for a, b in combinations(events, 2):
        if a.ends_on != b.ends_on:
            conflicts.append(
                Conflict(
                    _("AE %(a)d ends in death on %(da)s, but AE %(b)d on %(db)s.")
                    % {"a": a.number, "da": a.ends_on, "b": b.number, "db": b.ends_on},
                    events=(a.number, b.number),
                )
            )
    if disposition is not None:
        for event in events:
            if disposition.death_date == event.ends_on:
                continue
            if disposition.death_date is None:
                message = _(
                    "AE %(n)d is fatal (death on %(day)s), but the disposition "
                    "(%(disposition)s) records no death."
                ) % {"n": event.number, "day": event.ends_on, "disposition": disposition.describe()}
            else:
                message = _(
                    "AE %(n)d ends in death on %(day)s, but the disposition's death date is "
                    "%(death)s."
                ) % {"n": event.number, "day": event.ends_on, "death": disposition.death_date}
            conflicts.append(Conflict(message, events=(event.number,), disposition=True))
        if message := survival_contradiction(disposition, fs28):
            conflicts.append(Conflict(message, disposition=True, within_disposition=True))
    death_date = None
    if not conflicts:
        dates = {e.ends_on for e in events}
        if disposition is not None and disposition.death_date:
            dates.add(disposition.death_date)
        death_date = dates.pop() if len(dates) == 1 else None
    return DeathAccount(tuple(conflicts), death_date)


def survival_contradiction(disposition: DispositionFacts, fs28: dt.date | None) -> str:
    """The disposition's survival status at FS+28 against its own death date (spec §2.14):
    a death on or before FS+28 is not "alive" then, nor a completed follow-up, and a
    later death is not "dead" at FS+28. "" when they agree or FS is not known."""
    death = disposition.death_date
    if fs28 is None or death is None:
        return ""
    if death <= fs28 and disposition.says_alive_at_fs28:
        return _(
            "The disposition says %(disposition)s, but its death date %(death)s is on or "
            "before FS+28 (%(fs28)s)."
        ) % {"disposition": disposition.describe(), "death": death, "fs28": fs28}
    if death > fs28 and disposition.survival_status_fs28 == SurvivalStatus.DEAD:
        return _(
            "The disposition says dead at FS+28 (%(fs28)s), but its death date %(death)s "
            "is after it."
        ) % {"death": death, "fs28": fs28}
    return ""


def fs28_of(sessions: Iterable, time_zone: str) -> dt.date | None:
    """FS+28: 28 days after the start date of the final session, at the site (spec §0)."""
    starts = [s.started_at for s in sessions]
    if not starts:
        return None
    final = timezone.localtime(max(starts), zoneinfo.ZoneInfo(time_zone)).date()
    return final + dt.timedelta(days=SURVIVAL_DAY)


def subject_death_account(subject) -> DeathAccount:
    """The account from the subject's live records (three queries). The actions call it
    inside their transaction, after their save, holding the subject's row lock."""
    from ecrf.models import AdverseEvent, Disposition, TreatmentSession
    from ecrf.models.adverse_events import Outcome

    fatal = AdverseEvent.objects.filter(subject=subject, outcome=Outcome.FATAL)
    return death_account(
        fatal_events=[FatalEvent.of(ae) for ae in fatal],
        disposition=DispositionFacts.of(Disposition.objects.filter(subject=subject).first()),
        fs28=fs28_of(TreatmentSession.objects.filter(subject=subject), subject.site.time_zone),
    )
