"""What a page offers for following and reusing it, put in its context for the page head and the
partials (templates/meetings/_follow_head.html, _follow.html): the Atom feed of the page.

`FeedLinkMixin` goes in a page view's bases with `feed_route`, the name of the feed's URL; the
feed takes the page's own URL arguments (a slug, country codes) and, for the list pages, its
query string, so the feed of `/meetings/?country=az` is `/feeds/meetings/?country=az`.
"""

from django.urls import reverse


def query_without(request, *names):
    """The request's query string ("?a=1", or "") without the parameters `names`."""
    query = request.GET.copy()
    for name in names:
        query.pop(name, None)
    encoded = query.urlencode()
    return f"?{encoded}" if encoded else ""


class FeedLinkMixin:
    feed_route = None
    feed_keeps_query = False  # list pages: the feed takes the page's filters

    def get_feed_url(self):
        url = reverse(self.feed_route, kwargs=self.kwargs)
        if self.feed_keeps_query:
            url += query_without(self.request, "page", "format", "sort", "statements_page")
        return url

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        title = context.get("page_title") or self.get_page_title() or "Diplomatic Meetings Archive"
        context["feed"] = {"url": self.get_feed_url(), "title": f"{title} (Atom feed)"}
        return context
