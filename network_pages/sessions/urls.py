"""The sessions' URLs outside the page tree: each person's calendar feed, which calendar
applications fetch without a cookie (outside `/<lang>/intranet/`), and the page where the person
finds and resets its address (in each language)."""

from django.urls import path

from network_pages.sessions import feeds

urlpatterns = [
    path("calendar/<str:token>.ics", feeds.feed_view, name="calendar_feed"),
]

localised_urlpatterns = [
    path("calendar/", feeds.calendar_view, name="calendar"),
]
