"""The publish lock: page types whose publication is reserved (the working methods and objectives,
later the released pages) mix in `PublishLock` before `Page`. Being written in the next step."""


class PublishLock:
    """Mixed in before `Page`."""
