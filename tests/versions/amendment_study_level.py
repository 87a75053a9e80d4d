"""A made-up QH-1A version for the tests of study-level rules only (never the demo's,
never published: the tests publish it as the admin's option changes publish one).
9.5 enlarges the 4-hour cohort to 4 subjects and shortens the committee's observation to
14 days; the registered 1.0 has [REG-B] "4-hour group (3 patients)" and "a 28-day
observation period"."""

import dataclasses
import datetime as dt

from ecrf.protocol import ProtocolVersion
from studies.qh1a.protocol import PROTOCOL

PACKAGE = "studies.qh1a"

VERSIONS = (
    ProtocolVersion(
        "9.5",
        dt.date(2026, 11, 5),
        "Test: a 4-hour cohort of 4 subjects; a 14-day committee observation.",
        dataclasses.replace(
            PROTOCOL,
            arms=tuple(
                dataclasses.replace(arm, capacity=4) if arm.code == "QH4H" else arm
                for arm in PROTOCOL.arms
            ),
            options=dataclasses.replace(PROTOCOL.options, committee_observation_days=14),
        ),
    ),
)
