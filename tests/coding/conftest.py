"""The adverse-event fixtures, for the coding tests."""

from tests.adverse_events.conftest import enrolled, report_ae  # noqa: F401
