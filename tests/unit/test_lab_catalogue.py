"""Lab catalogue: tests, panels, unit conversions and hard ranges (spec §2.9, §3.8)."""

from decimal import Decimal as D

import pytest
from django.conf import settings

from ecrf.lab_catalogue import CATALOGUE, PANEL_TESTS, Panel, check_hard_range, tests_in_panel

# check_hard_range renders translated text; standalone runs have no project settings.
if not settings.configured:
    settings.configure(USE_I18N=False)

# Every test of spec §2.9 in the eight required panels (codes without the "?" of [VERIFY]).
SPEC_2_9 = {
    Panel.LIVER: ["BILI", "BILDIR", "ALT", "AST", "ALP", "GGT", "ALB", "PREALB", "CHOLINES",
                  "BILEAC"],
    Panel.COAGULATION: ["PT", "PTA", "INR", "APTT", "THROMBT", "FIBRINO", "DDIMER", "ANTHRM3",
                        "ACT"],
    Panel.HAEMATOLOGY: ["HGB", "HCT", "WBC", "NEUT", "LYM", "PLAT", "RETI", "HAPT", "HGBFR",
                        "LDH"],
    Panel.RENAL: ["CREAT", "UREA", "URATE", "SODIUM", "K", "CL", "CA", "CAION", "MG", "PHOS",
                  "BICARB"],
    Panel.AMMONIA: ["AMMONIA"],
    Panel.LACTATE: ["LACTICAC"],
    Panel.VIROLOGY: ["HBVDNA", "HBSAG", "HBEAG", "HBEAB", "HBCIGM", "HCVAB", "HCVRNA", "HEVIGM",
                     "HAVIGM", "HIVAB", "TPAB"],
    Panel.IMMUNOGENICITY: ["HLA1MFI", "HLA2MFI", "DSA", "PRA"],  # §2.10, QH-1A
}  # fmt: skip


@pytest.mark.parametrize("panel", list(SPEC_2_9))
def test_spec_tests_are_in_their_panel(panel):
    # §2.9 table: each listed test belongs to its panel.
    assert set(SPEC_2_9[panel]) <= set(PANEL_TESTS[panel])
    assert [t.code for t in tests_in_panel(panel)] == list(PANEL_TESTS[panel])


def test_catalogue_is_consistent():
    # §2.9: LBTESTCD <= 8 characters; standard unit first with factor 1; hard low < high.
    for code, test in CATALOGUE.items():
        assert test.code == code and len(code) <= 8
        assert test.panel in Panel.values
        assert test.standard_unit.factor == 1
        assert all(u.code.isascii() and u.factor > 0 for u in test.units())
        assert len({u.code for u in test.units()}) == len(test.units())
        if test.hard_low is not None and test.hard_high is not None:
            assert test.hard_low < test.hard_high


@pytest.mark.parametrize(
    "code, value, unit, expected",
    [
        ("BILI", "5", "mg/dL", "85.5"),  # §3.8 bilirubin x 17.1
        ("CREAT", "1.2", "mg/dL", "106.08"),  # x 88.4
        ("ALB", "3.5", "g/dL", "35"),  # x 10
        ("UREA", "14", "mg/dL BUN", "4.998"),  # BUN x 0.357
        ("URATE", "6", "mg/dL", "356.88"),  # x 59.48
        ("AMMONIA", "100", "ug/dL", "58.72"),  # 10 / 17.03 g/mol (§3.8 note)
        ("LACTICAC", "9", "mg/dL", "0.999"),  # x 0.111
        ("GLUC", "90", "mg/dL", "4.995"),  # x 0.0555
        ("CA", "10", "mg/dL", "2.495"),  # x 0.2495
        ("MG", "2", "mg/dL", "0.8228"),  # x 0.4114
        ("PHOS", "3", "mg/dL", "0.9687"),  # x 0.3229
        ("HGB", "12", "g/dL", "120"),  # x 10
        ("HCT", "35", "%", "0.35"),  # x 0.01
        ("FIBRINO", "200", "mg/dL", "2"),  # x 0.01
        ("PLAT", "150", "10^3/uL", "150"),  # 10^3/µL = 10^9/L
        ("WBC", "5000", "/mm3", "5"),  # /mm3 x 0.001
        ("SODIUM", "140", "mEq/L", "140"),  # mEq/L = mmol/L
        ("SODIUM", "140", "mmol/L", "140"),  # standard unit: unchanged
    ],
)
def test_to_standard(code, value, unit, expected):
    # Conventional value x factor = SI value (spec §3.8).
    assert CATALOGUE[code].to_standard(D(value), unit) == D(expected)


def test_to_standard_accepts_float_without_binary_noise():
    # Forms may hand over floats; 0.1 mg/dL must not become 1.7100000000000000977 µmol/L.
    assert CATALOGUE["BILI"].to_standard(0.1, "mg/dL") == D("1.71")


def test_unit_not_accepted_is_a_clear_error():
    # §3.8: HBV DNA copies/mL -> IU/mL is assay-specific, so only IU/mL is accepted.
    with pytest.raises(ValueError, match=r"'copies/mL' is not accepted for HBVDNA.*IU/mL"):
        CATALOGUE["HBVDNA"].unit("copies/mL")


def test_rounded_to_display_precision_half_up():
    # §2.9 "computed standard (SI) value"; bilirubin shown with 1 decimal.
    assert CATALOGUE["BILI"].rounded(D("85.55")) == D("85.6")
    assert CATALOGUE["CREAT"].rounded(D("106.5")) == D("107")


def test_serologies_are_qualitative():
    # §2.9 virology: "qualitative (pos/neg/equivocal) ± S/CO"; HBV DNA is quantitative.
    assert CATALOGUE["HBEAG"].qualitative and CATALOGUE["DSA"].qualitative
    assert not CATALOGUE["HBVDNA"].qualitative


def test_hard_range_limits_are_inclusive():
    # §2.9 bilirubin hard range 0-1500 µmol/L: the limits themselves are accepted.
    bili = CATALOGUE["BILI"]
    assert check_hard_range(bili, D("0")) is None
    assert check_hard_range(bili, D("1500")) is None
    assert check_hard_range(bili, None) is None


def test_hard_range_message_names_limits_and_unit():
    # §2.9: values outside the hard range are rejected as entry/unit errors.
    message = check_hard_range(CATALOGUE["BILI"], D("1500.1"))
    assert "0 to 1500 µmol/L" in message and "1500.1" in message


def test_hard_range_with_lower_limit_only():
    # Haptoglobin has no upper plausibility limit in §2.9; it cannot be negative.
    message = check_hard_range(CATALOGUE["HAPT"], D("-0.1"))
    assert "0 g/L" in message
    assert check_hard_range(CATALOGUE["HAPT"], D("50")) is None


def test_afp_is_in_the_catalogue_with_its_units():
    # Spec §2.9: "Tumour marker | AFP | AFP | ng/mL | IU/mL | 0–100 000".
    afp = CATALOGUE["AFP"]
    assert afp.panel == Panel.TUMOUR_MARKER and afp.standard_unit.code == "ng/mL"
    assert afp.to_standard(D("10"), "IU/mL") == D("12.1")
    assert (afp.hard_low, afp.hard_high) == (D("0"), D("100000"))


def test_hard_range_message_speaks_the_unit_typed():
    # Issue 19 item 3: bilirubin typed in mg/dL is refused in mg/dL (1500 µmol/L / 17.1,
    # spec §3.8), the value as typed, not in µmol/L.
    bili = CATALOGUE["BILI"]
    message = check_hard_range(
        bili, bili.to_standard(D("90"), "mg/dL"), entered=D("90.0"), unit="mg/dL"
    )
    assert "90 mg/dL" in message and "0 to 87.72 mg/dL" in message
    assert "µmol/L" not in message
    # Platelets in /mm³: 1500 × 10⁹/L is 1500000 /mm³, written out.
    plat = CATALOGUE["PLAT"]
    message = check_hard_range(plat, D("1600"), entered=D("1600000"), unit="/mm3")
    assert "1600000 /mm³" in message and "1500000 /mm³" in message
