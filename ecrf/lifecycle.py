"""Where each casebook form is in its life: in progress → complete → source-verified (by a
monitor) → signed (by an investigator) → locked (by a data manager).

Nothing here is stored as a state: verifications and signatures are append-only rows
bound to the form version they cover (ecrf/models/signoff.py), and one is "in force"
only while that version is still the form's current one. An edit bumps the version
(StudyRecord.save()), so the form falls back to "complete" by itself, and the page says
who had verified or signed the older version (21 CFR 11.70: the signature is linked to
the record it was executed on, not to whatever the record later becomes).

Everything is computed for a list of records in a constant number of queries.
"""

from __future__ import annotations

import datetime as dt
import zoneinfo
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import F, Q, Value
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ecrf import form_registry, locking
from ecrf.models import (
    CaseReportForm,
    FormStatus,
    LockLevel,
    Signature,
    SourceVerification,
    Subject,
)
from ecrf.times import iso

LockedHook = Callable[[CaseReportForm], bool]


class State(models.TextChoices):
    IN_PROGRESS = "in_progress", gettext_lazy("In progress")
    COMPLETE = "complete", gettext_lazy("Complete")
    SOURCE_VERIFIED = "source_verified", gettext_lazy("Source-verified")
    SIGNED = "signed", gettext_lazy("Signed")
    LOCKED = "locked", gettext_lazy("Locked")


BADGE_CLASSES = {
    State.IN_PROGRESS: "bg-warning text-dark",
    State.COMPLETE: "bg-secondary",
    State.SOURCE_VERIFIED: "bg-info text-dark",
    State.SIGNED: "bg-success",
    State.LOCKED: "bg-dark",
}


def _when(moment: dt.datetime, tz: zoneinfo.ZoneInfo | None) -> str:
    # A manifestation's time (21 CFR 11.50): ISO 8601 with the offset, in the site's zone.
    return iso(moment, tz)


def signature_display(signature: Signature, tz: zoneinfo.ZoneInfo | None = None) -> str:
    """Printed name, date-time and meaning, as shown with every signature (11.50(a))."""
    return _("%(name)s, %(when)s — %(meaning)s") % {
        "name": signature.printed_name,
        "when": _when(signature.signed_at, tz),
        "meaning": signature.get_meaning_display(),
    }


@dataclass
class Lifecycle:
    record: CaseReportForm
    state: str
    verification: SourceVerification | None = None  # in force
    signature: Signature | None = None  # in force
    stale_verification: SourceVerification | None = None  # the latest, of an older version
    stale_signature: Signature | None = None
    tz: zoneinfo.ZoneInfo | None = None

    @property
    def label(self) -> str:
        return str(State(self.state).label)

    @property
    def badge_class(self) -> str:
        return BADGE_CLASSES[self.state]

    @property
    def signable(self) -> bool:
        """Complete, not voided, not locked: a monitor may verify it, an investigator sign."""
        return self.state in (State.COMPLETE, State.SOURCE_VERIFIED, State.SIGNED) and (
            not self.record.is_voided
        )

    @property
    def signature_text(self) -> str:
        return signature_display(self.signature, self.tz) if self.signature else ""

    @property
    def verification_text(self) -> str:
        if not self.verification:
            return ""
        return _("Source-verified by %(name)s, %(when)s") % {
            "name": _person(self.verification.verified_by),
            "when": _when(self.verification.verified_at, self.tz),
        }

    @property
    def notes(self) -> list[str]:
        """Why a state was lost: the form changed after it was verified or signed."""
        notes = []
        if self.stale_signature:
            notes.append(
                _("Changed after it was signed by %(name)s on %(when)s: sign again.")
                % {
                    "name": self.stale_signature.printed_name,
                    "when": _when(self.stale_signature.signed_at, self.tz),
                }
            )
        if self.stale_verification:
            notes.append(
                _("Changed after it was source-verified by %(name)s on %(when)s: verify again.")
                % {
                    "name": _person(self.stale_verification.verified_by),
                    "when": _when(self.stale_verification.verified_at, self.tz),
                }
            )
        return notes


def _person(user) -> str:
    return user.get_full_name().strip() or user.get_username()


class Lifecycles(dict):
    """{(content type id, pk): Lifecycle}, looked up by record."""

    def of(self, record) -> Lifecycle | None:
        return self.get((ContentType.objects.get_for_model(record).pk, record.pk))


def lifecycles(
    records: Iterable[CaseReportForm],
    *,
    locked: LockedHook | None = None,
    tz: str | None = None,
) -> Lifecycles:
    """Each record's lifecycle: two queries (verifications, signatures) whatever the
    number of records. `locked(record)` says whether a data manager has locked it."""
    records = [r for r in records if r is not None]
    zone = zoneinfo.ZoneInfo(tz) if tz else None
    result = Lifecycles()
    if not records:
        return result
    types = ContentType.objects.get_for_models(*{type(r) for r in records})
    ids: dict[int, list[int]] = {}
    for record in records:
        ids.setdefault(types[type(record)].pk, []).append(record.pk)
    wanted = Q()
    for content_type_id, pks in ids.items():
        wanted |= Q(content_type_id=content_type_id, object_id__in=pks)
    verifications: dict[tuple, SourceVerification] = {}
    # Newest first: the first row seen for a record is its latest.
    for row in (
        SourceVerification.objects.filter(wanted)
        .select_related("verified_by")
        .order_by("-verified_at", "-pk")
    ):
        verifications.setdefault((row.content_type_id, row.object_id), row)
    signatures: dict[tuple, Signature] = {}
    for row in (
        Signature.objects.filter(wanted).select_related("signer").order_by("-signed_at", "-pk")
    ):
        signatures.setdefault((row.content_type_id, row.object_id), row)
    for record in records:
        key = (types[type(record)].pk, record.pk)
        verification, signature = verifications.get(key), signatures.get(key)
        life = Lifecycle(record=record, state=record.form_status, tz=zone)
        if verification:
            if verification.form_version == record.version:
                life.verification = verification
            else:
                life.stale_verification = verification
        if signature:
            if signature.form_version == record.version:
                life.signature = signature
            else:
                life.stale_signature = signature
        if record.is_voided:
            pass  # a voided record keeps its form status; nothing of it is in force
        elif locked is not None and locked(record):
            life.state = State.LOCKED
        elif life.signature:
            life.state = State.SIGNED
        elif life.verification:
            life.state = State.SOURCE_VERIFIED
        result[key] = life
    return result


def page_lifecycles(records: Iterable[CaseReportForm], *, tz: str | None = None) -> Lifecycles:
    """The lifecycles the eCRF pages show, with the data locks wired in: a form covered
    by a lock at level "locked" (its own, its casebook's or its study's) is locked. A
    freeze is not a lifecycle state: the page says so in its banner. One query per
    subject on the page for the locks (pages show one subject's forms)."""
    records = list(records)
    by_subject: dict[int, list] = {}
    for record in records:
        by_subject.setdefault(record.subject_id, []).append(record)
    locked = set()
    for rows in by_subject.values():
        for form, lock in locking.form_locks(rows[0].subject, rows).items():
            if lock.level == LockLevel.LOCKED:
                locked.add(form)
    return lifecycles(records, locked=lambda r: (r._meta.db_table, r.pk) in locked, tz=tz)


# --- The whole casebook ----------------------------------------------------------------------


def subject_forms(subject: Subject) -> list[CaseReportForm]:
    """Every live form of the subject, one query per form type."""
    forms = []
    for model in form_registry.form_models(signable=True):
        for record in model.objects.filter(subject=subject).order_by("pk"):
            record.subject = subject  # their names start with the subject's
            forms.append(record)
    return forms


@dataclass(frozen=True)
class FormVersion:
    """A live form of a casebook as its signature sees it: which, which version, status."""

    label: str  # model label, e.g. "ecrf.adverseevent"
    pk: int
    version: int
    form_status: str

    def __str__(self) -> str:
        return f"{apps.get_model(self.label)._meta.verbose_name} {self.pk}"


def form_versions(subject: Subject) -> list[FormVersion]:
    """Every live form of the subject as (label, pk, version, status): one UNION ALL
    query over the form tables, for the casebook page's signature card."""
    parts = [
        model.objects.filter(subject=subject)
        .annotate(
            form_label=Value(model._meta.label_lower, output_field=models.CharField()),
            form_pk=F("pk"),
            form_version=F("version"),
            form_state=_form_state(model),
        )
        .values_list("form_label", "form_pk", "form_version", "form_state")
        .order_by()
        for model in form_registry.casebook_signature_models()
    ]
    rows = parts[0].union(*parts[1:], all=True)
    return [FormVersion(*row) for row in rows]


def _form_state(model):
    # A record covered without a form status (eligibility, enrolment) is complete once saved.
    if hasattr(model, "form_status"):
        return F("form_status")
    return Value(FormStatus.COMPLETE, output_field=models.CharField())


def covered_records(subject: Subject) -> list:
    """The records a casebook signature covers beyond the signable forms (eligibility
    answers, enrolment): one query per model."""
    return [
        record
        for entry in form_registry.entries(casebook_signature=True)
        for record in entry.model.objects.filter(subject=subject).order_by("pk")
    ]


def manifest_of(forms: Iterable[CaseReportForm]) -> list[list]:
    """What a casebook signature covers: [model label, pk, version] of each live form
    (records, or FormVersions of live forms)."""
    return sorted(
        [getattr(r, "label", None) or r._meta.label_lower, r.pk, r.version]
        for r in forms
        if not getattr(r, "is_voided", False)
    )


@dataclass
class CasebookSignatureState:
    manifest: list[list]
    incomplete: list[CaseReportForm] = field(default_factory=list)
    signature: Signature | None = None  # in force
    stale_signature: Signature | None = None
    tz: zoneinfo.ZoneInfo | None = None

    @property
    def signable(self) -> bool:
        return not self.incomplete

    @property
    def signature_text(self) -> str:
        return signature_display(self.signature, self.tz) if self.signature else ""

    @property
    def notes(self) -> list[str]:
        if not self.stale_signature:
            return []
        return [
            _("A form changed after the casebook was signed by %(name)s on %(when)s: sign again.")
            % {
                "name": self.stale_signature.printed_name,
                "when": _when(self.stale_signature.signed_at, self.tz),
            }
        ]


def casebook_state(
    subject: Subject, forms: list[CaseReportForm] | None = None, *, tz: str | None = None
) -> CasebookSignatureState:
    """The casebook signature in force, if every form is as it was signed: two queries
    (the forms' versions, in one UNION query unless the caller has the records, and the
    latest casebook signature)."""
    # Records passed in are the signable forms: the covered ones join them.
    forms = form_versions(subject) if forms is None else [*forms, *covered_records(subject)]
    live = [r for r in forms if not getattr(r, "is_voided", False)]
    state = CasebookSignatureState(
        manifest=manifest_of(live),
        incomplete=[
            r for r in live if getattr(r, "form_status", FormStatus.COMPLETE) != FormStatus.COMPLETE
        ],
        tz=zoneinfo.ZoneInfo(tz) if tz else None,
    )
    latest = (
        Signature.objects.filter(subject=subject, content_type__isnull=True)
        .order_by("-signed_at", "-pk")
        .first()
    )
    if latest is not None:
        if latest.manifest == state.manifest:
            state.signature = latest
        else:
            state.stale_signature = latest
    return state
