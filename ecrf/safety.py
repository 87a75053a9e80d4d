"""SAE reporting clocks and derived safety flags (spec §2.11, §2.12, §3.7, §5.2, §5.3).

Pure functions over plain values: the models and views feed them and store or show the result.
Everything the spec tags [PROP] lives in SafetyRules so that each study can configure it.
All datetimes must be timezone-aware.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

# --------------------------------------------------------------------------------------------
# Per-study configuration
# --------------------------------------------------------------------------------------------


class AeCollectionStart(models.TextChoices):
    CONSENT = "consent", _("Informed consent")
    FIRST_SESSION = "first_session", _("Start of the first BAL session")


@dataclass(frozen=True)
class SafetyRules:
    """Configurable safety parameters; the defaults are the spec values (source tag per field)."""

    # §2.12, §5.2: investigator -> sponsor within 24 h of awareness (China Device GCP 2022 [STD];
    # drug GCP says "immediately", so 24 h is the stricter usable limit for combination products).
    site_report_hours: int = 24
    # §5.2: sponsor expedited report, calendar days from sponsor awareness (Day 0) [STD].
    sponsor_fatal_days: int = 7  # fatal/life-threatening SUSAR or device-related SAE
    sponsor_other_days: int = 15  # all other SUSARs and device-related SAEs
    # "Due soon" warning lead times [PROP]: not in the spec, proposed for the safety dashboard.
    site_due_soon_hours: int = 4
    sponsor_due_soon_days: int = 2
    # §2.11, V14, O10 [PROP]: AEs collected from consent, or only from the first session.
    ae_collection_start: str = AeCollectionStart.CONSENT
    # §2.11 "Disease progression" and O10: protocol must decide; default records it as an AE.
    liver_failure_progression_is_ae: bool = True
    # §3.7 [PROP]: session-associated AE = onset during a session or <= 24 h after its end.
    session_associated_hours: int = 24
    # §5.3 [PROP]: DLT window = first session start to FS+28; acute DLT = session to +72 h.
    dlt_window_days: int = 28
    acute_dlt_hours: int = 72
    # §5.3 D7 [PROP]: platelet fall > 50 % from the pre-session value to < 25 x 10^9/L.
    dlt_platelet_fall_percent: float = 50.0
    dlt_platelet_nadir: float = 25.0  # 10^9/L
    # Issue 3 [PROP]: the lab results shown with an AE for review, within +/- N days of onset.
    ae_review_lab_days: int = 3
    # §0: DTMs are Asia/Shanghai local time; calendar-day clocks count local days.
    study_timezone: str = "Asia/Shanghai"

    def __post_init__(self) -> None:
        for name in (
            "site_report_hours",
            "sponsor_fatal_days",
            "sponsor_other_days",
            "session_associated_hours",
            "dlt_window_days",
            "acute_dlt_hours",
            "ae_review_lab_days",
        ):
            if getattr(self, name) <= 0:
                raise ValueError(f"SafetyRules.{name} must be positive")
        if self.ae_collection_start not in AeCollectionStart.values:
            raise ValueError(f"Unknown ae_collection_start {self.ae_collection_start!r}")
        ZoneInfo(self.study_timezone)  # fail at configuration time, not in a view

    @property
    def tz(self) -> ZoneInfo:
        return ZoneInfo(self.study_timezone)


DEFAULT_RULES = SafetyRules()


def _require_aware(name: str, value: datetime | None) -> None:
    if value is not None and (value.tzinfo is None or value.utcoffset() is None):
        raise ValueError(f"{name} must be a timezone-aware datetime")


# --------------------------------------------------------------------------------------------
# Reporting clocks (§5.2)
# --------------------------------------------------------------------------------------------


class ClockStatus(models.TextChoices):
    RUNNING = "running", _("Running")
    DUE_SOON = "due_soon", _("Due soon")
    OVERDUE = "overdue", _("Overdue")
    MET = "met", _("Reported on time")
    LATE = "late", _("Reported late")


class ClockName(models.TextChoices):
    SITE_TO_SPONSOR = "site_to_sponsor", _("SAE report from site to sponsor")
    SPONSOR_EXPEDITED = "sponsor_expedited", _("Sponsor expedited report")


@dataclass(frozen=True)
class Clock:
    name: str  # a ClockName value
    started_at: datetime
    due_at: datetime
    stopped_at: datetime | None = None  # when the report was made
    warn_before: timedelta = timedelta(0)  # "due soon" lead time

    def __post_init__(self) -> None:
        for attr in ("started_at", "due_at", "stopped_at"):
            _require_aware(attr, getattr(self, attr))

    def status(self, now: datetime) -> ClockStatus:
        # A report made exactly at the due time is on time ("within 24 h").
        if self.stopped_at is not None:
            return ClockStatus.MET if self.stopped_at <= self.due_at else ClockStatus.LATE
        if now > self.due_at:
            return ClockStatus.OVERDUE
        if now >= self.due_at - self.warn_before:
            return ClockStatus.DUE_SOON
        return ClockStatus.RUNNING

    def remaining(self, now: datetime) -> timedelta:
        """Time left (negative when overdue); for a stopped clock, the margin at reporting."""
        return self.due_at - (self.stopped_at or now)


def _end_of_local_day(day: date, rules: SafetyRules) -> datetime:
    return datetime.combine(day, time.max, tzinfo=rules.tz)


def sponsor_report_days(rules: SafetyRules, fatal_or_life_threatening: bool) -> int:
    return rules.sponsor_fatal_days if fatal_or_life_threatening else rules.sponsor_other_days


def sae_clocks(
    rules: SafetyRules,
    awareness_at: datetime,
    reported_to_sponsor_at: datetime | None = None,
    sponsor_awareness_at: datetime | None = None,
    fatal_or_life_threatening: bool = False,
    susar_or_device_related: bool = False,
    regulatory_submitted_at: datetime | None = None,
) -> list[Clock]:
    """The clocks of one SAE: the site clock always, the sponsor clock once it applies (§5.2)."""
    _require_aware("awareness_at", awareness_at)
    clocks = [
        Clock(
            name=ClockName.SITE_TO_SPONSOR,
            started_at=awareness_at,
            due_at=awareness_at + timedelta(hours=rules.site_report_hours),
            stopped_at=reported_to_sponsor_at,
            warn_before=timedelta(hours=rules.site_due_soon_hours),
        )
    ]
    # §5.2 system behaviour: the 7/15-day clock starts only when the sponsor enters Day 0, and
    # only SUSARs and device-related SAEs need expedited reports to regulators.
    if sponsor_awareness_at is not None and susar_or_device_related:
        _require_aware("sponsor_awareness_at", sponsor_awareness_at)
        # "Calendar days" from Day 0: due by the end of local day Day 0 + N (ICH E2A, §5.2).
        day0 = sponsor_awareness_at.astimezone(rules.tz).date()
        days = sponsor_report_days(rules, fatal_or_life_threatening)
        clocks.append(
            Clock(
                name=ClockName.SPONSOR_EXPEDITED,
                started_at=sponsor_awareness_at,
                due_at=_end_of_local_day(day0 + timedelta(days=days), rules),
                stopped_at=regulatory_submitted_at,
                warn_before=timedelta(days=rules.sponsor_due_soon_days),
            )
        )
    return clocks


# --------------------------------------------------------------------------------------------
# Relatedness and SUSAR (§2.11, §2.12, §3.7)
# --------------------------------------------------------------------------------------------


class Relatedness(models.TextChoices):
    DEFINITE = "definite", _("Definitely related")
    PROBABLE = "probable", _("Probably related")
    POSSIBLE = "possible", _("Possibly related")
    UNLIKELY = "unlikely", _("Unlikely related")
    NOT_RELATED = "not_related", _("Not related")


class ChinaDeviceRelatedness(models.TextChoices):
    """4-level scale of the Chinese device SAE template (§2.11)."""

    DEFINITELY_RELATED = "definitely_related", _("Definitely related")  # 肯定有关
    POSSIBLY_RELATED = "possibly_related", _("Possibly related")  # 可能有关
    POSSIBLY_UNRELATED = "possibly_unrelated", _("Possibly unrelated")  # 可能无关
    DEFINITELY_UNRELATED = "definitely_unrelated", _("Definitely unrelated")  # 肯定无关


RELATED_CODES = frozenset({Relatedness.DEFINITE, Relatedness.PROBABLE, Relatedness.POSSIBLE})

# §2.11: definite -> definitely related; probable and possible -> possibly related;
# unlikely -> possibly unrelated; not related -> definitely unrelated.
_TO_CHINA_DEVICE = {
    Relatedness.DEFINITE: ChinaDeviceRelatedness.DEFINITELY_RELATED,
    Relatedness.PROBABLE: ChinaDeviceRelatedness.POSSIBLY_RELATED,
    Relatedness.POSSIBLE: ChinaDeviceRelatedness.POSSIBLY_RELATED,
    Relatedness.UNLIKELY: ChinaDeviceRelatedness.POSSIBLY_UNRELATED,
    Relatedness.NOT_RELATED: ChinaDeviceRelatedness.DEFINITELY_UNRELATED,
}


def _relatedness(code: str) -> Relatedness:
    try:
        return Relatedness(code)
    except ValueError:
        raise ValueError(f"Unknown relatedness code {code!r}") from None


def relationship_is_related(code: str) -> bool:
    """Definitely, probably or possibly related counts as related (§2.11 derived "Related")."""
    return _relatedness(code) in RELATED_CODES


def any_component_related(*codes: str | None) -> bool:
    """§2.11: Related = Y if device, cell or procedure relatedness is related.

    Unanswered components (None or "") are skipped; V13 makes all three required.
    """
    return any(relationship_is_related(c) for c in codes if c)


def to_china_device_scale(code: str) -> ChinaDeviceRelatedness:
    return _TO_CHINA_DEVICE[_relatedness(code)]


def is_susar(serious: bool, related: bool, expected: bool | None) -> bool:
    """§2.12, §3.7: serious AND related AND unexpected.

    Expectedness not yet assessed (None) counts as unexpected, so a possible SUSAR is not missed.
    """
    return bool(serious and related and expected is not True)


# --------------------------------------------------------------------------------------------
# AE timing relative to BAL sessions (§2.11, §3.7, V14)
# --------------------------------------------------------------------------------------------


class SessionTiming(models.TextChoices):
    # Codelist of §2.11 "Timing relative to BAL"; the "24 h" follows
    # SafetyRules.session_associated_hours (change the labels if a study changes it).
    BEFORE_FIRST_SESSION = "before_first", _("Before the first session")
    DURING_SESSION = "during", _("During a session")
    WITHIN_24H_AFTER = "after_24h_or_less", _("Within 24 h after a session")
    LATER = "after_more_than_24h", _("More than 24 h after a session")


SESSION_ASSOCIATED = frozenset({SessionTiming.DURING_SESSION, SessionTiming.WITHIN_24H_AFTER})

Session = tuple[datetime, datetime]  # (start, end) of one BAL session


def session_timing(
    onset_at: datetime, sessions: Iterable[Session], rules: SafetyRules = DEFAULT_RULES
) -> SessionTiming:
    """Derive §2.11 "Timing relative to BAL" from AE onset and session start/end times."""
    _require_aware("onset_at", onset_at)
    window = timedelta(hours=rules.session_associated_hours)
    started = sorted(s for s in sessions if s[0] <= onset_at)
    if not started:
        return SessionTiming.BEFORE_FIRST_SESSION
    start, end = started[-1]  # the latest session that began before onset
    if onset_at <= end:
        return SessionTiming.DURING_SESSION
    if onset_at <= end + window:
        return SessionTiming.WITHIN_24H_AFTER
    return SessionTiming.LATER


def is_acute_onset(
    onset_at: datetime, sessions: Iterable[Session], rules: SafetyRules = DEFAULT_RULES
) -> bool:
    """§5.3: onset during a session or up to 72 h after it ("acute DLT", flagged separately)."""
    window = timedelta(hours=rules.acute_dlt_hours)
    return any(start <= onset_at <= end + window for start, end in sessions)


def in_dlt_window(
    onset_at: datetime,
    first_session_start: datetime | None,
    final_session_date: date | None,
    rules: SafetyRules = DEFAULT_RULES,
) -> bool:
    """§5.3: from the first session start to FS+28 (calendar days, inclusive).

    Before the final session is known the window is still open.
    """
    _require_aware("onset_at", onset_at)
    if first_session_start is None or onset_at < first_session_start:
        return False
    if final_session_date is None:
        return True
    last_day = final_session_date + timedelta(days=rules.dlt_window_days)
    return onset_at <= _end_of_local_day(last_day, rules)


def ae_start_error(
    ae_start: datetime,
    consent_at: datetime | None,
    first_session_start: datetime | None,
    rules: SafetyRules = DEFAULT_RULES,
) -> str | None:
    """V14: AE start must be on/after consent, or the first session if the study says so."""
    if rules.ae_collection_start == AeCollectionStart.FIRST_SESSION:
        if first_session_start is None or ae_start < first_session_start:
            return gettext("AEs are collected only from the start of the first BAL session.")
    elif consent_at is not None and ae_start < consent_at:
        return gettext("The AE start cannot be before informed consent.")
    return None


# --------------------------------------------------------------------------------------------
# Dose-limiting toxicity candidates (§5.3, all [PROP]; final DLT status is the SEC's decision)
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class DltFacts:
    """What the DLT rule needs to know about one AE. Term names are CTCAE v5.0 terms."""

    ctcae_term: str
    grade: int
    related: bool  # device, cells or procedure at least possibly related (any_component_related)
    timing: str | None = None  # a SessionTiming value
    session_terminated: bool = False  # the session was stopped early because of this AE
    due_to_liver_failure_progression: bool = False
    within_dlt_window: bool = True  # see in_dlt_window()
    due_to_anticoagulation: bool = False
    due_to_vascular_access: bool = False
    pre_session_platelets: float | None = None  # 10^9/L
    lowest_platelets: float | None = None  # 10^9/L, nadir after the session
    platelet_transfusion_for_session: bool = False
    organism_in_product_or_circuit: bool = False  # same organism, or product-transmitted
    cell_leakage_with_consequence: bool = False
    device_malfunction_caused_harm: bool = False  # e.g. membrane rupture, pump failure


# CTCAE v5.0 term names used by the §5.3 criteria (checked against the shipped term list).
HYPOTENSION = ("Hypotension",)
ANAPHYLAXIS = ("Anaphylaxis",)
REACTIONS = ("Allergic reaction", "Infusion related reaction", "Cytokine release syndrome")
THROMBOSIS = ("Thromboembolic event", "Arterial thromboembolism", "Vascular access complication")
HAEMOLYSIS = ("Hemolysis",)
HYPOCALCAEMIA = ("Hypocalcemia",)
ACID_BASE = ("Alkalosis", "Acidosis")


def _term_in(event: DltFacts, names: tuple[str, ...]) -> bool:
    return event.ctcae_term.strip().casefold() in {n.casefold() for n in names}


def _is_bleeding(event: DltFacts) -> bool:
    # CTCAE has no generic "bleeding" term (§4.1): use the site terms and Hematoma.
    term = event.ctcae_term.casefold()
    return "hemorrhage" in term or "bleeding" in term or term.strip() == "hematoma"


def _platelet_drop(event: DltFacts, rules: SafetyRules) -> bool:
    before, after = event.pre_session_platelets, event.lowest_platelets
    if before is None or after is None or before <= 0:
        return False
    fall_percent = (before - after) / before * 100
    return fall_percent > rules.dlt_platelet_fall_percent and after < rules.dlt_platelet_nadir


@dataclass(frozen=True)
class DltCriterion:
    code: str
    description: str
    applies: Callable[[DltFacts, SafetyRules], bool] | None  # None: SEC judgement only


# §5.3 table D1-D11, in the spec's words (shortened). Each rule is only checked after the
# common conditions in dlt_criteria_met(): related, not liver-failure progression, in window.
# e = DltFacts, r = SafetyRules.
DLT_CRITERIA: tuple[DltCriterion, ...] = (
    DltCriterion(
        "D1",
        _("Related death (grade 5)"),
        lambda e, r: e.grade == 5,
    ),
    DltCriterion(
        "D2",
        _(
            "Hypotension grade ≥ 3 during or ≤ 24 h after a session, "
            "or any hypotension leading to session termination"
        ),
        lambda e, r: (
            _term_in(e, HYPOTENSION)
            and ((e.grade >= 3 and e.timing in SESSION_ASSOCIATED) or e.session_terminated)
        ),
    ),
    DltCriterion(
        "D3",
        _("Anaphylaxis (any grade); allergic reaction, infusion-related reaction or CRS grade ≥ 3"),
        lambda e, r: _term_in(e, ANAPHYLAXIS) or (_term_in(e, REACTIONS) and e.grade >= 3),
    ),
    DltCriterion(
        "D4",
        _("Bleeding grade ≥ 3 attributable to anticoagulation or vascular access"),
        lambda e, r: (
            _is_bleeding(e)
            and e.grade >= 3
            and (e.due_to_anticoagulation or e.due_to_vascular_access)
        ),
    ),
    DltCriterion(
        "D5",
        _("Thromboembolic event or vascular access complication grade ≥ 3"),
        lambda e, r: _term_in(e, THROMBOSIS) and e.grade >= 3,
    ),
    DltCriterion(
        "D6",
        _("Haemolysis grade ≥ 3"),
        lambda e, r: _term_in(e, HAEMOLYSIS) and e.grade >= 3,
    ),
    DltCriterion(
        "D7",
        _(
            # xgettext:no-python-format (a literal per cent, never %-formatted)
            "Platelet fall > 50 % from the pre-session value to < 25 × 10⁹/L, "
            "or platelet transfusion needed because of the session"
        ),
        lambda e, r: _platelet_drop(e, r) or e.platelet_transfusion_for_session,
    ),
    DltCriterion(
        "D8",
        _(
            "Hypocalcaemia/citrate toxicity grade ≥ 3, "
            "or alkalosis/acidosis grade ≥ 3 attributable to anticoagulation"
        ),
        lambda e, r: (
            e.grade >= 3
            and (
                _term_in(e, HYPOCALCAEMIA) or (_term_in(e, ACID_BASE) and e.due_to_anticoagulation)
            )
        ),
    ),
    DltCriterion(
        "D9",
        _(
            "Infection with the same organism as the cell product or circuit, "
            "or product-transmitted infection"
        ),
        lambda e, r: e.organism_in_product_or_circuit,
    ),
    DltCriterion(
        "D10",
        _("Cell leakage with clinical consequence, or device malfunction causing harm"),
        lambda e, r: e.cell_leakage_with_consequence or e.device_malfunction_caused_harm,
    ),
    # D11 needs the SEC's judgement, so the system never derives it.
    DltCriterion(
        "D11",
        _(
            "Other grade ≥ 3 non-haematological AE or related SAE "
            "judged dose/duration-limiting by the SEC"
        ),
        None,
    ),
)


def dlt_criteria_met(event: DltFacts, rules: SafetyRules = DEFAULT_RULES) -> list[str]:
    """Codes (D1-D10) of the §5.3 criteria this AE meets; empty if it is no DLT candidate."""
    # §5.3 preamble: at least possibly related to the BAL system, not attributable to
    # progression of liver failure, and inside the DLT observation window.
    if not event.related or event.due_to_liver_failure_progression or not event.within_dlt_window:
        return []
    return [c.code for c in DLT_CRITERIA if c.applies is not None and c.applies(event, rules)]


def dlt_candidate(event: DltFacts, rules: SafetyRules = DEFAULT_RULES) -> bool:
    """§2.11 derived DLT flag: a candidate for SEC adjudication, not the final DLT status."""
    return bool(dlt_criteria_met(event, rules))
