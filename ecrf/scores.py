"""Liver severity scores from standard (SI) lab values: MELD family and Child-Pugh (spec §3.2-3.3).

Each function returns None when an input is missing (spec §3: "store NULL, not 0"). The
published formulas use conventional units, so SI inputs are converted with the §3.2 factors.
Arithmetic is in Decimal (including ln) so results do not depend on float rounding; scores are
rounded half up to an integer.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from django.db import models
from django.utils.translation import gettext_lazy as _

from ecrf.lab_catalogue import Number, to_decimal

# §3.2 "Unit handling": µmol/L ÷ 17.1 -> mg/dL bilirubin, ÷ 88.4 -> mg/dL creatinine; g/L ÷ 10
BILIRUBIN_UMOL_PER_MG_DL = Decimal("17.1")
CREATININE_UMOL_PER_MG_DL = Decimal("88.4")
ALBUMIN_G_L_PER_G_DL = Decimal(10)

ONE = Decimal(1)
SCORE_MIN, SCORE_MAX = 6, 40


class Ascites(models.TextChoices):
    NONE = "none", _("None")
    MILD = "mild", _("Mild, or controlled with medication")
    MODERATE_SEVERE = "moderate_severe", _("Moderate to severe, or refractory")


def _round(value: Decimal) -> int:
    return int(value.quantize(ONE, rounding=ROUND_HALF_UP))


def _bound(value: Decimal, low: Decimal | int, high: Decimal | int) -> Decimal:
    return min(max(value, Decimal(low)), Decimal(high))


def _any_missing(*values: object) -> bool:
    return any(v is None for v in values)


def _conventional(
    bilirubin_umol_l: Number, inr: Number, creatinine_umol_l: Number
) -> tuple[Decimal, Decimal, Decimal]:
    """Bilirubin and creatinine in mg/dL and INR, each floored at 1.0 (all MELD versions)."""
    bili = to_decimal(bilirubin_umol_l) / BILIRUBIN_UMOL_PER_MG_DL
    creat = to_decimal(creatinine_umol_l) / CREATININE_UMOL_PER_MG_DL
    return max(bili, ONE), max(to_decimal(inr), ONE), max(creat, ONE)


def meld(
    bilirubin_umol_l: Number | None,
    inr: Number | None,
    creatinine_umol_l: Number | None,
    dialysed_twice_in_week: bool | None,
) -> int | None:
    """OPTN/UNOS MELD(i), 6-40 (§3.2).

    `dialysed_twice_in_week`: dialysis >= 2 times, or CVVHD >= 24 h, in the prior 7 days.
    """
    if _any_missing(bilirubin_umol_l, inr, creatinine_umol_l, dialysed_twice_in_week):
        return None
    bili, inr_, creat = _conventional(bilirubin_umol_l, inr, creatinine_umol_l)
    # Creatinine is capped at 4.0 mg/dL, and set to 4.0 when dialysed.
    creat = Decimal(4) if dialysed_twice_in_week else min(creat, Decimal(4))
    meld_i = (
        Decimal("0.957") * creat.ln()
        + Decimal("0.378") * bili.ln()
        + Decimal("1.120") * inr_.ln()
        + Decimal("0.643")
    )
    return min(max(_round(meld_i * 10), SCORE_MIN), SCORE_MAX)


def meld_na(
    bilirubin_umol_l: Number | None,
    inr: Number | None,
    creatinine_umol_l: Number | None,
    dialysed_twice_in_week: bool | None,
    sodium_mmol_l: Number | None,
) -> int | None:
    """UNOS 2016 MELD-Na (§3.2): the sodium term applies only when MELD(i) > 11."""
    score = meld(bilirubin_umol_l, inr, creatinine_umol_l, dialysed_twice_in_week)
    if score is None or sodium_mmol_l is None:
        return None
    if score <= 11:
        return score
    # UNOS uses the rounded MELD(i) here. A MELD(i) capped at 40 gives exactly 40, so
    # capping before or after this step gives the same result.
    na_gap = Decimal(137) - _bound(to_decimal(sodium_mmol_l), 125, 137)
    meld_i = Decimal(score)
    value = meld_i + Decimal("1.32") * na_gap - Decimal("0.033") * meld_i * na_gap
    return min(_round(value), SCORE_MAX)


def meld_3(
    bilirubin_umol_l: Number | None,
    inr: Number | None,
    creatinine_umol_l: Number | None,
    dialysed_twice_in_week: bool | None,
    sodium_mmol_l: Number | None,
    albumin_g_l: Number | None,
    female: bool | None,
) -> int | None:
    """MELD 3.0 for adults (Kim WR et al., Gastroenterology 2021; spec §3.2), 6-40.

    The paediatric variant (registration < 18 years) is not implemented.
    """
    inputs = (bilirubin_umol_l, inr, creatinine_umol_l, dialysed_twice_in_week)
    if _any_missing(*inputs, sodium_mmol_l, albumin_g_l, female):
        return None
    bili, inr_, creat = _conventional(bilirubin_umol_l, inr, creatinine_umol_l)
    # MELD 3.0 caps creatinine at 3.0 mg/dL (not 4.0), and sets 3.0 when dialysed.
    creat = Decimal(3) if dialysed_twice_in_week else min(creat, Decimal(3))
    na_gap = Decimal(137) - _bound(to_decimal(sodium_mmol_l), 125, 137)
    alb_gap = Decimal("3.5") - _bound(
        to_decimal(albumin_g_l) / ALBUMIN_G_L_PER_G_DL, Decimal("1.5"), Decimal("3.5")
    )
    value = (
        Decimal("1.33") * (1 if female else 0)
        + Decimal("4.56") * bili.ln()
        + Decimal("0.82") * na_gap
        - Decimal("0.24") * na_gap * bili.ln()
        + Decimal("9.09") * inr_.ln()
        + Decimal("11.14") * creat.ln()
        + Decimal("1.85") * alb_gap
        - Decimal("1.83") * alb_gap * creat.ln()
        + 6
    )
    return min(max(_round(value), SCORE_MIN), SCORE_MAX)


def _points(value: Decimal, two_from: Decimal | str, three_above: Decimal | str) -> int:
    """1 point below `two_from`, 3 points above `three_above`, else 2 (the ranges are closed)."""
    if value < Decimal(two_from):
        return 1
    return 3 if value > Decimal(three_above) else 2


def child_pugh(
    bilirubin_umol_l: Number | None,
    albumin_g_l: Number | None,
    inr: Number | None,
    ascites: str | None,
    encephalopathy_grade: int | None,
    cholestatic: bool = False,
) -> tuple[int, str] | None:
    """Child-Turcotte-Pugh points (5-15) and class A/B/C (§3.3).

    Bilirubin cut-offs use the SI values of the §3.3 table (34 and 50 µmol/L, not 34.2 and
    51.3); for PBC/PSC (`cholestatic`) 4 and 10 mg/dL become 68 and 170 µmol/L likewise.
    `encephalopathy_grade` is the West Haven grade 0-4.
    """
    if _any_missing(bilirubin_umol_l, albumin_g_l, inr, ascites, encephalopathy_grade):
        return None
    if ascites not in Ascites.values:
        raise ValueError(f"Unknown ascites code {ascites!r}; expected one of {Ascites.values}")
    if encephalopathy_grade not in range(5):
        raise ValueError(f"West Haven grade must be 0-4, got {encephalopathy_grade!r}")

    bili = to_decimal(bilirubin_umol_l)
    bili_points = _points(bili, "68", "170") if cholestatic else _points(bili, "34", "50")
    # Albumin scores inversely: > 35 g/L = 1, 28-35 = 2, < 28 = 3.
    albumin = to_decimal(albumin_g_l)
    albumin_points = 1 if albumin > 35 else (3 if albumin < 28 else 2)
    inr_points = _points(to_decimal(inr), "1.7", "2.3")
    ascites_points = {Ascites.NONE: 1, Ascites.MILD: 2, Ascites.MODERATE_SEVERE: 3}[ascites]
    he_points = 1 if encephalopathy_grade == 0 else (2 if encephalopathy_grade <= 2 else 3)

    total = bili_points + albumin_points + inr_points + ascites_points + he_points
    return total, "A" if total <= 6 else ("B" if total <= 9 else "C")
