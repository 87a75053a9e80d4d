"""Site reference ranges: chosen by site, test, sex, age band at the sample date, and dated
valid_from/valid_to (spec §0 "Ranges", §2.9); the shipped defaults load idempotently."""

import datetime as dt
from decimal import Decimal as D

import pytest
from django.core.management import call_command

from ecrf.lab_results import flag_for, reference_ranges
from ecrf.models import ReferenceRange

pytestmark = pytest.mark.django_db


def add_range(site, test="ALT", sex="", ages=(0, 150), start="2020-01-01", end=None, limits=()):
    lln, uln = limits or (D("10"), D("40"))
    return ReferenceRange.objects.create(
        site=site,
        test_code=test,
        sex=sex,
        age_min=ages[0],
        age_max=ages[1],
        valid_from=dt.date.fromisoformat(start),
        valid_to=dt.date.fromisoformat(end) if end else None,
        lln=lln,
        uln=uln,
    )


def test_range_for_the_subjects_sex_wins_over_both_sexes(qh1a, guangzhou, make_subject):
    # §2.9: "lab, test, sex, age band"; a sex-specific range is more precise than a shared one.
    add_range(guangzhou, limits=(D("5"), D("45")))
    women = add_range(guangzhou, sex="F", limits=(D("7"), D("40")))
    add_range(guangzhou, sex="M", limits=(D("9"), D("50")))
    woman = make_subject(qh1a, sex="F", childbearing_potential=False, breastfeeding=False)
    assert reference_ranges(woman, ["ALT"], dt.date.today())["ALT"] == women


def test_range_by_age_band_at_the_sample_date(qh1a, guangzhou, make_subject):
    # The shipped ALP ranges for women change at 50 years; the age is taken at the sample date.
    young = add_range(guangzhou, "ALP", "F", (18, 49), limits=(D("35"), D("100")))
    older = add_range(guangzhou, "ALP", "F", (50, 150), limits=(D("50"), D("135")))
    born = dt.date(1976, 6, 15)
    subject = make_subject(
        qh1a, sex="F", date_of_birth=born, childbearing_potential=False, breastfeeding=False
    )
    assert reference_ranges(subject, ["ALP"], dt.date(2026, 6, 14))["ALP"] == young  # 49
    assert reference_ranges(subject, ["ALP"], dt.date(2026, 6, 15))["ALP"] == older  # 50


def test_range_in_force_on_the_sample_date(qh1a, guangzhou, make_subject):
    # Reference ranges are dated valid_from/valid_to: a result keeps the range of its date.
    old = add_range(guangzhou, start="2020-01-01", end="2025-12-31", limits=(D("5"), D("40")))
    new = add_range(guangzhou, start="2026-01-01", limits=(D("9"), D("50")))
    subject = make_subject(qh1a)
    assert reference_ranges(subject, ["ALT"], dt.date(2025, 12, 31))["ALT"] == old
    assert reference_ranges(subject, ["ALT"], dt.date(2026, 1, 1))["ALT"] == new
    assert reference_ranges(subject, ["ALT"], dt.date(2019, 1, 1)) == {}


def test_another_sites_ranges_are_not_used(qh1a, cips, beijing, make_subject):
    add_range(beijing)
    assert reference_ranges(make_subject(qh1a), ["ALT"], dt.date.today()) == {}


@pytest.mark.parametrize(
    "value, expected", [(D("9"), "L"), (D("10"), "N"), (D("40"), "N"), (D("40.1"), "H")]
)
def test_flag_outside_the_limits(value, expected):
    # §2.9 "abnormal flag (derived L/H)": limits themselves are normal.
    assert flag_for(value, D("10"), D("40")) == expected


def test_no_limits_no_flag():
    assert flag_for(D("5"), None, None) == ""


def test_shipped_ranges_load_idempotently(guangzhou, beijing):
    call_command("load_reference_ranges", verbosity=0)
    count = ReferenceRange.objects.count()
    ReferenceRange.objects.filter(test_code="ALT").update(uln=D("999"))
    call_command("load_reference_ranges", verbosity=0)
    assert ReferenceRange.objects.count() == count
    assert set(ReferenceRange.objects.filter(test_code="ALT").values_list("uln", flat=True)) == {
        D("50"),
        D("40"),
    }
    graded = {"BILI", "ALT", "AST", "ALP", "GGT", "ALB", "CREAT", "SODIUM", "K", "PLAT", "HGB"}
    for site in (guangzhou, beijing):
        assert graded <= set(site.reference_ranges.values_list("test_code", flat=True))
