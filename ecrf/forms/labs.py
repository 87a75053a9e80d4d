"""Lab forms: one panel at one timepoint, the clinical status for the scores, and the CSV
import with its row-by-row checks (spec §2.9, V15)."""

from __future__ import annotations

import copy
import csv
import datetime as dt
import functools
import io
import zoneinfo
from dataclasses import dataclass
from dataclasses import field as dataclass_field

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Div, Fieldset, Layout, Submit
from django import forms
from django.core import signing
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.formats import date_format
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language, gettext
from django.utils.translation import gettext_lazy as _

from ecrf import versions
from ecrf.actions.labs import MELD_TESTS, PanelImport
from ecrf.forms.core import MOMENT_YEARS, MomentField, validate_moment
from ecrf.forms.widgets import DateInput, DateTimeInput, Select, TextInput, escaped
from ecrf.lab_catalogue import CATALOGUE, PANEL_TESTS, LabTest, Panel, tests_in_panel
from ecrf.lab_results import (
    ResultEntry,
    entered_results,
    entry_errors,
    expected_timepoints,
    parse_decimal,
    study_panels,
    subject_panels,
)
from ecrf.models import ClinicalStatus, LabPanel, Subject
from ecrf.models.labs import NotDoneReason, Qualitative
from ecrf.numbers import plain
from ecrf.scores import Ascites


def _blank(choices) -> list[tuple[str, str]]:
    return [("", "—"), *choices]


@dataclass
class TestRow:
    """One test of the panel form, for the template's table."""

    test: LabTest
    value: forms.BoundField
    unit: forms.BoundField
    qualitative: forms.BoundField | None
    not_done: forms.BoundField
    # The controls with an error; each error is shown with the id its control's
    # aria-describedby names (Django's "<id>_error"). Found once, by test_rows.
    error_parts: list[forms.BoundField] = dataclass_field(default_factory=list)

    @property
    def errors(self) -> list[str]:
        return [e for part in self.error_parts for e in part.errors]


TestRow.__test__ = False  # not a pytest class


@dataclass(frozen=True)
class _TestNames:
    """How a panel form's controls of one test are named, in one language (the value's
    <label> and the other controls' aria-labels)."""

    value: str
    unit: str
    qualitative: str
    not_done: str


@functools.cache
def _panel_texts(panel: str, language: str | None):
    """(names of each test, qualitative choices, not-done choices) of a panel's form in
    the active `language`, translated once: each form has about 30 controls, and
    translating them again for every form cost more than the rest of the form (issue 7:
    a lab save)."""
    names = tuple(
        _TestNames(
            value=gettext("%(test)s result") % {"test": test.name},
            unit=gettext("%(test)s unit") % {"test": test.name},
            qualitative=gettext("%(test)s qualitative result") % {"test": test.name},
            not_done=gettext("%(test)s not done because") % {"test": test.name},
        )
        for test in tests_in_panel(panel)
    )
    qualitative = tuple((k, str(v)) for k, v in _blank(Qualitative.choices))
    not_done = tuple((k, str(v)) for k, v in _blank(NotDoneReason.choices))
    return names, qualitative, not_done


@functools.cache
def _panel_fields(panel: str, language: str | None) -> dict[str, forms.Field]:
    """The fields of each test of a panel's form, in the active `language`: the same for
    every form of the panel, and building them (some 30 fields, their widgets and
    choices) for each form cost a twentieth of its page (issue 20: the lab form's GET)."""
    names, qualitative, not_done = _panel_texts(panel, language)
    fields = {}
    for test, texts in zip(tests_in_panel(panel), names, strict=True):
        code = test.code
        fields[f"{code}_value"] = forms.DecimalField(
            label=texts.value,
            required=False,
            max_digits=14,
            decimal_places=4,
            widget=TextInput(attrs={"class": "form-control", "inputmode": "decimal"}),
        )
        # Only the value has a <label> in the table's row; the other controls of the row
        # carry the test's name too, so that each is named on its own (WCAG 1.3.1).
        fields[f"{code}_unit"] = forms.ChoiceField(
            label=_("Unit"),
            choices=test.unit_choices(),
            initial=test.standard_unit.code,
            required=False,
            widget=Select(attrs={"class": "form-select", "aria-label": texts.unit}),
        )
        if test.qualitative:
            fields[f"{code}_qualitative"] = forms.ChoiceField(
                label=_("Qualitative result"),
                choices=qualitative,
                required=False,
                widget=Select(attrs={"class": "form-select", "aria-label": texts.qualitative}),
            )
        fields[f"{code}_not_done"] = forms.ChoiceField(
            label=_("Not done because"),
            choices=not_done,
            required=False,
            widget=Select(attrs={"class": "form-select", "aria-label": texts.not_done}),
        )
    return fields


class LabPanelForm(forms.Form):
    """Sample time, laboratory, and for each test of the panel a value with its unit, a
    qualitative result, or the reason it was not done (spec §2.9)."""

    sampled_at = MomentField(label=_("Sample date and time"), widget=DateTimeInput())
    laboratory = forms.CharField(
        label=_("Laboratory"), max_length=100, required=False, widget=TextInput
    )

    def __init__(self, data=None, *args, panel: str, instance: LabPanel | None = None, **kwargs):
        initial = kwargs.pop("initial", {}) or {}
        self.tests = tests_in_panel(panel)
        # A bound form shows what was posted: the stored results are read for a new form only.
        if instance is not None and data is None:
            initial.update(sampled_at=instance.sampled_at, laboratory=instance.laboratory)
            for code, value, unit, qualitative, not_done_reason in entered_results(instance):
                initial[f"{code}_value"] = plain(value)  # as typed: 5.2, not 5.2000
                initial[f"{code}_unit"] = unit
                initial[f"{code}_qualitative"] = qualitative
                initial[f"{code}_not_done"] = not_done_reason
        super().__init__(data, *args, initial=initial, **kwargs)
        # Each form gets copies of its panel's fields, built once per panel and language;
        # the copies share their widgets, which no form changes (header_fields sets the
        # classes of the fields above the table only; ask_version_fields replaces a widget).
        fields = _panel_fields(panel, get_language())
        for name, field in fields.items():
            self.fields[name] = copy.copy(field)
        self.test_field_names = fields.keys()
        self.entries: list[ResultEntry] = []

    def header_fields(self) -> list[forms.BoundField]:
        """The fields above the table of tests (the sample time, the laboratory, and the
        change control add_change_control adds), with Bootstrap's classes: the template
        writes them out (templates/ecrf/_field.html), as crispy would but without its
        layout machinery, which cost a fifth of the page (issue 20: the lab form's GET)."""
        fields = []
        for name, field in self.fields.items():
            if name in self.test_field_names:
                continue
            bound = self[name]
            if not field.widget.is_hidden:
                css = "form-select" if isinstance(field.widget, forms.Select) else "form-control"
                if bound.errors:
                    css += " is-invalid"
                    field.widget.attrs["aria-describedby"] = f"{bound.auto_id}_error"
                field.widget.attrs["class"] = css
            fields.append(bound)
        return fields

    @property
    def has_qualitative(self) -> bool:
        """Whether a test of the panel takes a qualitative result (its column is shown)."""
        return any(test.qualitative for test in self.tests)

    def test_rows(self) -> list[TestRow]:
        rows = [
            TestRow(
                test,
                self[f"{test.code}_value"],
                self[f"{test.code}_unit"],
                self[f"{test.code}_qualitative"] if test.qualitative else None,
                self[f"{test.code}_not_done"],
            )
            for test in self.tests
        ]
        if self.errors:  # a new form has none: its ~30 controls are not asked each
            for row in rows:
                parts = (row.value, row.unit, row.qualitative, row.not_done)
                row.error_parts = [part for part in parts if part is not None and part.errors]
        return rows

    def test_rows_html(self) -> SafeString:
        """The table's rows, one per test: its name and code (the errors of its controls
        under them), the value, the unit, the qualitative result where the panel takes
        one, the reason not done. Each cell carries its column's name for the narrow
        layout (ecrf.css). Written out here, as the controls are (ecrf/forms/widgets.py):
        through the template engine, the ten to fifteen rows cost a fifth of the page
        (issue 20: the lab form's GET). Every text is escaped; the controls are markup."""
        columns = [("lab-value", _("Result")), ("lab-unit", _("Unit"))]
        if self.has_qualitative:
            columns.append(("", _("Qualitative result")))
        columns.append(("", _("Not done because")))
        cells = [
            (f' class="{css}"' if css else "") + f' data-label="{escaped(label)}"'
            for css, label in columns
        ]
        rows = []
        for row in self.test_rows():
            controls = [row.value, row.unit]
            if self.has_qualitative:
                controls.append(row.qualitative or "")
            controls.append(row.not_done)
            errors = "".join(
                f'<div class="invalid-feedback d-block" id="{escaped(part.auto_id)}_error">'
                f"{escaped(' '.join(str(error) for error in part.errors))}</div>"
                for part in row.error_parts
            )
            danger = ' class="table-danger"' if row.error_parts else ""
            rows.append(
                f'<tr{danger}><td class="lab-test"><label for="{escaped(row.value.id_for_label)}">'
                f'{escaped(row.test.name)}</label> <small class="text-muted">'
                f"{escaped(row.test.code)}</small>{errors}</td>"
                + "".join(
                    f"<td{cell}>{control}</td>"
                    for cell, control in zip(cells, controls, strict=True)
                )
                + "</tr>"
            )
        return mark_safe("\n".join(rows))  # noqa: S308 (the texts are escaped above)

    def clean(self):
        cleaned = super().clean()
        self.entries = []
        for test in self.tests:
            code = test.code
            if any(f"{code}_{part}" in self.errors for part in ("value", "unit")):
                continue
            entry = ResultEntry(
                test_code=code,
                value=cleaned.get(f"{code}_value"),
                unit=cleaned.get(f"{code}_unit") or "",
                qualitative=cleaned.get(f"{code}_qualitative") or "",
                not_done_reason=cleaned.get(f"{code}_not_done") or "",
            )
            # Spec V15: unit of the test's list, value within the hard range, at the field.
            for part, message in entry_errors(entry).items():
                self.add_error(f"{code}_{part}", message)
            self.entries.append(entry)
        if not self.errors and all(e.is_blank for e in self.entries):
            raise forms.ValidationError(
                _("Enter at least one result, or the reason a test was not done.")
            )
        return cleaned


class ClinicalStatusForm(forms.ModelForm):
    """Ascites, encephalopathy and dialysis on a date: the clinical inputs of the scores."""

    class Meta:
        model = ClinicalStatus
        fields = ["assessed_on", "ascites", "encephalopathy_grade", "dialysed_twice_last_week"]
        widgets = {"assessed_on": DateInput(), "ascites": forms.RadioSelect}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["assessed_on"].initial = timezone.localdate()
        self.helper = FormHelper()
        self.helper.add_input(Submit("save", _("Save clinical status")))


# --- CSV import ----------------------------------------------------------------------------

REQUIRED_COLUMNS = ("screening_number", "timepoint", "panel", "sampled_at", "test_code")
OPTIONAL_COLUMNS = ("value", "unit", "qualitative", "not_done_reason", "laboratory")
MAX_BYTES = 2_000_000
MAX_ROWS = 10_000
SIGNING_SALT = "ecrf.labs.import"


@dataclass
class RowError:
    row: int
    field: str
    message: str


@dataclass
class PreviewRow:
    row: int
    subject: Subject
    timepoint: str
    panel: str
    sampled_at: dt.datetime
    test: LabTest
    entry: ResultEntry

    @property
    def panel_label(self) -> str:
        return Panel(self.panel).label

    @property
    def standard(self):
        value = self.entry.standard_value
        return None if value is None else self.test.rounded(value)


def sign_content(text: str) -> str:
    """The file's text with an HMAC, carried in a hidden field from preview to confirm, so
    no server keeps the upload between the two requests."""
    return signing.dumps(text, salt=SIGNING_SALT, compress=True)


class LabImportForm(forms.Form):
    """A CSV of lab results, checked row by row before anything is written."""

    file = forms.FileField(
        label=_("CSV file"),
        required=False,
        help_text=_(
            "Columns: screening_number, timepoint, panel, sampled_at, test_code, value, unit, "
            "qualitative, not_done_reason, laboratory. One row per test; UTF-8."
        ),
    )
    content = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, study, subjects_qs, **kwargs):
        super().__init__(*args, **kwargs)
        self.study = study
        self.subjects_qs = subjects_qs
        self.text = ""
        self.row_errors: list[RowError] = []
        self.preview: list[PreviewRow] = []
        self.panels: list[PanelImport] = []
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.disable_csrf = True
        self.helper.layout = Layout("file")

    @property
    def signed_content(self) -> str:
        return sign_content(self.text)

    def clean(self):
        cleaned = super().clean()
        upload = cleaned.get("file")
        if upload:
            if upload.size > MAX_BYTES:
                raise forms.ValidationError(
                    _("The file is larger than %(n)d MB.") % {"n": MAX_BYTES // 1_000_000}
                )
            raw = upload.read()
            try:
                self.text = raw.decode("utf-8-sig")
            except UnicodeDecodeError:
                raise forms.ValidationError(_("The file is not UTF-8 text.")) from None
        elif cleaned.get("content"):
            try:
                self.text = signing.loads(
                    cleaned["content"], salt=SIGNING_SALT, max_age=dt.timedelta(hours=2)
                )
            except signing.BadSignature:
                raise forms.ValidationError(
                    _("The previewed file has changed or expired; upload it again.")
                ) from None
        else:
            raise forms.ValidationError(_("Choose a CSV file."))
        if "\x00" in self.text:
            # A text CSV has no NUL character, and PostgreSQL text cannot store one: a
            # file with one (a spreadsheet saved as UTF-16, a binary) is refused whole.
            raise forms.ValidationError(
                _("The file contains NUL characters: save it as a UTF-8 CSV and upload it again.")
            )
        self._check_rows()
        if self.row_errors:
            raise forms.ValidationError(
                _("%(n)d row problem(s): nothing has been imported.") % {"n": len(self.row_errors)}
            )
        if not self.panels:
            raise forms.ValidationError(_("The file has no result rows."))
        return cleaned

    # The checks below mirror the panel form's (same entry_errors) so that a file preview
    # shows every problem at once; the action checks them again when writing.
    def _check_rows(self) -> None:
        try:
            reader = csv.DictReader(io.StringIO(self.text, newline=""))
            header = [h.strip() for h in (reader.fieldnames or [])]
            reader.fieldnames = header
            rows = list(reader)
        except csv.Error as exc:
            self.row_errors.append(RowError(1, "", gettext("Not a readable CSV file: %s") % exc))
            return
        missing = [c for c in REQUIRED_COLUMNS if c not in header]
        if missing:
            self.row_errors.append(
                RowError(1, ", ".join(missing), gettext("Missing column(s) in the header."))
            )
            return
        if len(rows) > MAX_ROWS:
            self.row_errors.append(
                RowError(1, "", gettext("More than %(n)d rows.") % {"n": MAX_ROWS})
            )
            return
        numbers = {(r.get("screening_number") or "").strip() for r in rows}
        subjects = {
            s.screening_number: s
            for s in versions.with_versions(self.subjects_qs.filter(screening_number__in=numbers))
            .select_related("study", "site")
            .prefetch_related("sessions")
        }
        timepoints = {
            number: {t.code for t in expected_timepoints(s, s.sessions.all())}
            for number, s in subjects.items()
        }
        existing = set(
            LabPanel.objects.filter(subject__in=subjects.values()).values_list(
                "subject_id", "panel", "timepoint"
            )
        )
        # The panels collected of each subject (by the versions they have been on).
        panels_allowed = {number: set(subject_panels(s)) for number, s in subjects.items()}
        groups: dict[tuple, PanelImport] = {}
        seen_tests: set[tuple] = set()
        for line, row in enumerate(rows, start=2):  # line 1 is the header
            row = {k: (v or "").strip() for k, v in row.items() if k}
            errors = self._check_row(line, row, subjects, timepoints, panels_allowed)
            if errors:
                self.row_errors += errors
                continue
            subject, entry, sampled_at = row["_subject"], row["_entry"], row["_sampled_at"]
            key = (subject.pk, row["panel"], row["timepoint"])
            if key in existing:
                self.row_errors.append(
                    RowError(
                        line,
                        "panel",
                        gettext("This panel is already recorded at %(tp)s; correct it on its form.")
                        % {"tp": row["timepoint"]},
                    )
                )
                continue
            if (*key, entry.test_code) in seen_tests:
                self.row_errors.append(
                    RowError(line, "test_code", gettext("This test appears twice for the panel."))
                )
                continue
            seen_tests.add((*key, entry.test_code))
            group = groups.get(key)
            if group is None:
                group = groups[key] = PanelImport(
                    subject, row["panel"], row["timepoint"], sampled_at, row.get("laboratory", ""),
                    [], [],
                )  # fmt: skip
            elif group.sampled_at != sampled_at:
                self.row_errors.append(
                    RowError(
                        line,
                        "sampled_at",
                        gettext("Rows of one panel must share its sample time (%(t)s).")
                        % {
                            "t": date_format(
                                timezone.localtime(group.sampled_at), "SHORT_DATETIME_FORMAT"
                            )
                        },
                    )
                )
                continue
            group.entries.append(entry)
            group.rows.append(line)
            self.preview.append(
                PreviewRow(
                    line,
                    subject,
                    row["timepoint"],
                    row["panel"],
                    sampled_at,
                    CATALOGUE[entry.test_code],
                    entry,
                )  # fmt: skip
            )
        self.panels = list(groups.values())

    def _check_row(self, line, row, subjects, timepoints, panels_allowed) -> list[RowError]:
        errors = []
        number = row.get("screening_number", "")
        subject = subjects.get(number)
        if subject is None:
            # Another site's subject is reported like an unknown one: it is not disclosed.
            errors.append(
                RowError(
                    line,
                    "screening_number",
                    gettext("No subject %(n)s at a site where you enter data.") % {"n": number},
                )
            )
        row["panel"] = row.get("panel", "").upper()
        row["timepoint"] = row.get("timepoint", "").upper()
        allowed = panels_allowed[number] if subject else set(study_panels(self.study))
        if row["panel"] not in allowed:
            errors.append(
                RowError(
                    line,
                    "panel",
                    gettext("Not a panel of this study: %(p)s.") % {"p": row["panel"]},
                )
            )
        if subject is not None and row["timepoint"] not in timepoints[number]:
            errors.append(
                RowError(
                    line,
                    "timepoint",
                    gettext("%(tp)s is not a timepoint of this subject.")
                    % {"tp": row["timepoint"]},
                )
            )
        try:
            sampled_at = parse_datetime(row.get("sampled_at", "").replace(" ", "T", 1))
        except ValueError:  # well formed but impossible, e.g. month 13
            sampled_at = None
        if sampled_at is None:
            errors.append(
                RowError(line, "sampled_at", gettext("Enter a date and time, YYYY-MM-DD HH:MM."))
            )
        elif not MOMENT_YEARS[0] <= sampled_at.year <= MOMENT_YEARS[1]:
            try:
                validate_moment(sampled_at)
            except forms.ValidationError as error:  # the panel form's message
                errors.append(RowError(line, "sampled_at", error.messages[0]))
        elif timezone.is_naive(sampled_at) and subject is not None:
            # Local times of the subject's site (spec §0).
            sampled_at = sampled_at.replace(tzinfo=zoneinfo.ZoneInfo(subject.site.time_zone))
        if len(row.get("laboratory", "")) > 100:
            errors.append(RowError(line, "laboratory", gettext("At most 100 characters.")))
        code = row.get("test_code", "").upper()
        if code not in PANEL_TESTS.get(row["panel"], ()):
            errors.append(
                RowError(
                    line, "test_code", gettext("%(c)s is not a test of this panel.") % {"c": code}
                )
            )
            return errors
        try:
            value = parse_decimal(row.get("value", ""))
        except ValueError as exc:
            errors.append(RowError(line, "value", str(exc)))
            return errors
        entry = ResultEntry(
            test_code=code,
            value=value,
            unit=row.get("unit", ""),
            qualitative=row.get("qualitative", "").lower(),
            not_done_reason=row.get("not_done_reason", "").lower(),
        )
        if entry.qualitative and entry.qualitative not in Qualitative.values:
            errors.append(
                RowError(
                    line,
                    "qualitative",
                    gettext("Use one of: %(v)s.") % {"v": ", ".join(Qualitative.values)},
                )
            )
        if entry.not_done_reason and entry.not_done_reason not in NotDoneReason.values:
            errors.append(
                RowError(
                    line,
                    "not_done_reason",
                    gettext("Use one of: %(v)s.") % {"v": ", ".join(NotDoneReason.values)},
                )
            )
        if entry.is_blank:
            errors.append(
                RowError(line, "value", gettext("Give a value, a qualitative result or a reason."))
            )
        names = {"not_done": "not_done_reason"}
        for part, message in entry_errors(entry).items():
            errors.append(RowError(line, names.get(part, part), message))
        if not errors:
            row.update(_subject=subject, _entry=entry, _sampled_at=sampled_at)
        return errors


class MeldForm(forms.Form):
    """The inputs of MELD on one page (issue 19 item 3): the five results at one
    timepoint, each in a unit of its own test, and the clinical status of the sample's
    date. ecrf.actions.labs.meld_inputs_record writes them into the panels and the
    clinical-status form, as their own forms would."""

    timepoint = forms.ChoiceField(label=_("Timepoint"))
    sampled_at = MomentField(label=_("Sample date and time"), widget=DateTimeInput())
    laboratory = forms.CharField(label=_("Laboratory"), max_length=100, required=False)
    ascites = forms.ChoiceField(
        label=_("Ascites"), choices=Ascites.choices, widget=forms.RadioSelect
    )
    encephalopathy_grade = forms.TypedChoiceField(
        label=_("Hepatic encephalopathy (West Haven grade)"),
        choices=[(str(grade), str(grade)) for grade in range(5)],
        coerce=int,
        widget=forms.RadioSelect,
    )
    dialysed_twice_last_week = forms.TypedChoiceField(
        label=_("Dialysis ≥ 2 times or CVVHD ≥ 24 h in the past 7 days"),
        choices=[("True", _("Yes")), ("False", _("No"))],
        coerce=lambda value: value == "True",
        widget=forms.RadioSelect,
        error_messages={"required": _("Say whether the subject was dialysed.")},
    )

    def __init__(self, *args, timepoints, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["timepoint"].choices = [("", "---------")] + [
            (t.code, f"{t.label} ({t.code})") for t in timepoints
        ]
        self.tests = [CATALOGUE[code] for code in MELD_TESTS]
        for test in self.tests:
            self.fields[f"{test.code}_value"] = forms.DecimalField(
                label=test.name,
                max_digits=14,
                decimal_places=4,
                widget=forms.TextInput(attrs={"inputmode": "decimal", "class": "meld-value"}),
            )
            self.fields[f"{test.code}_unit"] = forms.ChoiceField(
                label=gettext("%(test)s unit") % {"test": test.name},
                choices=test.unit_choices(),
                initial=test.standard_unit.code,
            )
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.disable_csrf = True
        self.helper.layout = Layout(
            Fieldset(_("Sample"), "timepoint", "sampled_at", "laboratory"),
            Fieldset(
                _("Results"),
                *(
                    Div(f"{t.code}_value", f"{t.code}_unit", css_class="meld-result")
                    for t in self.tests
                ),
            ),
            Fieldset(
                _("Clinical status"), "dialysed_twice_last_week", "ascites", "encephalopathy_grade"
            ),
        )
        self.entries: list[ResultEntry] = []

    def clean(self):
        cleaned = super().clean()
        self.entries = []
        for test in self.tests:
            code = test.code
            if f"{code}_value" in self.errors or f"{code}_unit" in self.errors:
                continue
            entry = ResultEntry(
                test_code=code,
                value=cleaned.get(f"{code}_value"),
                unit=cleaned.get(f"{code}_unit") or "",
            )
            for part, message in entry_errors(entry).items():  # spec V15, as the panel form
                self.add_error(f"{code}_{part}", message)
            self.entries.append(entry)
        return cleaned

    def values(self) -> dict:
        names = ("timepoint", "sampled_at", "laboratory", "ascites", "encephalopathy_grade")
        values = {name: self.cleaned_data[name] for name in names}
        values["dialysed_twice_last_week"] = self.cleaned_data["dialysed_twice_last_week"]
        return values
