"""A draft version of CiPS-BAL for the guard's tests only (never the demo's, never
published): 9.0 drops the liver imaging from every visit (a removal, not a hide), 9.1
hides one of its fields instead."""

import dataclasses
import datetime as dt

from ecrf.protocol import ProtocolVersion
from studies.cips_bal.protocol import PROTOCOL

PACKAGE = "studies.cips_bal"

WITHOUT_IMAGING = dataclasses.replace(
    PROTOCOL,
    visits=tuple(
        dataclasses.replace(v, forms=tuple(f for f in v.forms if f != "ecrf.liverimaging"))
        for v in PROTOCOL.visits
    ),
)

VERSIONS = (
    ProtocolVersion("9.0", dt.date(2026, 11, 1), "Test: liver imaging removed.", WITHOUT_IMAGING),
    ProtocolVersion(
        "9.1",
        dt.date(2026, 11, 2),
        "Test: the imaging's findings hidden for new entries.",
        PROTOCOL,
        hidden_fields=frozenset({"ecrf.liverimaging.findings"}),
    ),
)
