"""The list of good practices and its export: each practice the user may read once, in the
language of the tree they stand in when a version exists, else as first written and labelled with
its language; filtered by theme, member state, language and year; sorted newest first or by title.

The cost does not grow with the number of practices: the originals are filtered, counted and cut
to one page in the database, then their versions in the reader's language and their themes and
states are read for that page alone.
"""

from django.db.models import OuterRef, Q, Subquery, prefetch_related_objects
from django.db.models.functions import Coalesce, Lower

from network_pages.core.languages import active_language
from network_pages.intranet.lists import as_read, page_of, readable_originals
from network_pages.practices import rules
from network_pages.practices.forms import FilterForm
from network_pages.practices.models import BestPracticePage


def readable(user, filters):
    """The practices the user may read, as first written, filtered."""
    found = readable_originals(user, BestPracticePage.objects.all())
    if theme := filters.get("theme"):
        tagged = BestPracticePage.themes.through.objects.filter(theme=theme)
        found = found.filter(pk__in=tagged.values("bestpracticepage_id"))
    if state := filters.get("state"):
        concerned = BestPracticePage.member_states.through.objects.filter(memberstate=state)
        found = found.filter(
            Q(pk__in=concerned.values("bestpracticepage_id")) | Q(author_state=state)
        )
    if code := filters.get("language"):
        found = found.filter(locale__language_code=code)
    if year := filters.get("year"):
        found = found.filter(Q(period_from__isnull=False) | Q(period_to__isnull=False)).filter(
            Q(period_from__isnull=True) | Q(period_from__lte=year),
            Q(period_to__isnull=True) | Q(period_to__gte=year),
        )
    return found


def ordered(practices, sort, code):
    if sort == "title":
        version = BestPracticePage.objects.filter(
            translation_key=OuterRef("translation_key"), locale__language_code=code
        )
        shown = Coalesce(Subquery(version.values("title")[:1]), "title")
        return practices.annotate(shown_title=Lower(shown)).order_by("shown_title", "pk")
    return practices.order_by("-first_published_at", "-pk")


def shown(user, originals, code):
    """Each original as the reader reads it (`intranet.lists.as_read`), with its themes, states
    and author's state read for all at once."""
    pages = as_read(user, originals, code, related=["author_state"])
    prefetch_related_objects(pages, "themes", "member_states")
    return pages


def filtered(request):
    """(the filters' form, the valid filters, the practices they keep in order), from the URL."""
    form = FilterForm(request.GET or None)
    filters = form.filters() if request.GET else {}
    practices = ordered(readable(request.user, filters), filters.get("sort"), active_language())
    return form, filters, practices.select_related("author_state", "locale")


def context(request, index):
    """The list page's context: the filters, one page of practices, what the user may do."""
    form, filters, practices = filtered(request)
    page_obj = page_of(request, practices)
    query = request.GET.copy()
    query.pop("page", None)
    return {
        "filter_form": form,
        "practices": shown(request.user, page_obj.object_list, active_language()),
        "page_obj": page_obj,
        "query": query.urlencode(),
        "filtered": bool(filters.keys() - {"sort"}),
        "can_contribute": rules.can_contribute(request.user),
    }
