"""Laboratory test catalogue: tests, panels, accepted units and hard ranges (spec §2.9, §3.8).

Pure Python, no database. Each result is stored as entered (value + unit) plus a standard
(SI) value computed with `LabTest.to_standard`. Only units that convert by a pure factor are
accepted; anything assay-specific (HBV DNA copies/mL, D-dimer DDU) must be entered in the
standard unit.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, localcontext

from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from ecrf.numbers import plain

Number = Decimal | int | float | str


def to_decimal(value: Number) -> Decimal:
    """Decimal from user or form input; floats go through str() so 0.1 stays 0.1."""
    if isinstance(value, Decimal):
        return value
    return Decimal(str(value)) if isinstance(value, float) else Decimal(value)


@dataclass(frozen=True)
class Unit:
    code: str  # ASCII, used in forms and exports
    label: str  # display text
    factor: Decimal = Decimal(1)  # value in this unit * factor = value in the standard unit


@dataclass(frozen=True)
class LabTest:
    code: str  # LBTESTCD (spec §2.9 suggestion; codes tagged [VERIFY] there are not CDISC-checked)
    name: str
    panel: str
    standard_unit: Unit
    other_units: tuple[Unit, ...]
    hard_low: Decimal | None  # in the standard unit
    hard_high: Decimal | None
    decimals: int  # display precision in the standard unit
    qualitative: bool = False  # result is pos/neg/equivocal; the unit is for an optional index
    ctcae_terms: tuple[str, ...] = ()  # CTCAE v5 lab terms that grade this test (lab_grading)

    def units(self) -> tuple[Unit, ...]:
        return (self.standard_unit, *self.other_units)

    def unit(self, code: str) -> Unit:
        for unit in self.units():
            if unit.code == code:
                return unit
        accepted = ", ".join(u.code for u in self.units())
        raise ValueError(f"Unit {code!r} is not accepted for {self.code}; accepted: {accepted}")

    def unit_choices(self) -> list[tuple[str, str]]:
        return [(u.code, u.label) for u in self.units()]

    def to_standard(self, value: Number, unit_code: str) -> Decimal:
        return to_decimal(value) * self.unit(unit_code).factor

    def rounded(self, standard_value: Number) -> Decimal:
        """Standard value at display precision, half up."""
        step = Decimal(1).scaleb(-self.decimals)
        return to_decimal(standard_value).quantize(step, rounding=ROUND_HALF_UP)


class Panel(models.TextChoices):
    LIVER = "LIVER", _("Liver function")
    COAGULATION = "COAGULATION", _("Coagulation")
    HAEMATOLOGY = "HAEMATOLOGY", _("Haematology")
    RENAL = "RENAL", _("Renal function and electrolytes")
    AMMONIA = "AMMONIA", _("Ammonia")
    LACTATE = "LACTATE", _("Lactate")
    BLOOD_GAS = "BLOOD_GAS", _("Blood gas and glucose")
    INFLAMMATION = "INFLAMMATION", _("Inflammation and cytokines")
    VIROLOGY = "VIROLOGY", _("Virology")
    IMMUNOGENICITY = "IMMUNOGENICITY", _("Immunogenicity (anti-HLA)")
    TUMOUR_MARKER = "TUMOUR_MARKER", _("Tumour marker (AFP)")


def _unit(code: str, factor: str = "1", label: str | None = None) -> Unit:
    return Unit(code, label or code, Decimal(factor))


def _limit(value: str | None) -> Decimal | None:
    return None if value is None else Decimal(value)


# Standard units (factor 1).
UMOL_L = _unit("umol/L", label="µmol/L")
MMOL_L = _unit("mmol/L")
G_L = _unit("g/L")
MG_L = _unit("mg/L")
U_L = _unit("U/L")
SECONDS = _unit("s")
PERCENT = _unit("%")
RATIO = Unit("ratio", _("ratio"))
GIGA_PER_L = _unit("10^9/L", label="10⁹/L")
MMHG = _unit("mmHg")
IU_ML = _unit("IU/mL")
PG_ML = _unit("pg/mL")
S_CO = Unit("S/CO", _("S/CO (signal/cut-off)"))
MFI = Unit("MFI", _("MFI (mean fluorescence intensity)"))
MEQ_L = _unit("mEq/L")  # = mmol/L for monovalent ions (§3.8)

# Cell counts: /mm³ = /µL, and 10³/µL = 10⁹/L (§3.8 "Platelets / WBC").
COUNT_UNITS = (_unit("10^3/uL", label="10³/µL"), _unit("/mm3", "0.001", "/mm³"))
# 1 kPa = 7.50062 mmHg; §3.8 gives the inverse (mmHg x 0.1333 = kPa).
KPA = _unit("kPa", "7.50062")


def _lab(
    code: str,
    name: str,
    panel: Panel,
    unit: Unit,
    low: str | None,
    high: str | None,
    decimals: int,
    other_units: tuple[Unit, ...] = (),
    ctcae_terms: tuple[str, ...] = (),
    qualitative: bool = False,
) -> LabTest:
    return LabTest(
        code=code,
        name=name,
        panel=panel.value,
        standard_unit=unit,
        other_units=other_units,
        hard_low=_limit(low),
        hard_high=_limit(high),
        decimals=decimals,
        qualitative=qualitative,
        ctcae_terms=ctcae_terms,
    )


def _serology(code: str, name: str) -> LabTest:
    # §2.9: "qualitative (pos/neg/equivocal) ± S/CO"; the S/CO index is optional.
    return _lab(code, name, Panel.VIROLOGY, S_CO, "0", None, 2, qualitative=True)


def _cytokine(code: str, name: str) -> LabTest:
    return _lab(code, name, Panel.INFLAMMATION, PG_ML, "0", "100000", 1)


# Conversion factors are from spec §3.8 (conventional unit x factor = SI); hard ranges are the
# adult plausibility limits of §2.9, in the standard unit. Where §2.9 gives no range
# (haemolysis work-up, serology index) only the physical lower bound 0 is enforced.
# The table is exempt from formatting: one test per entry reads better than one argument a line.
# fmt: off
_TESTS = (
    # Liver
    _lab("BILI", _("Total bilirubin"), Panel.LIVER, UMOL_L, "0", "1500", 1,
         (_unit("mg/dL", "17.1"),), ("Blood bilirubin increased",)),
    _lab("BILDIR", _("Direct bilirubin"), Panel.LIVER, UMOL_L, "0", "1200", 1,
         (_unit("mg/dL", "17.1"),)),
    _lab("ALT", _("Alanine aminotransferase (ALT)"), Panel.LIVER, U_L, "0", "20000", 0,
         ctcae_terms=("Alanine aminotransferase increased",)),
    _lab("AST", _("Aspartate aminotransferase (AST)"), Panel.LIVER, U_L, "0", "30000", 0,
         ctcae_terms=("Aspartate aminotransferase increased",)),
    _lab("ALP", _("Alkaline phosphatase (ALP)"), Panel.LIVER, U_L, "0", "3000", 0,
         ctcae_terms=("Alkaline phosphatase increased",)),
    _lab("GGT", _("Gamma-glutamyl transferase (GGT)"), Panel.LIVER, U_L, "0", "3000", 0,
         ctcae_terms=("GGT increased",)),
    _lab("ALB", _("Albumin"), Panel.LIVER, G_L, "5", "70", 1,
         (_unit("g/dL", "10"),), ("Hypoalbuminemia",)),
    _lab("PREALB", _("Prealbumin"), Panel.LIVER, MG_L, "0", "600", 0, (_unit("g/L", "1000"),)),
    _lab("CHOLINES", _("Cholinesterase"), Panel.LIVER, U_L, "0", "20000", 0,
         (_unit("kU/L", "1000"),)),
    _lab("BILEAC", _("Total bile acids"), Panel.LIVER, UMOL_L, "0", "600", 1),
    # Coagulation. PTA and INR are never converted into each other (§3.5, §3.8).
    _lab("PT", _("Prothrombin time"), Panel.COAGULATION, SECONDS, "5", "200", 1),
    _lab("PTA", _("Prothrombin activity (PTA)"), Panel.COAGULATION, PERCENT, "1", "150", 0),
    _lab("INR", _("INR"), Panel.COAGULATION, RATIO, "0.5", "20", 2,
         ctcae_terms=("INR increased",)),
    _lab("APTT", _("Activated partial thromboplastin time (APTT)"), Panel.COAGULATION,
         SECONDS, "10", "300", 1,
         ctcae_terms=("Activated partial thromboplastin time prolonged",)),
    _lab("THROMBT", _("Thrombin time"), Panel.COAGULATION, SECONDS, "5", "300", 1),
    _lab("FIBRINO", _("Fibrinogen"), Panel.COAGULATION, G_L, "0.1", "10", 2,
         (_unit("mg/dL", "0.01"),), ("Fibrinogen decreased",)),
    # D-dimer: only FEU units; DDU <-> FEU is assay-dependent, so not accepted.
    _lab("DDIMER", _("D-dimer"), Panel.COAGULATION, _unit("mg/L FEU"), "0", "100", 2,
         (_unit("ug/L FEU", "0.001", "µg/L FEU"),)),
    _lab("ANTHRM3", _("Antithrombin III activity"), Panel.COAGULATION, PERCENT, "5", "150", 0),
    _lab("ACT", _("Activated clotting time (ACT, point of care)"), Panel.COAGULATION,
         SECONDS, "50", "999", 0),
    # Haematology. Hb mmol/L -> g/L = 10 / 0.6206 (§3.8 gives g/dL x 0.6206 = mmol/L).
    _lab("HGB", _("Haemoglobin"), Panel.HAEMATOLOGY, G_L, "20", "250", 0,
         (_unit("g/dL", "10"), _unit("mmol/L", "16.1134")), ("Anemia", "Hemoglobin increased")),
    _lab("HCT", _("Haematocrit"), Panel.HAEMATOLOGY, Unit("L/L", _("L/L (fraction)")),
         "0.10", "0.70", 2, (_unit("%", "0.01"),)),
    _lab("WBC", _("White blood cells"), Panel.HAEMATOLOGY, GIGA_PER_L, "0.1", "200", 2,
         COUNT_UNITS, ("Leukocytosis", "White blood cell decreased")),
    _lab("NEUT", _("Neutrophils (absolute)"), Panel.HAEMATOLOGY, GIGA_PER_L, "0", "150", 2,
         COUNT_UNITS, ("Neutrophil count decreased",)),
    _lab("LYM", _("Lymphocytes (absolute)"), Panel.HAEMATOLOGY, GIGA_PER_L, "0", "100", 2,
         COUNT_UNITS, ("Lymphocyte count decreased", "Lymphocyte count increased")),
    _lab("PLAT", _("Platelets"), Panel.HAEMATOLOGY, GIGA_PER_L, "1", "1500", 0,
         COUNT_UNITS, ("Platelet count decreased",)),
    _lab("RETI", _("Reticulocytes"), Panel.HAEMATOLOGY, PERCENT, "0", "100", 1),
    _lab("HAPT", _("Haptoglobin"), Panel.HAEMATOLOGY, G_L, "0", None, 2,
         ctcae_terms=("Haptoglobin decreased",)),
    _lab("HGBFR", _("Plasma free haemoglobin"), Panel.HAEMATOLOGY, _unit("mg/dL"), "0", None, 1),
    _lab("LDH", _("Lactate dehydrogenase (LDH)"), Panel.HAEMATOLOGY, U_L, "0", None, 0,
         ctcae_terms=("Blood lactate dehydrogenase increased",)),
    # Renal function and electrolytes. Urea in mg/dL is accepted only as BUN (§2.9), so that
    # "mg/dL" cannot be mistaken for urea mass (factor 0.1665 in §3.8).
    _lab("CREAT", _("Creatinine"), Panel.RENAL, UMOL_L, "10", "2000", 0,
         (_unit("mg/dL", "88.4"),), ("Creatinine increased",)),
    _lab("UREA", _("Urea"), Panel.RENAL, MMOL_L, "0.5", "80", 1,
         (_unit("mg/dL BUN", "0.357", "mg/dL (BUN)"),)),
    _lab("URATE", _("Uric acid"), Panel.RENAL, UMOL_L, "10", "1500", 0,
         (_unit("mg/dL", "59.48"),), ("Hyperuricemia",)),
    _lab("SODIUM", _("Sodium"), Panel.RENAL, MMOL_L, "100", "185", 0, (MEQ_L,),
         ("Hypernatremia", "Hyponatremia")),
    _lab("K", _("Potassium"), Panel.RENAL, MMOL_L, "1.5", "9.0", 1, (MEQ_L,),
         ("Hyperkalemia", "Hypokalemia")),
    _lab("CL", _("Chloride"), Panel.RENAL, MMOL_L, "60", "140", 0, (MEQ_L,)),
    # CTCAE grades corrected calcium; the caller passes the albumin-corrected value (§3.1).
    _lab("CA", _("Total calcium"), Panel.RENAL, MMOL_L, "0.5", "4.5", 2,
         (_unit("mg/dL", "0.2495"),), ("Hypercalcemia", "Hypocalcemia")),
    _lab("CAION", _("Ionised calcium"), Panel.RENAL, MMOL_L, "0.2", "2.5", 2,
         (_unit("mg/dL", "0.2495"),), ("Hypercalcemia (Ionized)", "Hypocalcemia (Ionized)")),
    _lab("MG", _("Magnesium"), Panel.RENAL, MMOL_L, "0.1", "3.0", 2,
         (_unit("mg/dL", "0.4114"),), ("Hypermagnesemia", "Hypomagnesemia")),
    _lab("PHOS", _("Phosphate"), Panel.RENAL, MMOL_L, "0.1", "5.0", 2,
         (_unit("mg/dL", "0.3229"),)),
    _lab("BICARB", _("Bicarbonate"), Panel.RENAL, MMOL_L, "2", "60", 1, (MEQ_L,)),
    # Ammonia as NH3: 10 / 17.03 g/mol = 0.5872 (§3.8 rounds it to 0.587). NH3-N units
    # (factor 0.714) are not accepted: the unit code alone would not show which one was meant.
    _lab("AMMONIA", _("Ammonia"), Panel.AMMONIA, UMOL_L, "5", "1000", 0,
         (_unit("ug/dL", "0.5872", "µg/dL"),)),
    _lab("LACTICAC", _("Lactate"), Panel.LACTATE, MMOL_L, "0.1", "30", 1,
         (_unit("mg/dL", "0.111"),)),
    # Blood gas and glucose (point-of-care analysers report them together).
    _lab("PH", _("pH"), Panel.BLOOD_GAS, _unit("pH"), "6.8", "7.8", 2,
         ctcae_terms=("Acidosis", "Alkalosis")),
    _lab("PO2", _("PaO2"), Panel.BLOOD_GAS, MMHG, "20", "700", 0, (KPA,)),
    _lab("PCO2", _("PaCO2"), Panel.BLOOD_GAS, MMHG, "10", "150", 0, (KPA,)),
    _lab("BASEEXC", _("Base excess"), Panel.BLOOD_GAS, MMOL_L, "-30", "30", 1),
    _lab("GLUC", _("Glucose"), Panel.BLOOD_GAS, MMOL_L, "0.5", "50", 1,
         (_unit("mg/dL", "0.0555"),), ("Hypoglycemia",)),
    # Inflammation and cytokines (§2.9, §2.10)
    _lab("CRP", _("C-reactive protein"), Panel.INFLAMMATION, MG_L, "0", "500", 1),
    _lab("PROCALCT", _("Procalcitonin"), Panel.INFLAMMATION, _unit("ng/mL"), "0", "500", 2),
    _cytokine("IL6", _("Interleukin-6")),
    _cytokine("IL10", _("Interleukin-10")),
    _cytokine("TNFA", _("Tumour necrosis factor alpha")),
    _cytokine("IL1B", _("Interleukin-1 beta")),
    _cytokine("IL8", _("Interleukin-8")),
    _cytokine("IFNG", _("Interferon gamma")),
    # Virology. HBV DNA copies/mL -> IU/mL is assay-specific (§3.8): IU/mL only. "< LLOQ" and
    # "target not detected" are recorded with the result flags, not as numbers.
    _lab("HBVDNA", _("HBV DNA"), Panel.VIROLOGY, IU_ML, "0", "1E10", 0),
    _lab("HBSAG", _("HBsAg (quantitative)"), Panel.VIROLOGY, IU_ML, "0", "250000", 2),
    _serology("HBEAG", _("HBeAg")),
    _serology("HBEAB", _("Anti-HBe")),
    _serology("HBCIGM", _("Anti-HBc IgM")),
    _serology("HCVAB", _("Anti-HCV")),
    _lab("HCVRNA", _("HCV RNA"), Panel.VIROLOGY, IU_ML, "0", "1E10", 0, qualitative=True),
    _serology("HEVIGM", _("Anti-HEV IgM")),
    _serology("HAVIGM", _("Anti-HAV IgM")),
    _serology("HIVAB", _("Anti-HIV")),
    _serology("TPAB", _("Anti-Treponema pallidum")),
    # Tumour marker, CiPS-BAL's tumorigenicity surveillance (§1.5, §2.9 "AFP ng/mL, also
    # IU/mL, 0–100 000"): 1 IU/mL = 1.21 ng/mL (WHO standard 72/225) [VERIFY].
    _lab("AFP", _("Alpha-fetoprotein (AFP)"), Panel.TUMOUR_MARKER, _unit("ng/mL"), "0", "100000",
         1, (_unit("IU/mL", "1.21"),)),
    # Immunogenicity, QH-1A only (§2.10). The positivity cut-off is lab-defined and is stored
    # with the result, so only the MFI scale (0-30 000) is checked here.
    _lab("HLA1MFI", _("Anti-HLA class I antibodies (max MFI)"), Panel.IMMUNOGENICITY, MFI,
         "0", "30000", 0),
    _lab("HLA2MFI", _("Anti-HLA class II antibodies (max MFI)"), Panel.IMMUNOGENICITY, MFI,
         "0", "30000", 0),
    _lab("DSA", _("Donor-specific antibodies against the cell-line HLA (DSA)"),
         Panel.IMMUNOGENICITY, MFI, "0", "30000", 0, qualitative=True),
    _lab("PRA", _("Panel-reactive antibodies (PRA / cPRA)"), Panel.IMMUNOGENICITY, PERCENT,
         "0", "100", 0),
)
# fmt: on

CATALOGUE: dict[str, LabTest] = {t.code: t for t in _TESTS}

PANEL_TESTS: dict[str, tuple[str, ...]] = {
    panel.value: tuple(t.code for t in _TESTS if t.panel == panel.value) for panel in Panel
}


def tests_in_panel(panel: str) -> list[LabTest]:
    """Tests of one panel, in catalogue (form) order."""
    return [CATALOGUE[code] for code in PANEL_TESTS[panel]]


tests_in_panel.__test__ = False  # its name starts with "test": stop pytest collecting it


def in_unit(test: LabTest, standard_value: Decimal, unit_code: str) -> Decimal:
    """A standard-unit value (a limit, a normal range) in another of the test's units, to
    4 significant digits: 1500 µmol/L of bilirubin is 87.72 mg/dL."""
    with localcontext() as context:
        context.prec = 4
        return +(standard_value / test.unit(unit_code).factor)


def check_hard_range(
    test: LabTest, standard_value: Number | None, *, entered: Number | None = None, unit: str = ""
) -> str | None:
    """Translated error if the standard value is outside the hard range (§2.9), else None.

    Hard limits reject entry or unit errors; they are not clinical thresholds. The message
    speaks the unit the user typed (`entered` in `unit`; issue 19 item 3): 90 mg/dL of
    bilirubin is above 87.72 mg/dL, not above 1500 µmol/L.
    """
    if standard_value is None:
        return None
    value = to_decimal(standard_value)
    low, high = test.hard_low, test.hard_high
    if (low is None or value >= low) and (high is None or value <= high):
        return None
    if entered is None or not unit or unit == test.standard_unit.code:
        entered, unit = value, test.standard_unit.code
    else:
        low = None if low is None else in_unit(test, low, unit)
        high = None if high is None else in_unit(test, high, unit)
    params = {
        "test": test.name,
        "value": plain(to_decimal(entered)),
        "low": plain(low),
        "high": plain(high),
        "unit": test.unit(unit).label,
    }
    if low is not None and high is not None:
        msg = gettext(
            "%(test)s %(value)s %(unit)s is outside the accepted range %(low)s to %(high)s "
            "%(unit)s. Check the value and the unit."
        )
    elif low is not None:
        msg = gettext(
            "%(test)s %(value)s %(unit)s is below the lowest accepted value %(low)s %(unit)s. "
            "Check the value and the unit."
        )
    else:
        msg = gettext(
            "%(test)s %(value)s %(unit)s is above the highest accepted value %(high)s %(unit)s. "
            "Check the value and the unit."
        )
    return msg % params
