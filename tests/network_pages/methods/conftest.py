"""The working methods and objectives: their records are dated, so every test here runs on a
frozen clock."""

import pytest

from tests.factories import make_governing_texts


@pytest.fixture(autouse=True)
def _frozen(frozen_clock):
    """Stop the clock before any text is built."""


@pytest.fixture
def texts(tree, people):
    """The working methods and the objectives at their revision 1, with French versions."""
    return make_governing_texts(people.srsg)
