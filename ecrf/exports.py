"""Exports of a study's casebooks for statisticians and regulators (issue 6, item 1).

- csv: a zip with one CSV per form (every study record linked to subjects, voided rows
  included and flagged) and a data dictionary (variable, label, type, unit, codes);
- odm: CDISC ODM 1.3.2 XML, metadata and clinical data, with the last audit record of
  each record, its signature, and voided records flagged.

Both are written to a file object (a temporary file for the page, the output path for
the command), rows read with iterator() in chunks, so memory stays flat whatever the
number of rows: the zip is written entry by entry, the ODM document subject by subject.
- sdtm: SDTM DM, AE, LB, EX, VS, DS, DV, TS and their SUPP-- datasets as SAS transport
  v5 (.xpt) with a CSV beside each and a README.txt, in a zip (ecrf/sdtm/; voided
  records left out, non-ASCII text replaced in the .xpt and kept in the CSV).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from xml.etree import ElementTree as ET

from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.contrib.postgres.fields import ArrayField
from django.db import models
from django.utils import timezone

from ecrf import audit, coding
from ecrf.models import (
    AdverseEvent,
    Signature,
    SignatureMeaning,
    Study,
    StudyRecord,
    Subject,
)

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


def forms() -> list[Form]:
    """Every study record linked to subjects, found as the audit trail finds them (by
    their foreign keys), so a new form is exported without being listed here."""
    result = []
    for model, link in audit.subject_links().items():
        if not issubclass(model, StudyRecord):
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


def write_csv(study: Study, target) -> ExportResult:
    """The zip of CSVs, written into `target` (a seekable binary file)."""
    result = ExportResult(CSV)
    line = csv.writer(_Echo())
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        dictionary = io.StringIO()
        dict_writer = csv.writer(dictionary)
        dict_writer.writerow(["form", "variable", "label", "type", "length", "unit", "codes"])
        for form in forms():
            variables = form.variables()
            for v in variables:
                codes = " | ".join(f"{c}={label}" for c, label in codes_of(v))
                length = getattr(v, "max_length", None) or ""
                dict_writer.writerow(
                    [form.name, v.attname, str(v.verbose_name), data_type(v), length]
                    + [unit_of(v), codes]
                )
            is_ae = form.model is AdverseEvent
            if is_ae:
                for name, label in CODED_COLUMNS:
                    dict_writer.writerow([form.name, name, label, "text", "", "", ""])
            prefix = form.subject_prefix
            header = ["site", "screening_number", "id", *[v.attname for v in variables]]
            header.append("voided")
            columns = len(header) - 1
            rows = form.rows(**{f"{prefix}study": study}).values_list(
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
                    cells = [value_text(v) for v in row[:columns]]
                    cells.append("Y" if row[voided_at] is not None else "N")
                    if is_ae:
                        cells += _coded_cells(row[columns:])
                    entry.write(line.writerow(cells).encode())
                    count += 1
            result.rows[form.name] = count
        archive.writestr("data_dictionary.csv", dictionary.getvalue())
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
MDV_OID = "MDV.1"


def _metadata(study: Study, all_forms: list[Form]) -> ET.Element:
    units = sorted({unit_of(v) for f in all_forms for v in f.variables()} - {""})
    basic = _el(
        "BasicDefinitions",
        {},
        *[
            _el("MeasurementUnit", {"OID": _unit_oid(u), "Name": u}, _translated("Symbol", u))
            for u in units
        ],
    )
    mdv = _el("MetaDataVersion", {"OID": MDV_OID, "Name": f"{study.registry_id} eCRF"})
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
        for number, v in enumerate(form.odm_variables(), 1):
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
        mdv,
    )


def _admin_data(study: Study, user_ids: set[int]) -> ET.Element:
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
    for site in study.sites.order_by("code"):
        admin.append(
            _el(
                "Location",
                {"OID": f"LOC.{site.code}", "Name": site.name, "LocationType": "Site"},
                _el(
                    "MetaDataVersionRef",
                    {
                        "StudyOID": study.registry_id,
                        "MetaDataVersionOID": MDV_OID,
                        "EffectiveDate": "2024-01-01",
                    },
                ),
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


def _user_ref(user_id, known: set[int]) -> str:
    oid = f"USR.{user_id}" if user_id in known else "USR.SYSTEM"
    return f'<UserRef UserOID="{oid}"/>'


def _audit_record(last_change: tuple, site_code: str, known: set[int]) -> str:
    """The record's last change (ODM 1.3.2 AuditRecord: who, where, when, why). A record
    has one AuditRecord in a snapshot; its full history is the eCRF's audit trail."""
    at, context = last_change
    why = ": ".join(p for p in (context.get("reason"), context.get("reason_detail")) if p)
    request_id = context.get("request_id")
    return (
        f"<AuditRecord>{_user_ref(context.get('user'), known)}"
        f'<LocationRef LocationOID="LOC.{_xml(site_code)}"/>'
        f"<DateTimeStamp>{_utc(at)}</DateTimeStamp>"
        + (f"<ReasonForChange>{_xml(why)}</ReasonForChange>" if why else "")
        + (f"<SourceID>{_xml(str(request_id))}</SourceID>" if request_id else "")
        + "</AuditRecord>"
    )


def _signature(signature: Signature, site_code: str, known: set[int]) -> str:
    return (
        f"<Signature>{_user_ref(signature.signer_id, known)}"
        f'<LocationRef LocationOID="LOC.{_xml(site_code)}"/>'
        f'<SignatureRef SignatureOID="SD.{signature.meaning.upper()}"/>'
        f"<DateTimeStamp>{_utc(signature.signed_at)}</DateTimeStamp></Signature>"
    )


def _text_of(model_field: models.Field):
    """value -> its ODM text, chosen once per field rather than tested per value."""
    kind = data_type(model_field)
    if isinstance(model_field, ArrayField):
        return lambda value: ";".join(str(v) for v in value)
    if kind == "boolean":
        return lambda value: "true" if value else "false"
    if kind == "datetime":
        return _utc
    if kind in ("date", "time"):
        return lambda value: value.isoformat()
    return str


# Subjects are written a batch at a time: each form is read once per batch (its rows,
# then their last audit events), so the number of queries grows with subjects / BATCH,
# not with rows, and memory holds one batch's rows as tuples, never the whole study.
SUBJECT_BATCH = 25


def _form_rows(form: Form, subject_ids: list[int]) -> dict[int, list[tuple]]:
    """{subject id: [(pk, version, voided_at, value of each item...), ...]} for the
    batch, in pk order."""
    names = [v.attname for v in form.odm_variables()]
    link = f"{form.subject_prefix}pk"
    rows = (
        form.model.all_objects.filter(**{f"{link}__in": subject_ids})
        .order_by("pk")
        .values_list(link, "pk", "version", "voided_at", *names)
    )
    by_subject: dict[int, list[tuple]] = {}
    for subject_id, *row in rows.iterator(chunk_size=CHUNK):
        by_subject.setdefault(subject_id, []).append(tuple(row))
    return by_subject


def _last_changes(form: Form, ids: list[int]) -> dict[int, tuple]:
    """{record pk: (when, audit context)} of each record's latest audit event."""
    if not ids:
        return {}
    event_model = audit.subject_links()[form.model].event_model
    events = (
        event_model.objects.filter(pgh_obj_id__in=ids)
        .order_by("pgh_obj_id", "-pgh_id")
        .distinct("pgh_obj_id")
        .values_list("pgh_obj_id", "pgh_created_at", "pgh_context__metadata")
    )
    return {obj: (at, metadata or {}) for obj, at, metadata in events}


def _signatures(subject_ids: list[int]) -> dict[int, tuple[dict, Signature | None]]:
    """Per subject: the latest signature of each signed form, and of the casebook."""
    signed: dict[int, tuple[dict, Signature | None]] = {}
    signatures = Signature.objects.filter(subject_id__in=subject_ids).order_by("signed_at", "pk")
    for signature in signatures:
        forms_signed, casebook = signed.get(signature.subject_id, ({}, None))
        if signature.content_type_id is None:
            casebook = signature
        else:
            forms_signed[(signature.content_type_id, signature.object_id)] = signature
        signed[signature.subject_id] = (forms_signed, casebook)
    return signed


@dataclass(frozen=True)
class _OdmForm:
    """What writing a form's records needs, worked out once per export."""

    form: Form
    content_type_id: int
    opening: str  # '<FormData FormOID="F.X" FormRepeatKey="'
    group: str  # '<ItemGroupData ItemGroupOID="IG.X">'
    items: tuple  # (item OID's opening '<ItemData ItemOID="IT.X.Y" Value="', value -> text)

    @classmethod
    def of(cls, form: Form, content_type_id: int) -> _OdmForm:
        name = form.name.upper()
        return cls(
            form,
            content_type_id,
            f'<FormData FormOID="F.{name}" FormRepeatKey="',
            f'<ItemGroupData ItemGroupOID="IG.{name}">',
            tuple(
                (f'<ItemData ItemOID="{_item_oid(form, v)}" Value="', _text_of(v))
                for v in form.odm_variables()
            ),
        )


def _batch_data(subjects, odm_forms, known, result) -> Iterator[str]:
    ids = [subject.pk for subject in subjects]
    signed = _signatures(ids)
    per_form = []
    for odm_form in odm_forms:
        rows = _form_rows(odm_form.form, ids)
        pks = [row[0] for subject_rows in rows.values() for row in subject_rows]
        per_form.append((odm_form, rows, _last_changes(odm_form.form, pks)))
    for subject in subjects:
        site_code = subject.site.code
        forms_signed, casebook = signed.get(subject.pk, ({}, None))
        out = [f'<SubjectData SubjectKey="{_xml(subject.screening_number)}">']
        if casebook is not None:
            out.append(_signature(casebook, site_code, known))
        out.append(f'<SiteRef LocationOID="LOC.{_xml(site_code)}"/>')
        out.append(f'<StudyEventData StudyEventOID="{EVENT_OID}">')
        for odm_form, rows, changes in per_form:
            for pk, version, voided_at, *values in rows.get(subject.pk, ()):
                out.append(f'{odm_form.opening}{pk}">')
                if pk in changes:
                    out.append(_audit_record(changes[pk], site_code, known))
                signature = forms_signed.get((odm_form.content_type_id, pk))
                if signature is not None and signature.form_version == version:
                    out.append(_signature(signature, site_code, known))
                out.append(odm_form.group)
                for (opening, text_of), value in zip(odm_form.items, values, strict=True):
                    if value is None:
                        continue
                    text = text_of(value)
                    if text != "":
                        out.append(f'{opening}{_xml(text)}"/>')
                voided = "false" if voided_at is None else "true"
                out.append(f'<ItemData ItemOID="IT.VOIDED" Value="{voided}"/>')
                out.append("</ItemGroupData></FormData>")
            if rows.get(subject.pk):
                name = odm_form.form.name
                result.rows[name] = result.rows.get(name, 0) + len(rows[subject.pk])
        out.append("</StudyEventData></SubjectData>\n")
        yield "".join(out)


def odm_chunks(study: Study, result: ExportResult | None = None) -> Iterator[bytes]:
    """The ODM document, in pieces: the metadata, then one SubjectData at a time.

    Voided records are kept, flagged by the IT.VOIDED status item (declared in every
    item group), not marked TransactionType="Remove": the file is a Snapshot (ODM 1.3.2,
    the ODM element's FileType attribute), which carries the current state of each
    record, and the TransactionType attribute of ClinicalData's elements (Insert, Update,
    Remove, Upsert, Context) describes changes in Transactional files; "Remove" would
    tell a receiver to delete data that must stay readable (ICH E6(R3) 4.2.3; 21 CFR
    11.10(e)). Each record carries one AuditRecord (its last change: who, where, when,
    why) and its signature in force (Signature, SignatureRef to a SignatureDef in
    AdminData); the full history stays in the eCRF's audit trail."""
    result = result if result is not None else ExportResult(ODM)
    all_forms = forms()
    ET.register_namespace("", ODM_NS)
    now = timezone.now().astimezone(dt.UTC).isoformat()
    known = set(
        get_user_model()
        .objects.filter(memberships__site__study=study)
        .values_list("pk", flat=True)
        .distinct()
    )
    known |= set(
        Subject.all_objects.filter(study=study).values_list("created_by_id", flat=True).distinct()
    )
    known |= set(Signature.objects.filter(subject__study=study).values_list("signer_id", flat=True))
    yield (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<ODM xmlns="{ODM_NS}" ODMVersion="1.3.2" FileType="Snapshot" '
        f'FileOID="{study.registry_id}.{now}" CreationDateTime="{now}" '
        'Originator="BAL eCRF">\n'
    ).encode()
    yield _bytes(_metadata(study, all_forms))
    yield _bytes(_admin_data(study, known))
    yield (
        f'<ClinicalData StudyOID="{study.registry_id}" MetaDataVersionOID="{MDV_OID}">\n'
    ).encode()
    content_types = ContentType.objects.get_for_models(*[f.model for f in all_forms])
    odm_forms = [_OdmForm.of(f, content_types[f.model].pk) for f in all_forms]
    subjects = Subject.all_objects.filter(study=study).select_related("site").order_by("pk")
    batch: list[Subject] = []
    for subject in subjects.iterator(chunk_size=SUBJECT_BATCH):
        batch.append(subject)
        if len(batch) == SUBJECT_BATCH:
            for data in _batch_data(batch, odm_forms, known, result):
                yield data.encode()
            batch = []
    for data in _batch_data(batch, odm_forms, known, result):
        yield data.encode()
    yield b"</ClinicalData>\n</ODM>\n"


def _bytes(element: ET.Element) -> bytes:
    # Serialised without a namespace prefix: the ODM element above declares the default
    # namespace, which every element written here belongs to.
    text = ET.tostring(element, encoding="unicode", short_empty_elements=True)
    return (text + "\n").encode()


def write_odm(study: Study, target) -> ExportResult:
    result = ExportResult(ODM)
    for chunk in odm_chunks(study, result):
        target.write(chunk)
    return result


def write(study: Study, fmt: str, target) -> ExportResult:
    if fmt == CSV:
        return write_csv(study, target)
    if fmt == ODM:
        return write_odm(study, target)
    if fmt == SDTM:
        from ecrf import sdtm  # pandas is heavy: imported only for this export

        result = ExportResult(SDTM)
        sdtm.write_sdtm(study, target, result)
        return result
    raise ValueError(f"Unknown export format {fmt!r}.")
