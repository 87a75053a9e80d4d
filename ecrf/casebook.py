"""The casebook as the subject's hub (issue 19 item 1), as REDCap's record home page is: every
expected form of every visit is a cell with its status, its open queries, and whether it is
source-verified and signed, linking to its form; the subject's adverse events inline; and
the next form to enter after a save.

The cells are the schedule's (ecrf/schedule.py, read from the protocol modules' visits),
the screening forms of the casebook before them; where a cell links is the form
registry's (its page, its add page). Nothing here lists forms of its own. Queries,
verifications and signatures are read for the whole subject in three queries, whatever
the number of forms.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.db.models import Count
from django.urls import reverse
from django.utils.translation import gettext as _

from ecrf import form_registry
from ecrf.lab_catalogue import Panel
from ecrf.models import (
    AdverseEvent,
    DataQuery,
    Enrolment,
    Signature,
    SourceVerification,
    Subject,
    SubjectStatus,
)
from ecrf.models.queries import QueryStatus
from ecrf.safety import any_component_related
from ecrf.schedule import LABS, SESSION, ExpectedForm, FormState, ScheduledVisit

# A cell still to be entered: the "next form" after a save is the first of these.
TO_ENTER = (FormState.IN_PROGRESS, FormState.OVERDUE, FormState.EXPECTED)

BADGES = {
    FormState.COMPLETE: "bg-success",
    FormState.IN_PROGRESS: "bg-warning text-dark",
    FormState.OVERDUE: "bg-danger",
    FormState.MISSING: "bg-dark",
}


@dataclass
class Cell:
    """One expected form of one visit, as the casebook shows it."""

    name: str
    status: str
    url: str = ""
    open_queries: int = 0
    verified: bool = False  # every record of it source-verified at its current version
    signed: bool = False  # every record of it signed at its current version
    signable: bool = False  # verified and signed form by form (the registry's `signable`)
    detail: str = ""  # e.g. the arm of an enrolment, the criteria not met
    actions: list[tuple[str, str, str]] = field(default_factory=list)  # (text, url, id)

    @property
    def status_label(self) -> str:
        return str(FormState(self.status).label)

    @property
    def badge(self) -> str:
        return BADGES.get(self.status, "bg-secondary")

    @property
    def to_enter(self) -> bool:
        return self.status in TO_ENTER


@dataclass
class VisitRow:
    visit: ScheduledVisit
    cells: list[Cell]

    def __getattr__(self, name):  # the visit's dates and labels, as the template reads them
        return getattr(self.visit, name)


class Marks:
    """The subject's open queries per record and its verifications and signatures in force:
    three queries for the whole casebook."""

    def __init__(self, subject: Subject):
        self.queries = Counter()
        rows = (
            DataQuery.objects.filter(subject=subject, status=QueryStatus.OPEN)
            .values_list("content_type_id", "object_id")
            .annotate(n=Count("pk"))
            .order_by()
        )
        for content_type_id, object_id, n in rows:
            self.queries[(content_type_id, object_id)] = n
        self.verified = set(
            SourceVerification.objects.filter(subject=subject).values_list(
                "content_type_id", "object_id", "form_version"
            )
        )
        self.signed = set(
            Signature.objects.filter(subject=subject, content_type__isnull=False).values_list(
                "content_type_id", "object_id", "form_version"
            )
        )

        # The content type of every registered form, in one query at most (then cached).
        models = [entry.model for entry in form_registry.entries()]
        self.types = {
            model._meta.label_lower: content_type.pk
            for model, content_type in ContentType.objects.get_for_models(*models).items()
        }

    def type_id(self, label: str) -> int:
        return self.types[label]

    def open_queries(self, label: str, pks) -> int:
        content_type = self.type_id(label)
        return sum(self.queries[(content_type, pk)] for pk in pks)

    def all_open_queries(self, label: str) -> int:
        content_type = self.type_id(label)
        return sum(n for (ct, _pk), n in self.queries.items() if ct == content_type)

    def in_force(self, label: str, records, found: set) -> bool:
        content_type = self.type_id(label)
        return bool(records) and all((content_type, r.pk, r.version) in found for r in records)


def _url(name: str, subject: Subject, **kwargs) -> str:
    ids = {"registry_id": subject.study.registry_id, "number": subject.screening_number}
    return reverse(name, kwargs=ids | kwargs)


def cell_url(subject: Subject, form: ExpectedForm, *, can_enter: bool) -> str:
    """Where an expected form's cell leads: the form registry's page of its record (a
    session's own page), its add page when none is saved yet and the reader enters data,
    the lab page at the visit's timepoint for its panels."""
    if form.label == LABS:
        return _url("ecrf:labs_subject", subject) + f"#tp-{form.timepoint}"
    if form.label == SESSION:
        if form.records:
            return _url("ecrf:session_detail", subject, session_number=form.session_number)
        return _url("ecrf:session_new", subject) if can_enter else ""
    entry = form_registry.entry(form_registry.by_label(form.label))
    if not form.records and can_enter and entry.add_page:
        return _url(entry.add_page, subject)
    return _url(entry.page, subject) if entry.page else ""


def _screening_cells(subject, eligibility, marks: Marks, *, can_enter: bool) -> list[Cell]:
    """Registration, the eligibility checklist and enrolment (or screen failure): the
    casebook's own forms of the screening visit. Someone who only reads is led to each
    one's history (the values as saved, who saved them)."""
    failed = subject.status == SubjectStatus.SCREEN_FAILED
    enter = can_enter and not failed

    def history(record) -> str:
        return _url(
            "ecrf:audit_record_history", subject, model=record._meta.label_lower, pk=record.pk
        )

    registration = Cell(
        str(_("Registration and consent")),
        FormState.COMPLETE,
        _url("ecrf:subject_edit", subject) if enter else history(subject),
        marks.open_queries("ecrf.subject", [subject.pk]),
    )
    if eligibility.complete:
        state = FormState.COMPLETE
        refusals = ", ".join(r.rule for r in eligibility.refusals)
        detail = _("eligible") if eligibility.eligible else _("not eligible") + ": " + refusals
    else:
        state = FormState.IN_PROGRESS if eligibility.answers else FormState.EXPECTED
        detail = ""
    checklist = Cell(
        str(_("Eligibility checklist")),
        state,
        _url("ecrf:eligibility", subject) if enter else _url("ecrf:audit_subject_history", subject),
        marks.all_open_queries("ecrf.eligibilityanswer"),
        detail=detail,
    )
    cells = [registration, checklist]
    failure = getattr(subject, "screen_failure", None)
    if failure is not None:
        cells.append(
            Cell(
                str(_("Screen failure")),
                FormState.COMPLETE,
                history(failure),
                marks.open_queries("ecrf.screenfailure", [failure.pk]),
                detail=", ".join(failure.failed_criteria) or failure.other_reason,
            )
        )
        return cells
    enrolment = getattr(subject, "enrolment", None)
    if enrolment is not None and subject.status == SubjectStatus.ENROLLED:
        cells.append(
            Cell(
                str(Enrolment._meta.verbose_name).capitalize(),
                FormState.COMPLETE,
                history(enrolment),
                marks.open_queries("ecrf.enrolment", [enrolment.pk]),
                detail=f"{enrolment.arm.code} — {enrolment.arm.localised_label}",
            )
        )
        return cells
    cell = Cell(str(Enrolment._meta.verbose_name).capitalize(), FormState.EXPECTED)
    if can_enter and subject.status == SubjectStatus.SCREENING:
        cell.url = _url("ecrf:enrol", subject)
        cell.actions = [
            (_("Enrol"), cell.url, "enrol-link"),
            (_("Screen failure"), _url("ecrf:screen_failure", subject), "screen-failure-link"),
        ]
    cells.append(cell)
    return cells


def visit_cells(subject: Subject, schedule: list[ScheduledVisit], eligibility, *, can_enter: bool):
    """The schedule's visits with a cell for each expected form, the screening visit led by
    the casebook's own screening forms (three queries: queries, verifications, signatures)."""
    marks = Marks(subject)
    rows = []
    for visit in schedule:
        cells = []
        for form in visit.forms:
            if form.label == "ecrf.subject":
                continue  # among the screening cells
            entry = form_registry.entry(form_registry.by_label(form.label))
            pks = [r.pk for r in form.records]
            cells.append(
                Cell(
                    form.name,
                    form.status,
                    cell_url(subject, form, can_enter=can_enter),
                    marks.open_queries(form.label, pks),
                    verified=marks.in_force(form.label, form.records, marks.verified),
                    signed=marks.in_force(form.label, form.records, marks.signed),
                    signable=entry.signable,
                    # The panels expected there, by the subject's version on its date.
                    detail=", ".join(str(Panel(p).label) for p in form.panels),
                )
            )
        if not rows:
            cells = _screening_cells(subject, eligibility, marks, can_enter=can_enter) + cells
        rows.append(VisitRow(visit, cells))
    return rows, marks


def adverse_events(subject: Subject, marks: Marks) -> list[AdverseEvent]:
    """The subject's adverse events for the casebook (live and voided, voided last), each
    with its open queries: one query."""
    events = list(AdverseEvent.all_objects.filter(subject=subject).order_by("voided_at", "number"))
    content_type = marks.type_id("ecrf.adverseevent")
    for ae in events:
        ae.open_queries = marks.queries[(content_type, ae.pk)]
        ae.related = any_component_related(
            ae.related_device, ae.related_cells, ae.related_procedure
        )
        ae.url = _url("ecrf:ae_detail", subject, ae_number=ae.number)
    return events


def next_cell(rows: list[VisitRow], *, skip: set[str]) -> Cell | None:
    """The first cell in casebook order still to be entered, other than those at `skip`
    (the form just saved): "Save and go to next"."""
    for row in rows:
        for cell in row.cells:
            if cell.to_enter and cell.url and cell.url.split("#")[0] not in skip:
                return cell
    return None


def days_overdue(latest: dt.date, today: dt.date) -> int:
    return (today - latest).days
