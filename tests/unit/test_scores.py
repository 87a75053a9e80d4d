"""MELD, MELD-Na, MELD 3.0 and Child-Pugh from SI inputs (spec §3.2, §3.3).

Worked examples are computed by hand in the comments (ln 2 = 0.693147, ln 1.5 = 0.405465,
ln 1.2 = 0.182322, ln 4 = 1.386294).
"""

from decimal import Decimal as D

import pytest

from ecrf.scores import Ascites, child_pugh, meld, meld_3, meld_na

# Bilirubin 2 mg/dL = 34.2 µmol/L; creatinine 1.2 mg/dL = 106.08 µmol/L (§3.2 unit handling)
BILI_2 = D("34.2")
CREAT_1_2 = D("106.08")


def test_meld_worked_example():
    # §3.2 MELD(i) = 9.57 ln Cr + 3.78 ln Bili + 11.2 ln INR + 6.43
    #   = 9.57 x 0.182322 + 3.78 x 0.693147 + 11.2 x 0.405465 + 6.43
    #   = 1.7448 + 2.6201 + 4.5412 + 6.43 = 15.336 -> 15
    assert meld(BILI_2, D("1.5"), CREAT_1_2, False) == 15


def test_meld_inputs_below_one_are_set_to_one():
    # §3.2: bilirubin, INR, creatinine < 1.0 set to 1.0 -> 6.43 -> 6 (the minimum)
    assert meld(D("10"), D("0.9"), D("50"), False) == 6


def test_meld_creatinine_capped_at_four():
    # §3.2: creatinine 9.05 mg/dL (800 µmol/L) counts as 4.0: 9.57 x 1.386294 + 6.43 = 19.70 -> 20
    assert meld(D("17.1"), D("1"), D("800"), False) == 20
    assert meld(D("17.1"), D("1"), D("353.6"), False) == 20


def test_meld_dialysis_sets_creatinine_to_four():
    # §3.2: dialysis >= 2 times in the prior 7 days -> creatinine = 4.0 (as above, 20)
    assert meld(D("17.1"), D("1"), D("88.4"), True) == 20


def test_meld_capped_at_40():
    # §3.2 range 6-40: bili 46.8 mg/dL, INR 6, creat 4 give 14.5 + 20.1 + 13.3 + 6.4 = 54 -> 40
    assert meld(D("800"), D("6"), D("400"), False) == 40


@pytest.mark.parametrize("missing", range(4))
def test_meld_missing_input_gives_none(missing):
    # §3: "store NULL (not 0) when an input is missing"
    inputs = [BILI_2, D("1.5"), CREAT_1_2, False]
    inputs[missing] = None
    assert meld(*inputs) is None


@pytest.mark.parametrize(
    "sodium, expected",
    [
        # §3.2: MELD-Na = MELD + 1.32 x (137 - Na) - 0.033 x MELD x (137 - Na), MELD(i) = 15
        (D("130"), 21),  # 15 + 9.24 - 3.465 = 20.775 -> 21
        (D("120"), 25),  # Na bounded to 125: 15 + 15.84 - 5.94 = 24.9 -> 25
        (D("125"), 25),
        (D("140"), 15),  # Na bounded to 137: no sodium term
    ],
)
def test_meld_na_with_bounded_sodium(sodium, expected):
    assert meld_na(BILI_2, D("1.5"), CREAT_1_2, False, sodium) == expected


def test_meld_na_applies_only_above_11():
    # §3.2 "If MELD(i) > 11": bili 1, INR 1.2, creat 1 -> 11.2 x 0.182322 + 6.43 = 8.47 -> 8
    assert meld_na(D("17.1"), D("1.2"), D("88.4"), False, D("125")) == 8


def test_meld_na_cap_and_missing_sodium():
    # §3.2 "Round; cap 40"; missing sodium -> NULL (§3)
    assert meld_na(D("800"), D("6"), D("400"), False, D("125")) == 40
    assert meld_na(BILI_2, D("1.5"), CREAT_1_2, False, None) is None


def test_meld_3_worked_example():
    # §3.2 MELD 3.0, bili 2 mg/dL, Na 130, INR 1.5, creat 1.2 mg/dL, albumin 3.0 g/dL:
    #   1.33 (female) + 4.56 x 0.693147 = 3.1608; + 0.82 x 7 = 5.74; - 0.24 x 7 x 0.693147 = 1.1645
    #   + 9.09 x 0.405465 = 3.6857; + 11.14 x 0.182322 = 2.0311; + 1.85 x 0.5 = 0.925
    #   - 1.83 x 0.5 x 0.182322 = 0.1668; + 6
    #   female 21.54 -> 22; male 20.21 -> 20
    assert meld_3(BILI_2, D("1.5"), CREAT_1_2, False, D("130"), D("30"), True) == 22
    assert meld_3(BILI_2, D("1.5"), CREAT_1_2, False, D("130"), D("30"), False) == 20


def test_meld_3_minimum():
    # §3.2: all at bounds -> 6; a woman gets + 1.33 -> 7.33 -> 7
    assert meld_3(D("10"), D("1"), D("50"), False, D("140"), D("40"), False) == 6
    assert meld_3(D("10"), D("1"), D("50"), False, D("140"), D("40"), True) == 7


def test_meld_3_bounds():
    # §3.2: creatinine <= 3.0 mg/dL (265.2 µmol/L) and = 3.0 when dialysed; Na 125-137;
    # albumin 1.5-3.5 g/dL (15-35 g/L)
    base = dict(bilirubin_umol_l=BILI_2, inr=D("1.5"), female=False)
    at_cap = meld_3(**base, creatinine_umol_l=D("265.2"), dialysed_twice_in_week=False,
                    sodium_mmol_l=D("125"), albumin_g_l=D("15"))  # fmt: skip
    assert at_cap == meld_3(**base, creatinine_umol_l=D("500"), dialysed_twice_in_week=False,
                            sodium_mmol_l=D("110"), albumin_g_l=D("8"))  # fmt: skip
    assert at_cap == meld_3(**base, creatinine_umol_l=D("88.4"), dialysed_twice_in_week=True,
                            sodium_mmol_l=D("125"), albumin_g_l=D("15"))  # fmt: skip


def test_meld_3_missing_sex_gives_none():
    # §3: missing input -> NULL
    assert meld_3(BILI_2, D("1.5"), CREAT_1_2, False, D("130"), D("30"), None) is None


def _cp(bili="20", albumin="40", inr="1.0", ascites=Ascites.NONE, he=0, cholestatic=False):
    return child_pugh(D(bili), D(albumin), D(inr), ascites, he, cholestatic)


@pytest.mark.parametrize(
    "bili, points",
    [("33.9", 1), ("34", 2), ("50", 2), ("50.1", 3)],  # §3.3: <34, 34-50, >50 µmol/L
)
def test_child_pugh_bilirubin_boundaries(bili, points):
    assert _cp(bili=bili) == (4 + points, "A" if points < 3 else "B")


@pytest.mark.parametrize(
    "albumin, points",
    [("35.1", 1), ("35", 2), ("28", 2), ("27.9", 3)],  # §3.3: >35, 28-35, <28 g/L
)
def test_child_pugh_albumin_boundaries(albumin, points):
    assert _cp(albumin=albumin)[0] == 4 + points


@pytest.mark.parametrize(
    "inr, points",
    [("1.69", 1), ("1.7", 2), ("2.3", 2), ("2.31", 3)],  # §3.3: <1.7, 1.7-2.3, >2.3
)
def test_child_pugh_inr_boundaries(inr, points):
    assert _cp(inr=inr)[0] == 4 + points


def test_child_pugh_cholestatic_bilirubin():
    # §3.3 PBC/PSC: <4, 4-10, >10 mg/dL (68 and 170 µmol/L)
    assert _cp(bili="60", cholestatic=True)[0] == 5
    assert _cp(bili="68", cholestatic=True)[0] == 6
    assert _cp(bili="171", cholestatic=True)[0] == 7


@pytest.mark.parametrize(
    "kwargs, expected",
    [
        # §3.3: class A 5-6, B 7-9, C 10-15
        (dict(), (5, "A")),
        (dict(ascites=Ascites.MILD), (6, "A")),
        (dict(ascites=Ascites.MILD, he=1), (7, "B")),
        (dict(ascites=Ascites.MODERATE_SEVERE, he=3), (9, "B")),
        (dict(ascites=Ascites.MODERATE_SEVERE, he=3, inr="1.8"), (10, "C")),
        (dict(bili="60", albumin="25", inr="2.5", ascites="moderate_severe", he=4), (15, "C")),
    ],
)
def test_child_pugh_class_boundaries(kwargs, expected):
    assert _cp(**kwargs) == expected


def test_child_pugh_missing_and_invalid_input():
    # §3: missing input -> NULL; codes outside the lists are programming errors
    assert child_pugh(D("20"), None, D("1"), Ascites.NONE, 0) is None
    assert child_pugh(D("20"), D("40"), D("1"), Ascites.NONE, None) is None
    with pytest.raises(ValueError):
        _cp(ascites="gross")
    with pytest.raises(ValueError):
        _cp(he=5)
