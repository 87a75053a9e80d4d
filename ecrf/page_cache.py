"""Rendered casebook bodies, kept while the data they show is unchanged.

A subject's casebook is read far more often than it changes (monitors, investigators
and site staff open it many times between two entries), and rendering it reads some
twenty tables. So the rendered body is kept in PostgreSQL (ecrf.RenderedCasebook, an
UNLOGGED table) with a *fingerprint* of every row it can show; each request computes
the fingerprint again and, in the same statement, reads the body stored with it.

Why this is never stale, with any number of app servers:
- The fingerprint is computed from the database on every request. A change saved
  through any server changes it, and the next request renders afresh. Nothing is
  invalidated by hand, so no write path can forget to.
- It covers every row of every table linked to the subject (directly or through a
  parent form: an SAE report through its AE, an interruption through its session),
  found from the models, so a new form model is covered without anyone remembering it;
  and the study's rows the page shows (STUDY_ROWS).
- Each row counts by its id and its `xmin`, the transaction that wrote its current
  version: any insert, update (voiding included) or delete changes the digest.
- A body is kept per kind of reader: role at the subject's site (which links and
  buttons it shows), staff status, language and time zone; and it is valid for one day
  (the schedule marks forms overdue by date).
- A body rendered just after a commit may be newer than the fingerprint it is stored
  under; it is never older.

Not covered: a user renamed after a body was rendered shows under the old name in it
(voided by, lock set by) until the subject's next change. Signatures carry their own
printed names.

CASEBOOK_CACHE=0 turns it off (every casebook rendered).
"""

from __future__ import annotations

import weakref
from collections.abc import Callable

import pghistory.models
from django.apps import apps
from django.conf import settings
from django.db import connection
from django.utils import timezone, translation
from django.utils.safestring import mark_safe

from ecrf import access
from ecrf.audit import foreign_keys_to
from ecrf.models import RenderedCasebook

# Study-level tables the casebook shows (by study, or by the subject's site): the study
# and its options, the site, the arms (enrolment's arm label, which cohort is open), the
# committee's decisions, study- and site-wide freezes and locks, the site's lab ranges.
STUDY_ROWS = [
    ("ecrf.Study", "t.id = %(study)s"),
    ("ecrf.Site", "t.id = %(site)s"),
    ("ecrf.Arm", "t.study_id = %(study)s"),
    ("ecrf.CommitteeDecision", "t.study_id = %(study)s"),
    ("ecrf.DataLock", "t.study_id = %(study)s AND t.subject_id IS NULL"),
    ("ecrf.ReferenceRange", "t.site_id = %(site)s"),
]

STATEMENT = "ecrf_casebook_lookup"


def _subject_tables() -> list[tuple[str, str]]:
    """(FROM clause, WHERE clause) of each table with rows of one subject: its own, or
    its parent form's (an SAE report through its AE, an interruption through its session)."""
    subject = apps.get_model("ecrf", "Subject")
    tables = [(f"{subject._meta.db_table} t", "t.id = %(subject)s")]
    shown = [
        model
        for model in apps.get_models()
        # The audit trail's own tables are not shown on the page.
        if not issubclass(model, pghistory.models.Event) and not model._meta.proxy
    ]
    for model in shown:
        if own := foreign_keys_to(model, subject):
            tables.append((f"{model._meta.db_table} t", f"t.{own[0].column} = %(subject)s"))
            continue
        for field in model._meta.concrete_fields:
            if not (field.is_relation and (field.many_to_one or field.one_to_one)):
                continue
            parent = field.related_model
            if parent is not subject and (parent_key := foreign_keys_to(parent, subject)):
                join = f"{parent._meta.db_table} p ON t.{field.column} = p.{parent._meta.pk.column}"
                where = f"p.{parent_key[0].column} = %(subject)s"
                tables.append((f"{model._meta.db_table} t JOIN {join}", where))
                break
    return tables


def fingerprint_sql() -> str:
    """One statement: the digest of (table, id, xmin) of every row the casebook can show."""
    tables = _subject_tables() + [
        (apps.get_model(label)._meta.db_table + " t", where) for label, where in STUDY_ROWS
    ]
    rows = " UNION ALL ".join(
        f"SELECT {n} AS part, t.id, t.xmin::text AS version FROM {source} WHERE {where}"
        for n, (source, where) in enumerate(tables)
    )
    return (
        "SELECT md5(string_agg(part || ':' || id || ':' || version, ',' ORDER BY part, id))"
        f" FROM ({rows}) AS shown"
    )


# Raw connections on which the statement is prepared: PostgreSQL plans the union of some
# thirty tables once per connection instead of on every request (planning it costs more
# than running it). A new connection (after a restart, say) prepares it again.
_prepared: weakref.WeakSet = weakref.WeakSet()


def _lookup_sql() -> str:
    table = RenderedCasebook._meta.db_table
    fingerprint = fingerprint_sql() % {"subject": "$1", "study": "$2", "site": "$3"}
    # $4: the kind of reader; $5: the day the body is valid for.
    return (
        f"SELECT shown.digest || ':' || $5, cached.html FROM ({fingerprint}) AS shown(digest)"
        f" LEFT JOIN {table} cached ON cached.subject_id = $1 AND cached.variant = $4"
        " AND cached.fingerprint = shown.digest || ':' || $5"
    )


def _lookup(subject, variant: str, day: str) -> tuple[str, str | None]:
    """(fingerprint, the body stored with it or None): one statement."""
    connection.ensure_connection()
    raw = connection.connection
    with connection.cursor() as cursor:
        if raw not in _prepared:
            cursor.execute(
                f"PREPARE {STATEMENT} (bigint, bigint, bigint, text, text) AS {_lookup_sql()}"
            )
            _prepared.add(raw)
        cursor.execute(
            f"EXECUTE {STATEMENT} (%s, %s, %s, %s, %s)",
            [subject.pk, subject.study_id, subject.site_id, variant, day],
        )
        return cursor.fetchone()


def _store(subject, variant: str, fingerprint: str, html: str) -> None:
    table = RenderedCasebook._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {table} (subject_id, variant, fingerprint, html, rendered_at)"
            " VALUES (%s, %s, %s, %s, now()) ON CONFLICT (subject_id, variant) DO UPDATE"
            " SET fingerprint = EXCLUDED.fingerprint, html = EXCLUDED.html,"
            " rendered_at = EXCLUDED.rendered_at",
            [subject.pk, variant, fingerprint, html],
        )


def reader_of(user, subject) -> str:
    """The kind of reader a body is rendered for: all the body depends on of its user."""
    return ":".join(
        [
            access.role_at(user, subject.site_id) or "-",
            "staff" if user.is_staff else "-",
            "super" if user.is_superuser else "-",
            translation.get_language() or "-",
            timezone.get_current_timezone_name(),
        ]
    )


def casebook_body(request, subject, render: Callable[[], str]) -> str:
    """The subject's casebook body for this reader: kept, or rendered now and kept."""
    if not settings.CASEBOOK_CACHE:
        return render()
    variant = reader_of(request.user, subject)
    fingerprint, html = _lookup(subject, variant, timezone.localdate().isoformat())
    if html is not None:
        return mark_safe(html)  # rendered by our template (escaped there), stored as is
    html = render()
    _store(subject, variant, fingerprint, html)
    return html
