"""The annotated CRF (issue 22 item 5): each case report form of a study as a blank page,
every field annotated with the SDTM domain and variable it goes to, in the classic aCRF
style (a coloured box at the right margin, "NOT SUBMITTED" for a field that goes to no
variable). CDE's 2020 guideline and the FDA's Study Data Technical Conformance Guide ask
for it beside the datasets; define.xml 2.1 points each collected variable at its pages.

It is generated from the form registry (ecrf/form_registry.py: each form's SDTM domain
and each field's variable), from the forms the entry pages use (their labels with the
units, their choice lists) and from the study's protocol (which forms it has, its
registration and session forms, its lab panels), so it cannot drift from what the
pages collect or the exports write. English only, in reportlab's standard fonts: the
annotations and the SDTM datasets are CDISC English.

    python manage.py acrf NCT06996392 --output acrf.pdf
"""

from __future__ import annotations

import importlib
import io
import pkgutil
from collections.abc import Iterable
from dataclasses import dataclass, field

from django import forms
from django.db import models
from django.utils import timezone, translation
from django.utils.module_loading import import_string
from django.utils.text import capfirst
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen import canvas

from ecrf import form_registry
from ecrf.lab_catalogue import CATALOGUE, PANEL_TESTS
from ecrf.protocol import Protocol

NOT_SUBMITTED = "NOT SUBMITTED"

# What a field of a record is that no form asks: the record's own bookkeeping.
BOOKKEEPING = {"id", "version", "created_at", "updated_at", "created_by", "updated_by"}

# The classic aCRF's colours, one per domain on a page (pale fill, dark border).
PALETTE = [
    (colors.HexColor("#cfe2ff"), colors.HexColor("#084298")),
    (colors.HexColor("#fff3cd"), colors.HexColor("#997404")),
    (colors.HexColor("#d1e7dd"), colors.HexColor("#0f5132")),
    (colors.HexColor("#f8d7da"), colors.HexColor("#842029")),
    (colors.HexColor("#e2d9f3"), colors.HexColor("#432874")),
]
GREY = (colors.HexColor("#eeeeee"), colors.HexColor("#555555"))

PAGE_WIDTH, PAGE_HEIGHT = A4
LEFT, RIGHT, TOP, BOTTOM = 15 * mm, PAGE_WIDTH - 12 * mm, PAGE_HEIGHT - 15 * mm, 18 * mm
LABEL_WIDTH = 55 * mm
ANSWER_X = LEFT + LABEL_WIDTH + 3 * mm
NOTE_X = RIGHT - 55 * mm  # the annotation column
ANSWER_WIDTH = NOTE_X - ANSWER_X - 3 * mm
NOTE_WIDTH = RIGHT - NOTE_X
FONT, BOLD, SIZE = "Helvetica", "Helvetica-Bold", 8.5
LINE = 11
# A choice list longer than this is a picker on the page (the CTCAE terms): named, not
# printed term by term.
LONGEST_LIST = 15


@dataclass(frozen=True)
class Question:
    """One field as the entry page asks it, and where its answer goes."""

    name: str
    label: str
    kind: str  # text, number, date, datetime, time, choice, choices, yes, yesno
    choices: tuple[str, ...] = ()
    annotation: str = NOT_SUBMITTED
    domain: str = ""

    @property
    def submitted(self) -> bool:
        return self.annotation != NOT_SUBMITTED


@dataclass(frozen=True)
class Form:
    """A case report form of the study, as its blank page shows it."""

    entry: form_registry.FormEntry
    title: str
    questions: tuple[Question, ...]


@dataclass
class Annotated:
    """The aCRF of one study: the PDF, and each form's and annotation's pages."""

    pdf: bytes
    forms: list[Form]
    pages: dict[str, list[int]] = field(default_factory=dict)  # form label -> its pages
    # (form label, field name) -> the page its annotation stands on
    fields: dict[tuple[str, str], int] = field(default_factory=dict)

    def pages_of(self, domain: str, annotation: str) -> list[int]:
        """The pages where an annotation of `domain` ("AETERM", "AEOTHSP in SUPPAE")
        stands."""
        found = set()
        for form in self.forms:
            for question in form.questions:
                if question.domain == domain and question.annotation == annotation:
                    found.add(self.fields[form.entry.label, question.name])
        return sorted(found)


# --- What each form asks ----------------------------------------------------------------


def _model_forms() -> list[type[forms.ModelForm]]:
    """Every ModelForm of the entry pages (ecrf/forms/ and the studies' forms)."""
    import ecrf.forms

    for module in pkgutil.iter_modules(ecrf.forms.__path__):
        importlib.import_module(f"ecrf.forms.{module.name}")
    found, pending = [], list(forms.ModelForm.__subclasses__())
    while pending:
        form = pending.pop()
        found.append(form)
        pending.extend(form.__subclasses__())
    return found


def entry_form(entry: form_registry.FormEntry, protocol: Protocol) -> type[forms.Form] | None:
    """The form the entry page of `entry` uses in this study: the study's own registration
    and session forms, otherwise the ModelForm of the record's model that asks the most."""
    if entry.label == "ecrf.subject":
        return import_string(protocol.registration_form)
    if entry.label == "ecrf.treatmentsession":
        return import_string(protocol.session_form)
    candidates = [
        form
        for form in _model_forms()
        if getattr(form._meta, "model", None) is entry.model and form.__module__.startswith("ecrf")
    ]
    if not candidates:
        return None
    return max(candidates, key=lambda form: (len(form.base_fields), form.__name__))


def _choices(field) -> tuple[str, ...]:
    """A field's choice labels, the groups of a grouped list flattened."""
    found = []
    for value, label in field.choices:
        if isinstance(label, list | tuple):
            found += [str(inner) for inner_value, inner in label if inner_value not in ("", None)]
        elif value not in ("", None):
            found.append(str(label))
    return tuple(found)


def _kind(field) -> tuple[str, tuple[str, ...]]:
    """How the page asks a form field: its kind and its choices."""
    if isinstance(field, forms.ModelChoiceField):
        return "text", ()
    if isinstance(field, forms.MultipleChoiceField):
        return "choices", _choices(field)
    if isinstance(field, forms.NullBooleanField):
        return "yesno", ()
    if isinstance(field, forms.BooleanField):
        return "yes", ()
    if isinstance(field, forms.ChoiceField):
        return "choice", _choices(field)
    if isinstance(field, forms.DateTimeField):
        return "datetime", ()
    if isinstance(field, forms.DateField):
        return "date", ()
    if isinstance(field, forms.TimeField):
        return "time", ()
    if isinstance(field, forms.IntegerField | forms.DecimalField | forms.FloatField):
        return "number", ()
    return "text", ()


def _model_field_kind(model_field: models.Field) -> tuple[str, tuple[str, ...]]:
    """How a model field not on the entry form would be asked (a value the page shows)."""
    if model_field.choices:
        return "choice", tuple(str(label) for _value, label in model_field.flatchoices)
    if isinstance(model_field, models.BooleanField):
        return ("yesno" if model_field.null else "yes"), ()
    if isinstance(model_field, models.DateTimeField):
        return "datetime", ()
    if isinstance(model_field, models.DateField):
        return "date", ()
    if isinstance(model_field, models.TimeField):
        return "time", ()
    if isinstance(model_field, models.IntegerField | models.DecimalField | models.FloatField):
        return "number", ()
    return "text", ()


SUPERSCRIPTS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")


def printable(text) -> str:
    """The text in what reportlab's standard fonts can show (Windows-1252): "×10⁹" reads
    "×10^9"; any other character they lack becomes "?"."""
    shown = []
    for char in str(text):
        if char in "⁰¹²³⁴⁵⁶⁷⁸⁹":
            char = "^" + char.translate(SUPERSCRIPTS)
        try:
            char.encode("cp1252")
        except UnicodeEncodeError:
            char = "?"
        shown.append(char)
    return "".join(shown)


def _question(entry, name: str, label, kind: str, choices: tuple[str, ...]) -> Question:
    annotation = entry.sdtm_variables.get(name, NOT_SUBMITTED)
    domain = entry.sdtm_domain if annotation != NOT_SUBMITTED else ""
    shown = tuple(printable(choice) for choice in choices)
    return Question(name, printable(capfirst(str(label))), kind, shown, annotation, domain)


def questions(entry: form_registry.FormEntry, protocol: Protocol) -> tuple[Question, ...]:
    """The entry page's fields in its order, then every other field the registry gives a
    variable (the values the page derives and shows: a lab result's grade, an AE's SOC)."""
    asked: list[Question] = []
    form = entry_form(entry, protocol)
    if form is not None:
        for name, form_field in form.base_fields.items():
            kind, choices = _kind(form_field)
            label = form_field.label or name.replace("_", " ")
            asked.append(_question(entry, name, label, kind, choices))
    names = {question.name for question in asked}
    for name in entry.sdtm_variables:
        if name in names:
            continue
        model_field = entry.model._meta.get_field(name)
        kind, choices = _model_field_kind(model_field)
        asked.append(_question(entry, name, model_field.verbose_name, kind, choices))
        names.add(name)
    if form is None:
        # A record no form of its own enters (the deviation, an eligibility answer): the
        # fields a person gives on the page that makes it.
        for model_field in entry.model._meta.get_fields():
            if (
                not model_field.concrete
                or model_field.auto_created
                or model_field.name in names | BOOKKEEPING
                or not model_field.editable
                or model_field.is_relation
                or model_field.name.startswith("void")
            ):
                continue
            kind, choices = _model_field_kind(model_field)
            label = model_field.verbose_name
            asked.append(_question(entry, model_field.name, label, kind, choices))
    return tuple(asked)


def lab_questions(protocol: Protocol) -> tuple[Question, ...]:
    """The lab panel page's grid: each test of the study's panels, in its standard unit,
    annotated with the result's value-level variable."""
    rows = []
    for panel in protocol.panels:
        for code in PANEL_TESTS.get(panel, ()):
            test = CATALOGUE[code]
            unit = "" if test.qualitative else f" ({test.standard_unit.label})"
            rows.append(
                Question(
                    f"{panel}.{code}",
                    printable(f"{test.name}{unit}"),
                    "text" if test.qualitative else "number",
                    annotation=f"LBORRES where LBTESTCD={code}",
                    domain="LB",
                )
            )
    return tuple(rows)


def study_forms(protocol: Protocol) -> list[Form]:
    """The study's forms in casebook order: every registered form but those kept only where
    the protocol expects them (and it does not)."""
    found = []
    for entry in form_registry.entries():
        if entry.only_where_expected and not protocol.expects(entry.label):
            continue
        asked = questions(entry, protocol)
        if entry.label == "ecrf.labpanel":
            asked += lab_questions(protocol)
        found.append(Form(entry, capfirst(str(entry.model._meta.verbose_name)), asked))
    return found


# --- The PDF -------------------------------------------------------------------------------


def _wrap(text: str, width: float, font: str = FONT, size: float = SIZE) -> list[str]:
    lines, line = [], ""
    for word in text.split():
        candidate = f"{line} {word}".strip()
        if stringWidth(candidate, font, size) <= width or not line:
            line = candidate
        else:
            lines.append(line)
            line = word
    return [*lines, line] if line else lines or [""]


def _answer_lines(question: Question) -> list[str]:
    """The answer area as text lines: boxes for choices, a line (or a date's parts) else."""
    box = "[  ]"
    if question.kind in ("choice", "choices") and len(question.choices) > LONGEST_LIST:
        return _wrap(
            f"Chosen from a list of {len(question.choices)} terms "
            f"({question.choices[0]}, {question.choices[1]}, ...)",
            ANSWER_WIDTH,
        )
    if question.kind in ("choice", "choices"):
        items = [f"{box} {choice}" for choice in question.choices] or ["_" * 30]
        lines, line = [], ""
        for item in items:
            candidate = f"{line}    {item}" if line else item
            if line and stringWidth(candidate, FONT, SIZE) > ANSWER_WIDTH:
                lines.append(line)
                line = item
            else:
                line = candidate
        return [piece for line in [*lines, line] for piece in _wrap(line, ANSWER_WIDTH)]
    return [
        {
            "yes": f"{box} Yes",
            "yesno": f"{box} Yes    {box} No",
            "date": "____-__-__   (YYYY-MM-DD)",
            "datetime": "____-__-__  __:__   (YYYY-MM-DD hh:mm)",
            "time": "__:__   (hh:mm)",
            "number": "|__|__|__|__|__|",
        }.get(question.kind, "_" * 36)
    ]


class _Writer:
    """Lays the forms out page by page and notes where each annotation stands."""

    def __init__(self, study_title: str, registry_id: str):
        self.buffer = io.BytesIO()
        self.canvas = canvas.Canvas(self.buffer, pagesize=A4, invariant=True)
        self.canvas.setTitle(f"Annotated CRF - {registry_id}")
        self.canvas.setAuthor("BAL eCRF")
        self.canvas.setSubject(study_title)
        self.registry_id = registry_id
        self.page = 0
        self.y = TOP
        self.colours: dict[str, tuple] = {}

    def colour(self, domain: str):
        if not domain:
            return GREY
        if domain not in self.colours:
            self.colours[domain] = PALETTE[len(self.colours) % len(PALETTE)]
        return self.colours[domain]

    def new_page(self, form: Form, continued: bool = False) -> None:
        if self.page:
            self._footer()
            self.canvas.showPage()
        self.page += 1
        self.colours = {}
        c = self.canvas
        c.setFont(BOLD, 12)
        title = form.title + (" (continued)" if continued else "")
        c.drawString(LEFT, TOP, title)
        c.setFont(FONT, SIZE)
        c.drawString(LEFT, TOP - 13, f"Study {self.registry_id}")
        self.y = TOP - 16
        if form.entry.sdtm_domain:
            self._note(
                f"{form.entry.sdtm_domain} ({_domain_label(form.entry.sdtm_domain)})",
                form.entry.sdtm_domain,
                TOP + 4,
                bold=True,
            )
        c.setStrokeColor(colors.black)
        c.line(LEFT, self.y - 4, RIGHT, self.y - 4)
        self.y -= 8 + LINE

    def _footer(self) -> None:
        self.canvas.setFont(FONT, 7)
        self.canvas.drawString(LEFT, BOTTOM - 8 * mm, f"Annotated CRF {self.registry_id}")
        self.canvas.drawRightString(RIGHT, BOTTOM - 8 * mm, f"Page {self.page}")

    def _note(self, text: str, domain: str, y: float, bold: bool = False) -> float:
        """An annotation box at the right margin, its top at y; returns its height."""
        fill, border = self.colour(domain)
        lines = _wrap(text, NOTE_WIDTH - 4, BOLD if bold else FONT)
        height = len(lines) * LINE + 3
        c = self.canvas
        c.setFillColor(fill)
        c.setStrokeColor(border)
        c.rect(NOTE_X, y - height + 2, NOTE_WIDTH, height, fill=1, stroke=1)
        c.setFillColor(border)
        c.setFont(BOLD if bold else FONT, SIZE)
        for n, line in enumerate(lines):
            c.drawString(NOTE_X + 2, y - 7 - n * LINE, line)
        c.setFillColor(colors.black)
        return height

    def question(self, form: Form, question: Question) -> int:
        label = _wrap(question.label, LABEL_WIDTH)
        answer = _answer_lines(question)
        note = _wrap(question.annotation, NOTE_WIDTH - 4)
        height = max(len(label), len(answer), len(note)) * LINE + 5
        if self.y - height < BOTTOM:
            self.new_page(form, continued=True)
        c = self.canvas
        c.setFont(FONT, SIZE)
        for n, line in enumerate(label):
            c.drawString(LEFT, self.y - n * LINE, line)
        for n, line in enumerate(answer):
            c.drawString(ANSWER_X, self.y - n * LINE, line)
        self._note(question.annotation, _dataset(question), self.y + 8)
        self.y -= height
        return self.page

    def finish(self) -> bytes:
        self._footer()
        self.canvas.showPage()
        self.canvas.save()
        return self.buffer.getvalue()


def _dataset(question: Question) -> str:
    """The domain an annotation's box is coloured by: its variable's dataset (the subject's
    height is VS's, on the DM page), a SUPP-- dataset's parent's."""
    if not question.submitted:
        return ""
    from ecrf.sdtm.define import annotation_target

    return annotation_target(question.domain, question.annotation)[0].removeprefix("SUPP")


def _domain_label(domain: str) -> str:
    from ecrf.sdtm.terms import PARENTS

    return next((d.label for d in PARENTS if d.name == domain), domain)


def build(protocol: Protocol, title: str = "") -> Annotated:
    """The study's aCRF: a title page, then each form on its own page(s)."""
    with translation.override("en"):
        found = study_forms(protocol)
        writer = _Writer(title or protocol.title, protocol.registry_id)
        annotated = Annotated(b"", found)
        _title_page(writer, protocol, found)
        for form in found:
            writer.new_page(form)
            first = writer.page
            for question in form.questions:
                annotated.fields[form.entry.label, question.name] = writer.question(form, question)
            annotated.pages[form.entry.label] = list(range(first, writer.page + 1))
        annotated.pdf = writer.finish()
    return annotated


def _title_page(writer: _Writer, protocol: Protocol, found: Iterable[Form]) -> None:
    writer.page = 1
    c = writer.canvas
    c.setFont(BOLD, 16)
    c.drawString(LEFT, TOP, "Annotated Case Report Form")
    c.setFont(FONT, 10)
    y = TOP - 20
    for line in _wrap(f"{protocol.registry_id}: {protocol.title}", RIGHT - LEFT, FONT, 10):
        c.drawString(LEFT, y, line)
        y -= 13
    y -= 6
    for line in (
        "Each form of the study as a blank page, every field annotated at the right with",
        "the SDTM domain and variable it is submitted in (SDTMIG 3.4); NOT SUBMITTED marks",
        "a field that goes to no dataset. Generated by the BAL eCRF from its form registry",
        f"on {timezone.localdate().isoformat()}.",
    ):
        c.drawString(LEFT, y, line)
        y -= 13
    y -= 10
    c.setFont(BOLD, 10)
    c.drawString(LEFT, y, "Forms")
    c.setFont(FONT, 10)
    for form in found:
        y -= 13
        domain = form.entry.sdtm_domain or "-"
        c.drawString(LEFT + 4 * mm, y, f"{form.title}  ({domain})")
