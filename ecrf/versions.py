"""Protocol versions (issue 21): what each version declares, its fingerprint, and which
version judges what.

Declarations are code: each study's protocol module lists its `VERSIONS`
(ecrf.protocol.ProtocolVersion, oldest first, "1.0" as registered). The demo adds a
made-up version from a module of its own (settings.ECRF_DEMO_VERSIONS), never from the
registered protocol module.

The database records what happened to them (ecrf/models/versions.py): a version
published for a study (`StudyVersion`: a declared version, or one made by changing the
study's options in the admin), the version a data manager put in force at a site with its
ethics approval and an e-signature (`SiteVersion`), the version a subject was screened
and consented under (Subject.protocol_version) and each re-consent to a later one
(`Reconsent`).

Which version judges a rule:
- subject-level rules (eligibility, windows, deviations, expected forms): the subject's
  version on the date of the event, `protocol_for(subject, on=date)`;
- study-level rules (the committee gate, cohort capacity) and screening: the version in
  force at the site on that date, `protocol_in_force(site, on=date)`.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import json
from functools import lru_cache
from importlib import import_module
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.db import models
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from ecrf import form_registry
from ecrf.protocol import Protocol, ProtocolVersion, Refusal

if TYPE_CHECKING:
    from ecrf.models import Site, StudyVersion, Subject

# The version every study starts with: the protocol as registered.
REGISTERED = "1.0"


# --- Declarations ---------------------------------------------------------------------


def declared_versions(package: str) -> tuple[ProtocolVersion, ...]:
    """The versions a study package declares, oldest first: its protocol module's
    VERSIONS, then the demo's made-up ones for it (settings.ECRF_DEMO_VERSIONS: modules
    with PACKAGE and VERSIONS, loaded only by the demo and the tests that ask)."""
    versions = list(import_module(f"{package}.protocol").VERSIONS)
    for dotted in settings.ECRF_DEMO_VERSIONS:
        module = import_module(dotted)
        if module.PACKAGE == package:
            versions.extend(module.VERSIONS)
    return tuple(versions)


def declared_version(package: str, number: str) -> ProtocolVersion:
    for version in declared_versions(package):
        if version.number == number:
            return version
    raise KeyError(f"{package} declares no protocol version {number!r}")


# --- Content and fingerprint ----------------------------------------------------------


def _entered_fields(model) -> list[models.Field]:
    """The fields a person enters on a form of the model: concrete and editable, not its
    key nor its subject (bookkeeping columns are not editable)."""
    return [
        f
        for f in model._meta.concrete_fields
        if f.editable and not f.primary_key and f.name != "subject"
    ]


def forms_of(protocol: Protocol) -> list[tuple[str, Any]]:
    """(label, model) of the forms a version's content covers: the registration and every
    form its visits expect. A form no visit expects (an adverse event, a medication) is
    the casebook's, not the protocol's: adding one changes no published version."""
    labels = {"ecrf.subject", *(label for visit in protocol.visits for label in visit.forms)}
    return [(label, form_registry.by_label(label)) for label in sorted(labels)]


def version_fields(package: str, number: str) -> tuple[frozenset[str], frozenset[str]]:
    """(hidden, absent) fields of a declared version, as "app_label.model.field": hidden
    by it or an earlier one (no longer asked for new entries, saved values still read),
    and first asked in a later one (ecrf.protocol.ProtocolVersion)."""
    declared = declared_versions(package)
    index = next(i for i, v in enumerate(declared) if v.number == number)
    hidden = frozenset().union(*(v.hidden_fields for v in declared[: index + 1]))
    absent = frozenset().union(*(v.added_fields for v in declared[index + 1 :]))
    return hidden, absent


def field_names(package: str, number: str) -> dict[str, list[str]]:
    """{form label: names of the fields asked under the version}: every field of the
    form but those first asked in a later version and those hidden by this version or an
    earlier one."""
    hidden, absent = version_fields(package, number)
    return {
        label: [
            f.name for f in _entered_fields(model) if f"{label}.{f.name}" not in hidden | absent
        ]
        for label, model in forms_of(declared_version(package, number).protocol)
    }


def fields_not_asked(subject: Subject, *, on: dt.date | None = None) -> frozenset[str]:
    """ "app_label.model.field" of the fields an entry form does not ask the subject for
    under their version on the date (today when not given): hidden by it or an earlier
    one, or first asked in a later one (version_fields)."""
    declared = subject_version(subject, on=on).declared
    try:
        hidden, absent = version_fields(subject.study.package, declared)
    except StopIteration:  # a version the code no longer declares: every field asked
        return frozenset()
    return hidden | absent


def _field(field: models.Field, *, hidden: bool) -> dict[str, Any]:
    described = {
        "name": field.name,
        "type": field.get_internal_type(),
        "choices": [[code, str(label)] for code, label in (field.flatchoices or ())],
    }
    if hidden:  # only then: the content of a version that hides nothing reads as before
        described["hidden"] = True
    return described


def _function(function) -> str:
    return f"{function.__module__}.{function.__qualname__}"


def content(
    protocol: Protocol,
    *,
    forms: list[tuple[str, Any]],
    hidden: frozenset[str] = frozenset(),
    absent: frozenset[str] = frozenset(),
) -> dict[str, Any]:
    """The one description of what a protocol version holds, in English JSON: what its
    fingerprint covers (describe) and what two versions are compared by
    (ecrf.protocol_diff). `forms`: (label, model) of the forms described: the
    fingerprint's are the protocol's (forms_of), the diff's also the casebook's own.
    Fields first asked in a later version (`absent`) are left out; those the version
    hides are kept, marked "hidden". A rule's limit that a version changes is declared
    as data (an option, a criterion, a window), so that it is here; the body of a rule
    function is code, named here by its path."""
    from ecrf.lab_catalogue import tests_in_panel

    with translation.override("en"):
        return json.loads(
            json.dumps(
                {
                    "registry_id": protocol.registry_id,
                    "title": protocol.title,
                    "phase": protocol.phase,
                    "target_enrolment": protocol.target_enrolment,
                    "sponsor": protocol.sponsor,
                    "age_range": protocol.age_range,
                    "arms": [dataclasses.asdict(arm) for arm in protocol.arms],
                    "criteria": [
                        {
                            "code": c.code,
                            "kind": str(c.kind),
                            "text": c.text,
                            "derived": c.derived,
                            "decided_by": str(c.decided_by.label) if c.decided_by else None,
                        }
                        for c in protocol.criteria
                    ],
                    "visits": [
                        {
                            "code": v.code,
                            "label": str(v.label),
                            "anchor": str(v.anchor),
                            "day": v.day,
                            "window_before": v.window_before,
                            "window_after": v.window_after,
                            "forms": list(v.forms),
                            "panels": [str(p) for p in v.panels],
                        }
                        for v in protocol.visits
                    ],
                    "panels": {
                        str(panel): [
                            [t.code, t.standard_unit.code, *(u.code for u in t.other_units)]
                            for t in tests_in_panel(panel)
                        ]
                        for panel in protocol.panels
                    },
                    "options": dataclasses.asdict(protocol.options),
                    "rules": [
                        [where, r.code, str(r.kind), r.severity] for where, r in protocol.rules()
                    ],
                    "rule_functions": [
                        _function(f)
                        for f in (
                            *protocol.enrolment_rules,
                            *protocol.session_rules,
                            *protocol.deviation_rules,
                            *protocol.history_rules,
                        )
                    ],
                    "device_criteria": [[d.code, str(d.label)] for d in protocol.device_criteria],
                    "endpoints": [str(e) for e in protocol.endpoints],
                    "ae_window_days": protocol.ae_window_days,
                    "liver_failure_categories": list(protocol.liver_failure_categories),
                    "required_guideline": protocol.required_guideline,
                    "safety_committee": protocol.safety_committee,
                    "registration_form": protocol.registration_form,
                    "session_form": protocol.session_form,
                    "forms": {
                        label: [
                            _field(f, hidden=f"{label}.{f.name}" in hidden)
                            for f in _entered_fields(model)
                            if f"{label}.{f.name}" not in absent
                        ]
                        for label, model in forms
                    },
                },
                default=str,
            )
        )


def describe(package: str, number: str) -> dict[str, Any]:
    """A declared version's canonical description: its number, date and summary, and
    its content (the protocol's forms): what its fingerprint covers."""
    version = declared_version(package, number)
    hidden, absent = version_fields(package, number)
    return {
        "number": version.number,
        "date": version.date.isoformat(),
        "summary": version.summary,
        **content(version.protocol, forms=forms_of(version.protocol), hidden=hidden, absent=absent),
    }


def fingerprint(package: str, number: str) -> str:
    """The SHA-256 of the version's canonical description (first 16 hex digits), as its
    declaration records it once published (`manage.py protocol_fingerprint`)."""
    text = json.dumps(describe(package, number), sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(text.encode()).hexdigest()[:16]


# --- The protocol a published version stands for -----------------------------------------


@lru_cache(maxsize=64)
def _protocol(package: str, declared: str, options_json: str) -> Protocol:
    protocol = declared_version(package, declared).protocol
    overrides = json.loads(options_json)
    if not overrides:
        return protocol
    return dataclasses.replace(protocol, options=protocol.options.updated(overrides))


def protocol_of(version: StudyVersion) -> Protocol:
    """The Protocol a published version stands for: its declared version with the study
    options it was published with (the admin's changes make a new version)."""
    return _protocol(
        version.study.package, version.declared, json.dumps(version.options or {}, sort_keys=True)
    )


# --- Which version judges what --------------------------------------------------------


def version_in_force(site: Site, *, on: dt.date) -> StudyVersion | None:
    """The version in force at the site on the date: the last one a data manager put in
    force from that date or earlier (SiteVersion), or None before any."""
    from ecrf.models import SiteVersion

    row = (
        SiteVersion.objects.filter(site=site, in_force_from__lte=on)
        .select_related("version__study")
        .order_by("-in_force_from", "-pk")
        .first()
    )
    return row.version if row else None


class InForce:
    """The versions in force at a study's sites, read in one query: for what judges many
    subjects at once (the cohort states) in a constant number of queries. Answers as
    version_in_force, and before a site's first version with that first one (data
    entered before versions were recorded)."""

    def __init__(self, study_id: int):
        from ecrf.models import SiteVersion

        self._by_site: dict[int, list] = {}
        rows = (
            SiteVersion.objects.filter(site__study_id=study_id)
            .select_related("version__study")
            .order_by("in_force_from", "pk")
        )
        for row in rows:
            self._by_site.setdefault(row.site_id, []).append(row)

    def version(self, site_id: int, *, on: dt.date) -> StudyVersion | None:
        rows = self._by_site.get(site_id, [])
        started = [row for row in rows if row.in_force_from <= on] or rows[:1]
        return started[-1].version if started else None

    def protocol(self, site_id: int, *, on: dt.date, default: Protocol) -> Protocol:
        version = self.version(site_id, on=on)
        return protocol_of(version) if version is not None else default


def no_version_refusal(site: Site, on: dt.date) -> Refusal:
    return Refusal(
        "VERSION-IN-FORCE",
        _(
            "No protocol version is in force at %(site)s on %(date)s: a data manager puts "
            "one in force (with its ethics approval) before subjects are screened there."
        )
        % {"site": site.code, "date": on.isoformat()},
        "screening_date",
    )


def protocol_in_force(site: Site, *, on: dt.date) -> Protocol:
    """The protocol of the version in force at the site on the date (study-level rules:
    the committee gate, cohort capacity). Raises ProtocolRefusal when none is."""
    version = version_in_force(site, on=on)
    if version is None:
        from ecrf.actions.core import ProtocolRefusal

        raise ProtocolRefusal([no_version_refusal(site, on)])
    return protocol_of(version)


def subject_version(subject: Subject, *, on: dt.date | None = None) -> StudyVersion:
    """The version a subject is on at a date (today at their site when not given): the
    one of their last re-consent dated on or before it, else the one they were screened
    and consented under. Reads subject.reconsents.all() (reconsents_of), so lists
    prefetch it."""
    if on is None:
        from ecrf.models.core import today_in

        on = today_in(subject.site)
    later = [r for r in reconsents_of(subject) if r.reconsent_date <= on]
    if later:
        return max(later, key=lambda r: (r.reconsent_date, r.pk)).protocol_version
    if subject.protocol_version_id is None:  # screened before versions were recorded
        if getattr(subject, "registered_version", None) is None:  # load_versions sets it
            from ecrf.models import StudyVersion

            subject.registered_version = StudyVersion.objects.select_related("study").get(
                study_id=subject.study_id, number=REGISTERED
            )
        return subject.registered_version
    return subject.protocol_version


def protocol_for(subject: Subject, *, on: dt.date | None = None) -> Protocol:
    """The protocol a subject-level rule judges by: the subject's version on the date of
    the event (eligibility, windows, deviations, expected forms)."""
    return protocol_of(subject_version(subject, on=on))


def option_group(
    name: str,
    defaults: type,
    *,
    subject: Subject | None = None,
    site: Site | None = None,
    on: dt.date | None = None,
):
    """A group of [PROP] options (a frozen dataclass of spec defaults, e.g. the SAE
    clocks in ecrf.safety.SafetyRules) as the protocol version that judges the event has
    it: its overrides in options[name]. Options belong to a version (issue 21 item 1: a
    change in the admin makes a new version), so the version is the subject's on the
    event's date for what concerns a subject (their AE's clocks, their session's dose
    target, their lab results), else the site's in force on the date (today when not
    given). Lists prefetch the subjects' protocol_version and reconsents."""
    if subject is not None:
        version = subject_version(subject, on=on)
    else:
        from ecrf.models.core import today_in

        version = version_in_force(site, on=on or today_in(site))
    return group_of(version.options if version is not None else None, name, defaults)


def group_of(options: dict | None, name: str, defaults: type):
    """The group `name` of a version's options (StudyVersion.options), for a list that
    read them with its rows (options_on)."""
    return defaults(**(options or {}).get(name, {}))


def options_on(subject_path: str, date_field: str):
    """An expression for a queryset's rows: the options of the row's subject's version on
    the row's date (their last re-consent on or before it, else the version they were
    screened under), for a list whose query count must not depend on its rows (the
    admin's changelist): read with the rows, no prefetch."""
    from django.db.models import F, OuterRef, Subquery
    from django.db.models.functions import Coalesce

    from ecrf.models import Reconsent

    reconsent = (
        Reconsent.objects.filter(
            subject=OuterRef(subject_path), reconsent_date__lte=OuterRef(date_field)
        )
        .order_by("-reconsent_date", "-pk")
        .values("protocol_version__options")[:1]
    )
    return Coalesce(Subquery(reconsent), F(f"{subject_path}__protocol_version__options"))


def with_subject_versions(records: models.QuerySet, path: str = "subject") -> models.QuerySet:
    """Records (an AE, an SAE report) with what subject_version reads of their subject at
    `path` (e.g. "adverse_event__subject"), for option_group: one query more for a list,
    whatever the rows. Subjects themselves: with_versions / load_versions."""
    from ecrf.models import Reconsent

    return records.select_related(f"{path}__protocol_version__study").prefetch_related(
        models.Prefetch(
            f"{path}__reconsents",
            queryset=Reconsent.objects.select_related("protocol_version__study"),
        )
    )


def put_in_force_refusals(*, site: Site, version: StudyVersion) -> list[Refusal]:
    """Why the version cannot be put in force at the site yet: a saved value that would
    be lost, or read under a changed meaning (issue 21 item 3): the migration plan's
    guard, each of the site's subjects moving from the version they are on."""
    from ecrf.migration_plan import put_in_force_refusals as guard  # it reads the models

    return guard(site=site, version=version)


def subject_protocols(subject: Subject) -> list[Protocol]:
    """Every protocol the subject has been on, oldest first: the one they were screened
    under, then each re-consent's (the visits and lab panels any of them expects are
    the ones a schedule may place). Reads what subject_version reads."""
    found = [protocol_for(subject, on=subject.screening_date)]
    for reconsent in sorted(reconsents_of(subject), key=lambda r: (r.reconsent_date, r.pk)):
        protocol = protocol_of(reconsent.protocol_version)
        if protocol not in found:
            found.append(protocol)
    return found


def reconsents_exist_sql(subject_id: str) -> str:
    """SQL: whether the subject whose id is the SQL `subject_id` has a re-consent, read
    with a subject (`has_reconsents`): load_versions then reads the re-consents of those
    who have one only, and a subject without (most of them) costs no query more (issue 20:
    a lab form). Voided re-consents count too (a subject with only those is read as one
    with some). Not for a read under the subject's lock: the subquery would see the
    re-consents committed before the statement began, not those committed while it
    waited for the lock."""
    from ecrf.models import Reconsent

    table, column = Reconsent._meta.db_table, Reconsent._meta.get_field("subject").column
    return f'EXISTS (SELECT 1 FROM "{table}" WHERE "{column}" = {subject_id})'


def reconsents_of(subject: Subject):
    """The subject's re-consents (subject.reconsents.all(), prefetched by lists), none
    for a subject read with `has_reconsents` False (access.study_subject_or_404)."""
    if getattr(subject, "has_reconsents", None) is False:
        return ()
    return subject.reconsents.all()


def _reconsents():
    from ecrf.models import Reconsent

    return models.Prefetch(
        "reconsents", queryset=Reconsent.objects.select_related("protocol_version__study")
    )


def with_versions(subjects: models.QuerySet) -> models.QuerySet:
    """Subjects with what subject_version reads (their screening version and re-consents,
    each with its study): one query more for a list, whatever the rows."""
    return subjects.select_related("protocol_version__study").prefetch_related(_reconsents())


def load_versions(subjects: list[Subject]) -> None:
    """What subject_version reads, loaded for subjects already fetched: at most three
    queries for the whole list, none for what is loaded already (with_versions). A subject
    screened before versions were recorded (no protocol_version, read as 1.0) is given
    its study's 1.0 in one query more for them all, read once however many dates ask."""
    from ecrf.models import StudyVersion

    # A page asks from several places (the schedule, the lab panels, the form): each
    # subject is loaded once, and asking again costs nothing (a lab form GET spent a
    # fifth of its time re-walking prefetches already done).
    subjects = [s for s in subjects if not getattr(s, "versions_loaded", False)]
    if not subjects:
        return
    # Their screening version (no query where it was read with the subject, as
    # access.SUBJECT_RELATED and lock_subject_row do) and their re-consents (none read of
    # a subject read with has_reconsents False, access.study_subject_or_404).
    models.prefetch_related_objects(subjects, "protocol_version__study")
    models.prefetch_related_objects(
        [s for s in subjects if getattr(s, "has_reconsents", None) is not False], _reconsents()
    )
    for subject in subjects:
        subject.versions_loaded = True
    unversioned = [
        s
        for s in subjects
        if s.protocol_version_id is None and getattr(s, "registered_version", None) is None
    ]
    if unversioned:
        registered = {
            v.study_id: v
            for v in StudyVersion.objects.select_related("study").filter(
                study_id__in={s.study_id for s in unversioned}, number=REGISTERED
            )
        }
        for subject in unversioned:
            subject.registered_version = registered.get(subject.study_id)
