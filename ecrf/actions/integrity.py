"""Records entered in error are voided, never deleted (issue 4).

PostgreSQL refuses DELETE on study tables (the protect_delete trigger, see audited() in
ecrf/models/core.py). A void keeps the row and says who voided it, when and why; the
default manager leaves voided rows out of forms, lists and computations, and the audit
trail keeps every version (21 CFR 11.10(e); ICH E6(R3) 4.2.3).
"""

from __future__ import annotations

from collections.abc import Mapping

from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ecrf import access, audit, form_registry
from ecrf.actions.core import ProtocolRefusal
from ecrf.models import AdverseEvent, Disposition, StudyRecord, Subject, TreatmentSession
from ecrf.protocol import Refusal

# The forms a person may void from the void page are those registered voidable
# (ecrf/form_registry.py): the repeatable records of a casebook, and the one-per-subject
# forms whose uniqueness holds among live rows only (a voided diagnosis or disposition
# leaves room for a new one). Enrolment and screen failure are not voided: they set the
# subject's status, and enrolment takes a cohort place that sessions hang on; undoing
# them is a status change with protocol rules of its own.


def voidable(model_name: str):
    """The voidable form named "adverseevent", or None."""
    return form_registry.by_name(model_name, voidable=True)


def subject_of(record: StudyRecord) -> Subject:
    if isinstance(record, Subject):
        return record
    if hasattr(record, "subject_id"):
        return record.subject
    owner = getattr(record, "session", None) or getattr(record, "adverse_event", None)
    return owner.subject


class StaleForm(Exception):
    """The form was opened on an older version of the record than the one stored: someone
    else saved it meanwhile. `changes` are their saves (ecrf.audit.changes_since), shown
    to the user so that nothing is overwritten unseen (issue 4, no lost updates)."""

    def __init__(self, record: StudyRecord, seen_version: int):
        self.record = record
        self.seen_version = seen_version
        self.changes = audit.changes_since(record, seen_version)
        super().__init__(f"{record!r}: version {seen_version} < {record.version}")


def check_change(row: StudyRecord, *, version: int | None) -> None:
    """The two checks before an existing record is changed; call it on the row read
    FOR UPDATE, before the new values are put on it.

    - `version` is the one the form showed: an older one raises StaleForm. None means
      the caller is not a form (a data import, the demo loader) and opted out.
    - a record saved complete changes only with a reason for change, chosen from the
      list with free text beside it, given by an enclosing `audit.reason()` block
      (issue 4; ICH E6(R3) 4.2.2; Annex 11 §9). The version is checked first: a stale
      form is news to its user, a missing reason only a matter of filling it in.
    """
    if version is not None and version != row.version:
        raise StaleForm(row, version)
    if row.change_needs_reason:
        reason, detail = audit.active_reason()
        if not reason:
            raise ProtocolRefusal(
                [
                    Refusal(
                        "REASON",
                        _("This form was saved as complete: choose the reason for the change."),
                        "change_reason",
                    )
                ]
            )
        if not detail.strip():
            raise ProtocolRefusal(
                [Refusal("REASON", _("Explain the change in a few words."), "change_reason_detail")]
            )


def void_row(row: StudyRecord, *, by, reason: str, now=None) -> None:
    """Mark one row entered in error, as a new version (the caller has checked the rules)."""
    row.voided_at = now or timezone.now()
    row.voided_by = by
    row.void_reason = reason
    row.save(update_fields=["voided_at", "voided_by", "void_reason"])


def removed_from_form(by) -> str:
    """The reason recorded for a row a person removed from a form (e.g. an interruption)."""
    return _("Removed from the form by %(user)s") % {"user": by.get_username()}


@transaction.atomic
def record_void(*, record: StudyRecord, by, reason: str) -> StudyRecord:
    """Void a record entered in error, with its parts (a session's logs, a panel's
    results, an AE's SAE supplement). Site staff and investigators of the record's site
    only. Raises ProtocolRefusal naming the rule that refused."""
    model = type(record)
    row = model.all_objects.select_for_update().get(pk=record.pk)
    subject = subject_of(row)
    refusals = []
    if not access.may_enter_data(by, subject.site_id):
        refusals.append(
            Refusal("VOID-ROLE", _("Only site staff and investigators of the site void records."))
        )
    if not (reason or "").strip():
        refusals.append(Refusal("VOID-REASON", _("Give the reason for voiding."), "reason"))
    if row.voided_at is not None:
        refusals.append(Refusal("VOID-ONCE", _("This record is already voided.")))
    if refusals:
        raise ProtocolRefusal(refusals)
    reason = reason.strip()
    now = timezone.now()
    # The reason also goes on the audit context of these writes (the history page).
    with audit.reason(_("Entered in error"), reason):
        void_row(row, by=by, reason=reason, now=now)
        # Voiding a form voids the rows that only exist as part of it.
        for name in form_registry.parts_of(model):
            for part in getattr(row, name).select_for_update():
                void_row(part, by=by, reason=reason, now=now)
        if model is AdverseEvent and hasattr(row, "sae_report"):
            void_row(row.sae_report, by=by, reason=reason, now=now)
        if model is TreatmentSession:
            # Deviations the rules found in this session came from a record in error.
            for deviation in row.deviations.select_for_update().filter(automatic=True):
                void_row(deviation, by=by, reason=reason, now=now)
        if model is Disposition:
            # The session-count rule judges a finished course only (spec T5): without a
            # disposition the course is open again.
            from ecrf.actions.sessions import deviations_refresh

            deviations_refresh(subject=subject, by=by)
    return row


def study_parts_save(
    *, record: StudyRecord, package: str, parts: Mapping[type[models.Model], Mapping], by
) -> None:
    """Save a study's own fields of a form (studies/<study>/models.py, registered
    `part_of` the form): one live row per record and part, created when a value is
    first given, changed when a value differs, voided when every value is emptied, else
    left alone. Called by the form's
    action inside its transaction, after the record itself is saved."""
    allowed = {e.model: e.part_of for e in form_registry.study_parts(type(record), package)}
    for model, values in parts.items():
        if model not in allowed:
            raise ValueError(f"{model._meta.label} is not a part of {package}'s {record}")
        key = {allowed[model]: record}
        row = model.objects.select_for_update().filter(**key).first()
        if all(value in (None, "") for value in values.values()):
            # Emptied on the form (e.g. a diagnosis that is no longer SFSS): the row no
            # longer applies, so it is voided as removed from the form, never deleted.
            if row is not None:
                void_row(row, by=by, reason=removed_from_form(by), now=timezone.now())
            continue
        if row is None:
            row = model(created_by=by, **key)
        elif all(getattr(row, name) == value for name, value in values.items()):
            continue
        for name, value in values.items():
            setattr(row, name, value)
        row.full_clean()
        row.save()
