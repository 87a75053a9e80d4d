"""The diff of two protocol versions (issue 21 item 3): forms, fields, choices, units,
lab tests, visits, windows, expected forms, criteria, rules, arms and options. Versions
are the registered protocols changed with dataclasses.replace, as an amendment would."""

import dataclasses

from ecrf import versions
from ecrf.protocol import Criterion, CriterionKind, get_protocol
from ecrf.protocol_diff import (
    SECTIONED,
    Change,
    Kind,
    Part,
    describe,
    diff_descriptions,
    protocol_diff,
)

QH1A = get_protocol("studies.qh1a")
CIPS = get_protocol("studies.cips_bal")


def changes(old, new, part):
    return [c for c in protocol_diff(old, new) if c.part == part]


def test_a_version_does_not_differ_from_itself():
    assert protocol_diff(QH1A, QH1A) == []
    assert protocol_diff(CIPS, dataclasses.replace(CIPS)) == []


def test_a_criterion_tightened_added_and_removed():
    # An exclusion tightened after an SAE, one added, one dropped (issue 21 "changed: a
    # criterion's text"; "added: a criterion").
    ex02 = next(c for c in CIPS.criteria if c.code == "EX02")
    tightened = dataclasses.replace(ex02, text=ex02.text + " within the last 30 days")
    added = Criterion("EX08", CriterionKind.EXCLUSION, "Platelets below 20 x 10^9/L")
    criteria = tuple(
        tightened if c.code == "EX02" else c for c in CIPS.criteria if c.code != "EX07"
    )
    amended = dataclasses.replace(CIPS, criteria=(*criteria, added))
    found = {c.key: c for c in changes(CIPS, amended, Part.CRITERION)}
    assert set(found) == {"EX02", "EX07", "EX08"}
    assert found["EX02"].kind == Kind.CHANGED
    assert found["EX02"].after.endswith("within the last 30 days")
    assert found["EX07"].kind == Kind.REMOVED
    assert found["EX08"] == Change(
        Part.CRITERION, "EX08", Kind.ADDED, after="exclusion: Platelets below 20 x 10^9/L"
    )


def test_a_window_changed_and_a_visit_added_with_a_panel():
    fs7 = next(v for v in CIPS.visits if v.code == "FS+7")
    wider = dataclasses.replace(fs7, window_before=2, window_after=2)
    fs56 = dataclasses.replace(fs7, code="FS+56", day=56, panels=("IMMUNOGENICITY",))
    visits = tuple(wider if v.code == "FS+7" else v for v in CIPS.visits)
    amended = dataclasses.replace(CIPS, visits=(*visits, fs56))
    windows = {c.key: c for c in changes(CIPS, amended, Part.WINDOW)}
    assert windows["FS+7"].kind == Kind.CHANGED
    assert "-1/+1" in windows["FS+7"].before and "-2/+2" in windows["FS+7"].after
    assert windows["FS+56"].kind == Kind.ADDED
    assert [c.key for c in changes(CIPS, amended, Part.VISIT)] == ["FS+56"]
    assert "lab panel IMMUNOGENICITY" in changes(CIPS, amended, Part.EXPECTED)[0].after
    # A panel the study did not collect before brings its lab tests.
    tests = changes(CIPS, amended, Part.LAB_TEST)
    assert tests and all(
        c.kind == Kind.ADDED and c.key.startswith("IMMUNOGENICITY.") for c in tests
    )


def test_a_form_no_longer_expected_leaves_with_its_fields():
    # Liver imaging is listed only where a visit expects it (form_registry).
    visits = tuple(
        dataclasses.replace(v, forms=tuple(f for f in v.forms if f != "ecrf.liverimaging"))
        for v in CIPS.visits
    )
    amended = dataclasses.replace(CIPS, visits=visits)
    assert [(c.key, c.kind) for c in changes(CIPS, amended, Part.FORM)] == [
        ("ecrf.liverimaging", Kind.REMOVED)
    ]
    fields = changes(CIPS, amended, Part.FIELD)
    assert fields and all(c.key.startswith("ecrf.liverimaging.") for c in fields)
    assert all(c.kind == Kind.REMOVED for c in fields)


def test_options_arms_and_rules():
    arm = dataclasses.replace(CIPS.arms[0], capacity=16)
    amended = dataclasses.replace(
        CIPS,
        arms=(arm,),
        options=dataclasses.replace(CIPS.options, screening_window_days=10),
        deviation_rules=CIPS.deviation_rules[:-1],
    )
    assert [c.key for c in changes(CIPS, amended, Part.OPTION)] == ["screening_window_days"]
    assert "capacity 16" in changes(CIPS, amended, Part.ARM)[0].after
    rules = changes(CIPS, amended, Part.RULE)
    assert [(c.key, c.kind) for c in rules] == [("session CIPS-DURATION", Kind.REMOVED)]
    # The screening window is stated once (the option) and read by the screening visit.
    assert [c.key for c in changes(CIPS, amended, Part.WINDOW)] == ["SCR"]


def test_a_choice_whose_label_changed_and_a_unit_that_changed_change_meaning():
    old = describe(CIPS)
    new = {part: dict(entries) for part, entries in old.items()}
    new[Part.CHOICE]["ecrf.subject.sex=F"] = "Male"
    new[Part.UNIT]["ecrf.subject.weight_kg"] = "lb"
    new[Part.CHOICE]["ecrf.subject.sex=X"] = "Intersex"
    found = {c.key: c for c in diff_descriptions(old, new)}
    assert found["ecrf.subject.sex=F"].changes_meaning
    assert found["ecrf.subject.weight_kg"].changes_meaning
    # A new code changes the meaning of no stored value.
    assert not found["ecrf.subject.sex=X"].changes_meaning
    assert str(found["ecrf.subject.sex=F"]) == "choice ecrf.subject.sex=F changed: Female -> Male"


def test_the_description_reads_the_form_registry():
    described = describe(QH1A)
    assert described[Part.FORM]["ecrf.subject"] == "subject"
    assert described[Part.UNIT]["ecrf.subject.height_cm"] == "cm"
    assert described[Part.CHOICE]["ecrf.subject.sex=M"] == "Male"
    # The bookkeeping of a record is not a field of its form.
    assert "ecrf.subject.created_by" not in described[Part.FIELD]


def test_the_diff_lays_out_the_description_the_fingerprint_covers():
    # One description of a version (ecrf.versions.content): the fingerprint hashes it
    # (versions.describe), the diff lays it out; nothing fingerprinted is left out.
    fingerprinted = versions.describe("studies.qh1a", "1.0")
    described = describe(QH1A)
    facts = set(fingerprinted) - {"number", "date", "summary"} - SECTIONED
    assert facts == set(described[Part.PROTOCOL])
    for label, fields in fingerprinted["forms"].items():
        assert label in described[Part.FORM]
        assert {f"{label}.{f['name']}" for f in fields} <= set(described[Part.FIELD])
    assert [v["code"] for v in fingerprinted["visits"]] == list(described[Part.VISIT])
    assert {c["code"] for c in fingerprinted["criteria"]} == set(described[Part.CRITERION])
    assert set(fingerprinted["options"]) == set(described[Part.OPTION])


def test_a_change_of_another_protocol_fact_shows_in_the_diff():
    # The AE reporting window and the endpoints are fingerprinted; a version that
    # changed them would say so in its diff too.
    amended = dataclasses.replace(
        QH1A, ae_window_days=QH1A.ae_window_days + 7, endpoints=QH1A.endpoints[:-1]
    )
    found = {c.key: c for c in changes(QH1A, amended, Part.PROTOCOL)}
    assert set(found) == {"ae_window_days", "endpoints"}
    assert found["ae_window_days"].after == str(QH1A.ae_window_days + 7)
    assert all(c.kind == Kind.CHANGED for c in found.values())
