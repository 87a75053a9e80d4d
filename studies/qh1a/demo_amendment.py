"""A MADE-UP version 2.0 of the QH-1A protocol, for the demo only (issue 21 item 5).

NOT A REAL AMENDMENT. Nothing here is in the registry record (shared/protocol/
NCT06996392-qh-1a.txt): the changes are invented to show how the eCRF handles an
amendment of a dose-escalation trial. This module is loaded only when the demo asks
for it (settings.ECRF_DEMO_VERSIONS) and by the tests that do; the registered protocol
module (studies/qh1a/protocol.py) never imports it.

Version 2.0 against 1.0 (as registered):
- a tightened exclusion: EX02 also excludes vasopressors within 48 hours of screening;
- an added lab test: AFP (tumour marker) at screening;
- an added visit: FS+21 (21 ± 2 days after the final session), vital signs and liver tests;
- a changed window: screening within 21 days before the first treatment (was 14).
"""

import dataclasses
import datetime as dt

from django.utils.translation import gettext_lazy as _

from ecrf.lab_catalogue import Panel
from ecrf.protocol import Anchor, ProtocolVersion, Visit
from studies.qh1a.protocol import PROTOCOL

PACKAGE = "studies.qh1a"

MADE_UP = "[Made up for the demo; not in the registry]"

CRITERIA = tuple(
    dataclasses.replace(
        c,
        text=(
            "Circulatory failure, or vasopressors needed within 48 hours before screening. "
            + MADE_UP
        ),
    )
    if c.code == "EX02"
    else c
    for c in PROTOCOL.criteria
)


def _visits():
    visits = []
    for visit in PROTOCOL.visits:
        if visit.anchor == Anchor.SCREENING:
            visit = dataclasses.replace(visit, panels=(*visit.panels, Panel.TUMOUR_MARKER))
        visits.append(visit)
        if visit.code == "FS+14":
            visits.append(
                Visit(
                    "FS+21",
                    _("Follow-up day 21 after final session (made up for the demo)"),
                    Anchor.FINAL_SESSION,
                    day=21,
                    window_before=2,
                    window_after=2,
                    assessments=(_("Vital signs, liver function"),),
                    forms=("ecrf.vitalsigns", "ecrf.labpanel"),
                    panels=(Panel.LIVER,),
                )
            )
    return tuple(visits)


PROTOCOL_2_0 = dataclasses.replace(
    PROTOCOL,
    criteria=CRITERIA,
    visits=_visits(),
    options=dataclasses.replace(PROTOCOL.options, screening_window_days=21),
)

VERSIONS = (
    ProtocolVersion(
        "2.0",
        dt.date(2026, 11, 1),
        "MADE UP FOR THE DEMO: EX02 tightened (vasopressors within 48 h); AFP at screening; "
        "a follow-up visit at FS+21; screening within 21 days before the first treatment.",
        PROTOCOL_2_0,
        fingerprint="e8aab695e43e852b",
        made_up=True,
    ),
)
