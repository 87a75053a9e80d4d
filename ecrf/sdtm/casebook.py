"""Values as SDTM writes them (ISO 8601 dates, study days, ASCII text for transport v5)
and the casebook every dataset reads: subjects, sessions, dispositions, SUPP-- records."""

from __future__ import annotations

import datetime as dt
import unicodedata
import zoneinfo
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cached_property

from django.utils import timezone

from ecrf import form_registry
from ecrf.deaths import DeathAccount, DispositionFacts, FatalEvent, death_account, fs28_of
from ecrf.models import (
    AdverseEvent,
    Disposition,
    ScreenFailure,
    Site,
    Study,
    Subject,
    TreatmentSession,
)
from ecrf.models.adverse_events import Outcome
from ecrf.sdtm.terms import SUPP_VARIABLES, TEXT_LIMIT


def iso(value, zone: zoneinfo.ZoneInfo | None = None) -> str:
    """ISO 8601 as SDTM writes it: the site's clock time, no offset (spec §0)."""
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return timezone.localtime(value, zone).replace(tzinfo=None).isoformat(timespec="minutes")
    return value.isoformat()


def study_day(day: dt.date | None, reference: dt.date | None) -> int | None:
    """SDTMIG 4.4.4: Day 1 is the date of RFSTDTC, the day before it is Day -1 (no Day 0)."""
    if day is None or reference is None:
        return None
    delta = (day - reference).days
    return delta + 1 if delta >= 0 else delta


def usubjid(study: Study, subject: Subject) -> str:
    return f"{study.registry_id}-{subject.screening_number}"


def duration(minutes: int | None) -> str:
    """ISO 8601 duration: 250 -> PT4H10M."""
    if minutes is None:
        return ""
    hours, rest = divmod(int(minutes), 60)
    text = (f"{hours}H" if hours else "") + (f"{rest}M" if rest or not hours else "")
    return f"PT{text}"


def plain(value: Decimal | None) -> str:
    """A decimal as typed, without trailing zeros or exponent: 5.0000 -> 5."""
    if value is None:
        return ""
    return format(value.normalize(), "f")


def yes_no(value: bool | None) -> str:
    return "" if value is None else ("Y" if value else "N")


def english(label) -> str:
    """A choice label in English, upper case, as CDISC writes terms (the export runs
    under translation.override("en"))."""
    return str(label).upper()


# Characters with a plain ASCII equivalent that NFKD decomposition does not give.
_TRANSLITERATION = str.maketrans(
    {
        "μ": "u",  # NFKD turns the micro sign into the Greek mu
        "°": "deg",
        "±": "+/-",
        "×": "x",
        "–": "-",
        "—": "-",
        "‘": "'",
        "’": "'",
        "“": '"',
        "”": '"',
        "≥": ">=",
        "≤": "<=",
        "·": ".",
        "。": ".",
        "、": ",",
        "《": '"',
        "》": '"',
    }
)


def ascii_text(text: str) -> str:
    """The .xpt form of a text (see the module docstring): full-width forms, accents and a
    few symbols become their ASCII equivalents, anything else (Chinese) becomes "?"."""
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFKD", text).translate(_TRANSLITERATION)
    return "".join(
        c if c.isascii() else ("" if unicodedata.combining(c) else "?") for c in decomposed
    )


def fits(text: str) -> bool:
    return len(text if text.isascii() else ascii_text(text)) <= TEXT_LIMIT


def pieces(text: str) -> list[str]:
    """A text cut so that each piece's .xpt form fits 200 bytes, between words where it
    can (SDTMIG 4.5.3.2). A cut falls before a space, so that each continuation starts
    with it: SAS keeps leading blanks and drops trailing ones, and the pieces joined
    give the text back."""
    result = []
    while not fits(text):
        cut = TEXT_LIMIT
        while not fits(text[:cut]):
            cut -= 1
        space = text.rfind(" ", 1, cut + 1)
        if space > 0:
            cut = space
        result.append(text[:cut])
        text = text[cut:]
    result.append(text)
    return result


@dataclass
class Supplement:
    """The SUPP-- records of one domain, kept column by column: LB and AE can have
    100,000 rows, and a handful of shared strings per record is all this holds."""

    domain: str
    columns: dict[str, list] = field(default_factory=lambda: {v: [] for v in SUPP_VARIABLES})

    def add(self, studyid, subject, idvar, idvarval, qnam, qlabel, qval, qorig="CRF", qeval=""):
        for n, piece in enumerate(pieces(qval)):
            name, label = qnam, qlabel
            if n:  # continuation of a long value (SDTMIG 4.5.3.2)
                name = f"{qnam[: 8 - len(str(n))]}{n}"
                label = f"{qlabel[: 39 - len(str(n))]} {n}"
            values = (studyid, self.domain, subject, idvar, idvarval, name, label, piece)
            for column, value in zip(self.columns.values(), (*values, qorig, qeval), strict=True):
                column.append(value)

    def __len__(self) -> int:
        return len(self.columns["QNAM"])


@dataclass
class Casebook:
    """The study's live subjects, their sessions, screen failures, dispositions and how
    each tells a death (spec V11), read once (five queries) for every dataset."""

    study: Study
    subjects: list[Subject]
    sessions: dict[int, list[TreatmentSession]]
    screen_failures: dict[int, dict]
    dispositions: dict[int, dict]
    sites: list[Site]  # the exported sites: their subjects only
    usubjid: dict[int, str] = field(default_factory=dict)
    zone: dict[int, zoneinfo.ZoneInfo] = field(default_factory=dict)
    supplements: dict[str, Supplement] = field(default_factory=dict)
    deaths: dict[int, DeathAccount] = field(default_factory=dict)
    _day1: dict[int, dt.date] = field(default_factory=dict)
    _last: dict[int, dt.date] = field(default_factory=dict)
    _seq_text: dict[int, str] = field(default_factory=dict)

    @cached_property
    def versions(self):
        """The protocol versions and each subject's (TS, SUPPDV; issue 21): two queries."""
        from ecrf.exports import SubjectVersions

        return SubjectVersions.read(self.study, self.sites, self.subjects)

    @classmethod
    def read(cls, study: Study, sites: list[Site]) -> Casebook:
        subjects = list(
            Subject.objects.filter(study=study, site__in=sites)
            .select_related("site")
            .order_by("pk")
        )
        live = {s.pk for s in subjects}
        sessions: dict[int, list] = {}
        rows = TreatmentSession.objects.filter(
            subject__study=study, subject__site__in=sites, subject__voided_at__isnull=True
        ).order_by("subject_id", "started_at", "number")
        # With the study's own fields of each session (its dose and SUPPEX read them).
        rows = rows.prefetch_related(
            *form_registry.study_part_names(TreatmentSession, study.package)
        )
        for session in rows:
            sessions.setdefault(session.subject_id, []).append(session)
        screen_failures = {
            row["subject_id"]: row
            for row in ScreenFailure.objects.filter(
                subject__study=study, subject__site__in=sites
            ).values("subject_id", "date", "failed_criteria", "other_reason")
            if row["subject_id"] in live
        }
        dispositions = {
            row["subject_id"]: row
            for row in Disposition.objects.filter(
                subject__study=study, subject__site__in=sites
            ).values(
                "subject_id", "status", "disposition_date", "death_date", "survival_status_fs28"
            )
            if row["subject_id"] in live
        }
        fatal: dict[int, list[FatalEvent]] = {}
        for ae in AdverseEvent.objects.filter(
            subject__study=study, subject__site__in=sites, outcome=Outcome.FATAL
        ).only("subject_id", "number", "onset_date", "resolved_date"):
            fatal.setdefault(ae.subject_id, []).append(FatalEvent.of(ae))
        book = cls(study, subjects, sessions, screen_failures, dispositions, sites)
        for subject in subjects:
            book.usubjid[subject.pk] = usubjid(study, subject)
            zone = zoneinfo.ZoneInfo(subject.site.time_zone)
            book.zone[subject.pk] = zone
            treated = sessions.get(subject.pk)
            if treated:
                book._day1[subject.pk] = timezone.localtime(treated[0].started_at, zone).date()
                final = max(s.ended_at for s in treated)
                book._last[subject.pk] = timezone.localtime(final, zone).date()
            book.deaths[subject.pk] = death_account(
                fatal_events=fatal.get(subject.pk, []),
                disposition=DispositionFacts.of(dispositions.get(subject.pk)),
                fs28=fs28_of(treated or [], subject.site.time_zone),
            )
        return book

    def records(self, model):
        """The model's rows of the exported subjects (the study's, at the exported sites)."""
        return model.objects.filter(subject__study=self.study, subject__site__in=self.sites)

    def span(self, subject_id: int) -> tuple[dt.datetime | None, dt.datetime | None]:
        """Start of the first session and end of the final one (RFXSTDTC, RFXENDTC)."""
        treated = self.sessions.get(subject_id)
        if not treated:
            return None, None
        return treated[0].started_at, max(s.ended_at for s in treated)

    def local(self, subject_id: int, moment: dt.datetime) -> dt.datetime:
        return timezone.localtime(moment, self.zone[subject_id])

    def day(self, subject_id: int, day: dt.date | None) -> int | None:
        return study_day(day, self._day1.get(subject_id))

    def epoch(self, subject_id: int, day: dt.date) -> str:
        """SCREENING before the first session, TREATMENT to the final session's end date,
        FOLLOW-UP after it (spec §6 Trial design, EPOCH)."""
        first = self._day1.get(subject_id)
        if first is None or day < first:
            return "SCREENING"
        return "TREATMENT" if day <= self._last[subject_id] else "FOLLOW-UP"

    def epoch_at(self, subject_id: int, moment: dt.datetime) -> str:
        """The epoch of a moment known to the minute (a sample, a reading, an AE's onset
        time): a pre-session sample taken on the first session's day, before it started,
        is still SCREENING; after that, as epoch() (TREATMENT to the final session's day)."""
        first = self.sessions.get(subject_id)
        if not first or moment < first[0].started_at:
            return "SCREENING"
        return self.epoch(subject_id, self.local(subject_id, moment).date())

    def session(self, subject_id: int, number: int) -> TreatmentSession | None:
        for session in self.sessions.get(subject_id, ()):
            if session.number == number:
                return session
        return None

    def seq_text(self, seq: int) -> str:
        return self._seq_text.setdefault(seq, str(seq))

    def supp(self, domain: str) -> Supplement:
        return self.supplements.setdefault(domain, Supplement(domain))

    def qualify(self, domain: str, subject_id: int, seq: int, qnam, qlabel, qval, **more):
        """One SUPP-- record about the record numbered `seq` of a subject in `domain`."""
        self.supp(domain).add(
            self.study.registry_id,
            self.usubjid[subject_id],
            f"{domain}SEQ",
            self.seq_text(seq),
            qnam,
            qlabel,
            qval,
            **more,
        )


def session_visit(number: int) -> tuple[int, str]:
    """Session visits are subject-specific: VISITNUM 10 for session 1, 11 for session 2
    (spec §6 Visits)."""
    return 9 + number, f"SESSION {number}"


def timepoint_visit(code: str) -> tuple[int | None, str, str]:
    """(VISITNUM, VISIT, --TPT) of a lab timepoint code: BASELINE, PRE-S<n>, POST-S<n>,
    FS+<n> (ecrf/lab_results.py); follow-up visits are FS+<n>, VISITNUM 100 + n."""
    if code == "BASELINE":
        return 1, "SCREENING", ""
    for prefix, tpt in (("PRE-S", "PRE-SESSION"), ("POST-S", "END OF SESSION")):
        if code.startswith(prefix) and code[len(prefix) :].isdigit():
            return (*session_visit(int(code[len(prefix) :])), tpt)
    if code.startswith("FS+") and code[3:].isdigit():
        return 100 + int(code[3:]), code, ""
    return None, code, ""
