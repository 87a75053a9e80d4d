"""A draft version of QH-1A for the tests only (never the demo's): 2.1 asks an exclusion
criterion of its own, after the demo's made-up 2.0."""

import dataclasses
import datetime as dt

from ecrf.protocol import Criterion, CriterionKind, ProtocolVersion
from studies.qh1a.demo_amendment import PROTOCOL_2_0

PACKAGE = "studies.qh1a"

PROTOCOL_2_1 = dataclasses.replace(
    PROTOCOL_2_0,
    criteria=(
        *PROTOCOL_2_0.criteria,
        Criterion(
            "EX99", CriterionKind.EXCLUSION, "Test: an exclusion criterion first asked in 2.1."
        ),
    ),
)

VERSIONS = (
    ProtocolVersion(
        "2.1",
        dt.date(2026, 11, 2),
        "Test: EX99 first asked.",
        PROTOCOL_2_1,
        fingerprint="bb40370980245a9f",
    ),
)
