"""The notification events: each domain registers its own, with a category (what members will
choose to receive or not, once preferences come), through the `register_notification_events` hook.

Each event has its templates: notifications/<event>/subject.txt and body.txt.
"""

from dataclasses import dataclass

from wagtail import hooks


@dataclass(frozen=True)
class Event:
    name: str
    category: str


class _Collector:
    def __init__(self):
        self.events = {}

    def register(self, name, *, category):
        self.events[name] = Event(name, category)


class EventRegistry:
    """Filled once, on first use, from every domain's `register_notification_events` hook (each
    receives an object with `register(name, *, category)`)."""

    def __init__(self):
        self._events = None

    def _scan(self):
        if self._events is None:
            collector = _Collector()
            for register in hooks.get_hooks("register_notification_events"):
                register(collector)
            self._events = collector.events
        return self._events

    def get(self, name):
        return self._scan().get(name)

    def all(self):
        return list(self._scan().values())


events = EventRegistry()
