"""The admin in a real browser under the site's Content-Security-Policy: nothing it needs is blocked.

Chromium reports every resource or script a policy blocks as a console error ("Refused to ...");
an editor logs in, opens a meeting with its inlines, uses the person autocomplete (select2, the
admin's own JavaScript) and a collapsed fieldset, and no such report appears.
"""

import re

import pytest
from test_web_browser import browser, page, screenshot, site  # noqa: F401 (fixtures)
from test_web_pages import build_archive

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_an_editor_uses_the_admin_and_the_policy_blocks_nothing(site, page, django_user_model):  # noqa: F811
    archive = build_archive()
    django_user_model.objects.create_superuser("editor", "editor@example.org", "a long editor password")
    blocked = []
    page.on(
        "console",
        lambda message: (
            blocked.append(f"{message.text} {message.location['url']}") if message.type == "error" else None
        ),
    )
    page.on("pageerror", lambda error: blocked.append(str(error)))

    response = page.goto(f"{site}/admin/")
    assert "script-src 'self'" in response.headers["content-security-policy"]
    page.get_by_label("Username").fill("editor")
    page.get_by_label("Password").fill("a long editor password")
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url(f"{site}/admin/")

    page.goto(f"{site}/admin/meetings/meeting/{archive['talks_2016'].pk}/change/")
    # The collapsed "Source text" fieldset opens (admin JavaScript), styled by css/admin.css.
    page.locator("summary", has_text="Source text").click()
    source = page.locator(".archive-source-text").first
    assert source.evaluate("element => getComputedStyle(element).whiteSpace") == "pre-wrap"
    # The participant's person is an autocomplete: select2 asks the admin for matches.
    page.locator("#id_participants-0-person + .select2 .select2-selection").click()
    page.locator(".select2-container--open .select2-search__field").fill("Lavr")
    page.locator(".select2-results__option", has_text=re.compile("Sergey Lavrov")).first.wait_for()
    screenshot(page, "admin-under-csp")

    # The browser's own request for /favicon.ico (the admin links none) is the one 404 allowed.
    assert [report for report in blocked if not report.endswith("/favicon.ico")] == []
