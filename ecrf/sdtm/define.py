"""define.xml 2.1 for the SDTM export (issue 22 item 3): what each dataset and variable
of the zip is, written from the datasets as they were written (so the two cannot
disagree), with define.html, a plain rendering of the same metadata for a reader without
an XSLT-capable browser.

- Datasets (ItemGroupDef) and variables (ItemDef) with the labels, types, lengths and
  key sequences of the .xpt and Dataset-JSON files; the OIDs are Dataset-JSON's
  (IG.<DS>, IT.<DS>.<VAR>), so the two files point at the same things.
- Value-level metadata where a test code decides what a result is: LBORRES/LBSTRESN by
  LBTESTCD, VSORRES/VSSTRESN by VSTESTCD, and each SUPP-- QVAL by QNAM (Define-XML 2.1
  §5.3.6: a ValueListDef with one WhereClauseDef per test).
- Codelists: the CDISC terms of terms.py with their NCI codes where they have one, the
  sponsor's terms without; LBTESTCD and VSTESTCD list the tests in the export.
- Origins: a variable the form registry names (ecrf/form_registry.py, sdtm_variables) is
  Collected; identifiers and fixed terms are Assigned by the sponsor; the trial design
  comes from the Protocol; the rest is Derived by a MethodDef saying how.
- Comments (def:CommentDef) carry what README.txt says of the export as a whole (records
  left out, non-ASCII text, long text).
- The annotated CRF (acrf.pdf, ecrf/acrf.py) is def:AnnotatedCRF; a Collected origin
  names the pages where its variable is annotated (def:PDFPageRef, physical pages), or,
  for a variable no field is annotated with by name (a SUPP-- QVAL, IEDTC), the pages of
  its dataset's annotations.

Generated with the standard library's ElementTree: lxml is for the tests only.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field

import pandas as pd
from django.template.loader import render_to_string

from ecrf import form_registry
from ecrf.sdtm import dataset_json
from ecrf.sdtm.terms import (
    AEACN,
    AEOUT,
    AEREL,
    DESIGN,
    DSDECOD,
    LBNRIND,
    PARENTS,
    TPTNUM,
    TS,
    TS_PARAMETERS,
)

ODM = "http://www.cdisc.org/ns/odm/v1.3"
DEF = "http://www.cdisc.org/ns/def/v2.1"
XLINK = "http://www.w3.org/1999/xlink"
LANG = "{http://www.w3.org/XML/1998/namespace}lang"
ET.register_namespace("", ODM)
ET.register_namespace("def", DEF)
ET.register_namespace("xlink", XLINK)

IG_STANDARD = "STD.SDTMIG.3-4"
CT_STANDARD = "STD.CT.SDTM"
CT_VERSION = "2024-09-27"  # the CDISC/NCI SDTM terminology the terms were taken from

# Test code -> the variables whose meaning it decides (value-level metadata).
VALUE_LEVEL = {
    "LB": ("LBTESTCD", ("LBORRES", "LBSTRESN")),
    "VS": ("VSTESTCD", ("VSORRES", "VSSTRESN")),
}
SUPP_VALUE_LEVEL = ("QNAM", ("QVAL",))


@dataclass
class Table:
    """One written dataset, as define.xml describes it."""

    name: str
    label: str
    rows: int
    variables: dict[str, str]  # name -> label, in the dataset's order
    lengths: dict[str, int]  # a text variable's length, as in the .xpt and Dataset-JSON
    keys: tuple[str, ...]
    values: dict[str, set[str]] = field(default_factory=dict)  # codelisted variable -> values
    # Value level: test code -> (its name, its units, {variable: (data type, length)})
    tests: dict[str, tuple[str, str, dict[str, tuple[str, int]]]] = field(default_factory=dict)


def value_level(name: str) -> tuple[str, tuple[str, ...]] | None:
    if name.startswith("SUPP"):
        return SUPP_VALUE_LEVEL
    return VALUE_LEVEL.get(name)


def describe(
    name: str,
    label: str,
    variables: dict[str, str],
    frame: pd.DataFrame,
    lengths: dict[str, int],
    keys: tuple[str, ...],
) -> Table:
    """A dataset's metadata, read from its frame before the .xpt's text is made ASCII."""
    table = Table(name, label, len(frame), dict(variables), dict(lengths), tuple(keys))
    for variable in variables:
        if codelist_of(name, variable) is not None and variable in frame:
            table.values[variable] = {
                v for v in frame[variable].astype(str) if v not in ("", "nan")
            }
    found = value_level(name)
    if found and found[0] in frame:
        code, described = found
        naming = {"LB": "LBTEST", "VS": "VSTEST"}.get(name, "QLABEL")
        for test, rows in frame.groupby(code, sort=True):
            meaning = {}
            for variable in described:
                if variable not in rows:
                    continue
                column = rows[variable]
                if variable.endswith("STRESN"):
                    if column.notna().any():
                        meaning[variable] = ("float", 8)
                    continue
                texts = [v for v in column.astype(str) if v]
                kind = "float" if texts and all(_is_number(v) for v in texts) else "text"
                meaning[variable] = (kind, max([1, *(len(v) for v in texts)]))
            title = str(rows[naming].iloc[0]) if naming in rows else str(test)
            # The units a result was entered in: a lab may report in more than one.
            units = sorted({u for u in rows.get(f"{name}ORRESU", ()) if u})
            table.tests[str(test)] = (title, " or ".join(units), meaning)
    return table


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


# --- Codelists ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Codelist:
    oid: str
    name: str
    terms: dict[str, str]  # coded value -> decode ("" for an enumerated list)
    nci: str = ""  # the CDISC codelist's C-code; "" for a sponsor-defined list
    extensible: bool = True  # values found in the export are added (sponsor extension)


def _same(values) -> dict[str, str]:
    return {v: "" for v in values}


CODELISTS = {
    "NY": Codelist("CL.NY", "No Yes Response", _same(("N", "Y")), "C66742", False),
    "SEX": Codelist("CL.SEX", "Sex", {"F": "Female", "M": "Male", "U": "Unknown"}, "C66731"),
    "AGEU": Codelist("CL.AGEU", "Age Unit", _same(("YEARS",)), "C66781"),
    "AEOUT": Codelist(
        "CL.AEOUT", "Outcome of Event", _same(dict.fromkeys(AEOUT.values())), "C66768"
    ),
    "AEACN": Codelist(
        "CL.AEACN",
        "Action Taken with Study Treatment",
        _same(dict.fromkeys(AEACN.values())),
        "C66767",
    ),
    "AEREL": Codelist("CL.AEREL", "Causality (sponsor)", _same(AEREL.values())),
    "DSDECOD": Codelist(
        "CL.NCOMPLT",
        "Completion/Reason for Non-Completion",
        _same(dict.fromkeys([*DSDECOD.values(), "INFORMED CONSENT OBTAINED", "SCREEN FAILURE"])),
        "C66727",
    ),
    "NRIND": Codelist("CL.NRIND", "Reference Range Indicator", _same(LBNRIND.values()), "C78736"),
    "EPOCH": Codelist(
        "CL.EPOCH", "Epoch", _same(("SCREENING", "TREATMENT", "FOLLOW-UP")), "C99079"
    ),
    "TPT": Codelist("CL.TPT", "Planned Time Point (sponsor)", _same(TPTNUM)),
    "IECAT": Codelist(
        "CL.IECAT", "Category for Inclusion/Exclusion", _same(("INCLUSION", "EXCLUSION")), "C66797"
    ),
    "TSPARMCD": Codelist(
        "CL.TSPARMCD", "Trial Summary Parameter Test Code", dict(TS_PARAMETERS), "C66738"
    ),
    "LBTESTCD": Codelist("CL.LBTESTCD", "Laboratory Test Code", {}, "C65047"),
    "VSTESTCD": Codelist("CL.VSTESTCD", "Vital Signs Test Code", {}, "C66741"),
}
# Variable -> codelist, for every dataset that has the variable.
CODELISTED = {
    "SEX": "SEX",
    "AGEU": "AGEU",
    "DTHFL": "NY",
    "AESER": "NY",
    "AESDTH": "NY",
    "AESLIFE": "NY",
    "AESHOSP": "NY",
    "AESDISAB": "NY",
    "AESCONG": "NY",
    "AESMIE": "NY",
    "AEOUT": "AEOUT",
    "AEACN": "AEACN",
    "AEREL": "AEREL",
    "DSDECOD": "DSDECOD",
    "LBNRIND": "NRIND",
    "EPOCH": "EPOCH",
    "LBTPT": "TPT",
    "VSTPT": "TPT",
    "IECAT": "IECAT",
    "TSPARMCD": "TSPARMCD",
    "LBTESTCD": "LBTESTCD",
    "VSTESTCD": "VSTESTCD",
}


def codelist_of(dataset: str, variable: str) -> str | None:
    if dataset.startswith("SUPP"):
        return None
    return CODELISTED.get(variable)


# --- Origins and methods ------------------------------------------------------------------

METHODS = {
    "MT.USUBJID": ("Unique subject identifier", "STUDYID and SUBJID joined by a hyphen."),
    "MT.SEQ": (
        "Sequence number",
        "Numbered 1, 2, ... within each subject, in the order of the records' dates.",
    ),
    "MT.STUDYDAY": (
        "Study day",
        "The date of --DTC minus the date of DM.RFSTDTC, plus 1 on or after RFSTDTC "
        "(SDTMIG 4.4.4: study day 1 is the day of the first BAL session; no day 0).",
    ),
    "MT.EPOCH": (
        "Epoch",
        "SCREENING before the first BAL session starts, TREATMENT to the end of the final "
        "session's day, FOLLOW-UP after it (TA).",
    ),
    "MT.VISIT": (
        "Visit",
        "SCREENING (VISITNUM 1); SESSION n (VISITNUM 9 + n) on the day of BAL session n; "
        "FS+n (VISITNUM 100 + n) n days after the final session (TV).",
    ),
    "MT.TPT": (
        "Time point",
        "A time point of a session day is counted from the session's start: --TPTNUM 1 "
        "PRE-SESSION, 2 DURING SESSION, 3 END OF SESSION; --TPTREF SESSION START; "
        "--RFTDTC the session's start.",
    ),
    "MT.STANDARD": (
        "Standard units",
        "The result as entered converted to the standard unit of the eCRF's laboratory "
        "catalogue (value in the entered unit times the unit's factor); reference limits "
        "likewise; a character result is copied.",
    ),
    "MT.NRIND": (
        "Reference range indicator",
        "LOW below the site's lower limit, HIGH above its upper limit, NORMAL between.",
    ),
    "MT.DM": (
        "Subject reference dates",
        "RFSTDTC and RFXSTDTC: the start of the first BAL session; RFENDTC and RFXENDTC: "
        "the end of the last; RFPENDTC: the disposition or screen-failure date; DTHFL Y "
        "when a death date is recorded; AGE in completed years from BRTHDTC to RFICDTC; "
        "ACTARMCD/ACTARM the arm of the enrolment once treated.",
    ),
    "MT.AEREL": (
        "Causality",
        "The strongest of the three relatedness items (device, cells, procedure; SUPPAE "
        "AERELDEV, AERELCEL, AERELPRC).",
    ),
    "MT.CODING": (
        "Body system",
        "The MedDRA system organ class of the AE's CTCAE v5.0 term (AELLTCD).",
    ),
    "MT.EXDOSE": (
        "Dose",
        "The dose as the protocol states it: functional cells per kg of body weight where "
        "it defines a dose per kg, else the viable cells loaded (the session's cell counts "
        "in SUPPEX).",
    ),
    "MT.EXDUR": (
        "Net duration",
        "The session's duration less the interruptions with circulation stopped, ISO 8601.",
    ),
    "MT.SV": (
        "Visit dates",
        "Screening: the screening date; a BAL session: its start and end; a follow-up "
        "visit: the first and last sample time of its laboratory panels.",
    ),
}
# Variable (name, or suffix after the domain code) -> its method.
_DERIVED_NAMES = {
    "USUBJID": "MT.USUBJID",
    "EPOCH": "MT.EPOCH",
    "VISIT": "MT.VISIT",
    "VISITNUM": "MT.VISIT",
    "AEREL": "MT.AEREL",
    "AGE": "MT.DM",
    "DTHFL": "MT.DM",
    "ACTARMCD": "MT.DM",
    "ACTARM": "MT.DM",
    "ARMNRS": "MT.DM",
    "AEBODSYS": "MT.CODING",
    "EXDOSE": "MT.EXDOSE",
    "EXDUR": "MT.EXDUR",
    "SVSTDTC": "MT.SV",
    "SVENDTC": "MT.SV",
}
_DERIVED_SUFFIXES = {
    "SEQ": "MT.SEQ",
    "DY": "MT.STUDYDAY",
    "STDY": "MT.STUDYDAY",
    "ENDY": "MT.STUDYDAY",
    "TPTNUM": "MT.TPT",
    "TPTREF": "MT.TPT",
    "RFTDTC": "MT.TPT",
    "ELTM": "MT.TPT",
    "STRESC": "MT.STANDARD",
    "STRESN": "MT.STANDARD",
    "STRESU": "MT.STANDARD",
    "STNRLO": "MT.STANDARD",
    "STNRHI": "MT.STANDARD",
    "ORNRLO": "MT.STANDARD",
    "ORNRHI": "MT.STANDARD",
    "NRIND": "MT.NRIND",
}
# Fixed by the sponsor for every record (identifiers, categories, the test a code names).
_ASSIGNED = {"STUDYID", "DOMAIN", "RDOMAIN", "IDVAR", "IDVARVAL", "QNAM", "QLABEL", "QORIG"}
_ASSIGNED |= {"QEVAL", "COUNTRY", "AGEU", "ARM", "EXTRT", "EXDOSU", "EXROUTE", "PRSPID"}
_ASSIGNED_SUFFIXES = ("TESTCD", "TEST", "CAT", "SCAT", "STAT", "ORRESU", "ENTPT")


@dataclass(frozen=True)
class Origin:
    type: str  # Collected, Derived, Assigned, Protocol
    source: str  # Investigator, Sponsor, Subject, Vendor
    method: str = ""


def annotation_target(domain: str, annotation: str) -> tuple[str, str]:
    """The dataset and variable of an annotated-CRF note ("VSORRES where VSTESTCD=SYSBP",
    "AERELDEV in SUPPAE", "DTHDTC")."""
    found = re.search(r"\bin (SUPP\w+)", annotation)
    if found:
        return found.group(1), "QVAL"
    variable = annotation.split()[0]
    # A form's field may go to another domain: the subject's height is VS's (VSORRES),
    # the disposition's death date DM's (DTHDTC).
    holders = [d.name for d in PARENTS if variable in d.variables]
    if domain in holders or not holders:
        return domain, variable
    return holders[0], variable


def collected() -> set[tuple[str, str]]:
    """(dataset, variable) of every variable a form collects, from the form registry."""
    return {
        annotation_target(entry.sdtm_domain, annotation)
        for entry in form_registry.entries()
        for annotation in entry.sdtm_variables.values()
    }


def origin_of(dataset: str, variable: str, collected: set[tuple[str, str]]) -> Origin:
    design = {d.name for d in DESIGN} | {TS.name}
    if (dataset in design and variable not in ("STUDYID", "DOMAIN")) or variable == "VISITDY":
        return Origin("Protocol", "Sponsor")
    if (dataset, variable) in collected:
        return Origin("Collected", "Investigator")
    if dataset.startswith("SUPP") and variable == "QVAL":
        return Origin("Collected", "Investigator")
    if variable in _DERIVED_NAMES:
        return Origin("Derived", "Sponsor", _DERIVED_NAMES[variable])
    if variable.startswith("RF"):
        return Origin("Derived", "Sponsor", "MT.DM")
    suffix = variable[2:] if len(variable) > 2 else variable
    if suffix in _DERIVED_SUFFIXES:
        return Origin("Derived", "Sponsor", _DERIVED_SUFFIXES[suffix])
    if variable in _ASSIGNED or suffix in _ASSIGNED_SUFFIXES:
        return Origin("Assigned", "Sponsor")
    if variable.endswith(("DTC", "ORRES", "TERM")):
        # A date or a result the form registry names under another form (IEDTC is the
        # screening date).
        return Origin("Collected", "Investigator")
    raise ValueError(f"{dataset}.{variable} has no origin in define.xml")


# --- Comments -----------------------------------------------------------------------------

_LEFT_OUT = (
    "Records voided as entered in error, the records of a voided subject, the vital "
    "signs of a voided BAL session and protocol deviations that no longer apply after a "
    "correction are not included; the eCRF's audit trail keeps them. A permissible "
    "variable without a value in any record is not included."
)
_ASCII = (
    "Transport v5 is ASCII: in the .xpt a character with an ASCII equivalent is "
    "transliterated and any other (Chinese text, for example 发热) is written as '?'. "
    "The .csv and Dataset-JSON .json files beside it keep the text as entered, in UTF-8."
)
# One comment per kind of dataset (an ItemGroupDef has one def:CommentOID).
COMMENTS = {
    "COM.DATASET": " ".join(
        (
            _LEFT_OUT,
            _ASCII,
            "A character value longer than 200 bytes is cut between words; the following "
            "pieces are SUPP-- records named after the variable with 1, 2, ... "
            "(SDTMIG 4.5.3.2).",
        )
    ),
    "COM.TS": _ASCII + " A TSVAL longer than 200 bytes continues in TSVAL1, TSVAL2, ...",
    "COM.DESIGN": "From the study's protocol module, as the eCRF applies it.",
}


def _dataset_comment(table: Table) -> str:
    if table.name == "TS":
        return "COM.TS"
    return "COM.DESIGN" if table.name in _design() else "COM.DATASET"


# --- define.xml ---------------------------------------------------------------------------


def _el(parent, tag: str, attrib: dict | None = None, text: str | None = None, ns: str = ODM):
    element = ET.SubElement(parent, f"{{{ns}}}{tag}", {k: v for k, v in (attrib or {}).items()})
    if text is not None:
        element.text = text
    return element


def _description(parent, text: str, tag: str = "Description") -> None:
    _el(_el(parent, tag), "TranslatedText", {LANG: "en"}, text)


def _d(name: str) -> str:
    return f"{{{DEF}}}{name}"


def data_type(name: str) -> str:
    kind = dataset_json.data_type(name)
    return {"double": "float", "string": "text"}.get(kind, kind)


@dataclass(frozen=True)
class ValueItem:
    """One variable's meaning for one test code (value-level metadata)."""

    dataset: str
    code: str  # the variable that decides: LBTESTCD, VSTESTCD, QNAM
    test: str
    variable: str
    title: str
    data_type: str
    length: int

    @property
    def oid(self) -> str:
        return f"IT.{self.dataset}.{self.variable}.{self.test}"

    @property
    def where(self) -> str:
        return f"WC.{self.dataset}.{self.code}.{self.test}"


@dataclass
class Define:
    """Everything both renderings show, built once."""

    study_oid: str
    description: str
    created: str
    tables: list[Table]
    collected: set[tuple[str, str]]
    # (dataset, variable) -> the aCRF's pages where it is annotated; empty without an aCRF.
    acrf_pages: dict[tuple[str, str], list[int]] = field(default_factory=dict)

    def pages(self, table: str, variable: str) -> list[int]:
        """The aCRF pages of a variable: its own annotations', else its dataset's, else (a
        SUPP-- dataset no field names, e.g. a long text's continuation) its parent's."""
        found = self.acrf_pages.get((table, variable))
        if found:
            return found
        for dataset in (table, table.removeprefix("SUPP")):
            same = [pages for (name, _), pages in self.acrf_pages.items() if name == dataset]
            if same:
                return sorted({page for pages in same for page in pages})
        return []

    def codelists(self) -> dict[str, Codelist]:
        """The codelists some exported variable refers to, with the values found."""
        used: dict[str, Codelist] = {}
        for table in self.tables:
            for variable in table.variables:
                key = codelist_of(table.name, variable)
                if key is None:
                    continue
                base = used.get(key, CODELISTS[key])
                terms = dict(base.terms)
                for value in sorted(table.values.get(variable, ())):
                    if value in terms:
                        continue
                    if key in ("LBTESTCD", "VSTESTCD"):
                        test = table.tests.get(value)
                        terms[value] = test[0] if test else ""
                    elif base.extensible:
                        terms[value] = ""
                used[key] = Codelist(base.oid, base.name, terms, base.nci, base.extensible)
        return used

    def value_items(self, table: Table) -> dict[str, list[ValueItem]]:
        """Variable -> its value-level items, one per test code with a value."""
        found = value_level(table.name)
        if not found:
            return {}
        code, described = found
        items: dict[str, list[ValueItem]] = {}
        for variable in described:
            if variable not in table.variables:
                continue
            listed = [
                ValueItem(table.name, code, test, variable, title, *meaning[variable])
                for test, (name, units, meaning) in table.tests.items()
                if variable in meaning
                for title in [f"{name}, in {units}" if units else name]
            ]
            if listed:
                items[variable] = listed
        return items

    def origin(self, table: str, variable: str) -> Origin:
        return origin_of(table, variable, self.collected)


def build(*, study_oid: str, description: str, created: str, tables, acrf=None) -> Define:
    """The metadata of the written `tables`; `acrf` (an ecrf.acrf.Annotated) gives each
    collected variable its pages."""
    pages: dict[tuple[str, str], set[int]] = {}
    if acrf is not None:
        for form in acrf.forms:
            for question in form.questions:
                if question.submitted:
                    target = annotation_target(question.domain, question.annotation)
                    page = acrf.fields[form.entry.label, question.name]
                    pages.setdefault(target, set()).add(page)
    return Define(
        study_oid,
        description,
        created,
        list(tables),
        collected(),
        {target: sorted(found) for target, found in pages.items()},
    )


def _item(parent, oid: str, name: str, kind: str, length: int | None, text: str, origin):
    attrib = {"OID": oid, "Name": name, "DataType": kind}
    if kind in ("text", "integer", "float"):
        attrib["Length"] = str(length or 8)
    attrib["SASFieldName"] = name
    item = _el(parent, "ItemDef", attrib)
    _description(item, text)
    return item


ACRF_LEAF = "LF.acrf"


def _origin(item, origin: Origin, pages: list[int]) -> None:
    element = _el(item, "Origin", {"Type": origin.type, "Source": origin.source}, ns=DEF)
    if origin.type == "Collected" and pages:
        ref = _el(element, "DocumentRef", {"leafID": ACRF_LEAF}, ns=DEF)
        refs = {"PageRefs": " ".join(map(str, pages)), "Type": "PhysicalRef"}
        _el(ref, "PDFPageRef", refs, ns=DEF)


def _metadata_version(root, define: Define):
    study = _el(root, "Study", {"OID": define.study_oid})
    names = _el(study, "GlobalVariables")
    _el(names, "StudyName", text=define.study_oid)
    _el(names, "StudyDescription", text=define.description)
    _el(names, "ProtocolName", text=define.study_oid)
    mdv = _el(
        study,
        "MetaDataVersion",
        {
            "OID": f"MDV.{define.study_oid}.SDTMIG.3-4",
            "Name": f"{define.study_oid} SDTM",
            "Description": f"SDTM datasets of {define.study_oid}",
            _d("DefineVersion"): "2.1.0",
        },
    )
    standards = _el(mdv, "Standards", ns=DEF)
    ig = {"OID": IG_STANDARD, "Name": "SDTMIG", "Type": "IG", "Version": "3.4"}
    _el(standards, "Standard", {**ig, "Status": "Final"}, ns=DEF)
    ct = {"OID": CT_STANDARD, "Name": "CDISC/NCI", "Type": "CT", "PublishingSet": "SDTM"}
    _el(standards, "Standard", {**ct, "Version": CT_VERSION, "Status": "Final"}, ns=DEF)
    if define.acrf_pages:
        crf = _el(mdv, "AnnotatedCRF", ns=DEF)
        _el(crf, "DocumentRef", {"leafID": ACRF_LEAF}, ns=DEF)
    return mdv


def _value_lists(mdv, define: Define, methods: set[str]) -> None:
    """def:ValueListDef then def:WhereClauseDef (the schema's order)."""
    wheres: dict[str, ValueItem] = {}
    for table in define.tables:
        for variable, items in define.value_items(table).items():
            listing = _el(mdv, "ValueListDef", {"OID": f"VL.{table.name}.{variable}"}, ns=DEF)
            origin = define.origin(table.name, variable)
            for n, value in enumerate(items, start=1):
                ref = _el(
                    listing,
                    "ItemRef",
                    {"ItemOID": value.oid, "OrderNumber": str(n), "Mandatory": "No"},
                )
                if origin.method:
                    ref.set("MethodOID", origin.method)
                    methods.add(origin.method)
                _el(ref, "WhereClauseRef", {"WhereClauseOID": value.where}, ns=DEF)
                wheres.setdefault(value.where, value)
    for oid, value in wheres.items():
        where = _el(mdv, "WhereClauseDef", {"OID": oid}, ns=DEF)
        decider = {_d("ItemOID"): f"IT.{value.dataset}.{value.code}"}
        check = _el(where, "RangeCheck", {"SoftHard": "Soft", **decider, "Comparator": "EQ"})
        _el(check, "CheckValue", text=value.test)


def _item_group(mdv, define: Define, table: Table, methods: set[str]) -> None:
    design = table.name in _design()
    group = _el(
        mdv,
        "ItemGroupDef",
        {
            "OID": f"IG.{table.name}",
            "Domain": table.name.removeprefix("SUPP"),
            "Name": table.name,
            "Repeating": "No" if table.name == "DM" else "Yes",
            "IsReferenceData": "Yes" if design else "No",
            "SASDatasetName": table.name,
            "Purpose": "Tabulation",
            _d("Structure"): _structure(table),
            _d("StandardOID"): IG_STANDARD,
            _d("ArchiveLocationID"): f"LF.{table.name}",
            _d("CommentOID"): _dataset_comment(table),
        },
    )
    _description(group, table.label)
    for n, variable in enumerate(table.variables, start=1):
        attrib = {"ItemOID": f"IT.{table.name}.{variable}", "OrderNumber": str(n)}
        attrib["Mandatory"] = "Yes" if variable in table.keys else "No"
        if variable in table.keys:
            attrib["KeySequence"] = str(table.keys.index(variable) + 1)
        origin = define.origin(table.name, variable)
        if origin.method:
            attrib["MethodOID"] = origin.method
            methods.add(origin.method)
        _el(group, "ItemRef", attrib)
    _el(group, "Class", {"Name": _class(table.name)}, ns=DEF)
    href = f"{table.name.lower()}.xpt"
    leaf = _el(group, "leaf", {"ID": f"LF.{table.name}", f"{{{XLINK}}}href": href}, ns=DEF)
    _el(leaf, "title", text=href, ns=DEF)


def _item_defs(mdv, define: Define, codelists: dict[str, Codelist]) -> None:
    for table in define.tables:
        value_items = define.value_items(table)
        for variable, label in table.variables.items():
            oid = f"IT.{table.name}.{variable}"
            length = table.lengths.get(variable)
            item = _item(mdv, oid, variable, data_type(variable), length, label, None)
            key = codelist_of(table.name, variable)
            if key in codelists:
                _el(item, "CodeListRef", {"CodeListOID": codelists[key].oid})
            _origin(item, define.origin(table.name, variable), define.pages(table.name, variable))
            if variable in value_items:
                _el(item, "ValueListRef", {"ValueListOID": f"VL.{table.name}.{variable}"}, ns=DEF)
    for table in define.tables:
        for variable, items in define.value_items(table).items():
            origin = define.origin(table.name, variable)
            for value in items:
                text = f"{value.title} ({variable} where {value.code} = {value.test})"
                item = _item(mdv, value.oid, variable, value.data_type, value.length, text, None)
                _origin(item, origin, define.pages(table.name, variable))


def _codelists(mdv, codelists: dict[str, Codelist]) -> None:
    for codelist in sorted(codelists.values(), key=lambda c: c.oid):
        attrib = {"OID": codelist.oid, "Name": codelist.name, "DataType": "text"}
        if codelist.nci:
            attrib[_d("StandardOID")] = CT_STANDARD
        element = _el(mdv, "CodeList", attrib)
        # A list with decodes (a test code and its name) or an enumeration of terms.
        decoded = any(codelist.terms.values())
        for n, (value, decode) in enumerate(codelist.terms.items(), start=1):
            attrib = {"CodedValue": value, "OrderNumber": str(n)}
            if decoded:
                _description(_el(element, "CodeListItem", attrib), decode or value, "Decode")
            else:
                _el(element, "EnumeratedItem", attrib)
        if codelist.nci:
            _el(element, "Alias", {"Context": "nci:ExtCodeID", "Name": codelist.nci})


def xml_bytes(define: Define) -> bytes:
    root = ET.Element(
        f"{{{ODM}}}ODM",
        {
            "FileType": "Snapshot",
            "FileOID": f"{define.study_oid}.DEFINE",
            "CreationDateTime": define.created,
            "ODMVersion": "1.3.2",
            "Originator": dataset_json.ORIGINATOR,
            "SourceSystem": dataset_json.ORIGINATOR,
            "SourceSystemVersion": "1",
            _d("Context"): "Submission",
        },
    )
    mdv = _metadata_version(root, define)
    methods: set[str] = set()
    _value_lists(mdv, define, methods)
    for table in define.tables:
        _item_group(mdv, define, table, methods)
    codelists = define.codelists()
    _item_defs(mdv, define, codelists)
    _codelists(mdv, codelists)
    for oid in sorted(methods):
        name, text = METHODS[oid]
        method = _el(mdv, "MethodDef", {"OID": oid, "Name": name, "Type": "Computation"})
        _description(method, text)
    for oid in sorted({_dataset_comment(table) for table in define.tables}):
        _description(_el(mdv, "CommentDef", {"OID": oid}, ns=DEF), COMMENTS[oid])
    if define.acrf_pages:
        leaf = _el(mdv, "leaf", {"ID": ACRF_LEAF, f"{{{XLINK}}}href": "acrf.pdf"}, ns=DEF)
        _el(leaf, "title", text="Annotated CRF", ns=DEF)
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)


def _design() -> set[str]:
    return {d.name for d in DESIGN} | {TS.name}


_CLASSES = {
    "DM": "SPECIAL PURPOSE",
    "SV": "SPECIAL PURPOSE",
    "AE": "EVENTS",
    "DS": "EVENTS",
    "DV": "EVENTS",
    "MH": "EVENTS",
    "EX": "INTERVENTIONS",
    "CM": "INTERVENTIONS",
    "PR": "INTERVENTIONS",
    "LB": "FINDINGS",
    "VS": "FINDINGS",
    "IE": "FINDINGS",
}


def _class(name: str) -> str:
    if name.startswith("SUPP"):
        return "RELATIONSHIP"
    if name in _design():
        return "TRIAL DESIGN"
    return _CLASSES[name]


def _structure(table: Table) -> str:
    if table.name.startswith("SUPP"):
        return "One record per supplemental qualifier per related record per subject"
    if table.name == "DM":
        return "One record per subject"
    return "One record per " + " per ".join(k for k in table.keys if k != "STUDYID")


# --- define.html --------------------------------------------------------------------------


def html(define: Define) -> str:
    """The same metadata as a plain HTML page (Django's template escapes every value)."""
    codelists = define.codelists()
    tables = []
    for table in define.tables:
        variables = []
        for variable, label in table.variables.items():
            origin = define.origin(table.name, variable)
            key = codelist_of(table.name, variable)
            variables.append(
                {
                    "oid": f"IT.{table.name}.{variable}",
                    "name": variable,
                    "label": label,
                    "type": data_type(variable),
                    "length": table.lengths.get(variable, ""),
                    "key": table.keys.index(variable) + 1 if variable in table.keys else "",
                    "codelist": codelists[key].oid if key in codelists else "",
                    "origin": origin,
                    "pages": (
                        define.pages(table.name, variable) if origin.type == "Collected" else []
                    ),
                    "method": origin.method,
                }
            )
        values = [
            {"item": value, "origin": define.origin(table.name, value.variable)}
            for items in define.value_items(table).values()
            for value in items
        ]
        tables.append(
            {
                "table": table,
                "cls": _class(table.name),
                "structure": _structure(table),
                "comment": COMMENTS[_dataset_comment(table)],
                "href": f"{table.name.lower()}.xpt",
                "variables": variables,
                "values": values,
            }
        )
    used = {v["method"] for t in tables for v in t["variables"] if v["method"]}
    return render_to_string(
        "ecrf/sdtm/define.html",
        {
            "define": define,
            "tables": tables,
            "codelists": sorted(codelists.values(), key=lambda c: c.oid),
            "methods": [(oid, *METHODS[oid]) for oid in sorted(used)],
        },
    )
