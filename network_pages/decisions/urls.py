"""The decisions' URLs outside the page tree: the members' list, in each language (a plain view,
like the calendar page: there is no decisions page in the tree)."""

from django.urls import path

from network_pages.decisions import views

localised_urlpatterns = [
    path("decisions/", views.decision_list, name="decisions"),
]
