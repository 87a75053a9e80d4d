"""AE coding (issue 9; spec §2.11 "MedDRA LLT/PT/SOC + version: R (DM coding)").

Every AE is coded to a term of the shipped CTCAE v5.0 list, with the term's MedDRA LLT
code and system organ class: an AE with a specific CTCAE term by that term itself, an
"Other, specify" AE by a data manager (AdverseEventCoding). Until then, or once the site
has changed the "other, specify" text it was coded from, the AE waits in the coding queue
and exports leave its coded columns empty (an uncoded event, not a guess).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from django.db.models import F, Q, QuerySet

from ecrf import access, ctcae
from ecrf.models import AdverseEvent


@dataclass(frozen=True)
class Coded:
    """An AE's coded values, as the exports write them (SDTM AELLTCD, AEDECOD, AESOC)."""

    llt_code: str
    term: str
    soc: str


@cache
def other_specify_codes() -> frozenset[str]:
    """The MedDRA codes of the 26 "<SOC> - Other, specify" terms."""
    return frozenset(code for code, t in ctcae.load_terms().items() if t.is_other_specify)


def needs_manual_coding(ae: AdverseEvent) -> bool:
    return ae.ctcae_code in other_specify_codes()


def coded(ae: AdverseEvent) -> Coded | None:
    """The AE's coding, or None while it waits for a data manager. Select `coding` with
    the AEs (select_related) to keep a list at one query."""
    row = getattr(ae, "coding", None)
    return coded_values(
        ae.ctcae_code,
        ae.ctcae_term,
        ae.soc,
        ae.other_specify,
        *((row.llt_code, row.term, row.soc, row.coded_text) if row else (None,) * 4),
    )


# The values coded_values() reads, as lookups from an AE (for values_list()).
CODING_LOOKUPS = (
    "ctcae_code",
    "ctcae_term",
    "soc",
    "other_specify",
    "coding__llt_code",
    "coding__term",
    "coding__soc",
    "coding__coded_text",
)


def coded_values(
    ctcae_code, ctcae_term, soc, other_specify, llt_code, term, coded_soc, coded_text
) -> Coded | None:
    """coded(), from plain values (CODING_LOOKUPS): the AE's own term unless it is an
    "Other, specify" one, which takes its data manager's coding of its current text."""
    if ctcae_code not in other_specify_codes():
        return Coded(ctcae_code, ctcae_term, soc)
    if llt_code is None or coded_text != other_specify:
        return None
    return Coded(llt_code, term, coded_soc)


def awaiting_coding(events: QuerySet[AdverseEvent]) -> QuerySet[AdverseEvent]:
    """The "Other, specify" AEs not coded, or coded from a text the site has changed."""
    return events.filter(ctcae_code__in=other_specify_codes()).filter(
        Q(coding__isnull=True) | ~Q(coding__coded_text=F("other_specify"))
    )


def coded_by_hand(events: QuerySet[AdverseEvent]) -> QuerySet[AdverseEvent]:
    """The "Other, specify" AEs whose coding is current (a data manager may change it)."""
    return events.filter(
        ctcae_code__in=other_specify_codes(), coding__coded_text=F("other_specify")
    )


def events_for(user, study) -> QuerySet[AdverseEvent]:
    """The live AEs of the study at the sites where the user is a data manager."""
    return AdverseEvent.objects.filter(
        subject__study=study, subject__site__in=access.data_manager_sites(user, study)
    )


def queue_context(user, study, limit: int) -> dict:
    """A data manager's coding queue (oldest onset first, `limit` rows) and its count:
    two queries, for the queue page and the study home."""
    waiting = awaiting_coding(events_for(user, study))
    return {
        "coding_waiting": waiting.select_related("subject", "coding").order_by("onset_date", "pk")[
            :limit
        ],
        "coding_waiting_total": waiting.count(),
    }
