"""`python manage.py fetch_feeds [--feed URL] [--json]`: ingest the new items of the registered feeds
(run it from cron: an unchanged feed costs one conditional request)."""

import json
import sys

from django.core.management.base import BaseCommand, CommandError

from meetings.ingest.feeds import fetch_feeds
from meetings.ingest.runner import Ingester, stop_on_sigterm
from meetings.management.commands.ingest import Progress, summary
from meetings.models import Feed


class Command(BaseCommand):
    help = (
        "Fetch every active feed registered in the admin (RSS or Atom), and ingest the pages of its "
        "items not stored yet. Feeds are asked with their last ETag/Last-Modified."
    )

    def add_arguments(self, parser):
        parser.add_argument("--feed", action="append", metavar="URL", help="only this feed (repeatable)")
        parser.add_argument("--json", dest="as_json", action="store_true", help="print the report as JSON")
        parser.add_argument("--workers", type=int, default=0, help="extraction processes (0: extract here)")

    def handle(self, *args, feed, as_json, workers, **options):
        if not 0 <= workers <= 16:
            raise CommandError("--workers must be between 0 and 16.")
        feeds = Feed.objects.filter(active=True)
        if feed:
            feeds = Feed.objects.filter(url__in=feed)
            unknown = set(feed) - set(feeds.values_list("url", flat=True))
            if unknown:
                raise CommandError(
                    f"No feed registered at {', '.join(sorted(unknown))} (add it in the admin)."
                )
        progress = Progress(sys.stderr, quiet=options["verbosity"] == 0)
        ingester = Ingester(progress=progress, workers=workers)
        with stop_on_sigterm():
            results = fetch_feeds(list(feeds), ingester)
        progress.close()

        report = ingester.report
        if as_json:
            data = {"feeds": [result.__dict__ for result in results], **report.as_dict()}
            self.stdout.write(json.dumps(data, ensure_ascii=False, indent=2, default=str))
        else:
            lines = [
                f"Feed {r.feed}: "
                + (
                    f"failed: {r.error}"
                    if r.error
                    else "not modified since the last fetch"
                    if r.not_modified
                    else f"{r.items} item(s), {r.new_items} new"
                )
                for r in results
            ]
            if not results:
                lines.append("No active feed is registered (add one in the admin under Feeds).")
            self.stdout.write("\n".join(lines + summary(report)))
        if report.failures:
            raise CommandError(
                f"{len(report.failures)} feed(s) or item(s) could not be ingested (see above)."
            )
