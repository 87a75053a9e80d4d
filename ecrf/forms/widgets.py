"""Text inputs and selects written out in Python, for forms of many controls.

Django renders every widget through its template engine: the input, its attributes, and
each <option> of a select, one template each. The lab panel form has about 30 controls
and some 150 options, and rendering them was most of its page's time (issue 20: the lab
form's GET). These widgets override the documented Widget.render() and write the same
markup as Django's templates (django/forms/widgets/input.html, select.html,
select_option.html, attrs.html), which tests/labs/test_widgets.py checks; a select's
options are written once per choice list and selected value.

Dates and times are ISO 8601 (YYYY-MM-DD, 24-hour HH:MM) in text inputs (issue 19 item
6): a native <input type="date"> shows the browser's locale (12/04/2026, even in the
Chinese interface) and a datetime-local one its clock (AM/PM). static/ecrf/dates.js adds
a calendar button beside each; typing stays the quick path, and the basic ISO form
(20261201 0930) is accepted too (settings FORMAT_MODULE_PATH, ecrf/formats/).

Decimals are shown as typed (issue 19 item 3): 5.2, not the stored 5.2000.
"""

from __future__ import annotations

import functools
import html
from decimal import Decimal

from django import forms
from django.db import models
from django.utils.functional import Promise
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

from ecrf.numbers import plain


def escaped(value) -> str:
    """conditional_escape's result (what the templates write) without its lazy-string
    wrapper (keep_lazy), which cost more than the escaping itself: a form of 30 controls
    escapes some 300 names and values."""
    if isinstance(value, Promise):
        value = str(value)
    if hasattr(value, "__html__"):
        return value.__html__()
    return html.escape(str(value))


def _attributes(attrs: dict) -> SafeString:
    """As attrs.html: ` name="value"` in the dict's order, ` name` for True, none for
    False. Escaped as the template escapes them (conditional_escape)."""
    parts = []
    for name, value in attrs.items():
        if value is True:
            parts.append(f" {escaped(name)}")
        elif value is not False:
            parts.append(f' {escaped(name)}="{escaped(value)}"')
    return mark_safe("".join(parts))


class _WrittenInput:
    """render() of an <input>, as input.html writes it."""

    def render(self, name, value, attrs=None, renderer=None) -> SafeString:
        value = self.format_value(value)
        shown = "" if value is None else f' value="{escaped(value)}"'
        attributes = _attributes(self.build_attrs(self.attrs, attrs))
        return mark_safe(
            f'<input type="{escaped(self.input_type)}" name="{escaped(name)}"{shown}{attributes}>'
        )


class TextInput(_WrittenInput, forms.TextInput):
    """forms.TextInput, rendered without a template."""


class HiddenInput(_WrittenInput, forms.HiddenInput):
    """forms.HiddenInput, rendered without a template (every entry form has two: its
    version and its snapshot, ecrf.forms.integrity.add_change_control)."""


class Textarea(forms.Textarea):
    """forms.Textarea, rendered without a template (as textarea.html: a newline first)."""

    def render(self, name, value, attrs=None, renderer=None) -> SafeString:
        value = self.format_value(value)
        attributes = _attributes(self.build_attrs(self.attrs, attrs))
        return mark_safe(
            f'<textarea name="{escaped(name)}"{attributes}>\n{escaped(value or "")}</textarea>'
        )


# Bounded: a refused form shows the value it was posted, whatever that was.
@functools.lru_cache(maxsize=1024)
def _options(choices: tuple[tuple[str, str], ...], selected: str | None) -> SafeString:
    # As select.html and select_option.html (whose file ends in a newline): the first
    # option of the value is selected.
    parts = []
    for value, label in choices:
        chosen = selected is not None and value == selected
        parts.append(
            format_html(
                '\n  <option value="{}"{}>{}</option>\n',
                value,
                mark_safe(" selected" if chosen else ""),
                label,
            )
        )
        if chosen:
            selected = None
    return mark_safe("".join(parts))  # each part escaped by format_html


class Select(forms.Select):
    """forms.Select for a flat list of choices, rendered without a template (a list
    with groups is left to Django's)."""

    def render(self, name, value, attrs=None, renderer=None) -> SafeString:
        choices = tuple((str(v), label) for v, label in self.choices)
        if any(isinstance(label, list | tuple) for _v, label in choices):
            return super().render(name, value, attrs, renderer)  # groups
        values = self.format_value(value)
        options = _options(
            tuple((v, str(label)) for v, label in choices), values[0] if values else None
        )
        attributes = _attributes(self.build_attrs(self.attrs, attrs))
        return mark_safe(f'<select name="{escaped(name)}"{attributes}>{options}\n</select>')


# --- ISO dates and times, decimals as typed (issue 19) ----------------------------------

DATE_PATTERN = r"\d{4}-?\d{2}-?\d{2}"
TIME_PATTERN = r"\d{1,2}:?\d{2}"


def _iso_attrs(kind: str, placeholder: str, pattern: str, size: int, attrs) -> dict:
    return {
        "placeholder": placeholder,
        "pattern": pattern,
        "inputmode": "numeric",
        "autocomplete": "off",
        "size": size,
        "data-iso-input": kind,  # dates.js adds the calendar button
        **(attrs or {}),
    }


class DateInput(forms.DateInput):
    input_type = "text"

    def __init__(self, attrs=None):
        super().__init__(
            attrs=_iso_attrs("date", "YYYY-MM-DD", DATE_PATTERN, 12, attrs), format="%Y-%m-%d"
        )


class DateTimeInput(_WrittenInput, forms.DateTimeInput):
    """A moment in the site's time zone (Django shows and reads it in the active zone),
    rendered without a template (the lab form has one)."""

    input_type = "text"

    def __init__(self, attrs=None):
        pattern = f"{DATE_PATTERN}[ T]{TIME_PATTERN}"
        super().__init__(
            attrs=_iso_attrs("datetime", "YYYY-MM-DD HH:MM", pattern, 17, attrs),
            format="%Y-%m-%d %H:%M",
        )


class TimeInput(forms.TimeInput):
    input_type = "text"

    def __init__(self, attrs=None):
        super().__init__(attrs=_iso_attrs("time", "HH:MM", TIME_PATTERN, 6, attrs), format="%H:%M")


class PlainNumberInput(forms.NumberInput):
    """A decimal as typed: 5.2, 120."""

    def format_value(self, value):
        if isinstance(value, Decimal):
            return plain(value)
        return super().format_value(value)


def plain_decimals(db_field: models.Field, **kwargs):
    """A ModelForm's `formfield_callback`: decimals shown as typed, other fields as usual."""
    if isinstance(db_field, models.DecimalField) and "widget" not in kwargs:
        kwargs["widget"] = PlainNumberInput
    return db_field.formfield(**kwargs)
