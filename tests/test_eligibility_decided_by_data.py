"""Eligibility agrees with the rest of the casebook (issue 18 item 4).

"Where data recorded elsewhere decides a criterion, the checklist takes the answer from
that data, or shows the conflict and refuses to say 'eligible'": age at consent for each
age limit a study registers ([REG-B] "18 Years" / "65 Years"; [REG-A] registers none),
and the pregnancy test and breastfeeding for CiPS-BAL EX03 "Pregnant or breastfeeding
women" (spec §2.1: "Positive → CiPS EX03 = Y"; "Breastfeeding ... CiPS EX03")."""

import datetime as dt
import re
from pathlib import Path

import pytest
from django.urls import reverse

from ecrf import actions, audit
from ecrf.actions import ProtocolRefusal
from ecrf.models import DataQuery
from ecrf.protocol import all_protocols, get_protocol
from tests.conftest import TODAY, demographics, eligible_answers

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[1]
REGISTRY = ROOT.parent / "shared" / "protocol"


def born(years):
    consent = TODAY - dt.timedelta(days=2)
    return consent.replace(year=consent.year - years)


def codes(subject):
    return [r.rule for r in actions.eligibility_of(subject).refusals]


# --- Age at consent ----------------------------------------------------------------------


@pytest.mark.parametrize(("years", "eligible"), [(17, False), (18, True), (65, True), (66, False)])
def test_qh1a_checklist_takes_age_from_the_registration(qh1a, make_subject, years, eligible):
    # [REG-B] "18 Years" "65 Years" (spec V2): aged 66 or 17, the checklist was "eligible".
    subject = make_subject(qh1a, "eligible", date_of_birth=born(years))
    result = actions.eligibility_of(subject)
    assert result.eligible is eligible
    assert result.data["IN-AGE"].answer is eligible
    if not eligible:
        assert codes(subject) == ["IN-AGE"] and "18 to 65 years" in str(result.refusals[0].message)


def test_every_registered_age_limit_is_decided_by_age_at_consent():
    # "at least age at consent, for every age limit a study registers".
    for protocol in all_protocols():
        ages = [c for c in protocol.criteria if c.code == "IN-AGE"]
        if protocol.age_range is None:
            assert not ages
            continue
        (criterion,) = ages
        assert criterion.derived and criterion.decided_by is not None
        assert f"{protocol.age_range[0]} Years - {protocol.age_range[1]} Years" == criterion.text


def test_cips_registry_states_no_age_limit():
    # [REG-A] "Eligibility Criteria" lists no minimum or maximum age (spec O2).
    if not REGISTRY.exists():
        pytest.skip("shared/protocol is not beside the checkout")
    text = (REGISTRY / "NCT07312864-cips-bal.txt").read_text()
    assert not re.search(r"^\d+ Years$", text, re.M)
    assert get_protocol("studies.cips_bal").age_range is None
    qh = (REGISTRY / "NCT06996392-qh-1a.txt").read_text()
    assert re.findall(r"^(\d+) Years$", qh, re.M) == ["18", "65"]


# --- Pregnancy and breastfeeding (CiPS-BAL EX03) ------------------------------------------

WOMAN = {"sex": "F", "childbearing_potential": True}


@pytest.mark.parametrize(
    "registration",
    [{"pregnancy_test": "positive", "breastfeeding": False}, {"breastfeeding": True}],
)
def test_positive_test_or_breastfeeding_conflicts_with_ex03_no(cips, make_subject, registration):
    # [REG-A] EX03 "Pregnant or breastfeeding women": the checklist answered No and
    # declared her eligible; now it shows the conflict and refuses "eligible".
    subject = make_subject(cips, "eligible", **WOMAN, **registration)
    result = actions.eligibility_of(subject)
    assert not result.eligible and codes(subject) == ["EX03"]
    assert "registration" in str(result.refusals[0].message)
    with pytest.raises(ProtocolRefusal) as excinfo:
        actions.subject_enrol(
            subject=subject,
            arm=cips.arms.get(),
            by=subject.created_by,
            enrolment_date=TODAY,
            planned_first_treatment=TODAY + dt.timedelta(days=2),
        )
    assert "EX03" in str(excinfo.value.refusals[0].message)


def test_negative_test_not_breastfeeding_agrees_with_ex03_no(cips, make_subject):
    subject = make_subject(
        cips, "eligible", **WOMAN, pregnancy_test="negative", breastfeeding=False
    )
    assert actions.eligibility_of(subject).eligible
    assert actions.eligibility_of(subject).data["EX03"].answer is False


def test_test_not_done_leaves_the_investigators_answer(cips, make_subject):
    subject = make_subject(cips, "eligible", **WOMAN, pregnancy_test="not_done")
    result = actions.eligibility_of(subject)
    assert result.eligible and result.data["EX03"].answer is None


def test_checklist_page_shows_the_data_and_the_conflict(client, cips, make_subject, staff_beijing):
    subject = make_subject(cips, "eligible", **WOMAN, pregnancy_test="positive")
    client.force_login(staff_beijing)
    page = client.get(
        reverse("ecrf:eligibility", args=[cips.registry_id, subject.screening_number])
    ).content.decode()
    assert 'id="decided-by-data"' in page and "positive pregnancy test" in page
    assert (
        'class="alert alert-warning py-1 mb-1 eligibility-conflict" data-criterion="EX03"' in page
    )


# --- Corrections after enrolment ------------------------------------------------------------


def test_registration_correction_after_enrolment_needs_a_reason_and_raises_a_query(
    cips, make_subject
):
    subject = make_subject(
        cips, "enrolled", **WOMAN, pregnancy_test="negative", breastfeeding=False
    )
    values = demographics(**WOMAN, pregnancy_test="positive", breastfeeding=False)
    values["consent_date"] = subject.consent_date
    values["screening_date"] = subject.screening_date
    values["date_of_birth"] = subject.date_of_birth
    with pytest.raises(ProtocolRefusal) as excinfo:
        actions.subject_update(subject=subject, by=subject.created_by, **values)
    assert [r.rule for r in excinfo.value.refusals] == ["REASON"]
    with audit.reason("entry_error", "the serum test was positive"):
        actions.subject_update(subject=subject, by=subject.created_by, **values)
    query = DataQuery.objects.get(subject=subject, rule="ELIGIBILITY")
    assert query.automatic and query.status == "open" and "EX03" in query.text
    assert query.object_id == subject.enrolment.pk


def test_checklist_correction_after_enrolment_reruns_the_check(qh1a, make_subject):
    subject = make_subject(qh1a, "enrolled")
    answers = eligible_answers(qh1a) | {"EX02": True}
    with pytest.raises(ProtocolRefusal):
        actions.eligibility_record(subject=subject, answers=answers, by=subject.created_by)
    with audit.reason("entry_error", "circulatory failure at screening"):
        result = actions.eligibility_record(subject=subject, answers=answers, by=subject.created_by)
    assert not result.eligible
    assert "EX02" in DataQuery.objects.get(subject=subject, rule="ELIGIBILITY").text


def test_correction_after_enrolment_that_stays_eligible_raises_no_query(qh1a, make_subject):
    subject = make_subject(qh1a, "enrolled")
    values = demographics(weight_kg="70.0")
    for name in ("consent_date", "screening_date", "date_of_birth"):
        values[name] = getattr(subject, name)
    with audit.reason("entry_error", "weighed again"):
        actions.subject_update(subject=subject, by=subject.created_by, **values)
    assert not DataQuery.objects.filter(subject=subject).exists()


def test_screen_failure_stays_closed(qh1a, make_subject):
    subject = make_subject(qh1a, "screen_failed")
    with pytest.raises(ProtocolRefusal) as excinfo:
        actions.eligibility_record(
            subject=subject, answers=eligible_answers(qh1a), by=subject.created_by
        )
    assert [r.rule for r in excinfo.value.refusals] == ["STATUS"]


# --- The README table ------------------------------------------------------------------------


def test_readme_lists_every_criterion_decided_by_data():
    # "The README table lists every criterion decided this way, per study."
    text = (ROOT / "README.md").read_text()
    table = text.split("<!-- criteria decided by data -->")[1]
    rows = {
        tuple(cell.strip() for cell in line.strip().strip("|").split("|")[:4])
        for line in table.split("<!-- end of criteria decided by data -->")[0].splitlines()
        if line.strip().startswith("| NCT")
    }
    expected = {
        (p.registry_id, c.code, c.text, str(c.decided_by.label))
        for p in all_protocols()
        for c in p.criteria_decided_by_data
    }
    assert rows == expected
