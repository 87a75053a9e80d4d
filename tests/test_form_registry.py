"""The one registry of case report forms (issue 20 item 1): every form declares once what it
is, beside its class, and every part of the eCRF reads that declaration."""

import ast
import itertools
from pathlib import Path

import pytest
from django.apps import apps
from django.urls import reverse

from ecrf import form_registry
from ecrf.models import CaseReportForm, StudyRecord
from ecrf.sdtm import terms

ROOT = Path(__file__).resolve().parent.parent
# Where a form may be named among others: its own registration, the models, migrations.
ALLOWED = ("ecrf/form_registry.py", "ecrf/models/", "/migrations/")


def test_every_case_report_form_is_registered_and_signable():
    forms = [m for m in apps.get_models() if issubclass(m, CaseReportForm)]
    assert forms
    for model in forms:
        entry = form_registry.entry(model)
        assert entry is not None, f"{model._meta.label} is not registered"
        assert entry.signable, model._meta.label
    # Only a CaseReportForm has a lifecycle (a form status, a version the signature binds).
    assert set(form_registry.form_models(signable=True)) == set(forms)


def test_registered_records_are_study_records_in_one_casebook_order():
    entries = form_registry.entries()
    assert all(issubclass(e.model, StudyRecord) for e in entries)
    orders = [e.casebook_order for e in entries]
    assert len(set(orders)) == len(orders), "two forms share a casebook place"


def test_a_form_is_registered_once():
    model = form_registry.entries()[0].model
    with pytest.raises(Exception, match="registered twice"):
        form_registry.register(model, casebook_order=1)


def test_declared_fields_parts_and_pages_exist():
    for entry in form_registry.entries():
        names = {f.name for f in entry.model._meta.get_fields()}
        for name in entry.sdtm_variables:
            assert name in names, f"{entry.label}: no field {name}"
        for part in entry.parts:
            assert part in names, f"{entry.label}: no part {part}"
        if entry.page:
            kwargs = {"registry_id": "NCT00000000", "number": "X-001"}
            kwargs |= {k: 1 for k in entry.page_kwargs}
            assert reverse(entry.page, kwargs=kwargs)


def test_sdtm_variables_are_those_of_the_domain():
    """Each annotation names a variable of an SDTM dataset (or of its SUPP--), so an
    annotated CRF can be generated from the registry; a findings test code agrees with
    the one the export writes (ecrf/sdtm/terms.py)."""
    exported = {d.name: d for d in (*terms.PARENTS, terms.TS)}
    known = set().union(*(d.variables for d in exported.values()))
    vs_codes = {field: code for field, code, _test, _unit in terms.VITALS}
    for entry in form_registry.entries():
        if entry.sdtm_variables:
            assert entry.sdtm_domain, entry.label
        for field, annotation in entry.sdtm_variables.items():
            variable = annotation.split()[0]
            assert variable.isupper() and len(variable) <= 8, annotation
            if " in SUPP" in annotation:
                continue
            if annotation.split()[0][:2] in exported:
                assert variable in known, f"{entry.label}.{field}: {variable}"
            if "VSTESTCD=" in annotation and field in vs_codes:
                assert annotation.endswith(f"VSTESTCD={vs_codes[field]}")


def _named_forms(node: ast.AST, names: set[str]) -> list[str]:
    found = []
    for element in itertools.chain(
        getattr(node, "elts", ()), getattr(node, "keys", ()), getattr(node, "values", ())
    ):
        if isinstance(element, ast.Name) and element.id in names:
            found.append(element.id)
        elif isinstance(element, ast.Constant) and element.value in names:
            found.append(element.value)
    return found


def test_no_other_module_keeps_a_list_of_forms():
    """Lifecycle, voiding, queries, sign-off, locking, the casebook and the exports ask the
    registry; a tuple, list, set or dict naming three registered forms elsewhere is a
    second list that must agree with it (the five parallel lists issue 20 removed)."""
    names = set()
    for entry in form_registry.entries():
        names |= {entry.model.__name__, entry.name, entry.label}
    offenders = []
    for path in sorted(itertools.chain(ROOT.glob("ecrf/**/*.py"), ROOT.glob("studies/**/*.py"))):
        relative = path.relative_to(ROOT).as_posix()
        if any(part in f"/{relative}" for part in ALLOWED):
            continue
        tree = ast.parse(path.read_text())
        # A protocol's visits name the forms expected at each (Visit(forms=...)): that is
        # the schedule's declaration, not a list of what the forms are.
        visit_forms = {
            id(k.value) for k in ast.walk(tree) if isinstance(k, ast.keyword) and k.arg == "forms"
        }
        for node in ast.walk(tree):
            if id(node) in visit_forms:
                continue
            if isinstance(node, ast.Tuple | ast.List | ast.Set | ast.Dict):
                found = _named_forms(node, names)
                if len(set(found)) >= 3:
                    offenders.append(f"{relative}:{node.lineno} {sorted(set(found))}")
    assert not offenders, "\n".join(offenders)
