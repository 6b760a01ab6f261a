"""Crawl the site as an anonymous visitor: nothing of the intranet may show, by any route."""

import re
from urllib.parse import urljoin, urlparse

from wagtail.models import Page

import pytest

from home.models import StandardPage
from network_pages.intranet.models import IntranetHomePage
from tests.factories.files import make_document

pytestmark = [pytest.mark.django_db, pytest.mark.sqlite]

LINK = re.compile(r'(?:href|src)="([^"#]+)"')


@pytest.fixture
def site(tree, pages):
    tree.home_en.add_child(instance=StandardPage(title="Our mandate", slug="mandate"))
    make_document("Confidential agenda", filename="agenda.txt")
    return pages


def intranet_markers():
    roots = IntranetHomePage.objects.all()
    pages = Page.objects.none()
    for root in roots:
        pages |= Page.objects.descendant_of(root, inclusive=True)
    return {page.title for page in pages} | {"Confidential agenda"}


def crawl(client, start):
    seen, queue, responses = set(), list(start), {}
    while queue and len(seen) < 200:
        url = queue.pop()
        if url in seen:
            continue
        seen.add(url)
        response = client.get(url)
        responses[url] = response
        if response.status_code in (301, 302):
            queue.append(response["Location"])
        if response.get("Content-Type", "").startswith("text/html") and not response.streaming:
            for link in LINK.findall(response.text):
                absolute = urljoin(url, link)
                parsed = urlparse(absolute)
                if parsed.netloc in ("", "testserver") and not parsed.path.startswith("/static/"):
                    queue.append(parsed.path + (f"?{parsed.query}" if parsed.query else ""))
    return responses


def test_anonymous_crawl_never_meets_an_intranet_title_or_page(client, site):
    markers = intranet_markers()
    start = ["/", "/en/", "/fr/", "/en/search/?query=meeting", "/fr/search/?query=réunion"]
    responses = crawl(client, start)
    assert len(responses) > 10
    for url, response in responses.items():
        body = b"".join(response.streaming_content) if response.streaming else response.content
        text = body.decode("utf-8", "replace")
        for marker in markers:
            assert marker not in text, f"{marker!r} leaked on {url}"
        if "/intranet" in urlparse(url).path and url.startswith(("/en/", "/fr/")):
            assert response.status_code == 302, url
            assert "/login/" in response["Location"]


def test_every_intranet_page_in_both_languages_sends_the_anonymous_visitor_to_login(client, site):
    for root in IntranetHomePage.objects.all():
        for page in Page.objects.descendant_of(root, inclusive=True):
            response = client.get(page.url)
            assert response.status_code == 302, page.url
            assert response["Location"].startswith(f"/{root.locale.language_code}/login/")


def test_the_admin_and_wagtail_api_reveal_nothing_to_the_anonymous(client, site):
    assert client.get("/admin/").status_code == 302
    assert client.get("/admin/pages/").status_code == 302
    assert client.get("/api/v2/pages/", follow=True).status_code == 404
    assert client.get("/en/api/v2/pages/").status_code == 404
