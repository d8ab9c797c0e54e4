"""RSS and Atom feeds: fetch each registered `Feed`, ingest the items not stored yet.

`fetch_feeds(feeds, ingester)` asks each feed's server with a conditional request (the ETag and
Last-Modified of the last fetch: an unchanged feed is a 304 and costs nothing), parses it with
`feedparser`, and hands every item whose link is not stored yet to `Ingester.ingest_items`,
which fetches the page and stores it as `ingest URL` would. The item's publication date and the
feed's title stand in for what the page itself does not say.

A feed that cannot be fetched or is not a feed gets its reason in `Feed.last_error` and in the
result; the other feeds go on. The ETag and Last-Modified are kept only when every item was
stored (or already there), so a failed item is tried again at the next run instead of hiding
behind a 304.
"""

import datetime
import functools
from dataclasses import dataclass, field

from django.utils import timezone

from meetings.ingest.fetch import FEED_TYPES, FetchError, fetch
from meetings.ingest.sources import SourceItem, url_item, web_url


@dataclass
class FeedResult:
    """What one feed gave: its items, how many were new, and the reason if it failed."""

    feed: str
    items: int = 0
    new_items: int = 0
    not_modified: bool = False
    error: str = ""
    item_failures: list = field(default_factory=list)


def fetch_feeds(feeds, ingester):
    """Fetch and ingest every feed in `feeds` (Feed records); returns a `FeedResult` each."""
    return [fetch_feed(feed, ingester) for feed in feeds]


def fetch_feed(feed, ingester):
    """Fetch one `Feed`, ingest its new items with `ingester`, and record the fetch on it."""
    result = FeedResult(str(feed))
    feed.last_fetched = timezone.now()
    try:
        fetched = fetch(
            feed.url, accept=FEED_TYPES | {"text/plain"}, etag=feed.etag, last_modified=feed.last_modified
        )
        if fetched.status == 304:
            result.not_modified = True
        else:
            parsed = parse_feed(fetched.body)
    except FetchError as err:
        result.error = str(err)
    if result.error or result.not_modified:
        feed.last_error = result.error[:500]
        feed.save(update_fields=["last_fetched", "last_error"])
        if result.error:
            ingester.report.failures.append({"file": feed.url, "reason": f"feed: {result.error}"})
        return result

    title = (parsed.feed.get("title") or "").strip()
    items = list(feed_items(parsed, publisher=title))
    result.items = len(items)
    failures_before = len(ingester.report.failures)
    stored_before = ingester.report.documents_stored
    ingester.ingest_items(items)
    result.new_items = ingester.report.documents_stored - stored_before
    result.item_failures = ingester.report.failures[failures_before:]

    changed = ["last_fetched", "last_error"]
    if not feed.title and title:
        feed.title = title[:300]
        changed.append("title")
    if not result.item_failures:
        feed.etag, feed.last_modified = fetched.etag[:300], fetched.last_modified[:100]
        changed += ["etag", "last_modified"]
    feed.last_error = f"{len(result.item_failures)} item(s) failed" if result.item_failures else ""
    feed.save(update_fields=changed)
    return result


def parse_feed(body):
    """The `feedparser` result for a feed's bytes; `FetchError` if they are not a feed."""
    import feedparser

    parsed = feedparser.parse(body)
    if not parsed.entries and (parsed.bozo or not parsed.get("version")):
        reason = getattr(parsed.get("bozo_exception"), "getMessage", lambda: "")() or "no items"
        raise FetchError(f"not an RSS or Atom feed ({reason})")
    return parsed


def feed_items(parsed, publisher=""):
    """A `SourceItem` for each entry of a parsed feed, newest last (in the feed's order
    reversed, as feeds list the newest first)."""
    for entry in reversed(parsed.entries):
        link = (entry.get("link") or "").strip()
        if not web_url(link):
            name = link or entry.get("title") or "(an item without a link)"
            yield url_item(link or "(no link)", name=str(name)[:255])
            continue
        item = url_item(link)
        published = _entry_date(entry)
        title = (entry.get("title") or "").strip()
        yield SourceItem(
            item.name,
            functools.partial(_with_entry_metadata, item.load, published, title, publisher),
            item.url,
        )


def _with_entry_metadata(load, published, title, publisher):
    source = load()
    source.published = source.published or published
    source.title = source.title or title
    source.publisher = source.publisher or publisher
    return source


def _entry_date(entry):
    parts = entry.get("published_parsed") or entry.get("updated_parsed")
    try:
        return datetime.date(*parts[:3]) if parts else None
    except (TypeError, ValueError):
        return None
