"""The migration plan (issue 21 item 3): what a new version would lose or read under a
changed meaning at a site, and, subject by subject, what a re-consent would change in
their saved values, deviations and expected forms. Everything is read; nothing written."""

import dataclasses
import datetime as dt

import pytest

from ecrf.actions.clinical import liver_imaging_record
from ecrf.actions.integrity import record_void
from ecrf.actions.sessions import deviations_refresh
from ecrf.migration_plan import impact, losses, stored_values
from ecrf.models import Deviation, LiverImaging
from ecrf.protocol_diff import Change, Kind, Part
from tests.clinical.conftest import liver_imaging_values
from tests.conftest import NOW


@pytest.fixture
def cips_subject(cips, make_subject):
    return make_subject(cips, "enrolled")


def without_liver_imaging(protocol):
    """A version whose visits no longer expect the liver imaging (a removal, not a hide)."""
    visits = tuple(
        dataclasses.replace(v, forms=tuple(f for f in v.forms if f != "ecrf.liverimaging"))
        for v in protocol.visits
    )
    return dataclasses.replace(protocol, visits=visits)


def with_fs7_window(protocol, days):
    visits = tuple(
        dataclasses.replace(v, window_before=days, window_after=days) if v.code == "FS+7" else v
        for v in protocol.visits
    )
    return dataclasses.replace(protocol, visits=visits)


def test_a_form_removed_with_saved_records_is_a_loss(cips, beijing, cips_subject):
    old = cips.protocol
    new = without_liver_imaging(old)
    # Nothing saved yet: nothing to lose, the version may be put in force.
    assert losses(site=beijing, old=old, new=new) == []
    exam = liver_imaging_record(
        subject=cips_subject, by=cips_subject.created_by, **liver_imaging_values()
    )
    found = {value.change.key: value for value in losses(site=beijing, old=old, new=new)}
    assert found["ecrf.liverimaging"].subjects == (cips_subject.screening_number,)
    assert found["ecrf.liverimaging"].records == 1
    # Its filled fields are listed with it; the empty lesion size is not.
    assert "ecrf.liverimaging.findings" in found
    assert "ecrf.liverimaging.lesion_size_mm" not in found
    # A voided record's data stay readable too: voiding does not make the loss go away.
    record_void(record=exam, by=cips_subject.created_by, reason="Entered in error")
    assert not LiverImaging.objects.exists()
    assert losses(site=beijing, old=old, new=new)


def test_an_amendment_that_only_adds_and_changes_windows_loses_nothing(cips, beijing, cips_subject):
    liver_imaging_record(subject=cips_subject, by=cips_subject.created_by, **liver_imaging_values())
    old = cips.protocol
    new = with_fs7_window(old, 2)
    assert losses(site=beijing, old=old, new=new) == []


def test_a_relabelled_choice_or_a_changed_unit_touches_the_values_saved_under_it(
    cips, beijing, cips_subject, make_subject
):
    make_subject(cips, "screening", sex="F")
    relabelled = Change(Part.CHOICE, "ecrf.subject.sex=M", Kind.CHANGED, "Male", "Man")
    unit = Change(Part.UNIT, "ecrf.subject.weight_kg", Kind.CHANGED, "kg", "lb")
    unused = Change(Part.CHOICE, "ecrf.subject.pregnancy_test=positive", Kind.CHANGED, "a", "b")
    found = {
        v.change.key: v for v in stored_values(site=beijing, changes=[relabelled, unit, unused])
    }
    assert found["ecrf.subject.sex=M"].subjects == (cips_subject.screening_number,)
    assert found["ecrf.subject.weight_kg"].records == 2
    assert "ecrf.subject.pregnancy_test=positive" not in found


def test_another_sites_values_are_not_counted(qh1a, guangzhou, zhuhai, make_subject):
    make_subject(qh1a, "screening", site=zhuhai)
    unit = Change(Part.UNIT, "ecrf.subject.weight_kg", Kind.CHANGED, "kg", "lb")
    assert stored_values(site=guangzhou, changes=[unit]) == []
    assert stored_values(site=zhuhai, changes=[unit])[0].records == 1


def test_a_subjects_deviations_under_a_narrower_duration_range(
    cips, beijing, cips_subject, make_session
):
    # Spec T4: CiPS-BAL's 4-8 hours; a version narrowing it to 5-8 hours would make a
    # 4-hour session a deviation for a subject who re-consents to it.
    make_session(cips_subject, minutes=240, start=NOW - dt.timedelta(hours=6))
    deviations_refresh(subject=cips_subject, by=cips_subject.created_by)
    stored = set(Deviation.objects.values_list("pk", "version"))
    old = cips.protocol
    arm = dataclasses.replace(old.arms[0], duration_range_minutes=(300, 480))
    new = dataclasses.replace(old, arms=(arm,))
    (found,) = impact(site=beijing, old=old, new=new)
    assert found.subject == cips_subject
    rules = sorted(text.split(" ")[0] for text in found.deviations_added)
    assert rules == ["CIPS-DURATION", "PLANNED-DURATION-RANGE"]
    assert found.deviations_gone == []
    assert found.changes_anything
    # Read only: the stored deviations are as they were.
    assert set(Deviation.objects.values_list("pk", "version")) == stored


def test_a_subjects_expected_forms_and_windows(cips, beijing, cips_subject, make_session):
    make_session(cips_subject, minutes=240, start=NOW - dt.timedelta(hours=6))
    liver_imaging_record(subject=cips_subject, by=cips_subject.created_by, **liver_imaging_values())
    old = cips.protocol
    (same,) = impact(site=beijing, old=old, new=old)
    assert not same.changes_anything
    (wider,) = impact(site=beijing, old=old, new=with_fs7_window(old, 2))
    assert [w.split(":")[0] for w in wider.windows_changed] == ["FS+7"]
    assert wider.values == [] and wider.forms_removed == []
    (dropped,) = impact(site=beijing, old=old, new=without_liver_imaging(old))
    assert "SCR: Liver imaging" in dropped.forms_removed
    assert {v.change.key for v in dropped.values} >= {"ecrf.liverimaging"}
