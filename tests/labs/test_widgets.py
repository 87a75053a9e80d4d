"""The lab form's widgets (ecrf/forms/widgets.py) write what Django's templates write."""

import datetime as dt

import pytest
from django import forms

from ecrf.forms import widgets

ATTRS = [
    None,
    {"id": "id_ALT_value", "aria-invalid": "true", "required": True, "disabled": False},
    {"aria-describedby": 'a"b<c>', "class": "x"},
]


@pytest.mark.parametrize("value", [None, "", "1.5", 42, '"><script>'])
@pytest.mark.parametrize("attrs", ATTRS)
def test_the_text_input_is_djangos(value, attrs):
    mine = widgets.TextInput(attrs={"class": "form-control", "inputmode": "decimal"})
    djangos = forms.TextInput(attrs={"class": "form-control", "inputmode": "decimal"})
    assert mine.render("ALT_value", value, attrs) == djangos.render("ALT_value", value, attrs)


@pytest.mark.parametrize("value", [None, "", 3, "signed:snapshot", '"><script>'])
@pytest.mark.parametrize("attrs", ATTRS)
def test_the_hidden_input_is_djangos(value, attrs):
    mine = widgets.HiddenInput()
    assert mine.render("version", value, attrs) == forms.HiddenInput().render(
        "version", value, attrs
    )


CHOICES = [("", "—"), ("umol/L", "µmol/L"), ("mg/dL", "mg/dL <old>"), ("mg/dL", "again")]


@pytest.mark.parametrize("value", [None, "", "umol/L", "mg/dL", "not a choice", '"><x'])
@pytest.mark.parametrize("attrs", ATTRS)
def test_the_select_is_djangos(value, attrs):
    mine = widgets.Select(attrs={"class": "form-select"}, choices=CHOICES)
    djangos = forms.Select(attrs={"class": "form-select"}, choices=CHOICES)
    assert mine.render("ALT_unit", value, attrs) == djangos.render("ALT_unit", value, attrs)


def test_a_select_with_groups_is_left_to_django():
    grouped = [("Units", [("a", "A"), ("b", "B")])]
    mine = widgets.Select(choices=grouped)
    assert mine.render("x", "b") == forms.Select(choices=grouped).render("x", "b")


@pytest.mark.parametrize("value", [None, "", "Typed\nover <two> lines", '"quoted"'])
@pytest.mark.parametrize("attrs", ATTRS)
def test_the_textarea_is_djangos(value, attrs):
    mine = widgets.Textarea(attrs={"rows": 2})
    djangos = forms.Textarea(attrs={"rows": 2})
    assert mine.render("detail", value, attrs) == djangos.render("detail", value, attrs)


@pytest.mark.parametrize("value", [None, "", "2026-11-30 09:15", dt.datetime(2026, 11, 30, 9, 15)])
def test_the_date_and_time_input_is_djangos(value):
    # An ISO text input (issue 19 item 6), written as Django's template writes one.
    mine = widgets.DateTimeInput()
    djangos = forms.DateTimeInput(attrs=dict(mine.attrs), format="%Y-%m-%d %H:%M")
    assert mine.render("sampled_at", value) == djangos.render("sampled_at", value)
    assert 'type="text"' in mine.render("sampled_at", value)
