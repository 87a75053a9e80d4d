"""The audit trail: who changed what, when, from which request, and why.

Every insert, update and delete of study data is recorded by database triggers
(django-pghistory, `audited()` in ecrf/models/core.py), whichever path made it: a form,
the admin, a queryset update(), raw SQL, a shell. The event tables are append-only.
This module adds the rest of 21 CFR 11.10(e):

- the request context each event points at (set by ecrf.middleware.audit_context):
  the user's id and username, the request id, the method and the URL. Writes made
  outside a request (management commands, shells) are recorded with no context;
- `reason()`: the hook that attaches a reason for change to the writes inside it;
- reading the trail back: a subject's history and one record's history, old → new
  per field, for the history pages and their CSV export (ecrf/views/audit.py);
- the sign-in log (LoginEvent): logins, logouts, failed attempts and lock-outs.
"""

from __future__ import annotations

import contextlib
import csv
import dataclasses
import datetime as dt
import functools
import ipaddress
import re
import uuid
import zoneinfo
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

import pghistory
import pghistory.runtime
from axes.signals import user_locked_out
from django.apps import apps
from django.conf import settings
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.db import models
from django.dispatch import receiver
from django.http import Http404
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext as _
from pghistory.models import Events

from ecrf.models import ChangeReason, LoginEvent, LoginEventKind, Subject
from ecrf.numbers import plain
from ecrf.spreadsheets import safe_cell
from ecrf.times import iso

REQUEST_ID_HEADER = "X-Request-ID"
# The actions of the sign-off entries of a record's history (see signoff_entries()).
SIGNED = "signed"
SOURCE_VERIFIED = "source_verified"
# An incoming request id (from a proxy or a client) is kept only if it is a plain token.
_SAFE_REQUEST_ID = re.compile(r"^[A-Za-z0-9._:-]{8,64}$")


# --- Request context ----------------------------------------------------------------------


def request_id_for(request) -> str:
    """The request's id: the caller's X-Request-ID if it is a safe token, else a new uuid4."""
    incoming = request.headers.get(REQUEST_ID_HEADER, "")
    return incoming if _SAFE_REQUEST_ID.match(incoming) else uuid.uuid4().hex


def request_context(request) -> dict:
    """What each event of this request records about it (pghistory context metadata)."""
    user = getattr(request, "user", None)
    signed_in = user is not None and user.is_authenticated
    return {
        "user": user.pk if signed_in else None,
        "username": user.get_username() if signed_in else None,
        "request_id": getattr(request, "request_id", None),
        "method": request.method,
        "url": request.path[:500],
    }


def client_ip(request) -> str | None:
    """The client's address: REMOTE_ADDR, or behind TRUSTED_PROXY_COUNT reverse proxies
    the address the outermost of them saw (X-Forwarded-For, counted from the right, so
    that addresses a client puts in the header itself are never trusted)."""
    address = request.META.get("REMOTE_ADDR")
    if settings.TRUSTED_PROXY_COUNT:
        forwarded = [a.strip() for a in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
        forwarded = [a for a in forwarded if a]
        if len(forwarded) >= settings.TRUSTED_PROXY_COUNT:
            address = forwarded[-settings.TRUSTED_PROXY_COUNT]
    try:
        return str(ipaddress.ip_address(address)) if address else None
    except ValueError:
        return None


@contextlib.contextmanager
def reason(reason: str, detail: str = "") -> Iterator[None]:
    """Attach a reason for change to every write made inside the block.

        with audit.reason("Transcription error", "typed 56 instead of 65"):
            actions.subject_update(subject=subject, by=user, weight_kg=65)

    The writes get a context of their own (a new context id carrying the request's
    metadata plus `reason` and `reason_detail`), so the reason is attached to exactly
    these writes, not to others made earlier or later in the same request. Outside a
    request (a shell, a command) the context holds the reason alone.
    """
    if not str(reason).strip():
        raise ValueError("A reason for change must not be blank.")
    given = {"reason": str(reason), "reason_detail": str(detail)}
    # pghistory keeps the active context in a thread-local; entering pghistory.context()
    # again would only add keys to the request's context (shared by all its events).
    # Swapping in a child context is the one way to scope a reason to a block.
    parent = getattr(pghistory.runtime._tracker, "value", None)
    if parent is None:
        with pghistory.context(**given):
            yield
        return
    pghistory.runtime._tracker.value = pghistory.runtime.Context(
        id=uuid.uuid4(), metadata={**parent.metadata, **given}
    )
    try:
        yield
    finally:
        pghistory.runtime._tracker.value = parent


def active_reason() -> tuple[str, str]:
    """The reason for change and its free text given by the enclosing `reason()` block
    ("" and "" outside one)."""
    context = getattr(pghistory.runtime._tracker, "value", None)
    metadata = context.metadata if context is not None else {}
    return metadata.get("reason") or "", metadata.get("reason_detail") or ""


# --- Which records belong to a subject ------------------------------------------------------


@dataclass(frozen=True)
class SubjectLink:
    """How a tracked model's rows reach a subject: by their own `column` pointing at the
    subject, or (parent set) at a parent form that points at the subject."""

    model: type[models.Model]
    event_model: type[models.Model]
    column: str | None  # None: the Subject model itself
    parent: type[models.Model] | None = None


def _tracked_models() -> dict[type[models.Model], type[models.Model]]:
    return {
        event_model.pgh_tracked_model: event_model
        for event_model in pghistory.core.event_models()
        if event_model.pgh_tracked_model is not None
    }


def foreign_keys_to(model, target) -> list[models.Field]:
    return [
        f
        for f in model._meta.concrete_fields
        if f.is_relation and (f.many_to_one or f.one_to_one) and f.related_model is target
    ]


@functools.cache
def subject_links() -> dict[type[models.Model], SubjectLink]:
    """Every tracked model linked to a subject: the subject itself, models with a
    `subject` key (eligibility, enrolment, sessions, labs, AEs, ...) and models whose
    parent form has one (session logs, SAE reports, AE reviews). Found by walking the
    foreign keys, so a new form is included without being listed here."""
    tracked = _tracked_models()
    links = {Subject: SubjectLink(Subject, tracked[Subject], None)}
    for model, event_model in tracked.items():
        if model is not Subject and (keys := foreign_keys_to(model, Subject)):
            links[model] = SubjectLink(model, event_model, keys[0].column)
    direct = [m for m in links if m is not Subject]
    for model, event_model in tracked.items():
        if model in links:
            continue
        for parent in direct:
            if keys := foreign_keys_to(model, parent):
                links[model] = SubjectLink(model, event_model, keys[0].column, parent)
                break
    return links


def tracked_model(label: str) -> type[models.Model]:
    """The tracked model named in a URL ("ecrf.subject"); 404 unless linked to subjects."""
    try:
        model = apps.get_model(label)
    except (LookupError, ValueError):
        raise Http404("No such form.") from None
    if model not in subject_links():
        raise Http404("No such form.")
    return model


# --- Reading the trail ---------------------------------------------------------------------


@dataclass(frozen=True)
class FieldChange:
    column: str
    label: str
    old: object  # as stored (JSON): None for an insert
    new: object  # as stored (JSON): None for a delete
    old_display: str
    new_display: str


@dataclass
class AuditEntry:
    """One event: a record created, changed or deleted, with its context."""

    at: dt.datetime  # UTC, pghistory's pgh_created_at (the transaction's time)
    model: type[models.Model]
    record_id: str
    action: str  # insert / update / delete
    changes: list[FieldChange] = field(default_factory=list)
    context: dict = field(default_factory=dict)
    event_id: str = ""

    @property
    def form(self) -> str:
        return str(self.model._meta.verbose_name)

    @property
    def model_label(self) -> str:
        return self.model._meta.label_lower

    @property
    def action_display(self) -> str:
        return {
            "insert": _("Created"),
            "update": _("Changed"),
            "delete": _("Deleted"),
            SIGNED: _("Signed"),
            SOURCE_VERIFIED: _("Source-verified"),
        }.get(self.action, self.action)

    @property
    def user_id(self):
        return self.context.get("user")

    @property
    def username(self) -> str:
        return self.context.get("username") or ""

    @property
    def request_id(self) -> str:
        return self.context.get("request_id") or ""

    @property
    def reason(self) -> str:
        """The reason as people read it: a code from the list shown by its label."""
        given = self.context.get("reason") or ""
        return str(ChangeReason(given).label) if given in ChangeReason.values else given

    @property
    def reason_detail(self) -> str:
        return self.context.get("reason_detail") or ""


def subject_history(subject: Subject) -> list[AuditEntry]:
    """Every event of every record linked to the subject, oldest first.

    One aggregate query for the subject and the forms that point at it, then one per
    parent form type (sessions, AEs) for the logs that hang below them: the number of
    queries does not grow with the number of events.
    """
    links = subject_links()
    direct = [link.event_model for link in links.values() if link.parent is None]
    rows = list(Events.objects.references(subject).across(*direct))
    by_parent: dict[type[models.Model], list[SubjectLink]] = {}
    for link in links.values():
        if link.parent is not None:
            by_parent.setdefault(link.parent, []).append(link)
    for parent, children in by_parent.items():
        ids = {row.pgh_obj_id for row in rows if row.pgh_obj_model == parent._meta.label}
        if ids:
            parents = [parent(pk=pk) for pk in sorted(ids)]
            rows += Events.objects.references(parents).across(*[c.event_model for c in children])
    return _entries(rows, zoneinfo.ZoneInfo(subject.site.time_zone))


def record_history(subject: Subject, model: type[models.Model], pk: int) -> list[AuditEntry]:
    """Every event of one record (one form), oldest first; 404 unless it is the subject's."""
    link = subject_links()[model]
    rows = list(Events.objects.tracks(model(pk=pk)).across(link.event_model))
    if not rows or not _belongs_to(subject, link, rows):
        raise Http404("No such record.")
    tz = zoneinfo.ZoneInfo(subject.site.time_zone)
    entries = _entries(rows, tz) + signoff_entries(model, pk, tz)
    return sorted(entries, key=lambda e: e.at)


def signoff_entries(model: type[models.Model], pk: int, tz) -> list[AuditEntry]:
    """The record's source data verifications and signatures, each with the version it
    covers, and for a signature the printed name, date-time and meaning (21 CFR 11.50(b):
    they are part of any human-readable form of the record). Two queries."""
    from django.contrib.contenttypes.models import ContentType

    from ecrf.models import Signature, SourceVerification

    content_type = ContentType.objects.get_for_model(model)
    wanted = {"content_type": content_type, "object_id": pk}
    entries = []

    def change(model_, column, value, display=None):
        label = str(model_._meta.get_field(column).verbose_name)
        shown = display if display is not None else _display(None, value, tz)
        return FieldChange(column, label, None, shown, "", shown)

    for sdv in SourceVerification.objects.filter(**wanted).select_related("verified_by"):
        who = sdv.verified_by
        entries.append(
            AuditEntry(
                at=sdv.verified_at,
                model=SourceVerification,
                record_id=str(sdv.pk),
                action=SOURCE_VERIFIED,
                changes=[
                    change(SourceVerification, "form_version", sdv.form_version),
                    change(
                        SourceVerification,
                        "verified_by",
                        None,
                        who.get_full_name().strip() or who.get_username(),
                    ),
                    change(SourceVerification, "verified_at", None, _local(sdv.verified_at, tz)),
                    *([change(SourceVerification, "note", sdv.note)] if sdv.note else []),
                ],
                context={"user": who.pk, "username": who.get_username()},
                event_id=f"sdv:{sdv.pk}",
            )
        )
    for signature in Signature.objects.filter(**wanted).select_related("signer"):
        entries.append(
            AuditEntry(
                at=signature.signed_at,
                model=Signature,
                record_id=str(signature.pk),
                action=SIGNED,
                changes=[
                    change(Signature, "form_version", signature.form_version),
                    change(Signature, "printed_name", signature.printed_name),
                    change(Signature, "signed_at", None, _local(signature.signed_at, tz)),
                    change(Signature, "meaning", None, signature.get_meaning_display()),
                ],
                context={
                    "user": signature.signer_id,
                    "username": signature.signer.get_username(),
                },
                event_id=f"signature:{signature.pk}",
            )
        )
    return entries


def _local(moment: dt.datetime, tz) -> str:
    # The audit trail's times: ISO 8601 with the offset, in the site's zone (issue 19).
    return iso(moment, tz)


def changes_since(record: models.Model, version: int) -> list[AuditEntry]:
    """The saves of a record made after the version a form showed, oldest first: what
    the other person entered or changed, for the message that refuses a stale form
    (issue 4). A form that showed no record (version 0) sees its creation too."""
    event_model = _tracked_models()[type(record)]
    rows = [
        row
        for row in Events.objects.tracks(record).across(event_model)
        if row.pgh_label in ("insert", "update") and (row.pgh_data.get("version") or 0) > version
    ]
    site = getattr(getattr(record, "subject", None), "site", None) or getattr(record, "site", None)
    entries = _entries(rows, zoneinfo.ZoneInfo(site.time_zone if site else "UTC"))
    bookkeeping = {"version", "updated_at"}
    for entry in entries:
        entry.changes = [c for c in entry.changes if c.column not in bookkeeping]
    return entries


def _belongs_to(subject: Subject, link: SubjectLink, rows) -> bool:
    if link.column is None:
        return all(str(row.pgh_obj_id) == str(subject.pk) for row in rows)
    values = {row.pgh_data.get(link.column) for row in rows}
    if link.parent is None:
        return subject.pk in values
    # A session log belongs to the subject if its session ever did.
    parent_link = subject_links()[link.parent]
    return parent_link.event_model.objects.filter(
        pgh_obj_id__in=[v for v in values if v is not None],
        **{parent_link.column: subject.pk},
    ).exists()


def _entries(rows, tz) -> list[AuditEntry]:
    entries = _events(rows, tz)
    _name_references(entries)
    return entries


def _events(rows, tz) -> list[AuditEntry]:
    seen = set()
    entries = []
    for row in sorted(rows, key=lambda r: (r.pgh_created_at, r.pgh_model, r.pgh_id)):
        if row.pgh_slug in seen:  # a form linked twice (a deviation's subject and session)
            continue
        seen.add(row.pgh_slug)
        model = apps.get_model(row.pgh_obj_model)
        entries.append(
            AuditEntry(
                at=row.pgh_created_at,
                model=model,
                record_id=str(row.pgh_obj_id),
                action=row.pgh_label,
                changes=_changes(model, row, tz),
                context=row.pgh_context or {},
                event_id=row.pgh_slug,
            )
        )
    return entries


def _changes(model, row, tz) -> list[FieldChange]:
    fields = _fields_by_column(model)
    if row.pgh_label == "update":
        pairs = {column: tuple(values) for column, values in (row.pgh_diff or {}).items()}
    elif row.pgh_label == "delete":
        pairs = {column: (value, None) for column, value in row.pgh_data.items()}
    else:  # insert: the values entered
        pairs = {column: (None, value) for column, value in row.pgh_data.items()}
    changes = []
    for column, (old, new) in pairs.items():
        if column == "id" or (row.pgh_label != "update" and _empty(old) and _empty(new)):
            continue
        model_field = fields.get(column)
        label = str(model_field.verbose_name) if model_field else column
        changes.append(
            FieldChange(
                column,
                label,
                old,
                new,
                _display(model_field, old, tz),
                _display(model_field, new, tz),
            )
        )
    # Field order as on the model, so the same form always reads the same way.
    order = {column: i for i, column in enumerate(fields)}
    return sorted(changes, key=lambda c: order.get(c.column, len(order)))


def _reference_names() -> dict[type[models.Model], str]:
    """Referenced rows shown by a name people use, not a number (one query per model)."""
    from django.contrib.auth import get_user_model

    from ecrf.models import Arm, Site, Study

    return {get_user_model(): "username", Study: "registry_id", Site: "code", Arm: "code"}


def _name_references(entries: list[AuditEntry]) -> None:
    names_by_model = _reference_names()
    wanted: dict[type[models.Model], set] = {}
    for entry in entries:
        fields = _fields_by_column(entry.model)
        for change in entry.changes:
            target = getattr(fields.get(change.column), "related_model", None)
            if target in names_by_model:
                wanted.setdefault(target, set()).update(
                    v for v in (change.old, change.new) if v is not None
                )
    names = {
        model: dict(
            model._default_manager.filter(pk__in=ids).values_list("pk", names_by_model[model])
        )
        for model, ids in wanted.items()
    }
    for entry in entries:
        fields = _fields_by_column(entry.model)
        for i, change in enumerate(entry.changes):
            target = getattr(fields.get(change.column), "related_model", None)
            if target in names:
                entry.changes[i] = dataclasses.replace(
                    change,
                    old_display=str(names[target].get(change.old, change.old_display)),
                    new_display=str(names[target].get(change.new, change.new_display)),
                )


@functools.cache
def _fields_by_column(model) -> dict[str, models.Field]:
    return {f.column: f for f in model._meta.concrete_fields}


def _empty(value) -> bool:
    return value is None or value == "" or value == []


def _display(model_field, value, tz) -> str:
    """A stored value as a person reads it: choice labels, yes/no, local times."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if isinstance(value, list):
        return ", ".join(_display(getattr(model_field, "base_field", None), v, tz) for v in value)
    if model_field is not None and model_field.choices:
        return str(dict(model_field.flatchoices).get(value, value))
    if isinstance(model_field, models.DateTimeField) and isinstance(value, str):
        moment = parse_datetime(value)
        if moment is not None and moment.tzinfo is not None:
            return _local(moment, tz)
    if isinstance(model_field, models.DecimalField):
        return plain(value)  # as typed: 65, not the column's 65.0
    return str(value)


# --- CSV export ----------------------------------------------------------------------------

CSV_COLUMNS = [
    "changed_at_utc",
    "changed_at_site",
    "form",
    "model",
    "record_id",
    "action",
    "field",
    "field_label",
    "old_value",
    "new_value",
    "user_id",
    "username",
    "reason",
    "reason_detail",
    "request_id",
    "method",
    "url",
]


class _Echo:
    def write(self, value):
        return value


def csv_lines(entries: Iterable[AuditEntry], tz: str) -> Iterator[str]:
    """The trail as CSV lines: one row per changed field (a delete without fields, one row)."""
    zone = zoneinfo.ZoneInfo(tz)
    writer = csv.writer(_Echo())
    yield writer.writerow(CSV_COLUMNS)
    for entry in entries:
        common = [
            entry.at.astimezone(dt.UTC).isoformat(),
            entry.at.astimezone(zone).isoformat(),
            entry.form,
            entry.model_label,
            entry.record_id,
            entry.action,
        ]
        context = [
            entry.user_id if entry.user_id is not None else "",
            entry.username,
            entry.reason,
            entry.reason_detail,
            entry.request_id,
            entry.context.get("method") or "",
            entry.context.get("url") or "",
        ]
        for change in entry.changes or [None]:
            values = (
                [change.column, change.label, _csv(change.old), _csv(change.new)]
                if change
                else ["", "", "", ""]
            )
            yield writer.writerow([safe_cell(v) for v in common + values + context])


def _csv(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return ";".join(_csv(v) for v in value)
    return str(value)


# --- Sign-in log ----------------------------------------------------------------------------
# Django's auth signals are the one place that sees every sign-in path (the login page,
# the admin's), so the log listens to them (connected in EcrfConfig.ready()).


def record_login_event(kind: str, request, *, username: str = "", user=None) -> LoginEvent:
    """Append one sign-in event (request may be None for a sign-in made in code)."""
    meta = request.META if request is not None else {}
    return LoginEvent.objects.create(
        kind=kind,
        username=(username or (user.get_username() if user is not None else ""))[:150],
        user=user if user is not None and user.pk else None,
        ip_address=client_ip(request) if request is not None else None,
        user_agent=meta.get("HTTP_USER_AGENT", "")[:300],
        request_id=getattr(request, "request_id", "") or "",
        path=(request.path if request is not None else "")[:200],
    )


@receiver(user_logged_in, dispatch_uid="ecrf.audit.logged_in")
def _logged_in(sender, request, user, **kwargs):
    record_login_event(LoginEventKind.LOGGED_IN, request, user=user)


@receiver(user_logged_out, dispatch_uid="ecrf.audit.logged_out")
def _logged_out(sender, request, user, **kwargs):
    if user is not None:
        record_login_event(LoginEventKind.LOGGED_OUT, request, user=user)


@receiver(user_login_failed, dispatch_uid="ecrf.audit.login_failed")
def _login_failed(sender, credentials, request=None, **kwargs):
    if sender == "ecrf.signing":
        return  # a wrong signing password, logged as such (ecrf/signing.py), counted by axes
    record_login_event(
        LoginEventKind.LOGIN_FAILED, request, username=str(credentials.get("username") or "")
    )


@receiver(user_locked_out, dispatch_uid="ecrf.audit.locked_out")
def _locked_out(sender, request, username, ip_address, **kwargs):
    record_login_event(LoginEventKind.LOCKED_OUT, request, username=str(username or ""))
