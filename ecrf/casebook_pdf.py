"""A subject's casebook as a certified copy in PDF (issue 22 item 1): what an investigator
keeps of their subjects' data when a trial or a site closes (ICH E6(R3) 4.x: the
investigator keeps control of a complete copy; FDA's 2024 Q&A on electronic systems).

It holds, from the same code the pages use:
- the schedule (ecrf/schedule.py), as the casebook page shows it;
- every record of the casebook in the form registry's order (ecrf/form_registry.py),
  voided ones included and flagged, each with its values as the pages show them (choice
  labels, yes/no, dates in the site's zone), its parts (a panel's results, a session's
  interruptions), its status (source-verified, signed, frozen, locked: who and when),
  its query threads and its audit trail (ecrf/audit.py, the history page's reading):
  old and new values, who, when in the site's time zone with its UTC offset, and why;
- the signatures with their meaning, the casebook's own included;
- any audit entry of the subject not shown under a record, so that the PDF holds as many
  audit entries as the history page (each is numbered "n of N").

Every font is embedded: LXGW WenKai (ecrf/fonts/, OFL-1.1), a TrueType font that covers
Chinese and Latin, so Chinese text extracts as text. reportlab writes no PDF/A; the
document is otherwise invariant: rendering it twice with nothing changed gives the same
text but for the generation stamp on the first page.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import zoneinfo
from collections.abc import Iterable
from decimal import Decimal
from pathlib import Path
from xml.sax.saxutils import escape

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.template.defaultfilters import yesno
from django.utils import formats, timezone
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from ecrf import audit, form_registry, lifecycle, locking
from ecrf.models import DataQuery, Signature, Subject
from ecrf.reports import _NumberedCanvas
from ecrf.schedule import subject_schedule

FONT = "LXGWWenKai"
FONT_FILE = Path(__file__).parent / "fonts" / "LXGWWenKai-Regular.ttf"
# Columns every record carries for the database's sake, not the form's: shown once as the
# record's "created / changed" line, not as fields.
BOOKKEEPING = {"id", "version", "created_at", "created_by", "updated_at"}
VOIDING = {"voided_at", "voided_by", "void_reason"}


def _font() -> str:
    if FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(FONT, str(FONT_FILE)))
    return FONT


class _Canvas(_NumberedCanvas):
    """ "Page x of y" in the embedded font (no unembedded standard-14 font anywhere)."""

    font = FONT


def _styles() -> dict[str, ParagraphStyle]:
    font = _font()
    base = ParagraphStyle("body", fontName=font, fontSize=8.5, leading=11)
    return {
        "body": base,
        "small": ParagraphStyle("small", parent=base, fontSize=7.5, leading=9.5),
        "muted": ParagraphStyle("muted", parent=base, textColor=colors.grey),
        "title": ParagraphStyle("title", parent=base, fontSize=16, leading=20, spaceAfter=4),
        "h1": ParagraphStyle("h1", parent=base, fontSize=13, leading=16, spaceBefore=10),
        "h2": ParagraphStyle(
            "h2", parent=base, fontSize=10.5, leading=13, spaceBefore=8, keepWithNext=1
        ),
        # A table's caption stays on the page of the table's first rows.
        "caption": ParagraphStyle("caption", parent=base, keepWithNext=1),
    }


# --- Values as the pages show them ----------------------------------------------------------


def moment(value: dt.datetime, tz: zoneinfo.ZoneInfo) -> str:
    """A time in the site's zone with its UTC offset: "2026-12-01 00:30:00+08:00"."""
    return value.astimezone(tz).isoformat(sep=" ", timespec="seconds")


def value_display(record: models.Model, field: models.Field, tz: zoneinfo.ZoneInfo) -> str:
    """One field's value as the pages show it ("" when empty): choice labels, yes/no,
    dates in the language's format, times in the site's zone, numbers as entered."""
    if field.is_relation:
        related = getattr(record, field.name)
        if related is None:
            return ""
        if hasattr(related, "get_username"):
            return related.get_full_name().strip() or related.get_username()
        return str(related)
    value = getattr(record, field.attname)
    if value is None or value == "" or value == []:
        return ""
    if field.choices:
        return str(getattr(record, f"get_{field.name}_display")())
    base = getattr(field, "base_field", None)
    if isinstance(value, list):
        labels = dict(base.flatchoices) if base is not None and base.choices else {}
        return ", ".join(str(labels.get(v, v)) for v in value)
    return plain_display(value, tz)


def plain_display(value, tz: zoneinfo.ZoneInfo) -> str:
    if isinstance(value, bool):
        return yesno(value)
    if isinstance(value, dt.datetime):
        return formats.date_format(timezone.localtime(value, tz), "SHORT_DATETIME_FORMAT")
    if isinstance(value, dt.date):
        return formats.date_format(value, "SHORT_DATE_FORMAT")
    if isinstance(value, dt.time):
        return formats.time_format(value, "TIME_FORMAT")
    if isinstance(value, (Decimal, int, float)):
        return formats.localize(value)
    if isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    return str(value)


def form_fields(model: type[models.Model]) -> list[models.Field]:
    """The fields a form shows: every column but the bookkeeping, the voiding (said
    apart) and the key to the subject (the whole PDF is the subject's)."""
    return [
        f
        for f in model._meta.concrete_fields
        if f.name not in BOOKKEEPING | VOIDING
        and not (f.is_relation and f.related_model is Subject)
    ]


def _part_models() -> set[type[models.Model]]:
    """Models shown only under their form (a lab panel's results, a study's own part)."""
    found = set()
    for entry in form_registry.entries():
        if entry.part_of:
            found.add(entry.model)
        for name in form_registry.parts_of(entry.model):
            found.add(_relation(entry.model, name).related_model)
    return found


def _relation(model: type[models.Model], accessor: str):
    """The reverse relation named by its accessor ("results", "functional_hepatocytes")."""
    return next(r for r in model._meta.related_objects if r.get_accessor_name() == accessor)


def records_of(entry: form_registry.FormEntry, subject: Subject) -> list[models.Model]:
    """The subject's records of a form, voided ones included, in the order entered."""
    if not entry.subject_path:
        return [subject]
    manager = getattr(entry.model, "all_objects", entry.model._default_manager)
    return list(manager.filter(**{entry.subject_path: subject}).order_by("pk"))


def parts_of(record: models.Model, entry: form_registry.FormEntry) -> list[models.Model]:
    """The rows that exist only as part of the record: its declared parts and the study
    parts registered `part_of` its form."""
    found = []
    for name in form_registry.parts_of(type(record)):
        relation = _relation(type(record), name)
        related = relation.related_model
        manager = getattr(related, "all_objects", related._default_manager)
        found += list(manager.filter(**{relation.field.name: record}).order_by("pk"))
    return found


# --- The document -------------------------------------------------------------------------


class _Writer:
    """Lays out one subject's casebook: a list of flowables."""

    def __init__(self, subject: Subject, *, by=None, now: dt.datetime | None = None):
        self.subject = subject
        self.tz = zoneinfo.ZoneInfo(subject.site.time_zone)
        self.by = by
        self.now = now or timezone.now()
        self.styles = _styles()
        self.story: list = []
        history = audit.subject_history(subject)
        self.total = len(history)
        # Each audit entry's number in the history page's order, and the entries of
        # each record still to be shown (every one is shown exactly once).
        self.numbers = {id(e): n for n, e in enumerate(history, 1)}
        self.unshown: dict[tuple[str, str], list[audit.AuditEntry]] = {}
        for entry in history:
            self.unshown.setdefault((entry.model_label, entry.record_id), []).append(entry)
        queries = (
            DataQuery.objects.filter(subject=subject)
            .select_related("raised_by", "content_type")
            .prefetch_related("messages__author")
            .order_by("raised_at", "pk")
        )
        self.queries: dict[tuple[int, int], list[DataQuery]] = {}
        for query in queries:
            self.queries.setdefault((query.content_type_id, query.object_id), []).append(query)

    # Small pieces ---------------------------------------------------------------------------

    def para(self, text: str, style: str = "body") -> Paragraph:
        return Paragraph(escape(str(text)).replace("\n", "<br/>"), self.styles[style])

    def add(self, text: str, style: str = "body") -> None:
        self.story.append(self.para(text, style))

    def table(self, rows: list[list], widths, header: bool = False) -> Table:
        cells = [
            [c if isinstance(c, Paragraph) else self.para(c, "small") for c in r] for r in rows
        ]
        table = Table(cells, colWidths=widths, repeatRows=1 if header else 0)
        style = [
            # A table sets its cells' font even for paragraphs: ours, not Helvetica.
            ("FONTNAME", (0, 0), (-1, -1), FONT),
            ("GRID", (0, 0), (-1, -1), 0.25, colors.lightgrey),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 3),
            ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ]
        if header:
            style.append(("BACKGROUND", (0, 0), (-1, 0), colors.whitesmoke))
        table.setStyle(TableStyle(style))
        return table

    def person(self, user) -> str:
        if user is None:
            return _("the system")
        return user.get_full_name().strip() or user.get_username()

    # Sections ---------------------------------------------------------------------------------

    def cover(self) -> None:
        subject, study = self.subject, self.subject.study
        self.add(_("Casebook: certified copy"), "title")
        self.add(f"{study.registry_id} — {study.title}")
        self.add(f"{subject.site.name} ({subject.site.code})")
        self.add(
            _("Subject %(number)s · %(status)s · times in %(tz)s, the site's time zone")
            % {
                "number": subject.screening_number,
                "status": subject.get_status_display(),
                "tz": subject.site.time_zone,
            }
        )
        lock = locking.subject_lock(subject)
        if lock is not None:
            self.add(
                _("%(level)s by %(who)s on %(when)s: %(reason)s")
                % {
                    "level": lock.get_level_display(),
                    "who": self.person(lock.set_by),
                    "when": moment(lock.set_at, self.tz),
                    "reason": lock.reason,
                }
            )
        # The one line that differs between two renderings of unchanged data.
        self.add(
            _("Generated %(when)s by %(who)s from the eCRF's database.")
            % {"when": moment(self.now, self.tz), "who": self.person(self.by)},
            "muted",
        )
        self.add(
            _(
                "Every form with its values, status, queries and audit trail (%(total)d "
                "audit entries, numbered from 1 to %(total)d in the order they were recorded)."
            )
            % {"total": self.total},
            "muted",
        )

    def schedule(self) -> None:
        self.add(_("Schedule"), "h1")
        rows = [[_("Visit"), _("Target date"), _("Window"), _("Actual"), _("Forms")]]
        for visit in subject_schedule(self.subject):
            window = (
                f"{plain_display(visit.earliest, self.tz)} – {plain_display(visit.latest, self.tz)}"
                if visit.earliest
                else "—"
            )
            forms = "; ".join(f"{f.name}: {f.status_label}" for f in visit.forms)
            rows.append(
                [
                    str(visit.label),
                    plain_display(visit.target, self.tz) if visit.target else "—",
                    window,
                    plain_display(visit.actual, self.tz) if visit.actual else "",
                    forms,
                ]
            )
        self.story.append(self.table(rows, [30 * mm, 22 * mm, 40 * mm, 20 * mm, 68 * mm], True))

    def forms(self) -> None:
        parts = _part_models()
        for entry in form_registry.entries():
            if entry.model in parts:
                continue
            records = records_of(entry, self.subject)
            if not records:
                continue
            self.add(capfirst(entry.model._meta.verbose_name_plural), "h1")
            states = self._lifecycles(entry, records)
            for record in records:
                self.record(entry, record, states.of(record) if states is not None else None)

    def _lifecycles(self, entry, records):
        if not entry.signable:
            return None
        return lifecycle.page_lifecycles(records, tz=self.subject.site.time_zone)

    def record(self, entry, record, state) -> None:
        meta = record._meta
        title = f"{capfirst(meta.verbose_name)} #{record.pk}"
        self.add(title, "h2")
        lines = []
        if getattr(record, "created_at", None):
            lines.append(
                _("Entered %(when)s by %(who)s; version %(version)s, last saved %(saved)s.")
                % {
                    "when": moment(record.created_at, self.tz),
                    "who": self.person(record.created_by),
                    "version": record.version,
                    "saved": moment(record.updated_at, self.tz),
                }
            )
        if getattr(record, "voided_at", None):
            lines.append(
                _("VOIDED %(when)s by %(who)s: %(reason)s")
                % {
                    "when": moment(record.voided_at, self.tz),
                    "who": self.person(record.voided_by),
                    "reason": record.void_reason,
                }
            )
        if state is not None:
            lines.append(_("Status: %(state)s") % {"state": state.label})
            lines += [t for t in (state.verification_text, state.signature_text) if t]
            lines += state.notes
        lock = self._form_lock(record)
        if lock is not None:
            lines.append(
                _("%(level)s by %(who)s on %(when)s: %(reason)s")
                % {
                    "level": lock.get_level_display(),
                    "who": self.person(lock.set_by),
                    "when": moment(lock.set_at, self.tz),
                    "reason": lock.reason,
                }
            )
        for line in lines:
            self.add(line, "muted")
        rows = [
            [capfirst(str(f.verbose_name)), value_display(record, f, self.tz) or "—"]
            for f in form_fields(type(record))
        ]
        self.story.append(self.table(rows, [60 * mm, 120 * mm]))
        shown = [record]
        for part in parts_of(record, entry):
            shown.append(part)
            values = [
                f"{capfirst(str(f.verbose_name))}: {value_display(part, f, self.tz)}"
                for f in form_fields(type(part))
                if value_display(part, f, self.tz) and not f.is_relation
            ]
            voided = _(" (voided)") if getattr(part, "voided_at", None) else ""
            self.add(
                f"{capfirst(part._meta.verbose_name)} #{part.pk}{voided}: " + " · ".join(values),
                "small",
            )
        for item in shown:
            self.query_threads(item)
        self.trail([e for item in shown for e in self._take(item)])

    def _form_lock(self, record):
        if not isinstance(record, models.Model) or not hasattr(record, "subject_id"):
            return None
        return locking.form_locks(self.subject, [record]).get(locking.forms_of(record)[0])

    def _take(self, record) -> list[audit.AuditEntry]:
        return self.unshown.pop((record._meta.label_lower, str(record.pk)), [])

    def query_threads(self, record) -> None:
        content_type = ContentType.objects.get_for_model(record)
        self._thread_rows(self.queries.pop((content_type.pk, record.pk), []))

    def _thread_rows(self, queries: list[DataQuery]) -> None:
        for query in queries:
            head = _("Query Q%(pk)s on %(record)s (%(status)s)%(field)s: %(text)s") % {
                "pk": query.pk,
                "record": query.record_label,
                "status": query.get_status_display(),
                "field": f" — {query.field_label}" if query.field else "",
                "text": query.text,
            }
            rows = [[head, ""]]
            for message in query.messages.all():
                rows.append(
                    [
                        f"{moment(message.at, self.tz)} · {self.person(message.author)}",
                        f"{message.get_kind_display()}: {message.text}".rstrip(": "),
                    ]
                )
            table = self.table(rows, [60 * mm, 120 * mm])
            table.setStyle(TableStyle([("SPAN", (0, 0), (-1, 0))]))
            self.story.append(Spacer(0, 2 * mm))
            self.story.append(table)

    def trail(self, entries: Iterable[audit.AuditEntry], title: str | None = None) -> None:
        entries = sorted(entries, key=lambda e: self.numbers[id(e)])
        if not entries:
            return
        self.story.append(Spacer(0, 2 * mm))
        self.add(title or _("Audit trail"), "caption")
        rows = [[_("No."), _("When"), _("Who"), _("Event"), _("What changed"), _("Reason")]]
        for entry in entries:
            changes = []
            for change in entry.changes:
                if entry.action == "update":
                    text = f"{change.old_display or '—'} → {change.new_display or '—'}"
                elif entry.action == "delete":
                    text = _("%(value)s (deleted)") % {"value": change.old_display or "—"}
                else:
                    text = change.new_display or "—"
                changes.append(f"{capfirst(change.label)}: {text}")
            reason = entry.reason + (f"\n{entry.reason_detail}" if entry.reason_detail else "")
            rows.append(
                [
                    f"#{self.numbers[id(entry)]}/{self.total}",
                    moment(entry.at, self.tz),
                    entry.username or _("no user (command, shell or database)"),
                    f"{entry.action_display}\n{capfirst(entry.form)} #{entry.record_id}",
                    "\n".join(changes),
                    reason,
                ]
            )
        widths = [14 * mm, 26 * mm, 20 * mm, 25 * mm, 70 * mm, 25 * mm]
        self.story.append(self.table(rows, widths, header=True))

    def signatures(self) -> None:
        signatures = (
            Signature.objects.filter(subject=self.subject)
            .select_related("content_type", "signer")
            .order_by("signed_at", "pk")
        )
        self.add(_("Signatures"), "h1")
        state = lifecycle.casebook_state(self.subject, tz=self.subject.site.time_zone)
        self.add(
            _("Casebook signature in force: %(text)s") % {"text": state.signature_text or _("none")}
        )
        for note in state.notes:
            self.add(note, "muted")
        rows = [[_("Signed"), _("Record"), _("Printed name"), _("Meaning")]]
        for signature in signatures:
            if signature.content_type_id is None:
                what = _("The whole casebook")
            else:
                model = signature.content_type.model_class()
                what = _("%(form)s #%(pk)s, version %(version)s") % {
                    "form": capfirst(model._meta.verbose_name),
                    "pk": signature.object_id,
                    "version": signature.form_version,
                }
            rows.append(
                [
                    moment(signature.signed_at, self.tz),
                    what,
                    signature.printed_name,
                    signature.get_meaning_display(),
                ]
            )
        if len(rows) == 1:
            self.add(_("None."))
        else:
            self.story.append(self.table(rows, [30 * mm, 45 * mm, 40 * mm, 65 * mm], True))

    def leftovers(self) -> None:
        """Queries and audit entries of records not shown above (a signature's own rows,
        a query's messages): the PDF holds every one the history page shows."""
        if self.queries:
            self.add(_("Other queries"), "h1")
        for queries in self.queries.values():
            self._thread_rows(queries)
        self.queries = {}
        rest = [e for entries in self.unshown.values() for e in entries]
        if rest:
            self.add(_("Other audit entries"), "h1")
            self.trail(rest)

    def build(self) -> bytes:
        self.cover()
        self.schedule()
        self.forms()
        self.signatures()
        self.leftovers()
        buffer = io.BytesIO()
        subject = self.subject
        document = SimpleDocTemplate(
            buffer,
            pagesize=A4,
            leftMargin=15 * mm,
            rightMargin=15 * mm,
            topMargin=15 * mm,
            bottomMargin=15 * mm,
            title=f"{subject.study.registry_id} {subject.screening_number}",
            author=subject.site.name,
            subject=_("Casebook: certified copy"),
            creator="BAL eCRF",
            # Same bytes for the same story: fixed document id and dates (the generation
            # stamp in the text says when).
            invariant=True,
            initialFontName=_font(),
            initialFontSize=8.5,
        )
        document.build(self.story, canvasmaker=_Canvas)
        return buffer.getvalue()


def casebook_pdf(subject: Subject, *, by=None, now: dt.datetime | None = None) -> bytes:
    """The subject's casebook as a PDF certified copy (`by`: who asked for it, named in
    the generation stamp; None for the command line)."""
    return _Writer(subject, by=by, now=now).build()


def filename(subject: Subject) -> str:
    return f"{subject.study.registry_id}_{subject.screening_number}_casebook.pdf"
