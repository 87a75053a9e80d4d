"""The made-up study's one field of its own: the bioreactor's ammonia clearance in each BAL
session, a part of the core session form (registered `part_of` it)."""

from decimal import Decimal

from django.db import models
from django.db.models import Q

from ecrf import form_registry
from ecrf.models import StudyRecord, TreatmentSession
from ecrf.models.core import audited, between


@audited()
class AmmoniaClearance(StudyRecord):
    """Ammonia removed across the bioreactor, as a percentage of the inflow (made up)."""

    # Part of its session form: a lock on the session covers it (RefuseWhenLocked).
    lock_parent = "session"

    session = models.ForeignKey(
        TreatmentSession, on_delete=models.PROTECT, related_name="ammonia_clearance"
    )
    clearance_percent = models.DecimalField(
        "bioreactor ammonia clearance (%)",
        max_digits=4,
        decimal_places=1,
        validators=between(Decimal(0), Decimal(100)),
    )

    class Meta:
        verbose_name = "ammonia clearance"
        verbose_name_plural = "ammonia clearance"
        constraints = [
            models.UniqueConstraint(
                fields=["session"],
                condition=Q(voided_at__isnull=True),
                name="ammonia_clearance_once_per_session",
            )
        ]

    def __str__(self) -> str:
        return f"{self.session} {self.clearance_percent} %"


form_registry.register(
    AmmoniaClearance,
    casebook_order=112,
    part_of="session",
    sdtm_domain="EX",
    sdtm_variables={"clearance_percent": "NH3CLR in SUPPEX"},
)
