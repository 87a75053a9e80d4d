"""Core models: studies, sites, people's roles, and the subject's screening and enrolment.

Single-row invariants live on the model (`clean()` plus a named CheckConstraint);
rules spanning records live in each study's protocol module and run in ecrf/actions.py.
Every model holding study data is tracked by django-pghistory triggers, so the audit
trail sees every write, whichever path made it.
"""

import datetime as dt
import zoneinfo
from decimal import Decimal

import pghistory
import pgtrigger
from django.apps import apps
from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.core.exceptions import ImproperlyConfigured, ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import DatabaseError, models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from ecrf import form_registry
from ecrf.protocol import Protocol, StudyOptions, check_options, get_protocol, in_language


def between(low, high):
    """Validators for an inclusive hard range (spec: "Hard = value rejected")."""
    return [MinValueValidator(low), MaxValueValidator(high)]


class LiveRecords(models.Manager):
    """The records in force: rows voided as entered in error are left out of forms,
    lists and computations (net duration, grades, schedules). `all_objects` keeps them,
    for the lists that show them flagged; the audit trail keeps every version."""

    def get_queryset(self):
        return super().get_queryset().filter(voided_at__isnull=True)


class StudyRecord(models.Model):
    """Fields every record of study data carries (the room the roadmap needs).

    `version` is bumped on each save through an action, so a stale form can be refused
    (optimistic locking); who/when columns make the current state readable without the
    audit trail, which holds the full history. A record entered in error is voided
    (who, when, why), never deleted: see audited() and ecrf/actions/integrity.py.
    """

    version = models.PositiveIntegerField(default=1, editable=False)
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", editable=False
    )
    updated_at = models.DateTimeField(default=timezone.now, editable=False)
    voided_at = models.DateTimeField(_("voided at"), null=True, blank=True, editable=False)
    voided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
        blank=True,
        editable=False,
        verbose_name=_("voided by"),
    )
    void_reason = models.TextField(_("reason for voiding"), blank=True, editable=False)

    # The first manager is the default one: related lists and forms see live rows only.
    objects = LiveRecords()
    all_objects = models.Manager()  # noqa: DJ012 (a manager, not a field)

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        """Every save of an existing record is a new version, stamped now: the one place
        this happens, so no action can forget it (optimistic locking compares it).
        PostgreSQL's refusal of a write to locked data arrives as RecordLocked."""
        if not self._state.adding:
            self.version += 1
            self.updated_at = timezone.now()
            if kwargs.get("update_fields") is not None:
                kwargs["update_fields"] = {*kwargs["update_fields"], "version", "updated_at"}
        with lock_refusals():
            super().save(*args, **kwargs)
        if hasattr(self, "form_status"):
            self._stored_form_status = self.form_status

    @property
    def is_voided(self) -> bool:
        return self.voided_at is not None

    @property
    def change_needs_reason(self) -> bool:
        """Changing this record needs a reason for change: it was saved as complete
        (issue 4, ICH E6(R3) 4.2.2). A form saved "in progress" may be changed freely
        until it is first saved complete; a record without a form status is complete
        once saved. Ask before applying the new values: it reads the stored status."""
        if self._state.adding or self.pk is None:
            return False
        return getattr(self, "_stored_form_status", FormStatus.COMPLETE) == FormStatus.COMPLETE

    @classmethod
    def from_db(cls, db, field_names, values):
        record = super().from_db(db, field_names, values)
        if "form_status" in field_names:
            # Kept as loaded, so the rule above sees the stored state after a form has
            # put the new values on the instance.
            record._stored_form_status = record.form_status
        return record


# --- Data locks: the database refuses writes to frozen or locked data (issue 4) ----------

# The SQLSTATE the lock trigger raises (class "EL" is not used by PostgreSQL): Python
# recognises it and answers RecordLocked, whichever write path hit it.
LOCK_SQLSTATE = "EL423"


class RecordLocked(Exception):
    """A write refused because a data manager froze or locked the data it touches.
    Views answer it with 423 and the message (ecrf/middleware.py)."""

    def __init__(self, level: str = "locked", lock_id: int | None = None):
        self.level = level
        self.lock_id = lock_id
        if level == "frozen":
            message = _("These data are frozen by a data manager: only queries are allowed.")
        else:
            message = _("These data are locked by a data manager: nothing can be changed.")
        self.message = message
        super().__init__(str(message))


class lock_refusals:  # noqa: N801 (used as a context manager, like transaction.atomic)
    """Turn PostgreSQL's refusal of a write to locked data into RecordLocked."""

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc, tb):
        if exc_type is not None and issubclass(exc_type, DatabaseError):
            cause = exc.__cause__
            if getattr(cause, "sqlstate", None) == LOCK_SQLSTATE:
                # The trigger's DETAIL is "<level>:<lock id>".
                level, _sep, lock_id = (cause.diag.message_detail or "locked:").partition(":")
                raise RecordLocked(level, int(lock_id) if lock_id.isdigit() else None) from exc
        return False


def _lock_scope(model, parent: str | None) -> tuple[str, str, list[tuple[str, str]]]:
    """SQL expressions for the subject, the study and the forms that cover a row of the
    model: (subject, study, [(form table, form id)]). A row is covered by a study-level
    lock, a subject-level lock, a form lock on itself, or a form lock on its parent form
    (the FK named by the model's `lock_parent`, e.g. a lab result's panel)."""
    names = {f.name for f in model._meta.concrete_fields}
    table = model._meta.db_table
    subject_table = apps.get_model("ecrf", "Subject")._meta.db_table
    forms = [(f"'{table}'", 'NEW."id"')]
    if model._meta.label_lower == "ecrf.subject":
        subject = 'NEW."id"'
    elif "subject" in names:
        subject = 'NEW."subject_id"'
    elif parent:
        fk = model._meta.get_field(parent)
        subject = (
            f'(SELECT "subject_id" FROM "{fk.related_model._meta.db_table}"'
            f' WHERE "id" = NEW."{fk.column}")'
        )
    else:
        raise ImproperlyConfigured(
            f"{model._meta.label} has no subject: declare lock_parent (the FK to its form)."
        )
    if parent:
        fk = model._meta.get_field(parent)
        forms.append((f"'{fk.related_model._meta.db_table}'", f'NEW."{fk.column}"'))
    if {"content_type", "object_id"} <= names:
        # A row about a casebook record (a query): covered by a lock on that record. Our
        # tables keep Django's default name, app label + "_" + model name.
        forms.append(
            (
                '(SELECT "app_label" || \'_\' || "model" FROM "django_content_type"'
                ' WHERE "id" = NEW."content_type_id")',
                'NEW."object_id"',
            )
        )
    if "study" in names:
        study = 'NEW."study_id"'
    else:
        study = f'(SELECT "study_id" FROM "{subject_table}" WHERE "id" = {subject})'
    return subject, study, forms


class RefuseWhenLocked(pgtrigger.Trigger):
    """BEFORE INSERT OR UPDATE: refuse the write when a lock in force covers the row.

    "Frozen" allows only queries, "locked" allows nothing (issue 4; ICH E6(R3) 4.2: data
    are locked once cleaned, before analysis). A model whose rows stay writable while
    frozen (queries, and later signatures and SDV) passes allowed_while_frozen=True."""

    when = pgtrigger.Before
    operation = pgtrigger.Insert | pgtrigger.Update
    declare = [("lock_id", "BIGINT"), ("lock_level", "VARCHAR(10)")]

    def __init__(self, *, allowed_while_frozen: bool = False, parent: str | None = None, **kwargs):
        self.allowed_while_frozen = allowed_while_frozen
        # Kept here, not read from the model: migrations compile triggers on model states,
        # which carry fields but no class attributes.
        self.parent = parent
        super().__init__(name="refuse_when_locked", **kwargs)

    def get_func(self, model):
        subject, study, forms = _lock_scope(model, self.parent)
        locks = apps.get_model("ecrf", "DataLock")._meta.db_table
        levels = "'locked'" if self.allowed_while_frozen else "'frozen', 'locked'"
        covers = "\n                   OR ".join(
            f'(lk."form_table" = {form_table} AND lk."form_id" = {form_id})'
            for form_table, form_id in forms
        )
        return f"""
            SELECT lk."id", lk."level" INTO lock_id, lock_level
              FROM "{locks}" lk
             WHERE lk."released_at" IS NULL
               AND lk."level" IN ({levels})
               AND ((lk."form_table" = '' AND lk."subject_id" IS NULL AND lk."study_id" = {study})
                   OR (lk."form_table" = '' AND lk."subject_id" = {subject})
                   OR {covers})
             ORDER BY lk."level" = 'locked' DESC
             LIMIT 1;
            IF FOUND THEN
                RAISE EXCEPTION 'ecrf: % is % (data lock %)', TG_TABLE_NAME, lock_level, lock_id
                    USING ERRCODE = '{LOCK_SQLSTATE}', DETAIL = lock_level || ':' || lock_id;
            END IF;
            RETURN NEW;
        """


def audited(*, allowed_while_frozen: bool | None = None):
    """Database triggers record every insert, update and delete of the model.

    The event table is append-only: pgtrigger Protect triggers make PostgreSQL refuse
    UPDATE and DELETE on it, whoever asks (21 CFR 11.10(e): record changes shall not
    obscure previously recorded information). See ecrf/audit.py for the context.

    Study data (a StudyRecord) is never deleted either: PostgreSQL refuses DELETE on its
    table, and a row entered in error is voided with a reason (issue 4; ICH E6(R3)
    4.2.3). Django does not pass an abstract Meta to children that declare their own, so
    the trigger and the void constraint are added here, where every study table passes.

    Every StudyRecord also gets the RefuseWhenLocked trigger (refused while frozen or
    locked). Another model opts in with `allowed_while_frozen`: True for rows a frozen
    casebook still takes (queries, signatures, SDV), False to refuse them too.
    """

    def decorate(model):
        name = model._meta.model_name
        track = pghistory.track(
            pghistory.InsertEvent(),
            pghistory.UpdateEvent(),
            pghistory.DeleteEvent(),
            append_only=True,
            # A record's events by record, newest first, with what its last change shows:
            # the ODM export's AuditRecord of each row (ecrf/exports.py) reads one entry
            # of this index per row, no table page. It also serves every look-up by
            # record, so pghistory's own index of pgh_obj alone is not kept.
            obj_field=pghistory.ObjForeignKey(related_name="events", db_index=False),
            meta={
                "indexes": [
                    models.Index(
                        F("pgh_obj"),
                        F("pgh_id").desc(),
                        include=["pgh_created_at", "pgh_context"],
                        name=f"ev_{name}_last",
                    )
                ]
            },
        )
        if issubclass(model, StudyRecord):
            pgtrigger.register(
                pgtrigger.Protect(name="protect_delete", operation=pgtrigger.Delete)
            )(model)
        if issubclass(model, StudyRecord) or allowed_while_frozen is not None:
            trigger = RefuseWhenLocked(
                allowed_while_frozen=bool(allowed_while_frozen),
                parent=getattr(model, "lock_parent", None),
            )
            pgtrigger.register(trigger)(model)
        if issubclass(model, StudyRecord):
            constraint = models.CheckConstraint(
                condition=Q(voided_at__isnull=True) | ~Q(void_reason=""),
                name=f"{model._meta.model_name}_voided_has_reason",
            )
            model._meta.constraints = [*model._meta.constraints, constraint]
            model._meta.original_attrs["constraints"] = model._meta.constraints
        return track(model)

    return decorate


class Role(models.TextChoices):
    SITE_STAFF = "site_staff", _("Site staff")
    INVESTIGATOR = "investigator", _("Investigator")
    MONITOR = "monitor", _("Monitor")
    SAFETY_REVIEWER = "safety_reviewer", _("Safety reviewer")
    DATA_MANAGER = "data_manager", _("Data manager")


# Only these roles enter study data; everyone else reads (issue 2, access).
DATA_ENTRY_ROLES = frozenset({Role.SITE_STAFF, Role.INVESTIGATOR})


def validate_time_zone(value: str) -> None:
    if value not in zoneinfo.available_timezones():
        raise ValidationError(_("%(tz)s is not a known time zone."), params={"tz": value})


class Study(models.Model):
    registry_id = models.CharField(
        _("registry id"),
        max_length=11,
        unique=True,
        validators=[RegexValidator(r"^NCT\d{8}$", _("Enter an NCT number, e.g. NCT06996392."))],
    )
    package = models.CharField(
        _("protocol package"), max_length=100, unique=True, help_text=_("e.g. studies.qh1a")
    )
    title = models.CharField(_("title"), max_length=300)
    phase = models.CharField(_("phase"), max_length=30, help_text=_("As registered."))
    target_enrolment = models.PositiveIntegerField(_("target enrolment"))
    options = models.JSONField(
        _("protocol options"),
        default=dict,
        blank=True,
        help_text=_("Overrides of the protocol's proposed defaults, e.g. screening_window_days."),
    )

    class Meta:
        verbose_name = _("study")
        verbose_name_plural = _("studies")
        ordering = ["registry_id"]

    def __str__(self) -> str:
        return self.registry_id

    @cached_property
    def protocol(self) -> Protocol:
        return get_protocol(self.package)

    @cached_property
    def effective_options(self) -> StudyOptions:
        """The newest options (those of the last version made in the admin), for the
        study-wide displays that show one value (the protocol page, the SDTM trial
        design). A rule reads the options of the version that judges it (issue 21):
        protocol_for / protocol_in_force, and ecrf.versions.option_group for groups."""
        return self.protocol.options.updated(self.options or {})

    def clean(self) -> None:
        try:
            check_options(self.options, self.protocol)
        except (ValueError, TypeError) as exc:
            raise ValidationError({"options": str(exc)}) from None


class Site(models.Model):
    study = models.ForeignKey(Study, on_delete=models.PROTECT, related_name="sites")
    code = models.CharField(
        _("site code"),
        max_length=10,
        validators=[RegexValidator(r"^[A-Z0-9]+$", _("Use capital letters and digits."))],
    )
    name = models.CharField(_("name"), max_length=200)
    # Shown in the Chinese interface (issue 19 item 8); the English name elsewhere.
    name_zh = models.CharField(_("name in Chinese"), max_length=200, blank=True)
    city = models.CharField(_("city"), max_length=100, blank=True)
    time_zone = models.CharField(
        _("time zone"), max_length=64, default="Asia/Shanghai", validators=[validate_time_zone]
    )

    class Meta:
        verbose_name = _("site")
        verbose_name_plural = _("sites")
        ordering = ["study", "code"]
        constraints = [
            models.UniqueConstraint(fields=["study", "code"], name="site_code_unique_in_study")
        ]

    def __str__(self) -> str:
        return f"{self.code} ({self.study_id and self.study.registry_id})"

    @property
    def localised_name(self) -> str:
        """The name in the interface's language: Chinese where it has one."""
        return in_language(self.name, self.name_zh)


@audited()
class Membership(models.Model):
    """A user's role at one site of one study."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships"
    )
    site = models.ForeignKey(Site, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [
            models.UniqueConstraint(fields=["user", "site"], name="membership_one_role_per_site")
        ]

    def __str__(self) -> str:
        return f"{self.user} — {self.get_role_display()} @ {self.site}"


@audited()
class Arm(models.Model):
    """An arm or cohort's state in the database; its design is in the protocol module."""

    study = models.ForeignKey(Study, on_delete=models.PROTECT, related_name="arms")
    code = models.CharField(_("arm code"), max_length=8)
    label = models.CharField(_("label"), max_length=100)
    # From the protocol's declaration (Arm.label_zh), shown in the Chinese interface.
    label_zh = models.CharField(_("label in Chinese"), max_length=100, blank=True)
    order = models.PositiveSmallIntegerField(_("order"))
    capacity = models.PositiveSmallIntegerField(_("capacity"))
    is_open = models.BooleanField(
        _("open for enrolment"),
        default=False,
        help_text=_("Later cohorts open only by a Safety Evaluation Committee decision."),
    )
    # Set for arms whose duration is decided later (QH-1A multiple-treatment group).
    planned_minutes = models.PositiveSmallIntegerField(_("planned duration (min)"), null=True)

    class Meta:
        verbose_name = _("arm / cohort")
        verbose_name_plural = _("arms / cohorts")
        ordering = ["study", "order"]
        constraints = [
            models.UniqueConstraint(fields=["study", "code"], name="arm_code_unique_in_study")
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.label}"

    @property
    def localised_label(self) -> str:
        """The label in the interface's language: Chinese where the protocol gives one."""
        return in_language(self.label, self.label_zh)

    @property
    def design(self):
        return self.study.protocol.arm(self.code)


class Sex(models.TextChoices):
    MALE = "M", _("Male")
    FEMALE = "F", _("Female")


class SubjectStatus(models.TextChoices):
    SCREENING = "screening", _("Screening")
    SCREEN_FAILED = "screen_failed", _("Screen failed")
    ENROLLED = "enrolled", _("Enrolled")


class FormStatus(models.TextChoices):
    """Where a form is in its life. Later states (source-verified, signed, locked) are
    added by the data-integrity work."""

    IN_PROGRESS = "in_progress", _("In progress")
    COMPLETE = "complete", _("Complete")


class CaseReportForm(StudyRecord):
    """A form of a subject's casebook: the subject, and the form's status."""

    subject = models.ForeignKey("ecrf.Subject", on_delete=models.PROTECT, related_name="+")
    form_status = models.CharField(
        _("form status"), max_length=20, choices=FormStatus.choices, default=FormStatus.COMPLETE
    )

    class Meta:
        abstract = True


@audited()
class Subject(StudyRecord):
    """A screened person. No names or other direct identifiers are stored."""

    study = models.ForeignKey(Study, on_delete=models.PROTECT, related_name="subjects")
    site = models.ForeignKey(Site, on_delete=models.PROTECT, related_name="subjects")
    screening_number = models.CharField(_("screening number"), max_length=20, editable=False)
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=SubjectStatus.choices,
        default=SubjectStatus.SCREENING,
        editable=False,
    )
    sex = models.CharField(_("sex"), max_length=1, choices=Sex.choices)
    date_of_birth = models.DateField(_("date of birth"))
    height_cm = models.DecimalField(
        _("height (cm)"),
        max_digits=4,
        decimal_places=1,
        validators=[MinValueValidator(Decimal("100")), MaxValueValidator(Decimal("230"))],
        help_text=_("100–230 cm."),
    )
    weight_kg = models.DecimalField(
        _("weight (kg)"),
        max_digits=4,
        decimal_places=1,
        validators=[MinValueValidator(Decimal("25")), MaxValueValidator(Decimal("250"))],
        help_text=_("Baseline weight, 25–250 kg."),
    )
    consent_date = models.DateField(_("informed consent date"))
    consent_version = models.CharField(
        _("informed consent form version"), max_length=20, help_text=_("As printed on the form.")
    )
    screening_date = models.DateField(_("screening date"))
    # Issue 21: the protocol version in force at the site on the screening date, which the
    # subject was screened and consented under; a re-consent moves them to a later one.
    # Empty only for a subject screened before versions were recorded: 1.0 (migration 0032
    # changed no subject row, so that a locked casebook stays untouched).
    protocol_version = models.ForeignKey(
        "ecrf.StudyVersion",
        on_delete=models.PROTECT,
        related_name="+",
        editable=False,
        null=True,
        verbose_name=_("protocol version"),
    )
    # Spec §2.1: asked of women; CiPS-BAL exclusion EX03 depends on them.
    childbearing_potential = models.BooleanField(
        _("woman of child-bearing potential"), null=True, blank=True
    )
    pregnancy_test = models.CharField(
        _("pregnancy test"),
        max_length=12,
        blank=True,
        choices=[
            ("negative", _("Negative")),
            ("positive", _("Positive")),
            ("not_done", _("Not done")),
        ],
    )
    breastfeeding = models.BooleanField(_("breastfeeding"), null=True, blank=True)

    class Meta:
        verbose_name = _("subject")
        verbose_name_plural = _("subjects")
        ordering = ["study", "screening_number"]
        constraints = [
            models.UniqueConstraint(
                fields=["study", "screening_number"], name="subject_number_unique_in_study"
            ),
            # ICH GCP: consent precedes every study procedure (spec T2).
            models.CheckConstraint(
                condition=Q(screening_date__gte=F("consent_date")),
                name="subject_consent_before_screening",
            ),
            models.CheckConstraint(
                condition=Q(consent_date__gt=F("date_of_birth")),
                name="subject_born_before_consent",
            ),
            models.CheckConstraint(
                condition=Q(weight_kg__gte=25, weight_kg__lte=250), name="subject_weight_range"
            ),
            models.CheckConstraint(
                condition=Q(height_cm__gte=100, height_cm__lte=230), name="subject_height_range"
            ),
        ]
        indexes = [models.Index(fields=["site", "status"], name="subject_site_status_idx")]

    def __str__(self) -> str:
        return self.screening_number

    def clean(self) -> None:
        errors = {}
        today = timezone.localdate()
        if self.consent_date and self.consent_date > today:
            errors["consent_date"] = _("The consent date cannot be in the future.")
        if self.screening_date and self.screening_date > today:
            errors["screening_date"] = _("The screening date cannot be in the future.")
        if self.date_of_birth and self.consent_date and self.date_of_birth >= self.consent_date:
            errors["date_of_birth"] = _("The date of birth must be before the consent date.")
        if (
            self.consent_date
            and self.screening_date
            and self.screening_date < self.consent_date
            and "screening_date" not in errors
        ):
            errors["screening_date"] = _(
                "Screening cannot precede informed consent (consent %(date)s)."
            ) % {"date": self.consent_date.isoformat()}
        if self.sex == Sex.MALE and (
            self.childbearing_potential or self.pregnancy_test or self.breastfeeding
        ):
            errors["childbearing_potential"] = _("Asked of women only.")
        if errors:
            raise ValidationError(errors)

    @property
    def age_at_consent(self) -> int | None:
        from ecrf.protocol import age_at

        if self.date_of_birth and self.consent_date:
            return age_at(self.date_of_birth, self.consent_date)
        return None


form_registry.register(
    Subject,
    casebook_order=10,
    queryable=True,
    subject_path="",
    sdtm_domain="DM",
    sdtm_variables={
        "site": "SITEID",
        "screening_number": "SUBJID",
        "sex": "SEX",
        "date_of_birth": "BRTHDTC",
        "consent_date": "RFICDTC",
        "height_cm": "VSORRES where VSTESTCD=HEIGHT",
        "weight_kg": "VSORRES where VSTESTCD=WEIGHT",
        "screening_date": "VSDTC where VSTESTCD=HEIGHT",
    },
)


@audited()
class EligibilityAnswer(StudyRecord):
    """One answer per criterion (spec §2.2). The criterion text is kept as it was asked."""

    subject = models.ForeignKey(
        Subject, on_delete=models.PROTECT, related_name="eligibility_answers"
    )
    criterion_code = models.CharField(_("criterion"), max_length=10)
    criterion_text = models.TextField(_("criterion text"))
    answer = models.BooleanField(_("answer"))

    class Meta:
        verbose_name = _("eligibility answer")
        verbose_name_plural = _("eligibility answers")
        ordering = ["subject", "criterion_code"]
        constraints = [
            models.UniqueConstraint(
                fields=["subject", "criterion_code"], name="eligibility_one_answer_per_criterion"
            )
        ]

    def __str__(self) -> str:
        return f"{self.subject} {self.criterion_code}: {'Y' if self.answer else 'N'}"


form_registry.register(
    EligibilityAnswer,
    casebook_order=20,
    queryable=True,
    casebook_signature=True,
    # SDTM IE holds only the criteria not met (ecrf/sdtm/histories.py).
    sdtm_domain="IE",
    sdtm_variables={
        "criterion_code": "IETESTCD",
        "criterion_text": "IETEST",
        "answer": "IEORRES",
    },
)


@audited()
class ScreenFailure(StudyRecord):
    subject = models.OneToOneField(Subject, on_delete=models.PROTECT, related_name="screen_failure")
    date = models.DateField(_("date of screen failure"))
    failed_criteria = ArrayField(
        models.CharField(max_length=10), verbose_name=_("criteria not met"), blank=True
    )
    other_reason = models.TextField(
        _("other reason"),
        blank=True,
        help_text=_("E.g. withdrew consent, died before treatment."),
    )

    class Meta:
        verbose_name = _("screen failure")
        verbose_name_plural = _("screen failures")
        constraints = [
            models.CheckConstraint(
                condition=~Q(failed_criteria=[]) | ~Q(other_reason=""),
                name="screen_failure_has_reason",
            )
        ]

    def __str__(self) -> str:
        return f"{self.subject} screen failure {self.date}"


form_registry.register(
    ScreenFailure,
    casebook_order=30,
    queryable=True,
    sdtm_domain="DS",
    sdtm_variables={
        "date": "DSSTDTC where DSDECOD=SCREEN FAILURE",
        "failed_criteria": "DSTERM where DSDECOD=SCREEN FAILURE",
        "other_reason": "DSTERM where DSDECOD=SCREEN FAILURE",
    },
)


@audited()
class Enrolment(StudyRecord):
    subject = models.OneToOneField(Subject, on_delete=models.PROTECT, related_name="enrolment")
    arm = models.ForeignKey(Arm, on_delete=models.PROTECT, related_name="enrolments")
    enrolment_date = models.DateField(_("enrolment date"))
    planned_first_treatment = models.DateField(
        _("planned first treatment"),
        help_text=_("Date of the first BAL session; screening must fall within the window."),
    )
    # Issue 18: an enrolment entered after the fact says why (required by subject_enrol
    # when the enrolment date is before the site's today).
    reason = models.TextField(
        _("reason for entering it late"),
        blank=True,
        help_text=_("Required when the enrolment date is before today."),
    )

    class Meta:
        verbose_name = _("enrolment")
        verbose_name_plural = _("enrolments")
        constraints = [
            models.CheckConstraint(
                condition=Q(planned_first_treatment__gte=F("enrolment_date")),
                name="enrolment_treatment_not_before_enrolment",
            )
        ]

    def __str__(self) -> str:
        return f"{self.subject} → {self.arm.code}"

    def clean(self) -> None:
        if self.enrolment_date and self.enrolment_date > timezone.localdate():
            raise ValidationError(
                {"enrolment_date": _("The enrolment date cannot be in the future.")}
            )
        if (
            self.enrolment_date
            and self.planned_first_treatment
            and self.planned_first_treatment < self.enrolment_date
        ):
            raise ValidationError(
                {"planned_first_treatment": _("The first treatment cannot precede enrolment.")}
            )


form_registry.register(
    Enrolment,
    casebook_order=40,
    queryable=True,
    casebook_signature=True,
    name_reads=("arm",),
    sdtm_domain="DM",
    sdtm_variables={"arm": "ARMCD"},
)


def today_in(site: Site) -> dt.date:
    return timezone.localdate(timezone=zoneinfo.ZoneInfo(site.time_zone))
