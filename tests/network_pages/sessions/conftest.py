"""Sessions: convocation deadlines, the plenary year, registrations and invitations' end dates
all read the date, so every test here runs on a frozen clock, in English."""

from django.utils import translation

import pytest


@pytest.fixture(autouse=True)
def _frozen(frozen_clock):
    """Stop the clock before any session is built."""


@pytest.fixture(autouse=True)
def _english():
    """Messages built outside a request speak the active language: make it English here."""
    with translation.override("en"):
        yield
