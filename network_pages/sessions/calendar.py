"""Calendars of the sessions: one session's event (the `ical/` route of its page) and each
person's own feed of the sessions they may see (RFC 5545, dates of Europe/Paris), at a secret
address that calendar applications fetch without a cookie, outside `/<lang>/intranet/`.

The feed answers with the access policy for the address's owner, as they stand at that moment: a
reset address stops at once, and so does the feed of a switched-off account, of a correspondent
whose designations have all ended, or of an expert whose invitation has lapsed. Events carry
minimal details (title, dates, place, link): calendar applications copy them to outside services.
"""

import datetime
import secrets

from django.utils import timezone

import vobject
from dateutil import tz

from network_pages import access
from network_pages.sessions.models import CalendarFeed, SessionPage

PRODID = "-//Network of Correspondents on Migration//Sessions//EN"


def new_token():
    return secrets.token_urlsafe(32)


def feed_of(user):
    """The person's feed (made on first use)."""
    feed, _created = CalendarFeed.objects.get_or_create(user=user, defaults={"token": new_token})
    return feed


def reset(feed):
    """A new secret address: the old one stops at once."""
    feed.token = new_token()
    feed.reset_at = timezone.now()
    feed.save(update_fields=["token", "reset_at"])
    return feed


def sessions_for(user):
    """The sessions the person may see, each once, in their language when they may see that
    version, else as first written; by first day."""
    seen = access.viewable(user, SessionPage.objects.all()).select_related("locale")
    chosen = {}
    for page in seen.order_by("pk"):
        kept = chosen.get(page.translation_key)
        preferred = page.locale.language_code == getattr(user, "language", "en")
        if kept is None or (preferred and kept.locale.language_code != page.locale.language_code):
            chosen[page.translation_key] = page
    return sorted(chosen.values(), key=lambda page: (page.starts_on, page.pk))


def _event(calendar, page, link, description=""):
    event = calendar.add("vevent")
    event.add("uid").value = f"session-{page.translation_key}@network-of-correspondents"
    event.add("dtstamp").value = timezone.now().astimezone(tz.UTC)  # vobject writes it as Z
    event.add("summary").value = page.title
    event.add("dtstart").value = page.starts_on
    event.add("dtend").value = page.last_day + datetime.timedelta(days=1)
    if page.place or page.online_link:
        event.add("location").value = page.place or page.online_link
    if description:
        event.add("description").value = description
    event.add("url").value = link


def _calendar(name=None):
    calendar = vobject.iCalendar()
    calendar.add("prodid").value = PRODID
    if name:
        calendar.add("x-wr-calname").value = name
        calendar.add("x-wr-timezone").value = "Europe/Paris"
    return calendar


def session_calendar(page, link):
    """One session, with its numbered agenda (for a member who downloads it)."""
    calendar = _calendar()
    agenda = [f"{number}. {item.title}" for number, item in page.numbered_agenda()]
    _event(calendar, page, link, "\n".join([*agenda, "", link]).strip())
    return calendar.serialize().encode("utf-8")


def feed_calendar(pages, link_of, name):
    """The person's feed: minimal details only."""
    calendar = _calendar(name)
    for page in pages:
        _event(calendar, page, link_of(page))
    return calendar.serialize().encode("utf-8")
