"""CTCAE v5.0 term list (spec §2.11, §4). Runs without a database."""

import hashlib
from pathlib import Path

import pytest
from django.conf import settings

if not settings.configured:
    settings.configure(USE_I18N=False)

from ecrf import ctcae  # noqa: E402

ANAPHYLAXIS = "10002218"
BILIRUBIN = "10005364"
ANEMIA = "10002272"
REFERENCE_CSV = Path("/work/shared/reference/ctcae/ctcae_v5_terms.csv")


def test_shipped_file_is_the_reference_copy():
    # §8 O4: load the codelist from the NCI workbook export, unchanged.
    shipped = ctcae.TERMS_CSV.read_bytes()
    digest = "e3b3e0a8e67c3adf77ba84b3e5d68219013701c35f7d4698b26ccc8f409f1784"
    assert hashlib.sha256(shipped).hexdigest() == digest
    if REFERENCE_CSV.exists():
        assert shipped == REFERENCE_CSV.read_bytes()


def test_full_term_list_837_terms_26_socs():
    # §2.11: CL = the complete CTCAE v5.0 term list (837 terms in 26 SOCs).
    terms = ctcae.load_terms()
    assert len(terms) == 837
    assert len({t.soc for t in terms.values()}) == 26
    assert len(ctcae.terms_by_soc()) == 26


def test_load_terms_is_cached():
    # §2.11: the list is read once per process, not per form render.
    assert ctcae.load_terms() is ctcae.load_terms()


def test_anaphylaxis_allows_grades_3_to_5_only():
    # §2.11: "Only grades allowed for the chosen term (e.g. Anaphylaxis: 3-5)".
    term = ctcae.get_term(ANAPHYLAXIS)
    assert term.term == "Anaphylaxis"
    assert term.soc == "Immune system disorders"
    assert term.allowed_grades == (3, 4, 5)


def test_blood_bilirubin_increased_has_no_grade_5():
    # §4.2: lab terms stop at grade 4; an empty grade text means no such grade.
    term = ctcae.get_term(BILIRUBIN)
    assert term.term == "Blood bilirubin increased"
    assert term.allowed_grades == (1, 2, 3, 4)
    assert term.grade_text(4).startswith(">10.0 x ULN")
    with pytest.raises(KeyError):
        term.grade_text(5)
    assert term.navigational_note == "Also consider Hepatobiliary disorders: Hepatic failure"


def test_grade_text_is_nci_wording():
    # §4: show users the NCI texts (Anemia grade 3, checked in SOURCES.md).
    assert ctcae.get_term(ANEMIA).grade_text(3) == (
        "Hgb <8.0 g/dL; <4.9 mmol/L; <80 g/L; transfusion indicated"
    )


def test_get_term_accepts_int_and_rejects_unknown_code():
    # §2.11: the AE record stores the MedDRA LLT code of the CTCAE term.
    assert ctcae.get_term(10002218).term == "Anaphylaxis"
    with pytest.raises(KeyError, match="No CTCAE v5.0 term has MedDRA code '123'"):
        ctcae.get_term("123")


def test_grade_error_messages():
    # §2.11 / V11: grade must be one allowed for the term (hard check).
    assert ctcae.grade_error(ANAPHYLAXIS, 3) is None
    assert ctcae.grade_error(ANAPHYLAXIS, 1) == (
        "Grade 1 does not exist for Anaphylaxis; allowed grades: 3, 4, 5."
    )
    assert ctcae.grade_error(BILIRUBIN, 5) == (
        "Grade 5 does not exist for Blood bilirubin increased; allowed grades: 1, 2, 3, 4."
    )
    assert ctcae.grade_error("999", 2) == "999 is not a CTCAE v5.0 term code."
    assert ctcae.grade_error(ANAPHYLAXIS, None) is None


def test_other_specify_detection():
    # §2.11: "<SOC> - Other, specify" terms need the verbatim term; one per SOC.
    others = [t for t in ctcae.load_terms().values() if t.is_other_specify]
    assert len(others) == 26
    assert ctcae.get_term("10005329").is_other_specify  # Blood and lymphatic ... Other, specify
    assert not ctcae.get_term(ANAPHYLAXIS).is_other_specify


def test_search_terms_case_insensitive_prefix_first():
    # §2.11: CTCAE term picker; §4.1 priority terms must be easy to find.
    hits = ctcae.search_terms("HYPOTENSION")
    assert [t.term for t in hits] == ["Hypotension"]
    names = [t.term for t in ctcae.search_terms("hemorrhage", limit=5)]
    assert len(names) == 5 and all("hemorrhage" in n.lower() for n in names)
    assert ctcae.search_terms("ana")[0].term == "Anal fissure"  # starts-with before contains
    assert ctcae.search_terms("   ") == []


def test_term_choices_sorted_by_soc_then_term():
    # §2.11: select of CTCAE terms, grouped by SOC.
    choices = ctcae.term_choices()
    assert len(choices) == 837
    assert choices[0] == (ANEMIA, "Anemia (Blood and lymphatic system disorders)")
    labels = [ctcae.get_term(code) for code, _ in choices]
    keys = [(t.soc.casefold(), t.term.casefold()) for t in labels]
    assert keys == sorted(keys)


def test_terms_are_hashable_and_immutable():
    # §2.11: terms are reference data, never changed at run time.
    term = ctcae.get_term(ANAPHYLAXIS)
    assert term in {term}
    with pytest.raises(AttributeError):
        term.term = "x"
