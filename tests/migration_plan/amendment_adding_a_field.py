"""A draft version of CiPS-BAL for the export tests only (never the demo's): 9.2 first
asks the liver imaging's findings, so the versions before it do not have that field."""

import datetime as dt

from ecrf.protocol import ProtocolVersion
from studies.cips_bal.protocol import PROTOCOL

PACKAGE = "studies.cips_bal"

VERSIONS = (
    ProtocolVersion(
        "9.2",
        dt.date(2026, 11, 3),
        "Test: the imaging's findings first asked.",
        PROTOCOL,
        added_fields=frozenset({"ecrf.liverimaging.findings"}),
    ),
)
