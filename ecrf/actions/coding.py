"""AE coding by data managers (issue 9; spec §2.11 "R (DM coding)")."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ecrf import access, coding, ctcae
from ecrf.actions.core import ProtocolRefusal
from ecrf.actions.integrity import check_change
from ecrf.models import AdverseEvent, AdverseEventCoding
from ecrf.protocol import Refusal


@transaction.atomic
def ae_code(
    *, adverse_event: AdverseEvent, by, llt_code: str, version: int | None = None
) -> AdverseEventCoding:
    """Code an "Other, specify" AE to a term of the CTCAE v5.0 list, or change its coding.

    A data manager of the AE's site only. The AE row is locked, so two data managers
    cannot both code it from nothing; `version` is the coding's version the form showed
    (0 for none). Changing a coding needs a reason for change (check_change: issue 4,
    ICH E6(R3) 4.2.2); coding again the same term from the same text changes nothing.
    """
    ae = (
        AdverseEvent.objects.select_for_update(of=("self",))
        .select_related("subject")
        .get(pk=adverse_event.pk)
    )
    refusals = []
    if not access.is_data_manager(by, site_id=ae.subject.site_id):
        refusals.append(Refusal("CODE-ROLE", _("Only a data manager of the AE's site codes it.")))
    if not coding.needs_manual_coding(ae):
        refusals.append(
            Refusal(
                "CODE-TERM",
                _('Only an "Other, specify" AE is coded by hand: its CTCAE term codes it.'),
            )
        )
    term = ctcae.load_terms().get(str(llt_code).strip())
    if term is None:
        refusals.append(
            Refusal("CODE-LIST", _("Choose a term from the CTCAE v5.0 list."), "llt_code")
        )
    if refusals:
        raise ProtocolRefusal(refusals)
    row = AdverseEventCoding.all_objects.select_for_update().filter(adverse_event=ae).first()
    if row is None:
        row = AdverseEventCoding(adverse_event=ae, created_by=by)
    elif row.llt_code == term.meddra_code and row.coded_text == ae.other_specify:
        return row
    else:
        # A form opened before someone else coded the AE (version 0) is stale too.
        check_change(row, version=version)
    row.coded_text = ae.other_specify
    row.llt_code, row.term, row.soc = term.meddra_code, term.term, term.soc
    row.coded_by, row.coded_at = by, timezone.now()
    row.full_clean(exclude=["adverse_event", "created_by"])
    row.save()
    return row
