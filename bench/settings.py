"""Settings of `make bench`'s served benchmark (bench/serve.py): the project's settings with
DEBUG off, plus a bare Wagtail page type (bench.bareapp) and a header that counts queries.

DATABASE_URL names the benchmark's own database; REDIS_URL, when set, puts the cache and the
sessions in Redis as in production. The bare page's template goes through the same template engine
and context processors as the project's pages. Nothing here is meant for a real deployment."""

import os

from cms.settings.base import *  # noqa: F403
from cms.settings.base import INSTALLED_APPS, MIDDLEWARE

DEBUG = False
SECRET_KEY = os.environ.get("SECRET_KEY") or "bench-only-not-secret"
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
INSTALLED_APPS = ["bench.bareapp", *INSTALLED_APPS]
MIDDLEWARE = ["bench.bareapp.middleware.QueryCountMiddleware", *MIDDLEWARE]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "loggers": {"django.request": {"handlers": ["console"], "level": "ERROR"}},
}
