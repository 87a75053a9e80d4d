"""The cohort report for the Safety Evaluation Committee as a printable PDF (spec §5.4
"Data package reviewed by the SEC"; issue 5).

It lays out the CohortReport the page shows (ecrf.committee.cohort_report), section by
section, and runs no query of its own: the committee files one document, and what it
reads must be what the page showed. The text follows the active language; Chinese needs
a CJK font, so zh-hans uses reportlab's built-in CID font STSong-Light (no font file to
ship), every other language Helvetica.
"""

from __future__ import annotations

import datetime as dt
import io
from xml.sax.saxutils import escape

from django.template.defaultfilters import floatformat, yesno
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen import canvas
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from ecrf.committee import CohortReport

CJK_FONT = "STSong-Light"


def _fonts() -> tuple[str, str]:
    """(body, bold) font names for the active language."""
    if translation.get_language() == "zh-hans":
        if CJK_FONT not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(UnicodeCIDFont(CJK_FONT))
        return CJK_FONT, CJK_FONT  # the CID font has no bold face
    return "Helvetica", "Helvetica-Bold"


class _NumberedCanvas(canvas.Canvas):
    """Writes "page x of y" once the number of pages is known (every page is kept until
    save, then stamped)."""

    font = "Helvetica"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._pages = []

    def showPage(self):  # noqa: N802 (reportlab's name)
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self):
        total = len(self._pages)
        for state in self._pages:
            self.__dict__.update(state)
            self.setFont(self.font, 8)
            text = _("Page %(page)s of %(pages)s") % {"page": self._pageNumber, "pages": total}
            self.drawRightString(self._pagesize[0] - 12 * mm, 8 * mm, text)
            super().showPage()
        super().save()


def _date(value) -> str:
    if isinstance(value, dt.datetime):
        value = timezone.localtime(value)
    return formats.date_format(value, "SHORT_DATE_FORMAT") if value else "—"


def _moment(value: dt.datetime | None) -> str:
    # The page shows times in the user's site time zone (ecrf.middleware.site_time_zone).
    if value is None:
        return "—"
    return formats.date_format(timezone.localtime(value), "SHORT_DATETIME_FORMAT")


def _number(value) -> str:
    return "" if value is None else floatformat(value, "-2")


def _dlt(ae) -> str:
    if ae.dlt:
        return _("yes (adjudicated)")
    return _("candidate") if ae.dlt_candidate else ""


def cohort_report_pdf(report: CohortReport, *, now: dt.datetime | None = None) -> bytes:
    """The report as an A4 landscape PDF, in the active language and time zone."""
    body_font, bold_font = _fonts()
    cjk = body_font == CJK_FONT
    sample = getSampleStyleSheet()
    styles = {
        name: ParagraphStyle(
            name,
            parent=sample[parent],
            fontName=bold_font if parent.startswith("Heading") else body_font,
            wordWrap="CJK" if cjk else None,
        )
        for name, parent in (("title", "Heading1"), ("h2", "Heading2"), ("body", "BodyText"))
    }
    styles["cell"] = ParagraphStyle("cell", parent=styles["body"], fontSize=8, leading=10)
    status = report.status
    arm = status.arm
    study = arm.study
    now = now or timezone.now()

    def para(text, style="body"):
        return Paragraph(escape("" if text is None else str(text)), styles[style])

    def table(header, rows, empty):
        data = [[para(h, "cell") for h in header]]
        data += [[para(cell, "cell") for cell in row] for row in rows]
        if not rows:
            data.append([para(empty, "cell")] + [""] * (len(header) - 1))
        grid = Table(data, repeatRows=1, hAlign="LEFT")
        commands = [
            ("GRID", (0, 0), (-1, -1), 0.25, colors.grey),
            ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e9ecef")),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ]
        if not rows:
            commands.append(("SPAN", (0, 1), (-1, 1)))
        grid.setStyle(TableStyle(commands))
        return grid

    def events(aes, adjudicated_note=False):
        if not aes:
            return [para(_("None."))]
        lines = []
        for ae in aes:
            text = _("%(subject)s AE%(number)s %(term)s (verbatim: %(verbatim)s), grade %(grade)s")
            line = text % {
                "subject": ae.subject.screening_number,
                "number": ae.number,
                "term": ae.term_as_reported,
                "verbatim": ae.verbatim_term,
                "grade": ae.grade,
            }
            if adjudicated_note and ae.dlt:
                line += " — " + _("adjudicated DLT")
            lines.append(para("• " + line))
        return lines

    observed = {s.screening_number: s for s in status.subjects}
    subject_rows = []
    for enrolment in report.enrolments:
        s = observed.get(enrolment.subject.screening_number)
        day = f"FS+{s.day} / {s.observation_days}" if s and s.day is not None else "—"
        subject_rows.append(
            (
                enrolment.subject.screening_number,
                enrolment.subject.site.code,
                _date(enrolment.enrolment_date),
                _date(s.final_session if s else None),
                day,
                enrolment.disposition_label
                # Spec V11: the records disagree; the committee reads why, not a date.
                + (
                    ""
                    if enrolment.death.reconciled
                    else " — "
                    + _("Unreconciled: the death records disagree")
                    + ". "
                    + enrolment.death.summary
                ),
            )
        )

    story = [
        para(
            _("Safety Evaluation Committee report: %(arm)s (%(study)s)")
            % {"arm": arm.label, "study": study.registry_id},
            "title",
        ),
        para(_("Cohort state: %(state)s") % {"state": status.state_label}),
        para(
            _("Generated %(utc)s UTC (%(local)s %(zone)s, site time)")
            % {
                "utc": now.astimezone(dt.UTC).strftime("%Y-%m-%d %H:%M"),
                "local": _moment(now),
                "zone": timezone.get_current_timezone_name(),
            }
        ),
    ]
    if status.decision:
        decision = status.decision.get_decision_display()
        if status.decision.mtd_minutes:
            decision += f": {status.decision.mtd_minutes} min"
        story.append(
            para(
                _("Committee decision: %(decision)s (%(date)s)")
                % {"decision": decision, "date": _date(status.decision.meeting_date)}
            )
        )
    story += [
        para(_("Subjects"), "h2"),
        table(
            [
                _("Subject"),
                _("Site"),
                _("Enrolled"),
                _("Final session"),
                _("Observation"),
                _("Disposition"),
            ],
            subject_rows,
            _("No subjects enrolled."),
        ),
        para(_("Sessions"), "h2"),
        table(
            [
                _("Subject"),
                _("Session"),
                _("Start"),
                _("Planned (min)"),
                _("Net (min)"),
                _("Completed as planned"),
            ],
            [
                (
                    s.subject.screening_number,
                    s.number,
                    _moment(s.started_at),
                    s.planned_minutes,
                    s.net_minutes,
                    yesno(s.completed_as_planned)
                    + (f" — {s.get_termination_reason_display()}" if s.termination_reason else ""),
                )
                for s in report.sessions
            ],
            _("No sessions."),
        ),
        para(_("Adverse events by CTCAE grade"), "h2"),
        table(
            [_("Grade"), _("All"), _("Related (device, cells or procedure)"), _("Serious")],
            report.grade_table,
            "",
        ),
        Spacer(1, 4 * mm),
        table(
            [
                _("Subject"),
                _("AE"),
                _("CTCAE term"),
                _("Verbatim term"),
                _("Grade"),
                _("Onset"),
                _("Device"),
                _("Cells"),
                _("Procedure"),
                _("Serious"),
                _("DLT"),
                _("Outcome"),
            ],
            [
                (
                    ae.subject.screening_number,
                    ae.number,
                    ae.term_as_reported,
                    ae.verbatim_term,
                    ae.grade,
                    _date(ae.onset_date),
                    ae.get_related_device_display(),
                    ae.get_related_cells_display(),
                    ae.get_related_procedure_display(),
                    yesno(ae.serious),
                    _dlt(ae),
                    ae.get_outcome_display(),
                )
                for ae in report.adverse_events
            ],
            _("No adverse events."),
        ),
        para(_("Serious adverse events"), "h2"),
        *events(report.serious_events),
        para(_("Dose-limiting toxicities (candidates and adjudicated)"), "h2"),
        *events(report.dlt_candidates, adjudicated_note=True),
        para(_("Protocol deviations"), "h2"),
        table(
            [_("Subject"), _("Date"), _("Rule"), _("Category"), _("Severity"), _("Description")],
            [
                (
                    d.subject.screening_number,
                    _date(d.occurred_on),
                    d.rule or _("reported by site"),
                    d.get_category_display(),
                    d.get_severity_display(),
                    d.description + (f" ({_('no longer applies')})" if d.resolved else ""),
                )
                for d in report.deviations
            ],
            _("None."),
        ),
        para(_("Key laboratory changes from baseline"), "h2"),
        para(
            _(
                "Baseline: the last result before the first session (else the first result); "
                "latest: the most recent. Standard units."
            )
        ),
        table(
            [_("Subject"), _("Test"), _("Baseline"), _("Latest"), _("Change"), _("Unit")],
            [
                (
                    c.screening_number,
                    c.test.name,
                    f"{_number(c.baseline.standard_value)} ({_date(c.baseline.sampled_at)})",
                    f"{_number(c.latest.standard_value)} ({_date(c.latest.sampled_at)})",
                    _number(c.change),
                    c.test.standard_unit.label,
                )
                for c in report.lab_changes
            ],
            _("No results."),
        ),
    ]

    buffer = io.BytesIO()
    document = SimpleDocTemplate(
        buffer,
        pagesize=landscape(A4),
        leftMargin=12 * mm,
        rightMargin=12 * mm,
        topMargin=12 * mm,
        bottomMargin=14 * mm,
        title=_("Safety Evaluation Committee report: %(arm)s (%(study)s)")
        % {"arm": arm.label, "study": study.registry_id},
    )
    numbered = type("NumberedCanvas", (_NumberedCanvas,), {"font": body_font})
    document.build(story, canvasmaker=numbered)
    return buffer.getvalue()
