"""Following and reusing in a real browser: a visitor follows a person's feed link and a network
edge to the meetings it counts (Playwright driving Debian's Chromium, as tests/test_web_browser.py)."""

import re

import feedparser
import pytest
from test_web_browser import browser, page, screenshot, site  # noqa: F401 (fixtures)
from test_web_pages import build_archive

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_visitor_follows_a_persons_feed_and_a_network_edge_to_its_meetings(site, page):  # noqa: F811
    archive = build_archive()
    page.goto(f"{site}/people/sergey-lavrov/")
    feed_link = page.get_by_role("link", name="Follow this page: Atom feed")
    assert feed_link.get_attribute("href") == "/feeds/people/sergey-lavrov/"
    head_feed = page.locator('head link[rel="alternate"][type="application/atom+xml"]')
    assert head_feed.get_attribute("href") == "/feeds/people/sergey-lavrov/"

    with page.expect_response(re.compile(r"/feeds/people/sergey-lavrov/$")) as response_info:
        feed_link.click()
    response = response_info.value
    page.wait_for_url(f"{site}/feeds/people/sergey-lavrov/")
    assert response.status == 200
    feed = feedparser.parse(response.body())
    assert not feed.bozo and feed.version == "atom10"
    assert [entry.link for entry in feed.entries] == [
        f"{site}{archive['talks_2021'].get_absolute_url()}",
        f"{site}{archive['talks_2016'].get_absolute_url()}",
    ]

    page.goto(f"{site}/people/sergey-lavrov/")
    network = page.locator("section.network")
    assert "Ilham Aliyev" in network.inner_text()
    screenshot(page, "follow-1-person-network")
    network.locator("a.network-edge").first.click()
    page.wait_for_url(re.compile(r"/meetings/\?person=sergey-lavrov&with_person=ilham-aliyev$"))
    assert page.locator(".meeting-title").all_inner_texts() == [
        archive["talks_2021"].title,
        archive["talks_2016"].title,
    ]
    screenshot(page, "follow-2-edge-meetings")
