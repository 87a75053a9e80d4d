"""Freezing and locking data (issue 4, item 8): a data manager freezes a study, a subject's
casebook or one form (only queries allowed) or locks it (nothing allowed), with a reason,
and releases it with a reason. PostgreSQL refuses the writes (RefuseWhenLocked); these
actions only write the DataLock rows, which the audit trail records like any other.
"""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from ecrf import access, audit, form_registry, locking
from ecrf.actions.core import ProtocolRefusal
from ecrf.models import CaseReportForm, DataLock, LockLevel, Study, Subject
from ecrf.protocol import Refusal


def lockable_forms() -> dict[str, type[CaseReportForm]]:
    """The forms a data manager may lock one by one (by model name): the casebook's forms
    of the lifecycle (registered signable, ecrf/form_registry.py). Their parts (a session's
    logs, a panel's results, an AE's SAE supplement) go with them."""
    return {model._meta.model_name: model for model in form_registry.form_models(signable=True)}


def _may_lock(by, study: Study, subject: Subject | None) -> bool:
    # A subject's or a form's lock: a data manager of its site. The study's: a data manager
    # at every site of the study (issue 17: one site's data manager does not stop another's).
    if subject is not None:
        return access.is_data_manager(by, site_id=subject.site_id)
    return access.is_study_data_manager(by, study)


def _role_refusal(subject: Subject | None, *, release: bool = False) -> str:
    if subject is None:
        if release:
            return gettext_noop(
                "Only a data manager at every site of the study releases the study's lock."
            )
        return gettext_noop("Only a data manager at every site of the study locks the study.")
    if release:
        return gettext_noop("Only a data manager releases a lock.")
    return gettext_noop("Only a data manager freezes or locks data.")


@transaction.atomic
def lock_set(
    *, study: Study, subject: Subject | None = None, record=None, level: str, reason: str, by
) -> DataLock:
    """Freeze or lock the study, one subject's casebook, or one form (`record`). A lock in
    force on the same scope at another level is released first (one change of level, two
    audited rows). Raises ProtocolRefusal naming the rule that refused."""
    # The study row serialises lock changes of the study (one lock in force per scope).
    study = Study.objects.select_for_update().get(pk=study.pk)
    if record is not None:
        subject = locking.subject_of(record)
    refusals = []
    if not _may_lock(by, study, subject):
        refusals.append(Refusal("LOCK-ROLE", _(_role_refusal(subject))))
    if subject is not None and subject.study_id != study.pk:
        refusals.append(Refusal("LOCK-SCOPE", _("That subject belongs to another study.")))
    if record is not None and type(record) not in lockable_forms().values():
        refusals.append(Refusal("LOCK-FORM", _("Only a form of the casebook is locked alone.")))
    if level not in LockLevel.values:
        refusals.append(Refusal("LOCK-LEVEL", _("Choose frozen or locked."), "level"))
    if not (reason or "").strip():
        refusals.append(Refusal("LOCK-REASON", _("Give the reason."), "reason"))
    if refusals:
        raise ProtocolRefusal(refusals)
    scope = {
        "study": study,
        "subject": subject,
        "form_table": record._meta.db_table if record is not None else "",
        "form_id": record.pk if record is not None else None,
    }
    reason = reason.strip()
    current = locking.in_force().select_for_update().filter(**scope).first()
    if current is not None and current.level == level:
        already = _("Already so: %(level)s.") % {"level": LockLevel(level).label}
        raise ProtocolRefusal([Refusal("LOCK-SAME", already, "level")])
    with audit.reason(_("Data lock"), reason):
        if current is not None:
            _release(current, by=by, reason=_("Level changed: %(reason)s") % {"reason": reason})
        lock = DataLock(level=level, reason=reason, set_by=by, **scope)
        lock.full_clean()
        lock.save()
    return lock


def _release(lock: DataLock, *, by, reason: str) -> None:
    lock.released_at = timezone.now()
    lock.released_by = by
    lock.release_reason = reason
    lock.save(update_fields=["released_at", "released_by", "release_reason"])


@transaction.atomic
def lock_release(*, lock: DataLock, reason: str, by) -> DataLock:
    """Release a freeze or lock, with the reason (e.g. a correction after database lock).
    The row stays, released; writes are accepted again at once."""
    lock = (
        DataLock.objects.select_for_update(of=("self",))
        .select_related("study", "subject")
        .get(pk=lock.pk)
    )
    refusals = []
    if not _may_lock(by, lock.study, lock.subject):
        refusals.append(Refusal("LOCK-ROLE", _(_role_refusal(lock.subject, release=True))))
    if lock.released_at is not None:
        refusals.append(Refusal("LOCK-RELEASED", _("This lock was already released.")))
    if not (reason or "").strip():
        refusals.append(Refusal("LOCK-REASON", _("Give the reason."), "reason"))
    if refusals:
        raise ProtocolRefusal(refusals)
    with audit.reason(_("Data lock released"), reason.strip()):
        _release(lock, by=by, reason=reason.strip())
    return lock
