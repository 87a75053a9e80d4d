"""What changes between two versions of a protocol (issue 21 item 3): a pure diff.

A version is described as plain text, section by section: the forms it uses and each
form's fields with their type, unit and codes (from the model each form registers in
ecrf/form_registry.py), the lab tests of the panels it collects, its rules, arms,
visits, windows, eligibility criteria and options. Two descriptions are compared key by
key, so a change reads as "EX02 criterion changed: <old text> -> <new text>".

Nothing here reads the database: `manage.py protocol_diff` prints the changes, and
ecrf/amendments.py adds what they do to the stored data (the impact and the losses).
The description is in English whatever the reader's language: criteria are verbatim
from the registry, and a label's meaning must not depend on who asks.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, fields

from django.db import models
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from ecrf import form_registry
from ecrf.lab_catalogue import tests_in_panel
from ecrf.protocol import Anchor, Protocol


class Part(models.TextChoices):
    """The sections of a description, in the order the diff lists them."""

    FORM = "form", _("form")
    FIELD = "field", _("field")
    CHOICE = "choice", _("choice")
    UNIT = "unit", _("unit")
    LAB_TEST = "lab_test", _("lab test")
    VISIT = "visit", _("visit")
    WINDOW = "window", _("window")
    EXPECTED = "expected", _("expected at visit")
    CRITERION = "criterion", _("eligibility criterion")
    RULE = "rule", _("rule")
    ARM = "arm", _("arm")
    OPTION = "option", _("option")


class Kind(models.TextChoices):
    ADDED = "added", _("added")
    REMOVED = "removed", _("removed")
    CHANGED = "changed", _("changed")


# A StudyRecord's bookkeeping (who saved it, when, its row version, voiding) is the
# eCRF's, the same in every version: not a field of a form.
BOOKKEEPING = {
    "id",
    "version",
    "created_at",
    "created_by",
    "updated_at",
    "voided_at",
    "voided_by",
    "void_reason",
}


@dataclass(frozen=True)
class Change:
    """One difference between two versions. `key` names what changed in its part:
    a form's label ("ecrf.liverimaging"), a field ("ecrf.vitalsigns.heart_rate"), a
    choice ("ecrf.subject.sex=F"), a visit ("FS+7"), a criterion ("EX02"), a rule
    ("session DEVIATION-CODE"), an arm, an option or a lab test ("LIVER.ALT")."""

    part: str
    key: str
    kind: str
    before: str = ""
    after: str = ""

    @property
    def changes_meaning(self) -> bool:
        """A stored value would be read differently: a choice code whose label changed,
        or a field whose unit changed (issue 21 item 3)."""
        return self.kind == Kind.CHANGED and self.part in (Part.CHOICE, Part.UNIT)

    @property
    def part_label(self) -> str:
        return str(Part(self.part).label)

    @property
    def kind_label(self) -> str:
        return str(Kind(self.kind).label)

    def __str__(self) -> str:
        if self.kind == Kind.ADDED:
            return f"{self.part} {self.key} added: {self.after}"
        if self.kind == Kind.REMOVED:
            return f"{self.part} {self.key} removed: {self.before}"
        return f"{self.part} {self.key} changed: {self.before} -> {self.after}"


Description = dict[str, dict[str, str]]


def protocol_forms(protocol: Protocol) -> list[form_registry.FormEntry]:
    """The registered forms a version uses: every form the casebook lists whatever the
    protocol (the registration, AEs, ...), and those listed only where the protocol
    expects them at a visit (form_registry `only_where_expected`)."""
    return [
        e for e in form_registry.entries() if not e.only_where_expected or protocol.expects(e.label)
    ]


def form_fields(entry: form_registry.FormEntry) -> list[models.Field]:
    """A form's fields: its model's columns without the bookkeeping."""
    return [f for f in entry.model._meta.concrete_fields if f.name not in BOOKKEEPING]


# How a field a version hides reads in its description: hiding is a change, not a loss.
HIDDEN = " [hidden for new entries; saved values readable]"


def describe(
    protocol: Protocol,
    *,
    hidden: frozenset[str] = frozenset(),
    absent: frozenset[str] = frozenset(),
) -> Description:
    """The version as text, section by section ({part: {key: text}}), in English.
    `hidden`: fields ("ecrf.vitalsigns.heart_rate") no longer asked for new entries in
    the version, their saved values still read; `absent`: fields first asked in a later
    version (ecrf.protocol.ProtocolVersion hidden_fields and added_fields)."""
    from ecrf.exports import codes_of, data_type, unit_of  # the exports' reading of a field

    out: Description = {part: {} for part in Part.values}
    with translation.override("en"):
        for entry in protocol_forms(protocol):
            out[Part.FORM][entry.label] = str(entry.model._meta.verbose_name)
            for f in form_fields(entry):
                key = f"{entry.label}.{f.name}"
                if key in absent:
                    continue
                out[Part.FIELD][key] = f"{f.verbose_name} ({data_type(f)})"
                if key in hidden:
                    out[Part.FIELD][key] += HIDDEN
                if unit := unit_of(f):
                    out[Part.UNIT][key] = unit
                for code, label in codes_of(f):
                    out[Part.CHOICE][f"{key}={code}"] = label
        for panel in protocol.panels:
            for test in tests_in_panel(panel):
                out[Part.LAB_TEST][f"{panel}.{test.code}"] = (
                    f"{test.name} ({test.standard_unit.code})"
                )
        for visit in protocol.visits:
            out[Part.VISIT][visit.code] = str(visit.label)
            out[Part.WINDOW][visit.code] = _window(visit, protocol)
            expected = [*visit.forms, *(f"lab panel {p}" for p in visit.panels)]
            out[Part.EXPECTED][visit.code] = ", ".join(expected)
        for criterion in protocol.criteria:
            out[Part.CRITERION][criterion.code] = f"{criterion.kind}: {criterion.text}"
        for where, rule in protocol.rules():
            severity = f", {rule.severity}" if rule.severity else ""
            out[Part.RULE][f"{where} {rule.code}"] = f"{rule.kind}{severity}: {rule.source}"
        for arm in protocol.arms:
            out[Part.ARM][arm.code] = _arm(arm)
        for option in fields(protocol.options):
            out[Part.OPTION][option.name] = str(getattr(protocol.options, option.name))
    return out


def _window(visit, protocol: Protocol) -> str:
    if visit.anchor == Anchor.SCREENING:
        days = protocol.options.screening_window_days
        return f"1 to {days} days before the first session"
    return (
        f"day {visit.day} from the {Anchor(visit.anchor).label}, "
        f"-{visit.window_before}/+{visit.window_after} days"
    )


def _arm(arm) -> str:
    parts = [arm.label, f"capacity {arm.capacity}"]
    if arm.planned_minutes is not None:
        tolerance = f" ± {arm.tolerance_minutes}" if arm.tolerance_minutes else ""
        parts.append(f"{arm.planned_minutes}{tolerance} min")
    if arm.duration_range_minutes:
        parts.append("{}-{} min".format(*arm.duration_range_minutes))
    maximum = arm.sessions_max if arm.sessions_max is not None else "no maximum"
    parts.append(f"sessions {arm.sessions_min} to {maximum}")
    if arm.interval_days:
        parts.append("every {}-{} days".format(*arm.interval_days))
    return ", ".join(parts)


def diff_descriptions(old: Description, new: Description) -> list[Change]:
    """Every key added, removed or changed, part by part in Part's order."""
    return list(_changes(old, new))


def _changes(old: Description, new: Description) -> Iterator[Change]:
    for part in Part.values:
        before, after = old.get(part, {}), new.get(part, {})
        for key in sorted(before.keys() | after.keys()):
            if key not in after:
                yield Change(part, key, Kind.REMOVED, before=before[key])
            elif key not in before:
                yield Change(part, key, Kind.ADDED, after=after[key])
            elif before[key] != after[key]:
                yield Change(part, key, Kind.CHANGED, before[key], after[key])


def protocol_diff(old: Protocol, new: Protocol) -> list[Change]:
    """What changes from `old` to `new`."""
    return diff_descriptions(describe(old), describe(new))


# --- Versions --------------------------------------------------------------------------


def version_fields(package: str, number: str) -> tuple[frozenset[str], frozenset[str]]:
    """(hidden, absent) fields of a declared version: hidden by it or an earlier one,
    and first asked in a later one (ecrf.protocol.ProtocolVersion)."""
    from ecrf.versions import declared_versions

    declared = declared_versions(package)
    index = next(i for i, v in enumerate(declared) if v.number == number)
    hidden = frozenset().union(*(v.hidden_fields for v in declared[: index + 1]))
    absent = frozenset().union(*(v.added_fields for v in declared[index + 1 :]))
    return hidden, absent


def version_protocol(study, number: str) -> tuple[Protocol, str]:
    """(protocol, declared number) of a version of the study: a published one (with the
    options it was published with, ecrf.versions.protocol_of) or a declared one not yet
    published. KeyError for a version the study does not have."""
    from ecrf.versions import declared_version, protocol_of

    published = study.protocol_versions.filter(number=number).select_related("study").first()
    if published is not None:
        return protocol_of(published), published.declared
    return declared_version(study.package, number).protocol, number


def describe_version(study, number: str) -> Description:
    protocol, declared = version_protocol(study, number)
    hidden, absent = version_fields(study.package, declared)
    return describe(protocol, hidden=hidden, absent=absent)


def version_diff(study, old: str, new: str) -> list[Change]:
    """What changes from version `old` to version `new` of the study."""
    return diff_descriptions(describe_version(study, old), describe_version(study, new))
