"""Fixtures for the audit-trail tests."""

import pytest
from django.contrib.auth import get_user_model


@pytest.fixture
def superuser(db):
    return get_user_model().objects.create_superuser("admin_audit", password="correct-horse-x")


def changes_of(entries, column):
    """[(entry, FieldChange)] for every recorded change of `column`, oldest first."""
    return [
        (entry, change) for entry in entries for change in entry.changes if change.column == column
    ]


def update_to(entries, column, new):
    """The update event that set `column` to `new`, and that change."""
    for entry, change in changes_of(entries, column):
        if entry.action == "update" and change.new == new:
            return entry, change
    raise AssertionError(f"no update of {column} to {new!r} in the trail")
