"""Reading views in a real browser (Playwright and Debian's Chromium, fixtures from
tests/test_web_browser.py): a search hit lands on its highlighted paragraph, the source page marks
where each field came from, the person page fits a phone, and the admin's meeting page fits a
1,280 px window. Screenshots go to tests/screenshots/."""

import re

import pytest
from test_web_browser import browser, page, screenshot, site  # noqa: F401  (fixtures)
from test_web_pages import build_archive

from meetings.models import Participant, SourceMark, Statement

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SPEECH = "\n\n".join(
    [
        "Dear Sergey Viktorovich, I am glad to welcome you to Baku again.",
        "Our trade and investment grew this year, and new transport routes are opening.",
        "We also spoke about humanitarian cooperation, culture and education.",
        "The ceasefire must hold, and the refugees must return to their homes in safety.",
        "Thank you for your visit.",
    ]
)


def horizontal_overflow(browser_page):
    return browser_page.evaluate("document.documentElement.scrollWidth - window.innerWidth")


def test_visitor_opens_a_search_hit_and_lands_on_the_highlighted_paragraph(site, page):  # noqa: F811
    archive = build_archive()
    statement = Statement.objects.create(
        meeting=archive["talks_2021"], speaker=archive["aliyev"], kind="direct", text=SPEECH, order=2
    )
    page.goto(f"{site}/search/?q=ceasefire")
    hit = page.locator(".snippet a").first
    assert hit.get_attribute("href").endswith(f"#statement-{statement.pk}-p4")
    screenshot(page, "reading-1-search-hit")

    hit.click()
    page.wait_for_url(re.compile(rf"#statement-{statement.pk}-p4$"))
    paragraph = page.locator(f"#statement-{statement.pk}-p4")
    # The fourth paragraph is folded into <details>; following the link opens it.
    assert paragraph.is_visible()
    assert "ceasefire must hold" in paragraph.inner_text()
    assert paragraph.inner_text().startswith("“")
    background = paragraph.evaluate("p => getComputedStyle(p).backgroundColor")
    assert background not in ("rgba(0, 0, 0, 0)", "transparent")
    other = page.locator(f"#statement-{statement.pk}-p1").evaluate("p => getComputedStyle(p).backgroundColor")
    assert other == "rgba(0, 0, 0, 0)"
    box = paragraph.bounding_box()
    assert 0 <= box["y"] < page.viewport_size["height"]
    screenshot(page, "reading-2-highlighted-paragraph")


def test_the_source_page_marks_where_a_participant_came_from_and_links_to_the_record(site, page):  # noqa: F811
    archive = build_archive()
    source, meeting = archive["source_2016"], archive["talks_2016"]
    lavrov = Participant.objects.get(meeting=meeting, person=archive["lavrov"])
    start = source.text.index("President of the Republic of Azerbaijan Ilham Aliyev has met")
    end = source.text.index(".", start) + 1
    mark = SourceMark.objects.create(
        source=source, meeting=meeting, participant=lavrov, field="participant", start=start, end=end
    )
    page.goto(f"{site}{meeting.get_absolute_url()}")
    page.locator(f"#participant-{lavrov.pk}").get_by_role("link", name=re.compile("source")).click()
    page.wait_for_url(re.compile(rf"/sources/{source.pk}/#mark-{mark.pk}$"))
    assert page.locator(".source-text .provenance").first.is_visible()
    screenshot(page, "reading-3-source-marks")

    page.get_by_role("link", name="Sergey Lavrov, Foreign Minister").click()
    page.wait_for_url(re.compile(rf"#participant-{lavrov.pk}$"))
    assert page.locator(f"#participant-{lavrov.pk}").is_visible()


def test_the_person_page_fits_a_phone_and_its_roles_table_can_be_read_to_the_last_column(site, browser):  # noqa: F811
    archive = build_archive()
    Participant.objects.filter(person=archive["lavrov"]).update(
        role="Minister of Foreign Affairs",
        role_as_written="Minister of Foreign Affairs of the Russian Federation",
    )
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    phone = context.new_page()
    try:
        phone.goto(f"{site}{archive['lavrov'].get_absolute_url()}")
        assert horizontal_overflow(phone) <= 0
        scroller = phone.locator(".table-scroll")
        scroller.evaluate("box => { box.scrollLeft = box.scrollWidth; }")
        last_header = phone.locator(".roles-table th").last
        assert last_header.inner_text() == "Meetings"
        box = last_header.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= 390 + 1
        screenshot(phone, "reading-4-person-on-a-phone")
    finally:
        context.close()


def test_the_admin_meeting_page_fits_a_1280_px_window(site, page, django_user_model):  # noqa: F811
    archive = build_archive()
    meeting = archive["talks_2016"]
    for n in range(3):
        Statement.objects.create(
            meeting=meeting, speaker=archive["aliyev"], kind="direct", text=SPEECH * 3, order=10 + n
        )
    django_user_model.objects.create_superuser("editor", "editor@example.org", "a long editor password")
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(f"{site}/admin/")
    page.get_by_label("Username").fill("editor")
    page.get_by_label("Password").fill("a long editor password")
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url(f"{site}/admin/")

    page.goto(f"{site}/admin/meetings/meeting/{meeting.pk}/change/")
    assert horizontal_overflow(page) <= 0
    screenshot(page, "reading-5-admin-meeting-1280")
    delete_box = page.locator("#participants-group td.delete input").last.bounding_box()
    assert delete_box["x"] + delete_box["width"] <= 1280
    passage = page.locator(".statement-passage").last
    assert not passage.locator("mark").first.is_visible() or passage.get_attribute("open") is not None
    passage.locator("summary").click()
    assert passage.get_attribute("open") is not None
    height = page.evaluate("document.documentElement.scrollHeight")
    assert height < 4000, height
    screenshot(page, "reading-5-admin-meeting-1280")
