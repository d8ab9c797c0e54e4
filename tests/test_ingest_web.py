"""Ingest from the web: `ingest URL…` and `fetch_feeds`, against an HTTP server the tests start on
127.0.0.1 serving pages and feeds written for them (nothing reaches the internet)."""

import pytest
from django.core.management import CommandError, call_command
from ingest_helpers import PAGE, LocalServer, Route, TextExtractor, extraction, meeting, participant

from meetings.ingest.feeds import fetch_feed
from meetings.ingest.fetch import FetchError, fetch
from meetings.ingest.runner import Ingester
from meetings.models import Feed, SourceDocument

pytestmark = pytest.mark.django_db

ARTICLE = """<html><head><title>{title}</title></head><body><article><h1>{title}</h1>
<p>{body} The ministers discussed regional transport links and the trilateral statement at length.</p>
</article></body></html>"""


def lavrov_met(text):
    return extraction(meeting("2021-03-04", [participant("Sergey Lavrov", "RU")]))


@pytest.fixture
def server():
    with LocalServer() as running:
        yield running


@pytest.fixture
def ingester():
    return Ingester(extractor=TextExtractor(lavrov_met))


def test_ingest_of_a_url_stores_the_page_with_its_metadata(server, ingester):
    server.routes["/news/1"] = Route(PAGE)
    report = ingester.ingest_paths([server.url("/news/1")])
    assert report.documents_stored == 1, report.failures
    document = SourceDocument.objects.get()
    assert document.format == "html" and document.publisher == "Ministry of Foreign Affairs of Azerbaijan"
    assert document.url == "https://mfa.example.org/news/2021/lavrov-bayramov"  # the page's canonical URL
    assert document.title == "Foreign Ministers of Azerbaijan and Russia met in Baku"
    assert "<" not in document.text and "strategic partnership" in document.text


def test_a_url_already_stored_is_not_fetched_again(server, ingester):
    server.routes["/plain"] = Route(ARTICLE.format(title="A visit", body="Sergey Lavrov visited Baku."))
    ingester.ingest_paths([server.url("/plain")])
    report = Ingester(extractor=TextExtractor(lavrov_met)).ingest_paths([server.url("/plain")])
    assert (report.documents_skipped, report.documents_stored) == (1, 0)
    assert [path for path, _ in server.requests] == ["/plain"]
    document = SourceDocument.objects.get()
    assert (document.url, document.publisher) == (server.url("/plain"), "127.0.0.1")  # no site name: the host


def endless_body(handler):
    """Streams far more than the size limit, without saying how much (no Content-Length)."""
    handler.send_response(200)
    handler.send_header("Content-Type", "text/html")
    handler.end_headers()
    try:
        for _ in range(60):
            handler.wfile.write(b"<p>" + b"x" * (1024 * 1024) + b"</p>")
    except (BrokenPipeError, ConnectionResetError):
        pass


def test_bad_urls_each_get_one_line_and_the_run_goes_on(server, ingester):
    server.routes["/good"] = Route(ARTICLE.format(title="A visit", body="Sergey Lavrov visited Baku."))
    server.routes["/loop"] = Route(status=302, headers={"Location": "/loop"})
    server.routes["/huge"] = Route(b"", headers={}, content_type="text/html")
    server.routes["/huge"].body = endless_body
    server.routes["/image"] = Route(b"\x89PNG....", content_type="image/png")
    server.routes["/menu"] = Route("<html><body><nav><a href='/'>Home</a></nav></body></html>")
    urls = [server.url(p) for p in ("/missing", "/loop", "/huge", "/image", "/menu", "/good")]
    report = ingester.ingest_paths(
        [*urls, "file:///etc/passwd", "ftp://example.org/x.txt", "javascript:alert(1)"]
    )
    reasons = {failure["file"]: failure["reason"] for failure in report.failures}
    assert reasons == {
        urls[0]: "HTTP 404 Not Found",
        urls[1]: "more than 5 redirects (a redirect loop?)",
        urls[2]: "larger than 10 MB",
        urls[3]: "content type image/png is not one the archive reads",
        urls[4]: "no article text found in the page (not an article?)",
        "file:///etc/passwd": "not an http(s) URL (file:)",
        "ftp://example.org/x.txt": "not an http(s) URL (ftp:)",
        "javascript:alert(1)": "not an http(s) URL (javascript:)",
    }
    assert report.documents_stored == 1 and SourceDocument.objects.get().url == urls[5]


def test_a_declared_size_over_the_limit_is_refused_before_reading(server):
    server.routes["/big"] = Route(b"x" * 2048, content_type="application/pdf")
    with pytest.raises(FetchError, match=r"larger than 0 MB \(2048 bytes\)"):
        fetch(server.url("/big"), max_bytes=1024)


def test_the_ingest_command_reports_a_failed_url_in_its_exit_status(server, capsys, monkeypatch):
    with pytest.raises(CommandError, match="1 document"):
        call_command("ingest", server.url("/missing"), verbosity=0)
    assert f"FAILED {server.url('/missing')}: HTTP 404 Not Found" in capsys.readouterr().out


def rss(*items):
    entries = "".join(
        f"<item><title>{title}</title><link>{link}</link><pubDate>{date}</pubDate></item>"
        for title, link, date in items
    )
    return (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>MFA news</title>'
        f"<link>http://127.0.0.1/</link><description>News</description>{entries}</channel></rss>"
    )


def test_fetch_feeds_ingests_new_items_with_the_feeds_metadata_and_asks_conditionally(server, ingester):
    server.routes["/a"] = Route(ARTICLE.format(title="Visit A", body="Sergey Lavrov visited Baku."))
    server.routes["/b"] = Route(ARTICLE.format(title="Visit B", body="Sergey Lavrov visited Ankara."))
    feed_route = Route(
        rss(("Visit A", server.url("/a"), "Thu, 04 Mar 2021 10:00:00 GMT")),
        content_type="application/rss+xml",
        headers={"ETag": '"v1"'},
    )
    server.routes["/feed.xml"] = feed_route
    feed = Feed.objects.create(url=server.url("/feed.xml"))

    result = fetch_feed(feed, ingester)
    assert (result.items, result.new_items, result.error) == (1, 1, "")
    document = SourceDocument.objects.get()
    assert (document.url, str(document.published), document.publisher) == (
        server.url("/a"),
        "2021-03-04",
        "MFA news",
    )
    feed.refresh_from_db()
    assert (feed.title, feed.etag, feed.last_error) == ("MFA news", '"v1"', "")
    assert feed.last_fetched is not None

    # Unchanged: the server answers 304 to the ETag, nothing is fetched or stored.
    server.requests.clear()
    assert fetch_feed(feed, ingester).not_modified
    assert server.requests[0][1]["If-None-Match"] == '"v1"' and len(server.requests) == 1

    # A new item: only it is fetched.
    feed_route.body = rss(
        ("Visit B", server.url("/b"), "Fri, 05 Mar 2021 10:00:00 GMT"),
        ("Visit A", server.url("/a"), "Thu, 04 Mar 2021 10:00:00 GMT"),
    ).encode()
    feed_route.headers["ETag"] = '"v2"'
    server.requests.clear()
    result = fetch_feed(feed, ingester)
    assert (result.items, result.new_items) == (2, 1)
    assert [path for path, _ in server.requests] == ["/feed.xml", "/b"]
    assert SourceDocument.objects.count() == 2


def test_a_feed_that_is_not_xml_is_recorded_and_the_command_fails(server, capsys):
    server.routes["/broken.xml"] = Route("this is { not xml", content_type="application/xml")
    feed = Feed.objects.create(url=server.url("/broken.xml"))
    with pytest.raises(CommandError, match="could not be ingested"):
        call_command("fetch_feeds", verbosity=0)
    feed.refresh_from_db()
    assert feed.last_error.startswith("not an RSS or Atom feed")
    assert "failed: not an RSS or Atom feed" in capsys.readouterr().out
    assert not SourceDocument.objects.exists()


def test_a_failed_item_keeps_the_feed_from_being_skipped_next_time(server, ingester):
    server.routes["/feed.xml"] = Route(
        rss(("Gone", server.url("/gone"), "Thu, 04 Mar 2021 10:00:00 GMT")),
        content_type="application/rss+xml",
        headers={"ETag": '"v1"'},
    )
    feed = Feed.objects.create(url=server.url("/feed.xml"))
    result = fetch_feed(feed, ingester)
    assert result.item_failures == [{"file": server.url("/gone"), "reason": "HTTP 404 Not Found"}]
    feed.refresh_from_db()
    assert feed.etag == "" and feed.last_error == "1 item(s) failed"


def test_an_atom_feed_gives_its_items_with_their_dates():
    from meetings.ingest.feeds import feed_items, parse_feed
    from meetings.ingest.sources import SourceError

    atom = b"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Kremlin news</title><id>urn:x</id><updated>2021-03-05T00:00:00Z</updated>
<entry><title>Talks</title><id>urn:1</id><link href="https://kremlin.example.org/events/1"/>
<updated>2021-03-05T10:00:00Z</updated></entry>
<entry><title>No link</title><id>urn:2</id><updated>2021-03-04T10:00:00Z</updated></entry>
</feed>"""
    items = list(feed_items(parse_feed(atom), publisher="Kremlin news"))
    assert [(item.name, item.url) for item in items] == [
        ("urn:2", ""),  # feedparser takes the id for the link
        ("https://kremlin.example.org/events/1", "https://kremlin.example.org/events/1"),
    ]
    with pytest.raises(SourceError, match=r"not an http\(s\) URL \(urn:\)"):
        items[0].load()
