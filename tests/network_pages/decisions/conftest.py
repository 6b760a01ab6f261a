"""Decisions: the sessions they point to are built from today's date, so every test here runs on
a frozen clock."""

import pytest


@pytest.fixture(autouse=True)
def _frozen(frozen_clock):
    """Stop the clock before any session is built."""
