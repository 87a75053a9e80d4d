"""Data clarification queries: a monitor's or data manager's question about one record of
a subject's casebook (optionally one field of it), answered by the site and closed by the
one who asked. Soft range checks raise them automatically (spec §0: "Soft = value
accepted but raises a query/alert").

The exchange is kept as a thread of messages; the query's status is the thread's latest
step: open → answered → closed, and a closed query may be reopened (open again).
"""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ecrf.models.core import audited, lock_refusals


class QueryStatus(models.TextChoices):
    OPEN = "open", _("Open")
    ANSWERED = "answered", _("Answered")
    CLOSED = "closed", _("Closed")


# Not yet closed: an automatic check does not raise a second query beside one of these.
ACTIVE_STATUSES = (QueryStatus.OPEN, QueryStatus.ANSWERED)


class MessageKind(models.TextChoices):
    RAISE = "raise", _("Raised")
    ANSWER = "answer", _("Answered")
    CLOSE = "close", _("Closed")
    REOPEN = "reopen", _("Reopened")


# Queries go on while the casebook is frozen, not once it is locked (issue 4).
@audited(allowed_while_frozen=True)
class DataQuery(models.Model):
    """A query about one casebook record (any form: a session, a lab result, an AE, the
    subject's registration ...), named by content type and id."""

    study = models.ForeignKey("ecrf.Study", on_delete=models.PROTECT, related_name="queries")
    subject = models.ForeignKey("ecrf.Subject", on_delete=models.PROTECT, related_name="queries")
    content_type = models.ForeignKey(
        ContentType, on_delete=models.PROTECT, related_name="+", verbose_name=_("form")
    )
    object_id = models.PositiveBigIntegerField(_("record id"))
    record = GenericForeignKey("content_type", "object_id")
    # The record as people name it ("SYSU3-001 S1"), kept so that lists need not load
    # every record they mention.
    record_label = models.CharField(_("record"), max_length=200)
    field = models.CharField(
        _("field"), max_length=60, blank=True, help_text=_("Blank: the query is about the form.")
    )
    text = models.TextField(_("query"))
    status = models.CharField(
        _("status"), max_length=10, choices=QueryStatus.choices, default=QueryStatus.OPEN
    )
    automatic = models.BooleanField(_("raised by the system"), default=False)
    rule = models.CharField(
        _("rule"), max_length=30, blank=True, help_text=_("The soft check that raised it.")
    )
    raised_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("raised by"),
    )
    raised_at = models.DateTimeField(_("raised at"), default=timezone.now)
    version = models.PositiveIntegerField(default=1, editable=False)
    updated_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        verbose_name = _("data query")
        verbose_name_plural = _("data queries")
        ordering = ["-raised_at", "-pk"]
        constraints = [
            # A soft check raises one query per record, field and rule until it is closed.
            models.UniqueConstraint(
                fields=["content_type", "object_id", "field", "rule"],
                condition=Q(automatic=True, status__in=["open", "answered"]),
                name="query_automatic_once_while_active",
            ),
            models.CheckConstraint(
                condition=Q(automatic=False, raised_by__isnull=False)
                | Q(automatic=True, raised_by__isnull=True) & ~Q(rule=""),
                name="query_raised_by_a_person_or_a_rule",
            ),
        ]
        indexes = [
            # Counts per subject (study page, casebook) and per record (form pages).
            models.Index(fields=["subject", "status"], name="query_subject_status_idx"),
            models.Index(
                fields=["content_type", "object_id", "status"], name="query_record_status_idx"
            ),
            # Work lists and the study's list, newest first.
            models.Index(fields=["study", "status", "raised_at"], name="query_study_status_idx"),
        ]

    def __str__(self) -> str:
        return f"Q{self.pk} {self.record_label}"

    def save(self, *args, **kwargs):
        with lock_refusals():  # the lock trigger's refusal arrives as RecordLocked
            super().save(*args, **kwargs)

    @property
    def form_name(self) -> str:
        return str(self.content_type.model_class()._meta.verbose_name)

    @property
    def field_label(self) -> str:
        """The field's question text, or its name if the form no longer has it."""
        if not self.field:
            return ""
        model = self.content_type.model_class()
        try:
            model_field = model._meta.get_field(self.field)
        except (FieldDoesNotExist, AttributeError):  # a field or model removed since
            return self.field
        return str(getattr(model_field, "verbose_name", self.field))


@audited(allowed_while_frozen=True)
class DataQueryMessage(models.Model):
    """One step of a query's thread; `author` is None for the system."""

    lock_parent = "query"

    query = models.ForeignKey(DataQuery, on_delete=models.PROTECT, related_name="messages")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("author"),
    )
    at = models.DateTimeField(_("time"), default=timezone.now)
    kind = models.CharField(_("step"), max_length=10, choices=MessageKind.choices)
    text = models.TextField(_("message"), blank=True)

    class Meta:
        verbose_name = _("data query message")
        verbose_name_plural = _("data query messages")
        ordering = ["query", "at", "pk"]
        indexes = [models.Index(fields=["query", "at"], name="query_message_thread_idx")]
        constraints = [
            # Raising, answering and reopening say why; closing may be silent.
            models.CheckConstraint(
                condition=Q(kind="close") | ~Q(text=""), name="query_message_text_unless_close"
            )
        ]

    def __str__(self) -> str:
        return f"{self.query} {self.get_kind_display()}"

    def save(self, *args, **kwargs):
        with lock_refusals():
            super().save(*args, **kwargs)


def open_queries_exist_sql(model, record_id: str) -> tuple[str, list]:
    """SQL and its parameters: whether the `model` record whose id is the SQL `record_id`
    has a query still open or answered."""
    content_type = ContentType.objects.get_for_model(model)  # cached by Django
    sql = (
        f'EXISTS (SELECT 1 FROM "{DataQuery._meta.db_table}" q WHERE q."content_type_id" = %s'
        f' AND q."object_id" = {record_id} AND q."status" = ANY(%s))'
    )
    return sql, [content_type.pk, list(ACTIVE_STATUSES)]
