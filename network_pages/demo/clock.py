"""The demo's story is told relative to the day it is loaded: what happened in it days ago is
replayed with Django's clock set back to that day."""

from contextlib import contextmanager
from datetime import datetime, time
from unittest import mock

from django.utils import timezone

_real_now = timezone.now


def moment(day, hour=10):
    """`day` at `hour` o'clock, Europe/Paris."""
    return timezone.make_aware(datetime.combine(day, time(hour)))


@contextmanager
def back_then(day, hour=10):
    """Replay `day`: inside, `timezone.now()` (which `timezone.localdate()` reads) runs from
    `day` at `hour`, so whatever the domain dates itself is dated then (a request opened, a
    revision, a publication, a log entry, an e-mail written into the outbox) and its rules hold
    as they did then (a request opens with a deadline still in the future).

    E-mails written meanwhile wait in the outbox until after it (their first attempt is due at the
    real time): `seed` sends them at the end."""
    start, then = _real_now(), moment(day, hour)
    with mock.patch.object(timezone, "now", lambda: then + (_real_now() - start)):
        yield
