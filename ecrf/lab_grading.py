"""CTCAE v5.0 grades for laboratory results (spec §4.2, §3.7 "Lab CTCAE grade").

The criteria are the 40 entries of pharmaverse/admiral's `ncictcaev5.json` (SI units; copy and
provenance in /work/shared/reference/ctcae/SOURCES.md), rewritten by hand as Python. Each term
is an ordered list of (condition, grade) clauses, checked like admiral's `case_when`: the first
clause that holds gives the grade (None = cannot grade), and 0 if none holds. As in R, a
comparison with a missing limit or baseline counts as "does not hold".

Grades 5 and purely clinical criteria ("symptomatic", "life-threatening") are not derived here;
where the JSON COMMENT says so, admiral's worst-case assumption is kept (noted per term).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from ecrf.lab_catalogue import CATALOGUE, LabTest, Number, to_decimal


@dataclass(frozen=True)
class Sample:
    value: Decimal  # AVAL
    lln: Decimal | None  # ANRLO
    uln: Decimal | None  # ANRHI
    baseline: Decimal | None  # BASE
    baseline_high: bool  # BNRIND %in% high_indicator

    @property
    def percent_change(self) -> Decimal | None:  # PCHG
        if self.baseline is None or self.baseline == 0:
            return None
        return (self.value - self.baseline) / self.baseline * 100


Condition = Callable[[Sample], bool]
Clause = tuple[Condition, int | None]


@dataclass(frozen=True)
class Criterion:
    unit: str | None  # UNIT_CHECK: unit the value must be in; None = relative to LLN/ULN/baseline
    clauses: tuple[Clause, ...]


# --- conditions (each is False when a limit it needs is missing, like NA in case_when) ---


def below(limit: str) -> Condition:
    return lambda s: s.value < Decimal(limit)


def above(limit: str) -> Condition:
    return lambda s: s.value > Decimal(limit)


def at_most(limit: str) -> Condition:
    return lambda s: s.value <= Decimal(limit)


def below_lln(times: str = "1") -> Condition:
    return lambda s: s.lln is not None and s.value < Decimal(times) * s.lln


def above_uln(times: str = "1") -> Condition:
    return lambda s: s.uln is not None and s.value > Decimal(times) * s.uln


def above_uln_plus(amount: str) -> Condition:
    return lambda s: s.uln is not None and s.value > s.uln + Decimal(amount)


def above_baseline(times: str, inclusive: bool = False) -> Condition:
    def check(s: Sample) -> bool:
        if s.baseline is None:
            return False
        limit = Decimal(times) * s.baseline
        return s.value >= limit if inclusive else s.value > limit

    return check


def low_and_fallen(percent: str) -> Condition:
    """Below LLN and fallen by at least `percent` % from baseline (fibrinogen)."""
    return lambda s: (
        below_lln()(s) and s.percent_change is not None and s.percent_change <= -Decimal(percent)
    )


def _baseline_normal(condition: Condition) -> Condition:
    return lambda s: not s.baseline_high and condition(s)


def _baseline_high(condition: Condition) -> Condition:
    return lambda s: s.baseline_high and condition(s)


NO_LLN: Clause = (lambda s: s.lln is None, None)
NO_ULN: Clause = (lambda s: s.uln is None, None)
# Not in admiral (it returns 0 here): an abnormal baseline without its value cannot be graded.
NO_ABNORMAL_BASELINE_VALUE: Clause = (lambda s: s.baseline_high and s.baseline is None, None)


def _uln_or_baseline(
    uln: tuple[str, ...], baseline: tuple[str, ...], g1_inclusive: bool = False
) -> tuple[Clause, ...]:
    """Clauses for "x ULN if baseline was normal; x baseline if baseline was abnormal".

    `uln` and `baseline` hold the multiples for grades 4, 3, 2, 1. Only the grade-1 baseline
    test can be ">=" (ALT, AST, ALP: "1.5 - 3.0 x baseline"); the others are ">".
    """
    clauses: list[Clause] = [NO_ULN, NO_ABNORMAL_BASELINE_VALUE]
    for g, uln_times, base_times in zip((4, 3, 2, 1), uln, baseline, strict=True):
        inclusive = g1_inclusive and g == 1
        clauses.append((_baseline_normal(above_uln(uln_times)), g))
        clauses.append((_baseline_high(above_baseline(base_times, inclusive)), g))
    return tuple(clauses)


def _times_uln(*multiples: tuple[int, str]) -> tuple[Clause, ...]:
    """Clauses for terms graded only as multiples of ULN: (grade, multiple), highest first."""
    return (NO_ULN, *((above_uln(times), g) for g, times in multiples))


# Criteria, keyed by the CTCAE term as spelled in the JSON. Comments quote the CTCAE grade
# text; units are written as in lab_catalogue ("MMOL/L" in the JSON is "mmol/L" here).
CRITERIA: dict[str, Criterion] = {
    # --- Blood and lymphatic system disorders ---
    # G1 "<LLN - 100 g/L", G2 "<100 - 80 g/L", G3 "<80 g/L; transfusion indicated"
    "Anemia": Criterion("g/L", ((below("80"), 3), (below("100"), 2), NO_LLN, (below_lln(), 1))),
    # G3 ">100,000/mm3" (grades 1-2 do not exist)
    "Leukocytosis": Criterion("10^9/L", ((above("100"), 3),)),
    # --- Investigations ---
    # ">ULN - 1.5 x ULN", ">1.5 - 2.5 x ULN", ">2.5 x ULN; bleeding"
    "Activated partial thromboplastin time prolonged": Criterion(
        None, _times_uln((3, "2.5"), (2, "1.5"), (1, "1"))
    ),
    # G1 ">ULN - 3.0 x ULN if baseline was normal; 1.5 - 3.0 x baseline if baseline was
    # abnormal"; G2 >3.0-5.0 x, G3 >5.0-20.0 x, G4 >20.0 x (ULN or baseline)
    "Alanine aminotransferase increased": Criterion(
        None, _uln_or_baseline(("20", "5", "3", "1"), ("20", "5", "3", "1.5"), g1_inclusive=True)
    ),
    # G1 ">ULN - 2.5 x ULN if baseline was normal; 2.0 - 2.5 x baseline if baseline was
    # abnormal"; G2 >2.5-5.0 x, G3 >5.0-20.0 x, G4 >20.0 x
    "Alkaline phosphatase increased": Criterion(
        None, _uln_or_baseline(("20", "5", "2.5", "1"), ("20", "5", "2.5", "2"), g1_inclusive=True)
    ),
    # As ALT.
    "Aspartate aminotransferase increased": Criterion(
        None, _uln_or_baseline(("20", "5", "3", "1"), ("20", "5", "3", "1.5"), g1_inclusive=True)
    ),
    # G1 ">ULN - 1.5 x ULN if baseline was normal; > 1.0 - 1.5 x baseline if baseline was
    # abnormal"; G2 >1.5-3.0 x, G3 >3.0-10.0 x, G4 >10.0 x
    "Blood bilirubin increased": Criterion(
        None, _uln_or_baseline(("10", "3", "1.5", "1"), ("10", "3", "1.5", "1"))
    ),
    # G1 ">ULN"
    "Blood lactate dehydrogenase increased": Criterion(None, _times_uln((1, "1"))),
    # "<LLN - 0.5", "<0.5 - 0.2", "<0.2 - 0.05", "<0.05 x 10e9 /L"
    "CD4 lymphocytes decreased": Criterion(
        "10^9/L",
        ((below("0.05"), 4), (below("0.2"), 3), (below("0.5"), 2), NO_LLN, (below_lln(), 1)),
    ),
    # ">ULN - 7.75", ">7.75 - 10.34", ">10.34 - 12.92", ">12.92 mmol/L"
    "Cholesterol high": Criterion(
        "mmol/L",
        ((above("12.92"), 4), (above("10.34"), 3), (above("7.75"), 2), NO_ULN, (above_uln(), 1)),
    ),
    # ">ULN - 2.5 x ULN", ">2.5 - 5 x ULN", ">5 - 10 x ULN", ">10 x ULN"
    "CPK increased": Criterion(None, _times_uln((4, "10"), (3, "5"), (2, "2.5"), (1, "1"))),
    # G1 ">ULN - 1.5 x ULN", G2 ">1.5 - 3.0 x baseline; >1.5 - 3.0 x ULN",
    # G3 ">3.0 baseline; >3.0 - 6.0 x ULN", G4 ">6.0 x ULN". Grades 2-3 need ULN or baseline.
    "Creatinine increased": Criterion(
        None,
        (
            (above_uln("6"), 4),
            (above_uln("3"), 3),
            (above_baseline("3"), 3),
            (above_uln("1.5"), 2),
            (above_baseline("1.5"), 2),
            NO_ULN,
            (above_uln(), 1),
        ),
    ),
    # G1 "<1.0 - 0.75 x LLN; if abnormal, <25% decrease from baseline", G2 "<0.75 - 0.5 x LLN;
    # 25 - <50% decrease", G3 "<0.5 - 0.25 x LLN; 50 - <75% decrease", G4 "<0.25 x LLN; 75%
    # decrease; absolute value <50 mg/dL". admiral reads "if abnormal" as "value < LLN".
    "Fibrinogen decreased": Criterion(
        "g/L",
        (
            (below("0.5"), 4),
            NO_LLN,
            (below_lln("0.25"), 4),
            (low_and_fallen("75"), 4),
            (below_lln("0.5"), 3),
            (low_and_fallen("50"), 3),
            (below_lln("0.75"), 2),
            (low_and_fallen("25"), 2),
            (below_lln(), 1),
        ),
    ),
    # G1 ">ULN - 2.5 x ULN if baseline was normal; 2.0 - 2.5 x baseline if baseline was
    # abnormal", G2 >2.5-5.0 x, G3 >5.0-20.0 x, G4 >20.0 x. admiral uses ">" for 2.0 x here.
    "GGT increased": Criterion(
        None, _uln_or_baseline(("20", "5", "2.5", "1"), ("20", "5", "2.5", "2"))
    ),
    # G1 "<LLN"
    "Haptoglobin decreased": Criterion(None, (NO_LLN, (below_lln(), 1))),
    # "Increase in >0 - 2 g/dL above ULN", ">2 - 4 g/dL", ">4 g/dL above ULN"
    "Hemoglobin increased": Criterion(
        "g/L", (NO_ULN, (above_uln_plus("40"), 3), (above_uln_plus("20"), 2), (above_uln(), 1))
    ),
    # G1 ">1.2 - 1.5; >1 - 1.5 x baseline if on anticoagulation", G2 ">1.5 - 2.5; >1.5 - 2.5 x
    # baseline", G3 ">2.5; >2.5 times above baseline". COMMENT: worst case, assume "on
    # anticoagulation", so the baseline branch applies whenever there is a baseline.
    # admiral leaves INR <= 1.2 without a baseline ungraded (NA); here it is a normal
    # result and grade 0 (issue 18: a normal result is graded 0, never left blank), since
    # no criterion of any grade holds for it.
    "INR increased": Criterion(
        None,
        (
            (above("2.5"), 3),
            (above_baseline("2.5"), 3),
            (above("1.5"), 2),
            (above_baseline("1.5"), 2),
            (above("1.2"), 1),
            (above_baseline("1"), 1),
        ),
    ),
    # G1 ">ULN - 1.5 x ULN", G2 ">1.5 - 2.0 x ULN", G3 ">2.0 - 5.0 x ULN with signs or
    # symptoms", G4 ">5.0 x ULN and with signs or symptoms". COMMENT: worst case, symptomatic.
    "Lipase increased": Criterion(None, _times_uln((4, "5"), (3, "2"), (2, "1.5"), (1, "1"))),
    # "<LLN - 0.8", "<0.8 - 0.5", "<0.5 - 0.2", "<0.2 x 10e9 /L"
    "Lymphocyte count decreased": Criterion(
        "10^9/L",
        ((below("0.2"), 4), (below("0.5"), 3), (below("0.8"), 2), NO_LLN, (below_lln(), 1)),
    ),
    # G2 ">4000/mm3 - 20,000/mm3", G3 ">20,000/mm3"
    "Lymphocyte count increased": Criterion("10^9/L", ((above("20"), 3), (above("4"), 2))),
    # "<LLN - 1.5", "<1.5 - 1.0", "<1.0 - 0.5", "<0.5 x 10e9 /L"
    "Neutrophil count decreased": Criterion(
        "10^9/L",
        ((below("0.5"), 4), (below("1"), 3), (below("1.5"), 2), NO_LLN, (below_lln(), 1)),
    ),
    # "<LLN - 75.0", "<75.0 - 50.0", "<50.0 - 25.0", "<25.0 x 10e9 /L"
    "Platelet count decreased": Criterion(
        "10^9/L",
        ((below("25"), 4), (below("50"), 3), (below("75"), 2), NO_LLN, (below_lln(), 1)),
    ),
    # As lipase (COMMENT: worst case, symptomatic).
    "Serum amylase increased": Criterion(
        None, _times_uln((4, "5"), (3, "2"), (2, "1.5"), (1, "1"))
    ),
    # "<LLN - 3.0", "<3.0 - 2.0", "<2.0 - 1.0", "<1.0 x 10e9 /L"
    "White blood cell decreased": Criterion(
        "10^9/L", ((below("1"), 4), (below("2"), 3), (below("3"), 2), NO_LLN, (below_lln(), 1))
    ),
    # --- Metabolism and nutrition disorders ---
    # G1 "pH <normal, but >=7.3", G3 "pH <7.3"
    "Acidosis": Criterion(None, ((below("7.3"), 3), NO_LLN, (below_lln(), 1))),
    # G1 "pH >normal, but <=7.5", G3 "pH >7.5"
    "Alkalosis": Criterion(None, ((above("7.5"), 3), NO_ULN, (above_uln(), 1))),
    # Corrected Ca ">ULN - 2.9", ">2.9 - 3.1", ">3.1 - 3.4", ">3.4 mmol/L"
    "Hypercalcemia": Criterion(
        "mmol/L",
        ((above("3.4"), 4), (above("3.1"), 3), (above("2.9"), 2), NO_ULN, (above_uln(), 1)),
    ),
    # Ionised Ca ">ULN - 1.5", ">1.5 - 1.6", ">1.6 - 1.8", ">1.8 mmol/L" (admiral's split term)
    "Hypercalcemia (Ionized)": Criterion(
        "mmol/L",
        ((above("1.8"), 4), (above("1.6"), 3), (above("1.5"), 2), NO_ULN, (above_uln(), 1)),
    ),
    # ">ULN - 5.5", ">5.5 - 6.0", ">6.0 - 7.0", ">7.0 mmol/L"
    "Hyperkalemia": Criterion(
        "mmol/L", ((above("7"), 4), (above("6"), 3), (above("5.5"), 2), NO_ULN, (above_uln(), 1))
    ),
    # G1 ">ULN - 1.23", G3 ">1.23 - 3.30", G4 ">3.30 mmol/L" (no grade 2)
    "Hypermagnesemia": Criterion(
        "mmol/L", ((above("3.3"), 4), (above("1.23"), 3), NO_ULN, (above_uln(), 1))
    ),
    # ">ULN - 150", ">150 - 155", ">155 - 160", ">160 mmol/L"
    "Hypernatremia": Criterion(
        "mmol/L",
        ((above("160"), 4), (above("155"), 3), (above("150"), 2), NO_ULN, (above_uln(), 1)),
    ),
    # "1.71 - 3.42", ">3.42 - 5.7", ">5.7 - 11.4", ">11.4 mmol/L" (no ULN needed)
    "Hypertriglyceridemia": Criterion(
        "mmol/L", ((above("11.4"), 4), (above("5.7"), 3), (above("3.42"), 2), (above("1.71"), 1))
    ),
    # G1 ">ULN without physiologic consequences", G3 "with physiologic consequences".
    # COMMENT: worst case, so any value > ULN is grade 3.
    "Hyperuricemia": Criterion(None, _times_uln((3, "1"))),
    # "<LLN - 30 g/L", "<30 - 20 g/L", "<20 g/L"
    "Hypoalbuminemia": Criterion(
        "g/L", ((below("20"), 3), (below("30"), 2), NO_LLN, (below_lln(), 1))
    ),
    # Corrected Ca "<LLN - 2.0", "<2.0 - 1.75", "<1.75 - 1.5", "<1.5 mmol/L"
    "Hypocalcemia": Criterion(
        "mmol/L",
        ((below("1.5"), 4), (below("1.75"), 3), (below("2"), 2), NO_LLN, (below_lln(), 1)),
    ),
    # Ionised Ca "<LLN - 1.0", "<1.0 - 0.9", "<0.9 - 0.8", "<0.8 mmol/L" (admiral's split term)
    "Hypocalcemia (Ionized)": Criterion(
        "mmol/L",
        ((below("0.8"), 4), (below("0.9"), 3), (below("1"), 2), NO_LLN, (below_lln(), 1)),
    ),
    # "<LLN - 3.0", "<3.0 - 2.2", "<2.2 - 1.7", "<1.7 mmol/L"
    "Hypoglycemia": Criterion(
        "mmol/L",
        ((below("1.7"), 4), (below("2.2"), 3), (below("3"), 2), NO_LLN, (below_lln(), 1)),
    ),
    # G2 "Symptomatic with <LLN - 3.0", G3 "<3.0 - 2.5", G4 "<2.5 mmol/L".
    # COMMENT: worst case, symptomatic, so any value < LLN is grade 2 (grade 1 never given).
    "Hypokalemia": Criterion(
        "mmol/L", ((below("2.5"), 4), (below("3"), 3), NO_LLN, (below_lln(), 2))
    ),
    # "<LLN - 0.5", "<0.5 - 0.4", "<0.4 - 0.3", "<0.3 mmol/L"
    "Hypomagnesemia": Criterion(
        "mmol/L",
        ((below("0.3"), 4), (below("0.4"), 3), (below("0.5"), 2), NO_LLN, (below_lln(), 1)),
    ),
    # G1 "<LLN - 130", G2 "125-129 and asymptomatic", G3 "125-129 symptomatic; 120-124",
    # G4 "<120 mmol/L". COMMENT: worst case, symptomatic, so 120-129 is grade 3 (no grade 2).
    "Hyponatremia": Criterion(
        "mmol/L", ((below("120"), 4), (at_most("129"), 3), NO_LLN, (below_lln(), 1))
    ),
}


def _optional(value: Number | None) -> Decimal | None:
    return None if value is None else to_decimal(value)


def grade(
    term: str,
    value: Number | None,
    lln: Number | None,
    uln: Number | None,
    baseline: Number | None = None,
    baseline_abnormal: bool | None = None,
) -> int | None:
    """CTCAE v5.0 grade 0-4 of one result, or None if it cannot be graded.

    All numbers are in the term's `CRITERIA[term].unit` (or any one unit when that is None).
    `baseline_abnormal` means the baseline was above ULN (admiral's BNRIND "HIGH"); when not
    given it is taken as baseline > uln, which assumes the baseline's lab had the same ULN.
    """
    try:
        criterion = CRITERIA[term]
    except KeyError:
        raise ValueError(f"{term!r} is not a CTCAE v5.0 lab term graded here") from None
    if value is None:
        return None
    base = _optional(baseline)
    uln_ = _optional(uln)
    if baseline_abnormal is None:
        baseline_abnormal = base is not None and uln_ is not None and base > uln_
    sample = Sample(to_decimal(value), _optional(lln), uln_, base, baseline_abnormal)
    for condition, result in criterion.clauses:
        if condition(sample):
            return result
    return 0


def to_grading_unit(test: LabTest, term: str, standard_value: Number | None) -> Decimal | None:
    """Convert a standard-unit value into the unit the term is graded in.

    Today every graded catalogue test already has the grading unit as its standard unit,
    so this is the identity; it guards against a later change of standard unit.
    """
    if standard_value is None:
        return None
    unit = CRITERIA[term].unit
    value = to_decimal(standard_value)
    if unit is None or unit == test.standard_unit.code:
        return value
    return value / test.unit(unit).factor


def grade_for_test(
    test_code: str,
    standard_value: Number | None,
    lln: Number | None,
    uln: Number | None,
    baseline: Number | None = None,
    baseline_abnormal: bool | None = None,
) -> dict[str, int | None]:
    """Grades for every CTCAE term of a catalogue test; all inputs in its standard unit.

    For total calcium (CA) pass the albumin-corrected value: CTCAE grades corrected calcium.
    """
    test = CATALOGUE[test_code]
    grades = {}
    for term in test.ctcae_terms:
        converted = [to_grading_unit(test, term, v) for v in (standard_value, lln, uln, baseline)]
        grades[term] = grade(term, *converted, baseline_abnormal=baseline_abnormal)
    return grades
