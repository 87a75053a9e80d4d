"""CTCAE v5.0 lab grades (spec §4.2; criteria of admiral ncictcaev5.json, SI units).

Each test cites the CTCAE grade text; the boundaries follow the JSON's *_CODE clauses
(">" vs ">=" as written there).
"""

from decimal import Decimal as D

import pytest

from ecrf.lab_catalogue import CATALOGUE, LabTest, Panel, Unit
from ecrf.lab_grading import CRITERIA, grade, grade_for_test, to_grading_unit


def test_all_40_terms_and_catalogue_links():
    # ncictcaev5.json has 40 entries; every term named in the catalogue must be gradable.
    assert len(CRITERIA) == 40
    for test in CATALOGUE.values():
        assert set(test.ctcae_terms) <= set(CRITERIA), test.code


def _grades(term, values, **limits):
    return [grade(term, D(v), **limits) for v in values]


def test_bilirubin_baseline_normal():
    # ">ULN - 1.5 x ULN", ">1.5 - 3.0 x ULN", ">3.0 - 10.0 x ULN", ">10.0 x ULN"; ULN 21 µmol/L
    values = ["21", "21.1", "31.5", "31.6", "63", "63.1", "210", "210.1"]
    limits = dict(lln=D("3.4"), uln=D("21"), baseline=D("15"))
    assert _grades("Blood bilirubin increased", values, **limits) == [0, 1, 1, 2, 2, 3, 3, 4]


def test_bilirubin_baseline_abnormal():
    # "> 1.0 - 1.5 x baseline if baseline was abnormal", ... ">10.0 x baseline"; baseline 100
    values = ["90", "100", "100.1", "150", "150.1", "300", "300.1", "1000", "1000.1"]
    limits = dict(lln=D("3.4"), uln=D("21"), baseline=D("100"))
    # baseline_abnormal is derived (100 > ULN 21) when not given
    assert _grades("Blood bilirubin increased", values, **limits) == [0, 0, 1, 1, 2, 2, 3, 3, 4]
    assert grade("Blood bilirubin increased", D("90"), None, D("21"), D("100"), True) == 0


def test_bilirubin_cannot_be_graded_without_uln_or_abnormal_baseline_value():
    # JSON GRADE_NA_CODE "is.na(AVAL) | is.na(ANRHI)"; an abnormal baseline without its value
    # cannot be graded (admiral would return 0; see lab_grading).
    assert grade("Blood bilirubin increased", D("100"), None, None) is None
    assert grade("Blood bilirubin increased", D("100"), None, D("21"), None, True) is None
    assert grade("Blood bilirubin increased", None, None, D("21")) is None


def test_platelets():
    # "<LLN - 75.0", "<75.0 - 50.0", "<50.0 - 25.0", "<25.0 x 10e9 /L"; LLN 125
    values = ["125", "124", "75", "74.9", "50", "49.9", "25", "24.9"]
    assert _grades("Platelet count decreased", values, lln=D("125"), uln=D("350")) == [
        0, 1, 1, 2, 2, 3, 3, 4,
    ]  # fmt: skip
    # Grade 1 needs LLN; the fixed cut-offs do not (NA check sits in GRADE_1_CODE).
    assert grade("Platelet count decreased", D("100"), None, None) is None
    assert grade("Platelet count decreased", D("20"), None, None) == 4


def test_inr():
    # ">1.2 - 1.5", ">1.5 - 2.5", ">2.5"; COMMENT: assume on anticoagulation, so also
    # ">1 - 1.5 x baseline", ">1.5 - 2.5 x baseline", ">2.5 x baseline"
    values = ["1.2", "1.21", "1.5", "1.51", "2.5", "2.51"]
    assert _grades("INR increased", values, lln=None, uln=None, baseline=D("1.5")) == [
        0, 1, 1, 2, 2, 3,
    ]  # fmt: skip
    # Baseline multiples matter only for a baseline below 1.0: 0.9 -> 1.35 and 2.25
    low_base = dict(lln=None, uln=None, baseline=D("0.9"))
    assert _grades("INR increased", ["0.9", "1.0", "1.36", "2.26"], **low_base) == [0, 1, 2, 3]
    # INR <= 1.2 without a baseline: admiral's GRADE_1_CODE "is.na(BASE) ~ NA"; issue 18:
    # "a normal result of a test that has CTCAE criteria (INR included) is graded 0".
    assert grade("INR increased", D("1.1"), None, None) == 0
    assert grade("INR increased", D("1.3"), None, None) == 1


def test_creatinine():
    # ">ULN - 1.5 x ULN", ">1.5 - 3.0 x baseline; >1.5 - 3.0 x ULN",
    # ">3.0 baseline; >3.0 - 6.0 x ULN", ">6.0 x ULN"; ULN 100 µmol/L, baseline 100
    values = ["100", "101", "150", "151", "300", "301", "600", "601"]
    limits = dict(lln=D("50"), uln=D("100"), baseline=D("100"))
    assert _grades("Creatinine increased", values, **limits) == [0, 1, 1, 2, 2, 3, 3, 4]
    # A low baseline (60) makes 91 > 1.5 x baseline grade 2 although below ULN
    assert grade("Creatinine increased", D("91"), D("50"), D("100"), D("60")) == 2
    assert grade("Creatinine increased", D("181"), D("50"), D("100"), D("60")) == 3
    # Without ULN only the baseline rules can grade; otherwise NA
    assert grade("Creatinine increased", D("130"), None, None, D("80")) == 2
    assert grade("Creatinine increased", D("90"), None, None, D("80")) is None


def test_alt_baseline_normal_and_abnormal():
    # ">ULN - 3.0 x ULN if baseline was normal; 1.5 - 3.0 x baseline if baseline was abnormal",
    # ">3.0 - 5.0 x", ">5.0 - 20.0 x", ">20.0 x"; ULN 40 U/L
    normal = dict(lln=None, uln=D("40"), baseline=D("30"))
    values = ["40", "41", "120", "121", "200", "201", "800", "801"]
    assert _grades("Alanine aminotransferase increased", values, **normal) == [
        0, 1, 1, 2, 2, 3, 3, 4,
    ]  # fmt: skip
    # Abnormal baseline 200: grade 1 starts at 1.5 x baseline inclusive (">=" in the JSON)
    abnormal = dict(lln=None, uln=D("40"), baseline=D("200"))
    values = ["299", "300", "600", "601", "1000", "1001", "4000", "4001"]
    assert _grades("Alanine aminotransferase increased", values, **abnormal) == [
        0, 1, 1, 2, 2, 3, 3, 4,
    ]  # fmt: skip


def test_sodium():
    # Hyponatremia "<LLN - 130", "125-129" (COMMENT: assume symptomatic -> grade 3),
    # "120-124", "<120"; Hypernatremia ">ULN - 150", ">150 - 155", ">155 - 160", ">160"
    hypo = ["135", "134", "130", "129", "120", "119"]
    assert _grades("Hyponatremia", hypo, lln=D("135"), uln=D("145")) == [0, 1, 1, 3, 3, 4]
    hyper = ["145", "146", "150", "151", "155", "156", "160", "161"]
    assert _grades("Hypernatremia", hyper, lln=D("135"), uln=D("145")) == [
        0, 1, 1, 2, 2, 3, 3, 4,
    ]  # fmt: skip
    grades = grade_for_test("SODIUM", D("128"), D("135"), D("145"))
    assert grades == {"Hypernatremia": 0, "Hyponatremia": 3}


def test_potassium():
    # Hypokalemia "<LLN - 3.0" (COMMENT: assume symptomatic -> grade 2), "<3.0 - 2.5", "<2.5"
    hypo = ["3.5", "3.4", "3.0", "2.9", "2.5", "2.4"]
    assert _grades("Hypokalemia", hypo, lln=D("3.5"), uln=D("5.3")) == [0, 2, 2, 3, 3, 4]
    # Hyperkalemia ">ULN - 5.5", ">5.5 - 6.0", ">6.0 - 7.0", ">7.0"
    hyper = ["5.3", "5.4", "5.5", "5.6", "6.0", "6.1", "7.0", "7.1"]
    assert _grades("Hyperkalemia", hyper, lln=D("3.5"), uln=D("5.3")) == [
        0, 1, 1, 2, 2, 3, 3, 4,
    ]  # fmt: skip


def test_haemoglobin():
    # Anemia "<LLN - 100 g/L", "<100 - 80", "<80 g/L" (grade 4 is clinical only)
    anemia = ["130", "129", "100", "99", "80", "79", "30"]
    assert _grades("Anemia", anemia, lln=D("130"), uln=D("175")) == [0, 1, 1, 2, 2, 3, 3]
    # Hemoglobin increased ">0 - 2 g/dL above ULN", ">2 - 4", ">4" (20 and 40 g/L)
    high = ["175", "176", "195", "196", "215", "216"]
    assert _grades("Hemoglobin increased", high, lln=D("130"), uln=D("175")) == [
        0, 1, 1, 2, 2, 3,
    ]  # fmt: skip
    assert grade_for_test("HGB", D("79"), D("130"), D("175")) == {
        "Anemia": 3,
        "Hemoglobin increased": 0,
    }


def test_fibrinogen_absolute_multiple_and_percent_fall():
    # "<1.0 - 0.75 x LLN", "<0.75 - 0.5 x LLN", "<0.5 - 0.25 x LLN", "<0.25 x LLN; absolute
    # value <50 mg/dL"; if abnormal, 25 / 50 / 75 % decrease from baseline; LLN 2.0 g/L
    values = ["2.0", "1.9", "1.5", "1.49", "1.0", "0.99", "0.5", "0.49"]
    assert _grades("Fibrinogen decreased", values, lln=D("2"), uln=D("4")) == [
        0, 1, 1, 2, 2, 3, 3, 4,
    ]  # fmt: skip
    # 1.9 is only 0.95 x LLN, but a 52.5 % fall from baseline 4.0 makes it grade 3
    assert grade("Fibrinogen decreased", D("1.9"), D("2"), D("4"), baseline=D("4")) == 3
    # < 0.5 g/L is grade 4 even without LLN
    assert grade("Fibrinogen decreased", D("0.4"), None, None) == 4


def test_unknown_term_and_missing_value():
    # Only the 40 JSON terms are graded here; a missing value is not gradable (GRADE_NA_CODE).
    with pytest.raises(ValueError, match="not a CTCAE"):
        grade("Hyperglycemia", D("20"), D("3.9"), D("6.1"))
    assert grade("Anemia", None, D("130"), D("175")) is None


def test_conversion_to_grading_unit():
    # Hypoglycemia is graded in mmol/L (UNIT_CHECK); a test stored in mg/dL is converted.
    glucose_mg_dl = LabTest(
        code="GLUCMG",
        name="Glucose (mg/dL)",
        panel=Panel.BLOOD_GAS,
        standard_unit=Unit("mg/dL", "mg/dL", D(1)),
        other_units=(Unit("mmol/L", "mmol/L", D(18)),),
        hard_low=None,
        hard_high=None,
        decimals=0,
        ctcae_terms=("Hypoglycemia",),
    )
    assert to_grading_unit(glucose_mg_dl, "Hypoglycemia", D("36")) == D(2)
    # The catalogue glucose is already in mmol/L: unchanged.
    assert to_grading_unit(CATALOGUE["GLUC"], "Hypoglycemia", D("2.1")) == D("2.1")
