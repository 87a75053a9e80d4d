"""The migration plan of an amendment (issue 21 item 3): what a new version of a protocol
does to the data already stored at a site. Everything here reads; nothing is written.

- `losses()`: the saved values a new version would lose, or would read under a changed
  meaning (a choice code whose label changed, a unit that changed). A version is not put
  in force at a site while there is any (the anchors fail here: in Rave a changed field
  clears the data entered, and a third-party tool exists only to warn of it).
- `impact()`: subject by subject, which saved values, deviations and expected forms
  would change if the subject re-consented to the new version: the schedule and the
  deviation rules of the new version are run over the subject's records and compared
  with those of the old one.

A form the new version no longer expects is lost from the casebook of a subject on it
(form_registry `only_where_expected`); so are a lab panel the new version no longer
collects and the records of a visit it drops.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.contrib.postgres.fields import ArrayField
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from ecrf import form_registry
from ecrf.models import LabPanel, LabResult, Site, Study, Subject, SubjectStatus
from ecrf.protocol import Protocol, Refusal, StudyOptions
from ecrf.protocol_diff import Change, Kind, Part, protocol_diff, version_diff, version_protocol


def options_of(study: Study, protocol: Protocol) -> StudyOptions:
    """A version's options with the study's overrides, as Study.effective_options."""
    return protocol.options.updated(study.options or {})


# --- The saved values a change touches -----------------------------------------------


@dataclass(frozen=True)
class StoredValues:
    """The saved records of a site that one change touches."""

    change: Change
    subjects: tuple[str, ...]  # their screening numbers
    records: int


def loses_or_rereads(change: Change) -> bool:
    """A change that would lose what is saved under it, or read it differently: a form,
    field, lab test or visit removed (hidden is not removed), a choice code removed or
    relabelled, a unit changed or dropped."""
    if change.part in (Part.FORM, Part.FIELD, Part.LAB_TEST, Part.VISIT):
        return change.kind == Kind.REMOVED
    if change.part in (Part.CHOICE, Part.UNIT):
        return change.kind in (Kind.REMOVED, Kind.CHANGED)
    return False


def _subject_lookup(model: type[models.Model]) -> str:
    entry = form_registry.entry(model)
    return entry.subject_path if entry else "subject"


def _filled(model: type[models.Model], name: str) -> Q | None:
    """Records with a value in the field (None: the model has no such field any more)."""
    try:
        model_field = model._meta.get_field(name)
    except FieldDoesNotExist:
        return None
    condition = Q(**{f"{name}__isnull": False})
    if isinstance(model_field, ArrayField):
        return condition & ~Q(**{name: []})
    if isinstance(model_field, models.CharField | models.TextField):
        return condition & ~Q(**{name: ""})
    return condition


def _records(change: Change) -> list[tuple[models.QuerySet, str]]:
    """The records a change touches, voided ones too (their data stay readable), each
    queryset with its lookup to the subject."""
    if change.part == Part.LAB_TEST:
        panel, test = change.key.split(".", 1)
        return [(LabResult.all_objects.filter(panel__panel=panel, test_code=test), "subject")]
    if change.part == Part.VISIT:
        found = [(LabPanel.all_objects.filter(timepoint=change.key), "subject")]
        for entry in form_registry.entries():
            if entry.visit_field:
                rows = entry.model.all_objects.filter(**{entry.visit_field: change.key})
                found.append((rows, entry.subject_path))
        return found
    if change.part == Part.FORM:
        model = form_registry.by_label(change.key)
        return [(model.all_objects.all(), _subject_lookup(model))] if model else []
    form_label, name = change.key.split("=", 1)[0].rsplit(".", 1)
    model = form_registry.by_label(form_label)
    if model is None or (condition := _filled(model, name)) is None:
        return []
    if change.part == Part.CHOICE:
        code = change.key.split("=", 1)[1]
        if isinstance(model._meta.get_field(name), ArrayField):
            condition = Q(**{f"{name}__contains": [code]})
        else:
            condition = Q(**{name: code})
    return [(model.all_objects.filter(condition), _subject_lookup(model))]


def _at(queryset: models.QuerySet, subject_path: str, **where) -> models.QuerySet:
    prefix = f"{subject_path}__" if subject_path else ""
    return queryset.filter(**{f"{prefix}{k}": v for k, v in where.items()})


def _number(subject_path: str) -> str:
    return f"{subject_path}__screening_number" if subject_path else "screening_number"


def stored_values(*, site: Site, changes: list[Change], subjects=None) -> list[StoredValues]:
    """The saved records of the site's subjects (or of the subjects given, by pk) each
    change touches; changes that touch none are left out."""
    found = []
    for change in changes:
        numbers: set[str] = set()
        count = 0
        for queryset, path in _records(change):
            rows = _at(queryset, path, site=site)
            if subjects is not None:
                rows = _at(rows, path, pk__in=list(subjects))
            for number in rows.values_list(_number(path), flat=True):
                numbers.add(number)
                count += 1
        if count:
            found.append(StoredValues(change, tuple(sorted(numbers)), count))
    return found


def losses(*, site: Site, old: Protocol, new: Protocol) -> list[StoredValues]:
    """What moving the site's subjects from `old` to `new` would lose or read under a
    changed meaning. Putting `new` in force at the site is refused while it is not empty
    (issue 21 item 3: "A version cannot be put in force at a site while any saved value
    would be lost, or would be read under a changed meaning")."""
    changes = [c for c in protocol_diff(old, new) if loses_or_rereads(c)]
    return stored_values(site=site, changes=changes)


# --- Subject by subject --------------------------------------------------------------


@dataclass
class SubjectImpact:
    """What a re-consent to the new version would change for one subject."""

    subject: Subject
    values: list[StoredValues] = field(default_factory=list)
    deviations_added: list[str] = field(default_factory=list)
    deviations_gone: list[str] = field(default_factory=list)
    forms_added: list[str] = field(default_factory=list)
    forms_removed: list[str] = field(default_factory=list)
    windows_changed: list[str] = field(default_factory=list)

    @property
    def changes_anything(self) -> bool:
        return any(
            (
                self.values,
                self.deviations_added,
                self.deviations_gone,
                self.forms_added,
                self.forms_removed,
                self.windows_changed,
            )
        )


def _expected(subject: Subject, protocol: Protocol, today: dt.date | None):
    from ecrf.schedule import subject_schedule

    options = options_of(subject.study, protocol)
    visits = subject_schedule(subject, today=today, protocol=protocol, options=options)
    forms = {f"{visit.code}: {form.name}" for visit in visits for form in visit.forms}
    windows = {visit.code: (visit.earliest, visit.latest) for visit in visits}
    return forms, windows


def _deviations(subject: Subject, protocol: Protocol) -> dict[tuple, str]:
    from ecrf.actions.sessions import deviation_findings, treatment_course

    if subject.status != SubjectStatus.ENROLLED:
        return {}
    course = treatment_course(subject, protocol, options_of(subject.study, protocol))
    return {
        (f.rule, f.session_number): (
            f"{f.rule}"
            + (f" (session {f.session_number})" if f.session_number else "")
            + f": {f.description}"
        )
        for f in deviation_findings(course, protocol)
    }


def _window_text(window: tuple) -> str:
    earliest, latest = window
    if earliest is None:
        return "-"
    return earliest.isoformat() if earliest == latest else f"{earliest} to {latest}"


def subject_impact(
    subject: Subject, *, old: Protocol, new: Protocol, changes: list[Change], today=None
) -> SubjectImpact:
    impact = SubjectImpact(subject)
    touching = [c for c in changes if loses_or_rereads(c)]
    impact.values = stored_values(site=subject.site, changes=touching, subjects=[subject.pk])
    before, after = _deviations(subject, old), _deviations(subject, new)
    impact.deviations_added = [after[k] for k in after if before.get(k) != after[k]]
    impact.deviations_gone = [before[k] for k in before if after.get(k) != before[k]]
    forms_before, windows_before = _expected(subject, old, today)
    forms_after, windows_after = _expected(subject, new, today)
    impact.forms_added = sorted(forms_after - forms_before)
    impact.forms_removed = sorted(forms_before - forms_after)
    impact.windows_changed = [
        f"{code}: {_window_text(windows_before[code])} -> {_window_text(window)}"
        for code, window in windows_after.items()
        if code in windows_before and windows_before[code] != window
    ]
    return impact


def impact(*, site: Site, old: Protocol, new: Protocol, subjects=None) -> list[SubjectImpact]:
    """Subject by subject (the site's, or those given), what a re-consent from `old` to
    `new` would change: saved values lost or re-read, deviations the new rules would
    record or no longer find, forms expected or no longer expected, visit windows."""
    changes = protocol_diff(old, new)
    if subjects is None:
        subjects = Subject.objects.filter(site=site).select_related(
            "study", "site", "enrolment__arm"
        )
    return [subject_impact(s, old=old, new=new, changes=changes) for s in subjects]


# --- Versions of a study ---------------------------------------------------------------


def _site_subjects(site: Site):
    return (
        Subject.objects.filter(site=site)
        .select_related("study", "site", "enrolment__arm", "protocol_version")
        .prefetch_related("reconsents__protocol_version")
        .order_by("screening_number")
    )


def _by_version(site: Site) -> dict[str, list[Subject]]:
    """The site's subjects by the version each is on today."""
    from ecrf.versions import subject_version

    groups: dict[str, list[Subject]] = {}
    for subject in _site_subjects(site):
        groups.setdefault(subject_version(subject).number, []).append(subject)
    return groups


def version_losses(*, site: Site, number: str) -> list[StoredValues]:
    """What re-consenting the site's subjects to version `number` would lose or read
    under a changed meaning, each from the version they are on."""
    found = []
    for old, subjects in _by_version(site).items():
        if old == number:
            continue
        changes = [c for c in version_diff(site.study, old, number) if loses_or_rereads(c)]
        found += stored_values(site=site, changes=changes, subjects=[s.pk for s in subjects])
    return found


def put_in_force_refusals(*, site: Site, version) -> list[Refusal]:
    """The guard of putting a version in force at a site (ecrf.versions calls it from the
    action): one refusal per change that would lose saved values or read them under a
    changed meaning. A hidden field is not one: its values stay readable and exported."""
    return [
        Refusal(
            "VERSION-LOSS",
            _(
                "Version %(n)s would lose or change the meaning of saved values: %(change)s "
                "(%(records)d saved records of %(subjects)s). Keep the field or code as it "
                "was, or hide it, in a new version."
            )
            % {
                "n": version.number,
                "change": str(found.change),
                "records": found.records,
                "subjects": ", ".join(found.subjects),
            },
            "number",
        )
        for found in version_losses(site=site, number=version.number)
    ]


def version_impact(*, site: Site, number: str) -> list[SubjectImpact]:
    """Subject by subject, what a re-consent from the version each is on to `number`
    would change (the data manager's page and `manage.py protocol_diff --site`)."""
    study = site.study
    new, _declared = version_protocol(study, number)
    found = []
    for old_number, subjects in _by_version(site).items():
        old, _declared = version_protocol(study, old_number)
        changes = version_diff(study, old_number, number)
        found += [subject_impact(s, old=old, new=new, changes=changes) for s in subjects]
    return sorted(found, key=lambda i: i.subject.screening_number)
