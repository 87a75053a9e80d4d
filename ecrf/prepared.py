"""Reads that Django compiles once per process instead of once per request.

Django builds a queryset's SQL anew each time the queryset runs: the filters become
lookups, the lookups SQL. On a page that is noise; on the lab save, which runs eight
reads in one request, building them cost more Python than the rest of the request
together (issue 7's benchmark). Writing those reads out as SQL would make them fast and
restate rules the models state (a manager's filter, a lock's scope) in a second place.

A prepared read is written as a queryset, in the ORM's words, so the rule stays where it
is. It is compiled the first time it runs, with stand-in values; each later call runs
that SQL with its own values and builds the rows as the queryset would (model
instances, with their select_related rows and annotations, or values_list tuples):

    PANEL_AT = prepared(
        lambda subject, panel, timepoint: LabPanel.objects.filter(
            subject_id=subject, panel=panel, timepoint=timepoint
        ).order_by("pk")[:1]
    )
    rows = PANEL_AT(subject=subject.pk, panel="LIVER", timepoint="BASELINE")
    panel = PANEL_AT.first(subject=subject.pk, panel="LIVER", timepoint="BASELINE")

The values must be ints, strings, dates or aware datetimes, never None (which changes
the SQL: `= %s` becomes `IS NULL`); a lookup that rewrites its value (`__contains`) or
whose SQL depends on it (`__in` with a list) is refused when first compiled. The call
returns a list; `.first()`, `.get()` and further filters would build a new query, so the
queryset is written complete, slice included.
"""

from __future__ import annotations

import copy
import datetime as dt
from collections.abc import Callable
from typing import Any

from django.db import connections
from django.db.models import QuerySet
from django.db.transaction import TransactionManagementError

# Two sets of stand-in values: compiling with both tells which parameters are the call's
# (those that differ) from the query's own constants (the same in both).
_STAND_INS: dict[type, Callable[[int, int], Any]] = {
    int: lambda n, i: 10_000 * n + i,
    str: lambda n, i: f"\ue000{n}:{i}",
    dt.datetime: lambda n, i: dt.datetime(2000 + n, 1, 1, tzinfo=dt.UTC) + dt.timedelta(seconds=i),
    dt.date: lambda n, i: dt.date(2000 + n, 1, 1) + dt.timedelta(days=i),
}


def _kind(name: str, value) -> type:
    kind = type(value)
    if kind not in _STAND_INS:
        raise TypeError(f"prepared read: {name}={value!r}: only int, str, date and datetime")
    if kind is dt.datetime and value.tzinfo is None:
        raise TypeError(f"prepared read: {name} is a naive datetime")
    return kind


class _Compiled:
    """A queryset with its compiler after as_sql() (which set the compiler's select,
    klass_info and col_count): the SQL, and which of its parameters the call fills."""

    def __init__(self, queryset: QuerySet, compiler, sql: str, params: tuple, slots):
        self.queryset, self.compiler = queryset, compiler
        self.sql, self.params, self.slots = sql, params, slots


class _Bound:
    """The queryset's query, answering get_compiler with the compiler bound to one call."""

    def __init__(self, query, compiler):
        self._query, self._compiler = query, compiler

    def get_compiler(self, using=None, connection=None, elide_empty=True):
        return self._compiler

    def __getattr__(self, name):
        return getattr(self._query, name)


class prepared:  # noqa: N801 (used as a decorator-like factory, lower case as in Django's)
    """A read built by `build(**values)`, compiled on its first call (see the module)."""

    def __init__(self, build: Callable[..., QuerySet]):
        self.build = build
        self._compiled: dict[tuple, _Compiled] = {}

    def _compile(self, kinds: dict[str, type]) -> _Compiled:
        names = list(kinds)
        compiled = []
        for n in (1, 2):
            stand_ins = {name: _STAND_INS[kinds[name]](n, i) for i, name in enumerate(names)}
            queryset = self.build(**stand_ins)
            compiler = queryset.query.get_compiler(using=queryset.db)
            sql, params = compiler.as_sql()
            by_value = {value: name for name, value in stand_ins.items()}
            compiled.append((queryset, compiler, sql, tuple(params), by_value))
        (queryset, compiler, sql, params, first), (_, _, sql2, params2, second) = compiled
        if sql != sql2 or len(params) != len(params2):
            raise ValueError("prepared read: its SQL depends on the values")
        slots = []
        for position, (one, two) in enumerate(zip(params, params2, strict=True)):
            if one == two:
                continue  # the query's own constant
            name = first.get(one)
            if name is None or second.get(two) != name:
                raise ValueError(f"prepared read: parameter {position} is a rewritten value")
            slots.append((position, name))
        missing = set(names) - {name for _, name in slots}
        if missing:
            raise ValueError(f"prepared read: {sorted(missing)} not in its SQL as given")
        return _Compiled(queryset, compiler, sql, params, slots)

    def __call__(self, **values) -> list:
        kinds = {name: _kind(name, value) for name, value in values.items()}
        key = tuple(kinds.items())
        compiled = self._compiled.get(key)
        if compiled is None:
            compiled = self._compiled[key] = self._compile(kinds)
        template = compiled.queryset
        alias = template.db
        connection = connections[alias]
        if template.query.select_for_update and connection.get_autocommit():
            # As Django says it on compiling: a row lock outside a transaction is a bug.
            raise TransactionManagementError(
                "select_for_update cannot be used outside of a transaction."
            )
        params = list(compiled.params)
        for position, name in compiled.slots:
            params[position] = values[name]
        compiler = copy.copy(compiled.compiler)
        compiler.connection = connection  # this thread's
        sql = compiled.sql
        compiler.as_sql = lambda *args, **kwargs: (sql, params)
        queryset = QuerySet(
            model=template.model, query=_Bound(template.query, compiler), using=alias
        )
        queryset._iterable_class = template._iterable_class
        queryset._fields = template._fields
        return list(queryset)

    def first(self, **values):
        """The first row, or None: for a read of one row (a key, or a slice of one)."""
        rows = self(**values)
        return rows[0] if rows else None
