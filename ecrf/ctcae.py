"""NCI CTCAE v5.0 term list: look-up, search and grade checks (spec §2.11, §4).

Pure Python over the shipped CSV (ecrf/data/ctcae_v5_terms.csv); no database, no network.
The AE form stores the MedDRA LLT code of the chosen CTCAE term, which is also the key here.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from django.utils.translation import gettext as _

CTCAE_VERSION = "5.0"
TERMS_CSV = Path(__file__).parent / "data" / "ctcae_v5_terms.csv"
GRADES = (1, 2, 3, 4, 5)
OTHER_SPECIFY_SUFFIX = "Other, specify"


@dataclass(frozen=True)
class CtcaeTerm:
    term: str
    meddra_code: str  # MedDRA LLT code, as text (fills AELLTCD in exports)
    soc: str
    grades: dict[int, str] = field(hash=False)  # only the grades that exist for this term
    definition: str = ""
    navigational_note: str = ""

    @property
    def allowed_grades(self) -> tuple[int, ...]:
        return tuple(sorted(self.grades))

    def grade_text(self, grade: int) -> str:
        """NCI text for one grade; KeyError if the grade does not exist for this term."""
        try:
            return self.grades[grade]
        except KeyError:
            raise KeyError(f"Grade {grade} does not exist for CTCAE term {self.term!r}") from None

    @property
    def is_other_specify(self) -> bool:
        # The 26 "<SOC> - Other, specify" terms need a verbatim term on the AE form.
        return self.term.endswith(OTHER_SPECIFY_SUFFIX)

    @property
    def label(self) -> str:
        return f"{self.term} ({self.soc})"


def _term_from_row(row: dict[str, str]) -> CtcaeTerm:
    # An empty grade cell means NCI defines no such grade ("-" in the workbook); §4 says
    # the eCRF must not offer it.
    grades = {g: row[f"grade{g}"] for g in GRADES if row[f"grade{g}"]}
    return CtcaeTerm(
        term=row["term"],
        meddra_code=row["meddra_code"],
        soc=row["soc"],
        grades=grades,
        definition=row["definition"],
        navigational_note=row["navigational_note"],
    )


@cache
def load_terms() -> dict[str, CtcaeTerm]:
    """All 837 terms keyed by MedDRA code. Cached: treat the result as read-only."""
    with TERMS_CSV.open(encoding="utf-8", newline="") as f:
        terms = [_term_from_row(row) for row in csv.DictReader(f)]
    return {t.meddra_code: t for t in terms}


def get_term(meddra_code: str | int) -> CtcaeTerm:
    code = str(meddra_code).strip()
    try:
        return load_terms()[code]
    except KeyError:
        raise KeyError(
            f"No CTCAE v{CTCAE_VERSION} term has MedDRA code {code!r}; "
            "the code must come from the shipped CTCAE term list"
        ) from None


def search_terms(text: str, limit: int = 20) -> list[CtcaeTerm]:
    """Case-insensitive substring match on the term; terms starting with the text come first."""
    needle = text.strip().casefold()
    if not needle:
        return []
    hits = [t for t in load_terms().values() if needle in t.term.casefold()]
    hits.sort(key=lambda t: (not t.term.casefold().startswith(needle), t.term.casefold()))
    return hits[:limit]


def _by_soc_then_term(t: CtcaeTerm) -> tuple[str, str]:
    return (t.soc.casefold(), t.term.casefold())


@cache
def terms_by_soc() -> dict[str, tuple[CtcaeTerm, ...]]:
    """SOC -> its terms, both in alphabetical order (for a grouped select)."""
    grouped: dict[str, list[CtcaeTerm]] = {}
    for t in sorted(load_terms().values(), key=_by_soc_then_term):
        grouped.setdefault(t.soc, []).append(t)
    return {soc: tuple(terms) for soc, terms in grouped.items()}


def term_choices() -> list[tuple[str, str]]:
    """(meddra_code, "term (SOC)") sorted by SOC then term. NCI English text, not translated."""
    return [(t.meddra_code, t.label) for terms in terms_by_soc().values() for t in terms]


def grade_error(meddra_code: str | int, grade: int | None) -> str | None:
    """Message if the grade is not allowed for the term (spec §2.11, V11), else None.

    A missing grade is not reported here: "required" is the form's job.
    """
    if grade is None:
        return None
    try:
        term = get_term(meddra_code)
    except KeyError:
        return _("%(code)s is not a CTCAE v%(version)s term code.") % {
            "code": meddra_code,
            "version": CTCAE_VERSION,
        }
    if grade in term.grades:
        return None
    return _("Grade %(grade)s does not exist for %(term)s; allowed grades: %(allowed)s.") % {
        "grade": grade,
        "term": term.term,
        "allowed": ", ".join(str(g) for g in term.allowed_grades),
    }
