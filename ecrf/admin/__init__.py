"""The Django admin, one module per part of the casebook; every model is registered."""

from ecrf.admin import (  # noqa: F401
    accounts,
    adverse_events,
    alerts,
    audit,
    capture,
    core,
    exports,
    integrity,
    queries,
    signoff,
    versions,
)
