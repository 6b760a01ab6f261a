from django.core.paginator import Paginator
from django.shortcuts import render

from wagtail.models import Locale, Page

from network_pages.access import viewable
from network_pages.core.typed import search_words, typed_query

RESULTS_PER_PAGE = 10


def search(request):
    """Site search: only pages the user may see, in the current language."""
    query = typed_query(request.GET.get("query", ""))
    words = search_words(query)
    results = Page.objects.none()
    if words:
        permitted = viewable(
            request.user, Page.objects.filter(locale=Locale.get_active(), depth__gt=1)
        ).values("pk")
        # .search() cannot take the policy's path filters: hand it the permitted ids as a subquery.
        results = Page.objects.live().filter(pk__in=permitted).specific().search(words)
    paginator = Paginator(results, RESULTS_PER_PAGE)
    page_obj = paginator.get_page(request.GET.get("page"))
    return render(
        request,
        "search/search.html",
        {"search_query": query, "search_results": page_obj, "paginator": paginator},
    )
