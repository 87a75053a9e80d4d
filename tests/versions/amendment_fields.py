"""Made-up QH-1A versions for the tests of the fields an entry form asks (never the
demo's, never published: the tests publish them as the admin's option changes publish
one). 9.6 no longer asks the respiratory rate of vital signs (hidden for new entries);
9.7 first asks... nothing new of its own but the SpO₂, declared as added in it, so that a
subject on 1.0 or 9.6 is not asked it."""

import datetime as dt

from ecrf.protocol import ProtocolVersion
from studies.qh1a.protocol import PROTOCOL

PACKAGE = "studies.qh1a"

VERSIONS = (
    ProtocolVersion(
        "9.6",
        dt.date(2026, 11, 6),
        "Test: the respiratory rate is no longer asked.",
        PROTOCOL,
        hidden_fields=frozenset({"ecrf.vitalsigns.respiratory_rate"}),
    ),
    ProtocolVersion(
        "9.7",
        dt.date(2026, 11, 7),
        "Test: the SpO₂ is first asked.",
        PROTOCOL,
        added_fields=frozenset({"ecrf.vitalsigns.spo2_percent"}),
    ),
)

# Declared wrongly, for manage.py check's test only (ecrf.E013): never loaded with the above.
WRONG = (
    ProtocolVersion(
        "9.8",
        dt.date(2026, 11, 8),
        "Test: hides a field a new entry cannot leave empty, and one that is no field.",
        PROTOCOL,
        hidden_fields=frozenset({"ecrf.vitalsigns.systolic_bp", "ecrf.vitalsigns.no_such"}),
    ),
)
