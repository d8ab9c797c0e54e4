"""The site in a real browser: Playwright drives Debian's headless Chromium against a live server.

The records are built with the ORM (tests/test_web_pages.py `build_archive`, mirroring three seed
documents), so these tests depend on the pages alone, not on the extractor. Each test leaves a
screenshot in tests/screenshots/ (git-ignored) to look at when something breaks.
"""

import os
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.test import override_settings
from playwright import sync_api as playwright_api
from test_web_pages import build_archive

from meetings.models import Participant, Statement

# Playwright's sync API runs an event loop in this thread; the ORM calls the tests make around it
# are ordinary synchronous ones.
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

CHROMIUM = "/usr/bin/chromium"
SCREENSHOTS = Path(__file__).resolve().parent / "screenshots"


@pytest.fixture(scope="module")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: apt-get install chromium (.ci/run does)")
    with playwright_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            headless=True,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
            ],
        )
        yield browser
        browser.close()


def reload_middleware(live_server):
    """Rebuild the live server's middleware: SecurityMiddleware reads its settings when built."""
    handler = live_server.thread.httpd.get_app()
    while handler is not None:  # each wrapping handler may hold its own chain
        handler.load_middleware()
        handler = getattr(handler, "application", None)


@pytest.fixture
def site(live_server):
    """The live server over plain HTTP: no HTTPS redirect, cookies the admin can set without TLS."""
    plain = override_settings(
        SECURE_SSL_REDIRECT=False,
        SESSION_COOKIE_SECURE=False,
        CSRF_COOKIE_SECURE=False,
        STORAGES={
            **settings.STORAGES,
            "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
        },
    )
    plain.enable()
    reload_middleware(live_server)
    yield live_server.url
    plain.disable()
    reload_middleware(live_server)


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1200, "height": 900})
    page = context.new_page()
    page.set_default_timeout(15000)
    yield page
    context.close()


def screenshot(page, name):
    SCREENSHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)


def meeting_titles(page):
    return page.locator(".meeting-title").all_inner_texts()


def test_visitor_filters_meetings_opens_one_follows_a_statement_and_searches(site, page):
    archive = build_archive()
    talks_2016 = archive["talks_2016"]

    page.goto(f"{site}/meetings/")
    assert len(meeting_titles(page)) == 3
    page.get_by_label("Country").select_option(label="Azerbaijan")
    page.get_by_role("button", name="Apply").click()
    page.wait_for_url(re.compile(r"country=AZ"))
    assert len(meeting_titles(page)) == 3

    page.get_by_label("Person").fill("Lavrov")
    page.get_by_role("button", name="Apply").click()
    page.wait_for_url(re.compile(r"person=Lavrov"))
    assert "country=AZ" in page.url
    assert meeting_titles(page) == [archive["talks_2021"].title, talks_2016.title]
    assert "2 meetings with these filters" in page.locator(".result-count").inner_text()
    screenshot(page, "visitor-1-filtered-meetings")

    page.get_by_role("link", name=talks_2016.title).click()
    page.wait_for_url(f"{site}{talks_2016.get_absolute_url()}")
    assert page.get_by_role("heading", level=1).inner_text() == talks_2016.title
    group = page.locator(".participant-group", has_text="Russia")
    assert "Sergey Lavrov, Foreign Minister" in group.inner_text()
    screenshot(page, "visitor-2-meeting")

    statement = Statement.objects.get(meeting=talks_2016, order=1)
    page.locator(f"#statement-{statement.pk}").get_by_role("link", name="Read it in the source").click()
    page.wait_for_url(re.compile(rf"/sources/\d+/#statement-{statement.pk}$"))
    highlight = page.locator(f"a#statement-{statement.pk} mark")
    assert highlight.inner_text() == statement.text
    assert highlight.is_visible()
    screenshot(page, "visitor-3-source")

    page.get_by_role("navigation", name="Main").get_by_role("link", name="Search").click()
    page.locator("#id_q").fill('"territorial integrity"')
    page.get_by_role("button", name="Search").click()
    page.wait_for_url(re.compile(r"/search/\?q=%22territorial"))
    snippets = page.locator(".snippet")
    assert snippets.count() == 1
    marked = " ".join(snippets.first.locator("mark").all_inner_texts()).lower()
    assert "territorial" in marked and "integrity" in marked
    screenshot(page, "visitor-4-phrase-search")

    page.locator("#id_q").fill("zeppelin")
    page.get_by_role("button", name="Search").click()
    page.wait_for_url(re.compile(r"q=zeppelin"))
    assert page.locator(".snippet").count() == 0
    assert page.get_by_text("Nothing matches").is_visible()
    screenshot(page, "visitor-5-empty-search")


def test_editor_corrects_a_role_in_the_admin_and_the_public_page_shows_it(site, page, django_user_model):
    archive = build_archive()
    talks_2016 = archive["talks_2016"]
    django_user_model.objects.create_superuser("editor", "editor@example.org", "a long editor password")

    page.goto(f"{site}/admin/")
    page.get_by_label("Username").fill("editor")
    page.get_by_label("Password").fill("a long editor password")
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url(f"{site}/admin/")

    page.goto(f"{site}/admin/meetings/participant/?q=Lavrov")
    lavrov_link = page.get_by_role("link", name="Sergey Lavrov", exact=True)
    row = page.locator("#result_list tbody tr").filter(has_text="2016-04-06").filter(has=lavrov_link)
    row.get_by_role("link", name="Sergey Lavrov", exact=True).click()
    page.wait_for_url(re.compile(r"/admin/meetings/participant/\d+/change/"))
    page.locator("#id_role").fill("Minister of Foreign Affairs")
    page.locator("input[name=_save]").click()
    page.wait_for_url(re.compile(r"/admin/meetings/participant/(\?.*)?$"))
    screenshot(page, "editor-1-saved")

    participant = Participant.objects.get(meeting=talks_2016, person=archive["lavrov"])
    assert participant.role == "Minister of Foreign Affairs"

    page.goto(f"{site}{talks_2016.get_absolute_url()}")
    group = page.locator(".participant-group", has_text="Russia")
    assert "Sergey Lavrov, Minister of Foreign Affairs" in group.inner_text()
    assert "Foreign Minister" not in group.inner_text()
    screenshot(page, "editor-2-public-page")
