"""Protocols as data: the shapes each study package declares, and the rules they share.

A study package (studies/<name>/protocol.py) builds one `Protocol` from these frozen
dataclasses: its arms and cohorts, schedule of assessments, eligibility criteria
(verbatim from the registry) and the rules checked at screening and enrolment.
`manage.py check` validates every declaration (ecrf/checks.py); nothing happens at import.

Rules are plain functions `rule(case) -> Refusal | None`. The ones several protocols
share live here; each protocol lists the rules it applies, so a reader of one study
module sees every rule of that study in one place.
"""

from __future__ import annotations

import calendar
import dataclasses
import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cache
from importlib import import_module
from typing import TYPE_CHECKING, Any

from django.db import models
from django.utils.functional import lazy
from django.utils.module_loading import import_string
from django.utils.translation import get_language, gettext
from django.utils.translation import gettext_lazy as _

if TYPE_CHECKING:
    from ecrf.models import Arm as ArmRow
    from ecrf.models import Subject


class CriterionKind(models.TextChoices):
    INCLUSION = "inclusion", _("Inclusion")
    EXCLUSION = "exclusion", _("Exclusion")


@dataclass(frozen=True)
class DataAnswer:
    """What data recorded elsewhere in the casebook answer to a criterion: Yes (met, for an
    inclusion; present, for an exclusion), No, or None when they do not settle it."""

    answer: bool | None
    says: str  # what the data say, for the person reading the checklist


@dataclass(frozen=True)
class DecidedByData:
    """Data recorded elsewhere that decide a criterion (issue 18 item 4): the checklist
    takes the answer from them, or shows the conflict and does not say "eligible"."""

    label: Any  # the data, as the README table and the checklist name them
    answer: Callable[[Subject], DataAnswer]


@dataclass(frozen=True)
class Criterion:
    """One eligibility criterion. `text` is verbatim from the registry and not translated."""

    code: str
    kind: str
    text: str
    # Derived criteria (e.g. age at consent) are computed from the subject, not asked.
    derived: bool = False
    # Data elsewhere in the casebook that decide the criterion: a derived criterion is
    # answered by them alone; an asked one must agree with them.
    decided_by: DecidedByData | None = None


def in_language(english: str, chinese: str) -> str:
    """A name in the active interface language: the Chinese one in the Chinese interface
    where there is one, else the English one (arms here, sites in ecrf.models)."""
    if chinese and (get_language() or "").startswith("zh"):
        return chinese
    return english


@dataclass(frozen=True)
class Arm:
    """An arm or cohort (spec §1.2). Durations are in minutes."""

    code: str  # ARMCD
    label: str  # as registered
    capacity: int
    # A fixed planned duration (QH-1A 4/6/8 h), or None when it is set later
    # (QH-1A multiple-treatment group: the committee's maximum tolerated duration).
    planned_minutes: int | None
    # Allowed net duration: planned ± tolerance, or an absolute range (CiPS-BAL 4–8 h).
    tolerance_minutes: int | None = None
    duration_range_minutes: tuple[int, int] | None = None
    sessions_min: int = 1
    sessions_max: int | None = 1  # None: no protocol maximum (set in StudyOptions)
    interval_days: tuple[int, int] | None = None  # between consecutive sessions
    opens_at_study_start: bool = False
    label_zh: str = ""  # the label in the Chinese interface (issue 19 item 8)

    @property
    def localised_label(self) -> str:
        return in_language(self.label, self.label_zh)

    @property
    def duration_set_by_committee(self) -> bool:
        """No fixed duration and no investigator range: the Safety Evaluation Committee's
        maximum tolerated duration (QH-1A multiple-treatment group, spec §1.2)."""
        return self.planned_minutes is None and self.duration_range_minutes is None


class Anchor(models.TextChoices):
    """What a visit's day is counted from (spec §1.5)."""

    # Before the first session, within the study's screening window (the option
    # screening_window_days, spec T1): the window is stated there, once.
    SCREENING = "screening", _("screening window before the first session")
    EACH_SESSION = "each_session", _("each session")
    FINAL_SESSION = "final_session", _("final session")


# The lab timepoint of the screening visit's panels (LabPanel.timepoint).
BASELINE = "BASELINE"


@dataclass(frozen=True)
class Visit:
    """A visit of the schedule of assessments (spec §1.5): its day and window in days, and
    what is expected at it. The schedule (ecrf/schedule.py), the overdue lists, the lab
    timepoints (ecrf/lab_results.py) and the protocol page all read these declarations.

    `forms` are the model labels of the case report forms expected at the visit
    ("ecrf.vitalsigns"), each registered in ecrf/form_registry.py; "ecrf.labpanel" stands
    for the lab `panels` expected at it (ecrf.lab_catalogue.Panel codes). `assessments`
    is the spec's wording, shown on the protocol page."""

    code: str
    label: Any  # lazily translated
    anchor: str
    day: int = 0  # offset from the anchor (a screening visit's comes from the options)
    window_before: int = 0
    window_after: int = 0
    assessments: tuple[Any, ...] = ()
    forms: tuple[str, ...] = ()
    panels: tuple[str, ...] = ()

    @property
    def anchor_label(self):
        return Anchor(self.anchor).label

    def window(self, options: StudyOptions) -> tuple[int, int, int]:
        """(day, days before, days after): the screening visit's from the screening window
        option, D−N … D−1 before the first session (spec T1); the others as declared."""
        if self.anchor == Anchor.SCREENING:
            days = options.screening_window_days
            return -days, 0, days - 1
        return self.day, self.window_before, self.window_after


# The follow-up visits after the final session, (day, days before, days after): spec §1.5
# [PROP] "FS+1 (24 ± 4 h after session end); FS+3 ± 1 d; FS+7 ± 1 d; FS+14 ± 2 d; FS+28 ±
# 3 d". Both trials use them; a protocol with other visits declares its own.
FOLLOW_UP_WINDOWS = ((1, 0, 0), (3, 1, 1), (7, 1, 1), (14, 2, 2), (28, 3, 3))


def _follow_up_label_now(day: int) -> str:
    return gettext("Follow-up day %(n)d after final session") % {"n": day}


# Translated when shown, in the reader's language, not once at import.
_follow_up_label = lazy(_follow_up_label_now, str)


def follow_up_visits(
    panels: Mapping[int, tuple[str, ...]], *, end_of_study: tuple[str, ...] = ()
) -> tuple[Visit, ...]:
    """The FS+n visits of spec §1.5: vital signs and the lab `panels` given for each day
    at each, and the `end_of_study` forms (the disposition, ...) at the last one."""
    last = FOLLOW_UP_WINDOWS[-1][0]
    return tuple(
        Visit(
            f"FS+{day}",
            _follow_up_label(day),
            Anchor.FINAL_SESSION,
            day=day,
            window_before=before,
            window_after=after,
            assessments=(
                _(
                    "Vital signs, laboratory panels, adverse events, concomitant medications, "
                    "survival status"
                ),
            ),
            forms=("ecrf.vitalsigns", "ecrf.labpanel", *(end_of_study if day == last else ())),
            panels=tuple(panels[day]),
        )
        for day, before, after in FOLLOW_UP_WINDOWS
    )


class RuleClass(models.TextChoices):
    """What a rule does when it is broken (issue 18; conventions in docs/rules.md).

    An eCRF records reality: it refuses only what cannot be true and what it can still
    prevent. Whatever already happened is saved and, if it breaks the protocol, flagged."""

    # Cannot be true (a session before consent, an end before its start): refused.
    IMPOSSIBLE = "impossible", _("impossible: refused")
    # An action done now that can still be prevented (an enrolment dated today into a
    # closed cohort): refused. Dated in the past it records what happened: judged by the
    # protocol as it stood on that date, and a break is saved as a deviation.
    GATE = "gate", _("gate: refused now; a past date is judged as of that date")
    # Something that happened against the protocol: saved, recorded as a deviation of
    # the rule's severity, and the site's monitors (and, for a major one, the study's
    # safety reviewers) are alerted.
    BREACH = "breach", _("breach: saved and recorded as a deviation")


@dataclass(frozen=True)
class RuleDeclaration:
    """A rule's code, class, the severity of the deviation it records (breach and gate
    rules), and its source: the registry text or the spec section it enforces."""

    code: str
    kind: str  # RuleClass
    source: str
    severity: str = ""  # "major" or "minor" (ecrf.models.Severity); "" for impossible


def declare(code: str, kind: str, source: str, severity: str = ""):
    """Declare a rule function's class, severity and source beside it (read by the rules
    table in docs/rules.md and by manage.py check)."""
    if (kind == RuleClass.IMPOSSIBLE) != (severity == ""):
        raise ValueError(f"{code}: only a gate or a breach records a deviation with a severity")

    def mark(function):
        function.declaration = RuleDeclaration(code, kind, source, severity)
        return function

    return mark


@dataclass(frozen=True)
class Refusal:
    """Why a screening or enrolment step was refused, naming the rule that failed."""

    rule: str
    message: Any
    field: str | None = None  # the form field the message belongs next to

    def __str__(self) -> str:
        return f"{self.rule}: {self.message}"


@dataclass(frozen=True)
class EnrolmentCase:
    """Everything an enrolment rule may look at. Built by actions.subject_enrol.

    The cohort's state is as it stood on the enrolment's date: today's for an enrolment
    dated today, the committee's decisions signed by then for one dated in the past
    (ecrf.committee.cohort_on)."""

    subject: Subject
    arm: ArmRow
    enrolled_in_arm: int  # subjects already enrolled in the arm (row locked)
    eligibility: Mapping[str, bool]  # criterion code -> answer
    enrolment_date: dt.date
    planned_first_treatment: dt.date
    options: StudyOptions
    cohort_open: bool
    capacity: int
    full_on: dt.date | None = None  # a past-dated one: the first day it had no place
    # The subject's protocol version on the enrolment date (issue 21); None: the study's.
    protocol: Protocol | None = None
    # The version the eligibility checklist was asked and is judged by: the subject's on
    # their screening date (issue 21); None: `protocol`. A re-consent before enrolment to
    # a version with a criterion of its own does not refuse an enrolment on a question
    # the checklist never asked.
    checklist: Protocol | None = None


Rule = Callable[[EnrolmentCase], "Refusal | None"]


@dataclass(frozen=True)
class SessionCase:
    """Everything a session rule may look at. Built by actions.session_record / _update."""

    subject: Subject
    arm: ArmRow
    design: Arm
    number: int  # the session's number (assigned by the action)
    session_date: dt.date  # start date in the site's time zone
    planned_minutes: int | None  # resolved by planned_session_minutes()
    options: StudyOptions


SessionRule = Callable[[SessionCase], "Refusal | None"]


@dataclass(frozen=True)
class Finding:
    """A protocol deviation a rule found (spec §2.16), stored as an automatic Deviation.

    `session_number` names the session it belongs to; None for the subject's course."""

    rule: str
    category: str  # ecrf.models.treatment.DeviationCategory
    description: str
    occurred_on: dt.date
    session_number: int | None = None
    severity: str = ""  # "": the severity its rule declares


@dataclass(frozen=True)
class TreatmentCourse:
    """A subject's sessions so far, for the deviation rules. Built by the sessions actions."""

    subject: Subject
    arm: ArmRow
    design: Arm
    sessions: tuple  # TreatmentSession rows, ordered by number
    session_dates: tuple[dt.date, ...]  # each session's start date in the site's time zone
    # Treatment is over once the arm's maximum is reached or a disposition is recorded.
    treatment_over: bool
    options: StudyOptions


DeviationRule = Callable[[TreatmentCourse], "list[Finding]"]


@dataclass(frozen=True)
class DeviceCriterion:
    """A device-performance acceptance criterion, one pass/fail per session (spec §2.8.3).

    The registry does not define them (spec O1): each is sponsor-defined [PROP]."""

    code: str  # at most 20 characters (DeviceCheck.criterion)
    label: Any


class Endpoint(models.TextChoices):
    """The endpoints ecrf/endpoints.py computes from the entered data (spec §1.4, §3.7).
    Each protocol lists those its registry text names."""

    SURVIVAL_FS28 = "survival_fs28", _("28-day survival after the final treatment")
    TRANSPLANT_FREE_FS28 = "transplant_free_fs28", _("28-day transplant-free survival")
    DEVICE_PASS_RATE = "device_pass_rate", _("Device-performance pass rate")
    LAB_CHANGE = "lab_change", _("Change in liver tests and MELD from baseline")
    AE_INCIDENCE = "ae_incidence", _("Incidence of adverse events and serious adverse events")
    IMMUNOGENICITY = "immunogenicity", _("Immunogenicity (anti-HLA antibodies, DSA)")


@dataclass(frozen=True)
class StudyOptions:
    """Values the spec tags [PROP]: defaults a study may change (Study.options overrides them).

    Registry facts are not options; they are declared on the Protocol itself.
    """

    # Days allowed between screening and the first treatment.
    screening_window_days: int = 14
    # Upper bound on sessions per subject when the protocol sets none (CiPS-BAL, §1.2).
    max_sessions: int = 10
    # Days each subject of a cohort is observed after their final session before the
    # Safety Evaluation Committee may review the cohort (QH-1A [REG-B] "28-day
    # observation period"; spec §5.4). Kept configurable as spec O12 asks.
    committee_observation_days: int = 28

    @classmethod
    def field_names(cls) -> set[str]:
        return {f.name for f in dataclasses.fields(cls)}

    def updated(self, overrides: Mapping[str, Any]) -> StudyOptions:
        # Dict-valued keys are option groups read by ecrf.versions.option_group.
        overrides = {k: v for k, v in overrides.items() if not isinstance(v, dict)}
        unknown = set(overrides) - self.field_names()
        if unknown:
            raise ValueError(f"Unknown study options: {', '.join(sorted(unknown))}")
        return dataclasses.replace(self, **overrides)


@dataclass(frozen=True)
class Protocol:
    """One trial's protocol as code."""

    registry_id: str
    title: str
    phase: str  # registry value, e.g. "PHASE1/PHASE2"
    target_enrolment: int
    sponsor: str
    arms: tuple[Arm, ...]
    criteria: tuple[Criterion, ...]
    visits: tuple[Visit, ...]
    enrolment_rules: tuple[Rule, ...]
    options: StudyOptions = field(default_factory=StudyOptions)
    age_range: tuple[int, int] | None = None  # registry structured field, if any
    # Dotted path of the study's registration form (per-study form, crispy layout).
    registration_form: str = "ecrf.forms.SubjectForm"
    # BAL sessions (spec §2.7): the study's form, the rules that refuse a session, the
    # rules that record deviations, QH-1A's device criteria, and CiPS-BAL's cell dose.
    session_form: str = "ecrf.forms.sessions.SessionForm"
    session_rules: tuple[SessionRule, ...] = ()
    deviation_rules: tuple[DeviationRule, ...] = ()
    device_criteria: tuple[DeviceCriterion, ...] = ()
    cell_dose: Callable | None = None  # cell_dose(session, subject) -> a dose summary
    # dose_target(weight_kg, subject, on) -> the session's target cells, shown on the
    # session form as soon as the dosing weight is known (CiPS-BAL, issue 18); both by the
    # subject's version on the session's date (issue 21: options belong to a version).
    dose_target: Callable | None = None
    # Clinical forms (spec §2.3, §2.4): liver-failure categories the inclusion criterion
    # admits, the guideline it names, and soft checks of the medical history.
    liver_failure_categories: tuple[str, ...] = ("ALF", "SALF", "ACLF", "CLF")
    required_guideline: str | None = None
    history_rules: tuple[Callable, ...] = ()
    # The study's diagnosis form, the rules that refuse a diagnosis, and its soft checks
    # (CiPS-BAL: small-for-size syndrome, spec §2.5). A rule is called with the subject
    # and the form's values, the study's own fields among them; a soft check with the
    # saved diagnosis. Each returns a list of Refusal.
    liver_failure_form: str = "ecrf.forms.clinical.LiverFailureForm"
    diagnosis_rules: tuple[Callable, ...] = ()
    diagnosis_warnings: tuple[Callable, ...] = ()
    # A Safety Evaluation Committee opens later cohorts (QH-1A [REG-B]; spec §5.4).
    safety_committee: bool = False
    # Endpoints computed from the entered data (Endpoint codes, ecrf/endpoints.py), and
    # the AE incidence window in days after the final session (None: no end).
    endpoints: tuple[str, ...] = ()
    ae_window_days: int | None = None
    # SDTM (spec §6, ecrf/sdtm.py): the EX name of what a BAL session gives (EXTRT), and
    # the trial summary (TS) parameters the registry states, as CDISC terms, e.g.
    # (("STYPE", "INTERVENTIONAL"), ...). Title, phase, sponsor, planned subjects, ages
    # and registry id come from the fields above.
    sdtm_treatment: str = ""
    trial_summary: tuple[tuple[str, str], ...] = ()
    # Option groups of this study only, beside OPTION_GROUPS: {name: dotted dataclass}.
    option_groups: Mapping[str, str] = field(default_factory=dict)

    @property
    def screening_visit(self) -> Visit:
        return next(v for v in self.visits if v.anchor == Anchor.SCREENING)

    @property
    def session_visit(self) -> Visit | None:
        return next((v for v in self.visits if v.anchor == Anchor.EACH_SESSION), None)

    @property
    def follow_up_visits(self) -> tuple[Visit, ...]:
        """The visits after the final session ("FS+n"), in the order of their days."""
        visits = [v for v in self.visits if v.anchor == Anchor.FINAL_SESSION]
        return tuple(sorted(visits, key=lambda v: v.day))

    @property
    def panels(self) -> tuple[str, ...]:
        """The lab panels the study collects: those expected at any of its visits."""
        return tuple(dict.fromkeys(p for visit in self.visits for p in visit.panels))

    def expects(self, form_label: str) -> bool:
        """Whether any visit expects the form ("ecrf.vitalsigns")."""
        return any(form_label in visit.forms for visit in self.visits)

    def rules(self) -> list[tuple[str, RuleDeclaration]]:
        """Every rule of the study with its declaration, as (where it applies, declaration):
        its enrolment and session rules, the deviation rules run over the sessions, and
        the checks every study shares on the record forms (RECORD_RULES)."""
        groups = (
            ("enrolment", self.enrolment_rules),
            ("session", self.session_rules),
            ("session", self.deviation_rules),
            ("diagnosis", self.diagnosis_rules),
        )
        rules = [(where, rule.declaration) for where, group in groups for rule in group]
        shared = [(w, r) for w, r in RECORD_RULES if w != "committee" or self.safety_committee]
        return rules + shared

    def arm(self, code: str) -> Arm:
        for arm in self.arms:
            if arm.code == code:
                return arm
        raise KeyError(f"{self.registry_id} has no arm {code!r}")

    @property
    def asked_criteria(self) -> tuple[Criterion, ...]:
        return tuple(c for c in self.criteria if not c.derived)

    def eligibility_refusals(self, answers: Mapping[str, bool], subject: Subject) -> list[Refusal]:
        """Every inclusion criterion met and no exclusion criterion (spec §2.2), each
        criterion decided by data answered by, or agreeing with, the subject's data."""
        refusals = []
        for criterion in self.criteria:
            data = criterion.decided_by.answer(subject) if criterion.decided_by else None
            if criterion.derived:
                answer = data.answer if data else None
                if answer is None:
                    why = data.says if data else _("No data decide this criterion.")
                    refusals.append(Refusal(criterion.code, why))
                    continue
            else:
                answer = answers.get(criterion.code)
                if answer is None:
                    refusals.append(
                        Refusal(criterion.code, _("This criterion has not been answered."))
                    )
                    continue
                if data is not None and data.answer is not None and data.answer != answer:
                    refusals.append(
                        Refusal(
                            criterion.code,
                            _("The checklist answers %(answer)s, but %(data)s.")
                            % {"answer": _("Yes") if answer else _("No"), "data": data.says},
                        )
                    )
                    continue
            if criterion.kind == CriterionKind.INCLUSION and not answer:
                refusals.append(
                    Refusal(
                        criterion.code, data.says if data else _("Inclusion criterion not met.")
                    )
                )
            elif criterion.kind == CriterionKind.EXCLUSION and answer:
                refusals.append(
                    Refusal(
                        criterion.code, data.says if data else _("Exclusion criterion present.")
                    )
                )
        return refusals

    @property
    def criteria_decided_by_data(self) -> tuple[Criterion, ...]:
        return tuple(c for c in self.criteria if c.decided_by)


@dataclass(frozen=True)
class ProtocolVersion:
    """One version of a study's protocol (issue 21): its number ("1.0" is the protocol as
    registered), date, a short summary, and the whole `Protocol` as it stands in it. A
    later version is `dataclasses.replace` of the earlier Protocol with the amendment's
    changes, declared in the study's protocol module (`VERSIONS`, oldest first).

    A published version is immutable: `fingerprint` is the one recorded when it was
    published (ecrf.versions.fingerprint of its content); `manage.py check` fails when
    the code drifts from it, and a version without one (a draft) is put in force nowhere.

    Fields are never deleted from the database. A version says which of its forms'
    fields it asks: `added_fields` are first asked in it (a subject on an earlier version
    is not asked them), `hidden_fields` are no longer asked for new entries from it on
    (their saved values stay readable and exported). Both as "app_label.model.field"."""

    number: str
    date: dt.date
    summary: str
    protocol: Protocol
    fingerprint: str = ""
    added_fields: frozenset[str] = frozenset()
    hidden_fields: frozenset[str] = frozenset()
    # A version made up for the demo (issue 21 item 5), never a real amendment.
    made_up: bool = False


# The refusals the record forms make themselves (ecrf/actions/*), every study alike: all
# are "impossible" ones. Sessions, labs, AEs and follow-up forms record what happened, so
# none of their rules is a gate (issue 18).
RECORD_RULES = (
    (
        "enrolment",
        RuleDeclaration(
            "ENROLMENT-REASON",
            RuleClass.IMPOSSIBLE,
            "spec conventions (revised 2026-12-07): an entry dated in the past is judged as "
            "of its date; it says why it is late",
        ),
    ),
    (
        "session",
        RuleDeclaration(
            "INTERRUPTION-INSIDE-SESSION",
            RuleClass.IMPOSSIBLE,
            "spec §2.7.4 interruption within session start–end",
        ),
    ),
    (
        "session",
        RuleDeclaration(
            "VITALS-INSIDE-SESSION", RuleClass.IMPOSSIBLE, 'spec §2.6 "during session" vitals'
        ),
    ),
    ("labs", RuleDeclaration("LAB-DATE", RuleClass.IMPOSSIBLE, "a sample time in the future")),
    (
        "labs",
        RuleDeclaration(
            "LAB-TIMEPOINT", RuleClass.IMPOSSIBLE, "spec §2.9: timepoints follow recorded sessions"
        ),
    ),
    (
        "adverse event",
        RuleDeclaration("AE-START", RuleClass.IMPOSSIBLE, "spec V14: AE start ≥ consent"),
    ),
    (
        "adverse event",
        RuleDeclaration(
            "AE-ONSET-TIME", RuleClass.IMPOSSIBLE, "spec §2.11: onset time on a session day"
        ),
    ),
    (
        "adverse event",
        RuleDeclaration(
            "AE-ACTION-SESSION", RuleClass.IMPOSSIBLE, "spec §2.11, V10: action matches session"
        ),
    ),
    (
        "adverse event",
        RuleDeclaration("SAE-AWARENESS", RuleClass.IMPOSSIBLE, "spec §2.12: awareness ≥ onset"),
    ),
    (
        "follow-up",
        RuleDeclaration(
            "DATE-FUTURE", RuleClass.IMPOSSIBLE, "a date in the future (spec §2 conventions)"
        ),
    ),
    (
        "committee",
        RuleDeclaration(
            "SEC-MEETING-DATE",
            RuleClass.IMPOSSIBLE,
            'spec T7, §2.15 "Data cut-off date ≥ FS+28 of every subject of the cohort (or '
            'death/withdrawal)"; the decision takes effect when signed',
        ),
    ),
)


def rules_table(packages: list[str] | None = None) -> str:
    """The README's table of every study's rules, of the installed studies or of
    `packages` (tests/test_protocol_rules.py checks the README against production's;
    `manage.py rules_table` prints it)."""
    lines = [
        "| Study | Form | Rule | Class | Severity | Source |",
        "|---|---|---|---|---|---|",
    ]
    protocols = all_protocols() if packages is None else [get_protocol(p) for p in packages]
    for protocol in protocols:
        for where, rule in protocol.rules():
            source = rule.source.replace("|", "\\|")
            lines.append(
                f"| {protocol.registry_id} | {where} | {rule.code} | {rule.kind} | "
                f"{rule.severity or '—'} | {source} |"
            )
    return "\n".join(lines) + "\n"


# Option groups every study has: Study.options[name] overrides the defaults of the
# dataclass that ecrf.versions.option_group(name, cls) reads, as the version that judges
# the event has them (issue 21: options belong to a version). A protocol adds its own groups
# (Protocol.option_groups, e.g. CiPS-BAL's "dose").
OPTION_GROUPS = {
    "safety": "ecrf.safety.SafetyRules",
    "labs": "ecrf.lab_results.LabRules",
    "queries": "ecrf.actions.queries.QueryRules",
}
# The largest whole number an option takes (days, hours, sessions): beyond it a typo, and
# a date computed with it overflows.
MAX_OPTION_NUMBER = 10_000


def check_options(options: Any, protocol: Protocol) -> None:
    """Raise ValueError unless `options` (Study.options, JSON typed in the admin) is an
    object of the protocol's options and option groups, each value like its default:
    anything else would break every page that reads them (issue 7: found by fuzzing)."""
    if not isinstance(options, dict):
        raise ValueError(_('Give the options as a JSON object, e.g. {"max_sessions": 5}.'))
    scalars = {k: v for k, v in options.items() if not isinstance(v, dict)}
    _check_values(protocol.options, scalars, "")
    groups = {**OPTION_GROUPS, **protocol.option_groups}
    for name, values in options.items():
        if not isinstance(values, dict):
            continue
        if name not in groups:
            raise ValueError(_("Unknown option group: %(name)s") % {"name": name})
        defaults = import_string(groups[name])
        _check_values(defaults(), values, f"{name}.")
        defaults(**values)  # the group's own checks (__post_init__), if any


def _check_values(defaults, values: Mapping[str, Any], prefix: str) -> None:
    names = {f.name for f in dataclasses.fields(defaults)}
    for key, value in values.items():
        if key not in names:
            raise ValueError(_("Unknown option: %(name)s") % {"name": prefix + key})
        default = getattr(defaults, key)
        if not _like(default, value):
            raise ValueError(
                _("%(name)s: %(value)s is not a value like %(default)s")
                % {"name": prefix + key, "value": repr(value)[:100], "default": repr(default)}
            )


def _like(default: Any, value: Any) -> bool:
    """Is the JSON value of the kind of the option's default?"""
    if isinstance(default, bool) or isinstance(value, bool):
        return isinstance(default, bool) and isinstance(value, bool)
    if isinstance(default, str):
        choices = type(default).values if isinstance(default, models.Choices) else None
        return isinstance(value, str) and (choices is None or value in choices)
    if isinstance(default, int):
        return isinstance(value, int) and 0 <= value <= MAX_OPTION_NUMBER
    if isinstance(default, float | Decimal):
        return isinstance(value, int | float) and 0 < value < 1e15  # not NaN, not 0
    if isinstance(default, tuple):
        if not isinstance(value, list | tuple) or not value:
            return False
        if isinstance(default[0], tuple):  # a list of records, like the first one
            return all(_like(default[0], item) for item in value)
        return len(value) == len(default) and all(map(_like, default, value))
    return False


@cache
def get_protocol(package: str) -> Protocol:
    """The Protocol declared by a study package, e.g. get_protocol("studies.qh1a")."""
    return import_module(f"{package}.protocol").PROTOCOL


def all_protocols() -> list[Protocol]:
    from django.conf import settings

    return [get_protocol(package) for package in settings.ECRF_STUDIES]


# --- Rules shared by both protocols -------------------------------------------------


def age_at(born: dt.date, on: dt.date) -> int:
    """Completed years on a date: calendar arithmetic, not days / 365.25 (spec §2.1)."""
    return on.year - born.year - ((on.month, on.day) < (born.month, born.day))


@declare(
    "ELIGIBILITY",
    RuleClass.IMPOSSIBLE,
    "spec §1.3, §2.2; the checklist is corrected first (with a reason), never contradicted",
)
def rule_all_criteria_met(case: EnrolmentCase) -> Refusal | None:
    """Every inclusion criterion is met and no exclusion criterion is (spec §1.3, §2.2),
    those decided by data elsewhere in the casebook included (age at consent, pregnancy)."""
    protocol = case.checklist or case.protocol or case.subject.study.protocol
    refusals = protocol.eligibility_refusals(case.eligibility, case.subject)
    if refusals:
        reasons = " ".join(f"{r.rule}: {r.message}" for r in refusals)
        return Refusal("ELIGIBILITY", _("Not eligible. %(reasons)s") % {"reasons": reasons})
    return None


# --- Criteria decided by data recorded elsewhere (issue 18 item 4) ------------------------


def age_at_consent_between(low: int, high: int) -> DecidedByData:
    """An age limit the registry states: age at consent in completed years (spec §2.1),
    from the registration's date of birth and consent date."""

    def answer(subject: Subject) -> DataAnswer:
        age = subject.age_at_consent
        if age is None:
            return DataAnswer(None, _("The date of birth or the consent date is missing."))
        return DataAnswer(
            low <= age <= high,
            _("age at consent is %(age)d years (registration); %(low)d to %(high)d years required")
            % {"age": age, "low": low, "high": high},
        )

    return DecidedByData(_("Age at consent (registration: date of birth, consent date)"), answer)


def pregnant_or_breastfeeding_answer(subject: Subject) -> DataAnswer:
    """Spec §2.1: "Pregnancy test ... Positive → CiPS EX03 = Y"; "Breastfeeding ... CiPS
    EX03". A man, or a woman with a negative test (or not of child-bearing potential) who
    is not breastfeeding, answers No; a positive test or breastfeeding answers Yes;
    anything else (not done, not asked) leaves the investigator's answer standing."""
    if subject.sex == "M":
        return DataAnswer(False, _("the registration records a man"))
    if subject.pregnancy_test == "positive":
        return DataAnswer(True, _("the registration records a positive pregnancy test"))
    if subject.breastfeeding:
        return DataAnswer(True, _("the registration records that she is breastfeeding"))
    not_pregnant = subject.pregnancy_test == "negative" or subject.childbearing_potential is False
    if not_pregnant and subject.breastfeeding is False:
        return DataAnswer(
            False,
            _("the registration records no pregnancy (test or potential) and no breastfeeding"),
        )
    return DataAnswer(
        None,
        _("the registration does not settle it: record the pregnancy test and breastfeeding"),
    )


PREGNANT_OR_BREASTFEEDING = DecidedByData(
    _("Pregnancy test and breastfeeding (registration)"), pregnant_or_breastfeeding_answer
)


@declare("CONSENT", RuleClass.IMPOSSIBLE, "ICH GCP 4.8.8; spec §2.1")
def rule_consent_recorded(case: EnrolmentCase) -> Refusal | None:
    """No enrolment without an informed-consent date (ICH GCP 4.8.8; spec §2.1)."""
    if not case.subject.consent_date or not case.subject.consent_version:
        return Refusal(
            "CONSENT", _("Informed consent date and version must be recorded before enrolment.")
        )
    return None


@declare("ENROLMENT-DATE", RuleClass.IMPOSSIBLE, "ICH GCP 4.8.8; spec T2, §2.2")
def rule_enrolment_after_screening(case: EnrolmentCase) -> Refusal | None:
    """Enrolment follows screening, which follows consent: consent precedes every study
    procedure (ICH GCP 4.8.8; spec T2), and the subject is enrolled once screened
    eligible (spec §2.2). An enrolment dated in year 1 was stored (issue 7, fuzzing)."""
    screened = case.subject.screening_date
    if screened and case.enrolment_date < screened:
        return Refusal(
            "ENROLMENT-DATE",
            _("Enrolment cannot precede screening (%(date)s).") % {"date": screened.isoformat()},
            field="enrolment_date",
        )
    return None


@declare(
    "COHORT-OPEN",
    RuleClass.GATE,
    "[REG-B] sequential escalation reviewed by a Safety Evaluation Committee; spec T7, §5.4",
    "major",
)
def rule_cohort_open(case: EnrolmentCase) -> Refusal | None:
    """A cohort takes subjects only while it is open (QH-1A sequential design, spec T7):
    only a signed Safety Evaluation Committee decision opens a later cohort (§5.4)."""
    if not case.cohort_open:
        return Refusal(
            "COHORT-OPEN",
            _(
                "%(arm)s is not open for enrolment: only a signed decision of the Safety "
                "Evaluation Committee opens it."
            )
            % {"arm": case.arm.label},
            field="arm",
        )
    return None


@declare("COHORT-CAPACITY", RuleClass.GATE, "arm capacity, spec §1.2", "major")
def rule_cohort_capacity(case: EnrolmentCase) -> Refusal | None:
    """Cohort capacity from the arm declaration (spec §1.2), as the committee expanded
    it; an enrolment dated in the past needs a free place on every date since."""
    if case.enrolled_in_arm >= case.capacity:
        values = {"arm": case.arm.label, "n": case.enrolled_in_arm, "cap": case.capacity}
        if case.full_on is not None:
            values["date"] = case.full_on.isoformat()
            message = _("%(arm)s was full on %(date)s (%(n)d of %(cap)d enrolled).") % values
        else:
            message = _("%(arm)s is full (%(n)d of %(cap)d enrolled).") % values
        return Refusal("COHORT-CAPACITY", message, field="arm")
    return None


def screening_window_refusal(
    screening: dt.date, first: dt.date, window: int, field: str
) -> Refusal | None:
    """Screening within N days before the first treatment (QH-1A registry: 14; spec T1)."""
    if not (first - dt.timedelta(days=window) <= screening < first):
        return Refusal(
            "SCREENING-WINDOW",
            _(
                "The first treatment must fall 1 to %(days)d days after screening "
                "(screening %(screening)s)."
            )
            % {"days": window, "screening": screening.isoformat()},
            field=field,
        )
    return None


@declare(
    "SCREENING-WINDOW",
    RuleClass.GATE,
    'spec T1, V3 (gate at enrolment): QH-1A [REG-B] "screened within 14 days before their '
    'first treatment"; CiPS-BAL [PROP] option screening_window_days',
    "major",
)
def rule_screening_window(case: EnrolmentCase) -> Refusal | None:
    """Screening within N days before the planned first treatment (spec T1)."""
    return screening_window_refusal(
        case.subject.screening_date,
        case.planned_first_treatment,
        case.options.screening_window_days,
        "planned_first_treatment",
    )


# --- Session rules shared by both protocols -----------------------------------------


def planned_session_minutes(design: Arm, arm: ArmRow, entered: int | None) -> int | None:
    """The planned duration of a session (spec §2.7 "derived from arm/SEC"): the arm's
    fixed duration (QH-1A 4/6/8 h), else the duration the investigator entered within the
    arm's range (CiPS-BAL 4–8 h), else the committee's decision stored on the arm row
    (QH-1A multiple-treatment group, spec T8). None while none of these is known."""
    if design.planned_minutes is not None:
        return design.planned_minutes
    if design.duration_range_minutes is not None:
        return entered
    return arm.planned_minutes


@declare(
    "SCREENING-WINDOW",
    RuleClass.BREACH,
    '[REG-B] "screened within 14 days before their first treatment"; spec T1, V3: '
    "breach when a session that took place falls outside",
    "major",
)
def deviation_first_session_outside_screening_window(course: TreatmentCourse) -> list[Finding]:
    """Session 1 falls 1 to N days after screening (QH-1A [REG-B] "screened within 14
    days before their first treatment"; spec T1). A session that took place outside the
    window is saved and recorded as a major deviation: it happened (issue 18)."""
    if not course.sessions or course.sessions[0].number != 1:
        return []
    screened, first = course.subject.screening_date, course.session_dates[0]
    refusal = screening_window_refusal(
        screened, first, course.options.screening_window_days, "started_at"
    )
    if refusal is None:
        return []
    return [Finding("SCREENING-WINDOW", "screening_window", str(refusal.message), first, 1)]


@declare("CONSENT", RuleClass.IMPOSSIBLE, "ICH GCP 4.8.8; spec T2")
def rule_session_after_consent(case: SessionCase) -> Refusal | None:
    """Consent precedes every study procedure (ICH GCP 4.8.8; spec T2, hard)."""
    if case.session_date < case.subject.consent_date:
        return Refusal(
            "CONSENT",
            _("A session cannot precede informed consent (%(date)s).")
            % {"date": case.subject.consent_date.isoformat()},
            field="started_at",
        )
    return None


@declare("ENROLMENT", RuleClass.IMPOSSIBLE, "spec V1: no session before the subject is enrolled")
def rule_session_after_enrolment(case: SessionCase) -> Refusal | None:
    """No session before the subject is enrolled (spec V1: "Subject cannot start session 1
    unless IE complete, eligible")."""
    enrolled_on = case.subject.enrolment.enrolment_date
    if case.session_date < enrolled_on:
        return Refusal(
            "ENROLMENT",
            _("A session cannot precede enrolment (%(date)s).") % {"date": enrolled_on.isoformat()},
            field="started_at",
        )
    return None


@declare(
    "PLANNED-DURATION",
    RuleClass.IMPOSSIBLE,
    "spec §2.7 planned duration required; T8: QHMT's is the committee's maximum tolerated one",
)
def rule_planned_duration_set(case: SessionCase) -> Refusal | None:
    """A session needs a planned duration; for the QH-1A multiple-treatment group it is
    the committee's maximum tolerated duration, set before its first session (spec T8)."""
    if case.planned_minutes is not None:
        return None
    if case.design.duration_range_minutes is not None:
        return Refusal(
            "PLANNED-DURATION", _("Enter the planned duration."), field="planned_minutes"
        )
    return Refusal(
        "MTD-NOT-SET",
        _(
            "The Safety Evaluation Committee has not yet set the treatment duration of "
            "%(arm)s; no session can be recorded until it does."
        )
        % {"arm": case.arm.label},
    )


@declare(
    "PLANNED-DURATION-RANGE",
    RuleClass.BREACH,
    '[REG-A] "4-8 hours per session"; spec §2.7 "240–480 (CiPS, investigator-set)"',
    "minor",
)
def deviation_planned_duration_outside_range(course: TreatmentCourse) -> list[Finding]:
    """An investigator-set planned duration lies in the arm's range (CiPS-BAL [REG-A]
    "4-8 hours per session"). A session planned outside it took place all the same: it
    is saved and the plan recorded as a deviation (issue 18)."""
    low_high = course.design.duration_range_minutes
    if low_high is None:
        return []
    low, high = low_high
    return [
        Finding(
            "PLANNED-DURATION-RANGE",
            "session_duration",
            str(
                _("The planned duration %(planned)d min is outside %(low)d–%(high)d min.")
                % {"planned": session.planned_minutes, "low": low, "high": high}
            ),
            day,
            session.number,
        )
        for session, day in zip(course.sessions, course.session_dates, strict=True)
        if not low <= session.planned_minutes <= high
    ]


# --- Partial dates and medical-history windows (spec §2.3) ---------------------------


def partial_date_bounds(value: str) -> tuple[dt.date, dt.date]:
    """The first and last day a partial date (YYYY, YYYY-MM or YYYY-MM-DD) can mean.
    Raises ValueError for an impossible date such as 2025-02-30."""
    parts = [int(p) for p in value.split("-")]
    if len(parts) == 1:
        return dt.date(parts[0], 1, 1), dt.date(parts[0], 12, 31)
    if len(parts) == 2:
        year, month = parts
        return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])
    day = dt.date(*parts)
    return day, day


def months_before(day: dt.date, months: int) -> dt.date:
    """The same day `months` calendar months earlier (31 Aug − 6 months = 28/29 Feb)."""
    year, month = divmod(day.year * 12 + day.month - 1 - months, 12)
    month += 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def window_position(bounds: tuple[dt.date, dt.date], window_start: dt.date) -> str:
    """Where a (partial) date lies against a window's first day: "in" (on or after it),
    "out" (before it) or "unknown" (a YYYY or YYYY-MM date that straddles it)."""
    earliest, latest = bounds
    if earliest >= window_start:
        return "in"
    if latest < window_start:
        return "out"
    return "unknown"


def history_warnings(
    *,
    rule: str,
    rows: list,
    window_start: dt.date,
    answer: bool | None,
    presence,
    found_message,
    unknown_message,
    missing_message,
) -> list[Refusal]:
    """Soft checks of medical-history rows against an exclusion answered on the
    checklist: a row inside the window contradicts "No", a partial date that may fall in it
    asks for the month, and "Yes" with no row in the window is flagged."""
    found = unknown = 0
    warnings = []
    for row in rows:
        position = presence(row, window_start)
        if position == "in":
            found += 1
            if answer is not True:
                warnings.append(
                    Refusal(rule, found_message % {"term": row.term, "date": row.start})
                )
        elif position == "unknown":
            unknown += 1
            warnings.append(Refusal(rule, unknown_message % {"term": row.term, "date": row.start}))
    if answer is True and not (found or unknown):
        warnings.append(Refusal(rule, missing_message))
    return warnings
