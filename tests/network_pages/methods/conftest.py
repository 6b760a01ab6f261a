"""The working methods and objectives: their records are dated, so every test here runs on a
frozen clock, in English unless a test asks for French."""

from django.utils import translation

import pytest

from tests.factories import make_governing_texts


@pytest.fixture(autouse=True)
def _frozen(frozen_clock):
    """Stop the clock before any text is built."""


@pytest.fixture(autouse=True)
def _english():
    """Messages built outside a request speak the active language: make it English here."""
    with translation.override("en"):
        yield


@pytest.fixture
def texts(tree, people):
    """The working methods and the objectives at their revision 1, with French versions."""
    return make_governing_texts(people.srsg)
