"""`manage.py end_invitations` also revokes for good the grants of the invitations into
workspaces past their end date (the policy ignores them from the next day already)."""

import datetime
from io import StringIO

from django.core.management import call_command

import pytest

from network_pages import access
from network_pages.access.models import PageUserObjectPermission
from tests.factories.groups import invite_into, make_group, workspace_of

pytestmark = pytest.mark.django_db


def _grants(user):
    return PageUserObjectPermission.objects.filter(user=user).count()


def test_a_past_invitation_loses_its_grant_and_a_current_one_keeps_it(
    frozen_clock, today, people, sent
):
    group = make_group()
    space = workspace_of(group)
    with sent(execute=True):
        past = invite_into(group, by=people.office, email="past@x.example", ends_on=today)
        current = invite_into(
            group, by=people.office, email="now@x.example", ends_on=today + datetime.timedelta(5)
        )
    frozen_clock.shift(datetime.timedelta(days=2))
    for user in (past.user, current.user):
        access.forget(user)
    assert not access.can_view(past.user, space)  # the policy, before the command
    assert _grants(past.user) == 1
    out = StringIO()
    call_command("end_invitations", stdout=out)
    assert "1 invitation(s) into workspaces ended" in out.getvalue()
    assert _grants(past.user) == 0
    assert _grants(current.user) == 1
    assert access.can_view(current.user, space)
    out = StringIO()
    call_command("end_invitations", stdout=out)  # nothing left to end
    assert "0 invitation(s) into workspaces ended" in out.getvalue()
