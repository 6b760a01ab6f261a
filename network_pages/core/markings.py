"""The three handling markings (R15): how readers may handle what a state shares, on answers and
on good practices alike."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Marking(models.TextChoices):
    NETWORK = "network", _("Network only")
    NATIONAL = "national", _("May be shared within national administrations")
    OFFICE = "office", _("SRSG Office only")
