"""One registry of the casebook's records: each model declares once, in one call beside its
class, what it is (issue 20 item 1). Modelled on Django admin's `site.register`.

    form_registry.register(
        AdverseEvent,
        casebook_order=140,
        page="ecrf:ae_detail",
        page_kwargs={"ae_number": "number"},
        voidable=True,
        queryable=True,
        signable=True,
        sdtm_domain="AE",
        sdtm_variables={"verbatim_term": "AETERM", ...},
    )

Lifecycle, voiding, queries, sign-off, locking, the casebook and the exports read these
entries; none keeps a list of its own (tests/test_form_registry.py checks it). A new CRF
is a model, a form, an action and one entry here (plus its migration and template).

Registration happens when ecrf.models is imported (the calls stand beside the classes),
so the registry is complete before any request, command or check runs. Nothing else
here imports the models.
"""

from __future__ import annotations

import operator
from collections.abc import Mapping
from dataclasses import dataclass, field

from django.core.exceptions import ImproperlyConfigured
from django.db import models
from django.urls import reverse


@dataclass(frozen=True)
class FormEntry:
    """What one record of a casebook is."""

    model: type[models.Model]
    # Its place in the casebook: query pickers, the sign-off list and the casebook
    # signature's forms follow it (smaller first).
    casebook_order: int
    # The URL name of the page that shows the record ("" for the casebook), and its URL
    # arguments beyond the study and subject: argument -> attribute path on the record.
    page: str = ""
    page_kwargs: Mapping[str, str] = field(default_factory=dict)
    # A row of the casebook's clinical forms: its count, or for a form kept once per
    # subject its status and `casebook_summary()` (read from `summary_columns` of the
    # live one); `add_page` enters a new one. `after_enrolment`: listed once the subject
    # is enrolled (or has one).
    casebook_row: bool = False
    add_page: str = ""
    one_per_subject: bool = False
    summary_columns: tuple[str, ...] = ()
    after_enrolment: bool = False
    # The field naming the visit a record was done at ("SCR", "FS+28"): the schedule
    # counts it at that visit only (ecrf/schedule.py). "" for a form that says none.
    visit_field: str = ""
    # Listed in a casebook only when the study's protocol expects it at a visit.
    only_where_expected: bool = False
    # Voided as entered in error from the void page (issue 4).
    voidable: bool = False
    # A data clarification query may be raised on it (issue 4 item 6).
    queryable: bool = False
    # A form of the lifecycle (ecrf/lifecycle.py): source-verified, signed and locked one
    # by one, and covered by the casebook signature. Only CaseReportForm models.
    signable: bool = False
    # Covered by the casebook signature at its current version, though not verified or
    # signed one by one: a record without a form status, complete once saved (the
    # eligibility answers, the enrolment; issue 19 item 4).
    casebook_signature: bool = False
    # Rows that exist only as part of the form (reverse relations), voided with it.
    parts: tuple[str, ...] = ()
    # A study's own fields kept beside a core form (studies/<study>/models.py, issue 20
    # item 3): the name of the foreign key to that form. One live row per form, saved by
    # the form's action (`study_parts`), voided with it (`parts_of`).
    part_of: str = ""
    # The lookup from a record to its subject ("" for the subject itself).
    subject_path: str = "subject"
    # What the record's name reads beyond its subject (select_related), e.g. a result's panel.
    name_reads: tuple[str, ...] = ()
    # The SDTM domain its data go to ("" if none), and each field's SDTM variable, in
    # annotated-CRF notation: "AETERM", "VSORRES where VSTESTCD=SYSBP", "AERELDEV in SUPPAE".
    sdtm_domain: str = ""
    sdtm_variables: Mapping[str, str] = field(default_factory=dict)

    @property
    def label(self) -> str:
        return self.model._meta.label_lower

    @property
    def name(self) -> str:
        return self.model._meta.model_name

    def subject_of(self, record):
        if not self.subject_path:
            return record
        return operator.attrgetter(self.subject_path.replace("__", "."))(record)

    def of_subject(self, subject) -> models.QuerySet:
        """The subject's live records, with what their names read (not for the subject)."""
        related = (self.subject_path, *self.name_reads)
        return self.model.objects.filter(**{self.subject_path: subject}).select_related(*related)


_entries: dict[type[models.Model], FormEntry] = {}


def register(model: type[models.Model], **options) -> None:
    """Declare a record of the casebook (one call beside its class)."""
    if model in _entries:
        raise ImproperlyConfigured(f"{model._meta.label} is registered twice")
    _entries[model] = FormEntry(model=model, **options)


def entries(**flags: bool) -> list[FormEntry]:
    """The registered records in casebook order, e.g. entries(signable=True)."""
    found = [e for e in _entries.values() if all(getattr(e, k) == v for k, v in flags.items())]
    return sorted(found, key=lambda e: e.casebook_order)


def form_models(**flags: bool) -> list[type[models.Model]]:
    return [e.model for e in entries(**flags)]


def casebook_signature_models() -> list[type[models.Model]]:
    """What a casebook signature covers: every signable form, and the records it covers
    as they are (eligibility, enrolment), in casebook order."""
    return [e.model for e in entries() if e.signable or e.casebook_signature]


def entry(model: type[models.Model]) -> FormEntry | None:
    return _entries.get(model)


def by_label(label: str, **flags: bool) -> type[models.Model] | None:
    """The model of "ecrf.adverseevent" among the entries with these flags."""
    return next((e.model for e in entries(**flags) if e.label == label), None)


def by_name(model_name: str, **flags: bool) -> type[models.Model] | None:
    """The model of "adverseevent" among the entries with these flags."""
    return next((e.model for e in entries(**flags) if e.name == model_name), None)


def parts_of(model: type[models.Model]) -> tuple[str, ...]:
    """The reverse relations voided with a record of the model: its declared parts and
    the study parts registered `part_of` it."""
    found = _entries.get(model)
    return (found.parts if found else ()) + study_part_names(model)


def study_part_names(model: type[models.Model], package: str = "") -> tuple[str, ...]:
    """The reverse relations from a core form to the study parts of it (every study's,
    or the package's), for prefetch_related() (e.g. "functional_hepatocytes")."""
    return tuple(
        e.model._meta.get_field(e.part_of).remote_field.get_accessor_name()
        for e in study_parts(model, package)
    )


def study_parts(model: type[models.Model], package: str = "") -> list[FormEntry]:
    """The study parts of a core form: every study's, or only the package's
    ("studies.cips_bal")."""
    return [
        e
        for e in entries()
        if e.part_of
        and e.model._meta.get_field(e.part_of).related_model is model
        and (not package or e.model._meta.app_config.name == package)
    ]


def study_values(record, package: str) -> list[tuple[str, object]]:
    """(label, value) of the study's own fields of a form (its parts in the study's
    package, prefetched), for the form's page: each field as entered, then what the part
    derives (`derived()`, e.g. CiPS-BAL's GRWR)."""
    shown = []
    for name in study_part_names(type(record), package):
        for part in getattr(record, name).all():
            for f in part._meta.concrete_fields:
                if f.editable and not f.is_relation:
                    value = getattr(part, f.name)
                    if f.choices:
                        value = dict(f.flatchoices).get(value, value)
                    shown.append((f.verbose_name, value))
            if hasattr(part, "derived"):
                shown += part.derived()
    return shown


def page_url(record, *, registry_id: str, number: str) -> str:
    """The page that shows the record; the casebook for a record without one."""
    base = {"registry_id": registry_id, "number": number}
    found = _entries.get(type(record))
    if found is None or not found.page:
        return reverse("ecrf:casebook", kwargs=base)
    kwargs = {k: operator.attrgetter(path)(record) for k, path in found.page_kwargs.items()}
    return reverse(found.page, kwargs=base | kwargs)
