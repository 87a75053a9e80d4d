"""Reads of the pages users wait on, written in SQL once per process from the models'
fields (issue 20 item 4: the lab form and the lab save).

The ORM builds a query's SQL again on every request: for a subject read with its study,
site and protocol version, building it cost more than PostgreSQL took to answer it. Here
the statement is written once per model and set of related rows, from `_meta`, and each
request only runs it and builds the instances with Model.from_db, as the ORM would from
the same row. The rows are the same; only the forward foreign keys a page names are
followed (select_related's spelling: "site", "protocol_version__study").

Use it for a hot read that stays simple: a filter and its related rows. Anything else is
the ORM's.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from django.db import connection, models


@dataclass(frozen=True)
class _Part:
    """One model's columns in the row: from `start` to `start + len(names)`, set on the
    part `parent` as its `field` (None for the model read)."""

    model: type[models.Model]
    names: tuple[str, ...]
    start: int
    pk_at: int  # the primary key's place in the row
    # The fields whose value the ORM converts after reading it (Field.from_db_value: a
    # JSONField's text), with their place among the part's values.
    converted: tuple[tuple[int, models.Field], ...]
    parent: int | None = None
    field: str | None = None


def _part(model, start: int, parent: int | None = None, field: str | None = None) -> _Part:
    fields = model._meta.concrete_fields
    names = tuple(f.attname for f in fields)
    converted = tuple((i, f) for i, f in enumerate(fields) if hasattr(f, "from_db_value"))
    pk_at = start + names.index(model._meta.pk.attname)
    return _Part(model, names, start, pk_at, converted, parent, field)


@functools.cache
def _statement(model: type[models.Model], related: tuple[str, ...]):
    """(the columns, the FROM and its JOINs, the parts of each row). The model's table is
    aliased t0; each related table by its path ("protocol_version__study"),
    which a WHERE clause may name."""
    parts = [_part(model, 0)]
    columns = [f't0."{f.column}"' for f in model._meta.concrete_fields]
    joins = []
    index = {"": 0}  # path -> its part
    aliases = {"": "t0"}
    optional = set()  # the paths that may find no row: every join under them may not
    for path in related:
        walked = ""
        for name in path.split("__"):
            step = f"{walked}__{name}" if walked else name
            if step not in index:
                parent = parts[index[walked]]
                field = parent.model._meta.get_field(name)
                if not (field.many_to_one or field.one_to_one) or not field.concrete:
                    raise ValueError(f"{step}: only forward foreign keys are followed")
                target = field.related_model
                if field.null or walked in optional:
                    optional.add(step)
                kind = "LEFT JOIN" if step in optional else "JOIN"
                joins.append(
                    f'{kind} "{target._meta.db_table}" "{step}" ON "{step}"."'
                    f'{target._meta.pk.column}" = {aliases[walked]}."{field.column}"'
                )
                index[step], aliases[step] = len(parts), f'"{step}"'
                parts.append(_part(target, len(columns), index[walked], name))
                columns += [f'"{step}"."{f.column}"' for f in target._meta.concrete_fields]
            walked = step
    tables = " ".join([f'FROM "{model._meta.db_table}" t0', *joins])
    return ", ".join(columns), tables, tuple(parts), len(columns)


def select(
    model: type[models.Model],
    where: str,
    params: list,
    *,
    related: tuple[str, ...] = (),
    flags: dict[str, tuple[str, list]] | None = None,
    order_by: str = "",
    for_update: bool = False,
) -> list[models.Model]:
    """Instances of `model` whose row matches `where` (SQL naming t0 and the related
    tables' paths), with the `related` rows set on them, and each of `flags` (name: (SQL
    expression, its parameters)) set as an attribute, in the order of `order_by` (SQL).
    `for_update` locks the model's rows only (FOR UPDATE OF t0), never the related ones."""
    columns, tables, parts, width = _statement(model, tuple(related))
    flags = flags or {}
    extra = "".join(f", ({sql}) AS {name}" for name, (sql, _params) in flags.items())
    flag_params = [p for _sql, values in flags.values() for p in values]
    sql = f"SELECT {columns}{extra} {tables} WHERE {where}"
    if order_by:
        sql += f" ORDER BY {order_by}"
    if for_update:
        sql += " FOR UPDATE OF t0"
    with connection.cursor() as cursor:
        cursor.execute(sql, [*flag_params, *params])
        rows = cursor.fetchall()
    found = []
    for row in rows:
        built = []
        for part in parts:
            instance = None
            if row[part.pk_at] is not None:  # None: a LEFT JOIN that found no row
                values = row[part.start : part.start + len(part.names)]
                if part.converted:
                    values = list(values)
                    for i, field in part.converted:
                        values[i] = field.from_db_value(values[i], None, connection)
                instance = part.model.from_db(connection.alias, part.names, values)
            built.append(instance)
            if part.parent is not None and built[part.parent] is not None:
                # Setting a related object through its descriptor: no query later.
                setattr(built[part.parent], part.field, instance)
        for name, value in zip(flags, row[width:], strict=True):
            setattr(built[0], name, value)
        found.append(built[0])
    return found


def locked_version(model: type[models.Model], pk) -> int | None:
    """The version of the live row `pk` of `model` (a StudyRecord), locked FOR UPDATE until
    the transaction ends; None if it is voided or gone. Its row only, no join: no other
    table's row is locked with it. An action that read the row before uses it as read
    while this version is the one it read (actions/rows.lock_subject_row, the lab save's
    panel)."""
    with connection.cursor() as cursor:
        cursor.execute(_locked_version_sql(model), [pk])
        row = cursor.fetchone()
    return None if row is None else row[0]


@functools.cache
def _locked_version_sql(model: type[models.Model]) -> str:
    return (
        f'SELECT "version" FROM "{model._meta.db_table}"'
        f' WHERE "{model._meta.pk.column}" = %s AND "voided_at" IS NULL FOR UPDATE'
    )
