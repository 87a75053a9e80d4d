"""Exports of a study's casebooks for statisticians and regulators (issue 6, item 1).

- csv: a zip with one CSV per form (every study record linked to subjects, voided rows
  included and flagged) and a data dictionary (variable, label, type, unit, codes);
- odm: CDISC ODM 1.3.2 XML, metadata and clinical data, with the last audit record of
  each record, its signature, and voided records flagged. One MetaDataVersion per
  protocol version (issue 21); each record is written in the ClinicalData of the
  version the subject was on when it was entered (a re-consented subject is in two).

Both are written to a file object (a temporary file for the page, the output path for
the command), rows read with iterator() in chunks, so memory stays flat whatever the
number of rows: the zip is written entry by entry, the ODM document subject by subject.
- sdtm: the SDTM datasets (subject data, trial design, SUPP--) as SAS transport v5
  (.xpt) with a CSV and a Dataset-JSON v1.1 file beside each and a README.txt, in a zip
  (ecrf/sdtm/; voided records left out, non-ASCII text replaced in the .xpt and kept in
  the CSV and the JSON).
"""

from __future__ import annotations

import csv
import datetime as dt
import functools
import io
import re
import zipfile
import zoneinfo
from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from itertools import groupby
from operator import itemgetter
from xml.etree import ElementTree as ET

from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.contrib.postgres.fields import ArrayField
from django.db import connection, models
from django.db.models import Case, F, Func, Value, When
from django.db.models.functions import Cast, NullIf
from django.utils import timezone

from ecrf import audit, coding, form_registry
from ecrf.models import (
    AdverseEvent,
    Signature,
    SignatureMeaning,
    Site,
    Study,
    StudyRecord,
    Subject,
)
from ecrf.spreadsheets import safe_cell

CSV = "csv"
ODM = "odm"
SDTM = "sdtm"
FORMATS = (CSV, ODM, SDTM)
CHUNK = 2000
# StudyRecord's columns that ODM carries as the AuditRecord of each record instead.
ODM_BOOKKEEPING = {"version", "created_at", "created_by_id", "updated_at"}
ODM_NS = "http://www.cdisc.org/ns/odm/v1.3"
# A unit is written at the end of a field's label, e.g. "height (cm)".
_UNIT = re.compile(r"\(([^()]+)\)\s*$")
_UNIT_WORDS = {"cm", "kg", "min", "mL", "ml", "mL/min", "mmHg", "°C", "%", "g", "h", "s", "mg"}


@dataclass
class ExportResult:
    """What an export wrote: its row counts per form (the export log records them)."""

    format: str
    rows: dict[str, int] = field(default_factory=dict)

    @property
    def total(self) -> int:
        return sum(self.rows.values())


# --- The forms and their variables ----------------------------------------------------------


@dataclass(frozen=True)
class Form:
    model: type[models.Model]
    subject_prefix: str  # the lookup from the model to its subject ("" for Subject)

    @property
    def name(self) -> str:
        return self.model._meta.model_name

    @property
    def label(self) -> str:
        return str(self.model._meta.verbose_name)

    def variables(self) -> list[models.Field]:
        return [f for f in self.model._meta.concrete_fields if f.name != "id"]

    def odm_variables(self) -> list[models.Field]:
        """The items of the form in ODM: its fields without the bookkeeping that each
        record's AuditRecord carries (who and when) or that is the eCRF's own (version)."""
        return [f for f in self.variables() if f.attname not in ODM_BOOKKEEPING]

    def rows(self, **filters):
        queryset = self.model.all_objects.filter(**filters).order_by("pk")
        return queryset


def forms(study: Study | None = None) -> list[Form]:
    """Every study record linked to subjects, found as the audit trail finds them (by
    their foreign keys), so a new form is exported without being listed here. For a
    study: the core's forms and its own package's (studies/<study>/models.py), not
    another study's."""
    result = []
    for model, link in audit.subject_links().items():
        if not issubclass(model, StudyRecord):
            continue
        package = model._meta.app_config.name
        if study is not None and package != "ecrf" and package != study.package:
            continue
        if model is Subject:
            prefix = ""
        else:
            column = next(f for f in model._meta.concrete_fields if f.column == link.column)
            prefix = f"{column.name}__" + ("subject__" if link.parent is not None else "")
        result.append(Form(model, prefix))
    return sorted(result, key=lambda f: (f.model is not Subject, f.model._meta.label))


def data_type(model_field: models.Field) -> str:
    """The ODM 1.3.2 DataType of a field (ODM 1.3.2 spec, "Data Formats")."""
    if model_field.is_relation:
        return "integer"
    if isinstance(model_field, models.BooleanField):
        return "boolean"
    if isinstance(model_field, models.DateTimeField):
        return "datetime"
    if isinstance(model_field, models.DateField):
        return "date"
    if isinstance(model_field, models.TimeField):
        return "time"
    if isinstance(model_field, models.IntegerField | models.AutoField):
        return "integer"
    if isinstance(model_field, models.DecimalField | models.FloatField):
        return "float"
    return "text"


def unit_of(model_field: models.Field) -> str:
    match = _UNIT.search(str(model_field.verbose_name))
    if match and (match.group(1) in _UNIT_WORDS or "/" in match.group(1)):
        return match.group(1)
    return ""


def codes_of(model_field: models.Field) -> list[tuple[str, str]]:
    choices = model_field.choices
    if isinstance(model_field, ArrayField):
        choices = model_field.base_field.choices
    return [(str(code), str(label)) for code, label in (choices or [])]


def value_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.datetime):
        return value.astimezone(dt.UTC).isoformat()
    if isinstance(value, dt.date | dt.time | Decimal):
        return value.isoformat() if not isinstance(value, Decimal) else str(value)
    if isinstance(value, list):
        return ";".join(str(v) for v in value)
    return str(value)


# --- csv --------------------------------------------------------------------------------------

# Issue 9: the AE's coding in the columns SDTM names, after the form's own fields (blank
# while an "Other, specify" AE waits for coding; ecrf/coding.py decides).
CODED_COLUMNS = [
    ("AELLTCD", "MedDRA LLT code (coded)"),
    ("AEDECOD", "Dictionary-derived term (coded)"),
    ("AEBODSYS", "Body system or organ class (coded)"),
    ("AESOC", "Primary system organ class (coded)"),
]


def _coded_cells(values) -> list[str]:
    code = coding.coded_values(*values)
    return [code.llt_code, code.term, code.soc, code.soc] if code else ["", "", "", ""]


class _Echo:
    def write(self, value):
        return value


CSV_README = """\
Casebooks of {registry_id}: {title}
Exported {now} by the BAL eCRF.
Sites: {sites}.

One CSV per form (name.csv, UTF-8, comma-separated, a header row of variable names):
every record of the subjects of these sites, voided records included and flagged in
the "voided" column. data_dictionary.csv describes each variable: its label, type,
length, unit, codes, SDTM variable and the protocol versions it exists in (a field
hidden by a version still exists in it: its saved values are exported).

Spreadsheets. A text value that begins with =, +, -, @, a tab or a carriage return is
written with a leading apostrophe ('), so that a spreadsheet shows it as text and does
not run it as a formula; numbers, negative ones included, are written as numbers. The
ODM export keeps such text exactly as entered.
"""


def sites_text(study: Study, sites: list[Site]) -> str:
    """The sites an export covers, as its README and page name them."""
    codes = ", ".join(site.code for site in sites)
    if {site.pk for site in sites} == set(study.sites.values_list("pk", flat=True)):
        return f"{codes} (every site of the study)"
    return codes


def write_csv(study: Study, target, sites: list[Site]) -> ExportResult:
    """The zip of CSVs of the subjects of `sites`, written into `target` (a seekable
    binary file)."""
    result = ExportResult(CSV)
    line = csv.writer(_Echo())
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        dictionary = io.StringIO()
        dict_writer = csv.writer(dictionary)
        dict_writer.writerow(
            ["form", "variable", "label", "type", "length", "unit", "codes", "sdtm", "versions"]
        )
        # The protocol versions each field exists in: all but those before it was added.
        versions = odm_versions(study)
        every = ", ".join(version.number for version in versions)
        for form in forms(study):
            variables = form.variables()
            # Each field's SDTM variable, as its form's registry entry declares it.
            entry = form_registry.entry(form.model)
            sdtm = entry.sdtm_variables if entry else {}
            for v in variables:
                codes = " | ".join(f"{c}={label}" for c, label in codes_of(v))
                length = getattr(v, "max_length", None) or ""
                dict_writer.writerow(
                    [
                        safe_cell(cell)
                        for cell in [form.name, v.attname, str(v.verbose_name), data_type(v)]
                        + [length, unit_of(v), codes, sdtm.get(v.name, "")]
                        + [", ".join(x.number for x in versions if _in_version(form, v, x))]
                    ]
                )
            is_ae = form.model is AdverseEvent
            if is_ae:
                for name, label in CODED_COLUMNS:
                    dict_writer.writerow([form.name, name, label, "text", "", "", "", name, every])
            prefix = form.subject_prefix
            header = ["site", "screening_number", "id", *[v.attname for v in variables]]
            header.append("voided")
            columns = len(header) - 1
            scope = {f"{prefix}study": study, f"{prefix}site__in": sites}
            rows = form.rows(**scope).values_list(
                f"{prefix}site__code",
                f"{prefix}screening_number",
                "pk",
                *[v.attname for v in variables],
                *(coding.CODING_LOOKUPS if is_ae else ()),
            )
            if is_ae:
                header += [name for name, _label in CODED_COLUMNS]
            count = 0
            with archive.open(f"{form.name}.csv", "w", force_zip64=True) as entry:
                entry.write(line.writerow(header).encode())
                voided_at = header.index("voided_at")
                for row in rows.iterator(chunk_size=CHUNK):
                    cells = [safe_cell(value_text(v)) for v in row[:columns]]
                    cells.append("Y" if row[voided_at] is not None else "N")
                    if is_ae:
                        cells += [safe_cell(cell) for cell in _coded_cells(row[columns:])]
                    entry.write(line.writerow(cells).encode())
                    count += 1
            result.rows[form.name] = count
        archive.writestr("data_dictionary.csv", dictionary.getvalue())
        readme = CSV_README.format(
            registry_id=study.registry_id,
            title=study.title,
            now=timezone.localtime().isoformat(timespec="seconds"),
            sites=sites_text(study, sites),
        )
        archive.writestr("README.txt", readme)
    return result


# --- odm --------------------------------------------------------------------------------------


def _el(tag, attrs=None, *children, text=None):
    element = ET.Element(tag, {k: str(v) for k, v in (attrs or {}).items() if v is not None})
    for child in children:
        if child is not None:
            element.append(child)
    if text is not None:
        element.text = text
    return element


def _translated(tag, text):
    return _el(tag, {}, _el("TranslatedText", {"xml:lang": "en"}, text=text))


def _item_oid(form: Form, v) -> str:
    return f"IT.{form.name.upper()}.{v.attname.upper()}"


def _codelist_oid(form: Form, v) -> str:
    return f"CL.{form.name.upper()}.{v.attname.upper()}"


def _unit_oid(unit: str) -> str:
    return "MU." + re.sub(r"[^A-Za-z0-9]", "_", unit)


STATUS_ITEMS = [
    # Voided records stay in the file, flagged by these items (see write_odm).
    ("VOIDED", "Voided as entered in error", "boolean"),
]
EVENT_OID = "SE.CASEBOOK"


@dataclass(frozen=True)
class OdmVersion:
    """A protocol version of the study as an ODM MetaDataVersion (issue 21 item 4)."""

    number: str
    pk: int | None  # its StudyVersion; None for a study whose versions were never published
    summary: str = ""
    # The fields ("ecrf.vitalsigns.heart_rate") first asked in a later version: not in
    # this one's item groups. A field the version hides stays: its data are exported.
    absent: frozenset[str] = frozenset()

    @property
    def oid(self) -> str:
        return f"MDV.{self.number}"


def odm_versions(study: Study) -> list[OdmVersion]:
    """The study's published protocol versions, oldest first; the protocol as registered
    ("1.0") for a study that has none published yet."""
    from ecrf.versions import REGISTERED, version_fields

    rows = list(study.protocol_versions.order_by("created_at", "pk"))
    if not rows:
        return [OdmVersion(REGISTERED, None, absent=version_fields(study.package, REGISTERED)[1])]
    return [
        OdmVersion(
            row.number, row.pk, row.summary, absent=version_fields(study.package, row.declared)[1]
        )
        for row in rows
    ]


def _metadata(study: Study, all_forms: list[Form], versions: list[OdmVersion]) -> ET.Element:
    """The Study element: its units, then one MetaDataVersion per protocol version."""
    units = sorted({unit_of(v) for f in all_forms for v in f.variables()} - {""})
    basic = _el(
        "BasicDefinitions",
        {},
        *[
            _el("MeasurementUnit", {"OID": _unit_oid(u), "Name": u}, _translated("Symbol", u))
            for u in units
        ],
    )
    return _el(
        "Study",
        {"OID": study.registry_id},
        _el(
            "GlobalVariables",
            {},
            _el("StudyName", text=study.registry_id),
            _el("StudyDescription", text=study.title),
            _el("ProtocolName", text=study.package),
        ),
        basic,
        *[_metadata_version(study, all_forms, version) for version in versions],
    )


def _in_version(form: Form, v: models.Field, version: OdmVersion) -> bool:
    return f"{form.model._meta.label_lower}.{v.name}" not in version.absent


def _metadata_version(study: Study, all_forms: list[Form], version: OdmVersion) -> ET.Element:
    mdv = _el(
        "MetaDataVersion",
        {
            "OID": version.oid,
            "Name": f"{study.registry_id} protocol version {version.number}",
            "Description": version.summary or None,
        },
    )
    mdv.append(
        _el(
            "Protocol",
            {},
            _el(
                "StudyEventRef", {"StudyEventOID": EVENT_OID, "OrderNumber": 1, "Mandatory": "Yes"}
            ),
        )
    )
    event = _el(
        "StudyEventDef",
        {"OID": EVENT_OID, "Name": "Casebook", "Repeating": "No", "Type": "Common"},
    )
    for number, form in enumerate(all_forms, 1):
        event.append(
            _el(
                "FormRef",
                {"FormOID": f"F.{form.name.upper()}", "OrderNumber": number, "Mandatory": "No"},
            )
        )
    mdv.append(event)
    for form in all_forms:
        mdv.append(
            _el(
                "FormDef",
                {"OID": f"F.{form.name.upper()}", "Name": form.label, "Repeating": "Yes"},
                _el(
                    "ItemGroupRef",
                    {"ItemGroupOID": f"IG.{form.name.upper()}", "Mandatory": "Yes"},
                ),
            )
        )
    for form in all_forms:
        group = _el(
            "ItemGroupDef",
            {"OID": f"IG.{form.name.upper()}", "Name": form.label, "Repeating": "No"},
        )
        variables = [v for v in form.odm_variables() if _in_version(form, v, version)]
        for number, v in enumerate(variables, 1):
            group.append(
                _el(
                    "ItemRef",
                    {"ItemOID": _item_oid(form, v), "OrderNumber": number, "Mandatory": "No"},
                )
            )
        for code, _label, _type in STATUS_ITEMS:
            group.append(_el("ItemRef", {"ItemOID": f"IT.{code}", "Mandatory": "Yes"}))
        mdv.append(group)
    codelists = []
    for form in all_forms:
        for v in form.odm_variables():
            if not _in_version(form, v, version):
                continue
            kind = data_type(v)
            attrs = {"OID": _item_oid(form, v), "Name": v.attname, "DataType": kind}
            if kind == "text" and getattr(v, "max_length", None):
                attrs["Length"] = v.max_length
            codes = codes_of(v)
            unit = unit_of(v)
            mdv.append(
                _el(
                    "ItemDef",
                    attrs,
                    _translated("Question", str(v.verbose_name)),
                    _el("MeasurementUnitRef", {"MeasurementUnitOID": _unit_oid(unit)})
                    if unit
                    else None,
                    _el("CodeListRef", {"CodeListOID": _codelist_oid(form, v)}) if codes else None,
                )
            )
            if codes:
                codelists.append(
                    _el(
                        "CodeList",
                        {"OID": _codelist_oid(form, v), "Name": v.attname, "DataType": "text"},
                        *[
                            _el(
                                "CodeListItem",
                                {"CodedValue": code},
                                _translated("Decode", label),
                            )
                            for code, label in codes
                        ],
                    )
                )
    for code, label, kind in STATUS_ITEMS:
        mdv.append(
            _el(
                "ItemDef",
                {"OID": f"IT.{code}", "Name": code, "DataType": kind},
                _translated("Question", label),
            )
        )
    for codelist in codelists:
        mdv.append(codelist)
    return mdv


def _location_versions(study: Study, sites: list[Site], versions: list[OdmVersion]):
    """Each site's MetaDataVersionRefs: the versions put in force there, each from its
    date; the first version from the study's start at a site with none recorded."""
    from ecrf.models import SiteVersion

    oids = {version.pk: version.oid for version in versions}
    found: dict[int, list[tuple[str, str]]] = {}
    rows = SiteVersion.objects.filter(site__in=sites, version__study=study).order_by(
        "in_force_from", "pk"
    )
    for site_id, version_id, since in rows.values_list("site_id", "version_id", "in_force_from"):
        if version_id in oids:
            found.setdefault(site_id, []).append((oids[version_id], since.isoformat()))
    return {site.pk: found.get(site.pk) or [(versions[0].oid, "2024-01-01")] for site in sites}


def _admin_data(
    study: Study, user_ids: set[int], sites: list[Site], versions: list[OdmVersion]
) -> ET.Element:
    admin = _el("AdminData", {"StudyOID": study.registry_id})
    admin.append(_el("User", {"OID": "USR.SYSTEM"}, _el("LoginName", text="(system)")))
    for user in get_user_model().objects.filter(pk__in=user_ids).order_by("pk"):
        admin.append(
            _el(
                "User",
                {"OID": f"USR.{user.pk}"},
                _el("LoginName", text=user.get_username()),
                _el("FullName", text=user.get_full_name() or user.get_username()),
            )
        )
    in_force = _location_versions(study, sites, versions)
    for site in sorted(sites, key=lambda site: site.code):
        admin.append(
            _el(
                "Location",
                {"OID": f"LOC.{site.code}", "Name": site.name, "LocationType": "Site"},
                *[
                    _el(
                        "MetaDataVersionRef",
                        {
                            "StudyOID": study.registry_id,
                            "MetaDataVersionOID": oid,
                            "EffectiveDate": since,
                        },
                    )
                    for oid, since in in_force[site.pk]
                ],
            )
        )
    # 21 CFR 11.50: each signature shows its meaning (ODM 1.3.2 SignatureDef).
    for code, label in SignatureMeaning.choices:
        admin.append(
            _el(
                "SignatureDef",
                {"OID": f"SD.{code.upper()}", "Methodology": "Electronic"},
                _el("Meaning", text=str(label)),
                _el("LegalReason", text="21 CFR Part 11 electronic signature"),
            )
        )
    return admin


# The clinical data are written as text, not through ElementTree: a study of 100,000 lab
# values has some 3 million ItemData, and building an element for each costs ten times
# the string (issue 7: the export in seconds). _xml() escapes every value once.
_SPECIAL = re.compile(r'[&<>"\n\r\t\x00-\x08\x0b\x0c\x0e-\x1f]')
_ESCAPES = {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;"}
# In an attribute, a parser turns a raw newline or tab into a space (XML 1.0 §3.3.3):
# written as character references they survive. Other control characters cannot appear
# in XML 1.0 at all; the database refuses NUL, and the rest are written as "?".
_ESCAPES |= {"\n": "&#10;", "\r": "&#13;", "\t": "&#9;"}


def _xml(text: str) -> str:
    """Text escaped for an XML attribute value or element content."""
    if _SPECIAL.search(text) is None:
        return text
    return _SPECIAL.sub(lambda m: _ESCAPES.get(m.group(), "?"), text)


def _utc(moment: dt.datetime) -> str:
    return moment.astimezone(dt.UTC).isoformat()


# --- The clinical data: one query per form for the whole study ---------------------------------
#
# Each form is read by one query, sorted by subject, through a server-side cursor
# (ODM_CHUNK rows at a time), and the subjects are written in step with all the forms'
# cursors: the number of queries does not grow with subjects or rows, and memory holds
# one chunk per form and one subject's output, never the whole study (issue 7: 100,000
# lab values in seconds, memory flat). PostgreSQL writes each value as its ODM text and
# finds each record's last audit event in the same query, so Python only escapes free
# text and joins strings: some 2.5 million ItemData for the bench study.

# A value's ODM text (ODM 1.3.2, "Data Formats"), as PostgreSQL writes it. It is the text
# value_text() gives, character for character: ISO 8601 in UTC with the microseconds only
# when there are some (datetime.isoformat()), "true"/"false", and numbers as PostgreSQL's
# text, which is Python's str() of the loaded int or Decimal. NULL and "" write no ItemData
# (tests/exports/test_exports.py compares every value with value_text()).
_ISO_UTC = (
    "replace(to_char(%(expressions)s AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US'), "
    "'.000000', '') || '+00:00'"
)
_ISO_DATE = "to_char(%(expressions)s, 'YYYY-MM-DD')"
_ISO_TIME = "replace(to_char(%(expressions)s, 'HH24:MI:SS.US'), '.000000', '')"


def _as_text(template: str, expression) -> Func:
    return Func(expression, template=template, output_field=models.TextField())


def _odm_text(model_field: models.Field):
    column = F(model_field.attname)
    kind = data_type(model_field)
    text = models.TextField()
    if isinstance(model_field, ArrayField):
        joined = Func(column, Value(";"), function="array_to_string", output_field=text)
        return NullIf(joined, Value(""), output_field=text)
    if kind == "boolean":
        return Case(
            When(**{model_field.attname: True}, then=Value("true")),
            When(**{model_field.attname: False}, then=Value("false")),
            output_field=text,
        )
    if kind == "datetime":
        return _as_text(_ISO_UTC, column)
    if kind == "date":
        return _as_text(_ISO_DATE, column)
    if kind == "time":
        return _as_text(_ISO_TIME, column)
    if kind == "text":
        return NullIf(Cast(column, text), Value(""), output_field=text)
    return Cast(column, text)


# Each record's last audit event (ODM AuditRecord: who, when, why), joined to its row: each
# event table has an index by record, newest first, holding the time and context (audited(),
# ecrf/models/core.py), so this is one index entry per row, no sort and no table page.
# The ORM cannot write a LATERAL join; the rows' query is the ORM's.
_WITH_LAST_CHANGE = """SELECT record.*, {changed_at}, context.metadata ->> 'user',
    context.metadata ->> 'reason', context.metadata ->> 'reason_detail',
    context.metadata ->> 'request_id'
FROM ({records}) AS record
LEFT JOIN LATERAL (
    SELECT pgh_created_at, pgh_context_id FROM {events} WHERE pgh_obj_id = record.odm_pk
    ORDER BY pgh_id DESC LIMIT 1
) AS change ON TRUE
LEFT JOIN {contexts} AS context ON context.id = change.pgh_context_id
ORDER BY record.odm_subject, record.odm_pk"""


def _form_query(form: Form, study: Study, sites: list[Site]) -> tuple[str, tuple]:
    """SQL of a form's records of the sites, by subject then pk, each row (subject pk, pk,
    version, "true"/"false" voided, entered at, the ODM text of each item..., last
    change's time, its user, reason, reason detail and request id)."""
    records = (
        form.model.all_objects.filter(
            **{f"{form.subject_prefix}study": study, f"{form.subject_prefix}site__in": sites}
        )
        .annotate(odm_subject=F(f"{form.subject_prefix}pk"), odm_pk=F("pk"))
        .order_by("odm_subject", "odm_pk")
        .values_list(
            "odm_subject",
            "odm_pk",
            "version",
            Case(
                When(voided_at__isnull=True, then=Value("false")),
                default=Value("true"),
                output_field=models.TextField(),
            ),
            "created_at",  # when it was entered: the protocol version it refers to
            *[_odm_text(v) for v in form.odm_variables()],
        )
    )
    sql, params = records.query.sql_with_params()
    events = audit.subject_links()[form.model].event_model
    contexts = events._meta.get_field("pgh_context").related_model
    quote = connection.ops.quote_name
    return (
        _WITH_LAST_CHANGE.format(
            changed_at=_ISO_UTC % {"expressions": "change.pgh_created_at"},
            records=sql,
            events=quote(events._meta.db_table),
            contexts=quote(contexts._meta.db_table),
        ),
        params,
    )


# Every form's cursor is open at once, each holding its last chunk: smaller chunks than
# CHUNK keep the export's memory growth near 10 MiB, for a few more round trips.
ODM_CHUNK = 500


def _read(sql: str, params) -> Iterator[tuple]:
    """The rows of a query, ODM_CHUNK at a time from a server-side cursor."""
    with connection.chunked_cursor() as cursor:
        cursor.execute(sql, params)
        while rows := cursor.fetchmany(ODM_CHUNK):
            yield from rows


class _BySubject:
    """Rows sorted by subject pk (their first column), handed out one subject at a time
    while the subjects are written in pk order."""

    def __init__(self, rows: Iterator[tuple]):
        self._groups = groupby(rows, itemgetter(0))
        self._advance()

    def _advance(self):
        subject_id, rows = next(self._groups, (None, ()))
        self._subject_id, self._rows = subject_id, list(rows)

    def take(self, subject_id: int) -> list[tuple]:
        # Rows of a subject that is not written (registered in the study after the
        # subjects were read) are passed over.
        while self._subject_id is not None and self._subject_id < subject_id:
            self._advance()
        if self._subject_id != subject_id:
            return []
        rows = self._rows
        self._advance()
        return rows


class _AuditRecords:
    """Each record's last change as an ODM 1.3.2 AuditRecord: who, where, when, why. A
    record has one AuditRecord in a snapshot; its full history is the eCRF's audit trail.
    The parts shared by many records (user and site, reason) are written once."""

    def __init__(self, known: set[int]):
        self.known = {str(pk) for pk in known}  # the context's user comes as text (->>)
        self._heads: dict[tuple, str] = {}
        self.tail = functools.lru_cache(maxsize=1024)(self._tail)

    def head(self, user: str | None, site_code: str) -> str:
        key = (user, site_code)
        if key not in self._heads:
            self._heads[key] = (
                f"<AuditRecord>{_user_ref(user, self.known)}"
                f'<LocationRef LocationOID="LOC.{_xml(site_code)}"/><DateTimeStamp>'
            )
        return self._heads[key]

    @staticmethod
    def _tail(reason: str | None, detail: str | None, request_id: str | None) -> str:
        why = ": ".join(p for p in (reason, detail) if p)
        return (
            "</DateTimeStamp>"
            + (f"<ReasonForChange>{_xml(why)}</ReasonForChange>" if why else "")
            + (f"<SourceID>{_xml(request_id)}</SourceID>" if request_id else "")
            + "</AuditRecord>"
        )


def _user_ref(user_id, known: set) -> str:
    oid = f"USR.{user_id}" if user_id in known else "USR.SYSTEM"
    return f'<UserRef UserOID="{oid}"/>'


def _signature(signature: tuple, site_code: str, known: set[int]) -> str:
    *_, signer_id, meaning, signed_at = signature
    return (
        f"<Signature>{_user_ref(signer_id, known)}"
        f'<LocationRef LocationOID="LOC.{_xml(site_code)}"/>'
        f'<SignatureRef SignatureOID="SD.{meaning.upper()}"/>'
        f"<DateTimeStamp>{_utc(signed_at)}</DateTimeStamp></Signature>"
    )


def _signatures_by_subject(study: Study, sites: list[Site]) -> _BySubject:
    """Each subject's signatures, oldest first: (subject pk, content type, record pk, form
    version, signer, meaning, signed at); no content type for the casebook's."""
    signatures = (
        Signature.objects.filter(subject__study=study, subject__site__in=sites)
        .order_by("subject_id", "signed_at", "pk")
        .values_list(
            "subject_id",
            "content_type_id",
            "object_id",
            "form_version",
            "signer_id",
            "meaning",
            "signed_at",
        )
    )
    return _BySubject(signatures.iterator(chunk_size=ODM_CHUNK))


@dataclass(frozen=True)
class _OdmForm:
    """What writing a form's records needs, worked out once per export."""

    form: Form
    content_type_id: int
    opening: str  # '<FormData FormOID="F.X" FormRepeatKey="'
    group: str  # '<ItemGroupData ItemGroupOID="IG.X">'
    items: tuple  # (item OID's opening '<ItemData ItemOID="IT.X.Y" Value="', free text?)

    @classmethod
    def of(cls, form: Form, content_type_id: int) -> _OdmForm:
        name = form.name.upper()
        return cls(
            form,
            content_type_id,
            f'<FormData FormOID="F.{name}" FormRepeatKey="',
            f'<ItemGroupData ItemGroupOID="IG.{name}">',
            tuple(
                (f'<ItemData ItemOID="{_item_oid(form, v)}" Value="', data_type(v) == "text")
                for v in form.odm_variables()
            ),
        )


def _subject_data(
    subject: tuple, per_form: list, signatures: list, audit_records: _AuditRecords, known: set
) -> str:
    """One SubjectData: its casebook signature, then each form's records, each with its
    AuditRecord, its signature if it covers the version written, and its items."""
    _pk, screening_number, site_code = subject
    forms_signed, casebook = {}, None
    for signature in signatures:  # oldest first: the latest of each record stays
        if signature[1] is None:
            casebook = signature
        else:
            forms_signed[(signature[1], signature[2])] = signature
    out = [f'<SubjectData SubjectKey="{_xml(screening_number)}">']
    if casebook is not None:
        out.append(_signature(casebook, site_code, known))
    out.append(f'<SiteRef LocationOID="LOC.{_xml(site_code)}"/>')
    out.append(f'<StudyEventData StudyEventOID="{EVENT_OID}">')
    append = out.append
    for odm_form, rows in per_form:
        opening, group, items = odm_form.opening, odm_form.group, odm_form.items
        for (
            _subject,
            pk,
            version,
            voided,
            _entered,
            *values,
            at,
            user,
            reason,
            detail,
            source,
        ) in rows:
            append(f'{opening}{pk}">')
            if at is not None:
                append(audit_records.head(user, site_code))
                append(at)
                append(audit_records.tail(reason, detail, source))
            signature = forms_signed.get((odm_form.content_type_id, pk))
            if signature is not None and signature[3] == version:
                append(_signature(signature, site_code, known))
            append(group)
            for (item, free_text), value in zip(items, values, strict=True):
                if value is not None:
                    append(f'{item}{_xml(value) if free_text else value}"/>')
            append(f'<ItemData ItemOID="IT.VOIDED" Value="{voided}"/></ItemGroupData></FormData>')
    out.append("</StudyEventData></SubjectData>\n")
    return "".join(out)


def odm_chunks(
    study: Study, sites: list[Site], result: ExportResult | None = None
) -> Iterator[bytes]:
    """The ODM document of the subjects of `sites`, in pieces: the metadata, then one
    SubjectData at a time. Its users are those of these sites and the people who
    registered or signed their records.

    Voided records are kept, flagged by the IT.VOIDED status item (declared in every
    item group), not marked TransactionType="Remove": the file is a Snapshot (ODM 1.3.2,
    the ODM element's FileType attribute), which carries the current state of each
    record, and the TransactionType attribute of ClinicalData's elements (Insert, Update,
    Remove, Upsert, Context) describes changes in Transactional files; "Remove" would
    tell a receiver to delete data that must stay readable (ICH E6(R3) 4.2.3; 21 CFR
    11.10(e)). Each record carries one AuditRecord (its last change: who, where, when,
    why) and its signature in force (Signature, SignatureRef to a SignatureDef in
    AdminData); the full history stays in the eCRF's audit trail.

    Run it in a transaction (study_export does): outside one, PostgreSQL would hold every
    form's whole result for the cursors (WITH HOLD) before the first subject is written."""
    result = result if result is not None else ExportResult(ODM)
    all_forms = forms(study)
    ET.register_namespace("", ODM_NS)
    now = timezone.now().astimezone(dt.UTC).isoformat()
    known = set(
        get_user_model()
        .objects.filter(memberships__site__in=sites)
        .values_list("pk", flat=True)
        .distinct()
    )
    known |= set(
        Subject.all_objects.filter(study=study, site__in=sites)
        .values_list("created_by_id", flat=True)
        .distinct()
    )
    known |= set(
        Signature.objects.filter(subject__study=study, subject__site__in=sites).values_list(
            "signer_id", flat=True
        )
    )
    yield (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<ODM xmlns="{ODM_NS}" ODMVersion="1.3.2" FileType="Snapshot" '
        f'FileOID="{study.registry_id}.{now}" CreationDateTime="{now}" '
        'Originator="BAL eCRF">\n'
    ).encode()
    timelines = SubjectVersions.read(study, sites)
    versions = timelines.ordered
    yield _bytes(_metadata(study, all_forms, versions))
    yield _bytes(_admin_data(study, known, sites, versions))
    content_types = ContentType.objects.get_for_models(*[f.model for f in all_forms])
    odm_forms = [_OdmForm.of(f, content_types[f.model].pk) for f in all_forms]
    audit_records = _AuditRecords(known)
    counts = dict.fromkeys((f.form.name for f in odm_forms), 0)
    subjects = list(
        Subject.all_objects.filter(study=study, site__in=sites)
        .order_by("pk")
        .values_list("pk", "screening_number", "site__code")
    )
    # One ClinicalData per version the subjects' records refer to (ODM 1.3.2: ClinicalData
    # carries its MetaDataVersionOID): a re-consented subject is in two, each form under
    # the version in force for them when it was entered. Each pass reads the forms again.
    for version in timelines.used() or versions[:1]:
        yield (
            f'<ClinicalData StudyOID="{study.registry_id}" MetaDataVersionOID="{version.oid}">\n'
        ).encode()
        # A study with no site yet (synced, not opened) has no rows to read, and no
        # query (a filter on no sites compiles to nothing).
        records = [
            (f, _BySubject(_read(*_form_query(f.form, study, sites)) if sites else iter(())))
            for f in odm_forms
        ]
        signatures = _signatures_by_subject(study, sites)
        for subject in subjects:
            per_form = [
                (odm_form, timelines.rows_in(version, subject, rows.take(subject[0]), odm_form))
                for odm_form, rows in records
            ]
            signed = signatures.take(subject[0])
            if not any(rows for _form, rows in per_form):
                continue
            for odm_form, rows in per_form:
                counts[odm_form.form.name] += len(rows)
            yield _subject_data(subject, per_form, signed, audit_records, known).encode()
        yield b"</ClinicalData>\n"
    result.rows.update({name: count for name, count in counts.items() if count})
    yield b"</ODM>\n"


class SubjectVersions:
    """The protocol version each subject's records refer to: the version a subject was
    screened and consented under, then each re-consent's from its date (ecrf.versions).
    A record refers to the subject's version on the day it was entered, in the site's
    time zone."""

    def __init__(self, versions: list[OdmVersion], subjects, reconsents):
        """`subjects`: (pk, protocol version pk, site time zone) of each; `reconsents`:
        (subject pk, date, version pk) of each live re-consent, oldest first."""
        from ecrf.versions import REGISTERED

        self.ordered = versions
        self.versions = {version.pk: version for version in versions}
        # A subject screened before versions were recorded is on the registered one.
        first = next((v.pk for v in versions if v.number == REGISTERED), versions[0].pk)
        self.zones: dict[int, zoneinfo.ZoneInfo] = {}
        # subject pk -> [(from date or None, version pk)], oldest first
        self.timelines: dict[int, list[tuple[dt.date | None, int | None]]] = {}
        for pk, version_id, zone in subjects:
            self.timelines[pk] = [(None, version_id or first)]
            self.zones[pk] = zoneinfo.ZoneInfo(zone)
        for subject_id, since, version_id in reconsents:
            if subject_id in self.timelines:
                self.timelines[subject_id].append((since, version_id))

    @classmethod
    def read(cls, study: Study, sites: list[Site], subjects=None) -> SubjectVersions:
        """The study's versions and the timelines of the subjects of `sites` (or of the
        Subject rows given, their site selected): two queries, three without `subjects`."""
        from ecrf.models import Reconsent

        if subjects is None:
            rows = Subject.all_objects.filter(study=study, site__in=sites).values_list(
                "pk", "protocol_version_id", "site__time_zone"
            )
        else:
            rows = [(s.pk, s.protocol_version_id, s.site.time_zone) for s in subjects]
        reconsents = (
            Reconsent.objects.filter(subject__study=study, subject__site__in=sites)
            .order_by("reconsent_date", "pk")
            .values_list("subject_id", "reconsent_date", "protocol_version_id")
        )
        return cls(odm_versions(study), rows, reconsents)

    def used(self) -> list[OdmVersion]:
        """The versions some subject is or was on, oldest first."""
        used = {pk for timeline in self.timelines.values() for _since, pk in timeline}
        return [v for pk, v in self.versions.items() if pk in used]

    def rows_in(self, version: OdmVersion, subject: tuple, rows: list[tuple], odm_form) -> list:
        """The subject's rows (entered at, column 4) of a form that refer to the version.
        The registration refers to the version the subject was screened under."""
        timeline = self.timelines.get(subject[0], [(None, None)])
        if len(timeline) == 1 or odm_form.form.model is Subject:
            return rows if timeline[0][1] == version.pk else []
        zone = self.zones[subject[0]]
        return [
            row for row in rows if self._on(timeline, row[4].astimezone(zone).date()) == version.pk
        ]

    def number_on(self, subject_id: int, day: dt.date) -> str:
        """The number of the version the subject was on that day."""
        timeline = self.timelines.get(subject_id, [(None, None)])
        return self.versions[self._on(timeline, day)].number

    @staticmethod
    def _on(timeline, day: dt.date) -> int | None:
        current = timeline[0][1]
        for since, pk in timeline[1:]:
            if since <= day:
                current = pk
        return current


def _bytes(element: ET.Element) -> bytes:
    # Serialised without a namespace prefix: the ODM element above declares the default
    # namespace, which every element written here belongs to.
    text = ET.tostring(element, encoding="unicode", short_empty_elements=True)
    return (text + "\n").encode()


def write_odm(study: Study, target, sites: list[Site]) -> ExportResult:
    result = ExportResult(ODM)
    for chunk in odm_chunks(study, sites, result):
        target.write(chunk)
    return result


def write(study: Study, fmt: str, target, sites: list[Site]) -> ExportResult:
    """The export of the subjects of `sites` (sites of the study) into `target`."""
    if fmt == CSV:
        return write_csv(study, target, sites)
    if fmt == ODM:
        return write_odm(study, target, sites)
    if fmt == SDTM:
        from ecrf import sdtm  # pandas is heavy: imported only for this export

        result = ExportResult(SDTM)
        sdtm.write_sdtm(study, target, result, sites)
        return result
    raise ValueError(f"Unknown export format {fmt!r}.")
