"""Proposing a good practice for public release, from its page on the intranet (the page's own
access check has run before)."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from network_pages.core.routing import render_subpage
from network_pages.release import proposals, rules


def propose_practice_view(request, page):
    """GET: what would travel to the public, and what never does; POST: the proposal."""
    if not rules.can_propose_practice(request.user, page):
        raise PermissionDenied
    if request.method == "POST":
        try:
            proposals.propose_practice(page, by=request.user)
        except proposals.Refused as refused:
            messages.error(request, str(refused))
        else:
            messages.success(
                request,
                _(
                    "The practice is proposed for public release: a draft public page is made "
                    "from it, which the Network and the SRSG decide on together."
                ),
            )
        return redirect(page.url)
    return render_subpage(
        request,
        page,
        "network_pages/confirm.html",
        confirm={
            "title": _("Propose “%(title)s” for public release") % {"title": page.title},
            "effects": [
                _(
                    "A draft public page is made from the practice's title, summary and text, "
                    "its themes and the member states it concerns."
                ),
                _(
                    "Its attachments, sources, handling marking and author never travel; nothing "
                    "is public before the joint decision of the Network and the SRSG and the "
                    "Office's precautionary processing."
                ),
            ],
            "button": _("Propose for public release"),
            "possible": True,
        },
    )
