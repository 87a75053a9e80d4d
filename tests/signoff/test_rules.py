"""The sign-off rules (issue 4, items 5 and 7): who verifies and signs, what may be, the
binding of each signature to the version it covers (21 CFR 11.70), and the two
components of every signing (11.200(a))."""

import pytest
from django.db import connection, transaction
from django.db.utils import ProgrammingError

from ecrf import audit, lifecycle
from ecrf.actions import ProtocolRefusal, clinical, signoff
from ecrf.actions.integrity import record_void
from ecrf.lifecycle import State
from ecrf.models import LoginEvent, LoginEventKind, Signature, SourceVerification
from tests.clinical.conftest import history_values, medication_values
from tests.signoff.conftest import PASSWORD

pytestmark = pytest.mark.django_db

APPROVAL = "approval"


def rules(exc_info) -> set[str]:
    return {r.rule for r in exc_info.value.refusals}


def state_of(record):
    record.refresh_from_db()
    return lifecycle.lifecycles([record]).of(record)


def test_form_goes_from_complete_to_verified_to_signed(history, monitor_guangzhou, investigator):
    assert state_of(history).state == State.COMPLETE
    signoff.form_verify(record=history, by=monitor_guangzhou, note="Clinic letter 2025-01")
    assert state_of(history).state == State.SOURCE_VERIFIED
    signature = signoff.form_sign(
        record=history, by=investigator, password=PASSWORD, meaning=APPROVAL
    )
    life = state_of(history)
    assert life.state == State.SIGNED and life.signature == signature
    # 21 CFR 11.50(a): printed name, date and time, meaning.
    assert signature.printed_name == "Wei Zhang"
    assert signature.form_version == history.version
    assert "Wei Zhang" in life.signature_text and "approve" in life.signature_text


def test_printed_name_is_the_username_when_no_full_name(history, guangzhou):
    from ecrf.models import Role
    from tests.conftest import make_user

    nameless = make_user("dr_nameless", Role.INVESTIGATOR, [guangzhou])
    signature = signoff.form_sign(record=history, by=nameless, password=PASSWORD, meaning="review")
    assert signature.printed_name == "dr_nameless"


def test_only_the_sites_monitor_verifies(history, investigator, staff_guangzhou, monitor_beijing):
    for user in (investigator, staff_guangzhou, monitor_beijing):
        with pytest.raises(ProtocolRefusal) as refused:
            signoff.form_verify(record=history, by=user)
        assert rules(refused) == {"SDV-ROLE"}
    assert not SourceVerification.objects.exists()


def test_only_the_sites_investigator_signs(history, monitor_guangzhou, staff_guangzhou):
    for user in (monitor_guangzhou, staff_guangzhou):
        with pytest.raises(ProtocolRefusal) as refused:
            signoff.form_sign(record=history, by=user, password=PASSWORD, meaning=APPROVAL)
        assert rules(refused) == {"SIGN-ROLE"}
    with pytest.raises(ProtocolRefusal):
        signoff.casebook_sign(
            subject=history.subject, by=monitor_guangzhou, password=PASSWORD, meaning=APPROVAL
        )
    assert not Signature.objects.exists()


def test_wrong_password_is_refused_and_logged(history, investigator):
    # 21 CFR 11.200(a)(1): both components at every signing; 11.300(d): attempts logged.
    with pytest.raises(ProtocolRefusal) as refused:
        signoff.form_sign(record=history, by=investigator, password="guess", meaning=APPROVAL)
    assert [(r.rule, r.field) for r in refused.value.refusals] == [("SIGN-PASSWORD", "password")]
    event = LoginEvent.objects.get(kind=LoginEventKind.SIGNATURE_FAILED)
    assert event.user == investigator and event.username == investigator.username
    assert not Signature.objects.exists()


def test_failed_attempt_survives_the_refusal_inside_an_outer_transaction(history, investigator):
    # The view runs inside the idempotency transaction: the refusal must not roll back the log.
    with transaction.atomic():
        with pytest.raises(ProtocolRefusal):
            signoff.casebook_sign(
                subject=history.subject, by=investigator, password="guess", meaning=APPROVAL
            )
    assert LoginEvent.objects.filter(kind=LoginEventKind.SIGNATURE_FAILED).count() == 1


def test_incomplete_forms_are_not_verified_or_signed(history, monitor_guangzhou, investigator):
    type(history).objects.filter(pk=history.pk).update(form_status="in_progress")
    history.refresh_from_db()
    with pytest.raises(ProtocolRefusal) as refused:
        signoff.form_verify(record=history, by=monitor_guangzhou)
    assert rules(refused) == {"SIGN-COMPLETE"}
    with pytest.raises(ProtocolRefusal) as refused:
        signoff.form_sign(record=history, by=investigator, password=PASSWORD, meaning=APPROVAL)
    assert rules(refused) == {"SIGN-COMPLETE"}
    with pytest.raises(ProtocolRefusal) as refused:
        signoff.casebook_sign(
            subject=history.subject, by=investigator, password=PASSWORD, meaning=APPROVAL
        )
    assert rules(refused) == {"SIGN-CASEBOOK-COMPLETE"}


def test_voided_forms_are_not_verified_or_signed(
    history, monitor_guangzhou, investigator, staff_guangzhou
):
    record_void(record=history, by=staff_guangzhou, reason="Wrong subject")
    with pytest.raises(ProtocolRefusal) as refused:
        signoff.form_verify(record=history, by=monitor_guangzhou)
    assert rules(refused) == {"SIGN-VOIDED"}
    with pytest.raises(ProtocolRefusal) as refused:
        signoff.form_sign(record=history, by=investigator, password=PASSWORD, meaning=APPROVAL)
    assert rules(refused) == {"SIGN-VOIDED"}


def test_unknown_meaning_is_refused(history, investigator):
    with pytest.raises(ProtocolRefusal) as refused:
        signoff.form_sign(record=history, by=investigator, password=PASSWORD, meaning="because")
    assert [(r.rule, r.field) for r in refused.value.refusals] == [("SIGN-MEANING", "meaning")]


def test_a_change_after_signing_resets_the_state_and_says_so(
    history, monitor_guangzhou, investigator, staff_guangzhou
):
    # 21 CFR 11.70: the signature is bound to the version signed, not to later ones.
    signoff.form_verify(record=history, by=monitor_guangzhou)
    signoff.form_sign(record=history, by=investigator, password=PASSWORD, meaning=APPROVAL)
    with audit.reason("source_corrected", "discharge letter"):
        clinical.medical_history_record(
            subject=history.subject,
            by=staff_guangzhou,
            entry=history,
            **history_values(term="Essential hypertension"),
        )
    life = state_of(history)
    assert life.state == State.COMPLETE
    assert life.signature is None and life.verification is None
    assert any("signed by Wei Zhang" in note and "sign again" in note for note in life.notes)
    assert any("source-verified by monitor_gz" in note for note in life.notes)
    # Signing again puts it back in force, and the note goes.
    signoff.form_sign(record=history, by=investigator, password=PASSWORD, meaning=APPROVAL)
    life = state_of(history)
    assert life.state == State.SIGNED and not any("sign again" in n for n in life.notes)


def test_casebook_signature_is_reset_by_a_change_in_any_form(
    history, medication, investigator, staff_guangzhou
):
    subject = history.subject
    signature = signoff.casebook_sign(
        subject=subject, by=investigator, password=PASSWORD, meaning="responsibility"
    )
    # The forms, and the eligibility answers and enrolment as they are (issue 19 item 4).
    covered = [[r._meta.label_lower, r.pk, r.version] for r in lifecycle.covered_records(subject)]
    assert signature.manifest == sorted(
        [
            ["ecrf.medicalhistory", history.pk, history.version],
            ["ecrf.concomitantmedication", medication.pk, medication.version],
            *covered,
        ]
    )
    assert any(label == "ecrf.enrolment" for label, _pk, _v in covered)
    assert lifecycle.casebook_state(subject).signature == signature
    with audit.reason("new_information", "indication clarified"):
        clinical.medication_record(
            subject=subject,
            by=staff_guangzhou,
            entry=medication,
            **medication_values(indication="Hepatitis B"),
        )
    state = lifecycle.casebook_state(subject)
    assert state.signature is None and state.stale_signature == signature
    assert "sign again" in state.notes[0]


def test_casebook_signature_is_reset_by_a_new_form(history, investigator, staff_guangzhou):
    subject = history.subject
    signoff.casebook_sign(subject=subject, by=investigator, password=PASSWORD, meaning=APPROVAL)
    clinical.medical_history_record(
        subject=subject, by=staff_guangzhou, **history_values(term="Diabetes")
    )
    assert lifecycle.casebook_state(subject).signature is None


def test_locked_hook_marks_forms_locked(history, investigator):
    signoff.form_sign(record=history, by=investigator, password=PASSWORD, meaning=APPROVAL)
    lives = lifecycle.lifecycles([history], locked=lambda record: True)
    assert lives.of(history).state == State.LOCKED


def test_lifecycles_take_a_constant_number_of_queries(
    subject, staff_guangzhou, investigator, django_assert_max_num_queries
):
    rows = [
        clinical.medical_history_record(
            subject=subject, by=staff_guangzhou, **history_values(term=f"Condition {i}")
        )
        for i in range(15)
    ]
    for row in rows[:5]:
        signoff.form_sign(record=row, by=investigator, password=PASSWORD, meaning=APPROVAL)
    lifecycle.lifecycles(rows[:1])  # content types cached
    with django_assert_max_num_queries(2):
        lives = lifecycle.lifecycles(rows)
    assert [lives.of(r).state for r in rows].count(State.SIGNED) == 5


@pytest.mark.parametrize("model", [Signature, SourceVerification])
@pytest.mark.parametrize("statement", ["UPDATE {table} SET object_id = 0", "DELETE FROM {table}"])
def test_database_refuses_update_and_delete(
    model, statement, history, monitor_guangzhou, investigator
):
    signoff.form_verify(record=history, by=monitor_guangzhou)
    signoff.form_sign(record=history, by=investigator, password=PASSWORD, meaning=APPROVAL)
    with pytest.raises(ProgrammingError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(statement.format(table=model._meta.db_table))
    assert model.objects.count() == 1
