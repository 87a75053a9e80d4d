"""The SDTM datasets' variables (SDTMIG v3.4 names and labels) and the controlled
terminology the eCRF's answers map to (crf-domain-spec.md §6)."""

from __future__ import annotations

from dataclasses import dataclass

from ecrf.models.adverse_events import ActionTaken, Outcome
from ecrf.models.clinical import StudyDisposition, VitalsTimepoint
from ecrf.safety import Relatedness

CHUNK = 2000  # rows fetched at a time
TEXT_LIMIT = 200  # bytes of a character value in SAS transport v5


@dataclass(frozen=True)
class Dataset:
    name: str  # the domain code, also the .xpt member name
    label: str  # SDTMIG dataset label (<= 40 characters)
    variables: dict[str, str]  # name -> SDTMIG label (names <= 8, labels <= 40 characters)
    key: str = ""  # the variable SUPP-- records point at (IDVAR), e.g. AESEQ
    # Permissible variables (SDTMIG v3.4) left out of a dataset when no record has a value:
    # CDISC CORE reports a column that is empty in every record.
    permissible: frozenset[str] = frozenset()
    # The variables that identify a record (Dataset-JSON keySequence, define.xml KeySequence)
    keys: tuple[str, ...] = ()

    def __post_init__(self):
        if not self.keys:
            # A subject's records are told apart by --SEQ, a subject's DM record by USUBJID.
            keys = ("STUDYID", "USUBJID", self.key) if self.key else ("STUDYID", "USUBJID")
            object.__setattr__(self, "keys", keys)


def _identifiers(domain: str, seq: bool = True) -> dict[str, str]:
    names = {
        "STUDYID": "Study Identifier",
        "DOMAIN": "Domain Abbreviation",
        "USUBJID": "Unique Subject Identifier",
    }
    if seq:
        names[f"{domain}SEQ"] = "Sequence Number"
    return names


DM = Dataset(
    "DM",
    "Demographics",
    {
        **_identifiers("DM", seq=False),
        "SUBJID": "Subject Identifier for the Study",
        "RFSTDTC": "Subject Reference Start Date/Time",
        "RFENDTC": "Subject Reference End Date/Time",
        "RFXSTDTC": "Date/Time of First Study Treatment",
        "RFXENDTC": "Date/Time of Last Study Treatment",
        "RFICDTC": "Date/Time of Informed Consent",
        "RFPENDTC": "Date/Time of End of Participation",
        "DTHDTC": "Date/Time of Death",
        "DTHFL": "Subject Death Flag",
        "SITEID": "Study Site Identifier",
        "BRTHDTC": "Date/Time of Birth",
        "AGE": "Age",
        "AGEU": "Age Units",
        "SEX": "Sex",
        "ARMCD": "Planned Arm Code",
        "ARM": "Description of Planned Arm",
        "ACTARMCD": "Actual Arm Code",
        "ACTARM": "Description of Actual Arm",
        "ARMNRS": "Reason Arm and/or Actual Arm is Null",
        "COUNTRY": "Country",
    },
)
AE = Dataset(
    "AE",
    "Adverse Events",
    {
        **_identifiers("AE"),
        "AESPID": "Sponsor-Defined Identifier",
        "AETERM": "Reported Term for the Adverse Event",
        "AELLTCD": "Lowest Level Term Code",
        "AEDECOD": "Dictionary-Derived Term",
        "AEBODSYS": "Body System or Organ Class",
        "AESOC": "Primary System Organ Class",
        "AETOXGR": "Standard Toxicity Grade",
        "AESER": "Serious Event",
        "AESDTH": "Results in Death",
        "AESLIFE": "Is Life Threatening",
        "AESHOSP": "Requires or Prolongs Hospitalization",
        "AESDISAB": "Persist or Signif Disability/Incapacity",
        "AESCONG": "Congenital Anomaly or Birth Defect",
        "AESMIE": "Other Medically Important Serious Event",
        "AEACN": "Action Taken with Study Treatment",
        "AEREL": "Causality",
        "AEOUT": "Outcome of Adverse Event",
        "EPOCH": "Epoch",
        "AESTDTC": "Start Date/Time of Adverse Event",
        "AEENDTC": "End Date/Time of Adverse Event",
        "AESTDY": "Study Day of Start of Adverse Event",
        "AEENDY": "Study Day of End of Adverse Event",
    },
    key="AESEQ",
)
LB = Dataset(
    "LB",
    "Laboratory Test Results",
    {
        **_identifiers("LB"),
        "LBTESTCD": "Lab Test or Examination Short Name",
        "LBTEST": "Lab Test or Examination Name",
        "LBCAT": "Category for Lab Test",
        "LBORRES": "Result or Finding in Original Units",
        "LBORRESU": "Original Units",
        "LBORNRLO": "Reference Range Lower Limit in Orig Unit",
        "LBORNRHI": "Reference Range Upper Limit in Orig Unit",
        "LBSTRESC": "Character Result/Finding in Std Format",
        "LBSTRESN": "Numeric Result/Finding in Standard Units",
        "LBSTRESU": "Standard Units",
        "LBSTNRLO": "Reference Range Lower Limit-Std Units",
        "LBSTNRHI": "Reference Range Upper Limit-Std Units",
        "LBNRIND": "Reference Range Indicator",
        "LBSTAT": "Completion Status",
        "LBREASND": "Reason Test Not Done",
        "LBNAM": "Vendor Name",
        "LBTOX": "Toxicity",
        "LBTOXGR": "Standard Toxicity Grade",
        "VISITNUM": "Visit Number",
        "VISIT": "Visit Name",
        "EPOCH": "Epoch",
        "LBDTC": "Date/Time of Specimen Collection",
        "LBDY": "Study Day of Specimen Collection",
        "LBTPT": "Planned Time Point Name",
        "LBTPTNUM": "Planned Time Point Number",
        "LBTPTREF": "Time Point Reference",
        "LBRFTDTC": "Date/Time of Reference Time Point",
    },
    key="LBSEQ",
    permissible=frozenset({"LBTPT", "LBTPTNUM", "LBTPTREF", "LBRFTDTC"}),
)
EX = Dataset(
    "EX",
    "Exposure",
    {
        **_identifiers("EX"),
        "EXSPID": "Sponsor-Defined Identifier",
        "EXTRT": "Name of Treatment",
        "EXDOSE": "Dose",
        "EXDOSU": "Dose Units",
        "EXROUTE": "Route of Administration",
        "EXLOT": "Lot Number",
        "EXADJ": "Reason for Dose Adjustment",
        "VISITNUM": "Visit Number",
        "VISIT": "Visit Name",
        "EPOCH": "Epoch",
        "EXSTDTC": "Start Date/Time of Treatment",
        "EXENDTC": "End Date/Time of Treatment",
        "EXSTDY": "Study Day of Start of Treatment",
        "EXENDY": "Study Day of End of Treatment",
        "EXDUR": "Duration of Treatment",
    },
    key="EXSEQ",
)
VS = Dataset(
    "VS",
    "Vital Signs",
    {
        **_identifiers("VS"),
        "VSTESTCD": "Vital Signs Test Short Name",
        "VSTEST": "Vital Signs Test Name",
        "VSORRES": "Result or Finding in Original Units",
        "VSORRESU": "Original Units",
        "VSSTRESC": "Character Result/Finding in Std Format",
        "VSSTRESN": "Numeric Result/Finding in Standard Units",
        "VSSTRESU": "Standard Units",
        "VISITNUM": "Visit Number",
        "VISIT": "Visit Name",
        "EPOCH": "Epoch",
        "VSDTC": "Date/Time of Measurements",
        "VSDY": "Study Day of Vital Signs",
        "VSTPT": "Planned Time Point Name",
        "VSTPTNUM": "Planned Time Point Number",
        "VSELTM": "Planned Elapsed Time from Time Point Ref",
        "VSTPTREF": "Time Point Reference",
        "VSRFTDTC": "Date/Time of Reference Time Point",
    },
    key="VSSEQ",
    permissible=frozenset({"VSTPT", "VSTPTNUM", "VSELTM", "VSTPTREF", "VSRFTDTC"}),
)
DS = Dataset(
    "DS",
    "Disposition",
    {
        **_identifiers("DS"),
        "DSTERM": "Reported Term for the Disposition Event",
        "DSDECOD": "Standardized Disposition Term",
        "DSCAT": "Category for Disposition Event",
        "DSSCAT": "Subcategory for Disposition Event",
        "EPOCH": "Epoch",
        "DSSTDTC": "Start Date/Time of Disposition Event",
        "DSSTDY": "Study Day of Start of Disposition Event",
    },
    key="DSSEQ",
)
DV = Dataset(
    "DV",
    "Protocol Deviations",
    {
        **_identifiers("DV"),
        "DVTERM": "Protocol Deviation Term",
        "DVDECOD": "Protocol Deviation Coded Term",
        "DVCAT": "Category for Protocol Deviation",
        "EPOCH": "Epoch",
        "DVSTDTC": "Start Date/Time of Deviation",
        "DVSTDY": "Study Day of Start of Deviation",
    },
    key="DVSEQ",
)
TS = Dataset(
    "TS",
    "Trial Summary",
    {
        "STUDYID": "Study Identifier",
        "DOMAIN": "Domain Abbreviation",
        "TSSEQ": "Sequence Number",
        "TSPARMCD": "Trial Summary Parameter Short Name",
        "TSPARM": "Trial Summary Parameter",
        "TSVAL": "Parameter Value",
        "TSVALCD": "Parameter Value Code",
        "TSVCDREF": "Name of the Reference Terminology",
    },
    keys=("STUDYID", "TSPARMCD", "TSSEQ"),
)
# --- Subject data added in issue 22: eligibility exceptions, history, medications,
# procedures and the visits that took place --------------------------------------------
IE = Dataset(
    "IE",
    "Inclusion/Exclusion Criteria Not Met",
    {
        **_identifiers("IE"),
        "IETESTCD": "Inclusion/Exclusion Criterion Short Name",
        "IETEST": "Inclusion/Exclusion Criterion",
        "IECAT": "Inclusion/Exclusion Category",
        "IEORRES": "I/E Criterion Original Result",
        "IESTRESC": "I/E Criterion Result in Std Format",
        "VISITNUM": "Visit Number",
        "VISIT": "Visit Name",
        "EPOCH": "Epoch",
        "IEDTC": "Date/Time of Collection",
        "IEDY": "Study Day of Collection",
    },
    key="IESEQ",
)
MH = Dataset(
    "MH",
    "Medical History",
    {
        **_identifiers("MH"),
        "MHTERM": "Reported Term for the Medical History",
        "MHCAT": "Category for Medical History",
        "MHSTDTC": "Start Date/Time of Medical History Event",
        "MHENDTC": "End Date/Time of Medical History Event",
        "MHENRTPT": "End Relative to Reference Time Point",
        "MHENTPT": "End Reference Time Point",
    },
    key="MHSEQ",
    permissible=frozenset({"MHENDTC", "MHENRTPT", "MHENTPT"}),
)
CM = Dataset(
    "CM",
    "Concomitant/Prior Medications",
    {
        **_identifiers("CM"),
        "CMTRT": "Reported Name of Drug, Med, or Therapy",
        "CMCAT": "Category for Medication",
        "CMINDC": "Indication",
        "CMDOSE": "Dose per Administration",
        "CMDOSU": "Dose Units",
        "CMDOSFRQ": "Dosing Frequency per Interval",
        "CMROUTE": "Route of Administration",
        "EPOCH": "Epoch",
        "CMSTDTC": "Start Date/Time of Medication",
        "CMENDTC": "End Date/Time of Medication",
        "CMSTDY": "Study Day of Start of Medication",
        "CMENDY": "Study Day of End of Medication",
        "CMENRTPT": "End Relative to Reference Time Point",
        "CMENTPT": "End Reference Time Point",
    },
    key="CMSEQ",
    permissible=frozenset(
        {"CMDOSE", "CMDOSU", "CMDOSFRQ", "CMROUTE", "CMENDTC", "CMENDY", "CMENRTPT", "CMENTPT"}
    ),
)
PR = Dataset(
    "PR",
    "Procedures",
    {
        **_identifiers("PR"),
        "PRSPID": "Sponsor-Defined Identifier",
        "PRTRT": "Reported Name of Procedure",
        "PRCAT": "Category",
        "VISITNUM": "Visit Number",
        "VISIT": "Visit Name",
        "EPOCH": "Epoch",
        "PRSTDTC": "Start Date/Time of Procedure",
        "PRENDTC": "End Date/Time of Procedure",
        "PRSTDY": "Study Day of Start of Procedure",
        "PRENDY": "Study Day of End of Procedure",
    },
    key="PRSEQ",
    permissible=frozenset({"PRSPID", "VISITNUM", "VISIT", "PRENDTC", "PRENDY"}),
)
SV = Dataset(
    "SV",
    "Subject Visits",
    {
        **_identifiers("SV", seq=False),
        "VISITNUM": "Visit Number",
        "VISIT": "Visit Name",
        "VISITDY": "Planned Study Day of Visit",
        "EPOCH": "Epoch",
        "SVSTDTC": "Start Date/Time of Observation",
        "SVENDTC": "End Date/Time of Observation",
        "SVSTDY": "Study Day of Start of Observation",
        "SVENDY": "Study Day of End of Observation",
    },
    keys=("STUDYID", "USUBJID", "VISITNUM"),
    permissible=frozenset({"VISITDY"}),
)

# --- Trial design (issue 22): from the protocol module -----------------------------------
TA = Dataset(
    "TA",
    "Trial Arms",
    {
        "STUDYID": "Study Identifier",
        "DOMAIN": "Domain Abbreviation",
        "ARMCD": "Planned Arm Code",
        "ARM": "Description of Planned Arm",
        "TAETORD": "Planned Order of Element within Arm",
        "ETCD": "Element Code",
        "ELEMENT": "Description of Element",
        "TABRANCH": "Branch",
        "TATRANS": "Transition Rule",
        "EPOCH": "Epoch",
    },
    keys=("STUDYID", "ARMCD", "TAETORD"),
    permissible=frozenset({"TABRANCH", "TATRANS"}),
)
TE = Dataset(
    "TE",
    "Trial Elements",
    {
        "STUDYID": "Study Identifier",
        "DOMAIN": "Domain Abbreviation",
        "ETCD": "Element Code",
        "ELEMENT": "Description of Element",
        "TESTRL": "Rule for Start of Element",
        "TEENRL": "Rule for End of Element",
        "TEDUR": "Planned Duration of Element",
    },
    keys=("STUDYID", "ETCD"),
    permissible=frozenset({"TEDUR"}),
)
TV = Dataset(
    "TV",
    "Trial Visits",
    {
        "STUDYID": "Study Identifier",
        "DOMAIN": "Domain Abbreviation",
        "VISITNUM": "Visit Number",
        "VISIT": "Visit Name",
        "VISITDY": "Planned Study Day of Visit",
        "ARMCD": "Planned Arm Code",
        "TVSTRL": "Visit Start Rule",
        "TVENRL": "Visit End Rule",
    },
    keys=("STUDYID", "VISITNUM", "ARMCD"),
    permissible=frozenset({"VISITDY", "TVENRL"}),
)
TI = Dataset(
    "TI",
    "Trial Inclusion/Exclusion Criteria",
    {
        "STUDYID": "Study Identifier",
        "DOMAIN": "Domain Abbreviation",
        "IETESTCD": "Inclusion/Exclusion Criterion Short Name",
        "IETEST": "Inclusion/Exclusion Criterion",
        "IECAT": "Inclusion/Exclusion Category",
    },
    keys=("STUDYID", "IETESTCD"),
)
DESIGN = (TA, TE, TV, TI)

SUPP_VARIABLES = {
    "STUDYID": "Study Identifier",
    "RDOMAIN": "Related Domain Abbreviation",
    "USUBJID": "Unique Subject Identifier",
    "IDVAR": "Identifying Variable",
    "IDVARVAL": "Identifying Variable Value",
    "QNAM": "Qualifier Variable Name",
    "QLABEL": "Qualifier Variable Label",
    "QVAL": "Data Value",
    "QORIG": "Origin",
    "QEVAL": "Evaluator",
}
SUPP_KEYS = ("STUDYID", "RDOMAIN", "USUBJID", "IDVAR", "IDVARVAL", "QNAM")
PARENTS = (DM, AE, LB, EX, VS, DS, DV, IE, MH, CM, PR, SV)
# Numeric variables; every other variable is character. Integers are written as
# integers in the CSV (SAS stores every number as a double).
INTEGER = {"AGE", "VISITNUM", "TSSEQ", "AESTDY", "AEENDY", "LBDY", "EXSTDY", "EXENDY"}
INTEGER |= {"VSDY", "DSSTDY", "DVSTDY", "LBTPTNUM", "VSTPTNUM"}
INTEGER |= {"IEDY", "CMSTDY", "CMENDY", "PRSTDY", "PRENDY", "SVSTDY", "SVENDY", "VISITDY"}
INTEGER |= {"TAETORD"} | {f"{d.name}SEQ" for d in PARENTS}
NUMERIC = INTEGER | {"LBSTRESN", "LBSTNRLO", "LBSTNRHI", "EXDOSE", "VSSTRESN", "CMDOSE"}

# ISO 8601 variables that hold a date, never a time (Dataset-JSON dataType "date"); the
# other --DTC variables are "datetime".
DATES = {"RFICDTC", "RFPENDTC", "DTHDTC", "BRTHDTC", "AEENDTC", "DSSTDTC", "DVSTDTC"}
DATES |= {"IEDTC", "MHSTDTC", "MHENDTC", "CMSTDTC", "CMENDTC"}

# --- Controlled terminology ---------------------------------------------------------------

# C66768 Outcome of Event.
AEOUT = {
    Outcome.RECOVERED: "RECOVERED/RESOLVED",
    Outcome.RECOVERING: "RECOVERING/RESOLVING",
    Outcome.NOT_RECOVERED: "NOT RECOVERED/NOT RESOLVED",
    Outcome.SEQUELAE: "RECOVERED/RESOLVED WITH SEQUELAE",
    Outcome.FATAL: "FATAL",
    Outcome.UNKNOWN: "UNKNOWN",
}
# AEREL is the strongest of the three relatedness items (spec §6: AEREL overall, the
# three items in SUPPAE). Sponsor terms, strongest first.
AEREL = {
    Relatedness.DEFINITE: "DEFINITELY RELATED",
    Relatedness.PROBABLE: "PROBABLY RELATED",
    Relatedness.POSSIBLE: "POSSIBLY RELATED",
    Relatedness.UNLIKELY: "UNLIKELY RELATED",
    Relatedness.NOT_RELATED: "NOT RELATED",
}
AEREL_STRENGTH = list(AEREL)
# C66767 Action Taken with Study Treatment. A session stopped early, or the next one
# postponed, is an interruption of the treatment; the eCRF's own answer goes to
# SUPPAE AEACNBAL wherever the CDISC term says less.
AEACN = {
    ActionTaken.NONE: "DOSE NOT CHANGED",
    ActionTaken.INTERRUPTED: "DRUG INTERRUPTED",
    ActionTaken.TERMINATED: "DRUG INTERRUPTED",
    ActionTaken.REDUCED: "DOSE RATE REDUCED",
    ActionTaken.POSTPONED: "DRUG INTERRUPTED",
    ActionTaken.DISCONTINUED: "DRUG WITHDRAWN",
    ActionTaken.NOT_APPLICABLE: "NOT APPLICABLE",
}
# The AE serious criteria SDTM names (AESDTH ... AESMIE); "intervention required to
# prevent permanent impairment" (device GCP) goes to SUPPAE AESINTV (spec §6 [VERIFY]).
AE_SERIOUS = {
    "AESDTH": "results_in_death",
    "AESLIFE": "life_threatening",
    "AESHOSP": "hospitalisation",
    "AESDISAB": "disability",
    "AESCONG": "congenital_anomaly",
    "AESMIE": "important_medical_event",
}
# C66727 Completion/Reason for Non-Completion. A liver transplantation ends follow-up
# without a CDISC term of its own: OTHER, with DSTERM saying what happened.
DSDECOD = {
    StudyDisposition.COMPLETED: "COMPLETED",
    StudyDisposition.DIED: "DEATH",
    StudyDisposition.TRANSPLANTED: "OTHER",
    StudyDisposition.WITHDREW: "WITHDRAWAL BY SUBJECT",
    StudyDisposition.LOST: "LOST TO FOLLOW-UP",
    StudyDisposition.PHYSICIAN: "PHYSICIAN DECISION",
    StudyDisposition.SPONSOR: "STUDY TERMINATED BY SPONSOR",
}
LBNRIND = {"L": "LOW", "N": "NORMAL", "H": "HIGH"}
# C66737 Trial Phase Classification, from the registry's phase (spec §6 TPHASE).
TPHASE = {
    "EARLY_PHASE1": "PHASE 0 TRIAL",
    "PHASE1": "PHASE I TRIAL",
    "PHASE1/PHASE2": "PHASE I/II TRIAL",
    "PHASE2": "PHASE II TRIAL",
    "PHASE2/PHASE3": "PHASE II/III TRIAL",
    "PHASE3": "PHASE III TRIAL",
    "PHASE4": "PHASE IV TRIAL",
}
# C67152 Trial Summary Parameter Test Name, for the parameters written here.
TS_PARAMETERS = {
    "TITLE": "Trial Title",
    "TPHASE": "Trial Phase Classification",
    "SPONSOR": "Clinical Study Sponsor",
    "REGID": "Registry Identifier",
    "PLANSUB": "Planned Number of Subjects",
    # No term of CDISC CT (C66738, extensible) names the protocol version: a sponsor-
    # defined parameter, one record per version (issue 21 item 4).
    "PROTVER": "Protocol Version",
    "AGEMIN": "Planned Minimum Age of Subjects",
    "AGEMAX": "Planned Maximum Age of Subjects",
    "STYPE": "Study Type",
    "INTMODEL": "Intervention Model",
    "RANDOM": "Trial is Randomized",
    "TBLIND": "Trial Blinding Schema",
    "ADDON": "Added on to Existing Treatments",
    "SEXPOP": "Sex of Participants",
    "HLTSUBJI": "Healthy Subject Indicator",
}
# C66741 Vital Signs Test Code: (model field, VSTESTCD, VSTEST, unit).
VITALS = (
    ("systolic_bp", "SYSBP", "Systolic Blood Pressure", "mmHg"),
    ("diastolic_bp", "DIABP", "Diastolic Blood Pressure", "mmHg"),
    ("heart_rate", "HR", "Heart Rate", "beats/min"),
    ("respiratory_rate", "RESP", "Respiratory Rate", "breaths/min"),
    ("temperature_c", "TEMP", "Temperature", "C"),
    ("spo2_percent", "OXYSAT", "Oxygen Saturation", "%"),
)
VSTPT = {
    VitalsTimepoint.SCREENING: "",
    VitalsTimepoint.PRE_SESSION: "PRE-SESSION",
    VitalsTimepoint.INTRA_SESSION: "DURING SESSION",
    VitalsTimepoint.END_OF_SESSION: "END OF SESSION",
    VitalsTimepoint.FOLLOW_UP: "",
    VitalsTimepoint.UNSCHEDULED: "",
}
# --TPTNUM of each planned time point of a session day (LB and VS share them), in time
# order. Each is counted from the session's start (--TPTREF), whose date and time
# --RFTDTC gives: before it, during the session, at its end.
TPTNUM = {"PRE-SESSION": 1, "DURING SESSION": 2, "END OF SESSION": 3}
TPTREF = "SESSION START"
# LBTEST is at most 40 characters: the catalogue's English name without its code in
# brackets ("Alanine aminotransferase (ALT)" -> "Alanine aminotransferase"), or this.
LBTEST = {
    "ACT": "Activated Clotting Time",
    "DSA": "Donor-Specific Antibodies",
}
# The route of a BAL session's cells: the patient's plasma or blood passes the cells
# outside the body (spec §6 EXROUTE "extracorporeal - check CT").
EXROUTE = "EXTRACORPOREAL"
