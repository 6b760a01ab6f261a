"""Who acts for which member state."""


def state_to_act_for(user, code=None):
    """The member state whose records the user handles: their own when they belong to exactly
    one, or the one `code` names when they speak for it (the Office speaks for every state)."""
    from django.core.exceptions import PermissionDenied
    from django.shortcuts import get_object_or_404

    from network_pages.access import single_state, speaks_for_state
    from network_pages.accounts.models import MemberState

    if code is None:
        state = single_state(user)
    else:
        state = get_object_or_404(MemberState, code=code.upper())
    if state is None or not speaks_for_state(user, state.pk):
        raise PermissionDenied
    return state
