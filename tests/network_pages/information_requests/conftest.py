"""Information requests: deadlines decide what opens, what is late and who is reminded, so every
test here runs on a frozen clock."""

import pytest

from network_pages.core.roles import CORRESPONDENTS
from tests.factories.accounts import UserFactory


@pytest.fixture(autouse=True)
def _frozen(frozen_clock):
    """Stop the clock before any request is built."""


@pytest.fixture
def network(people):
    """Correspondents of France, Germany, Italy and Spain: the four states a request goes to."""
    people.corr_it = UserFactory(username="corr-it", roles=[CORRESPONDENTS], state="IT")
    people.corr_es = UserFactory(username="corr-es", roles=[CORRESPONDENTS], state="ES")
    return people
