"""Security headers on every response, http(s)-only source links, and the admin login lockout."""

import pytest
from django.core.management import call_command
from django.urls import reverse
from test_web_pages import build_archive

from meetings.models import SourceDocument
from meetings.web.templatetags.web_urls import web_url

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("plain_http")]


@pytest.fixture
def archive():
    return build_archive()


def csp_directives(response):
    policy = response["Content-Security-Policy"]
    return {part.split()[0]: part.split()[1:] for part in policy.split(";") if part.strip()}


@pytest.mark.parametrize(
    "path",
    ["/", "/meetings/", "/search/?q=talks", "/api/", "/api/meetings/", "/no/such/page/", "/admin/login/"],
)
def test_every_response_carries_a_content_security_policy_and_a_permissions_policy(client, archive, path):
    response = client.get(path)
    directives = csp_directives(response)
    assert directives["default-src"] == ["'self'"]
    assert directives["script-src"] == ["'self'"]  # no inline scripts, no other origin
    assert directives["frame-ancestors"] == ["'none'"]
    assert "'unsafe-inline'" not in response["Content-Security-Policy"]
    permissions = response["Permissions-Policy"]
    assert "camera=()" in permissions and "geolocation=()" in permissions and "microphone=()" in permissions


def test_the_admin_pages_use_no_inline_script_or_style_the_policy_would_block(admin_client, archive):
    """The admin keeps working under the policy: no <script> without src, no style attribute or
    <style> block, no javascript: link or event handler attribute on the pages editors use."""
    meeting = archive["talks_2016"]
    for path in [
        "/admin/",
        reverse("admin:meetings_meeting_changelist"),
        reverse("admin:meetings_meeting_change", args=[meeting.pk]),
        reverse("admin:meetings_person_add"),
        reverse("admin:meetings_sourcedocument_changelist"),
    ]:
        response = admin_client.get(path)
        assert response.status_code == 200
        html = response.content.decode()
        assert "Content-Security-Policy" in response.headers
        assert "<script>" not in html and '<script type="text/javascript">' not in html, path
        assert ' style="' not in html and "<style" not in html, path
        assert "javascript:" not in html and " onclick=" not in html and " onload=" not in html, path


@pytest.mark.parametrize(
    ("url", "linked"),
    [
        ("https://mfa.gov.az/en/news/1", True),
        ("http://example.org/a?b=1&c=2", True),
        ("javascript:alert(document.cookie)", False),
        ("JavaScript:alert(1)", False),
        ("data:text/html,<script>alert(1)</script>", False),
        ("ftp://example.org/file.txt", False),
        ("//evil.example/x", False),
    ],
)
def test_a_source_url_is_a_link_only_when_it_is_http(client, archive, url, linked):
    source = SourceDocument.objects.filter(meetings=archive["talks_2016"]).first()
    SourceDocument.objects.filter(pk=source.pk).update(
        url=url
    )  # past the model's validator, as old data might be
    html = client.get(source.get_absolute_url()).content.decode()
    assert (f'href="{url.replace("&", "&amp;")}"' in html) == linked
    assert 'href="javascript:' not in html.lower() and 'href="data:' not in html
    assert bool(web_url(url)) == linked


@pytest.mark.parametrize("url", ["javascript:alert(1)", "ftp://example.org/a.txt", "data:text/html,x"])
def test_the_admin_refuses_a_source_url_that_is_not_http(admin_client, archive, url):
    source = SourceDocument.objects.first()
    address = reverse("admin:meetings_sourcedocument_change", args=[source.pk])
    data = {
        "file_name": source.file_name,
        "title": source.title,
        "published": source.published.isoformat() if source.published else "",
        "publisher": source.publisher,
        "url": url,
        "_save": "1",
    }
    response = admin_client.post(address, data)
    assert response.status_code == 200  # the form again, with its error
    assert "errorlist" in response.content.decode()
    source.refresh_from_db()
    assert source.url != url


def failed_login(client, password="wrong"):
    return client.post("/admin/login/?next=/admin/", {"username": "editor", "password": password})


def test_the_admin_login_locks_after_repeated_failures_and_axes_reset_unlocks(
    client, django_user_model, settings
):
    django_user_model.objects.create_user("editor", password="correct horse battery", is_staff=True)
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert failed_login(client).status_code == 200  # the form again: wrong password
    assert failed_login(client).status_code == 429
    # Locked: even the right password is refused now.
    assert failed_login(client, "correct horse battery").status_code == 429

    call_command("axes_reset")
    response = failed_login(client, "correct horse battery")
    assert response.status_code == 302 and response["Location"] == "/admin/"
