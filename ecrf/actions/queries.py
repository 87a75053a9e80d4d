"""Data clarification queries (issue 4 item 6): monitors and data managers raise them on a
casebook record, the site answers, the monitor closes or reopens. Soft range checks
raise them automatically (spec §0: "Soft = value accepted but raises a query/alert").

Who may do what is decided by the user's role at the record's site (ecrf.access):
monitors and data managers ask and close; site staff and investigators answer.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import Count, Exists, OuterRef, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ecrf import access, form_registry, locking, versions
from ecrf.actions.core import ProtocolRefusal
from ecrf.actions.rows import lock_subject_row
from ecrf.models import (
    DATA_ENTRY_ROLES,
    AdverseEvent,
    DataQuery,
    DataQueryMessage,
    LabResult,
    Role,
    Subject,
    VitalSigns,
)
from ecrf.models.labs import Flag
from ecrf.models.queries import ACTIVE_STATUSES, MessageKind, QueryStatus
from ecrf.protocol import Refusal

# Issue 4 item 6: monitors and data managers query and close; the site answers.
QUERYING_ROLES = frozenset({Role.MONITOR, Role.DATA_MANAGER})
ANSWERING_ROLES = DATA_ENTRY_ROLES

# Bookkeeping columns are not questions of the form.
_NOT_QUERYABLE_FIELDS = {"id", "subject", "version", "created_at", "created_by", "updated_at"}


@dataclass(frozen=True)
class QueryRules:
    """[PROP] options a study may override in Study.options["queries"]."""

    # Spec V15 soft check [PROP]: a result flagged H or L is queried from this CTCAE grade.
    lab_min_grade: int = 3

    def __post_init__(self) -> None:
        if not isinstance(self.lab_min_grade, int) or not 1 <= self.lab_min_grade <= 5:
            raise ValueError("queries.lab_min_grade must be a CTCAE grade, 1-5")


def query_rules(subject: Subject, *, on: dt.date | None = None) -> QueryRules:
    """The [PROP] query options of the subject's protocol version on the date (issue 21)."""
    return versions.option_group("queries", QueryRules, subject=subject, on=on)


# --- Records and fields -------------------------------------------------------------------


def subject_of(record) -> Subject:
    return form_registry.entry(type(record)).subject_of(record)


def query_fields(model) -> list[tuple[str, str]]:
    """(name, question text) of each field of a form a query may point at."""
    return [
        (f.name, str(f.verbose_name))
        for f in model._meta.concrete_fields
        if f.editable and f.name not in _NOT_QUERYABLE_FIELDS
    ]


def record_key(record) -> str:
    """ "ecrf.treatmentsession:12": how forms and URLs name a record."""
    return f"{record._meta.label_lower}:{record.pk}"


def _role_refusal(user, site_id: int, roles, message) -> None:
    if access.role_at(user, site_id) not in roles:
        raise ProtocolRefusal([Refusal("QUERY-ROLE", message)])


def _text_refusal(text: str) -> str:
    text = (text or "").strip()
    if not text:
        raise ProtocolRefusal([Refusal("QUERY-TEXT", _("Write the message."), "text")])
    return text


def _locked(query: DataQuery) -> DataQuery:
    # The query's row only (OF self); its subject is read, not locked.
    query = (
        DataQuery.objects.select_for_update(of=("self",)).select_related("subject").get(pk=query.pk)
    )
    # Queries go on while the casebook is frozen, not once it is locked (issue 4).
    locking.refuse_if_locked(query.record or query.subject, allowed_while_frozen=True)
    return query


def _step(query: DataQuery, *, kind: str, status: str, text: str, by) -> DataQuery:
    """Append one message to the thread and move the query to its new status."""
    DataQueryMessage.objects.create(query=query, author=by, kind=kind, text=text)
    query.status = status
    query.version += 1  # a DataQuery is not a StudyRecord: it stamps itself
    query.updated_at = timezone.now()
    query.save(update_fields=["status", "version", "updated_at"])
    return query


# --- Actions ------------------------------------------------------------------------------


@transaction.atomic
def query_raise(*, record, field: str | None = None, text: str, by) -> DataQuery:
    """Raise a query on a casebook record (optionally one of its fields). Only a monitor
    or data manager of the record's site may."""
    model = type(record)
    # The record as stored, not as a form left it; a voided record is no longer queried.
    queryable = model in form_registry.form_models(queryable=True)
    record = model.objects.filter(pk=record.pk).first() if queryable else None
    if record is None:
        raise ProtocolRefusal(
            [Refusal("QUERY-RECORD", _("Choose a record of the casebook."), "record")]
        )
    subject = lock_subject_row(subject_of(record).pk)
    _role_refusal(
        by, subject.site_id, QUERYING_ROLES, _("Only monitors and data managers raise queries.")
    )
    locking.refuse_if_locked(record, allowed_while_frozen=True)
    refusals = []
    if field and field not in dict(query_fields(model)):
        refusals.append(Refusal("QUERY-FIELD", _("The form has no such field."), "field"))
    if not (text or "").strip():
        refusals.append(Refusal("QUERY-TEXT", _("Write the query."), "text"))
    if refusals:
        raise ProtocolRefusal(refusals)
    return _create(subject, record, field=field or "", text=text.strip(), by=by, rule="")


def _create(subject: Subject, record, *, field: str, text: str, by, rule: str) -> DataQuery:
    query = DataQuery.objects.create(
        study_id=subject.study_id,
        subject=subject,
        content_type=ContentType.objects.get_for_model(record),
        object_id=record.pk,
        record_label=str(record)[:200],
        field=field,
        text=text,
        automatic=by is None,
        rule=rule,
        raised_by=by,
    )
    DataQueryMessage.objects.create(query=query, author=by, kind=MessageKind.RAISE, text=text)
    return query


@transaction.atomic
def query_raise_automatic(*, record, field: str | None, rule: str, text: str) -> DataQuery:
    """Raise a system query for a soft check, unless one for the same record, field and
    rule is still open or answered (then that one is returned)."""
    # The subject lock serialises two saves of one record (the callers hold it already).
    subject = lock_subject_row(subject_of(record).pk)
    return _raise_automatic(subject, record, field=field, rule=rule, text=text)


def _active_automatic(
    model, *, field: str | None, rule: str, object_id, content_type=None
) -> QuerySet[DataQuery]:
    """The system queries of a soft check on a record's field still open or answered: while
    one is, the check raises no other. `content_type`: the model's, or its id."""
    return DataQuery.objects.filter(
        content_type=content_type or ContentType.objects.get_for_model(model),
        object_id=object_id,
        field=field or "",
        rule=rule,
        automatic=True,
        status__in=ACTIVE_STATUSES,
    )


# Spec V15: the soft check of a lab result raises its query on the value.
LAB_CHECK_FIELD, LAB_CHECK_RULE = "value", "V15"


def active_lab_query_sql(result_id: str) -> tuple[str, list]:
    """SQL and its parameters, for a read of lab results in plain SQL (the lab save's,
    ecrf/plain_sql.py): whether the V15 check's query of the result whose id is the SQL
    `result_id` is still open or answered (_active_automatic's filter), so that
    lab_result_queries needs no query of its own to know it."""
    sql = (
        f'EXISTS (SELECT 1 FROM "{DataQuery._meta.db_table}" q'
        f' WHERE q."content_type_id" = %s AND q."object_id" = {result_id}'
        ' AND q."field" = %s AND q."rule" = %s AND q."automatic" AND q."status" = ANY(%s))'
    )
    content_type = ContentType.objects.get_for_model(LabResult)  # cached by Django
    return sql, [content_type.pk, LAB_CHECK_FIELD, LAB_CHECK_RULE, list(ACTIVE_STATUSES)]


def _raise_automatic(
    subject: Subject, record, *, field: str | None, rule: str, text: str
) -> DataQuery:
    """query_raise_automatic for a caller whose transaction holds the subject's row lock."""
    existing = _active_automatic(type(record), field=field, rule=rule, object_id=record.pk).first()
    if existing is not None:
        return existing
    return _create(subject, record, field=field or "", text=str(text), by=None, rule=rule)


@transaction.atomic
def query_answer(*, query: DataQuery, text: str, by) -> DataQuery:
    """The site's answer; only while the query is open."""
    query = _locked(query)
    _role_refusal(
        by, query.subject.site_id, ANSWERING_ROLES, _("Only site staff and investigators answer.")
    )
    if query.status != QueryStatus.OPEN:
        raise ProtocolRefusal([Refusal("QUERY-STATUS", _("Only an open query can be answered."))])
    text = _text_refusal(text)
    return _step(query, kind=MessageKind.ANSWER, status=QueryStatus.ANSWERED, text=text, by=by)


@transaction.atomic
def query_close(*, query: DataQuery, by, text: str = "") -> DataQuery:
    """Close a query: answered, or (still open) raised in error or resolved by a correction."""
    query = _locked(query)
    _role_refusal(
        by, query.subject.site_id, QUERYING_ROLES, _("Only monitors and data managers close.")
    )
    if query.status == QueryStatus.CLOSED:
        raise ProtocolRefusal([Refusal("QUERY-STATUS", _("The query is already closed."))])
    text = (text or "").strip()
    return _step(query, kind=MessageKind.CLOSE, status=QueryStatus.CLOSED, text=text, by=by)


@transaction.atomic
def query_reopen(*, query: DataQuery, text: str, by) -> DataQuery:
    """Reopen a closed query (the answer did not resolve it): open again, for the site."""
    query = _locked(query)
    _role_refusal(
        by, query.subject.site_id, QUERYING_ROLES, _("Only monitors and data managers reopen.")
    )
    if query.status != QueryStatus.CLOSED:
        raise ProtocolRefusal([Refusal("QUERY-STATUS", _("Only a closed query can be reopened."))])
    text = _text_refusal(text)
    if query.automatic and (
        DataQuery.objects.filter(
            content_type_id=query.content_type_id,
            object_id=query.object_id,
            field=query.field,
            rule=query.rule,
            automatic=True,
            status__in=ACTIVE_STATUSES,
        )
        .exclude(pk=query.pk)
        .exists()
    ):
        raise ProtocolRefusal(
            [Refusal("QUERY-DUPLICATE", _("The check has raised a newer query on this field."))]
        )
    return _step(query, kind=MessageKind.REOPEN, status=QueryStatus.OPEN, text=text, by=by)


# --- Soft checks that raise queries --------------------------------------------------------

# CDISC VSTESTCD of each vital sign with a soft alert (spec §6, VS): the rule code.
_VS_TEST_CODES = {
    "systolic_bp": "SYSBP",
    "diastolic_bp": "DIABP",
    "mean_arterial_pressure": "MAP",
    "heart_rate": "PULSE",
    "respiratory_rate": "RESP",
    "temperature_c": "TEMP",
    "spo2_percent": "OXYSAT",
}


def vital_signs_queries(vitals: VitalSigns) -> list[DataQuery]:
    """A query for each soft alert of spec §2.6 the reading raises (the alerts are the
    clinical forms' own table, VITAL_SIGN_ALERTS). MAP is derived, so its query is on
    the form rather than a field."""
    from ecrf.actions.clinical import VITAL_SIGN_ALERTS

    stored = {f.name for f in VitalSigns._meta.concrete_fields}
    raised = []
    for field, test, message in VITAL_SIGN_ALERTS:
        value = getattr(vitals, field)
        if value is not None and test(value):
            raised.append(
                query_raise_automatic(
                    record=vitals,
                    field=field if field in stored else None,
                    rule=f"VS-{_VS_TEST_CODES.get(field, field.upper())}",
                    text=_("%(alert)s (%(value)s) Please confirm the value or record an AE.")
                    % {"alert": message, "value": value},
                )
            )
    return raised


def lab_result_queries(
    result: LabResult, subject: Subject, *, active: bool | None = None
) -> list[DataQuery]:
    """Spec V15 soft check [PROP]: a result flagged H or L with a CTCAE grade at or above
    the study's threshold (default 3) is queried, unless its query is still open or
    answered. `subject` is the result's, read FOR UPDATE in the caller's transaction
    (lab_panel_record): its lock serialises the check. `active`: whether that query is
    open or answered, when the caller read it with the result (active_lab_query_sql); None:
    asked here. Returns the query raised or found, none when `active` says one is."""
    grade = result.ctcae_grade
    if result.flag not in (Flag.HIGH, Flag.LOW) or grade is None:
        return []
    sampled_on = timezone.localtime(result.sampled_at, ZoneInfo(subject.site.time_zone)).date()
    if grade < query_rules(subject, on=sampled_on).lab_min_grade or active:
        return []
    text = _(
        "%(test)s %(value)s %(unit)s is flagged %(flag)s, CTCAE grade %(grade)s (%(term)s): "
        "please confirm the value and whether it is an adverse event."
    ) % {
        "test": result.test_code,
        "value": result.value,
        "unit": result.unit,
        "flag": result.flag,
        "grade": grade,
        "term": result.ctcae_term or "—",
    }
    return [
        _raise_automatic(subject, result, field=LAB_CHECK_FIELD, rule=LAB_CHECK_RULE, text=text)
    ]


def death_record_queries(subject: Subject, record, account) -> list[DataQuery]:
    """Spec V11: an adverse event or disposition just saved that tells the subject's death
    differently from another form raises one automatic query on it, to the site, naming
    the other record (ecrf/deaths.py finds the contradictions). `account`: the subject's
    DeathAccount after the save; the caller holds the subject's row lock."""
    if isinstance(record, AdverseEvent):
        conflicts = account.about_event(record.number)
        field = "outcome"
    else:
        conflicts = [c for c in account.about_disposition() if not c.within_disposition]
        field = "death_date"
    if not conflicts:
        return []
    text = _(
        "%(conflicts)s Spec V11: a fatal AE, the disposition's death date and the survival "
        "status at FS+28 must tell one death. Please correct the record that is wrong."
    ) % {"conflicts": " ".join(c.message for c in conflicts)}
    return [_raise_automatic(subject, record, field=field, rule="V11", text=text)]


# --- Reading: who sees which queries, and whose turn it is ------------------------------------


def visible_queries(user) -> QuerySet[DataQuery]:
    """Queries of the subjects at the user's sites."""
    return DataQuery.objects.filter(subject__site__in=access.visible_sites(user))


def waiting_for(user) -> Q:
    """Whose turn: open queries wait for the site (staff, investigators), answered ones for
    monitors and data managers, each at the sites where the user has that role."""
    roles = access.roles_by_site(user)
    answering = [site for site, role in roles.items() if role in ANSWERING_ROLES]
    querying = [site for site, role in roles.items() if role in QUERYING_ROLES]
    return Q(subject__site_id__in=answering, status=QueryStatus.OPEN) | Q(
        subject__site_id__in=querying, status=QueryStatus.ANSWERED
    )


def involving(user) -> Q:
    """Raised by the user, or with a message of theirs in the thread."""
    return Q(raised_by=user) | Q(
        Exists(DataQueryMessage.objects.filter(query=OuterRef("pk"), author=user))
    )


def may_raise(user, site_id: int) -> bool:
    return access.role_at(user, site_id) in QUERYING_ROLES


def may_answer(user, site_id: int) -> bool:
    return access.role_at(user, site_id) in ANSWERING_ROLES


def open_query_count() -> Count:
    """Annotation for a subject queryset: its open queries (study page, one query)."""
    return Count("queries", filter=Q(queries__status=QueryStatus.OPEN))
