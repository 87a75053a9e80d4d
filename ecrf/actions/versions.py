"""Protocol versions (issue 21): publish a version, put it in force at a site with its
ethics approval and a data manager's e-signature, change a study's options (a new
version, never an edit in place), and record a subject's re-consent to a later version."""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from ecrf import signing, versions
from ecrf.actions.core import ProtocolRefusal
from ecrf.actions.rows import lock_subject_row
from ecrf.models import Reconsent, Site, SiteVersion, Study, StudyVersion, Subject, SubjectStatus
from ecrf.models.core import today_in
from ecrf.protocol import Refusal, check_options

# 21 CFR 11.50(a)(3): the meaning of the signature, shown to the signer and stored with it.
SIGNATURE_MEANING = _(
    "Approved: this protocol version is in force at the site, with its ethics approval"
)


def _refuse(rule: str, message, field: str | None = None):
    raise ProtocolRefusal([Refusal(rule, message, field)])


def study_version_publish(*, study: Study, number: str, by=None) -> StudyVersion:
    """The published row of a version the study's protocol module declares, created the
    first time it is needed. Refused while the declaration is a draft (no fingerprint)
    or drifts from its fingerprint: only a published version is put in force."""
    existing = StudyVersion.objects.filter(study=study, number=number).first()
    if existing is not None:
        return existing
    try:
        declared = versions.declared_version(study.package, number)
    except KeyError:
        _refuse("VERSION", _("The protocol declares no version %(n)s.") % {"n": number}, "version")
    if not declared.fingerprint:
        _refuse(
            "VERSION-DRAFT",
            _("Version %(n)s is a draft: it has no published fingerprint.") % {"n": number},
            "version",
        )
    if versions.fingerprint(study.package, number) != declared.fingerprint:
        _refuse(
            "VERSION-DRIFT",
            _("Version %(n)s differs from its published fingerprint (manage.py check).")
            % {"n": number},
            "version",
        )
    # The published options are the study's current overrides: the options a site ran
    # under before versions were recorded carry on into the versions it is given.
    base = study.protocol_versions.order_by("-created_at", "-pk").first()
    return StudyVersion.objects.create(
        study=study,
        number=number,
        declared=number,
        options=base.options if base else (study.options or {}),
        date=declared.date,
        summary=declared.summary,
        created_by=by if getattr(by, "pk", None) else None,
    )


def site_version_put_in_force(
    *,
    site: Site,
    number: str,
    by,
    password: str,
    ethics_approved_on: dt.date,
    in_force_from: dt.date,
    request=None,
) -> SiteVersion:
    """Put a protocol version in force at a site from a date, on or after its ethics
    approval there, signed by a data manager of the site who re-enters their password
    (21 CFR 11.200(a)(1); checked outside the transaction so that a wrong one stays
    logged). Subjects already screened stay on their version until they re-consent.

    Refused while the version would lose a saved value or change its meaning
    (versions.put_in_force_refusals, the migration plan's guard)."""
    from ecrf.access import is_data_manager

    if not is_data_manager(by, site_id=site.pk):
        _refuse("VERSION-SIGNER", _("Only a data manager of the site puts a version in force."))
    signing.check_signer_password(
        by,
        password,
        request,
        rule="VERSION-SIGNATURE",
        message=gettext("The password is not correct: the version is not put in force."),
    )
    return _site_version_put_in_force(
        site=site,
        number=number,
        by=by,
        ethics_approved_on=ethics_approved_on,
        in_force_from=in_force_from,
    )


@transaction.atomic
def _site_version_put_in_force(*, site, number, by, ethics_approved_on, in_force_from):
    site = Site.objects.select_for_update().select_related("study").get(pk=site.pk)
    version = StudyVersion.objects.filter(study=site.study, number=number).first()
    if version is None:
        version = study_version_publish(study=site.study, number=number, by=by)
    refusals = []
    if in_force_from < ethics_approved_on:
        refusals.append(
            Refusal(
                "VERSION-ETHICS",
                _("A version is in force only from its ethics approval (%(date)s) on.")
                % {"date": ethics_approved_on.isoformat()},
                "in_force_from",
            )
        )
    if ethics_approved_on > today_in(site):
        refusals.append(
            Refusal(
                "VERSION-ETHICS",
                _("The ethics approval date is in the future."),
                "ethics_approved_on",
            )
        )
    latest = site.versions.order_by("-in_force_from").first()
    if latest is not None and in_force_from <= latest.in_force_from:
        refusals.append(
            Refusal(
                "VERSION-ORDER",
                _("Version %(n)s is in force here from %(date)s: a later version starts after it.")
                % {"n": latest.version.number, "date": latest.in_force_from.isoformat()},
                "in_force_from",
            )
        )
    if latest is not None and latest.version_id == version.pk:
        refusals.append(
            Refusal(
                "VERSION-ORDER",
                _("Version %(n)s is already in force here.") % {"n": number},
                "version",
            )
        )
    refusals += versions.put_in_force_refusals(site=site, version=version)
    if refusals:
        raise ProtocolRefusal(refusals)
    row = SiteVersion(
        site=site,
        version=version,
        ethics_approved_on=ethics_approved_on,
        in_force_from=in_force_from,
        signed_by=by,
        printed_name=by.get_full_name() or by.get_username(),
        signed_at=timezone.now(),
        signature_meaning=gettext(SIGNATURE_MEANING),
    )
    row.full_clean()
    row.save()
    return row


@transaction.atomic
def study_options_amend(*, study: Study, options: dict, summary: str, by) -> StudyVersion:
    """Change a study's [PROP] options (the admin's options field): a new version built
    on the newest published one with these overrides, never an edit of a published
    version. It is numbered "<declared>+o<n>" and must be put in force at each site like
    any version. Study.options keeps the newest overrides, for the pages that read them."""
    study = Study.objects.select_for_update().get(pk=study.pk)
    try:
        check_options(options, study.protocol)
    except (ValueError, TypeError) as exc:
        _refuse("OPTIONS", str(exc), "options")
    if not summary.strip():
        _refuse("OPTIONS", _("Say what the change is and why."), "summary")
    base = study.protocol_versions.order_by("-created_at", "-pk").first()
    if base is None:
        base = study_version_publish(study=study, number=versions.REGISTERED, by=by)
    taken = set(study.protocol_versions.values_list("number", flat=True))
    n = 1
    while f"{base.declared}+o{n}" in taken:
        n += 1
    version = StudyVersion.objects.create(
        study=study,
        number=f"{base.declared}+o{n}",
        declared=base.declared,
        options=options,
        date=timezone.localdate(),
        summary=summary.strip(),
        created_by=by,
    )
    study.options = options
    study.save(update_fields=["options"])
    return version


@transaction.atomic
def reconsent_record(
    *, subject: Subject, by, number: str, reconsent_date: dt.date, consent_version: str
) -> Reconsent:
    """Record a subject's re-consent to a later protocol version (issue 21): from its
    date the subject's rules are judged by that version; what happened before it stays
    judged by the version they were on. The version must be in force at the subject's
    site on that date: a subject consents to what the site's ethics committee approved."""
    subject = lock_subject_row(subject)
    if subject.status == SubjectStatus.SCREEN_FAILED:
        _refuse("STATUS", _("A screen failure is not re-consented."))
    version = StudyVersion.objects.filter(study=subject.study, number=number).first()
    in_force = versions.version_in_force(subject.site, on=reconsent_date)
    refusals = []
    if reconsent_date > today_in(subject.site):
        refusals.append(
            Refusal("DATE-FUTURE", _("The date cannot be in the future."), "reconsent_date")
        )
    if reconsent_date < subject.consent_date:
        refusals.append(
            Refusal(
                "RECONSENT-DATE",
                _("A re-consent follows the first consent (%(date)s).")
                % {"date": subject.consent_date.isoformat()},
                "reconsent_date",
            )
        )
    if version is None or in_force is None or in_force.pk != version.pk:
        refusals.append(
            Refusal(
                "RECONSENT-VERSION",
                _("Version %(n)s is not the one in force at %(site)s on %(date)s.")
                % {"n": number, "site": subject.site.code, "date": reconsent_date.isoformat()},
                "version",
            )
        )
    elif versions.subject_version(subject, on=reconsent_date).pk == version.pk:
        refusals.append(
            Refusal(
                "RECONSENT-VERSION",
                _("The subject is already on version %(n)s.") % {"n": number},
                "version",
            )
        )
    if refusals:
        raise ProtocolRefusal(refusals)
    record = Reconsent(
        subject=subject,
        reconsent_date=reconsent_date,
        protocol_version=version,
        consent_version=consent_version.strip(),
        created_by=by,
    )
    record.full_clean()
    record.save()
    # A new version of the subject too: their rules are now another protocol version's, a
    # form opened before shows the old one's fields, and a save that read the subject
    # before this re-consent sees it moved (actions/rows.lock_subject_row, as_read).
    subject.save(update_fields=[])
    return record
