"""What changes between two versions of a protocol (issue 21 item 3): a pure diff.

A version is described once, by ecrf.versions.content: the description its fingerprint
covers. Here that description is laid out as plain text, section by section: the forms
it uses and each form's fields with their type, unit and codes, the lab tests of the
panels it collects, its rules, arms, visits, windows, eligibility criteria, options and
the other facts of the protocol. Two descriptions are compared key by key, so a change
reads as "EX02 criterion changed: <old text> -> <new text>", and whatever changes a
version's fingerprint shows in its diff.

Nothing here reads the database: `manage.py protocol_diff` prints the changes, and
ecrf/migration_plan.py adds what they do to the stored data (the impact and the losses).
The description is in English whatever the reader's language: criteria are verbatim
from the registry, and a label's meaning must not depend on who asks.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from django.db import models
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from ecrf import form_registry, versions
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
    # The protocol's other facts the fingerprint covers: title, sponsor, the rule
    # functions, device criteria, endpoints, the AE window...
    PROTOCOL = "protocol", _("protocol")


class Kind(models.TextChoices):
    ADDED = "added", _("added")
    REMOVED = "removed", _("removed")
    CHANGED = "changed", _("changed")


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


# How a field a version hides reads in its description: hiding is a change, not a loss.
HIDDEN = " [hidden for new entries; saved values readable]"

# The content's keys laid out in a section of their own; the rest are PROTOCOL facts.
# The version's number, date and summary are not content (ecrf.versions.describe).
SECTIONED = {"forms", "panels", "visits", "criteria", "rules", "arms", "options"}


def describe(
    protocol: Protocol,
    *,
    hidden: frozenset[str] = frozenset(),
    absent: frozenset[str] = frozenset(),
) -> Description:
    """The version as text, section by section ({part: {key: text}}), in English, laid
    out from its one description (ecrf.versions.content) over the forms it uses.
    `hidden`: fields ("ecrf.vitalsigns.heart_rate") no longer asked for new entries in
    the version, their saved values still read; `absent`: fields first asked in a later
    version (ecrf.protocol.ProtocolVersion hidden_fields and added_fields)."""
    forms = [(entry.label, entry.model) for entry in protocol_forms(protocol)]
    described = versions.content(protocol, forms=forms, hidden=hidden, absent=absent)
    with translation.override("en"):
        return _sections(described, models=dict(forms), protocol=protocol)


def _sections(described: dict[str, Any], *, models, protocol: Protocol) -> Description:
    """What a stored code or unit means, a field's question and a lab test's name are
    read from the model and the lab catalogue the description names: one for every
    version of a release."""
    from ecrf.exports import codes_of, data_type, unit_of  # the exports' reading of a field

    out: Description = {part: {} for part in Part.values}
    for label, described_fields in described["forms"].items():
        model = models[label]
        out[Part.FORM][label] = str(model._meta.verbose_name)
        for described_field in described_fields:
            f = model._meta.get_field(described_field["name"])
            key = f"{label}.{f.name}"
            out[Part.FIELD][key] = f"{f.verbose_name} ({data_type(f)})"
            if described_field.get("hidden"):
                out[Part.FIELD][key] += HIDDEN
            if unit := unit_of(f):
                out[Part.UNIT][key] = unit
            for code, text in codes_of(f):
                out[Part.CHOICE][f"{key}={code}"] = text
    for panel, tests in described["panels"].items():
        names = {t.code: t.name for t in tests_in_panel(panel)}
        for code, unit, *_others in tests:
            out[Part.LAB_TEST][f"{panel}.{code}"] = f"{names[code]} ({unit})"
    screening_days = described["options"]["screening_window_days"]
    for visit in described["visits"]:
        out[Part.VISIT][visit["code"]] = visit["label"]
        out[Part.WINDOW][visit["code"]] = _window(visit, screening_days)
        expected = [*visit["forms"], *(f"lab panel {p}" for p in visit["panels"])]
        out[Part.EXPECTED][visit["code"]] = ", ".join(expected)
    for criterion in described["criteria"]:
        text = f"{criterion['kind']}: {criterion['text']}"
        if criterion["derived"]:
            text += " [derived from the data]"
        if criterion["decided_by"]:
            text += f" [decided by {criterion['decided_by']}]"
        out[Part.CRITERION][criterion["code"]] = text
    sources = {(where, rule.code): rule.source for where, rule in protocol.rules()}
    for where, code, kind, severity in described["rules"]:
        severity = f", {severity}" if severity else ""
        out[Part.RULE][f"{where} {code}"] = f"{kind}{severity}: {sources[where, code]}"
    for arm in described["arms"]:
        out[Part.ARM][arm["code"]] = _arm(arm)
    for name, value in described["options"].items():
        out[Part.OPTION][name] = _text(value)
    for name, value in described.items():
        if name not in SECTIONED:
            out[Part.PROTOCOL][name] = _text(value)
    return out


def _text(value) -> str:
    """A described value as it reads: a text as itself, a number, a list or None as JSON
    would write it."""
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


def _window(visit: dict[str, Any], screening_days: int) -> str:
    if visit["anchor"] == Anchor.SCREENING:
        return f"1 to {screening_days} days before the first session"
    return (
        f"day {visit['day']} from the {Anchor(visit['anchor']).label}, "
        f"-{visit['window_before']}/+{visit['window_after']} days"
    )


def _arm(arm: dict[str, Any]) -> str:
    parts = [arm["label"], f"capacity {arm['capacity']}"]
    if arm["planned_minutes"] is not None:
        tolerance = f" ± {arm['tolerance_minutes']}" if arm["tolerance_minutes"] else ""
        parts.append(f"{arm['planned_minutes']}{tolerance} min")
    if arm["duration_range_minutes"]:
        parts.append("{}-{} min".format(*arm["duration_range_minutes"]))
    maximum = arm["sessions_max"] if arm["sessions_max"] is not None else "no maximum"
    parts.append(f"sessions {arm['sessions_min']} to {maximum}")
    if arm["interval_days"]:
        parts.append("every {}-{} days".format(*arm["interval_days"]))
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


def version_protocol(study, number: str) -> tuple[Protocol, str]:
    """(protocol, declared number) of a version of the study: a published one (with the
    options it was published with, ecrf.versions.protocol_of) or a declared one not yet
    published. KeyError for a version the study does not have."""
    published = study.protocol_versions.filter(number=number).select_related("study").first()
    if published is not None:
        return versions.protocol_of(published), published.declared
    return versions.declared_version(study.package, number).protocol, number


def describe_version(study, number: str) -> Description:
    protocol, declared = version_protocol(study, number)
    hidden, absent = versions.version_fields(study.package, declared)
    return describe(protocol, hidden=hidden, absent=absent)


def version_diff(study, old: str, new: str) -> list[Change]:
    """What changes from version `old` to version `new` of the study."""
    return diff_descriptions(describe_version(study, old), describe_version(study, new))
