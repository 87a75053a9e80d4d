"""`manage.py check` validates every study's protocol declaration (like admin checks)."""

import re

from django.conf import settings
from django.core import checks
from django.core.exceptions import FieldDoesNotExist
from django.utils.module_loading import import_string

from ecrf import form_registry
from ecrf.lab_catalogue import Panel
from ecrf.protocol import Anchor, CriterionKind, Endpoint, Protocol, get_protocol


def protocol_errors(protocol: Protocol) -> list[str]:
    """Problems in one declaration, as plain sentences."""
    problems = []
    if not re.fullmatch(r"NCT\d{8}", protocol.registry_id):
        problems.append(f"registry id {protocol.registry_id!r} is not an NCT number")
    if not protocol.arms:
        problems.append("declares no arms")
    codes = [arm.code for arm in protocol.arms]
    if len(set(codes)) != len(codes):
        problems.append("arm codes are not unique")
    if sum(arm.capacity for arm in protocol.arms) != protocol.target_enrolment:
        problems.append("arm capacities do not add up to the target enrolment")
    if not any(arm.opens_at_study_start for arm in protocol.arms):
        problems.append("no arm opens at study start")
    for arm in protocol.arms:
        if (
            arm.planned_minutes is None
            and arm.duration_range_minutes is None
            and (arm.tolerance_minutes is None)
        ):
            problems.append(f"arm {arm.code} has no planned duration, range or tolerance")
        if arm.sessions_max is not None and arm.sessions_max < arm.sessions_min:
            problems.append(f"arm {arm.code} allows fewer sessions than its minimum")
        if arm.sessions_min > 1 and arm.interval_days is None:
            problems.append(f"arm {arm.code} has several sessions but no interval")
        if arm.interval_days and arm.interval_days[0] > arm.interval_days[1]:
            problems.append(f"arm {arm.code} interval is reversed")
    criterion_codes = [c.code for c in protocol.criteria]
    if len(set(criterion_codes)) != len(criterion_codes):
        problems.append("criterion codes are not unique")
    if not any(c.kind == CriterionKind.INCLUSION for c in protocol.criteria):
        problems.append("declares no inclusion criterion")
    for criterion in protocol.criteria:
        if criterion.kind not in CriterionKind.values or not criterion.text.strip():
            problems.append(f"criterion {criterion.code} has no kind or text")
    problems += visit_errors(protocol)
    if protocol.options.screening_window_days < 1:
        problems.append("screening window must be at least one day")
    if not protocol.enrolment_rules:
        problems.append("declares no enrolment rules")
    # Issue 18: each rule declares its class (impossible, gate, breach) beside it.
    for rule in (*protocol.enrolment_rules, *protocol.session_rules, *protocol.deviation_rules):
        if not hasattr(rule, "declaration"):
            problems.append(f"rule {rule.__name__} does not declare its class (@declare)")
    for dotted in (protocol.registration_form, protocol.session_form):
        try:
            import_string(dotted)
        except ImportError:
            problems.append(f"form {dotted} cannot be imported")
    device_codes = [c.code for c in protocol.device_criteria]
    if len(set(device_codes)) != len(device_codes) or any(len(c) > 20 for c in device_codes):
        problems.append("device criterion codes must be unique and at most 20 characters")
    unknown = set(protocol.endpoints) - set(Endpoint.values)
    if unknown:
        problems.append("unknown endpoints: " + ", ".join(sorted(unknown)))
    if Endpoint.DEVICE_PASS_RATE in protocol.endpoints and not protocol.device_criteria:
        problems.append("the device pass rate needs device criteria")
    if protocol.ae_window_days is not None and protocol.ae_window_days < 1:
        problems.append("the AE incidence window must be at least one day")
    categories = {"ALF", "SALF", "ACLF", "CLF", "SFSS"}
    if not protocol.liver_failure_categories or set(protocol.liver_failure_categories) - categories:
        problems.append("liver-failure categories must be some of " + ", ".join(sorted(categories)))
    return problems


def visit_errors(protocol: Protocol) -> list[str]:
    """The schedule of assessments: one screening visit, unique codes, sane windows, and
    every expected form registered (ecrf/form_registry.py) and every panel in the lab
    catalogue."""
    problems = []
    codes = [visit.code for visit in protocol.visits]
    if len(set(codes)) != len(codes):
        problems.append("visit codes are not unique")
    if [v.anchor for v in protocol.visits].count(Anchor.SCREENING) != 1:
        problems.append("declares not exactly one screening visit")
    if [v.anchor for v in protocol.visits].count(Anchor.EACH_SESSION) > 1:
        problems.append("declares more than one session visit")
    for visit in protocol.visits:
        if visit.anchor not in Anchor.values or visit.window_before < 0 or visit.window_after < 0:
            problems.append(f"visit {visit.code} has a bad anchor or window")
        if visit.anchor == Anchor.SCREENING and (
            visit.day or visit.window_before or visit.window_after
        ):
            # Spec T1: the screening window is the option screening_window_days, once.
            problems.append(f"visit {visit.code} states the screening window a second time")
        for label in visit.forms:
            if form_registry.by_label(label) is None:
                problems.append(f"visit {visit.code} expects {label}, not a registered form")
        for panel in visit.panels:
            if panel not in Panel.values:
                problems.append(f"visit {visit.code} expects panel {panel}, not in the catalogue")
        if bool(visit.panels) != ("ecrf.labpanel" in visit.forms):
            problems.append(f"visit {visit.code}: lab panels and the lab panel form go together")
    return problems


def version_field_errors(version) -> list[str]:
    """A field a version hides or adds is one a person enters on a registered form, and
    one a new entry may leave empty: an entry form does not ask it of a subject on a
    version without it (forms.integrity.ask_version_fields), so the record is saved
    without it."""
    problems = []
    for kind, names in (("hidden", version.hidden_fields), ("added", version.added_fields)):
        for name in sorted(names):
            label, _sep, field_name = name.rpartition(".")
            model = form_registry.by_label(label)
            try:
                field = model._meta.get_field(field_name) if model else None
            except FieldDoesNotExist:
                field = None
            if field is None or not field.editable:
                problems.append(f"{kind} field {name} is no field entered on a registered form")
            elif not (field.null or field.blank or field.has_default()):
                problems.append(f"{kind} field {name} cannot be left empty by a new entry")
    return problems


@checks.register()
def check_protocols(app_configs=None, **kwargs):
    errors = []
    for package in settings.ECRF_STUDIES:
        try:
            protocol = get_protocol(package)
        except (ImportError, AttributeError) as exc:
            errors.append(
                checks.Error(f"{package}.protocol cannot be loaded: {exc}", id="ecrf.E001")
            )
            continue
        for problem in protocol_errors(protocol):
            errors.append(checks.Error(f"{package}: {problem}", id="ecrf.E002"))
    return errors


@checks.register()
def check_protocol_versions(app_configs=None, **kwargs):
    """Issue 21: every study declares its versions, "1.0" first; each published version's
    content still has the fingerprint recorded when it was published (a published
    version is immutable: a change is a new version)."""
    from ecrf import versions

    errors = []
    for package in settings.ECRF_STUDIES:
        try:
            declared = versions.declared_versions(package)
        except (ImportError, AttributeError) as exc:
            errors.append(checks.Error(f"{package}: no VERSIONS ({exc})", id="ecrf.E010"))
            continue
        numbers = [v.number for v in declared]
        if not numbers or numbers[0] != versions.REGISTERED or len(set(numbers)) != len(numbers):
            errors.append(
                checks.Error(
                    f"{package}: VERSIONS must start with 1.0 (as registered), each number once",
                    id="ecrf.E011",
                )
            )
        for version in declared:
            if "+" in version.number:
                errors.append(
                    checks.Error(
                        f"{package} {version.number}: '+' is kept for the admin's option changes",
                        id="ecrf.E011",
                    )
                )
            for problem in protocol_errors(version.protocol):
                errors.append(
                    checks.Error(f"{package} {version.number}: {problem}", id="ecrf.E002")
                )
            for problem in version_field_errors(version):
                errors.append(
                    checks.Error(f"{package} {version.number}: {problem}", id="ecrf.E013")
                )
            if not version.fingerprint:
                continue  # a draft: put in force nowhere until published
            now = versions.fingerprint(package, version.number)
            if now != version.fingerprint:
                errors.append(
                    checks.Error(
                        f"{package} version {version.number} drifted from its published "
                        f"fingerprint {version.fingerprint} (its content now gives {now})",
                        hint="A published version is immutable: declare the change as a new "
                        "version (docs/amendments.md). `manage.py protocol_fingerprint "
                        f"{package} {version.number}` prints the content's fingerprint.",
                        id="ecrf.E012",
                    )
                )
    return errors
