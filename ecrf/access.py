"""May this user see, or change, this object? Answered here and nowhere else.

Users see only the studies and sites they belong to: another site's subject answers
404 (its existence is not disclosed). A user who may see but not enter data gets 403.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db import connection
from django.db.models import QuerySet
from django.http import Http404

from ecrf import locking, plain_sql, versions
from ecrf.models import DATA_ENTRY_ROLES, Membership, Role, Site, Study, Subject

# Roles that use the Django admin (monitors review AEs there; data managers configure).
ADMIN_ROLES = frozenset({Role.MONITOR, Role.DATA_MANAGER, Role.SAFETY_REVIEWER})


# Every signed-in request reads it: plain SQL, not built by the ORM each time (issue 7).
# The user's memberships as one JSON array of (site id, role, site time zone, study id), a
# column of the user's own read (ecrf/current_user.py): a signed-in request reads its user
# and their sites in one statement.
MEMBERSHIPS_COLUMN_SQL = (
    'SELECT coalesce(json_agg(json_build_array(m."site_id", m."role", s."time_zone",'
    ' s."study_id") ORDER BY m."site_id"), \'[]\')'
    f' FROM "{Membership._meta.db_table}" m JOIN "{Site._meta.db_table}" s ON s."id" = m."site_id"'
    ' WHERE m."user_id" = {user_id}'
)


def remember_memberships(user, rows: list) -> None:
    """The user's memberships as read with the user (MEMBERSHIPS_COLUMN_SQL): _memberships
    then reads nothing more for this request."""
    user._ecrf_memberships = [tuple(row) for row in rows]


def _memberships(user) -> list[tuple[int, str, str, int]]:
    """(site id, role, site time zone, study id) for the user: one query, cached for the
    request (none where the user's read brought them)."""
    if not user.is_authenticated:
        return []
    if getattr(user, "_ecrf_memberships", None) is None:  # a user not read by get_user()
        with connection.cursor() as cursor:
            cursor.execute(MEMBERSHIPS_COLUMN_SQL.format(user_id="%s"), [user.pk])
            remember_memberships(user, cursor.fetchone()[0])
    return user._ecrf_memberships


def roles_by_site(user) -> dict[int, str]:
    return {site_id: role for site_id, role, _tz, _study in _memberships(user)}


def time_zone_of(user) -> str | None:
    """The time zone to show times in: the user's (first) site's."""
    rows = _memberships(user)
    return rows[0][2] if rows else None


def visible_sites(user) -> QuerySet[Site]:
    if user.is_superuser:
        return Site.objects.all()
    return Site.objects.filter(pk__in=roles_by_site(user).keys())


def visible_studies(user) -> QuerySet[Study]:
    if user.is_superuser:
        return Study.objects.all()
    return Study.objects.filter(sites__in=visible_sites(user)).distinct()


def role_at(user, site_id: int) -> str | None:
    return roles_by_site(user).get(site_id)


def may_enter_data(user, site_id: int) -> bool:
    return role_at(user, site_id) in DATA_ENTRY_ROLES


def entry_sites(user, study: Study) -> list[Site]:
    """The sites of a study where the user may register subjects."""
    roles = roles_by_site(user)
    return [s for s in study.sites.all() if roles.get(s.pk) in DATA_ENTRY_ROLES]


def may_use_admin(user) -> bool:
    if user.is_superuser:
        return True
    return (
        user.is_active and user.is_staff and bool(set(roles_by_site(user).values()) & ADMIN_ROLES)
    )


def study_or_404(user, registry_id: str) -> Study:
    # Membership is checked against the user's memberships, already read for the request:
    # the study is then one lookup by its unique registry id, with no join.
    study = Study.objects.filter(registry_id=registry_id).first()
    if study is None or not (
        user.is_superuser or any(row[3] == study.pk for row in _memberships(user))
    ):
        raise Http404("No such study.")
    return study


# The subject's screening version with its study (issue 21): what subject-level rules read
# before the re-consents (versions.subject_version), in the same query.
SUBJECT_RELATED = ("site", "enrolment__arm", "screen_failure", "protocol_version__study")


def study_subject_or_404(
    user,
    registry_id: str,
    screening_number: str,
    *,
    related: tuple[str, ...] = (),
    flag_reconsents: bool = False,
) -> Subject:
    """The subject, with its study and the `related` rows (forward foreign keys), if the
    user belongs to its site: study_or_404 and subject_or_404 in one query, for a page
    served from ecrf/page_cache.py and a lab panel's form and save. `flag_reconsents`:
    read with whether they have a re-consent (`has_reconsents`, see
    versions.reconsents_of). The statement is written once (ecrf/plain_sql.py): the lab
    form is the page users wait on longest."""
    # The number is unique among the study's live subjects.
    found = plain_sql.select(
        Subject,
        't0."voided_at" IS NULL AND t0."screening_number" = %s AND "study"."registry_id" = %s',
        [screening_number, registry_id],
        related=("study", *related),
        flags={"has_reconsents": (versions.reconsents_exist_sql('t0."id"'), [])}
        if flag_reconsents
        else None,
    )
    subject = found[0] if found else None
    if subject is None or not (user.is_superuser or subject.site_id in roles_by_site(user)):
        raise Http404("No such subject.")
    return subject


def subject_or_404(
    user,
    study: Study,
    screening_number: str,
    *,
    for_entry: bool = False,
    related: tuple[str, ...] = SUBJECT_RELATED,
) -> Subject:
    """The subject, if the user belongs to its site; 403 if for_entry and the user only reads.

    for_entry also refuses a casebook a data manager froze or locked (RecordLocked: the
    page says so and shows no form; ecrf/middleware.py answers it). `related`: the rows
    read with it (a page served from ecrf/page_cache.py needs none)."""
    subjects = Subject.objects.select_related(*related).filter(
        study=study, screening_number=screening_number
    )
    if not user.is_superuser:
        subjects = subjects.filter(site_id__in=roles_by_site(user).keys())
    # The number is unique in the study: no ordering (the default one would join the study).
    subject = subjects.order_by().first()
    if subject is None:
        raise Http404("No such subject.")
    subject.study = study  # the study just checked: not read again
    if for_entry:
        require_entry(user, subject.site_id)
        locking.refuse_if_subject_locked(subject)
    return subject


def is_data_manager(user, *, site_id: int | None = None, study: Study | None = None) -> bool:
    """A data manager at the site, or (study) at any site of the study: who freezes and
    locks data (issue 4)."""
    if site_id is not None:
        return roles_by_site(user).get(site_id) == Role.DATA_MANAGER
    return any(
        role == Role.DATA_MANAGER and study_id == study.pk
        for _site, role, _tz, study_id in _memberships(user)
    )


def data_manager_sites(user, study: Study) -> list[int]:
    """The sites of the study where the user is a data manager (whose AEs they code)."""
    return [
        site_id
        for site_id, role, _tz, study_id in _memberships(user)
        if role == Role.DATA_MANAGER and study_id == study.pk
    ]


def require_data_manager(user, *, site_id: int | None = None, study: Study | None = None) -> None:
    if not is_data_manager(user, site_id=site_id, study=study):
        raise PermissionDenied("Only a data manager freezes or locks data.")


def is_study_data_manager(user, study: Study) -> bool:
    """A data manager at every site of the study: who freezes or locks the whole study and
    exports it whole (issue 17: a one-site data manager acts on their site only)."""
    sites = set(study.sites.values_list("pk", flat=True))
    return bool(sites) and sites <= set(data_manager_sites(user, study))


def require_study_data_manager(user, study: Study) -> None:
    if not is_study_data_manager(user, study):
        raise PermissionDenied(
            "Only a data manager at every site of the study freezes or locks the whole study."
        )


def export_sites(user, study: Study) -> list[Site]:
    """The sites of the study whose data the user may export: where they are a data
    manager (issue 17). Empty for everyone else."""
    return list(study.sites.filter(pk__in=data_manager_sites(user, study)).order_by("code"))


# Who takes a subject's casebook away as a PDF certified copy (issue 22): the site's
# investigators, whose copy it is (ICH E6(R3): the investigator keeps control of one), and
# its data managers, who build the site's archive.
CASEBOOK_COPY_ROLES = frozenset({Role.INVESTIGATOR, Role.DATA_MANAGER})


def may_copy_casebook(user, site_id: int) -> bool:
    return role_at(user, site_id) in CASEBOOK_COPY_ROLES


def visible_subject(user, study: Study, screening_number: str) -> Subject | None:
    """The subject if the user belongs to its site, else None: for a filter, where another
    site's subject must answer as an unknown one does (issue 17)."""
    subjects = Subject.objects.filter(study=study, screening_number=screening_number)
    if not user.is_superuser:
        subjects = subjects.filter(site_id__in=roles_by_site(user).keys())
    return subjects.order_by().first()


def may_edit(user, subject: Subject, *, record=None) -> bool:
    """May the user change the subject's data (or this record) now: a data-entry role at
    its site, and no freeze or lock in force on it. Pages show edit buttons by it."""
    if not may_enter_data(user, subject.site_id):
        return False
    if record is not None:
        return not locking.is_locked(record)
    return locking.subject_lock(subject) is None


def require_entry(user, site_id: int) -> None:
    if not may_enter_data(user, site_id):
        raise PermissionDenied("Your role at this site does not allow data entry.")


# The Safety Evaluation Committee's cohort report (spec §5.4 "data package reviewed by the
# SEC"): read by these roles of the study; site staff enter data and do not need it.
COMMITTEE_REPORT_ROLES = frozenset(
    {Role.MONITOR, Role.SAFETY_REVIEWER, Role.DATA_MANAGER, Role.INVESTIGATOR}
)


def study_roles(user, study: Study) -> set[str]:
    site_ids = {site.pk for site in study.sites.all()}
    return {role for site_id, role in roles_by_site(user).items() if site_id in site_ids}


def require_committee_reader(user, study: Study) -> None:
    if not study_roles(user, study) & COMMITTEE_REPORT_ROLES:
        raise PermissionDenied("Your role does not include the committee's reports.")


def may_sign_committee_decisions(user, study: Study) -> bool:
    return Role.SAFETY_REVIEWER in study_roles(user, study)


def require_safety_reviewer(user, study: Study) -> None:
    if not may_sign_committee_decisions(user, study):
        raise PermissionDenied("Only a safety reviewer of this study records committee decisions.")
