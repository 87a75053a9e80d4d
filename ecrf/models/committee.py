"""The Safety Evaluation Committee's signed decisions (QH-1A; spec §2.15, §5.4), and the
log of refused attempts to get round the cohort gate.

Both tables are append-only: PostgreSQL refuses UPDATE and DELETE on them, whoever
asks. A decision is a signed record (21 CFR 11.50: printed name, date and time, meaning);
a later decision supersedes it, nothing edits it.
"""

import pgtrigger
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ecrf.models.core import audited
from ecrf.times import local_text


class Decision(models.TextChoices):
    # Spec §5.4 "Options the eCRF must support" (the cohort-level ones).
    PROCEED = "proceed", _("Proceed to the next cohort")
    EXPAND = "expand", _("Expand the current cohort")
    STOP = "stop", _("Stop escalation (close later cohorts)")
    SET_MTD = (
        "set_mtd",
        _("Set the maximum tolerated duration (opens the multiple-treatment group)"),
    )


@audited()
class CommitteeDecision(models.Model):
    """One signed decision of the Safety Evaluation Committee on a reviewed cohort."""

    study = models.ForeignKey(
        "ecrf.Study", on_delete=models.PROTECT, related_name="committee_decisions"
    )
    arm = models.ForeignKey(
        "ecrf.Arm",
        on_delete=models.PROTECT,
        related_name="committee_decisions",
        verbose_name=_("cohort reviewed"),
    )
    decision = models.CharField(_("decision"), max_length=10, choices=Decision.choices)
    mtd_minutes = models.PositiveSmallIntegerField(
        _("maximum tolerated duration (min)"), null=True, blank=True
    )
    additional_subjects = models.PositiveSmallIntegerField(
        _("subjects added to the cohort"), null=True, blank=True
    )
    # The arm the decision opened (the next cohort, or the multiple-treatment group).
    opened_arm = models.ForeignKey(
        "ecrf.Arm",
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
        blank=True,
        verbose_name=_("cohort opened"),
    )
    rationale = models.TextField(_("rationale"), max_length=4000)
    meeting_date = models.DateField(_("meeting date"))
    # 21 CFR 11.50(a): the printed name of the signer, the date and time, and the meaning.
    signed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    printed_name = models.CharField(_("printed name of the signer"), max_length=150)
    signed_at = models.DateTimeField(_("signed at"), default=timezone.now)
    signature_meaning = models.CharField(_("meaning of the signature"), max_length=200)

    class Meta:
        verbose_name = _("committee decision")
        verbose_name_plural = _("committee decisions")
        ordering = ["study", "signed_at"]
        indexes = [models.Index(fields=["study", "signed_at"], name="committee_study_idx")]
        constraints = [
            models.CheckConstraint(
                condition=Q(decision="set_mtd", mtd_minutes__isnull=False)
                | (~Q(decision="set_mtd") & Q(mtd_minutes__isnull=True)),
                name="committee_mtd_only_when_setting_it",
            ),
            models.CheckConstraint(
                condition=Q(decision="expand", additional_subjects__gte=1)
                | (~Q(decision="expand") & Q(additional_subjects__isnull=True)),
                name="committee_expansion_has_a_size",
            ),
            models.CheckConstraint(
                condition=~Q(rationale="") & ~Q(printed_name="") & ~Q(signature_meaning=""),
                name="committee_decision_signed_with_rationale",
            ),
        ]
        triggers = [
            pgtrigger.Protect(
                name="committee_decision_append_only",
                operation=pgtrigger.Update | pgtrigger.Delete,
            )
        ]

    def __str__(self) -> str:
        return f"{self.arm.code}: {self.get_decision_display()} ({self.meeting_date})"

    def clean(self) -> None:
        if self.meeting_date and self.meeting_date > timezone.localdate():
            raise ValidationError({"meeting_date": _("The meeting date cannot be in the future.")})


class GateChannel(models.TextChoices):
    ENROLMENT = "enrolment", _("Enrolment")
    ADMIN = "admin", _("Administration (arm edit)")


@audited()
class GateRefusal(models.Model):
    """A refused attempt: an enrolment a protocol rule refused (e.g. into a cohort the
    committee has not opened), or an edit of an arm's open state or duration outside a
    committee decision. Monitors and safety reviewers read it (ICH E6(R3) 3.16.1)."""

    at = models.DateTimeField(_("time"), default=timezone.now)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True
    )
    channel = models.CharField(_("channel"), max_length=10, choices=GateChannel.choices)
    subject = models.ForeignKey(
        "ecrf.Subject", on_delete=models.PROTECT, related_name="+", null=True, blank=True
    )
    arm = models.ForeignKey("ecrf.Arm", on_delete=models.PROTECT, related_name="+")
    rules = models.CharField(_("rules"), max_length=200)
    message = models.TextField(_("message"))

    class Meta:
        verbose_name = _("refused cohort-gate attempt")
        verbose_name_plural = _("refused cohort-gate attempts")
        ordering = ["-at"]
        indexes = [models.Index(fields=["arm", "at"], name="gate_refusal_arm_idx")]
        triggers = [
            pgtrigger.Protect(
                name="gate_refusal_append_only", operation=pgtrigger.Update | pgtrigger.Delete
            )
        ]

    def __str__(self) -> str:
        return f"{local_text(self.at)} {self.arm} {self.rules}"
