"""Sessions: convocation deadlines, the plenary year, registrations and invitations' end dates
all read the date, so every test here runs on a frozen clock."""

import pytest


@pytest.fixture(autouse=True)
def _frozen(frozen_clock):
    """Stop the clock before any session is built."""
