"""The Safety Evaluation Committee's decision: the only write that opens a later cohort,
sets the multiple-treatment group's duration or changes a cohort's size (spec §5.4)."""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from ecrf import signing
from ecrf.actions.core import ProtocolRefusal
from ecrf.committee import cohort_status
from ecrf.models import Arm, CommitteeDecision, Decision, Membership, Role, Study
from ecrf.protocol import Refusal

# 21 CFR 11.50(a)(3): the meaning of the signature, shown to the signer and stored with it.
SIGNATURE_MEANING = _("Approved: decision of the Safety Evaluation Committee")


def is_safety_reviewer(user, study: Study) -> bool:
    return Membership.objects.filter(
        user=user, site__study=study, role=Role.SAFETY_REVIEWER
    ).exists()


def mtd_choices(arm: Arm) -> list[int]:
    """The durations the committee may choose as the maximum tolerated one: those of the
    cohorts studied up to the reviewed one ([REG-B] "based on the 28-day safety
    observation outcomes from the 4-, 6-, and 8-hour groups"; spec §1.2 "one of
    240/360/480 min")."""
    protocol = arm.study.protocol
    studied = arm.study.arms.filter(order__lte=arm.order).order_by("order")
    return [
        protocol.arm(row.code).planned_minutes
        for row in studied
        if protocol.arm(row.code).planned_minutes is not None
    ]


def _refuse(rule: str, message, field: str | None = None):
    raise ProtocolRefusal([Refusal(rule, message, field)])


def committee_decide(
    *,
    arm: Arm,
    by,
    password: str,
    decision: str,
    rationale: str,
    meeting_date: dt.date,
    mtd_minutes: int | None = None,
    additional_subjects: int | None = None,
    request=None,
) -> CommitteeDecision:
    """Record a signed committee decision on a cohort whose observation is complete, and
    apply it in the same transaction:

    - proceed: opens the next cohort (the only way a later cohort opens);
    - set_mtd: sets the multiple-treatment group's planned duration and opens it;
    - expand: raises the cohort's capacity and re-opens it;
    - stop: closes enrolment into the study's later cohorts.

    The signer re-enters their password (21 CFR 11.200(a)(1): both components at a
    signing) and must be a safety reviewer at a site of the study. The password is checked
    before the decision's transaction (ecrf/signing.py): a wrong one is logged and counts
    toward the lock-out, and the refusal must not roll that back.
    """
    if not is_safety_reviewer(by, Study.objects.get(pk=arm.study_id)):
        _refuse("SEC-SIGNER", _("Only a safety reviewer of this study signs committee decisions."))
    signing.check_signer_password(
        by,
        password,
        request,
        rule="SEC-SIGNATURE",
        message=gettext("The password is not correct: the decision is not signed."),
    )
    return _committee_decide(
        arm=arm,
        by=by,
        decision=decision,
        rationale=rationale,
        meeting_date=meeting_date,
        mtd_minutes=mtd_minutes,
        additional_subjects=additional_subjects,
    )


@transaction.atomic
def _committee_decide(
    *,
    arm: Arm,
    by,
    decision: str,
    rationale: str,
    meeting_date: dt.date,
    mtd_minutes: int | None,
    additional_subjects: int | None,
) -> CommitteeDecision:
    study = Study.objects.get(pk=arm.study_id)
    # Every arm of the study is locked: the decision depends on, and changes, their state.
    arms = list(Arm.objects.select_for_update().filter(study=study).order_by("order"))
    arm = next(a for a in arms if a.pk == arm.pk)
    # Checked again under the locks: the membership may have ended meanwhile.
    if not is_safety_reviewer(by, study):
        _refuse("SEC-SIGNER", _("Only a safety reviewer of this study signs committee decisions."))
    status = cohort_status(arm)
    if not status.awaiting_committee:
        _refuse(
            "SEC-NOT-DUE",
            _("%(arm)s is not awaiting the committee (%(state)s).")
            % {"arm": arm.label, "state": status.state_label},
        )
    if meeting_date > timezone.localdate():
        _refuse("SEC-DATE", _("The meeting date cannot be in the future."), "meeting_date")
    # Spec T7 and §2.15 "Data cut-off date ≥ FS+28 of every subject of the cohort (or
    # death/withdrawal)": the committee cannot have reviewed an observation not yet over
    # (issue 18: a decision was accepted three weeks before a subject's FS+28).
    ends = [(s.observed_until, s.screening_number) for s in status.subjects if s.observed_until]
    if ends and meeting_date < max(ends)[0]:
        last, number = max(ends)
        _refuse(
            "SEC-MEETING-DATE",
            _(
                "The meeting date must fall on or after every cohort subject's end of "
                "observation: %(number)s is observed until %(date)s."
            )
            % {"number": number, "date": last.isoformat()},
            "meeting_date",
        )
    protocol = study.protocol
    later = [a for a in arms if a.order > arm.order]
    opened = None
    if decision == Decision.PROCEED:
        following = later[0] if later else None
        if following is None or protocol.arm(following.code).duration_set_by_committee:
            _refuse(
                "SEC-PROCEED",
                _("No further duration cohort follows: set the maximum tolerated duration."),
                "decision",
            )
        following.is_open = True
        following.save(update_fields=["is_open"])
        opened = following
    elif decision == Decision.SET_MTD:
        if mtd_minutes not in mtd_choices(arm):
            _refuse(
                "SEC-MTD",
                _("Choose one of the durations studied so far."),
                "mtd_minutes",
            )
        target = next((a for a in arms if protocol.arm(a.code).duration_set_by_committee), None)
        if target is None:
            _refuse("SEC-MTD", _("This study has no group treated at the committee's duration."))
        target.planned_minutes = mtd_minutes
        target.is_open = True
        target.save(update_fields=["planned_minutes", "is_open"])
        opened = target
    elif decision == Decision.EXPAND:
        if not additional_subjects or additional_subjects < 1:
            _refuse(
                "SEC-EXPAND",
                _("Enter how many subjects the cohort gains."),
                "additional_subjects",
            )
        arm.capacity += additional_subjects
        arm.is_open = True
        arm.save(update_fields=["capacity", "is_open"])
    elif decision == Decision.STOP:
        for row in later:
            if row.is_open:
                row.is_open = False
                row.save(update_fields=["is_open"])
    else:
        _refuse("SEC-DECISION", _("Choose a decision."), "decision")
    if decision != Decision.EXPAND and arm.is_open:
        arm.is_open = False  # the reviewed cohort is complete
        arm.save(update_fields=["is_open"])
    record = CommitteeDecision(
        study=study,
        arm=arm,
        decision=decision,
        mtd_minutes=mtd_minutes if decision == Decision.SET_MTD else None,
        additional_subjects=additional_subjects if decision == Decision.EXPAND else None,
        opened_arm=opened,
        rationale=rationale.strip(),
        meeting_date=meeting_date,
        signed_by=by,
        printed_name=by.get_full_name() or by.get_username(),
        signed_at=timezone.now(),
        signature_meaning=gettext(SIGNATURE_MEANING),
    )
    record.full_clean()
    record.save()
    return record
