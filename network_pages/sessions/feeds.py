"""The views of the personal calendar feeds (`sessions.calendar`): the feed itself, answered for
the owner of its secret address, and the owner's page to copy or reset that address."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _

from network_pages import access
from network_pages.accounts.designations import DesignationBackend
from network_pages.sessions import calendar
from network_pages.sessions.models import CalendarFeed


def _owner(token):
    """The active account whose feed has this secret, as a request would read it (groups that
    follow today's designations; None for a closed account), or None."""
    feed = CalendarFeed.objects.filter(token=token).only("user_id").first()
    user = DesignationBackend().get_user(feed.user_id) if feed else None
    if user is None or access.level(user) < access.Level.EXPERT:
        return None
    return user


def feed_view(request, token):
    user = _owner(token)
    if user is None:
        raise Http404
    with translation.override(user.language):
        name = _("Sessions of the Network of Correspondents on Migration")
    body = calendar.feed_calendar(
        calendar.sessions_for(user),
        lambda page: request.build_absolute_uri(page.get_url(request)),
        name,
    )
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    patch_cache_control(response, private=True, no_cache=True)
    response["X-Robots-Tag"] = "noindex, nofollow"
    response["Referrer-Policy"] = "no-referrer"
    return response


@login_required
def calendar_view(request):
    """The person's calendar address, to copy into a calendar application, and its reset."""
    if access.level(request.user) < access.Level.EXPERT:
        raise PermissionDenied
    feed = calendar.feed_of(request.user)
    if request.method == "POST":
        calendar.reset(feed)
        messages.success(
            request, _("Your calendar has a new address: the old one no longer works.")
        )
        return redirect(request.path)
    address = request.build_absolute_uri(reverse("calendar_feed", args=[feed.token]))
    return render(
        request,
        "network_pages/sessions/calendar.html",
        {"feed": feed, "address": address, "count": len(calendar.sessions_for(request.user))},
    )
