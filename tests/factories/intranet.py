"""Intranet pages."""

import factory
import wagtail_factories

from network_pages.intranet.models import IntranetPage


class IntranetPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = IntranetPage

    title = factory.Sequence(lambda n: f"Intranet page {n}")
    summary = "A summary"
