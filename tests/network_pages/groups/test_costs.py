"""The groups' pages cost the same number of queries however many groups, members, rapporteurs
and workspace items there are (the figures themselves: `make bench`)."""

import pytest

from network_pages.groups.models import WorkspaceItemPage
from tests.factories.accounts import UserFactory
from tests.factories.groups import (
    designate,
    group_index,
    join,
    make_group,
    workspace_of,
    write_item,
)

pytestmark = pytest.mark.django_db

STATES = ["ES", "PT", "NL", "PL", "GR", "SE", "BE", "AT"]


def _grow(group, people, start, count):
    """`count` more groups, members (each of a state, with a rapporteur among them) and items."""
    for number in range(start, start + count):
        make_group(f"Group {number:02}")
        member = UserFactory(
            username=f"member-{number}", roles=["Correspondents"], state=STATES[number % 8]
        )
        join(group, member)
        write_item(group, member, f"Note {number:02}", language="fr" if number % 2 else "en")
        if number % 3 == 0:
            designate(member, group)


def test_the_lists_and_the_workspace_cost_the_same_with_few_and_many(
    people, tree, query_costs, sent
):
    group = join(make_group("Children on the move"), people.corr_de)
    space = workspace_of(group)
    urls = [
        group_index("en").url,
        group_index("fr").url,
        group.url,
        group.get_translation(tree.fr).url,
        space.url,
        space.get_translation(tree.fr).url,
        "/en/intranet/",
        "/fr/intranet/",
    ]
    users = {"corr_de": people.corr_de, "office": people.office}
    with sent(execute=True):
        _grow(group, people, 1, 3)
    few = query_costs.measure(users, urls)
    with sent(execute=True):
        _grow(group, people, 4, 22)
    assert WorkspaceItemPage.objects.filter(locale=tree.en).count() == 25
    many = query_costs.measure(users, urls)
    assert query_costs.grown(few, many) == []
