"""Source data verification by a monitor and electronic signatures by an investigator
(issue 4, items 5 and 7; 21 CFR 11.50, 11.70, 11.100, 11.200).

A verification or signature is a new append-only row bound to the version of what it
covers; nothing else is written, so a later edit of the form resets its state by
itself (ecrf/lifecycle.py).
"""

from __future__ import annotations

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils.translation import gettext as _

from ecrf import access, form_registry, locking, signing
from ecrf.actions.core import ProtocolRefusal
from ecrf.actions.rows import lock_subject_row
from ecrf.lifecycle import manifest_of
from ecrf.models import (
    CaseReportForm,
    FormStatus,
    Role,
    Signature,
    SignatureMeaning,
    SourceVerification,
    Subject,
)
from ecrf.protocol import Refusal


def may_verify(user, site_id: int) -> bool:
    # ICH E6(R3) 3.11.4: source data verification is the monitor's.
    return access.role_at(user, site_id) == Role.MONITOR


def may_sign(user, site_id: int) -> bool:
    # ICH E6(R3) 2.12: the investigator attests the data reported.
    return access.role_at(user, site_id) == Role.INVESTIGATOR


def printed_name(user) -> str:
    """The signer's name as printed with the signature (21 CFR 11.50(a)(1))."""
    return user.get_full_name().strip() or user.get_username()


def _locked_form(record: CaseReportForm) -> CaseReportForm:
    model = type(record)
    if model not in form_registry.form_models(signable=True):
        raise ProtocolRefusal([Refusal("SIGN-FORM", _("Only casebook forms are signed."))])
    # The form's row only (OF self); its subject is read, not locked.
    row = (
        model.all_objects.select_for_update(of=("self",))
        .select_related("subject")
        .get(pk=record.pk)
    )
    return row


def _form_refusals(row: CaseReportForm) -> list[Refusal]:
    # A frozen form is still verified and signed; a locked one is not (issue 4, item 8).
    # The database refuses it too (RefuseWhenLocked): this keeps the message clear.
    locking.refuse_if_locked(row, allowed_while_frozen=True)
    if row.is_voided:
        return [Refusal("SIGN-VOIDED", _("This record was voided as entered in error."))]
    if row.form_status != FormStatus.COMPLETE:
        return [Refusal("SIGN-COMPLETE", _("Only a complete form is verified or signed."))]
    return []


def _meaning_refusals(meaning: str) -> list[Refusal]:
    if meaning not in SignatureMeaning.values:
        return [Refusal("SIGN-MEANING", _("Choose what the signature means."), "meaning")]
    return []


def _check_password(by, password: str, request=None) -> None:
    """The second component of the signature (ecrf/signing.py), checked outside the
    signing transaction so that the refusal does not roll back the failure's log."""
    signing.check_signer_password(
        by, password, request, rule="SIGN-PASSWORD", message=_("The password is not correct.")
    )


def _require(allowed: bool, rule: str, message: str) -> None:
    if not allowed:
        raise ProtocolRefusal([Refusal(rule, message)])


@transaction.atomic
def form_verify(*, record: CaseReportForm, by, note: str = "") -> SourceVerification:
    """Record that a monitor verified this version of a complete form against the source
    documents. Monitors of the record's site only."""
    row = _locked_form(record)
    _require(
        may_verify(by, row.subject.site_id),
        "SDV-ROLE",
        _("Only a monitor of the site verifies source data."),
    )
    if refusals := _form_refusals(row):
        raise ProtocolRefusal(refusals)
    return SourceVerification.objects.create(
        subject=row.subject,
        content_type=ContentType.objects.get_for_model(row),
        object_id=row.pk,
        form_version=row.version,
        verified_by=by,
        note=(note or "").strip(),
    )


def form_sign(
    *, record: CaseReportForm, by, password: str, meaning: str, request=None
) -> Signature:
    """Sign this version of a complete form: the investigator of the record's site, with
    their password re-entered (21 CFR 11.200(a)). `request` only adds the address to
    the log of a wrong password."""
    subject = Subject.objects.only("site_id").get(pk=record.subject_id)
    _require(
        may_sign(by, subject.site_id), "SIGN-ROLE", _("Only an investigator of the site signs.")
    )
    _check_password(by, password, request)
    return _form_sign(record=record, by=by, meaning=meaning)


@transaction.atomic
def _form_sign(*, record, by, meaning) -> Signature:
    row = _locked_form(record)
    if refusals := _form_refusals(row) + _meaning_refusals(meaning):
        raise ProtocolRefusal(refusals)
    return Signature.objects.create(
        subject=row.subject,
        content_type=ContentType.objects.get_for_model(row),
        object_id=row.pk,
        form_version=row.version,
        meaning=meaning,
        signer=by,
        printed_name=printed_name(by),
    )


def casebook_sign(*, subject: Subject, by, password: str, meaning: str, request=None) -> Signature:
    """Sign the subject's whole casebook as it is now: every live form, each at its
    current version (the manifest). Every form must be complete."""
    _require(
        may_sign(by, subject.site_id), "SIGN-ROLE", _("Only an investigator of the site signs.")
    )
    _check_password(by, password, request)
    return _casebook_sign(subject=subject, by=by, meaning=meaning)


@transaction.atomic
def _casebook_sign(*, subject, by, meaning) -> Signature:
    subject = lock_subject_row(subject)
    locking.refuse_if_locked(subject, allowed_while_frozen=True)
    # Lock every form, so none changes between the manifest and the commit.
    # The eligibility answers and the enrolment are covered too (issue 19 item 4).
    forms = [
        record
        for model in form_registry.casebook_signature_models()
        for record in model.objects.select_for_update().filter(subject=subject).order_by("pk")
    ]
    refusals = _meaning_refusals(meaning)
    incomplete = [
        r for r in forms if getattr(r, "form_status", FormStatus.COMPLETE) != FormStatus.COMPLETE
    ]
    if incomplete:
        refusals.append(
            Refusal(
                "SIGN-CASEBOOK-COMPLETE",
                _("Every form must be complete before the casebook is signed; not yet: %(forms)s.")
                % {"forms": ", ".join(f"{r._meta.verbose_name} {r.pk}" for r in incomplete)},
            )
        )
    if refusals:
        raise ProtocolRefusal(refusals)
    return Signature.objects.create(
        subject=subject,
        manifest=manifest_of(forms),
        meaning=meaning,
        signer=by,
        printed_name=printed_name(by),
    )
