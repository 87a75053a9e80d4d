"""CiPS-BAL's own fields (issue 20 item 3: a field that exists for one study lives in that
study's package): the functional fraction of a session's cells, and the small-for-size
syndrome's index operation. Each is a part of a core form, registered `part_of` it: voided, locked,
audited and exported with it, and entered on its page (the study's forms.py)."""

from decimal import Decimal

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from ecrf import form_registry
from ecrf.models import LiverFailureDiagnosis, StudyRecord, TreatmentSession
from ecrf.models.core import audited, between
from studies.cips_bal.protocol import graft_recipient_weight_ratio


@audited()
class FunctionalHepatocytes(StudyRecord):
    """The marker-positive fraction of a session's cell product (spec §3.1: "Functional
    cells = viable cells × functional-marker fraction/100"); CiPS-BAL doses by it."""

    # Part of its session form: a lock on the session covers it (RefuseWhenLocked).
    lock_parent = "session"

    session = models.ForeignKey(
        TreatmentSession, on_delete=models.PROTECT, related_name="functional_hepatocytes"
    )
    functional_percent = models.DecimalField(
        _("functional hepatocytes (%)"),
        max_digits=4,
        decimal_places=1,
        validators=between(Decimal(0), Decimal(100)),
        null=True,
        blank=True,
        help_text=_("CiPS-BAL: marker-positive fraction (e.g. ALB+ by flow cytometry)."),
    )

    class Meta:
        verbose_name = _("functional hepatocytes")
        verbose_name_plural = _("functional hepatocytes")
        constraints = [
            models.UniqueConstraint(
                fields=["session"],
                condition=Q(voided_at__isnull=True),
                name="functional_hepatocytes_once_per_session",
            )
        ]

    def __str__(self) -> str:
        return f"{self.session} {self.functional_percent} %"


form_registry.register(
    FunctionalHepatocytes,
    casebook_order=111,
    part_of="session",
    sdtm_domain="EX",
    sdtm_variables={"functional_percent": "FUNCPCT in SUPPEX"},
)


class SfssOperation(models.TextChoices):
    LIVING_DONOR = "living_donor", _("Living-donor liver transplantation")
    SPLIT = "split", _("Split deceased-donor liver transplantation")
    HEPATECTOMY = "hepatectomy", _("Extended hepatectomy")
    OTHER = "other", _("Other")


@audited()
class SmallForSizeOperation(StudyRecord):
    """The index operation of small-for-size syndrome (spec §2.5), part of the liver-failure
    diagnosis: CiPS-BAL admits SFSS ([REG-A] IN01 "... or small-for-size syndrome")."""

    # Part of its diagnosis form: a lock on the diagnosis covers it (RefuseWhenLocked).
    lock_parent = "diagnosis"

    diagnosis = models.ForeignKey(
        LiverFailureDiagnosis, on_delete=models.PROTECT, related_name="small_for_size"
    )
    sfss_operation = models.CharField(
        _("index operation"), max_length=15, choices=SfssOperation.choices, blank=True
    )
    sfss_operation_date = models.DateField(_("operation date"), null=True, blank=True)
    graft_weight_g = models.PositiveSmallIntegerField(
        _("graft weight (g)"), null=True, blank=True, validators=between(150, 2000)
    )

    class Meta:
        verbose_name = _("small-for-size syndrome")
        verbose_name_plural = _("small-for-size syndrome")
        constraints = [
            models.UniqueConstraint(
                fields=["diagnosis"],
                condition=Q(voided_at__isnull=True),
                name="small_for_size_once_per_diagnosis",
            )
        ]

    def __str__(self) -> str:
        return f"{self.diagnosis} {self.sfss_operation}"

    def derived(self) -> list[tuple[str, object]]:
        """GRWR, shown beside the operation (spec §3.6)."""
        grwr = graft_recipient_weight_ratio(self.graft_weight_g, self.diagnosis.subject.weight_kg)
        return [] if grwr is None else [(_("GRWR (derived)"), f"{grwr} %")]


form_registry.register(SmallForSizeOperation, casebook_order=61, part_of="diagnosis")
