"""Two people editing one form (issue 17 item 4): a stale save never reverts the other's.

Every entry form carries, besides the version it showed (ecrf.forms.integrity), a signed
snapshot of the values it showed: what this user opened. When a save is refused because
someone else saved first (StaleForm), each field is judged three ways:

- only the other person changed it: their value is kept, and the form shows it;
- only this user changed it: this user's value is kept;
- both changed it, to different values: a conflict, which needs an explicit choice
  ("keep theirs" / "use mine") before the form saves.

The page lists every field that differs with the three values (opened, saved by the other
person, entered), and the form now stands on the stored version: saving again applies
only what this user changed, plus the choices made. The same holds for the rows of a form
(a session's interruptions and readings: formsets, each row known by its id) and for a
panel's results (the panel form's fields).

Values are compared in one plain, JSON-able form (`canonical`), whatever the field: the
form's initial value (what it showed), its cleaned value (what was entered) and the
snapshot read back all meet there.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import decimal
import uuid

from django import forms
from django.core import signing
from django.db import models
from django.http import QueryDict
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.translation import gettext as _

from ecrf.forms.widgets import HiddenInput
from ecrf.times import local_text

SNAPSHOT_FIELD = "opened"
RESOLVE_PREFIX = "resolve-"  # + a field's key: "theirs" or "mine"
KEEP_THEIRS, USE_MINE = "theirs", "mine"
_SALT = "ecrf.conflicts.opened"
# Fields that are not the record's values: change control, the snapshot itself, a row's id.
_NOT_VALUES = {"version", "change_reason", "change_reason_detail", SNAPSHOT_FIELD, "id"}


def canonical(value):
    """A value as compared and stored in the snapshot: JSON-able, one spelling per value
    (None for empty, a primary key for a record, ISO text for dates, plain text for
    decimals, sorted lists)."""
    if value is None or value == "":
        return None
    if isinstance(value, bool | int | str):
        return value
    if isinstance(value, models.Model):
        return value.pk
    if isinstance(value, decimal.Decimal | float):
        text = format(decimal.Decimal(str(value)).normalize(), "f")
        return text
    if isinstance(value, dt.datetime):
        if timezone.is_naive(value):
            value = timezone.make_aware(value)
        return value.astimezone(dt.UTC).isoformat()
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, dict):
        return {str(k): canonical(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set | frozenset | models.QuerySet):
        items = [canonical(v) for v in value]
        return sorted(items, key=str) if items else None
    return str(value)


# --- Which values a form holds ----------------------------------------------------------


@dataclasses.dataclass(frozen=True)
class Slot:
    """One value of a page: a field of the form or of one row of a formset."""

    key: str  # the snapshot's key: the field's name, or "<prefix>:<row id>:<name>"
    form: forms.BaseForm
    name: str  # the field's name in its form
    label: str


def slots(form, rows=()) -> list[Slot]:
    """Every value of the form and of its parts: formsets' existing rows (new rows are the
    user's alone) and forms of the same page with a prefix (the AE's SAE supplement)."""
    found = [
        Slot(name, form, name, str(field.label or name))
        for name, field in form.fields.items()
        if _is_value(name, field)
    ]
    for part in rows:
        if not isinstance(part, forms.BaseFormSet):
            found += [
                Slot(f"{part.prefix}:{name}", part, name, str(field.label or name))
                for name, field in part.fields.items()
                if _is_value(name, field)
            ]
            continue
        title = str(getattr(part, "title", "") or part.prefix)
        for number, row in enumerate(part.forms, start=1):
            if row.instance.pk is None:
                continue
            for name, field in row.fields.items():
                if _is_value(name, field) or name == "DELETE":
                    found.append(
                        Slot(
                            f"{part.prefix}:{row.instance.pk}:{name}",
                            row,
                            name,
                            f"{title}, {_('row')} {number}: {field.label or name}",
                        )
                    )
    return found


def _forms_of(rows) -> list:
    return [
        form
        for part in rows
        for form in (part.forms if isinstance(part, forms.BaseFormSet) else [part])
    ]


def _is_value(name: str, field) -> bool:
    return name not in _NOT_VALUES and not name.startswith(RESOLVE_PREFIX)


def shown(slot: Slot):
    """What the form showed for the slot as stored: its initial value."""
    field = slot.form.fields[slot.name]
    return canonical(slot.form.get_initial_for_field(field, slot.name))


def entered(slot: Slot):
    return canonical(slot.form.cleaned_data.get(slot.name))


# --- The snapshot the form carries --------------------------------------------------------


def sign(values: dict) -> str:
    return signing.dumps({"values": values}, salt=_SALT, compress=True)


def read(text: str | None) -> dict | None:
    """The snapshot a form carried, or None (none, or not made by this server)."""
    if not text:
        return None
    try:
        return signing.loads(text, salt=_SALT)
    except signing.BadSignature:
        return None


def snapshot(form, rows=()) -> str:
    """The signed snapshot of what an unbound form shows (with its rows)."""
    return sign({slot.key: shown(slot) for slot in slots(form, rows)})


def carry(form, rows=()) -> None:
    """Put the snapshot on the form as a hidden field (added by add_change_control): for a
    new page, what it shows now; a posted form keeps the one it carried."""
    form.fields[SNAPSHOT_FIELD] = forms.CharField(widget=HiddenInput, required=False)
    if not form.is_bound:
        form.fields[SNAPSHOT_FIELD].initial = snapshot(form, rows)
    layout = getattr(getattr(form, "helper", None), "layout", None)
    if layout is not None:
        layout.append(SNAPSHOT_FIELD)


def refresh(form, rows) -> None:
    """The snapshot of a page whose rows are built after its form (the session page)."""
    if not form.is_bound:
        form.fields[SNAPSHOT_FIELD].initial = snapshot(form, rows)


# --- Saving again: the choices made -------------------------------------------------------


def posted(request) -> QueryDict | None:
    """The request's form data, with each conflict resolved "keep theirs" given the value
    the other person saved (from the signed snapshot). None for a GET. Views pass this to
    their forms in place of request.POST."""
    if request.method != "POST":
        return None
    data = request.POST
    opened = read(data.get(SNAPSHOT_FIELD))
    if not opened or not opened.get("conflicts"):
        return data
    data = data.copy()
    for key, data_key, theirs in opened["conflicts"]:
        if data.get(RESOLVE_PREFIX + key) == KEEP_THEIRS:
            _put_data(data, data_key, theirs)
    return data


def unresolved(form) -> list[str]:
    """The conflicting fields the user has not chosen for yet, by label."""
    opened = read(form.data.get(form.add_prefix(SNAPSHOT_FIELD)))
    if not opened:
        return []
    labels = opened.get("labels", {})
    return [
        labels.get(key, key)
        for key, _data_key, _theirs in opened.get("conflicts", ())
        if form.data.get(RESOLVE_PREFIX + key) not in (KEEP_THEIRS, USE_MINE)
    ]


def refuse_unresolved(form) -> bool:
    """Refuse (at the form) a save that leaves a conflict without a choice."""
    missing = unresolved(form)
    if missing:
        form.add_error(
            None,
            _("Choose, for each field you and someone else both changed, whose value to keep: %s.")
            % ", ".join(missing),
        )
    return bool(missing)


# --- A stale save: the three-way page ------------------------------------------------------


@dataclasses.dataclass
class Difference:
    """A field whose stored value is not what this user opened."""

    key: str
    label: str
    opened: str
    theirs: str
    mine: str
    conflict: bool  # both changed it, differently: a choice is needed
    outcome: str  # what saving again does, for a field that is not a conflict
    choice: str | None = None  # KEEP_THEIRS or USE_MINE, as posted

    @property
    def field_name(self) -> str:
        return RESOLVE_PREFIX + self.key


def differences(form) -> list[Difference]:
    """The differences a posted form was shown (kept in its snapshot), with the choices
    posted: a page refused for another reason shows them again."""
    opened = read(form.data.get(form.add_prefix(SNAPSHOT_FIELD))) if form.is_bound else None
    rows = (opened or {}).get("differences", [])
    return [Difference(**row, choice=form.data.get(RESOLVE_PREFIX + row["key"])) for row in rows]


def merge(form, stale, rows=(), theirs_form=None) -> list[Difference]:
    """After a refused stale save (StaleForm): rebase the posted form on the stored
    version and list what differs. Fields only the other person changed take their
    value; fields this user changed keep the user's; fields both changed become
    conflicts to choose. The form's version becomes the stored one, and its snapshot
    what is stored, with the conflicts.

    `theirs_form` (or a callable making it) is an unbound form of the stored record, for
    forms whose bound instance does not read all it shows (the lab panel's results); by
    default the form's initial values, read from the stored record with the page."""
    opened = read(form.data.get(form.add_prefix(SNAPSHOT_FIELD))) or {"values": {}}
    opened_values = opened["values"]
    theirs_by_key = {}
    if callable(theirs_form):
        theirs_form = theirs_form()
    if theirs_form is not None:
        theirs_by_key = {slot.key: shown(slot) for slot in slots(theirs_form)}
    data = form.data.copy()
    found, conflicts, stored, labels = [], [], {}, {}
    for slot in slots(form, rows):
        theirs = theirs_by_key[slot.key] if slot.key in theirs_by_key else shown(slot)
        stored[slot.key] = theirs
        if slot.key not in opened_values:
            continue  # the form did not show it when opened: what was entered stands
        was, mine = opened_values[slot.key], entered(slot)
        if theirs == was:
            continue  # only this user may have changed it: theirs is not at stake
        field = slot.form.fields[slot.name]
        data_key = slot.form.add_prefix(slot.name)
        difference = Difference(
            key=slot.key,
            label=slot.label,
            opened=display(field, was),
            theirs=display(field, theirs),
            mine=display(field, mine),
            conflict=mine not in (was, theirs),
            outcome="",
        )
        if mine == was:
            _put_data(data, data_key, as_data(field, theirs))
            difference.outcome = _("Their value is kept: you did not change it.")
        elif mine == theirs:
            difference.outcome = _("You both entered the same value.")
        else:
            conflicts.append([slot.key, data_key, as_data(field, theirs)])
            labels[slot.key] = slot.label
        found.append(difference)
    # The version the form's values were read at; a form that showed no record (a second
    # entry for a date, which corrects the first) moves to the stored one.
    version = form.stored_version or stale.record.version
    data[form.add_prefix("version")] = str(version)
    signed = signing.dumps(
        {
            "values": stored,
            "conflicts": conflicts,
            "labels": labels,
            "differences": [_without_choice(d) for d in found],
        },
        salt=_SALT,
        compress=True,
    )
    data[form.add_prefix(SNAPSHOT_FIELD)] = signed
    for bound in [form, *rows, *_forms_of(rows)]:
        bound.data = data
    return found


def _without_choice(difference: Difference) -> dict:
    row = dataclasses.asdict(difference)
    del row["choice"]
    return row


# --- Showing and posting a value -----------------------------------------------------------


def _choice_labels(field) -> dict[str, str]:
    labels = {}
    for key, label in getattr(field, "choices", ()):
        if isinstance(label, list | tuple):  # an option group
            labels.update({str(canonical(k)): str(v) for k, v in label})
        else:
            labels[str(canonical(getattr(key, "value", key)))] = str(label)
    return labels


def display(field, value) -> str:
    """A canonical value as people read it: a choice by its label, a time in the site's."""
    if value is None:
        return "—"
    if isinstance(value, list):
        return ", ".join(display(field, v) for v in value)
    if isinstance(value, bool):
        return _("Yes") if value else _("No")
    if getattr(field, "choices", None) is not None:
        label = _choice_labels(field).get(str(value))
        if label is not None:
            return label
    if isinstance(field, forms.DateTimeField) and isinstance(value, str):
        moment = parse_datetime(value)
        if moment is not None:
            return local_text(moment)
    return str(value)


def as_data(field, value):
    """A canonical value as the field's widget posts it: text, a list of texts (a multiple
    choice) or None (an unticked box, an empty field)."""
    if value is None:
        return None
    if isinstance(field, forms.DateTimeField) and isinstance(value, str):
        value = parse_datetime(value)
    elif isinstance(field, forms.DateField) and isinstance(value, str):
        value = parse_date(value)
    widget = field.widget
    if isinstance(widget, forms.CheckboxInput):
        return "on" if widget.check_test(value) else None
    formatted = widget.format_value(field.prepare_value(value))
    if isinstance(formatted, list):
        if getattr(widget, "allow_multiple_selected", False):
            return [str(v) for v in formatted]
        return formatted[0] if formatted else None
    return None if formatted is None else str(formatted)


def _put_data(data: QueryDict, key: str, value) -> None:
    if value is None:
        data.pop(key, None)
    elif isinstance(value, list):
        data.setlist(key, value)
    else:
        data[key] = value
